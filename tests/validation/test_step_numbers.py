"""A step number is unique within one municipality's process, decided by ``isrp:municipality`` (never
by the text of the steps' IRIs), and the product's validation finds what pyshacl finds."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from isrp_graph.namespaces import GRAPH, ISRP
from isrp_graph.validation.check import validate_reference, validate_state
from isrp_graph.validation.graphs import GraphState

# Two municipalities whose steps' IRIs have no "/step/" in them: the old rule compared the IRIs' text
# before "/step/" (empty for both), so step 1 of one municipality was reported as a duplicate of step 1
# of the other. Musterdorf's two steps numbered 2 are a real duplicate.
STEPS = """
@prefix isrp: <https://w3id.org/isrp/def#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@base <https://w3id.org/isrp/test/steps/> .

<musterstadt> a org:FormalOrganization ; rdfs:label "Musterstadt"@de , "Musterstadt"@en ;
    isrp:organizationType <https://w3id.org/isrp/vocab/organisation-type/kommune> .
<musterdorf> a org:FormalOrganization ; rdfs:label "Musterdorf"@de , "Musterdorf"@en ;
    isrp:organizationType <https://w3id.org/isrp/vocab/organisation-type/kommune> .

<musterstadt-schritt-1> a isrp:ProcessStep ; isrp:municipality <musterstadt> ; isrp:stepNumber 1 ;
    dcterms:title "Auftakt"@de ; rdfs:label "Auftakt"@de , "Kick-off"@en ; isrp:illustrative true .
<musterdorf-schritt-1> a isrp:ProcessStep ; isrp:municipality <musterdorf> ; isrp:stepNumber 1 ;
    dcterms:title "Auftakt"@de ; rdfs:label "Auftakt"@de , "Kick-off"@en ; isrp:illustrative true .
<musterdorf-schritt-2a> a isrp:ProcessStep ; isrp:municipality <musterdorf> ; isrp:stepNumber 2 ;
    dcterms:title "Runde"@de ; rdfs:label "Runde"@de , "Round"@en ; isrp:illustrative true .
<musterdorf-schritt-2b> a isrp:ProcessStep ; isrp:municipality <musterdorf> ; isrp:stepNumber 2 ;
    dcterms:title "Noch eine Runde"@de ; rdfs:label "Noch eine Runde"@de , "Another round"@en ;
    isrp:illustrative true .
"""
BASE = "https://w3id.org/isrp/test/steps/"


@pytest.fixture(scope="module")
def state(built_registry) -> GraphState:
    steps = Graph().parse(data=STEPS, format="turtle")
    return GraphState.from_store(built_registry).with_changes({URIRef(GRAPH["test/steps"]): steps})


def duplicates(report) -> set[str]:
    return {
        str(r.focus)
        for r in report.results
        if r.path == ISRP.stepNumber and "mehrfach" in r.message and str(r.focus).startswith(BASE)
    }


def test_a_step_number_repeats_only_within_one_municipality(state):
    found = duplicates(validate_state(state))
    assert found == {BASE + "musterdorf-schritt-2a", BASE + "musterdorf-schritt-2b"}


def test_pyshacl_finds_the_same(state):
    assert duplicates(validate_reference(state)) == duplicates(validate_state(state))
