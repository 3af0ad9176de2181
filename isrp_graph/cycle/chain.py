"""One measure's chain: the needs it was derived from, their priority, the decision (plan or separate,
with the fitting plans proposed for an open operational measure), state, budget, indicators against
target and evaluations."""

from __future__ import annotations

from datetime import date

from isrp_graph.analyses.common import Labeller, iri_list, match_list, run
from isrp_graph.analyses.plan_fit import PlanCandidate, fit_score
from isrp_graph.cycle.facts import read_measures, read_needs
from isrp_graph.cycle.model import MeasureChain
from isrp_graph.cycle.priorities import latest_priorities, session_rankings
from isrp_graph.store.base import Store

OPERATIONAL = "https://w3id.org/isrp/vocab/measure-type/operativ"


def measure_chain(
    store: Store, measure: str, lang: str = "de", *, reference_date: date | None = None
) -> MeasureChain | None:
    """The chain of ``measure`` (None when it is no measure)."""
    labeller = Labeller(store, lang)
    facts = read_measures(store, labeller, only=[measure]).get(measure)
    if facts is None:
        return None
    needs = read_needs(store, labeller, only=[n.iri for n in facts.needs])
    priorities = latest_priorities(session_rankings(store, lang, include_examples=True))
    fitting: tuple[PlanCandidate, ...] = ()
    if facts.decision == "open" and facts.kind is not None and facts.kind.iri == OPERATIONAL:
        fitting = fitting_plans(labeller, measure, reference_date or date.today())
    return MeasureChain(
        measure=facts,
        needs=tuple(needs[n.iri] for n in facts.needs if n.iri in needs),
        priorities={n.iri: priorities[n.iri] for n in facts.needs if n.iri in priorities},
        fitting_plans=fitting,
    )


def fitting_plans(
    labeller: Labeller, measure: str, reference_date: date, limit: int = 3
) -> tuple[PlanCandidate, ...]:
    """The plans the named query ``measure-plan-fit`` finds for one measure, ranked like the gaps
    analysis ranks them (score, then label), with the shared target groups, topics and areas."""
    result = run(
        labeller.store,
        "measure-plan-fit",
        labeller.lang,
        {"measure": measure, "date": reference_date.isoformat()},
    )
    candidates = []
    for row in result.rows:
        groups = labeller.matches(match_list(row.get("targetGroups")))
        topics = labeller.refs(iri_list(row.get("topics")))
        areas = labeller.matches(match_list(row.get("areas")))
        candidates.append(
            PlanCandidate(
                labeller.ref(str(row["plan"])), fit_score(groups, topics, areas), groups, topics, areas
            )
        )
    candidates.sort(key=lambda c: (-c.score, c.plan.label.casefold()))
    return tuple(candidates[:limit])
