"""The map (/karte): the base units with population, need levels, Quartiersmanagement sites and
Stadtteilzentren, plan coverage for a chosen plan or target group, and the units of every other spatial
system — always with the same content as tables and a text summary beside the map. ``?format=json`` is
the model, ``csv`` the unit table, ``geojson`` the units of ``?system=`` (default: the base system).
/karte/varianten scores planning-area variants (CSV or workbook upload, or typed in)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.datastructures import UploadFile

import isrp_graph.network_page  # noqa: F401  (registers web.nav.map with the site navigation)
from api.context import entry_href, lang_of, state
from api.i18n_spatial import register_web_texts
from api.negotiation import TABLE_PAGE, choose_format, respond
from api.scope import cache_part, scope_of
from api.tables import Column, Item, Table
from isrp_graph.messages import t
from isrp_graph.scope.membership import foreign_entries
from isrp_graph.spatial import SpatialError, export_geojson, read_variants, score_variants
from isrp_graph.spatial.mapdata import MapModel, map_model
from isrp_graph.spatial.model import spatial_systems, units_of_system
from isrp_graph.spatial.report import date_text, number, score_rows, scores_json
from isrp_graph.spatial.variants import parse_text
from isrp_graph.xlsx_safe import Sheet

router = APIRouter()
register_web_texts()

MAX_UPLOAD = 2 * 1024 * 1024
MAX_FILES = 5


def systems_of(request: Request) -> list[Any]:
    """The spatial systems of the request's municipalities (``isrp:municipality``; shared systems stay)."""
    app = state(request)
    systems = request.app.state.cache.get(app.store, ("spatial-systems",), lambda: spatial_systems(app.store))
    scope = scope_of(request)
    if not scope:
        return systems
    foreign = request.app.state.cache.get(
        app.store,
        ("spatial-systems-foreign", *scope),
        lambda: foreign_entries(app.store, [s.iri for s in systems], scope),
    )
    return [s for s in systems if s.iri not in foreign]


def base_system(request: Request) -> str:
    """``?basis=`` or the system named …/ortsteile, else the one with the most units (among the systems
    of the request's municipalities)."""
    wanted = request.query_params.get("basis")
    systems = systems_of(request)
    if wanted and any(s.iri == wanted for s in systems):
        return wanted
    named = [s for s in systems if s.iri.rstrip("/").endswith("/ortsteile")]
    pool = named or systems
    return max(pool, key=lambda s: s.units).iri if pool else ""


def tile_settings(request: Request) -> dict[str, str] | None:
    """An intranet tile server only when configured (``ISRP_MAP_TILES`` or ``map_tiles`` in isrp.toml)."""
    extra = state(request).settings.extra
    url = os.environ.get("ISRP_MAP_TILES") or str(extra.get("map_tiles") or "")
    if not url.startswith(("https://", "http://")) or "{z}" not in url:
        return None
    attribution = os.environ.get("ISRP_MAP_TILES_ATTRIBUTION") or str(
        extra.get("map_tiles_attribution") or ""
    )
    return {"url": url, "attribution": attribution}


def _units_table(request: Request, model: MapModel, lang: str) -> Table:
    table = Table(
        t("web.map.units_caption", lang),
        [
            Column("name", t("web.map.unit", lang)),
            Column("population", t("web.map.population", lang), numeric=True),
            Column("date", t("web.map.population_date", lang)),
            Column("area", t("web.map.area", lang), numeric=True),
            Column("location", t("web.map.location", lang)),
            Column("need", t("web.map.need", lang)),
            Column("plans", t("web.map.plans", lang)),
            Column("systems", t("web.map.systems", lang)),
        ],
    )
    for unit in model.units:
        need = []
        if unit.need:
            text = f"{unit.need.symbol} {unit.need.label}"
            details = [d for d in (unit.need.indicator, unit.need.date) if d]
            if unit.need.via:
                details.append(t("web.map.via", lang, area=unit.need.via))
            need = [Item(text + (f" ({'; '.join(details)})" if details else ""))]
        table.rows.append(
            {
                "name": [Item(unit.name, entry_href(request, unit.iri))],
                "population": [Item(number(unit.population, lang))] if unit.population is not None else [],
                "date": [Item(date_text(unit.population_date, lang))] if unit.population_date else [],
                "area": [Item(number(unit.area_km2, lang, 2))] if unit.area_km2 is not None else [],
                "location": [Item(t(f"web.map.kind.{unit.kind or 'none'}", lang))],
                "need": need,
                "plans": [Item(p) for p in unit.plans],
                "systems": [
                    Item(
                        p["name"] + ("" if p["relation"] == "within" else t("web.map.partly", lang)),
                        entry_href(request, p["iri"]),
                    )
                    for p in unit.parts_of
                ],
            }
        )
    return table


def _summary(model: MapModel, lang: str) -> list[str]:
    located = [u for u in model.units if u.kind]
    lines = [
        t(
            "web.map.summary.units",
            lang,
            n=len(model.units),
            boundaries=sum(1 for u in model.units if u.kind == "boundary"),
            points=sum(1 for u in model.units if u.kind == "point"),
            missing=len(model.units) - len(located),
        )
    ]
    if model.without_location:
        lines.append(t("web.map.summary.no_location", lang, names=", ".join(model.without_location)))
    lines.append(
        t(
            "web.map.summary.population",
            lang,
            n=len(model.units) - len(model.without_population),
            total=len(model.units),
        )
    )
    needs = [u for u in model.units if u.need]
    if needs:
        lines.append(
            t(
                "web.map.summary.need",
                lang,
                items=", ".join(f"{u.name} ({u.need.label})" for u in needs if u.need),
            )
        )
    if model.covering:
        lines.append(t("web.map.summary.coverage", lang, plans=", ".join(model.covering)))
        lines.append(
            t(
                "web.map.summary.uncovered",
                lang,
                n=len(model.uncovered),
                names=", ".join(model.uncovered) or "–",
            )
        )
    lines.append(t("web.map.summary.points", lang, n=len(model.points)))
    return lines


@router.get("/karte", include_in_schema=False)
def map_page(request: Request) -> Response:
    lang = lang_of(request)
    app = state(request)
    base = base_system(request)
    if request.query_params.get("format") == "geojson":
        system = request.query_params.get("system") or base
        if not system or system not in {x.iri for x in systems_of(request)}:
            return JSONResponse(
                {"type": "FeatureCollection", "features": []}, media_type="application/geo+json"
            )
        collection = request.app.state.cache.get(
            app.store, ("geojson", system, lang), lambda: export_geojson(app.store, system, lang)
        )
        return JSONResponse(collection, media_type="application/geo+json", headers={"Vary": "Accept"})
    fmt = choose_format(request, TABLE_PAGE)
    if fmt == "html":
        # the rendered page is cached per store version and query: a 5,000-row table renders once
        body = request.app.state.cache.get(
            app.store, ("map-html", str(request.url.query)), lambda: _map_response(request, base, fmt).body
        )
        return HTMLResponse(body, headers={"Vary": "Accept"})
    return _map_response(request, base, fmt)


def _map_response(request: Request, base: str, fmt: str) -> Response:
    lang = lang_of(request)
    app = state(request)
    plan = request.query_params.get("planung") or None
    group = request.query_params.get("zielgruppe") or None
    model = request.app.state.cache.get(
        app.store,
        ("map", base, plan, group, lang, *cache_part(request)),
        lambda: map_model(app.store, base, lang, plan=plan, target_group=group, kommunen=scope_of(request)),
    )
    table = _units_table(request, model, lang)
    script_data = {
        "units": [
            {
                "iri": u.iri,
                "name": u.name,
                "href": entry_href(request, u.iri),
                "population": u.population,
                "populationText": number(u.population, lang) if u.population is not None else None,
                "lat": u.lat,
                "lon": u.lon,
                "kind": u.kind,
                "geometry": u.geometry if u.kind == "boundary" else None,
                "need": {"rank": u.need.rank, "symbol": u.need.symbol, "label": u.need.label}
                if u.need
                else None,
                "plans": u.plans,
                "parts": u.parts_of,
            }
            for u in model.units
        ],
        "points": [
            {"name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon, "href": entry_href(request, p.iri)}
            for p in model.points
        ],
        "coverage": bool(model.covering),
        "systems": [
            {"iri": s.iri, "label": s.label, "units": [u["iri"] for u in s.units]} for s in model.systems
        ],
        "tiles": tile_settings(request),
        "texts": {
            "inhabitants": t("web.map.inhabitants", lang),
            "noPopulation": t("web.map.no_population", lang),
            "covered": t("web.map.covered", lang),
            "uncovered": t("web.map.uncovered", lang),
            "within": t("web.map.within", lang),
            "partly": t("web.map.partly", lang),
        },
    }
    return respond(
        request,
        "karte.html",
        model.__dict__ | {"summary": _summary(model, lang)},
        table=table,
        filename="karte-raumeinheiten",
        sheets=lambda: _map_sheets(request, model, table, lang),
        title=t("web.map.title", lang),
        summary=_summary(model, lang),
        script_data=script_data,
        base=base,
        map_model=model,
        fmt=fmt,
    )


def _map_sheets(request: Request, model: MapModel, table: Table, lang: str) -> list[Sheet]:
    """The workbook of the map: the units, the facilities and each further spatial system, as the
    page shows them."""
    base = str(request.base_url)
    points = Sheet(
        t("web.map.points_caption", lang),
        [t(f"web.map.{k}", lang) for k in ("point", "point_kind", "point_areas", "point_placed")],
        [
            [
                p.name,
                t("web.map.kind_" + p.kind, lang),
                ", ".join(p.areas),
                p.placed_at or t("web.map.kind.none", lang),
            ]
            for p in model.points
        ],
        row_headers=True,
        links={(r, 0): urljoin(base, entry_href(request, p.iri)) for r, p in enumerate(model.points)},
    )
    systems = [
        Sheet(
            t("web.map.system_caption", lang, name=s.label),
            [t(f"web.map.{k}", lang) for k in ("system_unit", "system_within", "system_overlaps")],
            [
                [
                    u["name"],
                    ", ".join(u["within"])
                    if u["within"]
                    else ("" if u["overlaps"] else t("web.map.system_none", lang)),
                    ", ".join(u["overlaps"]),
                ]
                for u in s.units
            ],
            row_headers=True,
            links={(r, 0): urljoin(base, entry_href(request, u["iri"])) for r, u in enumerate(s.units)},
        )
        for s in model.systems
    ]
    return [table.to_sheet(base=base), points, *systems]


# --- variants --------------------------------------------------------------------------------------


def _variant_tables(scores: list, lang: str) -> tuple[Table, Table]:
    areas = Table(
        t("web.variants.areas_caption", lang),
        [
            Column("variant", t("web.variants.variant", lang)),
            Column("area", t("web.variants.area", lang)),
            Column("units", t("web.variants.units", lang)),
            Column("population", t("web.map.population", lang), numeric=True),
            Column("contiguous", t("web.variants.contiguous", lang)),
        ],
    )
    for row in score_rows(scores, lang):
        population = number(int(row["population"]), lang) if row["population"] else ""
        if not population and row["missing_population"]:
            population = t("spatial.incomplete", lang, names=row["missing_population"])
        areas.rows.append(
            {
                "variant": [Item(row["variant"])],
                "area": [Item(row["area"])],
                "units": [Item(row["units"])],
                "population": [Item(population)],
                "contiguous": [Item(row["contiguous"])],
            }
        )
    systems = Table(
        t("web.variants.systems_caption", lang),
        [
            Column("variant", t("web.variants.variant", lang)),
            Column("system", t("web.variants.system", lang)),
            Column("nesting", t("web.variants.nesting", lang)),
            Column("cutting", t("web.variants.cutting", lang)),
            Column("unknown", t("web.variants.unknown", lang)),
            Column("plans", t("web.variants.adoptable", lang)),
        ],
    )
    for score in scores:
        for fit in score.systems:
            systems.rows.append(
                {
                    "variant": [Item(score.name)],
                    "system": [Item(fit.label)],
                    "nesting": [Item(t("web.variants.nesting_n", lang, n=fit.nesting, units=fit.units))],
                    "cutting": [Item(c) for c in fit.cutting],
                    "unknown": [Item(c) for c in fit.unknown],
                    "plans": [Item(p) for p in fit.plans]
                    if fit.adoptable
                    else [Item(t("web.variants.no", lang))],
                }
            )
    return areas, systems


def _variants_response(
    request: Request, scores: list, errors: list[str], text: str, status: int = 200
) -> Response:
    lang = lang_of(request)
    areas, systems = _variant_tables(scores, lang)
    model = {"variants": scores_json(scores, lang), "errors": errors, "text": text}
    fmt = choose_format(request, TABLE_PAGE)
    if fmt in ("csv", "xlsx"):
        return respond(request, "varianten.html", model, table=areas, filename="varianten", fmt=fmt)
    return respond(
        request,
        "varianten.html",
        model,
        table=areas,
        formats=TABLE_PAGE,
        fmt=fmt,
        status_code=status,
        title=t("web.variants.title", lang),
        systems_table=systems,
        scores=scores,
        variant_data=_variant_map_data(request, scores, lang) if scores else None,
        comparison=[
            {
                "name": s.name,
                "min": number(s.population_min, lang),
                "max": number(s.population_max, lang),
                "cv": number(s.population_cv, lang, 3),
                "dates": " – ".join(date_text(d, lang) for d in s.population_dates)
                if s.population_dates
                else "–",
                "unassigned": ", ".join(s.unassigned),
                "twice": ", ".join(s.assigned_twice),
            }
            for s in scores
        ],
        errors=errors,
        text=text,
    )


def _variant_map_data(request: Request, scores: list, lang: str) -> dict[str, Any]:
    """Points of the base units and, per variant, the area each unit is in (by name) for the map."""
    app = state(request)
    units = units_of_system(app.store, base_system(request), lang)
    located = []
    for unit in units:
        where = unit.location
        if where is not None:
            located.append({"name": unit.name(lang), "lat": round(where.y, 6), "lon": round(where.x, 6)})
    variants = []
    for score in scores:
        areas = [{"name": a.name, "mark": str(i + 1), "units": a.units} for i, a in enumerate(score.areas)]
        variants.append({"name": score.name, "areas": areas})
    return {"units": located, "variants": variants, "unassigned": t("web.variants.unassigned", lang)}


@router.get("/karte/varianten", include_in_schema=False)
def variants_form(request: Request) -> Response:
    return _variants_response(request, [], [], "")


@router.post("/karte/varianten", include_in_schema=False)
async def variants_submit(request: Request) -> Response:
    lang = lang_of(request)
    app = state(request)
    form = await request.form()
    text = str(form.get("text") or "")[:20000]
    name = str(form.get("name") or "").strip()[:100] or t("web.variants.typed", lang)
    variants, errors = [], []
    uploads = [f for f in form.getlist("datei") if isinstance(f, UploadFile) and f.filename][:MAX_FILES]
    with tempfile.TemporaryDirectory() as folder:
        for number_, upload in enumerate(uploads):
            raw = await upload.read(MAX_UPLOAD + 1)
            label = Path(upload.filename or "datei").name[:100]
            if len(raw) > MAX_UPLOAD:
                errors.append(t("web.variants.too_big", lang, path=label))
                continue
            suffix = Path(label).suffix.lower()
            if suffix not in (".csv", ".xlsx"):
                errors.append(t("spatial.variant.format", lang, path=label))
                continue
            # the file is stored under a name of our own; the user's name only labels the variant
            path = Path(folder) / f"{number_}{suffix}"
            path.write_bytes(raw)
            try:
                for variant in read_variants(path):
                    if suffix == ".csv":
                        variant.name = Path(label).stem
                    variant.source = label if suffix == ".csv" else f"{label} [{variant.name}]"
                    variants.append(variant)
            except SpatialError as exc:
                errors.append(exc.message(lang).replace(path.name, label))
            except Exception:
                errors.append(t("web.variants.unreadable", lang, path=label))
    if text.strip():
        try:
            variants.append(parse_text(name, text))
        except SpatialError as exc:
            errors.append(exc.message(lang))
    scores = score_variants(app.store, variants, base_system(request), lang) if variants else []
    if not variants and not errors:
        errors.append(t("web.variants.nothing", lang))
    return _variants_response(request, scores, errors, text, status=422 if errors and not scores else 200)
