"""Full validation split by municipality (``validation.partition``) finds what one whole run finds."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, URIRef

from benchmarks.synthetic import generate
from isrp_graph.namespaces import GRAPH
from isrp_graph.validation.check import Prepared, validate_state
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.partition import municipality_parts, validate_parts

ERFURT = URIRef("https://w3id.org/isrp/erfurt/org/stadt-erfurt")


@pytest.fixture(scope="module")
def two_registries(built_registry) -> GraphState:
    """Erfurt and two synthetic municipalities in one state."""
    synthetic = Graph().parse(data="".join(generate(2)), format="nt")
    state = GraphState.from_store(built_registry)
    return state.with_changes({URIRef(GRAPH["data/synthetic"]): synthetic})


@pytest.fixture(scope="module")
def whole(two_registries):
    return validate_state(two_registries)


def test_every_municipality_is_a_part(two_registries):
    parts = municipality_parts(Prepared.of(two_registries).data)
    assert ERFURT in parts and len(parts) == 3
    assert URIRef("https://w3id.org/isrp/erfurt/plan/isrp") in parts[ERFURT]


def test_parts_find_what_the_whole_run_finds(two_registries, whole):
    split = validate_parts(two_registries, jobs=1)
    assert len(split.results) == len(whole.results) > 0
    assert set(split.results) == set(whole.results)
    assert split.conforms == whole.conforms
    # findings of every part: Erfurt's, the synthetic ones' and the shared entries'
    entries = {str(r.entry) for r in split.results}
    assert any(e.startswith("https://w3id.org/isrp/erfurt/") for e in entries)
    assert any(e.startswith("https://w3id.org/isrp/synth-") for e in entries)


def test_two_processes_give_the_same_report(two_registries):
    one = validate_parts(two_registries, jobs=1)
    two = validate_parts(two_registries, jobs=2)
    assert two.results == one.results


def test_one_municipality_gets_exactly_its_findings(two_registries, whole):
    members = municipality_parts(Prepared.of(two_registries).data)[ERFURT]
    only = validate_parts(two_registries, kommunen=[str(ERFURT)])
    expected = {r for r in whole.results if r.focus in members}
    assert set(only.results) == expected and expected
    assert all(str(r.entry).startswith("https://w3id.org/isrp/erfurt/") for r in only.results)


def test_cli_jobs_and_unknown_kommune(cli, tmp_path):
    from isrp_graph.registry import build_registry
    from isrp_graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "store")
    build_registry(store)
    store.close()
    unknown = cli("validate", "--kommune", "Nirgendwo")
    assert unknown.code == 2 and "Nirgendwo" in unknown.err
    one, two = cli("validate", "--format", "json"), cli("validate", "--format", "json", "--jobs", "2")
    assert one.code == two.code == 0
    first, second = json.loads(one.out), json.loads(two.out)
    first.pop("generated_at", None), second.pop("generated_at", None)
    assert first == second and first["results"]
    erfurt = cli("validate", "--format", "json", "--kommune", "Erfurt")
    assert 0 < len(json.loads(erfurt.out)["results"]) < len(first["results"])
