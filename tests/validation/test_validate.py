"""Full validation on the fixture store: the exact set of findings, labels and messages."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SH, XSD

from isrp_graph.namespaces import GRAPH, ISRP, ORG, PROV, SHAPES
from isrp_graph.validation import validate
from isrp_graph.validation.check import Prepared, validate_state
from isrp_graph.validation.engine import run_fast
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.report import build_report

E = "https://w3id.org/isrp/erfurt/"
PLAN_ISRP = URIRef(E + "plan/isrp")
SCHULNETZ = URIRef(E + "plan/schulnetzplanung")
EINSEITIG = URIRef(E + "interface/einseitig")
KITA = URIRef(E + "delimitation/kita")
GREMIUM = URIRef(E + "body/begleitgremium")

# (entry, focus is the entry itself, path, severity, named shape, constraint component)
EXPECTED = {
    (PLAN_ISRP, True, ISRP.responsibleOrganization, "Violation", SHAPES.SectoralPlanShape, "MinCount"),
    (PLAN_ISRP, True, ISRP.legalBasis, "Warning", SHAPES.SectoralPlanShape, "MinCount"),
    (PLAN_ISRP, True, ISRP.topic, "Warning", SHAPES.SectoralPlanShape, "MinCount"),
    (PLAN_ISRP, True, ISRP.updateCycle, "Warning", SHAPES.SectoralPlanShape, "MaxCount"),
    (PLAN_ISRP, True, ISRP.lastUpdated, "Info", SHAPES.SectoralPlanShape, "MinCount"),
    (SCHULNETZ, True, RDFS.label, "Violation", SHAPES.SectoralPlanShape, "MinCount"),
    (SCHULNETZ, True, ISRP.responsibleOrganization, "Violation", SHAPES.SectoralPlanShape, "MinCount"),
    (SCHULNETZ, True, DCTERMS.source, "Violation", SHAPES.SourceShape, "MinCount"),
    (SCHULNETZ, True, ISRP.legalBasis, "Warning", SHAPES.SectoralPlanShape, "MinCount"),
    (SCHULNETZ, True, ISRP["term"], "Warning", SHAPES.SectoralPlanShape, "MinCount"),
    (SCHULNETZ, True, ISRP.targetGroup, "Warning", SHAPES.SectoralPlanShape, "MinCount"),
    (SCHULNETZ, True, ISRP.topic, "Warning", SHAPES.SectoralPlanShape, "MinCount"),
    (SCHULNETZ, True, ISRP.lastUpdated, "Info", SHAPES.SectoralPlanShape, "MinCount"),
    (EINSEITIG, True, ISRP.relatesPlan, "Violation", SHAPES.InterfaceShape, "MinCount"),
    (KITA, True, None, "Violation", SHAPES.DelimitationShape, "SPARQL"),
    (KITA, True, DCTERMS.source, "Violation", SHAPES.SourceShape, "NodeKind"),
    (GREMIUM, False, ORG.member, "Violation", SHAPES.MembershipShape, "MinCount"),
}


def summary(report):
    return {
        (
            r.entry,
            r.focus == r.entry,
            r.path,
            r.severity,
            r.node_shape,
            str(r.constraint).removeprefix(str(SH)).removesuffix("ConstraintComponent"),
        )
        for r in report.results
    }


def test_full_validation_finds_exactly_the_known_results(fixture_store):
    report = validate(fixture_store)
    assert summary(report) == EXPECTED
    assert len(report.results) == len(EXPECTED)
    assert report.counts == {"Violation": 8, "Warning": 7, "Info": 2}
    assert report.conforms is False
    assert report.focus_nodes is None


def test_labels_types_and_entries_in_german(fixture_store):
    report = validate(fixture_store, lang="de")
    by_key = {(r.entry, r.path): r for r in report.results}
    plan = by_key[(PLAN_ISRP, ISRP.responsibleOrganization)]
    assert plan.focus_label == "Integrierte Sozialraumplanung"
    assert plan.focus_type == ISRP.IntegratedPlan  # most specific type, not SectoralPlan or prov:Plan
    assert plan.focus_type_label == "Integrierte Planung"
    assert plan.path_label == "federführende Stelle"  # sh:name of the shape
    assert plan.message == "»federführende Stelle« fehlt."  # catalogue text: the shape has no message
    # no label: fall back to the IRI's local name; type inferred from rdfs:range of isrp:relatesPlan
    untyped = by_key[(SCHULNETZ, RDFS.label)]
    assert untyped.focus_label == "schulnetzplanung"
    assert untyped.focus_type_label == "Fachplanung"
    assert untyped.message == "Die Fachplanung braucht einen Namen."  # sh:message@de
    # a blank node finding belongs to the entry that holds it
    member = by_key[(GREMIUM, ORG.member)]
    assert isinstance(member.focus, BNode)
    assert member.entry_label == "Begleitgremium"
    assert member.focus_label == "Membership in Begleitgremium"
    # no sh:name: the property's rdfs:label from the ontology
    assert by_key[(PLAN_ISRP, ISRP.updateCycle)].path_label == "Fortschreibungszyklus"
    assert by_key[(PLAN_ISRP, ISRP.updateCycle)].message == (
        "»Fortschreibungszyklus« hat zu viele Angaben (höchstens 1)."
    )
    sparql = by_key[(KITA, None)]
    assert sparql.message == "Die Abgrenzungsregel fehlt auf Deutsch."
    assert sparql.path_label == ""


def test_messages_and_labels_in_english(fixture_store):
    report = validate(fixture_store, lang="en")
    by_key = {(r.entry, r.path): r for r in report.results}
    assert by_key[(SCHULNETZ, RDFS.label)].message == "The sectoral plan needs a name."
    assert by_key[(PLAN_ISRP, ISRP.responsibleOrganization)].message == (
        "'responsible organisation' is missing."
    )
    assert by_key[(PLAN_ISRP, ISRP.responsibleOrganization)].focus_type_label == "integrated plan"
    assert by_key[(GREMIUM, ORG.member)].entry_label == "steering committee"
    assert by_key[(KITA, None)].message == "The delimitation rule is missing in German."
    assert by_key[(KITA, DCTERMS.source)].message == (
        "'source': 'Prozessvorschlag' has the wrong form (expected: IRI)."
    )


def test_message_falls_back_to_the_other_language(fixture_store):
    # the MeasureShape message exists only in German; break the measure to see it in English
    fixture_store.update(
        "DELETE WHERE { GRAPH ?g { <https://w3id.org/isrp/erfurt/measure/quartiersmanagement> "
        "isrp:responsibleOrganization ?o } }"
    )
    report = validate(fixture_store, lang="en")
    measure = [r for r in report.results if r.path == PROV.wasAttributedTo]
    assert [r.message for r in measure] == ["Eine Maßnahme braucht eine verantwortliche Stelle."]


def test_the_closure_is_what_makes_subproperties_domains_and_ranges_count(fixture_store):
    """Without the precomputed triples, pyshacl would miss the untyped plan (rdfs:range) and flag the
    measure (rdfs:subPropertyOf): the closure is needed, not decoration."""
    state = GraphState.from_store(fixture_store)
    prepared = Prepared.of(state)
    assert prepared.inferred > 0
    _conforms, results = run_fast(state.data_graph(), prepared.shapes)
    plain = build_report(results, prepared.data, prepared.shapes)
    entries = {r.entry for r in plain.results}
    assert SCHULNETZ not in entries
    assert URIRef(E + "measure/quartiersmanagement") in entries


def test_severity_filter_keeps_conformance(fixture_store):
    report = validate(fixture_store)
    only_violations = report.filtered("Violation")
    assert {r.severity for r in only_violations.results} == {"Violation"}
    assert only_violations.counts == {"Violation": 8, "Warning": 0, "Info": 0}
    assert report.filtered("Warning").counts == {"Violation": 8, "Warning": 7, "Info": 0}
    assert report.filtered("Info").results == report.results
    assert only_violations.conforms is False


def test_a_store_without_findings_conforms(memory_store):
    report = validate(memory_store)
    assert report.conforms is True
    assert report.results == ()
    assert report.counts == {"Violation": 0, "Warning": 0, "Info": 0}


def test_typed_literals_are_validated_as_stated():
    """pyoxigraph would turn "01"^^xsd:positiveInteger into "1"^^xsd:integer; the validated data keeps
    the stated literal (a would-be state of a write never went through a store)."""
    shapes = Graph().parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://example.org/S> a sh:NodeShape ; sh:targetNode <https://example.org/item> ;
            sh:property [ sh:path <https://example.org/order> ; sh:maxCount 1 ;
                          sh:datatype xsd:positiveInteger ] .
        """,
        format="turtle",
    )
    data = Graph()
    value = Literal("01", datatype=XSD.positiveInteger)
    data.add((URIRef("https://example.org/item"), URIRef("https://example.org/order"), value))
    state = GraphState.from_graphs({GRAPH["ontology/shapes/s"]: shapes, GRAPH["data/test/d"]: data})
    assert validate_state(state).results == ()
