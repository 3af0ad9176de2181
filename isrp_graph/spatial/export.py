"""GeoJSON (RFC 7946, CRS84) of a spatial system's units: the polygon where one is stored, else the
representative point, else no geometry; the figures with their dates and the sourced neighbours."""

from __future__ import annotations

from typing import Any

from shapely.geometry import mapping

from isrp_graph.spatial.model import SpatialUnitFacts, units_of_system
from isrp_graph.store.base import Store


def feature(unit: SpatialUnitFacts, lang: str = "de") -> dict[str, Any]:
    geometry = unit.boundary if unit.boundary is not None else unit.point
    return {
        "type": "Feature",
        "id": unit.iri,
        "geometry": mapping(geometry) if geometry is not None else None,
        "properties": {
            "iri": unit.iri,
            "name": unit.name(lang),
            "officialNumber": unit.number,
            "population": unit.population,
            "populationDate": unit.population_date,
            "areaKm2": unit.area_km2,
            "geometryKind": "boundary"
            if unit.boundary is not None
            else ("point" if unit.point is not None else None),
            "touches": sorted(unit.touches),
            "sources": unit.sources,
        },
    }


def feature_collection(
    units: list[SpatialUnitFacts], lang: str = "de", name: str | None = None
) -> dict[str, Any]:
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": [feature(u, lang) for u in units]}
    if name:
        collection["name"] = name
    return collection


def export_geojson(store: Store, system: str, lang: str = "de") -> dict[str, Any]:
    return feature_collection(units_of_system(store, system, lang), lang, name=system)
