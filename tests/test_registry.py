"""Building the registry from ontology/ + data/ and summarising it (mechanism on tiny fixtures,
plus a smoke test on the shipped files)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from isrp_graph import registry
from isrp_graph.loading import RdfSyntaxError
from isrp_graph.namespaces import GRAPH, ISRP
from isrp_graph.registry import (
    build_registry,
    data_graph_names,
    merged_graph,
    shapes_graph_names,
    summary,
)
from isrp_graph.store import EmbeddedStore, Store
from isrp_graph.store.terms import new_graph

ROOT = Path(__file__).parent / "store" / "fixtures" / "root"


@pytest.fixture
def fixture_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the registry read tests/store/fixtures/root instead of the shipped folders."""
    monkeypatch.setattr(registry, "ontology_dir", lambda: ROOT / "ontology")
    monkeypatch.setattr(registry, "data_dir", lambda: ROOT / "data")
    monkeypatch.setattr(registry, "resource_root", lambda: ROOT)
    return ROOT


def test_build_registry_loads_ontology_vocabularies_shapes_and_data(
    fixture_root: Path, any_store: Store
) -> None:
    report = build_registry(any_store)
    assert len(report.files) == 5
    assert any_store.graphs() == [
        GRAPH["data/town/bodies"],
        GRAPH["data/town/plans"],
        GRAPH["ontology/mini"],
        GRAPH["ontology/shapes/mini-shapes"],
        GRAPH["ontology/vocabularies/colours"],
    ]


def test_rebuild_drops_graphs_of_removed_files_but_keeps_imports(
    fixture_root: Path, memory_store: EmbeddedStore
) -> None:
    leftover = new_graph()
    leftover.add((URIRef("http://example.org/x"), URIRef("http://example.org/p"), Literal("alt")))
    memory_store.replace_graphs({GRAPH["data/town/removed"]: leftover, GRAPH["import/liste"]: leftover})
    build_registry(memory_store)
    assert GRAPH["data/town/removed"] not in memory_store.graphs()
    assert GRAPH["import/liste"] in memory_store.graphs()


def test_broken_shipped_file_changes_nothing(
    fixture_root: Path, memory_store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    build_registry(memory_store)
    before = sorted(memory_store.dataset_quads())
    broken = tmp_path / "data"
    broken.mkdir()
    (broken / "bad.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    monkeypatch.setattr(registry, "data_dir", lambda: broken)
    with pytest.raises(RdfSyntaxError):
        build_registry(memory_store)
    assert sorted(memory_store.dataset_quads()) == before


def test_summary_counts_entries_per_isrp_class(fixture_root: Path, memory_store: EmbeddedStore) -> None:
    build_registry(memory_store)
    german = summary(memory_store, "de")
    by_curie = {c["curie"]: c for c in german["classes"]}
    assert by_curie["isrp:SectoralPlan"] == {
        "class": str(ISRP.SectoralPlan),
        "curie": "isrp:SectoralPlan",
        "label": "Fachplanung",
        "count": 3,
    }
    assert by_curie["isrp:Body"]["count"] == 1
    assert by_curie["isrp:Unused"]["count"] == 0
    assert [c["label"] for c in german["classes"]] == ["Fachplanung", "Gremium", "Ungenutzt"]
    assert german["entries"] == 4
    assert german["triples"] == len(memory_store)
    assert german["graph_count"] == 5
    assert {g["graph"] for g in german["graphs"]} == {str(g) for g in memory_store.graphs()}
    english = summary(memory_store, "en")
    labels = {c["curie"]: c["label"] for c in english["classes"]}
    assert labels == {"isrp:SectoralPlan": "Sectoral plan", "isrp:Body": "Body", "isrp:Unused": "Ungenutzt"}


def test_summary_of_an_empty_store(memory_store: EmbeddedStore) -> None:
    assert summary(memory_store) == {
        "lang": "de",
        "triples": 0,
        "graph_count": 0,
        "entries": 0,
        "graphs": [],
        "classes": [],
    }


def test_shapes_and_data_graphs_are_told_apart(fixture_root: Path, memory_store: EmbeddedStore) -> None:
    build_registry(memory_store)
    assert shapes_graph_names(memory_store) == [GRAPH["ontology/shapes/mini-shapes"]]
    assert GRAPH["ontology/shapes/mini-shapes"] not in data_graph_names(memory_store)
    assert len(data_graph_names(memory_store)) == 4
    data = merged_graph(memory_store, data_graph_names(memory_store))
    shapes = merged_graph(memory_store, shapes_graph_names(memory_store))
    assert len(data) + len(shapes) == len(memory_store)


def test_shipped_registry_builds(built_registry: Store) -> None:
    graphs = built_registry.graphs()
    assert GRAPH["ontology/isrp"] in graphs
    assert all(str(g).startswith(str(GRAPH)) for g in graphs)
    overview = summary(built_registry, "de")
    assert overview["classes"], "the ISRP ontology declares classes"
    assert all(c["curie"].startswith("isrp:") and c["label"] for c in overview["classes"])
    assert overview["triples"] == len(built_registry)
