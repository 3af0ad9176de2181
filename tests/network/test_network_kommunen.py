"""The network of one municipality on a store that holds two (Erfurt and the invented Musterstadt of
tests/kommunen_fixture.ttl, loaded here without its example marks so that its entries would be drawn):
the library, the refresh after a save and the page/API keep the municipalities apart."""

from __future__ import annotations

import pytest
from kommunen_fixture import ERFURT, MUSTERSTADT, unmarked_two_municipality_store
from rdflib import URIRef

from isrp_graph.network import build_network
from isrp_graph.network_cache import compute_network, refresh_network
from isrp_graph.store import EmbeddedStore

ILLUSTRATIVE = URIRef("https://w3id.org/isrp/def#illustrative")
MUSTER_PLAN = "https://w3id.org/isrp/musterstadt/plan/musterstadt-familienplan"


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    return unmarked_two_municipality_store()


def _musterstadt(iri: str) -> bool:
    return iri.startswith("https://w3id.org/isrp/musterstadt/")


def test_the_network_of_all_holds_both(store: EmbeddedStore) -> None:
    graph = build_network(store)
    assert MUSTER_PLAN in graph and any(i.startswith("https://w3id.org/isrp/erfurt/") for i in graph)


def test_the_network_of_erfurt_holds_no_musterstadt_node(store: EmbeddedStore) -> None:
    graph = build_network(store, kommunen=(ERFURT,))
    assert not [i for i in graph if _musterstadt(i)]
    assert sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "plan") > 10
    assert all("kommune" not in d for _, d in graph.nodes(data=True))


def test_the_network_of_musterstadt_holds_no_erfurt_node(store: EmbeddedStore) -> None:
    graph = build_network(store, kommunen=(MUSTERSTADT,))
    assert MUSTER_PLAN in graph
    assert not [i for i in graph if i.startswith("https://w3id.org/isrp/erfurt/")]
    assert graph.number_of_edges() > 0


def test_the_refresh_keeps_the_scope(store: EmbeddedStore) -> None:
    before = compute_network(store, "de", kommunen=(ERFURT,))
    after = refresh_network(store, before, "de", only_commits=False, kommunen=(ERFURT,))
    assert set(after.graph) == set(before.graph)
    assert not [i for i in after.graph if _musterstadt(i)]
    wider = refresh_network(store, None, "de", kommunen=(ERFURT, MUSTERSTADT))
    assert MUSTER_PLAN in wider.graph
