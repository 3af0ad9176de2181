"""Planning gaps at a reference date (default: today) — the seed's "Identifizierung von Planungslücken".

Each list is one named query (rules in queries/README.md):

- target groups and topics no plan in force and no measure addresses (``gaps-target-groups``,
  ``gaps-topics``). Hierarchy: a concept is addressed when a plan/measure names it, one of its narrower
  concepts (part of the group is served) or a broader concept below the scheme's top (the whole group is
  served); so only concepts whose whole branch is untouched are gaps. The actors' branch is not checked;
- recorded needs (``isrp:Need``) nothing addresses explicitly (``gaps-needs``);
- provisions that oblige the municipality to plan (``vocab:obligation/pflichtplanung``) that no plan in
  force names as legal basis (``gaps-mandatory-provisions``);
- plans whose term ended (``plans-ended``) and plans whose update is overdue by their own cycle
  (``plans-update-overdue``);
- operational measures neither assigned nor handled separately, each with its best-fitting plans
  (``measures-unassigned`` + ``plans-in-force``, ranked as in plan_fit.py);
- guidelines no measure implements; measures without indicator, budget item or funding;
- areas rated need level ``hoch`` that no neighbourhood facility or measure covers locally
  (``areas-high-need-uncovered``: same area, a part of it, or a containing area except the whole city).

"In force" at the date: not ``ausgelaufen`` and the term not ended before the date (unless the plan is
``in-fortschreibung``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from isrp_graph.analyses.common import Labeller, Ref, as_bool, as_date, iri_list, ref_key, run, value
from isrp_graph.analyses.plan_fit import Facts, PlanCandidate, candidates_for
from isrp_graph.analyses.table import Table, joined
from isrp_graph.messages import normalise_lang, t
from isrp_graph.store.base import Store

DEFAULT_EXCLUDED_GROUPS = "https://w3id.org/isrp/vocab/target-group/akteure"


@dataclass(frozen=True)
class UncoveredNeed:
    need: Ref
    target_groups: tuple[Ref, ...] = ()
    topics: tuple[Ref, ...] = ()
    areas: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class MandatoryGap:
    provision: Ref
    law: Ref | None = None
    expired_plans: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class EndedPlan:
    plan: Ref
    end: date
    status: Ref | None = None


@dataclass(frozen=True)
class OverduePlan:
    plan: Ref
    base: date
    basis: str  # "lastUpdated" | "termBegin"
    update_cycle: str
    due: date
    days_overdue: int


@dataclass(frozen=True)
class UnassignedMeasure:
    measure: Ref
    target_groups: tuple[Ref, ...] = ()
    topics: tuple[Ref, ...] = ()
    areas: tuple[Ref, ...] = ()
    candidates: tuple[PlanCandidate, ...] = ()


@dataclass(frozen=True)
class IncompleteMeasure:
    measure: Ref
    plan: Ref | None
    has_indicator: bool
    has_budget_item: bool
    has_funding: bool


@dataclass(frozen=True)
class HighNeedArea:
    area: Ref
    indicators: tuple[Ref, ...] = ()
    observations: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class GapReport:
    reference_date: date
    target_groups: tuple[Ref, ...]
    topics: tuple[Ref, ...]
    needs: tuple[UncoveredNeed, ...]
    mandatory_provisions: tuple[MandatoryGap, ...]
    ended_plans: tuple[EndedPlan, ...]
    overdue_plans: tuple[OverduePlan, ...]
    unassigned_measures: tuple[UnassignedMeasure, ...]
    unimplemented_guidelines: tuple[Ref, ...]
    incomplete_measures: tuple[IncompleteMeasure, ...]
    high_need_areas: tuple[HighNeedArea, ...]
    lang: str = "de"

    @property
    def measures_without_indicator(self) -> tuple[Ref, ...]:
        return tuple(m.measure for m in self.incomplete_measures if not m.has_indicator)

    @property
    def measures_without_budget_item(self) -> tuple[Ref, ...]:
        return tuple(m.measure for m in self.incomplete_measures if not m.has_budget_item)

    @property
    def measures_without_funding(self) -> tuple[Ref, ...]:
        return tuple(m.measure for m in self.incomplete_measures if not m.has_funding)

    def tables(self) -> list[Table]:
        lang = self.lang
        day = self.reference_date.isoformat()

        def table(name: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
            return Table(
                name=f"gaps-{name}",
                title=t(f"analysis.gaps.{name}.title", lang),
                description=t(f"analysis.gaps.{name}.description", lang, date=day),
                columns=tuple(t(f"analysis.col.{c}", lang) for c in columns),
                rows=tuple(rows),
            )

        def candidates(measure: UnassignedMeasure) -> str:
            if not measure.candidates:
                return t("analysis.gaps.no_candidate", lang)
            return joined([f"{c.plan.label} ({c.score})" for c in measure.candidates])

        return [
            table("target-groups", ("target_group",), [(r.label,) for r in self.target_groups]),
            table("topics", ("topic",), [(r.label,) for r in self.topics]),
            table(
                "needs",
                ("need", "target_groups", "topics", "areas"),
                [
                    (n.need.label, joined(n.target_groups), joined(n.topics), joined(n.areas))
                    for n in self.needs
                ],
            ),
            table(
                "mandatory",
                ("provision", "law", "expired_plans"),
                [
                    (g.provision.label, g.law.label if g.law else "", joined(g.expired_plans))
                    for g in self.mandatory_provisions
                ],
            ),
            table(
                "ended",
                ("plan", "end", "status"),
                [
                    (p.plan.label, p.end.isoformat(), p.status.label if p.status else "")
                    for p in self.ended_plans
                ],
            ),
            table(
                "overdue",
                ("plan", "base", "basis", "update_cycle", "due", "days_overdue"),
                [
                    (
                        p.plan.label,
                        p.base.isoformat(),
                        t(f"analysis.gaps.basis.{p.basis}", lang),
                        duration_text(p.update_cycle, lang),
                        p.due.isoformat(),
                        str(p.days_overdue),
                    )
                    for p in self.overdue_plans
                ],
            ),
            table(
                "unassigned",
                ("measure", "target_groups", "topics", "areas", "candidates"),
                [
                    (
                        m.measure.label,
                        joined(m.target_groups),
                        joined(m.topics),
                        joined(m.areas),
                        candidates(m),
                    )
                    for m in self.unassigned_measures
                ],
            ),
            table("guidelines", ("guideline",), [(g.label,) for g in self.unimplemented_guidelines]),
            table(
                "incomplete",
                ("measure", "plan", "indicator", "budget_item", "funding"),
                [
                    (
                        m.measure.label,
                        m.plan.label if m.plan else "",
                        _yes_no(m.has_indicator, lang),
                        _yes_no(m.has_budget_item, lang),
                        _yes_no(m.has_funding, lang),
                    )
                    for m in self.incomplete_measures
                ],
            ),
            table(
                "high-need",
                ("area", "indicators"),
                [(a.area.label, joined(a.indicators)) for a in self.high_need_areas],
            ),
        ]


def _yes_no(flag: bool, lang: str) -> str:
    return t("cli.yes" if flag else "cli.no", lang)


_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def duration_text(duration: str, lang: str = "de") -> str:
    """``P5Y`` -> "5 Jahre" / "5 years"; anything unusual stays as written."""
    match = _DURATION.match(duration.strip())
    if not match or not any(match.groups()):
        return duration
    parts = []
    for amount, unit in zip(match.groups(), ("years", "months", "weeks", "days"), strict=True):
        if amount:
            number = int(amount)
            parts.append(t(f"analysis.duration.{unit}{'_one' if number == 1 else ''}", lang, n=number))
    return " ".join(parts)


def find_gaps(
    store: Store,
    reference_date: date | None = None,
    lang: str = "de",
    *,
    candidates: int | None = 3,
    exclude_groups: str = DEFAULT_EXCLUDED_GROUPS,
) -> GapReport:
    """Every gap list at ``reference_date`` (default today). ``candidates``: how many fitting plans to
    name for each unassigned measure (``None``: all)."""
    lang = normalise_lang(lang)
    day = reference_date or date.today()
    dated = {"date": day.isoformat()}
    labeller = Labeller(store, lang)

    groups = run(store, "gaps-target-groups", lang, {**dated, "exclude": exclude_groups})
    topics = run(store, "gaps-topics", lang, dated)
    needs = run(store, "gaps-needs", lang, dated)
    mandatory = run(store, "gaps-mandatory-provisions", lang, dated)
    ended = run(store, "plans-ended", lang, dated)
    overdue = run(store, "plans-update-overdue", lang, dated)
    unassigned = run(store, "measures-unassigned", lang)
    guidelines = run(store, "guidelines-unimplemented", lang)
    incomplete = run(store, "measures-incomplete", lang)
    high_need = run(store, "areas-high-need-uncovered", lang, dated)

    labeller.prime(
        [str(r["concept"]) for r in (*groups.rows, *topics.rows)]
        + [str(r["need"]) for r in needs.rows]
        + [i for r in needs.rows for c in ("targetGroups", "topics", "areas") for i in iri_list(r[c])]
        + [
            i
            for r in mandatory.rows
            for i in (str(r["provision"]), value(r["law"]) or "", *iri_list(r["expiredPlans"]))
        ]
        + [i for r in ended.rows for i in (str(r["plan"]), value(r["status"]) or "")]
        + [str(r["plan"]) for r in overdue.rows]
        + [str(r["measure"]) for r in unassigned.rows]
        + [i for r in unassigned.rows for c in ("targetGroups", "topics", "areas") for i in iri_list(r[c])]
        + [str(r["guideline"]) for r in guidelines.rows]
        + [i for r in incomplete.rows for i in (str(r["measure"]), value(r["plan"]) or "")]
        + [i for r in high_need.rows for c in ("area",) for i in [str(r[c])]]
        + [i for r in high_need.rows for c in ("indicators", "observations") for i in iri_list(r[c])]
    )

    def refs(rows: list, column: str) -> tuple[Ref, ...]:  # type: ignore[type-arg]
        return tuple(sorted((labeller.ref(str(r[column])) for r in rows), key=ref_key))

    overdue_plans = []
    for row in overdue.rows:
        due, base = as_date(row["due"]), as_date(row["base"])
        if due is None or base is None:
            continue
        overdue_plans.append(
            OverduePlan(
                plan=labeller.ref(str(row["plan"])),
                base=base,
                basis=str(row["basis"]),
                update_cycle=str(row["updateCycle"]),
                due=due,
                days_overdue=(day - due).days,
            )
        )
    overdue_plans.sort(key=lambda p: (p.due, ref_key(p.plan)))

    ended_plans = [
        EndedPlan(plan=labeller.ref(str(r["plan"])), end=end, status=labeller.maybe(r["status"]))
        for r in ended.rows
        if (end := as_date(r["end"])) is not None
    ]
    ended_plans.sort(key=lambda p: (p.end, ref_key(p.plan)))

    open_measures = [
        Facts(
            str(r["measure"]),
            frozenset(iri_list(r["targetGroups"])),
            frozenset(iri_list(r["topics"])),
            frozenset(iri_list(r["areas"])),
        )
        for r in unassigned.rows
    ]
    fitting = candidates_for(labeller, open_measures, day, candidates)
    unassigned_measures = [
        UnassignedMeasure(
            measure=labeller.ref(str(r["measure"])),
            target_groups=labeller.refs(iri_list(r["targetGroups"])),
            topics=labeller.refs(iri_list(r["topics"])),
            areas=labeller.refs(iri_list(r["areas"])),
            candidates=fitting.get(str(r["measure"]), ()),
        )
        for r in unassigned.rows
    ]
    unassigned_measures.sort(key=lambda m: ref_key(m.measure))

    return GapReport(
        reference_date=day,
        target_groups=refs(groups.rows, "concept"),
        topics=refs(topics.rows, "concept"),
        needs=tuple(
            sorted(
                (
                    UncoveredNeed(
                        need=labeller.ref(str(r["need"])),
                        target_groups=labeller.refs(iri_list(r["targetGroups"])),
                        topics=labeller.refs(iri_list(r["topics"])),
                        areas=labeller.refs(iri_list(r["areas"])),
                    )
                    for r in needs.rows
                ),
                key=lambda n: ref_key(n.need),
            )
        ),
        mandatory_provisions=tuple(
            sorted(
                (
                    MandatoryGap(
                        provision=labeller.ref(str(r["provision"])),
                        law=labeller.maybe(r["law"]),
                        expired_plans=labeller.refs(iri_list(r["expiredPlans"])),
                    )
                    for r in mandatory.rows
                ),
                key=lambda g: ref_key(g.provision),
            )
        ),
        ended_plans=tuple(ended_plans),
        overdue_plans=tuple(overdue_plans),
        unassigned_measures=tuple(unassigned_measures),
        unimplemented_guidelines=refs(guidelines.rows, "guideline"),
        incomplete_measures=tuple(
            sorted(
                (
                    IncompleteMeasure(
                        measure=labeller.ref(str(r["measure"])),
                        plan=labeller.maybe(r["plan"]),
                        has_indicator=as_bool(r["hasIndicator"]),
                        has_budget_item=as_bool(r["hasBudgetItem"]),
                        has_funding=as_bool(r["hasFunding"]),
                    )
                    for r in incomplete.rows
                ),
                key=lambda m: ref_key(m.measure),
            )
        ),
        high_need_areas=tuple(
            sorted(
                (
                    HighNeedArea(
                        area=labeller.ref(str(r["area"])),
                        indicators=labeller.refs(iri_list(r["indicators"])),
                        observations=labeller.refs(iri_list(r["observations"])),
                    )
                    for r in high_need.rows
                ),
                key=lambda a: ref_key(a.area),
            )
        ),
        lang=lang,
    )
