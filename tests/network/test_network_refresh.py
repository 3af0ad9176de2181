"""The network after a save is refreshed from what the save touched (isrp_graph.network_cache): a
renamed plan's new name is in the network, its page model and the served page; unchanged layouts
are reused and unchanged nodes keep their place; a save of an entry outside the network reads nothing
again and lays out nothing. Counted with the module's real counters (``REBUILDS``, ``LAYOUT_COUNTS``)."""

from __future__ import annotations

import math
import time

from fastapi.testclient import TestClient
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from api.app import create_app
from isrp_graph import network_cache
from isrp_graph.network import build_network
from isrp_graph.network_cache import (
    REBUILDS,
    compute_network,
    refresh_network,
    same_network,
    touched_since,
)
from isrp_graph.network_layout import node_box, overlaps
from isrp_graph.network_page import LAYOUT_COUNTS, label_size, node_size
from isrp_graph.writes import apply_write
from tests.api.conftest import settings

E = "https://w3id.org/isrp/erfurt/"
PLAN = URIRef(E + "plan/jugendhilfeplanung")
NEW_NAME = "Kinder- und Jugendhilfeplanung (neu benannt)"
ISRP = "https://w3id.org/isrp/def#"


def _graph_of(store, entry: str) -> URIRef:  # type: ignore[no-untyped-def]
    rows = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{entry}> ?p ?o }} }} LIMIT 1").rows
    return URIRef(str(rows[0]["g"]))


def rename_plan(store) -> None:  # type: ignore[no-untyped-def]
    name = _graph_of(store, str(PLAN))
    graph = store.get_graph(name)
    for label in [o for o in graph.objects(PLAN, RDFS.label) if o.language == "de"]:
        graph.remove((PLAN, RDFS.label, label))
    graph.add((PLAN, RDFS.label, Literal(NEW_NAME, lang="de")))
    apply_write(store, {name: graph}, "Sozialplanung")


def change_an_observation(store) -> str:  # type: ignore[no-untyped-def]
    """A save of an entry that is no part of the network: an indicator value's reference date note."""
    row = store.select(f"SELECT ?o WHERE {{ ?o a <{ISRP}IndicatorObservation> }} ORDER BY ?o LIMIT 1").rows[0]
    entry = URIRef(str(row["o"]))
    name = _graph_of(store, str(entry))
    graph = store.get_graph(name)
    graph.add((entry, RDFS.comment, Literal("Wert geprüft", lang="de")))
    apply_write(store, {name: graph}, "Sozialplanung")
    return str(entry)


def test_a_renamed_plan_appears_and_unchanged_layouts_are_kept(registry_store) -> None:  # type: ignore[no-untyped-def]
    before = compute_network(registry_store, "de")
    full, reads, partial = REBUILDS["full"], REBUILDS["read"], REBUILDS["read touched"]
    fresh = LAYOUT_COUNTS["fresh"]
    rename_plan(registry_store)
    assert str(PLAN) in (touched_since(before.commit_version) or ())
    after = refresh_network(registry_store, before, "de")
    # only the touched entry's node was read again, and the result is the network read in full
    assert REBUILDS["read"] == reads and REBUILDS["read touched"] == partial + 1
    assert same_network(after.graph, build_network(registry_store, "de"))
    assert after.graph.nodes[str(PLAN)]["label"] == NEW_NAME
    assert (str(PLAN), NEW_NAME) in after.model.context["node_options"]
    assert REBUILDS["full"] == full  # no rebuild from scratch
    assert LAYOUT_COUNTS["fresh"] == fresh  # no force layout: previous positions kept
    assert after.metrics is not before.metrics and after.structure is before.structure  # only renamed
    # a preset that does not show the plan is the very same object; one that does is laid out again
    presets_before, presets_after = before.model.data["presets"], after.model.data["presets"]
    untouched = [n for n, p in presets_before.items() if str(PLAN) not in p["nodes"]]
    assert untouched and all(presets_after[n] is presets_before[n] for n in untouched)
    assert presets_after[str(PLAN)] is not presets_before[str(PLAN)]
    # most nodes stay where they were; none overlaps another
    old_pos, new_pos = before.model.data["views"]["all"], after.model.data["views"]["all"]
    kept = sum(1 for n in old_pos if new_pos.get(n) == old_pos[n])
    assert kept >= 0.5 * len(old_pos)
    extent = max(max(p[0] for p in old_pos.values()) - min(p[0] for p in old_pos.values()), 1.0)
    assert all(math.dist(old_pos[n], new_pos[n]) < 0.05 * extent for n in old_pos)  # nudged, not moved
    by_iri = {m.iri: m for m in after.metrics.nodes}
    boxes = {
        n: node_box(after.graph.nodes[n]["label"], node_size(by_iri[n].degree), label_size(by_iri[n].degree))
        for n in after.graph
    }
    assert overlaps(new_pos, boxes) == []


def test_a_save_outside_the_network_reads_and_lays_out_nothing(registry_store) -> None:  # type: ignore[no-untyped-def]
    before = compute_network(registry_store, "de")
    counts = dict(REBUILDS)
    layouts = dict(LAYOUT_COUNTS)
    entry = change_an_observation(registry_store)
    assert entry in (touched_since(before.commit_version) or ())
    after = refresh_network(registry_store, before, "de")
    assert after.model is before.model and after.graph is before.graph
    assert after.commit_version > before.commit_version
    assert REBUILDS["read"] == counts.get("read", 0)  # the network was not even read again
    assert REBUILDS["read touched"] == counts.get("read touched", 0)
    assert REBUILDS["full"] == counts.get("full", 0)
    assert REBUILDS["unchanged"] == counts.get("unchanged", 0) + 1
    assert dict(LAYOUT_COUNTS) == layouts


def test_a_change_of_unknown_extent_reads_the_network_again(registry_store) -> None:  # type: ignore[no-untyped-def]
    # a store change without a commit (e.g. a restore): nothing is known touched, so it is read again
    before = compute_network(registry_store, "de")
    registry_store.update(
        f'INSERT DATA {{ GRAPH <urn:x:restored> {{ <{PLAN}> <{RDFS.label}> "Nur wiederhergestellt"@de }} }}'
    )
    reads = REBUILDS["read"]
    after = refresh_network(registry_store, before, "de")
    assert REBUILDS["read"] == reads + 1
    assert after.graph.nodes[str(PLAN)]["label"] in ("Jugendhilfeplanung", "Nur wiederhergestellt")


def test_the_served_page_shows_the_new_name_after_a_save(registry_store) -> None:  # type: ignore[no-untyped-def]
    app = create_app(settings(result_limit=10000), store=registry_store)
    with TestClient(app) as client:
        _current(client)
        full = REBUILDS["full"]
        rename_plan(registry_store)
        app.state.version.bump()  # what the app does after every save: the refresh starts with it
        cache, end = app.state.network, time.monotonic() + 60
        while cache.latest("de", False).graph.nodes[str(PLAN)]["label"] != NEW_NAME:
            assert time.monotonic() < end, "the save did not refresh the network by itself"
            time.sleep(0.02)
        first = client.get("/netzwerk", headers={"accept": "text/html"})
        assert first.status_code == 200
        data = _current(client)
        labels = {n["id"]: n["label"] for n in data["graph"]["nodes"]}
        assert labels[str(PLAN)] == NEW_NAME
        assert NEW_NAME in client.get("/netzwerk", headers={"accept": "text/html"}).text
        assert REBUILDS["full"] == full  # refreshed, not rebuilt


def _current(client: TestClient, deadline: float = 60.0) -> dict:
    end = time.monotonic() + deadline
    while True:
        data = client.get("/netzwerk", params={"format": "json"}).json()
        if data["current"] or time.monotonic() > end:
            return data
        time.sleep(0.05)


_ = network_cache


def test_after_a_save_outside_the_network_the_page_is_current_at_once(registry_store) -> None:  # type: ignore[no-untyped-def]
    app = create_app(settings(result_limit=10000), store=registry_store)
    with TestClient(app) as client:
        _current(client)
        cache = app.state.network
        before = cache.latest("de", False)
        change_an_observation(registry_store)
        app.state.version.bump()
        # answered by the save itself (one small query), so the next request is current and warm
        now = cache.latest("de", False)
        assert now is not before and now.model is before.model and now.pages is before.pages
        data = client.get("/netzwerk", params={"format": "json"}).json()
        assert data["current"] is True


def test_a_change_without_commit_before_a_save_is_not_missed(registry_store) -> None:  # type: ignore[no-untyped-def]
    # a restore (no commit) and then an unrelated save: the touched entries alone would say
    # "unchanged"; the app passes only_commits=False when more than one change happened since
    before = compute_network(registry_store, "de")
    registry_store.update(
        f"INSERT DATA {{ GRAPH <urn:x:restored> {{ <{E}plan/aus-sicherung> a <{ISRP}SectoralPlan> ; "
        f'<{RDFS.label}> "Plan aus der Sicherung"@de }} }}'
    )
    change_an_observation(registry_store)
    after = refresh_network(registry_store, before, "de", only_commits=False)
    assert after.graph.nodes[f"{E}plan/aus-sicherung"]["label"] == "Plan aus der Sicherung"


def test_a_new_interface_between_plans_appears_as_a_link(registry_store) -> None:  # type: ignore[no-untyped-def]
    from rdflib.namespace import DCTERMS, RDF

    before = compute_network(registry_store, "de")
    other = URIRef(E + "plan/isrp")
    new = URIRef(E + "interface/test-netz-neu")
    name = _graph_of(registry_store, E + "interface/" + _any_interface(registry_store))
    graph = registry_store.get_graph(name)
    graph.add((new, RDF.type, URIRef(ISRP + "Interface")))
    graph.add((new, RDFS.label, Literal("Schnittstelle für den Test", lang="de")))
    graph.add((new, URIRef(ISRP + "relatesPlan"), PLAN))
    graph.add((new, URIRef(ISRP + "relatesPlan"), other))
    graph.add((new, URIRef(ISRP + "municipality"), URIRef(E + "org/stadt-erfurt")))
    graph.add((new, DCTERMS.source, URIRef(E + "source/prozessvorschlag-isrp")))
    apply_write(registry_store, {name: graph}, "Sozialplanung")
    after = refresh_network(registry_store, before, "de")
    edge = after.graph.edges[str(PLAN), str(other)]
    assert "Schnittstelle für den Test" in edge["labels"] and str(new) in edge["via"]
    assert same_network(after.graph, build_network(registry_store, "de"))


def _any_interface(store) -> str:  # type: ignore[no-untyped-def]
    rows = store.select(f"SELECT ?i WHERE {{ ?i a <{ISRP}Interface> }} ORDER BY ?i LIMIT 1").rows
    return str(rows[0]["i"]).rsplit("/interface/", 1)[1]
