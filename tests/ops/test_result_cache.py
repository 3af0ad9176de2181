"""The app's cache of whole-registry results after a save: readers who ask at once share one
computation (before, each of them computed the same overview again: a stampede that stalled every reader
for seconds after each save), a reader meanwhile gets the result of the state before the save, and a
reader alone after a save gets the new result."""

from __future__ import annotations

import threading

from api.library import ResultCache, StoreVersion
from isrp_graph.store import EmbeddedStore

READERS = 8


def _slow(started: threading.Event, gate: threading.Event, calls: list[int], value: str):  # type: ignore[no-untyped-def]
    def compute() -> str:
        calls.append(1)
        started.set()
        assert gate.wait(20)
        return value

    return compute


def test_readers_asking_at_once_share_one_computation() -> None:
    store = EmbeddedStore(None)
    cache = ResultCache(StoreVersion())
    started, gate, calls = threading.Event(), threading.Event(), []
    compute = _slow(started, gate, calls, "Übersicht")
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get(store, ("overview", "de"), compute)))
        for _ in range(READERS)
    ]
    for thread in threads:
        thread.start()
    assert started.wait(20)
    gate.set()
    for thread in threads:
        thread.join(20)
    assert results == ["Übersicht"] * READERS
    assert len(calls) == 1


def test_after_a_save_readers_get_the_earlier_result_while_the_new_one_is_computed() -> None:
    store = EmbeddedStore(None)
    version = StoreVersion()
    cache = ResultCache(version)
    assert cache.get(store, ("overview", "de"), lambda: "Stand 1") == "Stand 1"
    version.bump()  # a save
    started, gate, calls = threading.Event(), threading.Event(), []
    fresh: list[str] = []
    first = threading.Thread(
        target=lambda: fresh.append(
            cache.get(store, ("overview", "de"), _slow(started, gate, calls, "Stand 2"))
        )
    )
    first.start()
    try:
        assert started.wait(20)
        # another reader meanwhile: served at once with the state before the save, nothing recomputed
        assert cache.get(store, ("overview", "de"), lambda: "nicht gerechnet") == "Stand 1"
        assert cache.get(store, ("overview", "en"), lambda: "overview 2") == "overview 2"  # another key
    finally:
        gate.set()
        first.join(20)
    assert fresh == ["Stand 2"]
    assert len(calls) == 1
    assert cache.get(store, ("overview", "de"), lambda: "nicht gerechnet") == "Stand 2"


def test_a_reader_alone_after_a_save_gets_the_new_result() -> None:
    store = EmbeddedStore(None)
    version = StoreVersion()
    cache = ResultCache(version)
    assert cache.get(store, ("plans",), lambda: 1) == 1
    version.bump()
    assert cache.get(store, ("plans",), lambda: 2) == 2
    assert cache.computed == 2


def test_a_failed_computation_is_not_cached_and_the_next_reader_computes() -> None:
    store = EmbeddedStore(None)
    cache = ResultCache(StoreVersion())

    def broken() -> str:
        raise RuntimeError("Speicher nicht erreichbar")

    try:
        cache.get(store, ("overview", "de"), broken)
    except RuntimeError:
        pass
    else:
        raise AssertionError("the error must reach the reader")
    assert cache.get(store, ("overview", "de"), lambda: "Übersicht") == "Übersicht"
