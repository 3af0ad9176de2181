"""The fast path (our RDFS closure, pyshacl without inference) gives exactly the findings of pyshacl
with ``inference="rdfs"``, on every corpus we have: the fixtures here, the fixture graphs of the
ontology tests, and the Erfurt registry (with the shipped shapes and with the fixture shapes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from isrp_graph.namespaces import GRAPH
from isrp_graph.validation.check import validate_reference, validate_state
from isrp_graph.validation.graphs import GraphState

from .conftest import FIXTURES, ROOT, SHAPES_GRAPH, parse

ONTOLOGY_FIXTURES = ROOT / "tests" / "ontology" / "fixtures"


def assert_same_findings(state: GraphState) -> int:
    fast = validate_state(state)
    reference = validate_reference(state)
    assert set(fast.results) == set(reference.results)
    assert len(fast.results) == len(reference.results)
    assert fast.conforms == reference.conforms
    return len(fast.results)


def test_fixture_store(fixture_store):
    assert assert_same_findings(GraphState.from_store(fixture_store)) == 17


def test_erfurt_registry_with_shipped_shapes(built_registry):
    assert_same_findings(GraphState.from_store(built_registry))


def test_erfurt_registry_with_fixture_shapes(built_registry):
    """The fixture shapes target plans, interfaces, measures and memberships: on the real data the
    domains, ranges and subproperties of the ontology decide which nodes they reach."""
    state = GraphState.from_store(built_registry).with_changes({SHAPES_GRAPH: parse(FIXTURES / "shapes.ttl")})
    assert assert_same_findings(state) > 0


def ontology_fixture_files() -> list[Path]:
    return sorted(ONTOLOGY_FIXTURES.rglob("*.ttl")) if ONTOLOGY_FIXTURES.is_dir() else []


def test_every_ontology_fixture_graph(built_registry):
    """Each fixture graph of the ontology tests as extra data next to the shipped registry."""
    base = GraphState.from_store(built_registry)
    checked = 0
    for path in ontology_fixture_files():
        name = URIRef(GRAPH[f"test/{path.stem}"])
        try:
            graph = parse(path)
        except Exception as exc:  # a deliberately broken fixture is not a corpus for this test
            pytest.fail(f"{path} does not parse: {exc}")
        assert_same_findings(base.with_changes({name: graph}))
        checked += 1
    assert checked == len(ontology_fixture_files())
