"""The library functions the pages call, looked up when needed so that a part of the library that is
missing or broken takes only its own page down (with a clear message), never the whole app.

Also a small cache of whole-registry results (overview, completeness, analyses): they take a while,
and only change when the store does (the cache key is the store's size, plus a counter the write routes
bump); one computation per state, however many readers ask at once."""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from isrp_graph.changes.commit import commit_version
from isrp_graph.store.base import Store

log = logging.getLogger(__name__)


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
        self.listeners: list[Callable[[int], None]] = []  # told the new value after every bump

    def bump(self) -> None:
        with self.lock:
            self.value += 1
            value = self.value
        for listener in list(self.listeners):
            listener(value)


class ResultCache:
    """Caches results of expensive whole-registry functions per (name, lang, store state).

    After a save the result is computed again, once, in a background thread, however many readers ask
    (no stampede of identical whole-registry computations). A reader who asks while it runs waits a
    moment for it and, if it takes longer and there is a result of an earlier state, gets that one —
    the state before the save, as the reader saw it a moment earlier; while one computation of a result
    runs, a further save does not start a second one of the same result, and after one it pauses for
    twice as long as it took before the next (so saves in quick succession spend at most a third of the
    time on recomputing any one result, the rest is for the readers). With no earlier result the reader
    waits for the computation."""

    WAIT_FIRST = 1.0  # seconds the reader who starts a computation waits for it before the older result
    PAUSE = 2.0  # a result is computed again at the earliest this many times its last computation after it
    WAIT_FOR_FRESH = 0.05  # seconds a later reader waits for the computation in flight
    SLOW_SIZE = 0.005  # counting the embedded store's quads takes longer than this: count at most every …
    SIZE_TTL = 2.0  # … seconds (its own update counter tells every change made through it at once)

    def __init__(self, version: StoreVersion, size: int = 32) -> None:
        self.version = version
        self.size = size
        self.items: dict[tuple, Any] = {}
        self.latest: dict[tuple, Any] = {}  # key -> the newest result of any state
        self.running: dict[tuple, tuple[tuple, threading.Event]] = {}  # key -> (full key, done)
        self.failed: dict[tuple, BaseException] = {}
        self.computed = 0  # computations started (the stampede test counts them)
        self._sizes: dict[int, tuple[int, float]] = {}
        self._last: dict[tuple, tuple[float, float]] = {}  # key -> (when the last computation ended, seconds)
        self.wake = threading.Event()  # set: pending computations start at once (shutdown, tests)
        self.lock = threading.Lock()

    def state_key(self, store: Store) -> tuple:
        generation = getattr(store, "generation", None)  # the embedded store's count of its updates
        return (self.version.value, commit_version(), generation, self._size(store, generation), id(store))

    def _size(self, store: Store, generation: int | None) -> int:
        """``len(store)``: it tells changes made around this process (the store's own counter covers
        those made through it). Counting is a scan of the whole store, so an embedded store that counts
        slowly is counted at most every ``SIZE_TTL`` seconds; a server store, which other processes
        write, is counted every time."""
        if generation is None:
            return len(store)
        now = time.monotonic()
        with self.lock:
            known = self._sizes.get(id(store))
        if known is not None and now - known[1] < self.SIZE_TTL:
            return known[0]
        size = len(store)
        if time.monotonic() - now > self.SLOW_SIZE:
            with self.lock:
                self._sizes[id(store)] = (size, now)
        return size

    def get(self, store: Store, key: tuple, compute: Callable[[], Any]) -> Any:
        full = (*key, *self.state_key(store))
        with self.lock:
            if full in self.items:
                return self.items[full]
            earlier = self.latest.get(key, _NONE)
            running = self.running.get(key)
            if running is not None and earlier is not _NONE and running[0] != full:
                return earlier  # an older state's computation runs: no second one
            started = running is None
            delay = 0.0
            if started:
                running = (full, threading.Event())
                self.running[key] = running
                self.computed += 1
                ended, took = self._last.get(key, (0.0, 0.0))
                if earlier is not _NONE:
                    delay = max(0.0, ended + self.PAUSE * took - time.monotonic())
        assert running is not None
        if started:
            args = (key, full, compute, running[1], delay)
            threading.Thread(target=self._compute, args=args, daemon=True).start()
        wait = None if earlier is _NONE else (self.WAIT_FIRST if started else self.WAIT_FOR_FRESH)
        running[1].wait(wait)
        with self.lock:
            if full in self.items:
                return self.items[full]
            error = self.failed.pop(full, None)
        if earlier is not _NONE:
            return earlier
        if error is not None:
            raise error
        return self.get(store, key, compute)

    def _compute(
        self, key: tuple, full: tuple, compute: Callable[[], Any], done: threading.Event, delay: float = 0.0
    ) -> None:
        if delay:  # saves in quick succession: the readers keep the earlier result a little longer
            self.wake.wait(delay)
        start = time.monotonic()
        try:
            value = compute()
        except BaseException as exc:  # given to the readers waiting for it; not cached
            log.warning("computing %s failed", key[:1], exc_info=True)
            with self.lock:
                self.failed[full] = exc
                self.running.pop(key, None)
            done.set()
            return
        with self.lock:
            if len(self.items) >= self.size:
                self.items.pop(next(iter(self.items)))
            self.items[full] = value
            self.latest.pop(key, None)
            if len(self.latest) >= self.size:
                self.latest.pop(next(iter(self.latest)))
            self.latest[key] = value
            self.running.pop(key, None)
            now = time.monotonic()
            self._last[key] = (now, now - start)
        done.set()

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.latest.clear()


_NONE = object()
