"""Releases: immutable named points, the registry at a release, the diff between releases."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from isrp_graph.changes.history import ChangeError
from isrp_graph.changes.releases import (
    ReleaseError,
    create_release,
    find_release,
    list_releases,
    release_diff,
    store_at,
)
from isrp_graph.namespaces import ISRP
from isrp_graph.writes import apply_write
from tests.validation.conftest import DATA_GRAPH

E = "https://w3id.org/isrp/erfurt/"
PLAN_ISRP = URIRef(E + "plan/isrp")
ARMUT = URIRef("https://w3id.org/isrp/vocab/topic/armut")
NEW = URIRef(E + "interface/neu")


def add_topic(store, topic):
    graph = store.get_graph(DATA_GRAPH)
    graph.add((PLAN_ISRP, ISRP.topic, topic))
    return apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung")


def test_create_and_list_and_refuse_a_duplicate(fixture_store):
    first = create_release(
        fixture_store, "Stand Sozialplanungsreport 2025", "Prüferin", note="für den Bericht"
    )
    assert [r.name for r in list_releases(fixture_store)] == ["Stand Sozialplanungsreport 2025"]
    assert find_release(fixture_store, "Stand Sozialplanungsreport 2025").note == "für den Bericht"
    with pytest.raises(ReleaseError):
        create_release(fixture_store, "Stand Sozialplanungsreport 2025", "Prüferin")
    with pytest.raises(ReleaseError) as caught:
        find_release(fixture_store, "gibt es nicht")
    assert "Stand Sozialplanungsreport 2025" in str(caught.value)
    assert first.slug == "stand-sozialplanungsreport-2025"


def test_the_registry_at_a_release_and_the_diff(fixture_store):
    create_release(fixture_store, "A", "Prüferin")
    add_topic(fixture_store, ARMUT)
    create_release(fixture_store, "B", "Prüferin")
    graph = fixture_store.get_graph(DATA_GRAPH)
    graph.remove((PLAN_ISRP, ISRP.topic, ARMUT))
    apply_write(fixture_store, {DATA_GRAPH: graph}, "Sozialplanung")

    at_a = store_at(fixture_store, find_release(fixture_store, "A"))
    at_b = store_at(fixture_store, find_release(fixture_store, "B"))
    assert (PLAN_ISRP, ISRP.topic, ARMUT) not in at_a.get_graph(DATA_GRAPH)
    assert (PLAN_ISRP, ISRP.topic, ARMUT) in at_b.get_graph(DATA_GRAPH)
    assert len(at_a.get_graph(DATA_GRAPH)) == len(fixture_store.get_graph(DATA_GRAPH))
    with pytest.raises(ChangeError):
        at_b.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")

    diff = release_diff(fixture_store, "A", "B")
    assert [d.entry for d in diff.changed] == [str(PLAN_ISRP)]
    assert diff.changed[0].fields[0].label == "Querschnittsthema"
    assert diff.changed[0].fields[0].added and not diff.changed[0].fields[0].removed
    back = release_diff(fixture_store, "B", "heute")
    assert back.changed[0].fields[0].removed and not back.changed[0].fields[0].added
    assert release_diff(fixture_store, "A", "heute").changed == []
    reverse = release_diff(fixture_store, "B", "A")
    assert reverse.changed[0].fields[0].removed


def test_a_new_entry_is_listed_as_added(fixture_store):
    from rdflib import Literal
    from rdflib.namespace import DCTERMS, RDF, RDFS

    create_release(fixture_store, "vorher", "Prüferin")
    graph = fixture_store.get_graph(DATA_GRAPH)
    graph.add((NEW, RDF.type, ISRP.Interface))
    graph.add((NEW, RDFS.label, Literal("Neue Schnittstelle", lang="de")))
    graph.add((NEW, ISRP.relatesPlan, PLAN_ISRP))
    graph.add((NEW, ISRP.relatesPlan, URIRef(E + "plan/jugendhilfeplanung")))
    graph.add((NEW, ISRP.topic, ARMUT))
    graph.add((NEW, DCTERMS.source, URIRef(E + "source/test")))
    apply_write(fixture_store, {DATA_GRAPH: graph}, "Sozialplanung")
    diff = release_diff(fixture_store, "vorher", "heute")
    assert [d.label for d in diff.added] == ["Neue Schnittstelle"]
    assert diff.removed == []
