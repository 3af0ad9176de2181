"""German and English texts of the calendar and the step status (registered in the catalogue)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "calendar.name": {"de": "Prozessablauf ISRP", "en": "ISRP process schedule"},
        "calendar.name_body": {"de": "Prozessablauf ISRP – {body}", "en": "ISRP process schedule – {body}"},
        "calendar.description": {
            "de": "Die Schritte und Meilensteine des Prozesses „Integrierter Sozialraumplan“ aus dem "
            "Register (Stand {stand}). Ganztägige Termine über die geplanten Tage oder Monate.",
            "en": "The steps and milestones of the 'integrated social-space plan' process from the "
            "registry (as of {stand}). All-day events over the planned days or months.",
        },
        "calendar.body": {"de": "Gremium/Format: {body}", "en": "Body/format: {body}"},
        "calendar.schedule": {"de": "Zeitplanung laut Quelle: {when}", "en": "Schedule as stated: {when}"},
        "calendar.status": {"de": "Stand: {status}", "en": "Status: {status}"},
        "calendar.roles": {"de": "Aufgabenverteilung: {roles}", "en": "Division of roles: {roles}"},
        "calendar.agenda": {"de": "Themen: {items}", "en": "Agenda: {items}"},
        "calendar.milestone": {"de": "Meilenstein {n}: {label}", "en": "Milestone {n}: {label}"},
        "calendar.milestone_step": {"de": "erreicht durch {step}", "en": "reached by {step}"},
        "calendar.unknown_body": {
            "de": "Das Gremium oder Format „{body}“ gibt es im Prozessablauf nicht. Bekannt: {known}.",
            "en": "The body or format '{body}' does not occur in the process schedule. Known: {known}.",
        },
        "step_status.none": {"de": "ohne Status", "en": "no status"},
        "step_status.overdue_flag": {
            "de": "ohne Status, Monat vergangen",
            "en": "no status, month has passed",
        },
    }
)
