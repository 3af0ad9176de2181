"""The change model's terms: declared with German and English labels and definitions."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from isrp_graph.changes.record import changeset_triples, provenance_triples
from isrp_graph.namespaces import ISRP

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "isrp-changes.ttl"


def test_every_term_has_german_and_english_label_and_definition():
    graph = Graph().parse(ONTOLOGY)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {s for k in kinds for s in graph.subjects(RDF.type, k)}
    assert len(terms) >= 14
    for term in terms:
        for prop in (RDFS.label, SKOS.definition):
            assert {o.language for o in graph.objects(term, prop)} >= {"de", "en"}, (term, prop)


def test_every_isrp_term_the_records_use_is_declared():
    from datetime import UTC, datetime

    from isrp_graph.changes.delta import EntryDelta
    from isrp_graph.changes.model import Changeset

    declared = set(Graph().parse(ONTOLOGY).subjects()) | set(
        Graph().parse(ONTOLOGY.parent / "isrp.ttl").subjects()
    )
    now = datetime.now(UTC)
    delta = EntryDelta(URIRef("urn:g"), URIRef("urn:e"), (), (((RDFS.label, URIRef("urn:x")), 1),))
    cs = Changeset(
        URIRef("urn:cs"),
        "A",
        now,
        now,
        approver="B",
        comment="c",
        source="s",
        reverts=URIRef("urn:o"),
        deltas=(delta,),
    )
    used = {
        n
        for t in (*provenance_triples(cs), *changeset_triples(cs))
        for n in t
        if str(n).startswith(str(ISRP))
    }
    assert used <= declared, used - declared
