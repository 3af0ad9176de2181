"""Changesets as RDF, and back.

Provenance graph (appended, never rewritten)::

    <…/activity/ID> a prov:Activity , isrp:Changeset ;
        rdfs:label "Änderung durch …"@de , "Change by …"@en ;
        prov:wasAssociatedWith <agent> ; isrp:approvedBy <agent> ;
        prov:startedAtTime … ; prov:endedAtTime … ; prov:used <g> ; prov:generated <g> ;
        isrp:triplesAdded 3 ; isrp:triplesRemoved 1 ; isrp:changeKind "form" ;
        rdfs:comment "…" ; dcterms:source "datei.xlsx" ; isrp:reverts <…/activity/OTHER> ;
        isrp:changesetGraph <…/graph/changeset/ID> .

Changeset graph ``…/graph/changeset/ID``::

    <…/activity/ID> isrp:changedEntry <entry> ; isrp:entryChange _:e .
    _:e a isrp:EntryChange ; isrp:entry <entry> ; isrp:inGraph <g> ;
        isrp:removal [ a rdf:Statement ; rdf:subject <entry> ; rdf:predicate … ; rdf:object … ] ;
        isrp:addition [ … ] .

Blank-node values are blank nodes of the changeset graph (``rdf:object _:t`` and statements with
``rdf:subject _:t``), so a changed term is a statement group of the plan that holds it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from rdflib.term import Node

from isrp_graph.changes.delta import Describer, EntryDelta, freeze, materialise, pairs_of
from isrp_graph.changes.model import Changeset, changeset_graph
from isrp_graph.messages import t
from isrp_graph.namespaces import ISRP
from isrp_graph.provenance import agent_iri

Triple = tuple


def provenance_triples(cs: Changeset) -> list[Triple]:
    """The summary of ``cs`` for the provenance graph."""
    act = cs.iri
    triples: list[Triple] = [
        (act, RDF.type, PROV.Activity),
        (act, RDF.type, ISRP.Changeset),
        (act, PROV.startedAtTime, Literal(cs.started_at.isoformat(), datatype=XSD.dateTime)),
        (act, PROV.endedAtTime, Literal(cs.ended_at.isoformat(), datatype=XSD.dateTime)),
        (act, ISRP.triplesAdded, Literal(cs.added, datatype=XSD.nonNegativeInteger)),
        (act, ISRP.triplesRemoved, Literal(cs.removed, datatype=XSD.nonNegativeInteger)),
        (act, ISRP.changeKind, Literal(cs.kind)),
        (act, ISRP.changesetGraph, cs.graph),
    ]
    for lang in ("de", "en"):
        triples.append((act, RDFS.label, Literal(t("write.activity_label", lang, actor=cs.actor), lang=lang)))
    for role, person in ((ISRP.changedBy, cs.actor), (ISRP.approvedBy, cs.approver)):
        if person:
            agent = agent_iri(person)
            triples += [(act, role, agent), (act, PROV.wasAssociatedWith, agent)]
            triples += [(agent, RDF.type, PROV.Agent), (agent, RDFS.label, Literal(person))]
    for name in cs.graphs:
        triples += [(act, PROV.used, name), (act, PROV.generated, name)]
    if cs.comment:
        triples.append((act, RDFS.comment, Literal(cs.comment)))
    if cs.source:
        triples.append((act, DCTERMS.source, Literal(cs.source)))
    if cs.reverts is not None:
        triples.append((act, ISRP.reverts, cs.reverts))
    return triples


def changeset_triples(cs: Changeset) -> list[Triple]:
    """The statements of ``cs`` for its own named graph (size grows with the change only)."""
    act = cs.iri
    triples: list[Triple] = []
    for delta in cs.deltas:
        change = BNode()
        triples += [(act, ISRP.entryChange, change), (change, RDF.type, ISRP.EntryChange)]
        triples.append((change, ISRP.inGraph, delta.graph))
        if delta.entry is not None:
            triples += [(act, ISRP.changedEntry, delta.entry), (change, ISRP.entry, delta.entry)]
        for role, pairs in ((ISRP.removal, delta.removed_pairs), (ISRP.addition, delta.added_pairs)):
            for s, p, o in materialise(delta.entry, pairs):
                statement = BNode()
                triples += [
                    (change, role, statement),
                    (statement, RDF.type, RDF.Statement),
                    (statement, RDF.subject, s),
                    (statement, RDF.predicate, p),
                    (statement, RDF.object, o),
                ]
    return triples


def read_changeset(store, iri: URIRef) -> Changeset | None:
    """The changeset ``iri`` from the store (its summary and its statements), or ``None``."""
    from isrp_graph.changes import queries

    rows = store.select(queries.SUMMARY, {"cs": iri}).rows
    if not rows:
        return None
    graph = store.get_graph(changeset_graph(iri))
    return changeset_from(iri, rows, graph)


def changeset_from(iri: URIRef, rows: list[dict], graph: Graph) -> Changeset:
    row = rows[0]
    started = _time(row.get("started"))
    return Changeset(
        iri=iri,
        actor=str(row.get("actor") or ""),
        approver=str(row["approver"]) if row.get("approver") else None,
        started_at=started,
        ended_at=_time(row.get("ended")) if row.get("ended") else started,
        kind=str(row.get("kind") or "write"),
        comment=str(row["comment"]) if row.get("comment") else None,
        source=str(row["source"]) if row.get("source") else None,
        reverts=row.get("reverts") if isinstance(row.get("reverts"), URIRef) else None,
        deltas=tuple(deltas_from(graph, iri)),
    )


def deltas_from(graph: Graph, iri: URIRef) -> Iterable[EntryDelta]:
    for change in graph.objects(iri, ISRP.entryChange):
        name = graph.value(change, ISRP.inGraph)
        entry = graph.value(change, ISRP.entry)
        parts = []
        for role in (ISRP.removal, ISRP.addition):
            triples = [
                (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
                for st in graph.objects(change, role)
            ]
            parts.append(_pairs(entry, triples))
        yield EntryDelta(URIRef(str(name)), entry, removed=freeze(parts[0]), added=freeze(parts[1]))


def _pairs(entry: Node | None, triples: list[Triple]):
    from collections import Counter

    describer = Describer(triples)
    if entry is not None:
        return pairs_of(describer.describe(entry))
    return Counter({("orphan", ("bnode", d)): n for d, n in describer.orphans().items()})


def _time(value: Node | None) -> datetime:
    if isinstance(value, Literal):
        parsed = value.toPython()
        if isinstance(parsed, datetime):
            return parsed
        return datetime.fromisoformat(str(value))
    return datetime.fromtimestamp(0).astimezone()
