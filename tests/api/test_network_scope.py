"""The network page and /api/v1/network per municipality, on a store with Erfurt and the invented
Musterstadt (tests/kommunen_fixture.ttl): the installation's set and ``?kommune=`` within it; the cache
keeps each scope's network apart. Musterstadt's entries are examples, so they are drawn only with
``beispiele=1`` (which the tests ask for)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import settings
from fastapi.testclient import TestClient
from kommunen_fixture import two_municipality_store

from api.app import create_app
from isrp_graph.store import EmbeddedStore

JSON = {"Accept": "application/json"}
MUSTER = "https://w3id.org/isrp/musterstadt/"
ERFURT_BASE = "https://w3id.org/isrp/erfurt/"


@pytest.fixture(scope="module")
def two_store() -> Iterator[EmbeddedStore]:
    store = two_municipality_store()
    yield store
    store.close()


def _nodes(client: TestClient, **params: str) -> list[str]:
    answer = client.get("/netzwerk", params={"beispiele": "1", **params}, headers=JSON)
    assert answer.status_code == 200, answer.text
    return [n["id"] for n in answer.json()["graph"]["nodes"]]


def test_the_network_of_a_chosen_municipality(two_store: EmbeddedStore) -> None:
    both = TestClient(create_app(settings(), store=two_store))
    every = _nodes(both)
    assert any(i.startswith(MUSTER) for i in every) and any(i.startswith(ERFURT_BASE) for i in every)
    erfurt = _nodes(both, kommune="erfurt")
    assert erfurt and not [i for i in erfurt if i.startswith(MUSTER)]
    muster = _nodes(both, kommune="musterstadt")
    assert muster and not [i for i in muster if i.startswith(ERFURT_BASE)]
    assert set(_nodes(both)) == set(every)  # the cache kept the scopes apart


def test_an_erfurt_installation_draws_only_erfurt(two_store: EmbeddedStore) -> None:
    erfurt = TestClient(create_app(settings(kommune=("erfurt",)), store=two_store))
    assert not [i for i in _nodes(erfurt) if i.startswith(MUSTER)]
    assert erfurt.get("/netzwerk", params={"kommune": "musterstadt"}).status_code == 404
    api = erfurt.get("/api/v1/network")
    assert api.status_code == 200
    ids = [n["id"] for n in api.json()["nodes"]]
    assert ids and not [i for i in ids if i.startswith(MUSTER)]
