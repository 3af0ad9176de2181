"""Planning gaps at a reference date (default: today) — the seed's "Identifizierung von Planungslücken".

Each list is one named query (rules in queries/README.md); for given municipalities the two concept
lists and the mandatory provisions are computed in Python from small queries with the same rows
(gap_concepts.py), fast on a national store:

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

"In force" at the date: not ``ausgelaufen`` and the term (or its extension, ``isrp:termExtendedTo``) not
ended before the date (unless the plan is ``in-fortschreibung``). The next update is due at a recorded
deadline (``isrp:updateDeadline``, e.g. set by a council decision) or else after the update cycle, but
after an adopted extension (``isrp:termExtendedTo``) not before its end.

Every row says what it rests on (``basis``: see basis.py) and carries the editorial notes of its entry.
Entries marked ``isrp:illustrative`` never count: their rows are listed in ``examples`` instead (or kept and
marked, with ``include_examples``), and they address no group, topic, need or area in the queries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from isrp_graph.analyses import texts as _texts  # noqa: F401  (registers the texts)
from isrp_graph.analyses.basis import (
    EVIDENCED,
    EXAMPLE,
    EXPIRED,
    NOT_RECORDED,
    Facts,
    basis_label,
    german_date,
    number_text,
)
from isrp_graph.analyses.common import Labeller, Ref, as_bool, as_date, iri_list, ref_key, run, value
from isrp_graph.analyses.gap_concepts import gap_rows
from isrp_graph.analyses.plan_fit import Facts as FitFacts
from isrp_graph.analyses.plan_fit import PlanCandidate, candidates_for
from isrp_graph.analyses.table import Table, joined
from isrp_graph.messages import normalise_lang, t
from isrp_graph.store.base import SelectResult, Store

DEFAULT_EXCLUDED_GROUPS = "https://w3id.org/isrp/vocab/target-group/akteure"


@dataclass(frozen=True)
class Example:
    """An entry marked ``isrp:illustrative`` that a list of findings would otherwise hold."""

    table: str
    entry: Ref


@dataclass(frozen=True)
class ConceptGap:
    concept: Ref
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.concept.label

    @property
    def iri(self) -> str:
        return self.concept.iri


@dataclass(frozen=True)
class UncoveredNeed:
    need: Ref
    target_groups: tuple[Ref, ...] = ()
    topics: tuple[Ref, ...] = ()
    areas: tuple[Ref, ...] = ()
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MandatoryGap:
    provision: Ref
    law: Ref | None = None
    expired_plans: tuple[Ref, ...] = ()
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EndedPlan:
    plan: Ref
    end: date
    status: Ref | None = None
    extended_to: date | None = None
    original_end: date | None = None
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class OverduePlan:
    plan: Ref
    base: date | None
    basis_of_base: str  # "lastUpdated" | "termBegin" | "none"
    update_cycle: str
    due: date
    days_overdue: int
    due_from: str = "updateCycle"  # updateCycle | updateDeadline | termExtendedTo
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnassignedMeasure:
    measure: Ref
    target_groups: tuple[Ref, ...] = ()
    topics: tuple[Ref, ...] = ()
    areas: tuple[Ref, ...] = ()
    candidates: tuple[PlanCandidate, ...] = ()
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class IncompleteMeasure:
    measure: Ref
    plan: Ref | None
    has_indicator: bool
    has_budget_item: bool
    has_funding: bool
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuidelineGap:
    guideline: Ref
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.guideline.label

    @property
    def iri(self) -> str:
        return self.guideline.iri


@dataclass(frozen=True)
class HighNeedArea:
    area: Ref
    indicators: tuple[Ref, ...] = ()
    observations: tuple[Ref, ...] = ()
    basis: str = NOT_RECORDED
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class GapReport:
    reference_date: date
    target_groups: tuple[ConceptGap, ...]
    topics: tuple[ConceptGap, ...]
    needs: tuple[UncoveredNeed, ...]
    mandatory_provisions: tuple[MandatoryGap, ...]
    ended_plans: tuple[EndedPlan, ...]
    overdue_plans: tuple[OverduePlan, ...]
    unassigned_measures: tuple[UnassignedMeasure, ...]
    unimplemented_guidelines: tuple[GuidelineGap, ...]
    incomplete_measures: tuple[IncompleteMeasure, ...]
    high_need_areas: tuple[HighNeedArea, ...]
    examples: tuple[Example, ...] = ()
    include_examples: bool = False
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
        day = german_date(self.reference_date, lang)

        def table(name: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
            return Table(
                name=f"gaps-{name}",
                title=t(f"analysis.gaps.{name}.title", lang),
                description=t(f"analysis.gaps.{name}.description", lang, date=day),
                columns=tuple(t(f"analysis.col.{c}", lang) for c in (*columns, "finding_basis", "notes")),
                rows=tuple(rows),
                notes=(t("analysis.basis.legend", lang),),
            )

        def tail(row: object) -> tuple[str, str]:
            return basis_label(row.basis, lang), " ".join(row.notes)  # type: ignore[attr-defined]

        def candidates(measure: UnassignedMeasure) -> str:
            if not measure.candidates:
                return t("analysis.gaps.no_candidate", lang)
            return joined([f"{c.plan.label} ({c.score})" for c in measure.candidates])

        tables = [
            table("target-groups", ("target_group",), [(r.label, *tail(r)) for r in self.target_groups]),
            table("topics", ("topic",), [(r.label, *tail(r)) for r in self.topics]),
            table(
                "needs",
                ("need", "target_groups", "topics", "areas"),
                [
                    (n.need.label, joined(n.target_groups), joined(n.topics), joined(n.areas), *tail(n))
                    for n in self.needs
                ],
            ),
            table(
                "mandatory",
                ("provision", "law", "expired_plans"),
                [
                    (g.provision.label, g.law.label if g.law else "", joined(g.expired_plans), *tail(g))
                    for g in self.mandatory_provisions
                ],
            ),
            table(
                "ended",
                ("plan", "end", "extended_to", "status"),
                [
                    (
                        p.plan.label,
                        german_date(p.original_end or p.end, lang),
                        german_date(p.extended_to, lang),
                        p.status.label if p.status else "",
                        *tail(p),
                    )
                    for p in self.ended_plans
                ],
            ),
            table(
                "overdue",
                ("plan", "base", "basis", "update_cycle", "due_from", "due", "days_overdue"),
                [
                    (
                        p.plan.label,
                        german_date(p.base, lang),
                        t(f"analysis.gaps.basis.{p.basis_of_base}", lang),
                        duration_text(p.update_cycle, lang) if p.update_cycle else "",
                        t(f"analysis.gaps.due.{p.due_from}", lang),
                        german_date(p.due, lang),
                        number_text(p.days_overdue, lang),
                        *tail(p),
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
                        *tail(m),
                    )
                    for m in self.unassigned_measures
                ],
            ),
            table("guidelines", ("guideline",), [(g.label, *tail(g)) for g in self.unimplemented_guidelines]),
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
                        *tail(m),
                    )
                    for m in self.incomplete_measures
                ],
            ),
            table(
                "high-need",
                ("area", "indicators"),
                [(a.area.label, joined(a.indicators), *tail(a)) for a in self.high_need_areas],
            ),
        ]
        titles = {tb.name: tb.title for tb in tables}
        tables.append(
            Table(
                name="gaps-examples",
                finding=False,
                title=t("analysis.examples.title", lang),
                description=t("analysis.examples.description", lang),
                columns=(t("analysis.col.example", lang), t("analysis.col.table", lang)),
                rows=tuple((e.entry.label, titles.get(e.table, e.table)) for e in self.examples),
            )
        )
        return tables


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


def _named_rows(
    store: Store, name: str, params: Mapping[str, str], lang: str, kommunen: Sequence[str]
) -> SelectResult:
    return run(store, name, lang, params, kommunen=kommunen)


def find_gaps(
    store: Store,
    reference_date: date | None = None,
    lang: str = "de",
    *,
    candidates: int | None = 3,
    exclude_groups: str = DEFAULT_EXCLUDED_GROUPS,
    include_examples: bool = False,
    kommunen: Sequence[str] = (),
) -> GapReport:
    """Every gap list at ``reference_date`` (default today). ``candidates``: how many fitting plans to
    name for each unassigned measure (``None``: all). ``include_examples``: keep illustrative entries
    (marked) instead of listing them apart; they then also count as addressing groups and topics.
    ``kommunen`` (municipality IRIs): the gaps of those municipalities only — a group, topic or
    provision is then a gap when none of *their* plans and measures addresses it (empty: all)."""
    lang = normalise_lang(lang)
    day = reference_date or date.today()
    examples = "true" if include_examples else "false"
    dated = {"date": day.isoformat(), "examples": examples}
    labeller = Labeller(store, lang)

    kommunen = tuple(kommunen)
    scope = {"kommunen": kommunen}
    # for municipalities, the concept/provision gaps from small queries (gap_concepts.py: the named
    # queries' rows; the queries' NOT EXISTS takes erratic plans on a national store). Without, the
    # queries are faster: they stop at the first plan that addresses a concept.
    gap_list = gap_rows if kommunen else _named_rows
    groups = gap_list(store, "gaps-target-groups", {**dated, "exclude": exclude_groups}, lang, kommunen)
    topics = gap_list(store, "gaps-topics", dated, lang, kommunen)
    needs = run(store, "gaps-needs", lang, dated, **scope)
    mandatory = gap_list(store, "gaps-mandatory-provisions", dated, lang, kommunen)
    ended = run(store, "plans-ended", lang, {"date": day.isoformat()}, **scope)
    overdue = run(store, "plans-update-overdue", lang, {"date": day.isoformat()}, **scope)
    unassigned = run(store, "measures-unassigned", lang, **scope)
    guidelines = run(store, "guidelines-unimplemented", lang, {"examples": examples}, **scope)
    incomplete = run(store, "measures-incomplete", lang, **scope)
    high_need = run(store, "areas-high-need-uncovered", lang, dated, **scope)

    central = (
        [str(r["concept"]) for r in (*groups.rows, *topics.rows)]
        + [str(r["need"]) for r in needs.rows]
        + [str(r["provision"]) for r in mandatory.rows]
        + [str(r["plan"]) for r in (*ended.rows, *overdue.rows)]
        + [str(r["measure"]) for r in (*unassigned.rows, *incomplete.rows)]
        + [str(r["guideline"]) for r in guidelines.rows]
        + [str(r["area"]) for r in high_need.rows]
    )
    facts = Facts(store, central)
    labeller.prime(
        central
        + [i for r in needs.rows for c in ("targetGroups", "topics", "areas") for i in iri_list(r[c])]
        + [i for r in mandatory.rows for i in (value(r["law"]) or "", *iri_list(r["expiredPlans"]))]
        + [value(r["status"]) or "" for r in ended.rows]
        + [i for r in unassigned.rows for c in ("targetGroups", "topics", "areas") for i in iri_list(r[c])]
        + [value(r["plan"]) or "" for r in incomplete.rows]
        + [i for r in high_need.rows for c in ("indicators", "observations") for i in iri_list(r[c])]
    )
    found_examples: list[Example] = []

    def keep(table: str, iri: str) -> bool:
        """False (and listed as an example) for an illustrative entry unless examples are included."""
        if facts.illustrative(iri) and not include_examples:
            found_examples.append(Example(f"gaps-{table}", labeller.ref(iri)))
            return False
        return True

    def basis(iri: str, evidenced: bool = False) -> str:
        if facts.illustrative(iri):
            return EXAMPLE
        return EVIDENCED if evidenced or facts[iri].gap_evidence else NOT_RECORDED

    def notes(iri: str) -> tuple[str, ...]:
        return facts.notes(iri, lang)

    def concept_gaps(rows: list, table: str) -> tuple[ConceptGap, ...]:  # type: ignore[type-arg]
        found = [
            ConceptGap(labeller.ref(i), basis(i), notes(i))
            for r in rows
            if keep(table, i := str(r["concept"]))
        ]
        return tuple(sorted(found, key=lambda g: ref_key(g.concept)))

    overdue_plans = []
    for row in overdue.rows:
        iri = str(row["plan"])
        due = as_date(row["due"])
        if due is None or not keep("overdue", iri):
            continue
        due_from = str(row["dueFrom"]) if row.get("dueFrom") is not None else "updateCycle"
        recorded = due_from in ("updateDeadline", "termExtendedTo") and facts[iri].sourced
        overdue_plans.append(
            OverduePlan(
                plan=labeller.ref(iri),
                base=as_date(row["base"]),
                basis_of_base=str(row["basis"]) if row.get("basis") is not None else "none",
                update_cycle=value(row["updateCycle"]) or "",
                due=due,
                days_overdue=(day - due).days,
                due_from=due_from,
                basis=basis(iri, recorded),
                notes=notes(iri),
            )
        )
    overdue_plans.sort(key=lambda p: (p.due, ref_key(p.plan)))

    ended_plans = []
    for row in ended.rows:
        iri = str(row["plan"])
        end = as_date(row["end"])
        if end is None or not keep("ended", iri):
            continue
        entry = facts[iri]
        ended_plans.append(
            EndedPlan(
                plan=labeller.ref(iri),
                end=end,
                status=labeller.maybe(row["status"]),
                extended_to=as_date(row.get("extendedTo")),
                original_end=as_date(row.get("originalEnd")),
                basis=basis(iri, entry.status == EXPIRED and entry.sourced),
                notes=notes(iri),
            )
        )
    ended_plans.sort(key=lambda p: (p.end, ref_key(p.plan)))

    kept_unassigned = [r for r in unassigned.rows if keep("unassigned", str(r["measure"]))]
    open_measures = [
        FitFacts(
            str(r["measure"]),
            frozenset(iri_list(r["targetGroups"])),
            frozenset(iri_list(r["topics"])),
            frozenset(iri_list(r["areas"])),
            str(r.get("municipality") or ""),
        )
        for r in kept_unassigned
    ]
    fitting = candidates_for(labeller, open_measures, day, candidates, kommunen)
    unassigned_measures = [
        UnassignedMeasure(
            measure=labeller.ref(str(r["measure"])),
            target_groups=labeller.refs(iri_list(r["targetGroups"])),
            topics=labeller.refs(iri_list(r["topics"])),
            areas=labeller.refs(iri_list(r["areas"])),
            candidates=fitting.get(str(r["measure"]), ()),
            basis=basis(str(r["measure"])),
            notes=notes(str(r["measure"])),
        )
        for r in kept_unassigned
    ]
    unassigned_measures.sort(key=lambda m: ref_key(m.measure))

    return GapReport(
        reference_date=day,
        target_groups=concept_gaps(groups.rows, "target-groups"),
        topics=concept_gaps(topics.rows, "topics"),
        needs=tuple(
            sorted(
                (
                    UncoveredNeed(
                        need=labeller.ref(str(r["need"])),
                        target_groups=labeller.refs(iri_list(r["targetGroups"])),
                        topics=labeller.refs(iri_list(r["topics"])),
                        areas=labeller.refs(iri_list(r["areas"])),
                        basis=basis(str(r["need"])),
                        notes=notes(str(r["need"])),
                    )
                    for r in needs.rows
                    if keep("needs", str(r["need"]))
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
                        basis=basis(str(r["provision"])),
                        notes=notes(str(r["provision"])),
                    )
                    for r in mandatory.rows
                    if keep("mandatory", str(r["provision"]))
                ),
                key=lambda g: ref_key(g.provision),
            )
        ),
        ended_plans=tuple(ended_plans),
        overdue_plans=tuple(overdue_plans),
        unassigned_measures=tuple(unassigned_measures),
        unimplemented_guidelines=tuple(
            sorted(
                (
                    GuidelineGap(labeller.ref(i), basis(i), notes(i))
                    for r in guidelines.rows
                    if keep("guidelines", i := str(r["guideline"]))
                ),
                key=lambda g: ref_key(g.guideline),
            )
        ),
        incomplete_measures=tuple(
            sorted(
                (
                    IncompleteMeasure(
                        measure=labeller.ref(str(r["measure"])),
                        plan=labeller.maybe(r["plan"]),
                        has_indicator=as_bool(r["hasIndicator"]),
                        has_budget_item=as_bool(r["hasBudgetItem"]),
                        has_funding=as_bool(r["hasFunding"]),
                        basis=basis(str(r["measure"])),
                        notes=notes(str(r["measure"])),
                    )
                    for r in incomplete.rows
                    if keep("incomplete", str(r["measure"]))
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
                        basis=basis(str(r["area"])),
                        notes=notes(str(r["area"])),
                    )
                    for r in high_need.rows
                    if keep("high-need", str(r["area"]))
                ),
                key=lambda a: ref_key(a.area),
            )
        ),
        examples=tuple(sorted(set(found_examples), key=lambda e: (e.table, ref_key(e.entry)))),
        include_examples=include_examples,
        lang=lang,
    )
