"""The planner pages of the analyses: gaps and overlaps as the library's finding tables.

Each page shows its Stichtag (settable as ``?stichtag=TT.MM.JJJJ``, like ``--date`` in the CLI) and a
visible switch for examples (``?beispiele=1``, like ``--include-examples``); every table says the basis of
each row and shows the editorial notes beside it. JSON twin: the tables and the findings as data; CSV:
one table (``?tabelle=NAME``, default the first). ``?kommune=`` narrows to one municipality of the
installation (api/scope.py); the page says which municipalities it covers."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from api.context import lang_of, state
from api.errors import HttpError
from api.negotiation import respond
from api.scope import cache_part, scope_model, scope_of
from api.tables import Column, Item
from api.tables import Table as WebTable
from isrp_graph.analyses import texts as _texts  # noqa: F401  (registers the texts)
from isrp_graph.analyses.basis import BASES, basis_label, german_date, parse_stichtag
from isrp_graph.analyses.registry import AnalysisOptions, jsonable, run_analysis
from isrp_graph.analyses.table import Table
from isrp_graph.messages import register, t

register(
    {
        "web.analysis.stichtag_label": {"de": "Stichtag (TT.MM.JJJJ)", "en": "Reference date (DD.MM.YYYY)"},
        "web.analysis.examples_label": {
            "de": "Beispiele einbeziehen (werden markiert und nicht gezählt)",
            "en": "Include examples (marked and not counted)",
        },
        "web.analysis.apply": {"de": "Anzeigen", "en": "Show"},
        "web.analysis.options": {"de": "Stichtag und Beispiele", "en": "Reference date and examples"},
        "web.analysis.bad_stichtag": {
            "de": "Der Stichtag „{value}“ ist kein Datum. Bitte TT.MM.JJJJ angeben, z. B. 31.12.2025 "
            "(Feld „stichtag“).",
            "en": "The reference date '{value}' is not a date. Please give DD.MM.YYYY, e.g. 31.12.2025 "
            "(field 'stichtag').",
        },
        "web.analysis.bad_table": {
            "de": "Keine Tabelle „{value}“ auf dieser Seite (Feld „tabelle“). Vorhanden: {known}.",
            "en": "No table '{value}' on this page (field 'tabelle'). Available: {known}.",
        },
        "web.analysis.csv": {"de": "Als CSV für Excel", "en": "As CSV for Excel"},
        "web.analysis.contents": {"de": "Befundlisten", "en": "Lists of findings"},
        "web.analysis.queries": {
            "de": "Die zugrunde liegenden Abfragen stehen auf der Seite „Abfragen“ zum Nachprüfen.",
            "en": "The underlying queries are on the 'Queries' page for checking.",
        },
        "web.rows_one": {"de": "1 Zeile", "en": "1 row"},
        "web.home.entries_total": {
            "de": "{n} Einträge (Planungen, Maßnahmen, Gremien, Gebiete und mehr).",
            "en": "{n} entries (plans, measures, bodies, areas and more).",
        },
        "web.home.examples_apart": {
            "de": "Dazu {n} als Beispiel markierte Einträge; sie zählen nicht.",
            "en": "Plus {n} entries marked as examples; they do not count.",
        },
        "web.home.kind": {"de": "Art des Eintrags", "en": "Kind of entry"},
        "web.home.entries": {"de": "Einträge", "en": "Entries"},
    }
)

TRUE = ("1", "ja", "true", "on", "yes")


def options_of(request: Request) -> tuple[date, bool]:
    """The Stichtag (default today) and whether examples are included, from the query string."""
    text = (request.query_params.get("stichtag") or "").strip()
    day = date.today()
    if text:
        try:
            day = parse_stichtag(text)
        except ValueError:
            raise HttpError(400, "web.analysis.bad_stichtag", value=text[:40]) from None
    examples = (request.query_params.get("beispiele") or "").strip().lower() in TRUE
    return day, examples


def report_for(request: Request, name: str) -> Any:
    """The analysis ``name`` at the requested Stichtag, cached per store state."""
    app = state(request)
    lang = lang_of(request)
    day, examples = options_of(request)
    kommunen = scope_of(request)
    options = AnalysisOptions(reference_date=day, include_examples=examples, kommunen=kommunen)
    return request.app.state.cache.get(
        app.store,
        ("analysis", name, lang, day.isoformat(), examples, *cache_part(request)),
        lambda: run_analysis(app.store, name, lang, options),
    )


def web_table(table: Table) -> WebTable:
    """The library's text table as the page's table model (for CSV downloads)."""
    columns = [Column(f"c{i}", label) for i, label in enumerate(table.columns)]
    web = WebTable(table.title, columns)
    for row in table.rows:
        web.rows.append({f"c{i}": [Item(text)] if text else [] for i, text in enumerate(row)})
    return web


def analysis_page(request: Request, name: str, key: str, tables: list[Table] | None = None) -> Response:
    """Render the finding tables of analysis ``name`` with the page texts ``web.{key}.*``."""
    lang = lang_of(request)
    day, examples = options_of(request)
    report = report_for(request, name)
    shown = tables if tables is not None else report.tables()
    wanted = request.query_params.get("tabelle")
    chosen = shown[0] if shown else None
    if wanted:
        chosen = next((tb for tb in shown if tb.name == wanted), None)
        if chosen is None:
            known = ", ".join(tb.name for tb in shown)
            raise HttpError(400, "web.analysis.bad_table", value=wanted[:60], known=known)
    basis_column = t("analysis.col.finding_basis", lang)
    labels = {basis_label(b, lang): b for b in BASES}
    model = {
        "intro": t(f"web.{key}.intro", lang),
        "reference_date": day,
        "stichtag": german_date(day, lang),
        "stichtag_input": day.strftime("%d.%m.%Y"),
        "include_examples": examples,
        "scope": scope_model(request),
        "legend": t("analysis.basis.legend", lang),
        "tables": [
            {
                "name": tb.name,
                "title": tb.title,
                "description": tb.description,
                "notes": list(tb.notes),
                "finding": tb.finding,
                "columns": list(tb.columns),
                "rows": [list(r) for r in tb.rows],
                "basis_index": tb.columns.index(basis_column) if basis_column in tb.columns else None,
            }
            for tb in shown
        ],
        "findings": jsonable(report),
    }
    return respond(
        request,
        "analysis.html",
        model,
        table=web_table(chosen) if chosen is not None else None,
        filename=chosen.name if chosen is not None else "befunde",
        title=t(f"web.{key}.title", lang),
        basis_classes=labels,
    )
