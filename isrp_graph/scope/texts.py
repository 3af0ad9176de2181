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

register(
    {
        "scope.settings_unknown": {
            "de": "Die Einstellung kommune (ISRP_KOMMUNE) nennt die Kommune „{name}“, die der Speicher nicht "
            "kennt. Bekannt sind: {known}. Die Anwendung startet nicht; bitte die Einstellung berichtigen "
            "oder erst das Register laden.",
            "en": "The setting kommune (ISRP_KOMMUNE) names the municipality '{name}', which the store does "
            "not know. Known: {known}. The application does not start; please correct the setting or load "
            "the registry first.",
        },
    }
)
