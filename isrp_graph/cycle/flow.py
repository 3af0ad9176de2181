"""The "Vom Bedarf zur Wirkung" view: every need by origin → prioritised or not → with or without a
measure → assigned to a plan, handled separately or open → the measure's latest implementation state.
``links`` count how many needs (or need–measure pairs) pass from one stage value to the next, which is
what a Sankey diagram draws; the same numbers are the table beside it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from isrp_graph.analyses.common import Labeller, ref_key
from isrp_graph.cycle import texts as _texts  # noqa: F401  (registers cycle.* messages)
from isrp_graph.cycle.facts import read_measures, read_needs
from isrp_graph.cycle.model import ImpactFlow, MeasureFacts, NeedFacts
from isrp_graph.cycle.priorities import latest_priorities, session_rankings
from isrp_graph.messages import t
from isrp_graph.store.base import Store

STAGES = ("origin", "priority", "measure", "decision", "state")


@dataclass(frozen=True)
class FlowFilters:
    """Keep needs in ``area``, for ``target_group``; keep measures of ``office`` (IRIs; None = all);
    keep only the entries of the municipalities ``kommunen`` (empty = all)."""

    area: str | None = None
    target_group: str | None = None
    office: str | None = None
    kommunen: tuple[str, ...] = ()

    def need_passes(self, need: NeedFacts) -> bool:
        if self.area and self.area not in {a.iri for a in need.areas}:
            return False
        return not (self.target_group and self.target_group not in {g.iri for g in need.target_groups})

    def measure_passes(self, measure: MeasureFacts) -> bool:
        return not self.office or (measure.office is not None and measure.office.iri == self.office)

    @property
    def on_needs(self) -> bool:
        return bool(self.area or self.target_group)


def impact_flow(
    store: Store, lang: str = "de", filters: FlowFilters | None = None, *, include_examples: bool = False
) -> ImpactFlow:
    filters = filters or FlowFilters()
    labeller = Labeller(store, lang)
    all_needs = read_needs(store, labeller, kommunen=filters.kommunen)
    all_measures = read_measures(store, labeller, kommunen=filters.kommunen)
    flow = ImpactFlow()
    for entry in (*all_needs.values(), *all_measures.values()):
        if entry.illustrative and not include_examples:
            flow.examples.append(entry.need if isinstance(entry, NeedFacts) else entry.measure)
    counted_needs = {i: n for i, n in all_needs.items() if include_examples or not n.illustrative}
    needs = {i: n for i, n in counted_needs.items() if filters.need_passes(n)}
    measures = {
        i: m
        for i, m in all_measures.items()
        if (include_examples or not m.illustrative) and filters.measure_passes(m)
    }
    if filters.on_needs:  # a measure belongs to the view when it addresses a need in the view
        measures = {i: m for i, m in measures.items() if any(n.iri in needs for n in m.needs)}
    flow.needs = sorted(needs.values(), key=lambda n: ref_key(n.need))
    flow.measures = sorted(measures.values(), key=lambda m: ref_key(m.measure))
    flow.priorities = {
        k: v
        for k, v in latest_priorities(
            session_rankings(store, lang, include_examples=include_examples, kommunen=filters.kommunen)
        ).items()
        if k in needs
    }
    by_need: dict[str, list[MeasureFacts]] = {i: [] for i in needs}
    for measure in flow.measures:
        linked = [n.iri for n in measure.needs if n.iri in counted_needs]
        for need in linked:
            if need in by_need:
                by_need[need].append(measure)
        if not linked:
            flow.measures_without_need.append(measure)
    flow.needs_without_measure = [n for n in flow.needs if not by_need[n.need.iri]]
    flow.links = _links(flow, by_need, lang)
    flow.examples.sort(key=ref_key)
    return flow


def stage_value(stage: str, key: str, lang: str) -> str:
    return t(f"cycle.{stage}.{key}", lang)


def _links(
    flow: ImpactFlow, by_need: dict[str, list[MeasureFacts]], lang: str
) -> list[tuple[str, str, str, str, int]]:
    counts: Counter[tuple[str, str, str, str]] = Counter()

    def decision_and_state(measure: MeasureFacts) -> tuple[str, str]:
        decision = stage_value("decision", measure.decision, lang)
        state = measure.state.state.label if measure.state else stage_value("state", "unknown", lang)
        return decision, state

    for need in flow.needs:
        origin = need.origin.label if need.origin else stage_value("origin", "unknown", lang)
        priority = stage_value("priority", "yes" if need.need.iri in flow.priorities else "no", lang)
        measures = by_need[need.need.iri]
        counts[("origin", origin, "priority", priority)] += 1
        counts[
            ("priority", priority, "measure", stage_value("measure", "yes" if measures else "no", lang))
        ] += 1
        for measure in measures:
            decision, state = decision_and_state(measure)
            counts[("measure", stage_value("measure", "yes", lang), "decision", decision)] += 1
            counts[("decision", decision, "state", state)] += 1
    for measure in flow.measures_without_need:
        decision, state = decision_and_state(measure)
        counts[("measure", stage_value("measure", "no_need", lang), "decision", decision)] += 1
        counts[("decision", decision, "state", state)] += 1
    order = {s: i for i, s in enumerate(STAGES)}
    return sorted(((*k, n) for k, n in counts.items()), key=lambda x: (order[x[0]], -x[4], x[1], x[3]))
