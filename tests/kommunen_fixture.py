"""A store with two municipalities for the tests of the municipality scope: the shipped Erfurt registry
plus the invented "Musterstadt" of kommunen_fixture.ttl (every entry marked isrp:illustrative)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from isrp_graph.registry import build_registry
from isrp_graph.store import EmbeddedStore

FIXTURE = Path(__file__).with_name("kommunen_fixture.ttl")
GRAPH = URIRef("https://w3id.org/isrp/graph/tests/kommunen_fixture")
ERFURT = "https://w3id.org/isrp/erfurt/org/stadt-erfurt"
MUSTERSTADT = "https://w3id.org/isrp/musterstadt/org/stadt-musterstadt"
# the start of every label of a Musterstadt entry (the municipality itself is "Stadt Musterstadt"):
# none may show in an Erfurt-only result
MUSTERSTADT_MARK = "Musterstadt-"


def add_musterstadt(store: EmbeddedStore) -> None:
    store.replace_graph(GRAPH, Graph().parse(FIXTURE))


ILLUSTRATIVE = URIRef("https://w3id.org/isrp/def#illustrative")


def unmarked_two_municipality_store() -> EmbeddedStore:
    """Erfurt plus Musterstadt loaded *without* its example marks, so that its entries would count like
    Erfurt's if a scope did not hold them apart."""
    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    musterstadt = Graph().parse(FIXTURE)
    musterstadt.remove((None, ILLUSTRATIVE, Literal(True)))
    store.replace_graph(GRAPH, musterstadt)
    return store


def two_municipality_store() -> EmbeddedStore:
    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    add_musterstadt(store)
    return store
