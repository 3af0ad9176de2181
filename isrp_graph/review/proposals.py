"""Änderungsvorschläge: a change by a Bearbeiter:in waits, as a pending delta, for a Prüfer:in.

A proposal is one small named graph ``graph/proposals/<id>`` that holds one ``prov:Entity``: who
proposed it, when, the comment, the source (form, file name), the entries concerned
(``dcterms:subject``), and the delta per entry and graph as N-Quads literals — the entry's description
when the proposal was made (``isrp:removedTriples``) and the proposed one (``isrp:addedTriples``).
The delta is never data: nothing in the registry's queries sees a proposed value.

Approval re-reads each entry: if its description differs from the one the proposal started from, the
entry changed meanwhile and ``Conflict`` is raised with both versions; otherwise the entry's
description is swapped in one ``apply_write`` that also marks the proposal approved (atomic,
attributed to the proposer as actor and the reviewer as approver).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from isrp_graph.auth.permissions import decide, would_be_graph
from isrp_graph.auth.roles import Principal
from isrp_graph.messages import LocalizedError
from isrp_graph.namespaces import BASE, ISRP
from isrp_graph.review import texts as _texts  # noqa: F401
from isrp_graph.review.check import check_write
from isrp_graph.store.base import Store
from isrp_graph.validation.diff import NodeDescriber, diff_graph

# A proposal's IRI is the IRI of its own graph: outside the registry entries (which are checked for
# labels and sources), like every graph IRI.
PROPOSALS_GRAPH_BASE = BASE + "graph/proposals/"
PROPOSAL_BASE = PROPOSALS_GRAPH_BASE
OPEN, APPROVED, REJECTED = "offen", "angenommen", "abgelehnt"
Triple = tuple[Node, Node, Node]
# Approvals one at a time, so two approvals of the same entry cannot both pass the conflict check.
_APPROVAL_LOCK = threading.Lock()

_LIST = """
PREFIX isrp: <https://w3id.org/isrp/def#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?p ?status ?created WHERE {
  ?p isrp:proposalStatus ?status ; prov:generatedAtTime ?created .
} ORDER BY DESC(?created)
"""


class ReviewError(LocalizedError):
    """A proposal that cannot be made, approved or rejected as asked (``status`` for the web)."""

    def __init__(self, status: int, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.status = status


class PermissionDenied(ReviewError):
    def __init__(self, reason: str, offices: tuple[str, ...]) -> None:
        super().__init__(403, "review.denied", reason=reason)
        self.offices = offices


@dataclass(frozen=True)
class EntryDelta:
    graph: URIRef
    subject: URIRef
    before: frozenset[Triple]
    after: frozenset[Triple]


@dataclass
class Proposal:
    iri: URIRef
    proposer: str
    proposer_key: str
    comment: str
    created: datetime
    status: str
    source: str
    deltas: list[EntryDelta] = field(default_factory=list)
    reviewer: str | None = None
    review_note: str | None = None
    reviewed_at: datetime | None = None

    @property
    def id(self) -> str:
        return str(self.iri)[len(PROPOSAL_BASE) :]

    @property
    def graph(self) -> URIRef:
        return graph_of(self.id)

    @property
    def subjects(self) -> list[URIRef]:
        return list(dict.fromkeys(d.subject for d in self.deltas))


@dataclass(frozen=True)
class Conflict(Exception):
    """The entries changed after the proposal was made: ``versions`` are (delta, current triples)."""

    proposal: Proposal
    versions: tuple[tuple[EntryDelta, frozenset[Triple]], ...]


def graph_of(proposal_id: str) -> URIRef:
    return URIRef(PROPOSALS_GRAPH_BASE + proposal_id)


def is_proposal_graph(name: str) -> bool:
    return str(name).startswith(PROPOSALS_GRAPH_BASE)


def description(graph: Graph, subject: Node) -> frozenset[Triple]:
    """The subject's triples and, recursively, those of its blank nodes."""
    found: set[Triple] = set()
    todo, seen = [subject], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in graph.predicate_objects(node):
            found.add((node, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return frozenset(found)


def same(a: frozenset[Triple], b: frozenset[Triple]) -> bool:
    """Equal descriptions, whatever the blank-node ids."""
    return NodeDescriber(a).canonical_triples() == NodeDescriber(b).canonical_triples()


def deltas_of(store: Store, changes: Mapping[URIRef, Graph | None]) -> list[EntryDelta]:
    """The entries a change of whole graphs touches, each with its description before and after."""
    found: list[EntryDelta] = []
    for name, new in changes.items():
        old = store.get_graph(URIRef(str(name)))
        new = new if new is not None else Graph()
        diff = diff_graph(old, new)
        for subject in sorted(s for s in diff.changed_subjects if isinstance(s, URIRef)):
            before, after = description(old, subject), description(new, subject)
            found.append(EntryDelta(URIRef(str(name)), subject, before, after))
    return found


def _without(
    store: Store, changes: Mapping[URIRef, Graph | None], dropped: list[EntryDelta]
) -> dict[URIRef, Graph]:
    """``changes`` with the dropped entries as they are now."""
    fixed: dict[URIRef, Graph] = {}
    for delta in dropped:
        graph = fixed.get(delta.graph)
        if graph is None:
            source = changes.get(delta.graph)
            graph = Graph()
            for triple in source if source is not None else ():
                graph.add(triple)
            fixed[delta.graph] = graph
        for triple in delta.after:
            graph.remove(triple)
        for triple in delta.before:
            graph.add(triple)
    return fixed


def check_permission(store: Store, person: Principal, deltas: list[EntryDelta], lang: str) -> None:
    """403 (``PermissionDenied``) unless ``person`` may edit every entry, before and after."""
    from isrp_graph.entries import exists, labels

    names = labels(store, [str(d.subject) for d in deltas], lang)
    after = None
    for delta in deltas:
        label = names.get(str(delta.subject), str(delta.subject))
        # an entry already in the registry (in any graph) is judged by what the registry says
        if delta.before or exists(store, str(delta.subject)):
            verdict = decide(store, person, str(delta.subject), lang, label)
            if not verdict.allowed:
                raise PermissionDenied(verdict.reason, verdict.offices)
        if after is None:
            after = would_be_graph(
                store,
                [d.subject for d in deltas],
                [t for d in deltas for t in d.before],
                [t for d in deltas for t in d.after],
            )
        verdict = decide(after, person, str(delta.subject), lang, label)
        if not verdict.allowed:
            raise PermissionDenied(verdict.reason, verdict.offices)


def _nquads(graph_name: URIRef, triples: frozenset[Triple]) -> str:
    dataset = Dataset()
    target = dataset.graph(graph_name)
    for triple in triples:
        target.add(triple)
    return dataset.serialize(format="nquads")


def _parse_nquads(text: str) -> dict[URIRef, set[Triple]]:
    dataset = Dataset()
    dataset.parse(data=text, format="nquads")
    found: dict[URIRef, set[Triple]] = {}
    for s, p, o, g in dataset.quads():
        name = g.identifier if isinstance(g, Graph) else g
        found.setdefault(URIRef(str(name)), set()).add((s, p, o))
    return found


def _to_graph(proposal: Proposal) -> Graph:
    graph = Graph()
    node = proposal.iri
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, RDFS.label, Literal(f"Änderungsvorschlag von {proposal.proposer}", lang="de")))
    graph.add((node, RDFS.label, Literal(f"Change proposal by {proposal.proposer}", lang="en")))
    # people as blank-node agents with their name (and the sign-in subject / token name as identifier)
    proposer = BNode()
    graph.add((node, PROV.wasAttributedTo, proposer))
    graph.add((proposer, RDF.type, PROV.Agent))
    graph.add((proposer, RDFS.label, Literal(proposal.proposer)))
    graph.add((proposer, DCTERMS.identifier, Literal(proposal.proposer_key)))
    graph.add((node, PROV.generatedAtTime, Literal(proposal.created.isoformat(), datatype=XSD.dateTime)))
    graph.add((node, ISRP.proposalStatus, Literal(proposal.status)))
    if proposal.comment:
        graph.add((node, RDFS.comment, Literal(proposal.comment)))
    if proposal.source:
        graph.add((node, DCTERMS.source, Literal(proposal.source)))
    for delta in proposal.deltas:
        part = BNode()
        graph.add((node, DCTERMS.hasPart, part))
        graph.add((part, DCTERMS.subject, delta.subject))
        graph.add((node, DCTERMS.subject, delta.subject))
        graph.add((part, ISRP.removedTriples, Literal(_nquads(delta.graph, delta.before))))
        graph.add((part, ISRP.addedTriples, Literal(_nquads(delta.graph, delta.after))))
        graph.add((part, PROV.used, delta.graph))
    if proposal.reviewer:
        reviewer = BNode()
        graph.add((node, ISRP.reviewedBy, reviewer))
        graph.add((reviewer, RDF.type, PROV.Agent))
        graph.add((reviewer, RDFS.label, Literal(proposal.reviewer)))
    if proposal.review_note:
        graph.add((node, ISRP.reviewNote, Literal(proposal.review_note)))
    if proposal.reviewed_at:
        graph.add((node, DCTERMS.modified, Literal(proposal.reviewed_at.isoformat(), datatype=XSD.dateTime)))
    return graph


def _from_graph(graph: Graph, iri: URIRef) -> Proposal:
    def text(p: URIRef, node: Node = iri) -> str | None:
        value = graph.value(node, p)
        return str(value) if value is not None else None

    def agent_label(p: URIRef) -> str | None:
        agent = graph.value(iri, p)
        return str(graph.value(agent, RDFS.label) or "") if agent is not None else None

    deltas = []
    for part in graph.objects(iri, DCTERMS.hasPart):
        subject = URIRef(str(graph.value(part, DCTERMS.subject)))
        target = URIRef(str(graph.value(part, PROV.used)))
        before = _parse_nquads(text(ISRP.removedTriples, part) or "").get(target, set())
        after = _parse_nquads(text(ISRP.addedTriples, part) or "").get(target, set())
        deltas.append(EntryDelta(target, subject, frozenset(before), frozenset(after)))
    deltas.sort(key=lambda d: (str(d.subject), str(d.graph)))
    reviewed = text(DCTERMS.modified)
    return Proposal(
        iri=iri,
        proposer=agent_label(PROV.wasAttributedTo) or "",
        proposer_key=text(DCTERMS.identifier, graph.value(iri, PROV.wasAttributedTo)) or "",
        comment=text(RDFS.comment) or "",
        created=datetime.fromisoformat(text(PROV.generatedAtTime) or "1970-01-01T00:00:00+00:00"),
        status=text(ISRP.proposalStatus) or OPEN,
        source=text(DCTERMS.source) or "",
        deltas=deltas,
        reviewer=agent_label(ISRP.reviewedBy),
        review_note=text(ISRP.reviewNote),
        reviewed_at=datetime.fromisoformat(reviewed) if reviewed else None,
    )


def propose(
    store: Store,
    changes: Mapping[URIRef, Graph | None],
    person: Principal,
    comment: str,
    lang: str = "de",
    source: str = "",
    keep: Callable[[EntryDelta], bool] | None = None,
) -> Proposal | None:
    """Store a proposal for ``changes`` (whole named graphs, as ``apply_write`` takes them). Checks the
    permission (``PermissionDenied``) and validates like a write (``WriteRejected``); ``None`` when the
    change changes nothing. ``keep`` drops entry changes that are not meant (a person's own workbook
    does not hold the entries of other offices, which therefore look removed)."""
    deltas = deltas_of(store, changes)
    if keep is not None:
        dropped = [d for d in deltas if not keep(d)]
        deltas = [d for d in deltas if keep(d)]
        if dropped:
            changes = {**changes, **_without(store, changes, dropped)}
    if not deltas:
        return None
    check_permission(store, person, deltas, lang)
    check_write(store, changes, lang)
    proposal = Proposal(
        iri=URIRef(PROPOSAL_BASE + f"{datetime.now(UTC):%Y%m%d%H%M%S}-{uuid.uuid4().hex[:8]}"),
        proposer=person.name,
        proposer_key=person.key,
        comment=comment.strip(),
        created=datetime.now(UTC),
        status=OPEN,
        source=source,
        deltas=deltas,
    )
    store.replace_graph(proposal.graph, _to_graph(proposal))
    return proposal


def get(store: Store, proposal_id: str) -> Proposal:
    if not proposal_id.replace("-", "").isalnum():
        raise ReviewError(404, "review.unknown", id=proposal_id)
    graph = store.get_graph(graph_of(proposal_id))
    iri = URIRef(PROPOSAL_BASE + proposal_id)
    if (iri, ISRP.proposalStatus, None) not in graph:
        raise ReviewError(404, "review.unknown", id=proposal_id)
    return _from_graph(graph, iri)


def listing(store: Store, status: str | None = None, proposer_key: str | None = None) -> list[Proposal]:
    found = []
    for row in store.select(_LIST).rows:
        if status is not None and str(row["status"]) != status:
            continue
        proposal = get(store, str(row["p"])[len(PROPOSAL_BASE) :])
        if proposer_key is None or proposal.proposer_key == proposer_key:
            found.append(proposal)
    return found


def merged(store: Store, proposal: Proposal) -> tuple[dict[URIRef, Graph], list]:
    """The graphs with the proposed descriptions swapped in, and the conflicts found."""
    graphs: dict[URIRef, Graph] = {}
    conflicts = []
    for delta in proposal.deltas:
        graph = graphs.setdefault(delta.graph, store.get_graph(delta.graph))
        current = description(graph, delta.subject)
        if not same(current, delta.before):
            conflicts.append((delta, current))
            continue
        for triple in current:
            graph.remove(triple)
        for triple in delta.after:
            graph.add(triple)
    return graphs, conflicts


def approve(store: Store, proposal_id: str, reviewer: Principal, lang: str = "de", note: str = ""):  # type: ignore[no-untyped-def]
    """Apply the proposal (``Conflict`` if an entry changed meanwhile) and mark it approved, in one
    write. Returns the ``WriteOutcome``. The data graphs pass the write policy; the proposal's own graph
    is a record that the web may not write, so the approval goes through the trusted write."""
    from isrp_graph.write_policy import check_writable
    from isrp_graph.writes import apply_trusted_write

    with _APPROVAL_LOCK:
        proposal = get(store, proposal_id)
        if proposal.status != OPEN:
            raise ReviewError(409, "review.closed", id=proposal_id)
        graphs, conflicts = merged(store, proposal)
        if conflicts:
            raise Conflict(proposal, tuple(conflicts))
        proposal.status, proposal.reviewer = APPROVED, reviewer.name
        proposal.review_note, proposal.reviewed_at = note.strip() or None, datetime.now(UTC)
        for name in graphs:
            check_writable(name, lang)
        changes: dict[URIRef, Graph | None] = {**graphs, proposal.graph: _to_graph(proposal)}
        return apply_trusted_write(
            store,
            changes,
            proposal.proposer,
            lang,
            approver=reviewer.name,
            comment=proposal.comment or None,
            source=str(proposal.iri),
            kind="proposal",
        )


def reject(store: Store, proposal_id: str, reviewer: Principal, reason: str) -> Proposal:
    if not reason.strip():
        raise ReviewError(422, "review.reason_needed")
    proposal = get(store, proposal_id)
    if proposal.status != OPEN:
        raise ReviewError(409, "review.closed", id=proposal_id)
    proposal.status, proposal.reviewer = REJECTED, reviewer.name
    proposal.review_note, proposal.reviewed_at = reason.strip(), datetime.now(UTC)
    store.replace_graph(proposal.graph, _to_graph(proposal))
    return proposal
