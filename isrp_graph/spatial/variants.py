"""Planning-area variants for the AG Planungsraum-/Sozialraumdefinition: a variant groups the base units
(Ortsteile) into proposed areas; its score says which units of the existing systems nest into it without
cutting (so which plans could adopt it unchanged), how even the areas' populations are, which areas are not
contiguous, and which base units are left out or assigned twice."""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from isrp_graph.spatial.errors import SpatialError
from isrp_graph.spatial.importer import normalise
from isrp_graph.spatial.model import (
    Membership,
    SpatialUnitFacts,
    memberships,
    related_systems,
    spatial_systems,
    units_of_system,
)
from isrp_graph.store.base import Store

AREA_COLUMNS = {"gebiet", "planungsraum", "sozialraum", "area"}
UNIT_COLUMNS = {"ortsteil", "ortsteile", "unit", "units"}
MAX_ROWS = 5000
EDGE = 1e-9  # degrees: a shared border longer than this connects two polygons
PLANS_BY_SYSTEM = """PREFIX isrp: <https://w3id.org/isrp/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?plan ?label ?system WHERE {
  VALUES ?cls { isrp:SectoralPlan isrp:IntegratedPlan }
  ?plan a ?cls ; isrp:spatialSystem ?system .
  OPTIONAL { ?plan rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), ?lang)) }
}"""


@dataclass
class Variant:
    """A named variant: area name -> the names given for its base units, with the row of each."""

    name: str
    source: str
    areas: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass
class AreaScore:
    name: str
    units: list[str]
    population: int | None
    missing_population: list[str]
    contiguous: str  # yes | no | unknown


@dataclass
class SystemFit:
    system: str
    label: str
    units: int
    nesting: int
    cutting: list[str]
    unknown: list[str]
    plans: list[str]

    @property
    def adoptable(self) -> bool:
        return self.units > 0 and not self.cutting and not self.unknown


@dataclass
class VariantScore:
    name: str
    areas: list[AreaScore]
    unassigned: list[str]
    assigned_twice: list[str]
    unknown_names: list[SpatialError]
    population_min: int | None
    population_max: int | None
    population_cv: float | None
    population_dates: tuple[str, str] | None
    systems: list[SystemFit]


def _split(cell: str) -> list[str]:
    parts = [cell]
    for sep in ";|,\n":
        parts = [p for part in parts for p in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def variant_from_rows(name: str, source: str, rows: list[list[str]]) -> Variant:
    if len(rows) > MAX_ROWS:
        raise SpatialError("spatial.variant.too_big", path=source, limit=MAX_ROWS)
    header = [str(c or "").strip().casefold() for c in (rows[0] if rows else [])]
    area_col = next((i for i, c in enumerate(header) if c in AREA_COLUMNS), None)
    unit_col = next((i for i, c in enumerate(header) if c in UNIT_COLUMNS), None)
    if area_col is None or unit_col is None:
        raise SpatialError("spatial.variant.columns", path=source)
    variant = Variant(name, source)
    for number, row in enumerate(rows[1:], start=2):
        cells = [str(c or "").strip() for c in row]
        area = cells[area_col] if area_col < len(cells) else ""
        names = _split(cells[unit_col]) if unit_col < len(cells) else []
        if area and names:
            variant.areas.setdefault(area, []).extend((number, n) for n in names)
    if not variant.areas:
        raise SpatialError("spatial.variant.no_rows", path=source)
    return variant


def parse_text(name: str, text: str) -> Variant:
    """The web form's text: one area per line, ``Gebiet: Ortsteil, Ortsteil``."""
    rows: list[list[str]] = [["gebiet", "ortsteil"]]
    for line in text.splitlines():
        area, sep, units = line.partition(":")
        rows.append([area.strip(), units] if sep else ["", ""])
    return variant_from_rows(name, name, rows)


def read_variants(path: str | Path) -> list[Variant]:
    """A CSV file is one variant (named after the file); a workbook has one variant per sheet."""
    file = Path(path)
    if not file.exists():
        raise SpatialError("spatial.file_missing", path=str(file))
    suffix = file.suffix.lower()
    if suffix == ".csv":
        text = file.read_bytes().decode("utf-8-sig", errors="replace")
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = ";" if ";" in first else ("\t" if "\t" in first else ",")
        return [
            variant_from_rows(file.stem, file.name, list(csv.reader(io.StringIO(text), delimiter=delimiter)))
        ]
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(file, read_only=True, data_only=True)
        variants = []
        for sheet in book.worksheets:
            rows = [list(r) for r in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]
            variants.append(
                variant_from_rows(
                    sheet.title, f"{file.name} [{sheet.title}]", [[str(c or "") for c in r] for r in rows]
                )
            )
        return variants
    raise SpatialError("spatial.variant.format", path=file.name)


def _contiguity(members: list[SpatialUnitFacts]) -> str:
    """yes / no / unknown: from polygons where every member has one (neighbours share a border of some
    length; touching at a corner does not connect), else from the sourced neighbour lists."""
    if len(members) <= 1:
        return "yes"
    graph = nx.Graph()
    graph.add_nodes_from(m.iri for m in members)
    if all(m.boundary is not None for m in members):
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                shared = a.boundary.boundary.intersection(b.boundary.boundary)  # type: ignore[union-attr]
                if shared.length > EDGE or a.boundary.intersection(b.boundary).area > 0:  # type: ignore[union-attr]
                    graph.add_edge(a.iri, b.iri)
        return "yes" if nx.is_connected(graph) else "no"
    iris = {m.iri for m in members}
    for m in members:
        graph.add_edges_from((m.iri, o) for o in m.touches if o in iris)
    if nx.is_connected(graph):
        return "yes"
    # a missing link may only be missing from the sources: "no" needs every member's neighbours known
    return "no" if all(m.touches for m in members) else "unknown"


def _system_fit(
    areas: dict[str, set[str]],
    items: list[Membership],
    system: str,
    label: str,
    plans: list[str],
    names: dict[str, str],
) -> SystemFit:
    area_of: dict[str, set[str]] = {}
    for area, members in areas.items():
        for iri in members:
            area_of.setdefault(iri, set()).add(area)
    nesting, cutting, unknown = 0, [], []
    for item in items:
        bases = item.within | item.overlaps
        touched = {a for base in bases for a in area_of.get(base, set())}
        if not bases or any(base not in area_of for base in bases):
            unknown.append(names.get(item.unit, item.unit))
        elif len(touched) <= 1 or (not item.overlaps and all(areas[a] <= item.within for a in touched)):
            nesting += 1
        else:
            cutting.append(names.get(item.unit, item.unit))
    return SystemFit(system, label, len(items), nesting, sorted(cutting), sorted(unknown), plans)


def score_variants(
    store: Store, variants: list[Variant], base_system: str, lang: str = "de"
) -> list[VariantScore]:
    units = units_of_system(store, base_system, lang)
    by_name: dict[str, list[SpatialUnitFacts]] = {}
    for unit in units:
        for name in {unit.label, unit.label_en, *unit.alt_labels} - {""}:
            by_name.setdefault(normalise(name), []).append(unit)
    by_iri = {u.iri: u for u in units}
    links = memberships(store, base_system)
    systems = {s.iri: s for s in spatial_systems(store, lang)}
    plans: dict[str, list[str]] = {}
    from rdflib import Literal

    for row in store.select(PLANS_BY_SYSTEM, {"lang": Literal(lang)}).rows:
        plans.setdefault(str(row["system"]), []).append(str(row.get("label") or row["plan"]))
    names = {iri: s.label for iri, s in systems.items()}
    from isrp_graph.spatial.model import units_of_system as _units

    system_units: dict[str, list[str]] = {}
    for summary in related_systems(store, base_system, lang):
        members = _units(store, summary.iri, lang)
        names.update({u.iri: u.name(lang) for u in members})
        system_units[summary.iri] = [u.iri for u in members]
    scores = []
    for variant in variants:
        areas: dict[str, set[str]] = {}
        problems: list[SpatialError] = []
        count: dict[str, int] = {}
        for area, entries in variant.areas.items():
            members = areas.setdefault(area, set())
            for row, name in entries:
                found = by_name.get(normalise(name)) or ([by_iri[name]] if name in by_iri else [])
                if not found:
                    problems.append(
                        SpatialError("spatial.variant.unknown_unit", path=variant.source, row=row, value=name)
                    )
                    continue
                if found[0].iri not in members:
                    members.add(found[0].iri)
                    count[found[0].iri] = count.get(found[0].iri, 0) + 1
        area_scores = []
        areas = {a: m for a, m in areas.items() if m}
        for area, members in areas.items():
            facts = sorted((by_iri[i] for i in members), key=lambda u: u.name(lang).casefold())
            missing = [u.name(lang) for u in facts if u.population is None]
            population = sum(u.population or 0 for u in facts) if facts and not missing else None
            area_scores.append(
                AreaScore(area, [u.name(lang) for u in facts], population, missing, _contiguity(facts))
            )
        complete = [a.population for a in area_scores if a.population is not None]
        dates = sorted(
            u.population_date for a in areas.values() for u in (by_iri[i] for i in a) if u.population_date
        )
        cv = (
            statistics.pstdev(complete) / statistics.mean(complete)
            if len(complete) > 1 and statistics.mean(complete)
            else None
        )
        fits = []
        for system in sorted(system_units, key=lambda s: names.get(s, s)):
            items = [links.get(u) or Membership(u, system) for u in system_units[system]]
            fits.append(
                _system_fit(
                    areas, items, system, names.get(system, system), sorted(plans.get(system, [])), names
                )
            )
        scores.append(
            VariantScore(
                name=variant.name,
                areas=area_scores,
                unassigned=[u.name(lang) for u in units if u.iri not in count],
                assigned_twice=sorted(by_iri[i].name(lang) for i, n in count.items() if n > 1),
                unknown_names=problems,
                population_min=min(complete) if complete else None,
                population_max=max(complete) if complete else None,
                population_cv=round(cv, 4) if cv is not None else None,
                population_dates=(dates[0], dates[-1]) if dates else None,
                systems=fits,
            )
        )
    return scores
