"""``isrp import FILE --spatial-system IRI --key PROPERTY``: geometries from a geodata file onto the
existing units of a spatial system, matched by code or name, applied as one validated, recorded write.

A feature matches a unit when its ``key`` attribute equals the unit's official number or identifier, or
(ignoring case, spaces and hyphens) one of its names. Features that match nothing, match several units or
match a unit another feature already matched are reported by row; so are unusable geometries. Only a file
without any problem is stored: the system's geometry graph is replaced as a whole."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from isrp_graph.messages import t
from isrp_graph.namespaces import GRAPH
from isrp_graph.spatial.errors import SpatialError
from isrp_graph.spatial.geometry import SPATIAL_SUFFIXES, read_geodata, to_wkt_literal
from isrp_graph.spatial.model import SpatialUnitFacts, units_of_system
from isrp_graph.store.base import Store

GEO = "http://www.opengis.net/ont/geosparql#"
WKT = URIRef(GEO + "wktLiteral")


def is_spatial_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SPATIAL_SUFFIXES


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    return re.sub(r"[\s\-_./]+", "", text)


def geometry_graph_name(system: str) -> URIRef:
    slug = re.sub(r"[^a-z0-9]+", "-", system.rstrip("/").rsplit("/", 1)[-1].lower()).strip("-") or "system"
    return GRAPH["import/geometrie/" + slug]


@dataclass
class Match:
    row: int
    unit: SpatialUnitFacts
    value: str


@dataclass
class ImportReport:
    path: str
    system: str
    total: int = 0
    matched: list[Match] = field(default_factory=list)
    problems: list[SpatialError] = field(default_factory=list)
    graph: URIRef | None = None
    applied: bool = False
    activity: str | None = None

    def lines(self, lang: str = "de") -> list[str]:
        out = [p.message(lang) for p in self.problems]
        out.append(
            t(
                "spatial.import.summary",
                lang,
                matched=len(self.matched),
                total=self.total,
                problems=len(self.problems),
            )
        )
        return out


def _index(
    units: list[SpatialUnitFacts],
) -> tuple[dict[str, list[SpatialUnitFacts]], dict[str, list[SpatialUnitFacts]]]:
    codes: dict[str, list[SpatialUnitFacts]] = {}
    names: dict[str, list[SpatialUnitFacts]] = {}
    for unit in units:
        for code in {unit.number, unit.identifier} - {None}:
            codes.setdefault(str(code).strip().casefold(), []).append(unit)
        for name in {unit.label, unit.label_en, *unit.alt_labels} - {""}:
            bucket = names.setdefault(normalise(name), [])
            if unit not in bucket:
                bucket.append(unit)
    return codes, names


def match_features(
    store: Store, path: str | Path, system: str, key: str, lang: str = "de"
) -> tuple[ImportReport, dict[str, object]]:
    """Read, check and match; returns the report and the geometry per matched unit IRI."""
    units = units_of_system(store, system, lang)
    if not units:
        raise SpatialError("spatial.system_unknown", system=system)
    data = read_geodata(path)
    report = ImportReport(str(path), system, total=len(data.features))
    codes, names = _index(units)
    first_row: dict[str, int] = {}
    geometries: dict[str, object] = {}
    name = data.path.name
    for feature in data.features:
        raw = feature.properties.get(key)
        value = "" if raw is None else str(raw).strip()
        if not value:
            report.problems.append(SpatialError("spatial.key_missing", path=name, row=feature.row, key=key))
            continue
        if feature.problem is not None:
            report.problems.append(feature.problem)
            continue
        candidates = codes.get(value.casefold()) or names.get(normalise(value)) or []
        if not candidates:
            report.problems.append(SpatialError("spatial.unmatched", path=name, row=feature.row, value=value))
            continue
        if len(candidates) > 1:
            report.problems.append(
                SpatialError(
                    "spatial.ambiguous",
                    path=name,
                    row=feature.row,
                    value=value,
                    units=", ".join(u.name(lang) for u in candidates),
                )
            )
            continue
        unit = candidates[0]
        if unit.iri in first_row:
            report.problems.append(
                SpatialError(
                    "spatial.duplicate",
                    path=name,
                    row=feature.row,
                    unit=unit.name(lang),
                    first=first_row[unit.iri],
                )
            )
            continue
        first_row[unit.iri] = feature.row
        geometries[unit.iri] = feature.geometry
        report.matched.append(Match(feature.row, unit, value))
    return report, geometries


def geometry_graph(report: ImportReport, geometries: dict[str, object], source: str) -> Graph:
    graph = Graph()
    has_geometry = URIRef(GEO + "hasGeometry")
    for match in report.matched:
        unit = URIRef(match.unit.iri)
        node = URIRef(match.unit.iri.rstrip("/") + "/grenze")
        graph.add((unit, has_geometry, node))
        graph.add((node, RDF.type, URIRef(GEO + "Geometry")))
        for lang in ("de", "en"):
            graph.add(
                (
                    node,
                    RDFS.label,
                    Literal(t("spatial.geometry.boundary", lang, name=match.unit.name(lang)), lang=lang),
                )
            )
        graph.add(
            (node, URIRef(GEO + "asWKT"), Literal(to_wkt_literal(geometries[match.unit.iri]), datatype=WKT))
        )  # type: ignore[arg-type]
        graph.add((node, DCTERMS.source, URIRef(source)))
    return graph


def import_geometries(
    store: Store,
    path: str | Path,
    system: str,
    key: str,
    *,
    actor: str,
    lang: str = "de",
    apply: bool = False,
    source: str | None = None,
) -> ImportReport:
    """Match the file's features to the system's units; with ``apply`` and no problem, store them in one
    validated write (``isrp_graph.writes.apply_write``) that replaces the system's geometry graph."""
    report, geometries = match_features(store, path, system, key, lang)
    report.graph = geometry_graph_name(system)
    if not apply or report.problems or not report.matched:
        return report
    from isrp_graph.writes import apply_write

    origin = source or "urn:isrp:datei:" + re.sub(r"[^A-Za-z0-9._-]+", "_", Path(path).name)
    outcome = apply_write(store, {report.graph: geometry_graph(report, geometries, origin)}, actor, lang)
    report.applied = True
    report.activity = str(outcome.activity)
    return report
