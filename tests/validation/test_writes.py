"""Validated writes: rejected changes leave the store untouched, accepted ones are applied and logged."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from isrp_graph.namespaces import GRAPH, ISRP, ORG
from isrp_graph.provenance import PROVENANCE_GRAPH, agent_iri
from isrp_graph.writes import WriteError, WriteRejected, apply_trusted_write, apply_write

from .conftest import DATA_GRAPH, FIXTURES, SHAPES_GRAPH, parse

E = "https://w3id.org/isrp/erfurt/"
JUGENDHILFE = URIRef(E + "plan/jugendhilfeplanung")
PLAN_ISRP = URIRef(E + "plan/isrp")
GREMIUM = URIRef(E + "body/begleitgremium")
TOPIC_ARMUT = URIRef("https://w3id.org/isrp/vocab/topic/armut")


def dump(store) -> bytes:
    """Every quad of the store, in a canonical order: equal bytes mean an unchanged store."""
    lines = store.ox_store.dump(format=ox.RdfFormat.N_QUADS).splitlines()
    return b"\n".join(sorted(lines))


def data_graph(store) -> Graph:
    return store.get_graph(DATA_GRAPH)


def test_a_new_violation_is_rejected_and_nothing_changes(fixture_store):
    before = dump(fixture_store)
    graph = data_graph(fixture_store)
    graph.remove((JUGENDHILFE, ISRP.responsibleOrganization, None))
    with pytest.raises(WriteRejected) as caught:
        apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Sozialplanung")
    error = caught.value
    assert dump(fixture_store) == before
    assert PROVENANCE_GRAPH not in fixture_store.graphs()
    assert [(r.entry, r.path, r.severity) for r in error.new_violations] == [
        (JUGENDHILFE, ISRP.responsibleOrganization, "Violation")
    ]
    assert "Jugendhilfeplanung" in str(error)
    assert "»federführende Stelle«" in str(error)
    assert str(error).startswith("Die Änderung wurde nicht gespeichert")
    assert error.report.conforms is False


def test_the_rejection_message_follows_the_language(fixture_store):
    graph = data_graph(fixture_store)
    graph.remove((JUGENDHILFE, ISRP.responsibleOrganization, None))
    with pytest.raises(WriteRejected) as caught:
        apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Sozialplanung", lang="en")
    text = str(caught.value)
    assert text.startswith("The change was not saved because it would cause 1 new violation(s):")
    assert "Youth welfare planning" in text
    assert "'responsible organisation'" in text


def test_a_new_violation_on_a_blank_node_is_rejected(fixture_store):
    """A second membership without member: same entry, same kind of finding as the existing one,
    but one more of it."""
    before = dump(fixture_store)
    graph = data_graph(fixture_store)
    membership = BNode()
    graph.add((GREMIUM, ISRP.membership, membership))
    graph.add((membership, RDF.type, ORG.Membership))
    with pytest.raises(WriteRejected) as caught:
        apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Sozialplanung")
    assert [(r.entry, r.path) for r in caught.value.new_violations] == [(GREMIUM, ORG.member)]
    assert dump(fixture_store) == before


def test_a_new_graph_with_a_broken_entry_is_rejected(fixture_store):
    """A new import graph whose interface relates no plan and has no source: two new Violations."""
    before = dump(fixture_store)
    other = URIRef(GRAPH["import/neu"])
    extra = Graph()
    extra.add((URIRef(E + "interface/neu"), RDF.type, ISRP.Interface))
    with pytest.raises(WriteRejected) as caught:
        apply_write(fixture_store, {other: extra}, actor="Test")
    assert len(caught.value.new_violations) == 2
    assert {r.entry for r in caught.value.new_violations} == {URIRef(E + "interface/neu")}
    assert dump(fixture_store) == before


def test_an_accepted_write_is_applied_and_logged(fixture_store):
    graph = data_graph(fixture_store)
    graph.add((PLAN_ISRP, ISRP.topic, TOPIC_ARMUT))
    outcome = apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Amt für Soziales")
    stored = data_graph(fixture_store)
    assert (PLAN_ISRP, ISRP.topic, TOPIC_ARMUT) in stored
    assert len(stored) == len(graph)
    assert (outcome.added, outcome.removed) == (1, 0)
    assert outcome.graphs == (DATA_GRAPH,)
    assert outcome.full_validation is False
    # the re-validated nodes: the plan and its neighbours, with the plan's existing Violation
    assert PLAN_ISRP in outcome.report.focus_nodes
    assert {(r.entry, r.path) for r in outcome.report.violations} == {
        (PLAN_ISRP, ISRP.responsibleOrganization)
    }

    log = fixture_store.get_graph(PROVENANCE_GRAPH)
    activity = outcome.activity
    agent = agent_iri("Amt für Soziales")
    assert agent == URIRef("https://w3id.org/isrp/agent/amt-fuer-soziales")
    assert set(log.subjects(RDF.type, PROV.Activity)) == {activity}
    assert log.value(activity, PROV.wasAssociatedWith) == agent
    assert (agent, RDF.type, PROV.Agent) in log
    assert log.value(agent, RDFS.label) == Literal("Amt für Soziales")
    assert set(log.objects(activity, PROV.used)) == {DATA_GRAPH}
    assert set(log.objects(activity, PROV.generated)) == {DATA_GRAPH}
    started = log.value(activity, PROV.startedAtTime)
    ended = log.value(activity, PROV.endedAtTime)
    assert started.datatype == XSD.dateTime and ended.datatype == XSD.dateTime
    assert started.toPython() <= ended.toPython()
    assert log.value(activity, ISRP.triplesAdded).toPython() == 1
    assert log.value(activity, ISRP.triplesRemoved).toPython() == 0
    assert log.value(activity, RDFS.label) is not None


def test_existing_violations_do_not_block_an_unrelated_fix(fixture_store):
    """The plan keeps its old Violation (no responsible organisation); adding a topic is fine, and
    fixing the Violation is fine too."""
    graph = data_graph(fixture_store)
    graph.add((PLAN_ISRP, ISRP.responsibleOrganization, URIRef(E + "org/jugendamt")))
    outcome = apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Sozialplanung")
    assert outcome.report.violations == ()
    assert (outcome.added, outcome.removed) == (1, 0)


def test_every_write_adds_one_activity(fixture_store):
    for topic in ("armut", "wohnen"):
        graph = data_graph(fixture_store)
        graph.add((PLAN_ISRP, ISRP.topic, URIRef(f"https://w3id.org/isrp/vocab/topic/{topic}")))
        apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Sozialplanung")
    log = fixture_store.get_graph(PROVENANCE_GRAPH)
    assert len(set(log.subjects(RDF.type, PROV.Activity))) == 2
    assert len(set(log.subjects(RDF.type, PROV.Agent))) == 1


def test_re_parsed_blank_nodes_count_as_unchanged(fixture_store):
    """The same file parsed again has new blank-node ids: no triple added or removed."""
    outcome = apply_write(fixture_store, {DATA_GRAPH: parse(FIXTURES / "data.ttl")}, actor="Import")
    assert (outcome.added, outcome.removed) == (0, 0)
    assert outcome.report.focus_nodes == frozenset()


def test_removing_a_graph(fixture_store):
    """Removing all data removes every finding about it: accepted; the graph is gone."""
    outcome = apply_write(fixture_store, {DATA_GRAPH: None}, actor="Sozialplanung")
    assert DATA_GRAPH not in fixture_store.graphs()
    assert outcome.removed == len(parse(FIXTURES / "data.ttl"))
    assert outcome.added == 0


TARGET_GROUP_WARNING = "sh:severity sh:Warning ; sh:minCount 1 ] ,\n        [ sh:path isrp:topic"


def shapes_with(old: str, new: str) -> Graph:
    text = (FIXTURES / "shapes.ttl").read_text(encoding="utf-8")
    assert old in text
    return Graph().parse(data=text.replace(old, new), format="turtle")


def test_a_stricter_shape_is_refused_as_not_writable(fixture_store):
    """Shapes are never written through a change (write policy): not even a stricter one."""
    before = dump(fixture_store)
    stricter = shapes_with(TARGET_GROUP_WARNING, TARGET_GROUP_WARNING.replace("Warning", "Violation"))
    with pytest.raises(WriteError) as caught:
        apply_write(fixture_store, {SHAPES_GRAPH: stricter}, actor="Regelpflege")
    assert str(SHAPES_GRAPH) in str(caught.value)
    assert dump(fixture_store) == before


def test_a_looser_shape_is_refused_so_validation_cannot_be_switched_off(fixture_store):
    before = dump(fixture_store)
    looser = shapes_with(TARGET_GROUP_WARNING, TARGET_GROUP_WARNING.replace("Warning", "Info"))
    with pytest.raises(WriteError):
        apply_write(fixture_store, {SHAPES_GRAPH: looser}, actor="Regelpflege")
    assert dump(fixture_store) == before


def test_the_provenance_graph_cannot_be_written(fixture_store):
    with pytest.raises(WriteError):
        apply_write(fixture_store, {PROVENANCE_GRAPH: Graph()}, actor="Sozialplanung")
    with pytest.raises(WriteError):
        apply_trusted_write(fixture_store, {PROVENANCE_GRAPH: Graph()}, actor="Sozialplanung")


def test_shapes_are_not_writable_through_apply_write(fixture_store):
    """The write policy: shapes (and ontology, vocabularies, records) only through the admin's tools."""
    before = dump(fixture_store)
    with pytest.raises(WriteError):
        apply_write(fixture_store, {SHAPES_GRAPH: Graph()}, actor="Regelpflege")
    assert dump(fixture_store) == before


def test_a_write_needs_an_actor(fixture_store):
    with pytest.raises(WriteError):
        apply_write(fixture_store, {DATA_GRAPH: data_graph(fixture_store)}, actor="  ")


def test_a_stricter_shape_through_the_admin_path_is_validated_in_full_and_rejected(fixture_store):
    """The command line's trusted write may change shapes; a stricter one that breaks a plan is refused."""
    before = dump(fixture_store)
    stricter = shapes_with(TARGET_GROUP_WARNING, TARGET_GROUP_WARNING.replace("Warning", "Violation"))
    with pytest.raises(WriteRejected) as caught:
        apply_trusted_write(fixture_store, {SHAPES_GRAPH: stricter}, actor="Regelpflege")
    assert {(r.entry, r.path) for r in caught.value.new_violations} == {
        (URIRef(E + "plan/schulnetzplanung"), ISRP.targetGroup)
    }
    assert dump(fixture_store) == before


def test_a_looser_shape_through_the_admin_path_is_accepted_after_a_full_validation(fixture_store):
    looser = shapes_with(TARGET_GROUP_WARNING, TARGET_GROUP_WARNING.replace("Warning", "Info"))
    outcome = apply_trusted_write(fixture_store, {SHAPES_GRAPH: looser}, actor="Regelpflege")
    assert outcome.full_validation is True
    assert outcome.report.focus_nodes is None
    assert outcome.report.counts == {"Violation": 8, "Warning": 6, "Info": 3}
