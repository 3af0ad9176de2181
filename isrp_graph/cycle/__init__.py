"""The ISRP's working cycle: from need to priority to measure to impact.

Needs come from participation formats (where, when, for whom); priority sessions of a body score and
rank them; measures are derived from needs and assigned to a sectoral plan or handled separately;
implementation records, budget items, impact targets and evaluations say what became of them.
``measure_chain`` gives one measure's whole chain, ``impact_flow`` the chain of all needs and measures
(the "Vom Bedarf zur Wirkung" view), ``session_rankings`` the ranked list of each priority session.
Entries marked ``isrp:illustrative`` are left out unless ``include_examples`` is set."""

from isrp_graph.cycle.chain import measure_chain
from isrp_graph.cycle.flow import FlowFilters, impact_flow
from isrp_graph.cycle.model import (
    ImpactFlow,
    MeasureChain,
    MeasureFacts,
    NeedFacts,
    RankedNeed,
    SessionRanking,
    TargetProgress,
)
from isrp_graph.cycle.priorities import compare_sessions, session_rankings

__all__ = [
    "FlowFilters",
    "ImpactFlow",
    "MeasureChain",
    "MeasureFacts",
    "NeedFacts",
    "RankedNeed",
    "SessionRanking",
    "TargetProgress",
    "compare_sessions",
    "impact_flow",
    "measure_chain",
    "session_rankings",
]
