"""``?stand=NAME``: every page, the JSON API and /sparql read the registry as it was at a release
(built once per process from the change history, read-only; see isrp_graph/changes/releases.py)."""

from __future__ import annotations

import threading
from typing import Any

from api.context import AppState
from isrp_graph.changes.releases import find_release, store_at

_LOCK = threading.Lock()
_STATES: dict[tuple[int, str], AppState] = {}


class StandState:
    """The app state at a release; the release's store is looked up when a route first reads it
    (so middleware that only needs the settings never fails on an unknown name)."""

    def __init__(self, base: AppState, name: str, request: Any) -> None:
        self.settings = base.settings
        self.templates = base.templates
        self._base, self._name, self._request = base, name, request

    @property
    def store(self) -> Any:
        try:
            return state_at(self._base, self._name).store
        except Exception:
            self._request.state.stand_failed = True  # the error page itself shows today's registry
            raise


def state_at(base: AppState, name: str) -> AppState:
    key = (id(base.store), name.strip())
    with _LOCK:
        found = _STATES.get(key)
    if found is not None:
        return found
    release = find_release(base.store, name)
    view = AppState(settings=base.settings, store=store_at(base.store, release), templates=base.templates)
    with _LOCK:
        _STATES[key] = view
    return view
