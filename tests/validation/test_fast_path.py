"""The fast path equals pyshacl with ``inference="rdfs"``.

Two checks on every corpus (the fixtures here, the fixture graphs of the ontology tests with the
shipped ontology, vocabularies and shapes, and the Erfurt registry with the shipped shapes and with the
fixture shapes):

- the closure computed on pyoxigraph (plus the literal-subject triples added in Python) equals
  owlrl's RDFS closure as pyshacl runs it – so the equality below holds for any shapes;
- the findings (every field of every result) are the same as pyshacl's own with RDFS inference.
"""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from pyshacl.inference import CustomRDFSSemantics
from rdflib import Graph, URIRef

from isrp_graph.namespaces import GRAPH
from isrp_graph.validation.check import validate_reference, validate_state
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.mirror import rdfs_closure

from .conftest import FIXTURES, ROOT, SHAPES_GRAPH, parse

ONTOLOGY_FIXTURES = ROOT / "tests" / "ontology" / "fixtures"


def owlrl_closure(triples: set) -> set:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    owlrl.DeductiveClosure(CustomRDFSSemantics).expand(graph)
    return set(graph) - triples


def assert_same_closure(state: GraphState) -> None:
    stated = set(state.data_triples())
    assert rdfs_closure(stated) == owlrl_closure(stated)


def assert_same_findings(state: GraphState) -> int:
    fast = validate_state(state)
    reference = validate_reference(state)
    assert set(fast.results) == set(reference.results)
    assert len(fast.results) == len(reference.results)
    assert fast.conforms == reference.conforms
    return len(fast.results)


def test_fixture_store(fixture_store):
    state = GraphState.from_store(fixture_store)
    assert_same_closure(state)
    assert assert_same_findings(state) == 17


@pytest.fixture(scope="module")
def erfurt(built_registry) -> GraphState:
    return GraphState.from_store(built_registry)


def test_erfurt_registry_closure(erfurt):
    assert_same_closure(erfurt)


def test_erfurt_registry_with_shipped_shapes(erfurt):
    assert any("/shapes/" in str(name) for name in erfurt.graphs)
    assert assert_same_findings(erfurt) > 0


def test_erfurt_registry_with_fixture_shapes(erfurt):
    """The fixture shapes (in place of the shipped ones) target plans, interfaces, measures and
    memberships: on the real data, domains, ranges and subproperties decide which nodes they reach."""
    shipped = {name: None for name in erfurt.graphs if "/shapes/" in str(name)}
    state = erfurt.with_changes({**shipped, SHAPES_GRAPH: parse(FIXTURES / "shapes.ttl")})
    assert assert_same_findings(state) > 0


def ontology_fixture_files() -> list[Path]:
    return sorted(ONTOLOGY_FIXTURES.rglob("*.ttl")) if ONTOLOGY_FIXTURES.is_dir() else []


def test_all_ontology_fixture_graphs(erfurt):
    """Every fixture graph of the ontology tests (good and bad examples of each shape), each in its
    own graph, with the shipped ontology, vocabularies and shapes but without the Erfurt data."""
    files = ontology_fixture_files()
    schema = {
        name: None
        for name in erfurt.graphs
        if not str(name).startswith((str(GRAPH["ontology/"]), str(GRAPH["data/common/"])))
    }
    fixtures = {URIRef(GRAPH[f"test/{path.stem}"]): parse(path) for path in files}
    state = erfurt.with_changes({**schema, **fixtures})
    assert_same_closure(state)
    found = assert_same_findings(state)
    assert found > 0 or not files


def test_bulk_sparql_constraints_find_what_per_node_queries_find(erfurt, monkeypatch):
    """SPARQL constraints run once for many focus nodes (``sparql_bulk``) give the per-node findings,
    also when every constraint with two or more IRI focus nodes goes the bulk way."""
    from isrp_graph.validation import sparql_bulk

    monkeypatch.setattr(sparql_bulk, "BULK_MINIMUM", 10**9)
    per_node = validate_state(erfurt)
    monkeypatch.setattr(sparql_bulk, "BULK_MINIMUM", 2)
    bulk = validate_state(erfurt)
    assert bulk.results == per_node.results and per_node.results


def test_storewide_sparql_rows_find_what_per_node_queries_find(erfurt, monkeypatch):
    """Queries whose first pattern binds $this, run once over the whole store (``sparql_bulk``) for
    large focus sets, give the per-node findings: on Erfurt and synthetic municipalities (whose
    measures of expired plans break such a constraint)."""
    from benchmarks.synthetic import generate
    from isrp_graph.validation import sparql_bulk

    synthetic = Graph().parse(data="".join(generate(3)), format="nt")
    state = erfurt.with_changes({URIRef(GRAPH["data/synthetic"]): synthetic})
    monkeypatch.setattr(sparql_bulk, "BULK_MINIMUM", 10**9)
    per_node = validate_state(state)
    monkeypatch.setattr(sparql_bulk, "BULK_MINIMUM", 2)
    monkeypatch.setattr(sparql_bulk, "STOREWIDE_MINIMUM", 2)
    storewide = validate_state(state)
    assert storewide.results == per_node.results
    assert any("ausgelaufen" in r.message for r in per_node.results)


def test_only_queries_that_bind_this_in_their_first_pattern_run_over_the_whole_store():
    from isrp_graph.validation.sparql_bulk import binds_this_first

    assert binds_this_first("SELECT $this WHERE { $this a <urn:C> . FILTER NOT EXISTS { $this <urn:p> ?x } }")
    assert not binds_this_first("SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:p> ?x } }")
    assert not binds_this_first("SELECT $this WHERE { $this <urn:p> ?x } LIMIT 1")


def test_only_queries_that_bind_this_first_are_run_in_bulk():
    from isrp_graph.validation.sparql_bulk import bulk_text

    first = "SELECT $this WHERE { $this a <urn:C> . FILTER NOT EXISTS { $this <urn:p> ?x } }"
    assert (
        bulk_text(first)
        == "SELECT $this WHERE { #VALUES#  $this a <urn:C> . FILTER NOT EXISTS { $this <urn:p> ?x } }"
    )
    assert (
        bulk_text("SELECT $this WHERE { OPTIONAL { ?y <urn:q> ?x } FILTER NOT EXISTS { $this <urn:p> ?x } }")
        is None
    )
    assert bulk_text("SELECT $this WHERE { $this <urn:p> ?x { SELECT ?x WHERE { ?x ?p ?o } } }") is None
    assert bulk_text("SELECT ?x WHERE { $this <urn:p> ?x }") is None  # $this not projected
    assert bulk_text("SELECT $this WHERE { $this <urn:p> ?x } LIMIT 1") is None


def test_queries_of_only_filters_are_run_in_bulk():
    """A top-level group of triple patterns and FILTER [NOT] EXISTS groups sees each VALUES row's
    $this as pre-binding does; any other group inside the query (nested, OPTIONAL, MINUS, a group
    inside the EXISTS group) keeps the per-node way."""
    from isrp_graph.validation.sparql_bulk import bulk_text

    filters = (
        "SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:p> ?x } FILTER NOT EXISTS { ?y <urn:q> $this } }"
    )
    assert bulk_text(filters) == filters.replace("WHERE {", "WHERE { #VALUES# ", 1)
    braces_in_text = 'SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:p> "}{" } # } {\n}'
    assert bulk_text(braces_in_text) is not None
    assert bulk_text("SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:p> ?x { ?x ?p ?o } } }") is None
    assert (
        bulk_text(
            "SELECT $this WHERE { FILTER NOT EXISTS { $this <urn:p> ?x } OPTIONAL { $this <urn:q> ?z } }"
        )
        is None
    )
    assert bulk_text("SELECT $this WHERE { { FILTER NOT EXISTS { $this <urn:p> ?x } } }") is None
    assert bulk_text("SELECT $this WHERE { ?x <urn:p> ?y . MINUS { $this <urn:q> ?y } }") is None
    assert bulk_text("SELECT $this WHERE { ?x <urn:p> ?y FILTER (?y = $this) BIND (1 AS ?z) }") is None
