"""The library functions the pages call, looked up when needed so that a part of the library that is
missing or broken takes only its own page down (with a clear message), never the whole app.

Also a small cache of the validation report: validating the whole registry takes a while, and the
result only changes when the store does (the cache key is the store's size and graph names, plus a
counter the write routes bump)."""

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
        self.listeners: list[Callable[[int], None]] = []  # told the new value after every bump

    def bump(self) -> None:
        with self.lock:
            self.value += 1
            value = self.value
        for listener in list(self.listeners):
            listener(value)


class ResultCache:
    """Caches results of expensive whole-registry functions per (name, lang, store state)."""

    def __init__(self, version: StoreVersion, size: int = 32) -> None:
        self.version = version
        self.size = size
        self.items: dict[tuple, Any] = {}
        self.lock = threading.Lock()

    def state_key(self, store: Store) -> tuple:
        return (self.version.value, len(store), id(store))

    def get(self, store: Store, key: tuple, compute: Callable[[], Any]) -> Any:
        full = (*key, *self.state_key(store))
        with self.lock:
            if full in self.items:
                return self.items[full]
        value = compute()
        with self.lock:
            if len(self.items) >= self.size:
                self.items.pop(next(iter(self.items)))
            self.items[full] = value
        return value

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
