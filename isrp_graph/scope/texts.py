"""Texts of the municipality scope (German first, English second)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "scope.unknown": {
            "de": "Unbekannte Kommune „{name}“. Bekannt sind: {known}.",
            "en": "Unknown municipality '{name}'. Known: {known}.",
        },
        "scope.none-known": {"de": "keine", "en": "none"},
    }
)
