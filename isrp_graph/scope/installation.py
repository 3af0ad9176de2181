"""The municipalities an installation serves: the names of the setting ``kommune`` (``ISRP_KOMMUNE``)
resolved once against the store. An unknown name refuses the start (``SettingsError``)."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from isrp_graph.scope.municipalities import ScopeError, municipalities, resolve_kommunen
from isrp_graph.settings import Settings, SettingsError
from isrp_graph.store.base import Store


def served_kommunen(settings: Settings, store: Store) -> tuple[str, ...]:
    """The IRIs of the municipalities ``settings.kommune`` names; ``()`` (all) when the setting is empty."""
    if not settings.kommune:
        return ()
    try:
        return resolve_kommunen(store, settings.kommune)
    except ScopeError as exc:
        known = ", ".join(m.slug for m in municipalities(store)) or "–"
        raise SettingsError("scope.settings_unknown", name=exc.params.get("name", ""), known=known) from exc


def covers_all(store: Store, kommunen: tuple[str, ...]) -> bool:
    """Whether ``kommunen`` leaves out no municipality of the store (``()`` = all: always true)."""
    if not kommunen:
        return True
    return {m.iri for m in municipalities(store)} <= set(kommunen)


def accepts_kommunen(function: Callable[..., object]) -> bool:
    """Whether ``function`` takes ``kommunen=`` (so that its result can be scoped by the library)."""
    return "kommunen" in inspect.signature(function).parameters
