"""The municipalities an installation serves: the names of the setting ``kommune`` (``ISRP_KOMMUNE``)
resolved once against the store. An unknown name refuses the start (``SettingsError``)."""

from __future__ import annotations

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
