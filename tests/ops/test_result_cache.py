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


def test_a_further_save_during_a_computation_does_not_start_a_second_one() -> None:
    """Saves once a second and a computation that takes longer: readers keep the earlier result and
    only one computation of that result runs at a time."""
    store = EmbeddedStore(None)
    version = StoreVersion()
    cache = ResultCache(version)
    cache.WAIT_FIRST = 0.05
    assert cache.get(store, ("overview", "de"), lambda: "Stand 1") == "Stand 1"
    started, gate, calls = threading.Event(), threading.Event(), []
    version.bump()
    assert cache.get(store, ("overview", "de"), _slow(started, gate, calls, "Stand 2")) == "Stand 1"
    assert started.wait(20)
    version.bump()  # another save while "Stand 2" is computed
    assert cache.get(store, ("overview", "de"), lambda: "nicht gerechnet") == "Stand 1"
    assert cache.computed == 2  # "Stand 1" and "Stand 2"
    gate.set()
    for _ in range(200):  # the computation ends in its own thread
        if "Stand 2" in cache.latest.values():
            break
        threading.Event().wait(0.05)
    cache.WAIT_FIRST = 20.0  # the next reader alone waits for the new state
    assert cache.get(store, ("overview", "de"), lambda: "Stand 3") == "Stand 3"
    assert cache.get(store, ("overview", "de"), lambda: "nicht gerechnet") == "Stand 3"


def test_a_store_that_counts_slowly_is_counted_at_most_every_few_seconds() -> None:
    """Counting the quads of a large store scans it; the cache key counts it at most every SIZE_TTL
    seconds, and this process's saves still change the key at once (the write routes' counter)."""

    class Counted(EmbeddedStore):
        counted = 0

        def __len__(self) -> int:
            self.counted += 1
            threading.Event().wait(0.02)  # as slow as a store of some 100,000 quads on disk
            return super().__len__()

    store = Counted(None)
    version = StoreVersion()
    cache = ResultCache(version)
    first = cache.state_key(store)
    for _ in range(5):
        assert cache.state_key(store) == first
    assert store.counted == 1
    version.bump()
    assert cache.state_key(store) != first
    second = cache.state_key(store)
    store.update("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")  # a change made through the store
    assert cache.state_key(store) != second
    assert store.counted == 1


def test_a_server_store_is_counted_on_every_read() -> None:
    """Other processes write a server store: only its size tells this process, so it is counted each
    time (a write through one web process is seen through every other at once)."""
    from isrp_graph.store.base import Store

    class Server(Store):  # a store without an update counter of its own, like the remote store
        def __init__(self) -> None:
            self.size = 10
            self.counted = 0

        def __len__(self) -> int:
            self.counted += 1
            threading.Event().wait(0.02)
            return self.size

    store = Server()
    cache = ResultCache(StoreVersion())
    first = cache.state_key(store)
    store.size = 11  # another process wrote
    assert cache.state_key(store) != first
    assert store.counted == 2


def test_after_a_long_computation_the_next_one_pauses_and_readers_keep_the_earlier_result() -> None:
    """Saves in quick succession: a result whose last computation took long is computed again only after
    a pause of twice that long; meanwhile readers get the earlier result and nothing is computed."""
    store = EmbeddedStore(None)
    version = StoreVersion()
    cache = ResultCache(version)
    cache.WAIT_FIRST = 0.01
    assert cache.get(store, ("completeness", "de"), lambda: "Stand 1") == "Stand 1"
    ended, _took = cache._last[("completeness", "de")]
    cache._last[("completeness", "de")] = (ended, 3600.0)  # as if it had taken an hour
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return "Stand 2"

    version.bump()
    for _ in range(3):
        assert cache.get(store, ("completeness", "de"), compute) == "Stand 1"
    assert calls == []  # paused: nothing computed yet, one computation pending
    assert cache.computed == 2
    cache.wake.set()  # the pause is over
    cache.WAIT_FIRST = 20.0
    for _ in range(200):
        if calls:
            break
        threading.Event().wait(0.05)
    assert cache.get(store, ("completeness", "de"), compute) == "Stand 2"
    assert calls == [1]


def test_the_registry_report_after_a_save_runs_once_and_readers_get_the_previous_meanwhile(
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """The whole-registry validation behind the entry pages' findings: after a save one run starts;
    while it is held, readers get the report of the state before at once and further saves start no
    second run (before, every save started another full validation and each reader waited for it)."""
    from api import findings
    from api.app import create_app
    from tests.api.conftest import fixture_store, settings

    store = fixture_store()
    app = create_app(settings(), store=store)
    reports = app.state.reports
    reports.WAIT_FRESH = 0.05
    first = reports.start(app, "de")
    assert first["done"].wait(60) and first["report"] is not None
    gate = threading.Event()
    real = findings.Reports._work

    def held(run, validate, store_, lang):  # type: ignore[no-untyped-def]
        gate.wait(30)
        real(run, validate, store_, lang)

    monkeypatch.setattr(findings.Reports, "_work", staticmethod(held))
    monkeypatch.setattr(findings.Reports, "PAUSE", 0.0)
    try:
        app.state.version.bump()  # a save
        assert reports.start(app, "de") is first  # the previous report, at once
        app.state.version.bump()  # another save while the run for the first is held
        assert reports.start(app, "de") is first
        assert reports.started == 2
    finally:
        gate.set()
    reports.WAIT_FRESH = 30.0
    for _ in range(600):
        fresh = reports.start(app, "de")
        if fresh is not first and fresh["done"].is_set():
            break
        threading.Event().wait(0.05)
    assert fresh is not first and fresh["report"] is not None
    assert reports.started == 3  # the state of the second save, once the held run was over
    store.close()
