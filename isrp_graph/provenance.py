"""The provenance log: every accepted write becomes a ``prov:Activity`` in one named graph.

::

    <…/activity/2026-11-25T10-15-02Z-3f9c1a2b> a prov:Activity ;
        rdfs:label "Änderung durch Sozialplanung"@de , "Change by Sozialplanung"@en ;
        prov:wasAssociatedWith <https://w3id.org/isrp/agent/sozialplanung> ;
        prov:startedAtTime "…"^^xsd:dateTime ; prov:endedAtTime "…"^^xsd:dateTime ;
        prov:used <graph IRI> ; prov:generated <graph IRI> ;
        isrp:triplesAdded 3 ; isrp:triplesRemoved 1 .
    <https://w3id.org/isrp/agent/sozialplanung> a prov:Agent ; rdfs:label "Sozialplanung" .
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from isrp_graph.messages import t
from isrp_graph.namespaces import BASE, ISRP, PREFIXES
from isrp_graph.validation import texts as _texts  # noqa: F401  (registers write.* messages)
from isrp_graph.validation.graphs import PROVENANCE_GRAPH

__all__ = ["PROVENANCE_GRAPH", "ChangeRecord", "activity_triples", "agent_iri", "log_with", "slug"]
ACTIVITY_BASE = BASE + "activity/"
AGENT_BASE = BASE + "agent/"
TRIPLES_ADDED = ISRP.triplesAdded
TRIPLES_REMOVED = ISRP.triplesRemoved

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def slug(text: str) -> str:
    """Lower-case German without umlauts, words joined by ``-`` (the project's slug rule)."""
    plain = unicodedata.normalize("NFKD", text.translate(_UMLAUTS)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "unbekannt"


def agent_iri(actor: str) -> URIRef:
    return URIRef(AGENT_BASE + slug(actor))


def new_activity_iri(started: datetime) -> URIRef:
    stamp = started.strftime("%Y-%m-%dT%H-%M-%SZ")
    return URIRef(f"{ACTIVITY_BASE}{stamp}-{uuid.uuid4().hex[:8]}")


@dataclass(frozen=True)
class ChangeRecord:
    """What one accepted write did, as the provenance log records it."""

    activity: URIRef
    actor: str
    started_at: datetime
    ended_at: datetime
    graphs: tuple[URIRef, ...]
    added: int
    removed: int


def activity_triples(record: ChangeRecord) -> Graph:
    """The triples that describe ``record`` (an activity and its agent)."""
    graph = Graph(bind_namespaces="core")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    act, agent = record.activity, agent_iri(record.actor)
    graph.add((act, RDF.type, PROV.Activity))
    for lang in ("de", "en"):
        graph.add((act, RDFS.label, Literal(t("write.activity_label", lang, actor=record.actor), lang=lang)))
    graph.add((act, PROV.wasAssociatedWith, agent))
    graph.add((act, PROV.startedAtTime, Literal(record.started_at.isoformat(), datatype=XSD.dateTime)))
    graph.add((act, PROV.endedAtTime, Literal(record.ended_at.isoformat(), datatype=XSD.dateTime)))
    for name in record.graphs:
        graph.add((act, PROV.used, name))
        graph.add((act, PROV.generated, name))
    graph.add((act, TRIPLES_ADDED, Literal(record.added, datatype=XSD.nonNegativeInteger)))
    graph.add((act, TRIPLES_REMOVED, Literal(record.removed, datatype=XSD.nonNegativeInteger)))
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, RDFS.label, Literal(record.actor)))
    return graph


def log_with(existing: Iterable[tuple], record: ChangeRecord) -> Graph:
    """The provenance graph ``existing`` plus the activity of ``record``."""
    graph = activity_triples(record)
    for triple in existing:
        graph.add(triple)
    return graph
