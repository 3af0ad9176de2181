"""Which plans fit an operational measure best — the seed's "Prüfung, ob es zu einer Fachplanung passt
oder separat bearbeitet werden müsste".

The named query ``measure-plan-fit`` returns, for one measure, every plan in force at the reference date
that shares a target group or a topic with it (areas only add to the score, they never make a candidate
alone). **Score**: 2 per target group both name exactly, 1 per target-group match via broader/narrower,
1 per shared topic, 1 per shared area (equal or nested scopes). Ties are broken by plan label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from isrp_graph.analyses.common import Labeller, Match, Ref, iri_list, match_list, ref_key, run

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


def _candidates(labeller: Labeller, rows: list) -> list[PlanCandidate]:  # type: ignore[type-arg]
    labeller.prime(
        [str(r["plan"]) for r in rows]
        + [i for r in rows for c in ("targetGroups", "areas") for pair in match_list(r[c]) for i in pair]
        + [i for r in rows for i in iri_list(r["topics"])]
    )
    candidates = []
    for row in rows:
        groups = labeller.matches(match_list(row["targetGroups"]))
        topics = labeller.refs(iri_list(row["topics"]))
        areas = labeller.matches(match_list(row["areas"]))
        candidates.append(
            PlanCandidate(
                plan=labeller.ref(str(row["plan"])),
                score=fit_score(groups, topics, areas),
                target_groups=groups,
                topics=topics,
                areas=areas,
            )
        )
    candidates.sort(key=lambda c: (-c.score, ref_key(c.plan)))
    return candidates


def candidate_plans(
    labeller: Labeller, measure: str, reference_date: date, limit: int | None = 3
) -> tuple[PlanCandidate, ...]:
    """The best-fitting plans for one ``measure``, best first (at most ``limit``; ``None`` = all)."""
    result = run(
        labeller.store,
        "measure-plan-fit",
        labeller.lang,
        {"measure": measure, "date": reference_date.isoformat()},
    )
    candidates = _candidates(labeller, result.rows)
    return tuple(candidates if limit is None else candidates[:limit])


def candidates_for_open_measures(
    labeller: Labeller, reference_date: date, limit: int | None = 3
) -> dict[str, tuple[PlanCandidate, ...]]:
    """Measure IRI -> its best-fitting plans, for every open operational measure in one query
    (``measures-unassigned-fit``; the same rules as ``measure-plan-fit``)."""
    result = run(
        labeller.store, "measures-unassigned-fit", labeller.lang, {"date": reference_date.isoformat()}
    )
    rows_by_measure: dict[str, list] = {}  # type: ignore[type-arg]
    for row in result.rows:
        rows_by_measure.setdefault(str(row["measure"]), []).append(row)
    ranked = {}
    for measure, rows in rows_by_measure.items():
        candidates = _candidates(labeller, rows)
        ranked[measure] = tuple(candidates if limit is None else candidates[:limit])
    return ranked
