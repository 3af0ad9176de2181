"""The spatial-unit section of an entry page: its figures with dates, sourced neighbours, its geometry,
the plans that reach it, units of other systems it belongs to or overlaps, indicator values with their
dates, measures, facilities and Quartiersmanagement sites. ``None`` for entries that are no spatial unit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef
from shapely.geometry import mapping

from isrp_graph.spatial.model import PREFIXES, SpatialUnitFacts, units_of_system
from isrp_graph.store.base import Store

SYSTEM = PREFIXES + "SELECT ?system WHERE { ?unit a isrp:SpatialUnit ; isrp:inSpatialSystem ?system }"

RELATED = (
    PREFIXES
    + """
SELECT ?kind ?item ?label ?relation ?date ?level WHERE {
  {
    { ?unit geo:sfWithin ?item BIND("within" AS ?relation) }
    UNION { ?item geo:sfWithin ?unit BIND("contains" AS ?relation) }
    UNION { { ?item geo:sfOverlaps ?unit } UNION { ?unit geo:sfOverlaps ?item }
            BIND("overlaps" AS ?relation) }
    ?item isrp:inSpatialSystem ?s .
    BIND("unit" AS ?kind)
  } UNION {
    ?item a isrp:IndicatorObservation ; isrp:observedArea ?area .
    { FILTER(?area = ?unit) } UNION { ?unit geo:sfWithin ?area BIND("via" AS ?relation) }
    OPTIONAL { ?item isrp:referenceDate ?date }
    OPTIONAL { ?item isrp:needLevel/skos:prefLabel ?level FILTER(LANGMATCHES(LANG(?level), ?lang)) }
    BIND("observation" AS ?kind)
  } UNION {
    ?item isrp:spatialScope ?scope .
    { FILTER(?scope = ?unit) } UNION { ?unit geo:sfWithin ?scope BIND("via" AS ?relation) }
      UNION { ?scope geo:sfOverlaps ?unit BIND("via" AS ?relation) }
    FILTER NOT EXISTS { ?scope isrp:spatialUnitType <https://w3id.org/isrp/vocab/spatial-unit-type/stadt> }
    { ?item a isrp:Measure BIND("measure" AS ?kind) }
    UNION { ?item a isrp:NeighbourhoodManagement BIND("qm" AS ?kind) }
    UNION { ?item a isrp:NeighbourhoodCentre BIND("facility" AS ?kind) }
  } UNION {
    VALUES ?cls { isrp:SectoralPlan isrp:IntegratedPlan }
    ?item a ?cls ; isrp:spatialSystem ?system .
    { ?unit isrp:inSpatialSystem ?system BIND("system" AS ?relation) }
    UNION { ?unit geo:sfWithin ?area . ?area isrp:inSpatialSystem ?system BIND("via" AS ?relation) }
    UNION { { ?area geo:sfOverlaps ?unit } UNION { ?unit geo:sfOverlaps ?area }
            ?area isrp:inSpatialSystem ?system BIND("via" AS ?relation) }
    BIND("plan" AS ?kind)
  }
  OPTIONAL { ?item rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), ?lang)) }
}"""
)


@dataclass
class SpatialSection:
    iri: str
    system: str
    population: int | None
    population_date: str | None
    area_km2: float | None
    kind: str | None
    geometry: dict[str, Any] | None
    neighbours: list[dict[str, Any]]
    items: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def _neighbour(iri: str, unit: SpatialUnitFacts | None, lang: str) -> dict[str, Any]:
    where = unit.location if unit is not None else None
    return {
        "iri": iri,
        "label": unit.name(lang) if unit is not None else iri,
        "lat": round(where.y, 6) if where is not None else None,
        "lon": round(where.x, 6) if where is not None else None,
    }


def spatial_section(store: Store, iri: str, lang: str = "de") -> SpatialSection | None:
    rows = store.select(SYSTEM, {"unit": URIRef(iri)}).rows
    if not rows:
        return None
    system = str(rows[0]["system"])
    units = {u.iri: u for u in units_of_system(store, system, lang)}
    unit = units.get(iri)
    if unit is None:
        return None
    geometry = unit.boundary if unit.boundary is not None else unit.point
    section = SpatialSection(
        iri=iri,
        system=system,
        population=unit.population,
        population_date=unit.population_date,
        area_km2=unit.area_km2,
        kind="boundary" if unit.boundary is not None else ("point" if unit.point is not None else None),
        geometry=mapping(geometry) if geometry is not None else None,
        neighbours=sorted(
            (_neighbour(n, units.get(n), lang) for n in unit.touches),
            key=lambda n: str(n["label"]).casefold(),
        ),
    )
    seen: set[tuple[str, str]] = set()
    for row in store.select(RELATED, {"unit": URIRef(iri), "lang": Literal(lang)}).rows:
        kind, item = str(row["kind"]), str(row["item"])
        relation = str(row.get("relation") or "")
        if (kind, item) in seen:
            if not relation:  # a direct relation wins over one through a containing area
                for value in section.items[kind]:
                    if value["iri"] == item:
                        value["relation"] = ""
            continue
        seen.add((kind, item))
        section.items.setdefault(kind, []).append(
            {
                "iri": item,
                "label": str(row.get("label") or item),
                "relation": relation,
                "date": str(row["date"]) if row.get("date") is not None else "",
                "level": str(row.get("level") or ""),
            }
        )
    for values in section.items.values():
        values.sort(key=lambda v: v["label"].casefold())
    return section
