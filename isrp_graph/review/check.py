"""Validate a change the way ``apply_write`` does, without storing it (a proposal is refused at once
when it would add a Violation)."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Graph, URIRef
from rdflib.term import Node

from isrp_graph.store.base import Store
from isrp_graph.validation.check import Prepared, validate_state
from isrp_graph.validation.diff import diff_graph
from isrp_graph.validation.focus import affected_nodes
from isrp_graph.validation.graphs import GraphState, is_shapes_graph


def check_write(store: Store, changes: Mapping[URIRef, Graph | None], lang: str = "de") -> None:
    """Raise ``WriteRejected`` (with the new Violations) if ``changes`` would add a Violation."""
    from isrp_graph.writes import WriteRejected, new_violations

    names = tuple(sorted(URIRef(str(n)) for n in changes))
    before = GraphState.from_store(store)
    after = before.with_changes(changes)
    diffs = [diff_graph(before.triples(n), after.triples(n)) for n in names]
    full = any(is_shapes_graph(n) for n in names) or any(d.touches_schema or d.touches_orphans for d in diffs)
    before_prepared, after_prepared = Prepared.of(before), Prepared.of(after)
    focus: set[Node] | None = None
    if not full:
        touched = set().union(*(d.changed_subjects for d in diffs)) if diffs else set()
        focus = affected_nodes(before_prepared.data, touched) | affected_nodes(after_prepared.data, touched)
    report_before = validate_state(before, lang, focus, expand=False, prepared=before_prepared)
    report_after = validate_state(after, lang, focus, expand=False, prepared=after_prepared)
    added = new_violations(report_before, report_after)
    if added:
        raise WriteRejected(report_after, added, lang)
