"""Texts of proposals and their review (German and English)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "review.denied": {"de": "{reason}", "en": "{reason}"},
        "review.unknown": {"de": "Kein Änderungsvorschlag „{id}“.", "en": "No change proposal “{id}”."},
        "review.closed": {
            "de": "Der Änderungsvorschlag „{id}“ ist schon entschieden.",
            "en": "The change proposal “{id}” has already been decided.",
        },
        "review.reason_needed": {
            "de": "Bitte eine Begründung für die Ablehnung angeben.",
            "en": "Please give a reason for the rejection.",
        },
        "review.conflict": {
            "de": "Konflikt: der Eintrag wurde geändert, nachdem der Vorschlag gemacht wurde. Nichts wurde "
            "übernommen; beide Fassungen stehen unten.",
            "en": "Conflict: the entry was changed after the proposal was made. Nothing was applied; "
            "both versions are shown below.",
        },
        "review.self": {
            "de": "Eigene Vorschläge kann nur eine andere Prüfer:in annehmen (Vier-Augen-Prinzip).",
            "en": "Only another reviewer can approve your own proposal (four-eyes principle).",
        },
        "review.status.offen": {"de": "offen", "en": "open"},
        "review.status.angenommen": {"de": "angenommen", "en": "approved"},
        "review.status.abgelehnt": {"de": "abgelehnt", "en": "rejected"},
    }
)
