"""Bad input of the working cycle on the Erfurt registry: each is refused with the field named, and
nothing is stored (a need counted twice in a session, a score off the criterion's scale, a measure
still running in an expired plan, an observation before its baseline, an amount that is no number)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Graph, URIRef

from isrp_graph.registry import build_registry
from isrp_graph.store import EmbeddedStore
from isrp_graph.writes import WriteRejected, apply_write

GRAPH = URIRef("https://w3id.org/isrp/graph/import/zyklus-test")
PREFIXES = """
@base <https://w3id.org/isrp/erfurt/> .
@prefix isrp: <https://w3id.org/isrp/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mtype: <https://w3id.org/isrp/vocab/measure-type/> .
"""
SOURCE = "dcterms:source <https://example.org/protokoll> ; isrp:illustrative true"
NEED = "<need/familienangebot-oststadt>"


@pytest.fixture(scope="module")
def erfurt() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(None, query_timeout=None)
    build_registry(store)
    yield store
    store.close()


def refused(store: EmbeddedStore, turtle: str) -> WriteRejected:
    before = len(store)
    with pytest.raises(WriteRejected) as caught:
        apply_write(store, {GRAPH: Graph().parse(data=PREFIXES + turtle, format="turtle")}, actor="Test")
    assert len(store) == before and GRAPH not in store.graphs()
    return caught.value


def fields(error: WriteRejected) -> set[tuple[str, str]]:
    return {(str(r.entry), r.path_label or "") for r in error.new_violations}


def test_a_need_counted_twice_in_a_session(erfurt):
    error = refused(
        erfurt,
        f"""
<session/test> a isrp:PrioritySession ; rdfs:label "Sitzung"@de ; {SOURCE} ;
    isrp:assessment <session/test/a> , <session/test/b> .
<session/test/a> a isrp:PriorityAssessment ; rdfs:label "A"@de ; isrp:assessedNeed {NEED} ; {SOURCE} .
<session/test/b> a isrp:PriorityAssessment ; rdfs:label "B"@de ; isrp:assessedNeed {NEED} ; {SOURCE} .
""",
    )
    assert fields(error) == {("https://w3id.org/isrp/erfurt/session/test", "Bewertung")}
    assert "Derselbe Bedarf ist in der Sitzung mehrfach bewertet." in str(error)


def test_a_score_outside_the_scale(erfurt):
    error = refused(
        erfurt,
        f"""
<criterion/test> a isrp:PriorityCriterion ; rdfs:label "Dringlichkeit"@de ; {SOURCE} ;
    isrp:scaleMinimum 1.0 ; isrp:scaleMaximum 5.0 .
<score/test> a isrp:CriterionScore ; rdfs:label "Punkte"@de ; {SOURCE} ;
    isrp:criterion <criterion/test> ; isrp:scoreValue 9.0 .
""",
    )
    assert fields(error) == {("https://w3id.org/isrp/erfurt/score/test", "Punkte")}
    assert "außerhalb der Skala" in str(error)


def test_a_measure_still_running_in_an_expired_plan(erfurt):
    error = refused(
        erfurt,
        f"""
<measure/test> a isrp:Measure ; rdfs:label "Maßnahme"@de ; {SOURCE} ;
    isrp:measureType mtype:operativ ; isrp:assignedPlan <plan/kulturkonzept> .
""",
    )
    assert fields(error) == {("https://w3id.org/isrp/erfurt/measure/test", "zugeordnete Fachplanung")}
    assert "ausgelaufen" in str(error)


def test_an_observation_before_its_baseline(erfurt):
    error = refused(
        erfurt,
        f"""
<measure/test-ziel> a isrp:Measure ; rdfs:label "Maßnahme"@de ; {SOURCE} ;
    isrp:impactTarget <measure/test-ziel/ziel> .
<measure/test-ziel/ziel> a isrp:ImpactTarget ; rdfs:label "Ziel"@de ; {SOURCE} ;
    isrp:targetIndicator <indicator/sozialindex-ssa-2020> ; isrp:baselineDate "2023-01-01"^^xsd:date .
<observation/test> a isrp:IndicatorObservation ; rdfs:label "Wert"@de ; {SOURCE} ;
    isrp:indicator <indicator/sozialindex-ssa-2020> ; isrp:observedArea <area/rieth> ; isrp:value 3.0 ;
    isrp:referenceDate "2022-06-30"^^xsd:date ; isrp:observedFor <measure/test-ziel> .
""",
    )
    assert fields(error) == {("https://w3id.org/isrp/erfurt/observation/test", "gemessen für")}


def test_a_budget_amount_that_is_no_number(erfurt):
    error = refused(
        erfurt,
        f"""
<budget/test> a isrp:BudgetItem ; rdfs:label "Position"@de ; {SOURCE} ;
    isrp:amount "15.000 €" ; isrp:fiscalYear "2024"^^xsd:gYear .
""",
    )
    assert fields(error) == {("https://w3id.org/isrp/erfurt/budget/test", "Betrag (EUR)")}


def test_a_complete_session_is_accepted(erfurt):
    outcome = apply_write(
        erfurt,
        {
            GRAPH: Graph().parse(
                data=PREFIXES
                + f"""
<session/ok> a isrp:PrioritySession ; rdfs:label "Sitzung"@de ; {SOURCE} ;
    isrp:assessment <session/ok/a> .
<session/ok/a> a isrp:PriorityAssessment ; rdfs:label "A"@de ; isrp:assessedNeed {NEED} ;
    isrp:rank 1 ; {SOURCE} .
""",
                format="turtle",
            )
        },
        actor="Test",
    )
    assert outcome.added > 0 and GRAPH in erfurt.graphs()
    erfurt.drop_graph(GRAPH)
