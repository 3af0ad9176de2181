"""Which plans fit an operational measure best — the seed's "Prüfung, ob es zu einer Fachplanung passt
oder separat bearbeitet werden müsste".

A candidate is a plan in force at the reference date, of the measure's municipality (both name it with
``isrp:municipality``), that shares a target group or a topic with the measure.
Target groups match as everywhere (same concept, or one narrower than the other below the scheme's top);
areas match when equal or nested (``geo:sfWithin``, either direction) and only add to the score.
**Score**: 2 per target group both name exactly, 1 per target-group match via broader/narrower,
1 per shared topic, 1 per shared area. Ties are broken by plan label.

For one measure the named query ``measure-plan-fit`` does it all in SPARQL. For every open measure at
once (the gaps analysis) the same rules run here in Python on four small fact queries
(``measures-unassigned``, ``plans-in-force``, ``concept-broader``, ``area-within``): per municipality
that is measures × plans comparisons instead of a join across all municipalities, which stays fast at a
million triples. A test checks that both give the same candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from isrp_graph.analyses.common import (
    Labeller,
    Match,
    Ref,
    as_bool,
    iri_list,
    match_list,
    ref_key,
    run,
)

WEIGHT_GROUP_EXACT = 2
WEIGHT_GROUP_HIERARCHY = 1
WEIGHT_TOPIC = 1
WEIGHT_AREA = 1


@dataclass(frozen=True)
class PlanCandidate:
    plan: Ref
    score: int
    target_groups: tuple[Match, ...] = ()
    topics: tuple[Ref, ...] = ()
    areas: tuple[Match, ...] = ()


def fit_score(target_groups: tuple[Match, ...], topics: tuple[Ref, ...], areas: tuple[Match, ...]) -> int:
    exact = sum(1 for m in target_groups if m.exact)
    return (
        WEIGHT_GROUP_EXACT * exact
        + WEIGHT_GROUP_HIERARCHY * (len(target_groups) - exact)
        + WEIGHT_TOPIC * len(topics)
        + WEIGHT_AREA * len(areas)
    )


@dataclass(frozen=True)
class Facts:
    """What is compared: an entry's target groups, topics and areas (IRIs), and its municipality (the
    IRI ``isrp:municipality`` names)."""

    iri: str
    groups: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    municipality: str = ""


@dataclass
class Hierarchy:
    """Transitive ``skos:broader`` and ``geo:sfWithin``, and which concepts are tops of their scheme."""

    broader: dict[str, set[str]] = field(default_factory=dict)
    tops: set[str] = field(default_factory=set)
    within: dict[str, set[str]] = field(default_factory=dict)

    def _up(self, edges: Mapping[str, set[str]], start: str) -> set[str]:
        seen: set[str] = set()
        stack = list(edges.get(start, ()))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(edges.get(node, ()))
        return seen

    def ancestors(self, concept: str) -> set[str]:
        return self._up(self.broader, concept)

    def containers(self, area: str) -> set[str]:
        return self._up(self.within, area)

    def is_top(self, concept: str) -> bool:
        return concept in self.tops or concept not in self.broader

    def group_matches(self, measure: Iterable[str], plan: Iterable[str]) -> list[tuple[str, str]]:
        pairs = []
        plan_groups = set(plan)
        for mine in measure:
            above = self.ancestors(mine)
            for theirs in plan_groups:
                same = mine == theirs
                plan_broader = theirs in above and not self.is_top(theirs)
                measure_broader = mine in self.ancestors(theirs) and not self.is_top(mine)
                if same or plan_broader or measure_broader:
                    pairs.append((mine, theirs))
        return pairs

    def area_matches(self, measure: Iterable[str], plan: Iterable[str]) -> list[tuple[str, str]]:
        pairs = []
        plan_areas = set(plan)
        for mine in measure:
            above = self.containers(mine)
            for theirs in plan_areas:
                if mine == theirs or theirs in above or mine in self.containers(theirs):
                    pairs.append((mine, theirs))
        return pairs


def _rank(candidates: list[PlanCandidate], limit: int | None) -> tuple[PlanCandidate, ...]:
    candidates.sort(key=lambda c: (-c.score, ref_key(c.plan)))
    return tuple(candidates if limit is None else candidates[:limit])


def candidate_plans(
    labeller: Labeller, measure: str, reference_date: date, limit: int | None = 3
) -> tuple[PlanCandidate, ...]:
    """The best-fitting plans for one ``measure`` (named query ``measure-plan-fit``), best first
    (at most ``limit``; ``None`` = all)."""
    result = run(
        labeller.store,
        "measure-plan-fit",
        labeller.lang,
        {"measure": measure, "date": reference_date.isoformat()},
    )
    labeller.prime(
        [str(r["plan"]) for r in result.rows]
        + [
            i
            for r in result.rows
            for c in ("targetGroups", "areas")
            for pair in match_list(r[c])
            for i in pair
        ]
        + [i for r in result.rows for i in iri_list(r["topics"])]
    )
    candidates = []
    for row in result.rows:
        groups = labeller.matches(match_list(row["targetGroups"]))
        topics = labeller.refs(iri_list(row["topics"]))
        areas = labeller.matches(match_list(row["areas"]))
        candidates.append(
            PlanCandidate(
                labeller.ref(str(row["plan"])), fit_score(groups, topics, areas), groups, topics, areas
            )
        )
    return _rank(candidates, limit)


def load_hierarchy(labeller: Labeller, kommunen: Sequence[str] = ()) -> Hierarchy:
    hierarchy = Hierarchy()
    for row in run(labeller.store, "concept-broader", labeller.lang).rows:
        concept, broader = str(row["concept"]), str(row["broader"])
        hierarchy.broader.setdefault(concept, set()).add(broader)
        if as_bool(row["broaderIsTop"]):
            hierarchy.tops.add(broader)
    for row in run(labeller.store, "area-within", labeller.lang, kommunen=kommunen).rows:
        hierarchy.within.setdefault(str(row["unit"]), set()).add(str(row["container"]))
    return hierarchy


def fit(
    labeller: Labeller,
    measure: Facts,
    plans: Iterable[Facts],
    hierarchy: Hierarchy,
    limit: int | None = 3,
) -> tuple[PlanCandidate, ...]:
    """Rank ``plans`` for ``measure`` by the rules above (only plans of the same municipality)."""
    found: list[tuple[Facts, list[tuple[str, str]], list[str], list[tuple[str, str]]]] = []
    for plan in plans:
        if plan.municipality != measure.municipality:
            continue
        groups = hierarchy.group_matches(measure.groups, plan.groups)
        topics = sorted(measure.topics & plan.topics)
        if not groups and not topics:
            continue
        found.append((plan, groups, topics, hierarchy.area_matches(measure.areas, plan.areas)))
    labeller.prime([i for plan, g, t, a in found for i in (plan.iri, *t, *(x for p in (*g, *a) for x in p))])
    candidates = []
    for plan, group_pairs, topic_iris, area_pairs in found:
        groups = labeller.matches(group_pairs)
        topics = labeller.refs(topic_iris)
        areas = labeller.matches(area_pairs)
        candidates.append(
            PlanCandidate(labeller.ref(plan.iri), fit_score(groups, topics, areas), groups, topics, areas)
        )
    return _rank(candidates, limit)


def plans_in_force(
    labeller: Labeller, reference_date: date, kommunen: Sequence[str] = ()
) -> dict[str, list[Facts]]:
    """Municipality IRI -> the facts of its plans in force (named query ``plans-in-force``)."""
    by_municipality: dict[str, list[Facts]] = {}
    result = run(
        labeller.store,
        "plans-in-force",
        labeller.lang,
        {"date": reference_date.isoformat()},
        kommunen=kommunen,
    )
    for row in result.rows:
        home = str(row.get("municipality") or "")
        by_municipality.setdefault(home, []).append(
            Facts(
                str(row["plan"]),
                frozenset(iri_list(row["targetGroups"])),
                frozenset(iri_list(row["topics"])),
                frozenset(iri_list(row["scopes"])),
                home,
            )
        )
    return by_municipality


def candidates_for(
    labeller: Labeller,
    measures: Iterable[Facts],
    reference_date: date,
    limit: int | None = 3,
    kommunen: Sequence[str] = (),
) -> dict[str, tuple[PlanCandidate, ...]]:
    """Measure IRI -> its best-fitting plans, for many measures with four queries in all (only the
    plans and areas of ``kommunen`` when given)."""
    measures = list(measures)
    if not measures:
        return {}
    plans = plans_in_force(labeller, reference_date, kommunen)
    hierarchy = load_hierarchy(labeller, kommunen)
    return {m.iri: fit(labeller, m, plans.get(m.municipality, []), hierarchy, limit) for m in measures}
