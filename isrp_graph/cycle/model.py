"""What the working-cycle views show: plain dataclasses, filled by ``facts.py``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from isrp_graph.analyses.common import Ref


@dataclass(frozen=True)
class NeedFacts:
    need: Ref
    origin: Ref | None  # the format or process step in which it was identified
    identified_on: date | None
    areas: tuple[Ref, ...]
    target_groups: tuple[Ref, ...]
    topics: tuple[Ref, ...]
    illustrative: bool


@dataclass(frozen=True)
class StateRecord:
    state: Ref
    since: date | None


@dataclass(frozen=True)
class BudgetLine:
    item: Ref
    amount: Decimal | None
    year: str | None
    budget_line: str | None


@dataclass(frozen=True)
class Observation:
    value: Decimal
    on: date | None


@dataclass(frozen=True)
class TargetProgress:
    """An impact target with the observations measured for its measure, oldest first. ``share`` is how
    far the latest observation has come from baseline to target (1 = reached), when all three exist."""

    indicator: Ref
    baseline: Decimal | None
    baseline_date: date | None
    target: Decimal | None
    target_date: date | None
    observations: tuple[Observation, ...] = ()

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None

    @property
    def share(self) -> float | None:
        latest = self.latest
        if latest is None or self.baseline is None or self.target is None or self.target == self.baseline:
            return None
        return float((latest.value - self.baseline) / (self.target - self.baseline))


@dataclass(frozen=True)
class EvaluationFacts:
    evaluation: Ref
    achievement: Ref | None
    on: date | None
    basis: str | None


@dataclass(frozen=True)
class MeasureFacts:
    measure: Ref
    kind: Ref | None  # strategisch / operativ
    needs: tuple[Ref, ...]
    plan: Ref | None
    separately: bool
    reason: str | None
    office: Ref | None
    sessions: tuple[Ref, ...]
    states: tuple[StateRecord, ...]  # oldest first
    budget: tuple[BudgetLine, ...]
    targets: tuple[TargetProgress, ...]
    evaluations: tuple[EvaluationFacts, ...]  # oldest first
    illustrative: bool

    @property
    def state(self) -> StateRecord | None:
        return self.states[-1] if self.states else None

    @property
    def budget_total(self) -> Decimal | None:
        amounts = [b.amount for b in self.budget if b.amount is not None]
        return sum(amounts, Decimal(0)) if amounts else None

    @property
    def decision(self) -> str:
        """``plan`` (assigned), ``separate`` (handled separately) or ``open`` (not yet decided)."""
        return "plan" if self.plan else "separate" if self.separately else "open"


@dataclass(frozen=True)
class RankedNeed:
    need: Ref
    rank: int | None
    scores: dict[str, Decimal]  # criterion IRI -> score
    total: Decimal | None
    position: int  # place in the session's list: by rank, then by total score


@dataclass(frozen=True)
class Criterion:
    criterion: Ref
    minimum: Decimal | None
    maximum: Decimal | None


@dataclass(frozen=True)
class SessionRanking:
    session: Ref
    body: Ref | None
    held_on: date | None
    step: Ref | None
    decision: Ref | None
    criteria: tuple[Criterion, ...]
    needs: tuple[RankedNeed, ...]
    illustrative: bool


@dataclass(frozen=True)
class Priority:
    """The latest priority a need received: in which session, at which place."""

    session: Ref
    held_on: date | None
    position: int
    rank: int | None


@dataclass(frozen=True)
class MeasureChain:
    """need(s) → priority → decision → plan → state → indicators against target, for one measure."""

    measure: MeasureFacts
    needs: tuple[NeedFacts, ...]
    priorities: dict[str, Priority]  # need IRI -> latest priority
    fitting_plans: tuple = ()  # plan-fit candidates (isrp_graph.analyses.plan_fit) for open measures


@dataclass
class ImpactFlow:
    """All needs and measures and how they connect; ``links`` count the flow between stage values."""

    needs: list[NeedFacts] = field(default_factory=list)
    measures: list[MeasureFacts] = field(default_factory=list)
    priorities: dict[str, Priority] = field(default_factory=dict)
    needs_without_measure: list[NeedFacts] = field(default_factory=list)
    measures_without_need: list[MeasureFacts] = field(default_factory=list)
    examples: list[Ref] = field(default_factory=list)  # left out ("Beispiele, nicht gezählt")
    links: list[tuple[str, str, str, str, int]] = field(default_factory=list)  # stage, value, stage, value, n
