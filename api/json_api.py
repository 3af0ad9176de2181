"""The JSON API under ``/api/v1`` (documented at /docs, /openapi.json). Each route calls the same
library function as the matching page; ``lang`` chooses the language of labels and messages."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.analysis_pages import tagged_reports
from api.analysis_views import report_for
from api.context import state
from api.errors import HttpError
from api.findings import full_report
from api.library import function
from api.negotiation import jsonable, xlsx_response
from api.overview import plan_rows
from api.scope import installation_kommunen, outside_scope, scope_model, served
from api.sparql_xlsx import result_sheet
from isrp_graph import entries
from isrp_graph.analyses.registry import ANALYSES
from isrp_graph.analyses.registry import jsonable as report_data
from isrp_graph.messages import normalise_lang, register, t
from isrp_graph.namespaces import ISRP

router = APIRouter(prefix="/api/v1", tags=["API"])
LANG = Query("de", description="Sprache / language: de | en", pattern="^(de|en)$")
KOMMUNE = Query(None, description=t("web.scope.param", "de") + " / " + t("web.scope.param", "en"))
SCOPED: dict[int | str, dict[str, Any]] = {
    404: {"description": "Kommune hier nicht angeboten / municipality not offered here"}
}

register(
    {
        "web.api.no_plan": {"de": "Keine Planung {id} im Register.", "en": "No plan {id} in the registry."},
        "web.api.no_analysis": {
            "de": "Keine Auswertung „{name}“. Vorhanden: {known}.",
            "en": "No analysis '{name}'. Available: {known}.",
        },
        "web.api.no_entry": {
            "de": "Kein Eintrag {iri} im Register.",
            "en": "No entry {iri} in the registry.",
        },
    }
)


def _expand(request: Request, value: str | None) -> str | None:
    """A filter value as IRI: full IRIs stay, ``vocab:topic/armut`` or ``topic/armut`` are expanded."""
    if not value:
        return None
    if value.startswith(("http://", "https://")):
        return value
    base = state(request).settings.base_iri
    if value.startswith("vocab:"):
        return base + "vocab/" + value[len("vocab:") :]
    if value.startswith("erfurt:"):
        return base + "erfurt/" + value[len("erfurt:") :]
    return base + value


@router.get("/plans", summary="Planungen (Fachplanungen) mit Filtern / plans with filters", responses=SCOPED)
def plans(
    request: Request,
    target_group: str | None = Query(
        None, description="Zielgruppe (IRI oder vocab:target-group/…), inkl. Untergruppen"
    ),
    topic: str | None = Query(None, description="Querschnittsthema (IRI oder vocab:topic/…)"),
    office: str | None = Query(None, description="federführende Stelle (IRI oder erfurt:org/…)"),
    status: str | None = Query(None, description="Stand (IRI oder vocab:status/…)"),
    q: str | None = Query(None, description="Volltext in allen Spalten / full text"),
    lang: str = LANG,
    kommune: str | None = KOMMUNE,
) -> dict[str, Any]:
    filters = {
        key: iri
        for key, iri in (
            ("zielgruppe", _expand(request, target_group)),
            ("thema", _expand(request, topic)),
            ("amt", _expand(request, office)),
            ("stand", _expand(request, status)),
        )
        if iri
    }
    _, overview, _ = plan_rows(request, filters)
    rows = overview.rows
    if q:
        needle = q.casefold()
        rows = [r for r in rows if any(needle in v.text.casefold() for vs in r.cells.values() for v in vs)]
    return {
        "columns": [{"key": k, "label": label} for k, label in overview.columns],
        "plans": [{"iri": r.iri, **{k: jsonable(v) for k, v in r.cells.items()}} for r in rows],
        "count": len(rows),
    }


@router.get("/plans/{plan_id}", summary="Eine Planung mit allen Angaben / one plan")
def plan(
    request: Request,
    plan_id: str,
    municipality: str | None = Query(
        None,
        description="Pfadteil der Kommune in der IRI (Vorgabe: die Kommune der Anwendung, sonst erfurt) / "
        "the municipality's path segment in the IRI (default: the installation's, else erfurt)",
    ),
    lang: str = LANG,
) -> dict[str, Any]:
    if municipality is None:
        serving = served(request) if installation_kommunen(request) else []
        municipality = serving[0].slug if len(serving) == 1 else "erfurt"
    iri = f"{state(request).settings.base_iri}{municipality}/plan/{plan_id}"
    found = entries.entry(state(request).store, iri, normalise_lang(lang))
    if found is None:
        raise HttpError(404, "web.api.no_plan", id=plan_id)
    return jsonable(found)


@router.get("/entries", summary="Ein beliebiger Eintrag / any entry by IRI")
def entry(request: Request, iri: str, lang: str = LANG) -> dict[str, Any]:
    found = entries.entry(state(request).store, iri, normalise_lang(lang))
    if found is None:
        raise HttpError(404, "web.api.no_entry", iri=iri)
    return jsonable(found)


@router.get(
    "/interfaces",
    summary="Schnittstellen und Abgrenzungen als Planungspaare / declared relations",
    responses=SCOPED,
)
def interfaces(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[Any]:
    pairs = entries.relation_pairs(state(request).store, normalise_lang(lang))
    outside = outside_scope(request, {p.plan.iri for p in pairs} | {p.other.iri for p in pairs})
    return jsonable([p for p in pairs if p.plan.iri not in outside and p.other.iri not in outside])


@router.get(
    "/kommunen", summary="Kommunen dieser Anwendung / municipalities of this installation", responses=SCOPED
)
def kommunen(request: Request, lang: str = LANG) -> dict[str, Any]:
    """The municipalities the installation serves (``kommune`` values for the other routes)."""
    found = scope_model(request)
    return {"kommunen": found["kommunen"], "choices": found["choices"]}


def _reports(request: Request, tag: str) -> list[dict[str, Any]]:
    return [
        {
            "name": r["name"],
            "title": r["title"],
            "description": r["description"],
            "error": r["error"],
            "rows": r["table"].to_json()["rows"] if r["table"] is not None else [],
        }
        for r in tagged_reports(request, tag)
    ]


@router.get(
    "/overlaps",
    summary="Überschneidungen / overlaps (named queries tagged Überschneidungen)",
    responses=SCOPED,
)
def overlaps(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[dict[str, Any]]:
    return _reports(request, "Überschneidungen")


@router.get("/gaps", summary="Planungslücken / gaps (named queries tagged Lücken)", responses=SCOPED)
def gaps(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[dict[str, Any]]:
    return _reports(request, "Lücken")


@router.get(
    "/analyses/{name}",
    summary="Eine Auswertung mit allen Befunden (interfaces, overlaps, gaps, funding, spatial) / one "
    "analysis with all findings",
    responses=SCOPED,
)
def analysis(
    request: Request,
    name: str,
    stichtag: str | None = Query(None, description="Stichtag TT.MM.JJJJ (Vorgabe heute) / reference date"),
    beispiele: str | None = Query(None, description="1: Beispiele einbeziehen / include examples"),
    lang: str = LANG,
    kommune: str | None = KOMMUNE,
) -> dict[str, Any]:
    """The library's report of analysis ``name`` as data, for the municipalities the request covers
    (``scope``)."""
    if name not in ANALYSES:
        raise HttpError(404, "web.api.no_analysis", name=name[:60], known=", ".join(ANALYSES))
    return {"scope": scope_model(request), "report": report_data(report_for(request, name))}


@router.get("/validation", summary="Prüfbericht / validation report", responses=SCOPED)
def validation(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> Response:
    report = full_report(request)
    return Response(report.to_json(), media_type="application/json")


@router.get(
    "/network",
    summary="Netzwerk aus Planungen, Stellen, Gremien (Knoten und Kanten) / network",
    responses=SCOPED,
)
def network(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> dict[str, Any]:
    from networkx.readwrite import json_graph

    from api.network_page import network_result

    result, _ = network_result(request, normalise_lang(lang))  # cached per store version and scope
    return jsonable(json_graph.node_link_data(result.graph, edges="links"))


def _process(request: Request, lang: str) -> entries.Process:
    from api.calendar_page import process_of  # the same cached process, of the request's municipalities

    return process_of(request, normalise_lang(lang))


@router.get(
    "/process", summary="Prozess: Schritte, Meilensteine, Planungskreislauf / process", responses=SCOPED
)
def process(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> dict[str, Any]:
    return jsonable(_process(request, lang))


@router.get("/process/steps", summary="Prozessschritte / process steps", responses=SCOPED)
def steps(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[Any]:
    return jsonable(_process(request, lang).steps)


@router.get("/process/milestones", summary="Meilensteine / milestones", responses=SCOPED)
def milestones(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[Any]:
    return jsonable(_process(request, lang).milestones)


@router.get("/process/cycle", summary="Planungskreislauf / planning cycle", responses=SCOPED)
def cycle(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[Any]:
    return jsonable(_process(request, lang).phases)


def _instances(request: Request, cls: str, lang: str) -> list[Any]:
    found = entries.instances(state(request).store, cls, normalise_lang(lang))
    outside = outside_scope(request, [link.iri for link in found])  # entries of another municipality
    return jsonable([link for link in found if link.iri not in outside])


@router.get("/bodies", summary="Gremien und Beteiligungsformate / bodies and formats", responses=SCOPED)
def bodies(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[Any]:
    return _instances(request, str(ISRP.ParticipationElement), lang)


@router.get("/spatial-units", summary="Raumeinheiten / spatial units", responses=SCOPED)
def spatial_units(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[Any]:
    return _instances(request, str(ISRP.SpatialUnit), lang)


@router.get("/measures", summary="Maßnahmen / measures", responses=SCOPED)
def measures(request: Request, lang: str = LANG, kommune: str | None = KOMMUNE) -> list[Any]:
    return _instances(request, str(ISRP.Measure), lang)


@router.get("/queries", summary="Benannte Abfragen / named queries")
def queries(lang: str = LANG) -> list[dict[str, Any]]:
    catalogue = function("isrp_graph.queries", "catalogue")
    return [
        {
            "name": q.name,
            "title": q.title_in(lang),
            "description": q.description_in(lang),
            "tags": list(q.tags),
            "parameters": [
                {"name": p.name, "type": p.type, "default": p.default, "description": p.describe(lang)}
                for p in q.parameters
            ],
        }
        for q in catalogue()
    ]


@router.get("/queries/{name}", summary="Benannte Abfrage ausführen (SPARQL JSON) / run a named query")
def run_query(request: Request, name: str, lang: str = LANG) -> Response:
    run_named = function("isrp_graph.queries", "run_named")
    to_json = function("isrp_graph.queries", "to_json")
    to_csv = function("isrp_graph.queries", "to_csv")
    params = {k: v for k, v in request.query_params.items() if k not in ("format",)}
    try:
        result = run_named(state(request).store, name, params, normalise_lang(lang))
    except KeyError as exc:  # an unknown query name
        raise HttpError(404, "web.sparql.unknown_example", name=name) from exc
    if request.query_params.get("format") == "csv":
        return Response(to_csv(result), media_type="text/csv; charset=utf-8")
    if request.query_params.get("format") == "xlsx":
        return xlsx_response(request, [result_sheet(result, name)], title=name, filename=name)
    return Response(to_json(result), media_type="application/sparql-results+json")
