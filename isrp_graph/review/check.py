"""Validate a change the way ``apply_write`` does, without storing it (a proposal is refused at once
when it would add a Violation): only the changed graphs are read and the neighbourhood of the changed
entries is validated (``isrp_graph.writes.check_changes``), so a proposal costs what it touches, not
what the store (or its log) holds."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, URIRef

from isrp_graph.store.base import Store


def check_write(store: Store, changes: Mapping[URIRef, Graph | None], lang: str = "de") -> None:
    """Raise ``WriteRejected`` (with the new Violations) if ``changes`` would add a Violation."""
    from isrp_graph.writes import check_changes

    check_changes(store, changes, lang)
