"""What the registry knows of a spatial system's units: names, codes, figures with their dates, sourced
neighbours and geometries (polygon and/or representative point), read with a few whole-system queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rdflib import Literal, URIRef
from rdflib.term import Node
from shapely.geometry.base import BaseGeometry

from isrp_graph.spatial.geometry import parse_wkt_literals
from isrp_graph.store.base import Store

PREFIXES = """PREFIX isrp: <https://w3id.org/isrp/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""

UNITS = (
    PREFIXES
    + """
SELECT ?unit ?label ?labelEn ?number ?identifier ?population ?populationDate ?area WHERE {
  ?unit isrp:inSpatialSystem ?system .
  OPTIONAL { ?unit rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "de")) }
  OPTIONAL { ?unit rdfs:label ?labelEn FILTER(LANGMATCHES(LANG(?labelEn), "en")) }
  OPTIONAL { ?unit isrp:officialNumber ?number }
  OPTIONAL { ?unit dcterms:identifier ?identifier }
  OPTIONAL { ?unit isrp:population ?population }
  OPTIONAL { ?unit isrp:populationDate ?populationDate }
  OPTIONAL { ?unit isrp:areaSquareKilometres ?area }
}"""
)

ALT_LABELS = (
    PREFIXES
    + """
SELECT ?unit ?alt WHERE { ?unit isrp:inSpatialSystem ?system ; skos:altLabel ?alt }"""
)

GEOMETRIES = (
    PREFIXES
    + """
SELECT ?unit ?wkt WHERE { ?unit isrp:inSpatialSystem ?system ; geo:hasGeometry/geo:asWKT ?wkt }"""
)

TOUCHES = (
    PREFIXES
    + """
SELECT ?unit ?other WHERE {
  ?unit isrp:inSpatialSystem ?system .
  { ?unit geo:sfTouches ?other } UNION { ?other geo:sfTouches ?unit }
}"""
)

SOURCES = (
    PREFIXES
    + """
SELECT ?unit ?source WHERE { ?unit isrp:inSpatialSystem ?system ; dcterms:source ?source }"""
)

SYSTEMS = (
    PREFIXES
    + """
SELECT ?system (SAMPLE(?de) AS ?label) (SAMPLE(?en) AS ?labelEn) (COUNT(DISTINCT ?unit) AS ?units) WHERE {
  ?system a isrp:SpatialSystem .
  OPTIONAL { ?system rdfs:label ?de FILTER(LANGMATCHES(LANG(?de), "de")) }
  OPTIONAL { ?system rdfs:label ?en FILTER(LANGMATCHES(LANG(?en), "en")) }
  OPTIONAL { ?unit isrp:inSpatialSystem ?system }
} GROUP BY ?system"""
)

# units of other systems and the base units (Ortsteile) recorded within them or overlapping them
MEMBERSHIP = (
    PREFIXES
    + """
SELECT ?other ?otherSystem ?base ?relation WHERE {
  ?base isrp:inSpatialSystem ?baseSystem .
  { ?base geo:sfWithin ?other BIND("within" AS ?relation) }
  UNION { ?other geo:sfWithin ?base BIND("contains" AS ?relation) }
  UNION { { ?other geo:sfOverlaps ?base } UNION { ?base geo:sfOverlaps ?other }
          BIND("overlaps" AS ?relation) }
  ?other isrp:inSpatialSystem ?otherSystem .
  FILTER(?otherSystem != ?baseSystem)
}"""
)


@dataclass
class SpatialUnitFacts:
    iri: str
    label: str
    label_en: str = ""
    alt_labels: list[str] = field(default_factory=list)
    number: str | None = None
    identifier: str | None = None
    population: int | None = None
    population_date: str | None = None
    area_km2: float | None = None
    boundary: BaseGeometry | None = None
    point: BaseGeometry | None = None
    touches: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)

    def name(self, lang: str = "de") -> str:
        return (self.label_en if lang == "en" and self.label_en else self.label) or self.iri

    @property
    def location(self) -> BaseGeometry | None:
        """Where to draw it: the polygon's representative point, else the sourced point."""
        if self.boundary is not None:
            return self.boundary.representative_point()
        return self.point


def _text(node: Node | None) -> str | None:
    return str(node) if node is not None else None


def _int(node: Node | None) -> int | None:
    if isinstance(node, Literal):
        try:
            return int(node.toPython())
        except (TypeError, ValueError):
            return None
    return None


def _float(node: Node | None) -> float | None:
    if isinstance(node, Literal):
        try:
            return float(node.toPython())
        except (TypeError, ValueError):
            return None
    return None


def _date(node: Node | None) -> str | None:
    if isinstance(node, Literal):
        value = node.toPython()
        return value.isoformat() if isinstance(value, date) else str(node)
    return None


def units_of_system(store: Store, system: str, lang: str = "de") -> list[SpatialUnitFacts]:
    """Every unit of ``system`` with its figures, geometries and neighbours, sorted by name."""
    bindings = {"system": URIRef(system)}
    units: dict[str, SpatialUnitFacts] = {}
    for row in store.select(UNITS, bindings).rows:
        iri = str(row["unit"])
        if iri in units:
            continue
        units[iri] = SpatialUnitFacts(
            iri=iri,
            label=_text(row.get("label")) or _text(row.get("labelEn")) or iri,
            label_en=_text(row.get("labelEn")) or "",
            number=_text(row.get("number")),
            identifier=_text(row.get("identifier")),
            population=_int(row.get("population")),
            population_date=_date(row.get("populationDate")),
            area_km2=_float(row.get("area")),
        )
    for row in store.select(ALT_LABELS, bindings).rows:
        unit = units.get(str(row["unit"]))
        if unit is not None:
            unit.alt_labels.append(str(row["alt"]))
    pairs = [
        (units.get(str(row["unit"])), str(row["wkt"])) for row in store.select(GEOMETRIES, bindings).rows
    ]
    for unit, geom in zip((u for u, _ in pairs), parse_wkt_literals([w for _, w in pairs]), strict=True):
        if unit is None or geom is None:
            continue
        if geom.geom_type == "Point":
            unit.point = geom
        else:
            unit.boundary = geom
    for row in store.select(TOUCHES, bindings).rows:
        unit = units.get(str(row["unit"]))
        if unit is not None and str(row["other"]) != unit.iri:
            unit.touches.add(str(row["other"]))
    for row in store.select(SOURCES, bindings).rows:
        unit = units.get(str(row["unit"]))
        if unit is not None:
            unit.sources.append(str(row["source"]))
    for unit in units.values():
        unit.sources.sort()
    return sorted(units.values(), key=lambda u: u.name(lang).casefold())


@dataclass
class SystemSummary:
    iri: str
    label: str
    units: int


def spatial_systems(store: Store, lang: str = "de") -> list[SystemSummary]:
    result = []
    for row in store.select(SYSTEMS).rows:
        label = _text(row.get("labelEn")) if lang == "en" else None
        label = label or _text(row.get("label")) or str(row["system"])
        result.append(SystemSummary(str(row["system"]), label, _int(row.get("units")) or 0))
    return sorted(result, key=lambda s: s.label.casefold())


RELATED_SYSTEMS = (
    PREFIXES
    + """
SELECT DISTINCT ?system WHERE {
  ?base isrp:inSpatialSystem ?baseSystem .
  { ?base geo:sfWithin ?other } UNION { ?other geo:sfWithin ?base }
  UNION { ?other geo:sfOverlaps ?base } UNION { ?base geo:sfOverlaps ?other }
  UNION { ?base geo:sfWithin ?top . ?top isrp:spatialUnitType ?type . ?other geo:sfWithin ?top }
  ?other isrp:inSpatialSystem ?system .
  FILTER(?system != ?baseSystem)
}"""
)


def related_systems(store: Store, base_system: str, lang: str = "de") -> list[SystemSummary]:
    """The other systems with units that hold, overlap or share a containing unit (the city) with the
    base system's units: the ones whose cut of the base units can be shown."""
    wanted = {
        str(r["system"]) for r in store.select(RELATED_SYSTEMS, {"baseSystem": URIRef(base_system)}).rows
    }
    return [s for s in spatial_systems(store, lang) if s.iri in wanted and s.units]


@dataclass
class Membership:
    """A unit of another system and the base units recorded within it (whole) or overlapping it (part)."""

    unit: str
    system: str
    within: set[str] = field(default_factory=set)
    overlaps: set[str] = field(default_factory=set)


def memberships(store: Store, base_system: str) -> dict[str, Membership]:
    """Units of every other system by the base units they hold; ``contains`` (a unit of another system
    lying in a base unit) counts as an overlap of that base unit: it covers only a part of it."""
    result: dict[str, Membership] = {}
    for row in store.select(MEMBERSHIP, {"baseSystem": URIRef(base_system)}).rows:
        other = str(row["other"])
        item = result.setdefault(other, Membership(other, str(row["otherSystem"])))
        base = str(row["base"])
        if str(row["relation"]) == "within":
            item.within.add(base)
        else:
            item.overlaps.add(base)
    for item in result.values():
        item.overlaps -= item.within
    return result
