"""A small planning system (real ontology; a few plans, offices, networks, bodies) in a memory store."""

from __future__ import annotations

from pathlib import Path

import pytest

from isrp_graph.loading import load_files
from isrp_graph.namespaces import GRAPH
from isrp_graph.resources import ontology_dir
from isrp_graph.store import EmbeddedStore

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_store() -> EmbeddedStore:
    store = EmbeddedStore(None)
    load_files(store, sorted(FIXTURES.rglob("*.ttl")), root=FIXTURES)
    ontology = ontology_dir() / "isrp.ttl"
    load_files(store, [ontology], graph_names={ontology: GRAPH["ontology/isrp"]})
    return store


@pytest.fixture
def store() -> EmbeddedStore:
    with fixture_store() as s:
        yield s
