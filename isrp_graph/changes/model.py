"""The change model: a changeset is one applied change, stored in the store itself.

Every applied change (form, workbook, RDF upload, import, revert, restore, approved proposal) is one
``isrp:Changeset`` (a ``prov:Activity``). Its summary is appended to the provenance graph; the triples
it removed and added are kept as standard RDF reification (``rdf:Statement``) in the changeset's own
named graph ``…/graph/changeset/<id>``, grouped per entry and graph (``isrp:EntryChange``). See
docs/changes.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from rdflib import URIRef

from isrp_graph.changes.delta import EntryDelta, entry_iris
from isrp_graph.namespaces import BASE, GRAPH

CHANGESET_GRAPH_BASE = str(GRAPH["changeset/"])
RELEASES_GRAPH = URIRef(GRAPH["releases"])
ACTIVITY_BASE = BASE + "activity/"
RELEASE_BASE = BASE + "release/"

KINDS = ("form", "workbook", "upload", "import", "load", "revert", "restore", "proposal", "write")


def changeset_graph(changeset: URIRef) -> URIRef:
    """The named graph that holds the statements of ``changeset``."""
    return URIRef(CHANGESET_GRAPH_BASE + str(changeset).rsplit("/", 1)[-1])


def is_changeset_graph(name: URIRef) -> bool:
    return str(name).startswith(CHANGESET_GRAPH_BASE)


def is_record_graph(name: URIRef) -> bool:
    """Graphs that record changes and releases (never validated, never written through uploads)."""
    from isrp_graph.validation.graphs import is_record_graph as _is_record

    return _is_record(name)


@dataclass(frozen=True)
class Changeset:
    """One applied change."""

    iri: URIRef
    actor: str
    started_at: datetime
    ended_at: datetime
    kind: str = "write"
    approver: str | None = None
    comment: str | None = None
    source: str | None = None
    reverts: URIRef | None = None
    deltas: tuple[EntryDelta, ...] = field(default=())

    @property
    def graph(self) -> URIRef:
        return changeset_graph(self.iri)

    @property
    def graphs(self) -> tuple[URIRef, ...]:
        return tuple(sorted({d.graph for d in self.deltas}))

    @property
    def entries(self) -> frozenset[URIRef]:
        return entry_iris(self.deltas)

    @property
    def added(self) -> int:
        return sum(d.triple_counts()[0] for d in self.deltas)

    @property
    def removed(self) -> int:
        return sum(d.triple_counts()[1] for d in self.deltas)

    @property
    def id(self) -> str:
        return str(self.iri).rsplit("/", 1)[-1]


def changeset_iri(identifier: str) -> URIRef:
    """The IRI of a changeset given by its IRI or by its id (the last path segment)."""
    text = identifier.strip()
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    return URIRef(ACTIVITY_BASE + text)
