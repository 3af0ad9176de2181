"""Validation limited to some nodes: which nodes it covers, and that it finds exactly what a full
validation finds for those nodes (blank-node focus nodes included)."""

from __future__ import annotations

from rdflib import BNode, URIRef
from rdflib.namespace import RDF

from isrp_graph.namespaces import ISRP, ORG
from isrp_graph.validation import validate
from isrp_graph.validation.check import Prepared
from isrp_graph.validation.focus import affected_nodes
from isrp_graph.validation.graphs import GraphState

E = "https://w3id.org/isrp/erfurt/"
JUGENDHILFE = URIRef(E + "plan/jugendhilfeplanung")
GREMIUM = URIRef(E + "body/begleitgremium")


def prepared(store) -> Prepared:
    return Prepared.of(GraphState.from_store(store))


def entries_only(graph, nodes):
    """Drop classes (objects of rdf:type): they are linked from everything and depend on the ontology."""
    classes = set(graph.objects(None, RDF.type))
    return {n for n in nodes if n not in classes}


def test_affected_nodes_of_a_plan(fixture_store):
    data = prepared(fixture_store).data
    affected = affected_nodes(data, {JUGENDHILFE})
    blank = {n for n in affected if isinstance(n, BNode)}
    assert len(blank) == 2  # the term interval and its beginning instant
    assert entries_only(data, affected) - blank == {
        JUGENDHILFE,
        URIRef(E + "org/jugendamt"),  # linked: responsible organisation
        URIRef("https://w3id.org/isrp/law/sgb-viii"),
        URIRef("https://w3id.org/isrp/vocab/target-group/kinder-und-jugendliche"),
        URIRef("https://w3id.org/isrp/vocab/topic/bildung"),
        URIRef(E + "source/test"),
        URIRef(E + "interface/bildung"),  # linking: isrp:relatesPlan
        URIRef(E + "interface/einseitig"),
    }


def test_affected_nodes_of_a_blank_node_reach_its_entry(fixture_store):
    data = prepared(fixture_store).data
    membership = next(m for m in data.objects(GREMIUM, ISRP.membership) if (m, ORG.member, None) not in data)
    affected = affected_nodes(data, {membership})
    assert GREMIUM in affected
    assert membership in affected


def full_results_for(report, focus):
    return {r for r in report.results if r.focus in focus}


def test_focused_validation_equals_the_full_one_on_those_nodes(fixture_store):
    full = validate(fixture_store)
    data = prepared(fixture_store).data
    subjects = {s for s in data.subjects() if isinstance(s, URIRef) and str(s).startswith(E)}
    assert len(subjects) > 5
    for subject in sorted(subjects):
        focused = validate(fixture_store, focus_nodes=[subject])
        assert focused.focus_nodes == frozenset(affected_nodes(data, {subject}))
        assert set(focused.results) == full_results_for(full, focused.focus_nodes), subject


def test_blank_node_findings_survive_focusing(fixture_store):
    """pyshacl's own focus_nodes option drops blank nodes; ours must not."""
    focused = validate(fixture_store, focus_nodes=[GREMIUM])
    member = [r for r in focused.results if r.path == ORG.member]
    assert len(member) == 1
    assert isinstance(member[0].focus, BNode)
    assert member[0].entry == GREMIUM


def test_a_node_without_findings_gives_an_empty_conforming_report(fixture_store):
    focused = validate(fixture_store, focus_nodes=[URIRef(E + "measure/quartiersmanagement")])
    assert focused.results == ()
    assert focused.conforms is True
