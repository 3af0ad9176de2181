"""Changesets: every applied change recorded in the store, entry history including blank-node parts,
revert and restore as new validated changes, conflicts refused with nothing stored."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, TIME, XSD

from isrp_graph.changes.history import ChangeError, entry_diffs, entry_history, restore, revert
from isrp_graph.changes.model import changeset_graph
from isrp_graph.changes.record import read_changeset
from isrp_graph.namespaces import ISRP
from isrp_graph.provenance import PROVENANCE_GRAPH
from isrp_graph.writes import (
    WriteRejected,
    add_commit_listener,
    apply_delta,
    apply_write,
    remove_commit_listener,
)
from tests.validation.conftest import DATA_GRAPH

E = "https://w3id.org/isrp/erfurt/"
PLAN_ISRP = URIRef(E + "plan/isrp")
JUGENDHILFE = URIRef(E + "plan/jugendhilfeplanung")
ARMUT = URIRef("https://w3id.org/isrp/vocab/topic/armut")
WOHNEN = URIRef("https://w3id.org/isrp/vocab/topic/wohnen")


def dump(store) -> bytes:
    lines = store.ox_store.dump(format=ox.RdfFormat.N_QUADS).splitlines()
    return b"\n".join(sorted(lines))


def add_topic(store, topic, actor="Sozialplanung", **kwargs):
    graph = store.get_graph(DATA_GRAPH)
    graph.add((PLAN_ISRP, ISRP.topic, topic))
    return apply_write(store, {DATA_GRAPH: graph}, actor, **kwargs)


def test_a_write_is_recorded_as_a_changeset_with_its_triples(fixture_store):
    outcome = add_topic(fixture_store, ARMUT, comment="Armut ergänzt", source="formular")
    cs = read_changeset(fixture_store, outcome.activity)
    assert cs is not None and cs.iri == outcome.activity
    assert cs.actor == "Sozialplanung" and cs.comment == "Armut ergänzt" and cs.source == "formular"
    assert [(d.graph, d.entry) for d in cs.deltas] == [(DATA_GRAPH, PLAN_ISRP)]
    assert dict(cs.deltas[0].added) == {(ISRP.topic, ARMUT): 1}
    assert cs.deltas[0].removed == ()
    # the statements are plain RDF reification in the changeset's own graph: queryable with SPARQL
    rows = fixture_store.select(
        "SELECT ?o WHERE { GRAPH ?g { ?cs isrp:entryChange/isrp:addition ?st . "
        "?st rdf:subject ?s ; rdf:predicate isrp:topic ; rdf:object ?o } }",
        {"cs": outcome.activity, "s": PLAN_ISRP, "g": changeset_graph(outcome.activity)},
    ).rows
    assert [r["o"] for r in rows] == [ARMUT]
    assert (outcome.activity, RDF.type, ISRP.Changeset) in fixture_store.get_graph(PROVENANCE_GRAPH)
    assert (outcome.activity, RDF.type, PROV.Activity) in fixture_store.get_graph(PROVENANCE_GRAPH)


def test_storage_grows_with_the_change_not_the_store(fixture_store):
    outcome = add_topic(fixture_store, ARMUT)
    statements = fixture_store.get_graph(changeset_graph(outcome.activity))
    assert len(statements) < 15  # one entry change, one statement


def test_a_blank_node_part_is_attributed_to_its_entry(fixture_store):
    """Changing the end of a plan's term (a blank-node interval) is history of the plan."""
    graph = fixture_store.get_graph(DATA_GRAPH)
    term = graph.value(JUGENDHILFE, ISRP["term"])
    assert term is not None
    beginning = graph.value(term, TIME.hasBeginning)
    old = graph.value(beginning, TIME.inXSDDate)
    graph.remove((beginning, TIME.inXSDDate, old))
    graph.add((beginning, TIME.inXSDDate, Literal("2022-01-01", datatype=XSD.date)))
    outcome = apply_write(fixture_store, {DATA_GRAPH: graph}, "Jugendamt")
    assert [d.entry for d in outcome.changeset.deltas] == [JUGENDHILFE]
    history = entry_history(fixture_store, JUGENDHILFE)
    assert [cs.iri for cs in history] == [outcome.activity]
    diffs = entry_diffs(fixture_store, history[0].deltas, "de")
    assert len(diffs) == 1
    texts = " ".join(" ".join((*f.removed, *f.added)) for f in diffs[0].fields)
    assert "01.01.2022" in texts  # German date, not the literal


def test_history_of_an_unknown_iri_is_empty(fixture_store):
    add_topic(fixture_store, ARMUT)
    assert entry_history(fixture_store, URIRef(E + "plan/gibt-es-nicht")) == []


def test_history_is_newest_first_and_field_diffs_are_labelled(fixture_store):
    first = add_topic(fixture_store, ARMUT)
    second = add_topic(fixture_store, WOHNEN)
    history = entry_history(fixture_store, PLAN_ISRP)
    assert [cs.iri for cs in history] == [second.activity, first.activity]
    diff = entry_diffs(fixture_store, history[0].deltas, "de")[0]
    assert diff.fields[0].path == str(ISRP.topic)
    assert diff.fields[0].label == "Querschnittsthema"  # sh:name of the shapes
    assert diff.fields[0].added and "isrp:" not in diff.fields[0].added[0]


def test_revert_is_a_new_change_and_restores_the_triples(fixture_store):
    before = fixture_store.get_graph(DATA_GRAPH)
    outcome = add_topic(fixture_store, ARMUT)
    undone = revert(fixture_store, outcome.changeset.id, "Prüferin")
    assert (PLAN_ISRP, ISRP.topic, ARMUT) not in fixture_store.get_graph(DATA_GRAPH)
    assert len(fixture_store.get_graph(DATA_GRAPH)) == len(before)
    cs = read_changeset(fixture_store, undone.activity)
    assert cs.kind == "revert" and cs.reverts == outcome.activity and cs.actor == "Prüferin"
    assert [c.iri for c in entry_history(fixture_store, PLAN_ISRP)] == [undone.activity, outcome.activity]


def test_a_conflicting_revert_names_the_conflict_and_applies_nothing(fixture_store):
    outcome = add_topic(fixture_store, ARMUT)
    graph = fixture_store.get_graph(DATA_GRAPH)
    graph.remove((PLAN_ISRP, ISRP.topic, ARMUT))
    apply_write(fixture_store, {DATA_GRAPH: graph}, "Jemand")
    state = dump(fixture_store)
    with pytest.raises(ChangeError) as caught:
        revert(fixture_store, outcome.changeset.id, "Prüferin")
    assert "Querschnittsthema" in str(caught.value)
    assert dump(fixture_store) == state


def test_revert_of_an_unknown_change(fixture_store):
    with pytest.raises(ChangeError):
        revert(fixture_store, "2020-01-01T00-00-00Z-deadbeef", "Prüferin")


def test_a_revert_that_would_add_a_violation_is_refused(fixture_store):
    """Undoing the fix of a Violation brings the Violation back: refused like any write."""
    graph = fixture_store.get_graph(DATA_GRAPH)
    graph.add((PLAN_ISRP, ISRP.responsibleOrganization, URIRef(E + "org/jugendamt")))
    fix = apply_write(fixture_store, {DATA_GRAPH: graph}, "Sozialplanung")
    state = dump(fixture_store)
    with pytest.raises(WriteRejected):
        revert(fixture_store, fix.changeset.id, "Prüferin")
    assert dump(fixture_store) == state


def test_restore_an_entry_version(fixture_store):
    first = add_topic(fixture_store, ARMUT)
    second = add_topic(fixture_store, WOHNEN)
    with pytest.raises(ChangeError):  # someone else changed it after the page was loaded
        restore(fixture_store, PLAN_ISRP, first.changeset.id, "Prüferin", expected_latest=first.changeset.id)
    outcome = restore(
        fixture_store, PLAN_ISRP, first.changeset.id, "Prüferin", expected_latest=second.changeset.id
    )
    data = fixture_store.get_graph(DATA_GRAPH)
    assert (PLAN_ISRP, ISRP.topic, ARMUT) in data and (PLAN_ISRP, ISRP.topic, WOHNEN) not in data
    assert read_changeset(fixture_store, outcome.activity).kind == "restore"


def test_apply_delta_with_quads(fixture_store):
    outcome = apply_delta(
        fixture_store,
        [(PLAN_ISRP, ISRP.topic, ARMUT, DATA_GRAPH)],
        [],
        "Skript",
        kind="proposal",
        approver="Prüferin",
    )
    cs = read_changeset(fixture_store, outcome.activity)
    assert cs.kind == "proposal" and cs.approver == "Prüferin"
    apply_delta(fixture_store, [], [(PLAN_ISRP, ISRP.topic, ARMUT, DATA_GRAPH)], "Skript")
    assert (PLAN_ISRP, ISRP.topic, ARMUT) not in fixture_store.get_graph(DATA_GRAPH)


def test_commit_listeners_hear_the_touched_entries(fixture_store):
    heard = []

    def listener(touched, version):
        heard.append((touched, version))

    add_commit_listener(listener)
    try:
        add_topic(fixture_store, ARMUT)
    finally:
        remove_commit_listener(listener)
    assert heard and heard[0][0] == frozenset({PLAN_ISRP})


def test_a_rejected_write_records_nothing(fixture_store):
    graph = fixture_store.get_graph(DATA_GRAPH)
    graph.remove((JUGENDHILFE, ISRP.responsibleOrganization, None))
    with pytest.raises(WriteRejected):
        apply_write(fixture_store, {DATA_GRAPH: graph}, "Sozialplanung")
    assert not [g for g in fixture_store.graphs() if "changeset" in str(g)]


def test_changesets_survive_a_backup_and_restore(fixture_store, tmp_path):
    from isrp_graph.loading import parse_data, serialize_store
    from isrp_graph.store.embedded import EmbeddedStore

    outcome = add_topic(fixture_store, ARMUT)
    body = serialize_store(fixture_store, "trig")
    back = EmbeddedStore(None)
    back.replace_graphs(parse_data(body, "trig", URIRef("urn:x-test:default"), source="backup.trig"))
    cs = read_changeset(back, outcome.activity)
    assert cs is not None and cs.deltas == read_changeset(fixture_store, outcome.activity).deltas
    revert(back, cs.id, "Prüferin")
    assert (PLAN_ISRP, ISRP.topic, ARMUT) not in back.get_graph(DATA_GRAPH)
    _ = Graph
