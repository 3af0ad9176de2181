"""Fixtures of the validation tests: small in-memory stores built from fixture files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from isrp_graph.namespaces import GRAPH
from isrp_graph.store.embedded import EmbeddedStore

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
ROOT = HERE.parent.parent
ONTOLOGY = ROOT / "ontology" / "isrp.ttl"

ONTOLOGY_GRAPH = URIRef(GRAPH["ontology/isrp"])
SHAPES_GRAPH = URIRef(GRAPH["ontology/shapes/test"])
DATA_GRAPH = URIRef(GRAPH["data/erfurt/test"])


def parse(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def store_with(files: Mapping[URIRef, Path]) -> EmbeddedStore:
    """An in-memory store with one named graph per file."""
    store = EmbeddedStore(None)
    store.replace_graphs({name: parse(path) for name, path in files.items()})
    return store


@pytest.fixture
def fixture_store() -> EmbeddedStore:
    """Ontology + the test shapes + data.ttl (known findings)."""
    store = store_with(
        {
            ONTOLOGY_GRAPH: ONTOLOGY,
            SHAPES_GRAPH: FIXTURES / "shapes.ttl",
            DATA_GRAPH: FIXTURES / "data.ttl",
        }
    )
    yield store
    store.close()
