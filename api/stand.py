"""``?stand=NAME``: every page, the JSON API and /sparql read the registry as it was at a release
(built once per process from the change history, read-only; see isrp_graph/changes/releases.py)."""

from __future__ import annotations

import threading

from api.context import AppState
from isrp_graph.changes.releases import find_release, store_at

_LOCK = threading.Lock()
_STATES: dict[tuple[int, str], AppState] = {}


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
