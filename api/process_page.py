"""The process page: the steps of the ISRP process on a timeline by month (server-drawn SVG, one row per
step, coloured by body, milestones as diamonds), the same as a table, and the planning cycle. Each step
shows its status (geplant / erledigt / verschoben); a step whose month has passed without a status is
flagged "ohne Status, Monat vergangen" (dashed outline on the timeline, text in the table). The
calendar to subscribe to is /prozess.ics (api/calendar_page.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.calendar_page import process_of, states_of
from api.context import entry_href, href, lang_of
from api.negotiation import respond
from api.scope import scope_model
from api.tables import Column, Item, Table
from isrp_graph import entries
from isrp_graph.calendar import StepState, bodies
from isrp_graph.messages import register, t

router = APIRouter()

register(
    {
        "web.process.title": {"de": "Prozessablauf ISRP", "en": "ISRP process schedule"},
        "web.process.intro": {
            "de": "Die Schritte des Prozesses „Integrierter Sozialraumplan“ mit Gremium, Zeitplanung und "
            "Aufgabenverteilung, die Meilensteine und der Planungskreislauf. Die Zeitleiste zeigt jeden "
            "Schritt als Balken über seine Monate; dieselben Angaben stehen in der Tabelle darunter.",
            "en": "The steps of the 'integrated social-space plan' process with body, schedule and "
            "division of roles, the milestones and the planning cycle. The timeline shows each step as "
            "a bar over its months; the table below holds the same facts.",
        },
        "web.process.timeline": {"de": "Zeitleiste", "en": "Timeline"},
        "web.process.timeline_desc": {
            "de": "{n} Schritte von {start} bis {end}; Farbe = Gremium oder Format, Raute = Meilenstein. "
            "Die Tabelle unten enthält dieselben Angaben.",
            "en": "{n} steps from {start} to {end}; colour = body or format, diamond = milestone. The "
            "table below holds the same facts.",
        },
        "web.process.legend": {"de": "Legende (Gremien und Formate)", "en": "Legend (bodies and formats)"},
        "web.process.steps_caption": {
            "de": "Prozessschritte mit Gremium, Zeitplanung und Aufgabenverteilung",
            "en": "Process steps with body, schedule and division of roles",
        },
        "web.process.number": {"de": "Nr.", "en": "No."},
        "web.process.step": {"de": "Planungsaufgabe", "en": "Planning task"},
        "web.process.body": {"de": "Gremium/Format", "en": "Body/format"},
        "web.process.when": {"de": "Zeitplanung", "en": "Schedule"},
        "web.process.roles": {"de": "Aufgabenverteilung", "en": "Division of roles"},
        "web.process.agenda": {"de": "Themen", "en": "Agenda"},
        "web.process.milestones": {"de": "Meilensteine", "en": "Milestones"},
        "web.process.milestones_caption": {
            "de": "Meilensteine und der Schritt, mit dem sie erreicht werden",
            "en": "Milestones and the step that reaches them",
        },
        "web.process.milestone": {"de": "Meilenstein", "en": "Milestone"},
        "web.process.reached_by": {"de": "erreicht durch", "en": "reached by"},
        "web.process.date": {"de": "Datum", "en": "Date"},
        "web.process.cycle": {"de": "Planungskreislauf", "en": "Planning cycle"},
        "web.process.status": {"de": "Stand", "en": "Status"},
        "web.process.flag_legend": {
            "de": "gestrichelter Rand: ohne Status, Monat vergangen",
            "en": "dashed outline: no status, month has passed",
        },
        "web.process.calendar": {"de": "Kalender abonnieren", "en": "Subscribe to the calendar"},
        "web.process.calendar_intro": {
            "de": "Alle Schritte und Meilensteine als iCalendar-Datei (für Outlook, Thunderbird, "
            "Smartphone-Kalender): Adresse kopieren und als Internetkalender abonnieren.",
            "en": "All steps and milestones as an iCalendar file (for Outlook, Thunderbird, phone "
            "calendars): copy the address and subscribe to it as an internet calendar.",
        },
        "web.process.calendar_all": {"de": "Gesamter Prozessablauf (.ics)", "en": "Whole process (.ics)"},
        "web.process.calendar_bodies": {"de": "Nur ein Gremium oder Format", "en": "Only one body or format"},
        "web.process.empty": {
            "de": "Im Register sind noch keine Prozessschritte erfasst.",
            "en": "The registry holds no process steps yet.",
        },
    }
)

PALETTE = [
    "#1d4f91",
    "#b1450c",
    "#00703c",
    "#6f2c91",
    "#8a1538",
    "#005a70",
    "#5c4a00",
    "#3d3d3d",
    "#a0006e",
    "#2f6b2f",
    "#7a3b00",
    "#004f9f",
]  # all ≥ 4.5:1 against white
MONTH_WIDTH = 34
ROW_HEIGHT = 20
LEFT = 48
TOP = 40


@dataclass
class Bar:
    x: float
    y: float
    width: float
    color: str
    label: str
    href: str
    number: str
    status: str = ""
    flagged: bool = False


def _month_index(value: str, origin: date) -> int:
    day = date.fromisoformat(value[:10])
    return (day.year - origin.year) * 12 + day.month - origin.month


def timeline(
    request: Request, process: entries.Process, lang: str, states: dict[str, StepState] | None = None
) -> dict[str, Any] | None:
    """Geometry of the SVG timeline: month ticks, one bar per dated step, milestone diamonds."""
    dated = [s for s in process.steps if s.begin or s.end]
    if not dated:
        return None
    starts = [date.fromisoformat((s.begin or s.end or "")[:10]) for s in dated]
    ends = [date.fromisoformat((s.end or s.begin or "")[:10]) for s in dated]
    origin = date(min(starts).year, min(starts).month, 1)
    months = _month_index(max(ends).isoformat(), origin) + 1
    bodies: dict[str, str] = {}
    for step in process.steps:
        if step.body and step.body.iri not in bodies:
            bodies[step.body.iri] = PALETTE[len(bodies) % len(PALETTE)]
    bars = []
    rows: dict[str, float] = {}
    for row, step in enumerate(dated):
        first = _month_index(step.begin or step.end or "", origin)
        last = _month_index(step.end or step.begin or "", origin)
        y = TOP + row * ROW_HEIGHT
        rows[step.iri] = y
        color = bodies.get(step.body.iri, "#3d3d3d") if step.body else "#3d3d3d"
        state = (states or {}).get(step.iri)
        bars.append(
            Bar(
                LEFT + first * MONTH_WIDTH + 1,
                y + 3,
                (last - first + 1) * MONTH_WIDTH - 2,
                color,
                f"{step.label} ({step.schedule_label or ''})" + (f" – {state.text}" if state else ""),
                entry_href(request, step.iri),
                str(step.number or ""),
                state.label if state and state.status else "",
                bool(state and state.flagged),
            )
        )
    ticks = []
    for m in range(months):
        year, month = origin.year + (origin.month - 1 + m) // 12, (origin.month - 1 + m) % 12 + 1
        ticks.append(
            {
                "x": LEFT + m * MONTH_WIDTH,
                "label": f"{month:02d}",
                "year": year if month == 1 or m == 0 else None,
            }
        )
    diamonds = [
        {
            "x": LEFT + (_month_index(m.date, origin) + 1) * MONTH_WIDTH - 4,
            "y": rows[m.step.iri] + ROW_HEIGHT / 2,
            "label": f"{t('web.process.milestone', lang)} {m.order}: {m.label}",
        }
        for m in process.milestones
        if m.date and m.step and m.step.iri in rows
    ]
    legend = [
        {
            "label": next(s.body.label for s in process.steps if s.body and s.body.iri == iri),
            "color": color,
            "href": entry_href(request, iri),
        }
        for iri, color in bodies.items()
    ]
    return {
        "width": LEFT + months * MONTH_WIDTH + 20,
        "height": TOP + len(dated) * ROW_HEIGHT + 10,
        "bars": bars,
        "ticks": ticks,
        "diamonds": diamonds,
        "legend": legend,
        "description": t(
            "web.process.timeline_desc",
            lang,
            n=len(dated),
            start=min(starts).isoformat(),
            end=max(ends).isoformat(),
        ),
    }


def steps_table(
    request: Request, process: entries.Process, lang: str, states: dict[str, StepState] | None = None
) -> Table:
    table = Table(
        t("web.process.steps_caption", lang),
        [
            Column("number", t("web.process.number", lang), numeric=True),
            Column("step", t("web.process.step", lang)),
            Column("body", t("web.process.body", lang)),
            Column("when", t("web.process.when", lang)),
            Column("status", t("web.process.status", lang)),
            Column("roles", t("web.process.roles", lang)),
            Column("agenda", t("web.process.agenda", lang)),
        ],
    )
    for step in process.steps:
        table.rows.append(
            {
                "number": [Item(str(step.number or ""))],
                "step": [Item(step.label, entry_href(request, step.iri))],
                "body": [Item(step.body.label, entry_href(request, step.body.iri))] if step.body else [],
                "when": [Item(step.schedule_label or f"{step.begin or '…'} – {step.end or '…'}")],
                "status": [Item(states[step.iri].text)] if states and step.iri in states else [],
                "roles": [
                    Item(
                        f"{r.agent.label}"
                        + (f" ({r.role.label}" + (f", {r.note}" if r.note else "") + ")" if r.role else ""),
                        entry_href(request, r.agent.iri),
                    )
                    for r in step.roles
                ],
                "agenda": [Item(a) for a in step.agenda],
            }
        )
    return table


def milestones_table(request: Request, process: Any, lang: str) -> Table:
    """The milestones as the page's second table (for its downloads): number, milestone, step, date."""
    table = Table(
        t("web.process.milestones_caption", lang),
        [
            Column("number", t("web.process.number", lang), numeric=True),
            Column("milestone", t("web.process.milestone", lang)),
            Column("step", t("web.process.reached_by", lang)),
            Column("date", t("web.process.date", lang)),
        ],
    )
    for m in process.milestones:
        table.rows.append(
            {
                "number": [Item(str(m.order))] if m.order else [],
                "milestone": [Item(m.label, entry_href(request, m.iri))],
                "step": [Item(m.step.label, entry_href(request, m.step.iri))] if m.step else [],
                "date": [Item(str(m.date))] if m.date else [],
            }
        )
    return table


@router.get("/prozess", include_in_schema=False)
def process_page(request: Request) -> Response:
    lang = lang_of(request)
    process = process_of(request, lang)
    states = states_of(request, process, lang, date.today())
    model = {
        "steps": process.steps,
        "milestones": process.milestones,
        "phases": process.phases,
        "step_status": {
            iri: {"status": s.status, "label": s.label, "flagged": s.flagged, "text": s.text}
            for iri, s in states.items()
        },
        "scope": scope_model(request, "web.scope.covers_data"),
    }
    # downloads: ?tabelle=meilensteine for the milestones; XLSX without it: steps and milestones
    steps, milestones = steps_table(request, process, lang, states), milestones_table(request, process, lang)
    wanted = request.query_params.get("tabelle")
    shown = [milestones] if wanted == "meilensteine" else [steps, milestones]
    return respond(
        request,
        "process.html",
        model,
        table=milestones if wanted == "meilensteine" else steps,
        filename="meilensteine" if wanted == "meilensteine" else "prozessablauf",
        sheets=lambda: [tb.to_sheet(base=str(request.base_url)) for tb in shown],
        title=t("web.process.title", lang),
        timeline=timeline(request, process, lang, states),
        calendar={
            "all": href(request, "/prozess.ics"),
            "bodies": [
                {"label": link.label, "href": href(request, "/prozess.ics", gremium=key)}
                for key, link in bodies(process).items()
            ],
        },
    )
