"""On a remote store (``oxigraph serve``, started for real by tests/conftest.py) the analyses give the same
findings as on the embedded store: two synthetic municipalities, all of them and one of them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from isrp_graph.analyses.registry import run_all
from isrp_graph.store import EmbeddedStore, RemoteStore
from tests.analyses.test_municipalities import M1, OPTIONS, _synthetic, _tables

pytestmark = pytest.mark.remote


@pytest.fixture(scope="module")
def embedded() -> Iterator[EmbeddedStore]:
    store = _synthetic(2)
    yield store
    store.close()


@pytest.fixture(scope="module")
def remote(oxigraph_server: str, embedded: EmbeddedStore) -> Iterator[RemoteStore]:
    store = RemoteStore(oxigraph_server + "/query", oxigraph_server + "/update", query_timeout=120)
    store.update("DROP ALL")
    store.replace_graphs({name: embedded.get_graph(name) for name in embedded.graphs()})
    yield store
    store.update("DROP ALL")


def test_remote_and_embedded_agree_for_all_and_for_one_municipality(
    embedded: EmbeddedStore, remote: RemoteStore
) -> None:
    assert len(remote.union_graph()) == len(embedded.union_graph())
    for options in (OPTIONS, dataclasses.replace(OPTIONS, kommunen=(M1,))):
        here = _tables(run_all(embedded, "de", options))
        there = _tables(run_all(remote, "de", options))
        assert there == here, options.kommunen
        assert sum(len(rows) for tables in here.values() for _, rows in tables) > 100
