"""Reading geodata files and checking their geometries: GeoJSON (read here), Shapefile and GeoPackage
(pyogrio); CRS84/WGS 84 and ETRS89 / UTM 32N (EPSG:25832) accepted, everything ends up in CRS84."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from isrp_graph.spatial.errors import SpatialError

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GEOJSON_SUFFIXES = {".geojson", ".json"}
OGR_SUFFIXES = {".shp", ".gpkg", ".zip"}
SPATIAL_SUFFIXES = GEOJSON_SUFFIXES | OGR_SUFFIXES
# Germany with a margin of a few kilometres (lon/lat, CRS84)
GERMANY = (5.5, 47.2, 15.5, 55.1)
ACCEPTED_TYPES = {"Point", "Polygon", "MultiPolygon"}
MAX_FEATURES = 20000
MAX_BYTES = 200 * 1024 * 1024
_EPSG = re.compile(r"(?:EPSG)?[:/]{1,2}(?:[\d.]*[:/])?(\d{4,5})$", re.IGNORECASE)


@dataclass
class Feature:
    """One feature of a file: its row (1-based), attributes and geometry in CRS84 (None if unusable)."""

    row: int
    properties: dict[str, Any]
    geometry: BaseGeometry | None
    problem: SpatialError | None = None


@dataclass
class GeodataFile:
    path: Path
    crs: str
    features: list[Feature] = field(default_factory=list)


def epsg_of(crs: str | None) -> int | None:
    """4326 for CRS84/WGS 84 (and for no CRS at all: GeoJSON's default), else the EPSG code."""
    if not crs:
        return 4326
    text = crs.strip()
    if text.upper().endswith("CRS84") or text.upper() in {"WGS84", "WGS 84"}:
        return 4326
    match = _EPSG.search(text)
    return int(match.group(1)) if match else None


def _transformer(epsg: int) -> Callable[[np.ndarray], np.ndarray] | None:
    if epsg == 4326:
        return None
    from pyproj import Transformer

    transformer = Transformer.from_crs(epsg, "OGC:CRS84", always_xy=True)

    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return apply


def read_geodata(path: str | Path) -> GeodataFile:
    """Every feature of the file with its geometry checked; file-level problems raise SpatialError."""
    file = Path(path)
    if not file.exists():
        raise SpatialError("spatial.file_missing", path=str(file))
    if file.stat().st_size > MAX_BYTES:
        raise SpatialError("spatial.file_too_big", path=file.name, limit=MAX_BYTES // (1024 * 1024))
    suffix = file.suffix.lower()
    if suffix in GEOJSON_SUFFIXES:
        crs, rows = _read_geojson(file)
    elif suffix in OGR_SUFFIXES:
        crs, rows = _read_ogr(file)
    else:
        raise SpatialError("spatial.format_unknown", path=file.name)
    if len(rows) > MAX_FEATURES:
        raise SpatialError("spatial.too_many_features", path=file.name, n=len(rows), limit=MAX_FEATURES)
    epsg = epsg_of(crs)
    if epsg not in (4326, 25832, 25833, 3044, 4258):
        raise SpatialError("spatial.crs_unsupported", path=file.name, crs=crs or "–")
    transform = _transformer(4326 if epsg == 4258 else epsg)
    result = GeodataFile(file, crs or "CRS84")
    for row, (properties, geometry) in enumerate(rows, start=1):
        geom, problem = check_geometry(geometry, row, file.name, epsg, transform)
        result.features.append(Feature(row, properties, geom, problem))
    return result


def check_geometry(
    geometry: BaseGeometry | None,
    row: int,
    name: str,
    epsg: int | None,
    transform: Callable[[np.ndarray], np.ndarray] | None,
) -> tuple[BaseGeometry | None, SpatialError | None]:
    where = {"path": name, "row": row}
    if geometry is None or geometry.is_empty:
        return None, SpatialError("spatial.geometry_empty", **where)
    if geometry.geom_type not in ACCEPTED_TYPES:
        return None, SpatialError("spatial.geometry_type", type=geometry.geom_type, **where)
    if not geometry.is_valid:
        return None, SpatialError("spatial.geometry_invalid", reason=explain_validity(geometry), **where)
    minx, miny, maxx, maxy = geometry.bounds
    if epsg == 4326 and (max(abs(minx), abs(maxx)) > 180 or max(abs(miny), abs(maxy)) > 90):
        return None, SpatialError("spatial.crs_mismatch", **where)
    if transform is not None:
        geometry = shapely.transform(geometry, transform)
    if geometry.geom_type != "Point":  # RFC 7946: exterior rings counterclockwise
        geometry = shapely.orient_polygons(geometry)
    minx, miny, maxx, maxy = geometry.bounds
    west, south, east, north = GERMANY
    if minx < west or maxx > east or miny < south or maxy > north:
        return None, SpatialError("spatial.outside_germany", **where)
    return geometry, None


def _read_geojson(file: Path) -> tuple[str | None, list[tuple[dict[str, Any], BaseGeometry | None]]]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SpatialError("spatial.geojson_syntax", path=file.name, reason=str(exc)) from exc
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature"):
        raise SpatialError("spatial.geojson_not_features", path=file.name)
    crs = None
    declared = data.get("crs")
    if isinstance(declared, dict):
        crs = str((declared.get("properties") or {}).get("name") or "") or None
    features = data["features"] if data["type"] == "FeatureCollection" else [data]
    if not isinstance(features, list):
        raise SpatialError("spatial.geojson_not_features", path=file.name)
    rows: list[tuple[dict[str, Any], BaseGeometry | None]] = []
    for item in features:
        item = item if isinstance(item, dict) else {}
        properties = item.get("properties") if isinstance(item.get("properties"), dict) else {}
        try:
            geom = shape(item["geometry"]) if item.get("geometry") else None
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
            geom = None
        rows.append((dict(properties or {}), geom))
    return crs, rows


def _read_ogr(file: Path) -> tuple[str | None, list[tuple[dict[str, Any], BaseGeometry | None]]]:
    import pyogrio
    from pyogrio.errors import DataSourceError

    try:
        meta, _fids, geometries, field_data = pyogrio.raw.read(str(file))
    except (DataSourceError, OSError, ValueError) as exc:
        raise SpatialError("spatial.ogr_unreadable", path=file.name, reason=str(exc)) from exc
    names = list(meta.get("fields", []))
    rows = []
    for i, wkb in enumerate(geometries):
        properties = {name: _plain(field_data[j][i]) for j, name in enumerate(names)}
        geom = shapely.from_wkb(wkb) if wkb is not None else None
        rows.append((properties, geom))
    return meta.get("crs"), rows


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    return value


def to_wkt_literal(geometry: BaseGeometry) -> str:
    """WKT without a CRS IRI: GeoSPARQL's default is CRS84, and Virtuoso refuses literals that carry one
    ("RDF box with a geometry RDF type and a non-geometry content")."""
    return shapely.to_wkt(geometry, rounding_precision=7, trim=True)


def from_wkt_literal(text: str) -> BaseGeometry | None:
    """A geometry from a GeoSPARQL WKT literal (CRS84 prefix optional); None when unreadable."""
    value = text.strip()
    if value.startswith("<"):
        crs, _, value = value[1:].partition(">")
        if crs.strip() not in (CRS84, "http://www.opengis.net/def/crs/EPSG/0/4326"):
            return None
    try:
        return shapely.from_wkt(value.strip())
    except shapely.errors.GEOSException:
        return None


def parse_wkt_literals(texts: list[str]) -> list[BaseGeometry | None]:
    """Many WKT literals at once (vectorised); None for unreadable ones or another CRS."""
    plain: list[str | None] = []
    for text in texts:
        value = text.strip()
        if value.startswith("<"):
            crs, _, value = value[1:].partition(">")
            if crs.strip() not in (CRS84, "http://www.opengis.net/def/crs/EPSG/0/4326"):
                plain.append(None)
                continue
        plain.append(value.strip())
    if not plain:
        return []
    parsed = shapely.from_wkt(np.array(plain, dtype=object), on_invalid="ignore")
    return [g if g is not None and not g.is_empty else None for g in parsed]
