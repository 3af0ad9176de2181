"""The planning overview (Übersicht Planungssystematik) as a filterable, sortable table.

Filters are query parameters (``zielgruppe``, ``thema``, ``amt``, ``stand`` take an IRI; ``q`` searches all
text), so they work without JavaScript and every filtered view has its own link, JSON and CSV. A target
group or topic filter includes the concepts below it (``skos:broader``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from api.context import entry_href, lang_of, state
from api.library import Unavailable, function
from api.scope import outside_scope, scope_model
from api.tables import Column, Item, Table
from isrp_graph import entries
from isrp_graph.messages import register, t

log = logging.getLogger(__name__)

register(
    {
        "web.overview.caption": {
            "de": "Fachplanungen der Stadt Erfurt mit Aufgaben, Rechtsgrundlagen und Zusammenhängen",
            "en": "Sectoral plans of the city of Erfurt with tasks, legal bases and links",
        },
        "web.overview.completeness": {"de": "Vollständigkeit", "en": "Completeness"},
        "web.overview.missing": {"de": "Es fehlen: {fields}", "en": "Missing: {fields}"},
        "web.overview.filter.target_group": {"de": "Zielgruppe", "en": "Target group"},
        "web.overview.filter.topic": {"de": "Thema", "en": "Topic"},
        "web.overview.filter.office": {"de": "Federführende Stelle", "en": "Lead office"},
        "web.overview.filter.status": {"de": "Stand", "en": "Status"},
        "web.overview.intro": {
            "de": "Alle Fachplanungen in einer Tabelle – in der Spaltenfolge der Planungssystematik des "
            "Prozessvorschlags. Spaltenköpfe sortieren, die Filter grenzen ein. Jede Zeile führt zur "
            "Seite der Planung mit allen Angaben, Schnittstellen und Prüfbefunden.",
            "en": "All sectoral plans in one table – in the column order of the planning overview of "
            "the process proposal. Column headers sort, the filters narrow down. Every row leads to "
            "the plan's page with all facts, interfaces and validation findings.",
        },
        "web.overview.empty": {
            "de": "Keine Planung entspricht den Filtern.",
            "en": "No plan matches the filters.",
        },
    }
)

# query parameter -> overview column it filters on
FILTERS: dict[str, str] = {
    "zielgruppe": "target_groups",
    "thema": "topics",
    "amt": "office",
    "stand": "status",
}
FILTER_LABELS = {
    "zielgruppe": "web.overview.filter.target_group",
    "thema": "web.overview.filter.topic",
    "amt": "web.overview.filter.office",
    "stand": "web.overview.filter.status",
}
HIERARCHICAL = {"zielgruppe", "thema"}


@dataclass
class FilterView:
    name: str
    label: str
    selected: str
    options: list[tuple[str, str]]  # (iri, label)


def _completeness(request: Request) -> dict[str, Any] | None:
    app = state(request)
    lang = lang_of(request)
    try:
        compute = function("isrp_graph.validation", "completeness")
    except Unavailable:
        return None
    try:
        return request.app.state.cache.get(
            app.store, ("completeness", lang), lambda: compute(app.store, lang)
        )
    except Exception:  # the column is an extra: the overview must show even if scoring breaks
        log.exception("completeness failed")
        return None


def plan_rows(
    request: Request, filters: dict[str, str] | None = None
) -> tuple[entries.PlanOverview, entries.PlanOverview, dict[str, str]]:
    """The whole overview, its rows after the filters (default: from the query string; keys as in
    ``FILTERS``, values IRIs), and the active filters; only the plans of the municipalities the request
    covers (api/scope.py)."""
    app = state(request)
    lang = lang_of(request)
    overview = request.app.state.cache.get(
        app.store, ("overview", lang), lambda: entries.plan_overview(app.store, lang)
    )
    outside = outside_scope(request, [r.iri for r in overview.rows])  # plans of another municipality
    if outside:
        overview = entries.PlanOverview(overview.columns, [r for r in overview.rows if r.iri not in outside])
    given = filters if filters is not None else dict(request.query_params)
    active = {name: given[name] for name in FILTERS if given.get(name)}
    rows = overview.rows
    for name, value in active.items():
        accepted = entries.narrower_closure(app.store, value) if name in HIERARCHICAL else {value}
        column = FILTERS[name]
        rows = [r for r in rows if any(v.iri in accepted for v in r.cells.get(column, []))]
    return overview, entries.PlanOverview(overview.columns, rows), active


def overview_model(request: Request) -> tuple[dict[str, Any], Table]:
    lang = lang_of(request)
    full, overview, active = plan_rows(request)
    scores = _completeness(request)
    columns = [Column(key, label) for key, label in overview.columns]
    if scores is not None:
        columns.append(Column("completeness", t("web.overview.completeness", lang), numeric=True))
    table = Table(t("web.overview.caption", lang), columns)
    for row in overview.rows:
        cells: dict[str, list[Item]] = {
            key: [Item(v.text, entry_href(request, v.iri) if v.iri else None) for v in values]
            for key, values in row.cells.items()
        }
        if scores is not None:
            score = next((s for iri, s in scores.items() if str(iri) == row.iri), None)
            if score is not None:
                missing = ", ".join(score.missing)
                cells["completeness"] = [
                    Item(
                        f"{round(score.share * 100)} %",
                        title=t("web.overview.missing", lang, fields=missing) if missing else None,
                    )
                ]
        table.rows.append(cells)
    table = table.filtered(request.query_params.get("q"))
    sort = request.query_params.get("sort")
    table = table.sorted_by(sort, request.query_params.get("order") == "desc") if sort else table
    filters = [
        FilterView(name, t(FILTER_LABELS[name], lang), active.get(name, ""), _options(full, column))
        for name, column in FILTERS.items()
    ]
    model = {
        "scope": scope_model(request, "web.scope.covers_data"),
        "filters": filters,
        "q": request.query_params.get("q", ""),
        "completeness_available": scores is not None,
        "columns": [{"key": c.key, "label": c.label} for c in columns],
        "plans": [
            {"iri": r.iri, **{k: [{"text": v.text, "iri": v.iri} for v in vs] for k, vs in r.cells.items()}}
            for r in overview.rows
        ],
    }
    return model, table


def _options(overview: entries.PlanOverview, column: str) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for row in overview.rows:
        for value in row.cells.get(column, []):
            if value.iri:
                found[value.iri] = value.text
    return sorted(found.items(), key=lambda item: item[1].casefold())
