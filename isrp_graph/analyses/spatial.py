"""Spatial systems — the seed's "Einheitliche Planungsraum-/Sozialraumdefinition".

- ``plan-spatial-systems``: which spatial system (and scope) each plan uses;
- ``spatial-nesting``: units of the plans' systems that do not nest in the reference system (default
  Erfurt's Ortsteile): a unit nests when it lies within a reference unit or is made of whole reference
  units (``geo:sfWithin``) and partly overlaps none (``geo:sfOverlaps``);
- ``spatial-crosswalk``: for each reference unit, each plan's unit(s) it lies in, contains, overlaps or
  equals — the table planners need to move figures between systems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from isrp_graph.analyses.common import Labeller, Ref, iri_list, ref_key, run, value
from isrp_graph.analyses.table import Table, joined
from isrp_graph.messages import normalise_lang, t
from isrp_graph.queries import expand_iri
from isrp_graph.store.base import Store

DEFAULT_REFERENCE_SYSTEM = "https://w3id.org/isrp/erfurt/spatial-system/ortsteile"
RELATIONS = ("equal", "within", "contains", "overlaps")


@dataclass(frozen=True)
class PlanSpatialSystem:
    plan: Ref
    system: Ref | None
    unit_count: int
    scopes: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class NonNestingUnit:
    system: Ref
    unit: Ref
    reason: str  # "overlaps" | "unrelated"
    overlapping: tuple[Ref, ...] = ()
    plans: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class CrosswalkEntry:
    reference: Ref
    plan: Ref
    unit: Ref
    relation: str  # one of RELATIONS


@dataclass(frozen=True)
class SpatialReport:
    reference_system: Ref
    plans: tuple[PlanSpatialSystem, ...]
    non_nesting: tuple[NonNestingUnit, ...]
    crosswalk: tuple[CrosswalkEntry, ...]
    lang: str = "de"

    def crosswalk_plans(self) -> tuple[Ref, ...]:
        return tuple(sorted({e.plan for e in self.crosswalk}, key=ref_key))

    def crosswalk_table(self) -> Table:
        """Wide: one row per reference unit, one column per plan, cells = that plan's unit(s)."""
        lang = self.lang
        plans = self.crosswalk_plans()
        references = sorted({e.reference for e in self.crosswalk}, key=ref_key)
        cells: dict[tuple[str, str], list[str]] = {}
        for entry in self.crosswalk:
            text = entry.unit.label
            if entry.relation != "within":
                text += f" ({t(f'analysis.spatial.relation.{entry.relation}', lang)})"
            cells.setdefault((entry.reference.iri, entry.plan.iri), []).append(text)
        rows = tuple(
            (ref.label, *(joined(cells.get((ref.iri, plan.iri), [])) for plan in plans)) for ref in references
        )
        return Table(
            name="spatial-crosswalk",
            finding=False,
            title=t("analysis.spatial.crosswalk.title", lang, system=self.reference_system.label),
            description=t("analysis.spatial.crosswalk.description", lang),
            columns=(t("analysis.col.reference_unit", lang), *(p.label for p in plans)),
            rows=rows,
        )

    def tables(self) -> list[Table]:
        lang = self.lang

        def cols(*keys: str) -> tuple[str, ...]:
            return tuple(t(f"analysis.col.{k}", lang) for k in keys)

        return [
            Table(
                name="spatial-systems",
                finding=False,
                title=t("analysis.spatial.systems.title", lang),
                description=t("analysis.spatial.systems.description", lang),
                columns=cols("plan", "spatial_system", "unit_count", "scopes"),
                rows=tuple(
                    (
                        p.plan.label,
                        p.system.label if p.system else t("analysis.spatial.no_system", lang),
                        str(p.unit_count) if p.system else "",
                        joined(p.scopes),
                    )
                    for p in self.plans
                ),
            ),
            Table(
                name="spatial-non-nesting",
                title=t("analysis.spatial.nesting.title", lang, system=self.reference_system.label),
                description=t("analysis.spatial.nesting.description", lang),
                columns=cols("spatial_system", "unit", "reason", "overlapping", "plans"),
                rows=tuple(
                    (
                        u.system.label,
                        u.unit.label,
                        t(f"analysis.spatial.reason.{u.reason}", lang),
                        joined(u.overlapping),
                        joined(u.plans),
                    )
                    for u in self.non_nesting
                ),
            ),
            self.crosswalk_table(),
        ]


def spatial_overview(
    store: Store,
    reference_system: str = DEFAULT_REFERENCE_SYSTEM,
    lang: str = "de",
    *,
    kommunen: Sequence[str] = (),
) -> SpatialReport:
    """Spatial systems of the plans, units that do not nest in ``reference_system`` (IRI or prefixed
    name), and the crosswalk from the reference units to each plan's units; only the plans of
    ``kommunen`` (municipality IRIs) when given."""
    lang = normalise_lang(lang)
    reference = expand_iri(reference_system)
    params = {"reference": reference}
    kommunen = tuple(kommunen)
    systems = run(store, "plan-spatial-systems", lang, kommunen=kommunen)
    nesting = run(store, "spatial-nesting", lang, params, kommunen=kommunen)
    crosswalk = run(store, "spatial-crosswalk", lang, params, kommunen=kommunen)
    labeller = Labeller(store, lang)
    labeller.prime(
        [reference]
        + [value(r[c]) or "" for r in systems.rows for c in ("plan", "system")]
        + [i for r in systems.rows for i in iri_list(r["scopes"])]
        + [str(r[c]) for r in nesting.rows for c in ("system", "unit")]
        + [i for r in nesting.rows for c in ("overlapping", "plans") for i in iri_list(r[c])]
        + [str(r[c]) for r in crosswalk.rows for c in ("reference", "plan", "unit")]
    )
    plans = [
        PlanSpatialSystem(
            plan=labeller.ref(str(r["plan"])),
            system=labeller.maybe(r["system"]),
            unit_count=int(str(r["unitCount"] or 0)),
            scopes=labeller.refs(iri_list(r["scopes"])),
        )
        for r in systems.rows
    ]
    plans.sort(key=lambda p: (ref_key(p.plan), ref_key(p.system) if p.system else ("", "")))
    units = [
        NonNestingUnit(
            system=labeller.ref(str(r["system"])),
            unit=labeller.ref(str(r["unit"])),
            reason=str(r["reason"]),
            overlapping=labeller.refs(iri_list(r["overlapping"])),
            plans=labeller.refs(iri_list(r["plans"])),
        )
        for r in nesting.rows
    ]
    units.sort(key=lambda u: (ref_key(u.system), ref_key(u.unit)))
    entries = {
        CrosswalkEntry(
            reference=labeller.ref(str(r["reference"])),
            plan=labeller.ref(str(r["plan"])),
            unit=labeller.ref(str(r["unit"])),
            relation=str(r["relation"]),
        )
        for r in crosswalk.rows
    }
    ordered = sorted(
        entries,
        key=lambda e: (ref_key(e.reference), ref_key(e.plan), ref_key(e.unit), RELATIONS.index(e.relation)),
    )
    return SpatialReport(
        reference_system=labeller.ref(reference),
        plans=tuple(plans),
        non_nesting=tuple(units),
        crosswalk=tuple(ordered),
        lang=lang,
    )
