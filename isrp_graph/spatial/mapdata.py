"""Everything the map page shows, as plain data: the base units (polygon where stored, else the sourced
point, else nothing) with population, the latest need level per unit, Quartiersmanagement sites and
Stadtteilzentren, which plans reach which unit, and the units of every other system with the base units
they hold. The same model feeds the map, the table beside it, the text summary and the JSON twin."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import shapely
from rdflib import Literal, URIRef

from isrp_graph.scope import in_municipalities
from isrp_graph.spatial.model import PREFIXES, Membership, memberships, related_systems, units_of_system
from isrp_graph.store.base import Store

LEVEL_RANK = {"hoch": 3, "mittel": 2, "niedrig": 1}
LEVEL_SYMBOL = {3: "▲", 2: "■", 1: "●", 0: "◆"}

NEEDS = (
    PREFIXES
    + """
SELECT ?obs ?area ?level ?levelLabel ?notation ?date ?indicatorLabel WHERE {
  ?obs a isrp:IndicatorObservation ; isrp:observedArea ?area ; isrp:needLevel ?level .
  OPTIONAL { ?level skos:notation ?notation }
  OPTIONAL { ?level skos:prefLabel ?levelLabel FILTER(LANGMATCHES(LANG(?levelLabel), ?lang)) }
  OPTIONAL { ?obs isrp:referenceDate ?date }
  OPTIONAL { ?obs isrp:indicator/rdfs:label ?indicatorLabel
             FILTER(LANGMATCHES(LANG(?indicatorLabel), ?lang)) }
}"""
)

FACILITIES = (
    PREFIXES
    + """
SELECT ?facility ?label ?cls ?area WHERE {
  VALUES ?cls { isrp:NeighbourhoodManagement isrp:NeighbourhoodCentre }
  ?facility a ?cls .
  OPTIONAL { ?facility rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), ?lang)) }
  OPTIONAL { ?facility isrp:spatialScope ?area }
}"""
)

PLANS = (
    PREFIXES
    + """
SELECT ?plan ?label ?group ?groupLabel WHERE {
  VALUES ?cls { isrp:SectoralPlan isrp:IntegratedPlan }
  ?plan a ?cls .
  OPTIONAL { ?plan rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), ?lang)) }
  OPTIONAL { ?plan isrp:targetGroup ?group }
  # the label on the top level (a FILTER in a nested OPTIONAL cannot see ?lang bound outside it), joined
  # through ?plan so that a plan without target group does not match every label
  OPTIONAL {
    ?plan isrp:targetGroup ?group .
    ?group skos:prefLabel|rdfs:label ?groupLabel FILTER(LANGMATCHES(LANG(?groupLabel), ?lang))
  }
}"""
)

# a plan reaches a base unit through its spatial system (the unit itself, a unit of the system it lies
# in or overlaps), its own spatial scope, or the spatial scope of a measure assigned to it
COVERAGE = (
    PREFIXES
    + """
SELECT DISTINCT ?plan ?unit WHERE {
  VALUES ?cls { isrp:SectoralPlan isrp:IntegratedPlan }
  ?plan a ?cls .
  ?unit isrp:inSpatialSystem ?base .
  {
    ?plan isrp:spatialSystem ?system .
    { ?unit isrp:inSpatialSystem ?system }
    UNION { ?unit geo:sfWithin ?area . ?area isrp:inSpatialSystem ?system }
    UNION { ?area geo:sfOverlaps ?unit . ?area isrp:inSpatialSystem ?system }
    UNION { ?unit geo:sfOverlaps ?area . ?area isrp:inSpatialSystem ?system }
  } UNION {
    { ?plan isrp:spatialScope ?scope } UNION { ?measure isrp:assignedPlan ?plan ; isrp:spatialScope ?scope }
    { FILTER(?unit = ?scope) } UNION { ?unit geo:sfWithin ?scope } UNION { ?scope geo:sfOverlaps ?unit }
    FILTER NOT EXISTS { ?scope isrp:spatialUnitType <https://w3id.org/isrp/vocab/spatial-unit-type/stadt> }
  }
}"""
)

BROADER = PREFIXES + "SELECT ?narrow ?broad WHERE { ?narrow skos:broader+ ?broad }"


@dataclass
class Need:
    level: str
    label: str
    rank: int
    symbol: str
    indicator: str
    date: str | None
    via: str | None  # name of the containing area the observation is about, if not the unit itself


@dataclass
class MapUnit:
    iri: str
    name: str
    population: int | None
    population_date: str | None
    area_km2: float | None
    lat: float | None
    lon: float | None
    kind: str | None  # boundary | point | None
    geometry: dict[str, Any] | None
    need: Need | None = None
    plans: list[str] = field(default_factory=list)
    parts_of: list[dict[str, str]] = field(default_factory=list)  # units of other systems


@dataclass
class MapPoint:
    iri: str
    name: str
    kind: str  # qm | centre
    lat: float | None
    lon: float | None
    areas: list[str]
    placed_at: str | None = None  # the Ortsteil whose point stands in for the address


@dataclass
class SystemLayer:
    iri: str
    label: str
    units: list[dict[str, Any]]


@dataclass
class MapModel:
    base_system: str
    units: list[MapUnit]
    points: list[MapPoint]
    plans: list[dict[str, str]]
    target_groups: list[dict[str, str]]
    systems: list[SystemLayer]
    selected_plan: str | None
    selected_group: str | None
    covering: list[str]  # labels of the plans the coverage layer shows
    uncovered: list[str]
    without_location: list[str]
    without_population: list[str]


def _lang(lang: str) -> dict[str, Literal]:
    return {"lang": Literal(lang)}


def map_model(
    store: Store,
    base_system: str,
    lang: str = "de",
    *,
    plan: str | None = None,
    target_group: str | None = None,
    kommunen: Iterable[str] = (),
) -> MapModel:
    """The map of ``base_system``; ``kommunen`` (municipality IRIs): only those municipalities'
    plans (the plan and target-group choices) and facilities (by ``isrp:municipality``)."""
    kommunen = tuple(kommunen)
    if not base_system:
        return MapModel("", [], [], [], [], [], plan, target_group, [], [], [], [])
    facts = units_of_system(store, base_system, lang)
    by_iri = {u.iri: u for u in facts}
    units: dict[str, MapUnit] = {}
    shapes = [u.boundary if u.boundary is not None else u.point for u in facts]
    drawn = [s for s in shapes if s is not None]
    texts = iter(shapely.to_geojson(np.array(drawn, dtype=object)).tolist() if drawn else [])
    spots = iter(shapely.point_on_surface(np.array(drawn, dtype=object)).tolist() if drawn else [])
    for u, geometry in zip(facts, shapes, strict=True):
        where = next(spots) if geometry is not None else None
        as_json = json.loads(next(texts)) if geometry is not None else None
        units[u.iri] = MapUnit(
            u.iri,
            u.name(lang),
            u.population,
            u.population_date,
            u.area_km2,
            round(where.y, 6) if where is not None else None,
            round(where.x, 6) if where is not None else None,
            "boundary" if u.boundary is not None else ("point" if u.point is not None else None),
            as_json,
        )
    links = memberships(store, base_system)
    systems = related_systems(store, base_system, lang)
    names: dict[str, str] = {}
    layers = []
    for summary in systems:
        members = units_of_system(store, summary.iri, lang)
        names.update({m.iri: m.name(lang) for m in members})
        rows = []
        for m in members:
            link = links.get(m.iri)
            within = sorted(by_iri[b].name(lang) for b in (link.within if link else ()) if b in by_iri)
            overlaps = sorted(by_iri[b].name(lang) for b in (link.overlaps if link else ()) if b in by_iri)
            rows.append({"iri": m.iri, "name": m.name(lang), "within": within, "overlaps": overlaps})
        layers.append(SystemLayer(summary.iri, summary.label, rows))
    for link in links.values():
        for base, relation in [(b, "within") for b in link.within] + [(b, "overlaps") for b in link.overlaps]:
            if base in units:
                units[base].parts_of.append(
                    {"iri": link.unit, "name": names.get(link.unit, link.unit), "relation": relation}
                )
    _add_needs(store, units, links, names, lang)
    points = _points(store, units, lang, kommunen)
    plans, groups, plan_groups = _plans(store, lang, kommunen)
    coverage: dict[str, set[str]] = {}
    for row in store.select(COVERAGE, {"base": URIRef(base_system)}).rows:
        coverage.setdefault(str(row["unit"]), set()).add(str(row["plan"]))
    chosen = _chosen_plans(store, plans, plan_groups, plan, target_group)
    labels = {p["iri"]: p["label"] for p in plans}
    for iri, unit in units.items():
        unit.plans = sorted(labels.get(p, p) for p in coverage.get(iri, set()) & chosen)
    ordered = sorted(units.values(), key=lambda u: u.name.casefold())
    return MapModel(
        base_system=base_system,
        units=ordered,
        points=points,
        plans=plans,
        target_groups=groups,
        systems=layers,
        selected_plan=plan,
        selected_group=target_group,
        covering=sorted(labels.get(p, p) for p in chosen),
        uncovered=[u.name for u in ordered if not u.plans] if chosen else [],
        without_location=[u.name for u in ordered if u.kind is None],
        without_population=[u.name for u in ordered if u.population is None],
    )


def _add_needs(
    store: Store, units: dict[str, MapUnit], links: dict[str, Membership], names: dict[str, str], lang: str
) -> None:
    containing: dict[str, list[str]] = {}
    for link in links.values():
        for base in link.within:
            containing.setdefault(base, []).append(link.unit)
    observed: dict[str, list[Need]] = {}
    for row in store.select(NEEDS, _lang(lang)).rows:
        notation = str(row.get("notation") or "")
        rank = LEVEL_RANK.get(notation, 0)
        date = row.get("date")
        need = Need(
            level=str(row["level"]),
            label=str(row.get("levelLabel") or notation or row["level"]),
            rank=rank,
            symbol=LEVEL_SYMBOL[rank],
            indicator=str(row.get("indicatorLabel") or ""),
            date=str(date) if date is not None else None,
            via=None,
        )
        observed.setdefault(str(row["area"]), []).append(need)
    for iri, unit in units.items():
        candidates = observed.get(iri) or [
            replace(need, via=names.get(area, area))
            for area in containing.get(iri, [])
            for need in observed.get(area, [])
        ]
        if candidates:
            # the latest observation; among equally dated ones the higher need
            unit.need = max(candidates, key=lambda n: (n.date or "", n.rank))


def _points(
    store: Store, units: dict[str, MapUnit], lang: str, kommunen: tuple[str, ...] = ()
) -> list[MapPoint]:
    found: dict[str, MapPoint] = {}
    for row in store.select(in_municipalities(FACILITIES, "facility", kommunen), _lang(lang)).rows:
        iri = str(row["facility"])
        kind = "qm" if str(row["cls"]).endswith("NeighbourhoodManagement") else "centre"
        point = found.setdefault(iri, MapPoint(iri, str(row.get("label") or iri), kind, None, None, []))
        area = str(row["area"]) if row.get("area") is not None else None
        if area in units and units[area].name not in point.areas:
            point.areas.append(units[area].name)
            if point.lat is None and units[area].lat is not None:
                # no address coordinates are recorded: the site is drawn at its Ortsteil's point
                point.lat, point.lon = units[area].lat, units[area].lon
                point.placed_at = units[area].name
    return sorted(found.values(), key=lambda p: p.name.casefold())


def _plans(
    store: Store, lang: str, kommunen: tuple[str, ...] = ()
) -> tuple[list[dict[str, str]], list[dict[str, str]], dict[str, set[str]]]:
    plans: dict[str, str] = {}
    groups: dict[str, str] = {}
    plan_groups: dict[str, set[str]] = {}
    for row in store.select(in_municipalities(PLANS, "plan", kommunen), _lang(lang)).rows:
        iri = str(row["plan"])
        plans.setdefault(iri, str(row.get("label") or iri))
        if row.get("group") is not None:
            group = str(row["group"])
            groups.setdefault(group, str(row.get("groupLabel") or group))
            plan_groups.setdefault(iri, set()).add(group)
    plan_list = sorted(
        ({"iri": k, "label": v} for k, v in plans.items()), key=lambda p: p["label"].casefold()
    )
    group_list = sorted(
        ({"iri": k, "label": v} for k, v in groups.items()), key=lambda p: p["label"].casefold()
    )
    return plan_list, group_list, plan_groups


def _chosen_plans(
    store: Store,
    plans: list[dict[str, str]],
    plan_groups: dict[str, set[str]],
    plan: str | None,
    group: str | None,
) -> set[str]:
    if plan:
        return {plan} & {p["iri"] for p in plans}
    if group:
        narrower = {str(r["narrow"]) for r in store.select(BROADER).rows if str(r["broad"]) == group}
        wanted = {group} | narrower
        return {p for p, gs in plan_groups.items() if gs & wanted}
    return set()
