"""The library functions the pages call, looked up when needed so that a part of the library that is
missing or broken takes only its own page down (with a clear message), never the whole app.

Also a small cache of whole-registry results (overview, completeness, analyses): they take a while,
and only change when the store does (the cache key is the store's size, plus a counter the write routes
bump); one computation per state, however many readers ask at once."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any

from isrp_graph.store.base import Store


class Unavailable(Exception):
    """A library function the page needs is not there (yet)."""

    def __init__(self, what: str, reason: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.reason = reason


def function(module: str, name: str) -> Callable[..., Any]:
    """``module.name`` or ``Unavailable`` naming it."""
    try:
        loaded = importlib.import_module(module)
    except ImportError as exc:
        raise Unavailable(f"{module}.{name}", str(exc)) from exc
    found = getattr(loaded, name, None)
    if not callable(found):
        raise Unavailable(f"{module}.{name}")
    return found


def available(module: str, name: str) -> bool:
    try:
        function(module, name)
    except Unavailable:
        return False
    return True


class StoreVersion:
    """A counter the app bumps after every write it makes; part of every cache key."""

    def __init__(self) -> None:
        self.value = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        with self.lock:
            self.value += 1


class ResultCache:
    """Caches results of expensive whole-registry functions per (name, lang, store state).

    After a save the first reader of a result computes it again; readers that come while that
    computation runs do not start their own (no stampede of identical whole-registry computations):
    they get the result of the previous state at once — the state before the save, as a reader
    would have seen it a moment earlier — or, with no earlier result, wait for the one computation."""

    WAIT_FOR_FRESH = 0.05  # seconds a reader waits for the computation in flight before the older result

    def __init__(self, version: StoreVersion, size: int = 32) -> None:
        self.version = version
        self.size = size
        self.items: dict[tuple, Any] = {}
        self.latest: dict[tuple, Any] = {}  # key -> the newest result of any state
        self.running: dict[tuple, threading.Event] = {}
        self.computed = 0  # computations started (the test of the stampede counts them)
        self.lock = threading.Lock()

    def state_key(self, store: Store) -> tuple:
        return (self.version.value, len(store), id(store))

    def get(self, store: Store, key: tuple, compute: Callable[[], Any]) -> Any:
        full = (*key, *self.state_key(store))
        with self.lock:
            if full in self.items:
                return self.items[full]
            running = self.running.get(full)
            if running is None:
                mine = self.running[full] = threading.Event()
                self.computed += 1
            earlier = self.latest.get(key, _NONE)
        if running is not None:
            running.wait(self.WAIT_FOR_FRESH if earlier is not _NONE else None)
            with self.lock:
                if full in self.items:
                    return self.items[full]
            if earlier is not _NONE:
                return earlier
            return self.get(store, key, compute)  # the computation failed: try it here
        try:
            value = compute()
        except BaseException:
            with self.lock:
                self.running.pop(full, None)
            mine.set()
            raise
        with self.lock:
            if len(self.items) >= self.size:
                self.items.pop(next(iter(self.items)))
            self.items[full] = value
            self.latest.pop(key, None)
            if len(self.latest) >= self.size:
                self.latest.pop(next(iter(self.latest)))
            self.latest[key] = value
            self.running.pop(full, None)
        mine.set()
        return value

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.latest.clear()


_NONE = object()
