"""What only the embedded store does: on-disk persistence, one process per folder, query time limit."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore, QueryTimeout, StoreError, StoreUnreachable, open_store
from isrp_graph.store.terms import new_graph

G = URIRef("http://example.org/graph")


def _fill(store: EmbeddedStore, n: int) -> None:
    graph = new_graph()
    for i in range(n):
        graph.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(i)))
    store.replace_graph(G, graph)


def test_on_disk_store_persists(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        _fill(store, 3)
    with EmbeddedStore(tmp_path / "store") as again:
        assert len(again) == 3
        assert again.graphs() == [G]


def test_a_folder_is_opened_by_one_store_at_a_time(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store"):
        with pytest.raises(StoreUnreachable) as info:
            EmbeddedStore(tmp_path / "store")
        assert "anderen Prozess" in str(info.value)


def test_closed_store_says_so() -> None:
    store = EmbeddedStore()
    store.close()
    with pytest.raises(StoreError):
        len(store)


def test_runaway_query_is_stopped_with_a_clear_error() -> None:
    store = EmbeddedStore(query_timeout=0.5)
    _fill(store, 300)  # 300^3 = 27 million rows: far more than half a second
    # other tests may leave their own query workers running; only this query's worker is checked
    before = {t for t in threading.enumerate() if t.name == "isrp-query"}
    with pytest.raises(QueryTimeout) as info:  # raised instead of running through 27 million rows
        store.select("SELECT * WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }")
    assert "0.5 s" in str(info.value) and "abgebrochen" in str(info.value)
    deadline = time.monotonic() + 60  # the worker notices and ends, it does not run on (generous: CI load)

    def workers() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if t.name == "isrp-query"} - before

    while workers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not workers()
    assert len(store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 5")) == 5  # still usable


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    memory = open_store(Settings(store="memory"))
    assert isinstance(memory, EmbeddedStore) and memory.path is None
    disk = open_store(Settings(store="embedded", store_path=tmp_path / "a"))
    assert isinstance(disk, EmbeddedStore) and disk.path == tmp_path / "a"
    disk.close()
    folder = open_store(Settings(store=str(tmp_path / "b")))
    assert isinstance(folder, EmbeddedStore) and folder.path == tmp_path / "b"
    folder.close()
