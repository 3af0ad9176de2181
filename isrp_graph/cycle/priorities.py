"""Ranked lists of priority sessions: per session the assessed needs in the order the body decided
(by rank where one was decided, then by total score), and the comparison of two sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from isrp_graph.analyses.common import Labeller, as_date, ref_key
from isrp_graph.cycle.facts import read_assessments, read_criteria, read_sessions
from isrp_graph.cycle.model import Priority, RankedNeed, SessionRanking
from isrp_graph.store.base import Store


def session_rankings(
    store: Store, lang: str = "de", *, include_examples: bool = False, kommunen: Sequence[str] = ()
) -> list[SessionRanking]:
    """Every priority session (of ``kommunen``' registries, or of all), oldest first, each with its
    ranked needs."""
    labeller = Labeller(store, lang)
    sessions, session_criteria = read_sessions(store, labeller, kommunen)
    criteria = read_criteria(store, labeller)
    assessed = read_assessments(store, labeller)
    rankings = []
    for iri, info in sessions.items():
        if info.illustrative and not include_examples:
            continue
        rows = []
        for need, (rank, scores) in assessed.get(iri, {}).items():
            total = sum(scores.values(), Decimal(0)) if scores else None
            rows.append((labeller.ref(need), rank, scores, total))
        rows.sort(key=lambda r: (r[1] is None, r[1] or 0, -(r[3] or Decimal(0)), ref_key(r[0])))
        needs = tuple(
            RankedNeed(need, rank, scores, total, position)
            for position, (need, rank, scores, total) in enumerate(rows, start=1)
        )
        used = session_criteria.get(iri, set()) | {c for _, _, s, _ in rows for c in s}
        rankings.append(
            SessionRanking(
                session=labeller.ref(iri),
                body=labeller.maybe(info.body or None),
                held_on=as_date(info.date),
                step=labeller.maybe(info.step or None),
                decision=labeller.maybe(info.decision or None),
                criteria=tuple(
                    sorted((criteria[c] for c in used if c in criteria), key=lambda c: ref_key(c.criterion))
                ),
                needs=needs,
                illustrative=info.illustrative,
            )
        )
    rankings.sort(key=lambda s: (s.held_on is None, s.held_on, ref_key(s.session)))
    return rankings


def latest_priorities(rankings: list[SessionRanking]) -> dict[str, Priority]:
    """Need IRI -> its place in the latest session that assessed it."""
    latest: dict[str, Priority] = {}
    for session in rankings:  # oldest first: later sessions overwrite
        for row in session.needs:
            latest[row.need.iri] = Priority(session.session, session.held_on, row.position, row.rank)
    return latest


@dataclass(frozen=True)
class ComparedNeed:
    need: str
    label: str
    first: int | None  # place in the first session
    second: int | None
    change: int | None  # positive = moved up


def compare_sessions(first: SessionRanking, second: SessionRanking) -> list[ComparedNeed]:
    """Each need of either session with its place in both; ordered by the place in ``second``."""
    a = {row.need.iri: row for row in first.needs}
    b = {row.need.iri: row for row in second.needs}
    labels = {row.need.iri: row.need.label for row in (*first.needs, *second.needs)}
    compared = []
    for need in labels:
        pa = a[need].position if need in a else None
        pb = b[need].position if need in b else None
        change = pa - pb if pa is not None and pb is not None else None
        compared.append(ComparedNeed(need, labels[need], pa, pb, change))
    compared.sort(key=lambda c: (c.second is None, c.second or 0, c.first or 0, c.label.casefold()))
    return compared
