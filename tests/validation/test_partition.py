"""Full validation split by municipality (``validation.partition``) finds what one whole run finds."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, URIRef

from benchmarks.synthetic import generate
from isrp_graph.namespaces import GRAPH
from isrp_graph.validation.check import Prepared, validate_state
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.partition import municipality_parts, validate_parts, validate_store

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


@pytest.fixture(scope="module")
def two_registries_store(two_registries):
    """The same state in an embedded store (blank nodes as the store names them)."""
    import pyoxigraph as ox

    from isrp_graph.registry import build_registry
    from isrp_graph.store.embedded import EmbeddedStore

    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    store.ox_store.load(
        "".join(generate(2)).encode(),
        format=ox.RdfFormat.N_TRIPLES,
        to_graph=ox.NamedNode(str(GRAPH["data/synthetic"])),
    )
    yield store
    store.close()


def test_prepared_straight_from_the_store_equals_the_state_read(two_registries_store):
    """``Prepared.of_store`` (pyoxigraph copied inside pyoxigraph, rdflib terms read once) prepares
    exactly what reading the state and preparing it does: data, closure, mirror, literals, shapes."""
    direct = Prepared.of_store(two_registries_store)
    state = Prepared.of(GraphState.from_store(two_registries_store))
    assert set(direct.data) == set(state.data) and len(direct.data) == len(state.data)
    assert direct.inferred == state.inferred > 0
    assert set(direct.mirror.store) == set(state.mirror.store)
    assert direct.mirror.aliases == state.mirror.aliases == {}
    assert set(direct.shapes) == set(state.shapes) and len(direct.shapes) > 0


def test_store_validation_equals_the_state_validation(two_registries_store):
    whole = validate_state(GraphState.from_store(two_registries_store))
    split = validate_store(two_registries_store, jobs=1)
    assert set(split.results) == set(whole.results) and len(split.results) == len(whole.results) > 0


def test_every_municipality_is_a_part(two_registries):
    parts = municipality_parts(Prepared.of(two_registries).data)
    assert ERFURT in parts and len(parts) == 3
    assert URIRef("https://w3id.org/isrp/erfurt/plan/isrp") in parts[ERFURT]


def test_parts_find_what_the_whole_run_finds(two_registries, whole):
    split = validate_parts(two_registries, jobs=2)  # one process validates the whole at once
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


def test_the_frozen_heap_is_released_afterwards(two_registries):
    """A partitioned run leaves the prepared state out of garbage collection only while it runs."""
    import gc

    from isrp_graph.validation.partition import frozen_heap

    threshold = gc.get_threshold()
    with frozen_heap():
        assert gc.get_freeze_count() > 0 and gc.get_threshold() != threshold
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold
    validate_parts(two_registries, kommunen=[str(ERFURT)])
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold


def test_findings_cross_the_process_boundary_unchanged(whole):
    """Workers send their findings packed (terms as text, each once); unpacked they are equal, with
    blank nodes and literal values kept."""
    import pickle
    from dataclasses import replace

    from rdflib import BNode, Literal

    from isrp_graph.validation.partition import pack, unpack

    sample = list(whole.results[:50])
    odd = Literal("01", datatype=URIRef(EX_INT), normalize=False)
    sample.append(replace(sample[0], focus=BNode("held"), value=odd))
    sample.append(replace(sample[1], value=Literal("Text", lang="de")))
    back = unpack(pickle.loads(pickle.dumps(pack(sample))))
    assert back == sample
    assert isinstance(back[-2].focus, BNode) and str(back[-2].value) == "01"


EX_INT = "http://www.w3.org/2001/XMLSchema#integer"
