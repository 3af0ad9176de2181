"""The registry's pages: start, planning overview, interface matrix, gaps, overlaps, validation report.
Each route builds one model and hands it to ``respond`` (HTML, JSON twin, CSV where it is a table).
The process, network and SPARQL pages live in their own modules and are included here."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api import analysis_pages, network_page, process_page, sparql_page
from api.context import lang_of, state
from api.findings import full_report
from api.library import Unavailable, function
from api.negotiation import respond
from api.overview import overview_model
from isrp_graph.messages import t

router = APIRouter()
router.include_router(process_page.router)
router.include_router(network_page.router)
router.include_router(sparql_page.router)
router.include_router(analysis_pages.router)


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    lang = lang_of(request)
    summary: dict[str, Any] | None
    try:
        summary = function("isrp_graph.registry", "summary")(state(request).store, lang)
    except Unavailable:
        summary = None
    model = {"summary": summary}
    return respond(request, "home.html", model, title=t("web.home.title", lang))


@router.get("/uebersicht", include_in_schema=False)
def overview(request: Request) -> Response:
    lang = lang_of(request)
    model, table = overview_model(request)
    return respond(
        request,
        "overview.html",
        model,
        table=table,
        filename="planungssystematik",
        title=t("web.nav.overview", lang),
    )


@router.get("/pruefung", include_in_schema=False)
def validation(request: Request) -> Response:
    lang = lang_of(request)
    report = full_report(request)
    groups: dict[str, dict[str, Any]] = {}
    for result in report.results:
        entry = groups.setdefault(
            str(result.entry),
            {
                "iri": str(result.entry),
                "label": result.entry_label,
                "type": result.focus_type_label,
                "findings": [],
            },
        )
        entry["findings"].append(result)
    severity_rank = {"Violation": 0, "Warning": 1, "Info": 2}
    ordered = sorted(
        groups.values(),
        key=lambda g: (min(severity_rank[f.severity] for f in g["findings"]), g["label"].casefold()),
    )
    for group in ordered:
        group["findings"].sort(key=lambda f: (severity_rank[f.severity], f.path_label))
    model = {
        "conforms": report.conforms,
        "counts": report.counts,
        "generated_at": report.generated_at,
        "entries": [{**g, "findings": [_finding(f) for f in g["findings"]]} for g in ordered],
    }
    return respond(request, "validation.html", model, title=t("web.nav.validation", lang))


def _finding(result: Any) -> dict[str, Any]:
    return {
        "severity": result.severity,
        "path": str(result.path) if result.path else None,
        "path_label": result.path_label,
        "message": result.message,
        "focus": str(result.focus),
        "focus_label": result.focus_label,
        "value": str(result.value) if result.value is not None else None,
        "source_shape": str(result.source_shape),
    }
