"""Reads needs, measures, priority sessions and what hangs off them from the store: a fixed number of
queries whatever the size of the registry, each linear in the entries it returns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib.term import Node

from isrp_graph.analyses.common import Labeller, as_bool, as_date, iri_of, ref_key
from isrp_graph.cycle.model import (
    BudgetLine,
    Criterion,
    EvaluationFacts,
    MeasureFacts,
    NeedFacts,
    Observation,
    StateRecord,
    TargetProgress,
)
from isrp_graph.scope import in_municipalities
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

PREFIXES = """
PREFIX isrp: <https://w3id.org/isrp/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

NEEDS = (
    PREFIXES
    + """
SELECT ?need ?origin ?date ?illustrative ?area ?group ?topic WHERE {
  ?need a isrp:Need .
  OPTIONAL { ?need prov:wasGeneratedBy ?origin }
  OPTIONAL { ?need dcterms:date ?date }
  OPTIONAL { ?need isrp:illustrative ?illustrative }
  OPTIONAL { ?need isrp:spatialScope ?area }
  OPTIONAL { ?need isrp:targetGroup ?group }
  OPTIONAL { ?need isrp:topic ?topic }
}"""
)

MEASURES = (
    PREFIXES
    + """
SELECT ?measure ?kind ?plan ?separately ?reason ?office ?illustrative ?need ?session WHERE {
  ?measure a isrp:Measure .
  OPTIONAL { ?measure isrp:measureType ?kind }
  OPTIONAL { ?measure isrp:assignedPlan ?plan }
  OPTIONAL { ?measure isrp:handledSeparately ?separately }
  OPTIONAL { ?measure isrp:assignmentReason ?reason }
  OPTIONAL { ?measure isrp:responsibleOrganization ?office }
  OPTIONAL { ?measure isrp:illustrative ?illustrative }
  OPTIONAL { ?measure isrp:addressesNeed ?need }
  OPTIONAL { ?measure isrp:derivedInSession ?session }
}"""
)

STATES = (
    PREFIXES
    + """
SELECT ?measure ?state ?date WHERE {
  ?measure a isrp:Measure ; isrp:implementationRecord ?record .
  ?record isrp:implementationState ?state .
  OPTIONAL { ?record dcterms:date ?date }
}"""
)

BUDGET = (
    PREFIXES
    + """
SELECT ?measure ?item ?amount ?year ?line WHERE {
  ?measure a isrp:Measure ; isrp:budgetItem ?item .
  OPTIONAL { ?item isrp:amount ?amount }
  OPTIONAL { ?item isrp:fiscalYear ?year }
  OPTIONAL { ?item isrp:budgetLine ?line }
}"""
)

TARGETS = (
    PREFIXES
    + """
SELECT ?measure ?target ?indicator ?baseline ?baselineDate ?targetValue ?targetDate WHERE {
  ?measure a isrp:Measure ; isrp:impactTarget ?target .
  ?target isrp:targetIndicator ?indicator .
  OPTIONAL { ?target isrp:baselineValue ?baseline }
  OPTIONAL { ?target isrp:baselineDate ?baselineDate }
  OPTIONAL { ?target isrp:targetValue ?targetValue }
  OPTIONAL { ?target isrp:targetDate ?targetDate }
}"""
)

OBSERVATIONS = (
    PREFIXES
    + """
SELECT ?measure ?indicator ?value ?date WHERE {
  ?observation isrp:observedFor ?measure ; isrp:indicator ?indicator ; isrp:value ?value .
  OPTIONAL { ?observation isrp:referenceDate ?date }
}"""
)

EVALUATIONS = (
    PREFIXES
    + """
SELECT ?evaluation ?measure ?achievement ?date ?basis WHERE {
  ?evaluation a isrp:Evaluation ; isrp:evaluatedMeasure ?measure .
  OPTIONAL { ?evaluation isrp:goalAchievement ?achievement }
  OPTIONAL { ?evaluation dcterms:date ?date }
  OPTIONAL { ?evaluation isrp:evaluationBasis ?basis FILTER(LANGMATCHES(LANG(?basis), "de")) }
}"""
)

SESSIONS = (
    PREFIXES
    + """
SELECT ?session ?body ?date ?step ?decision ?illustrative ?criterion WHERE {
  ?session a isrp:PrioritySession .
  OPTIONAL { ?session prov:wasAssociatedWith ?body }
  OPTIONAL { ?session dcterms:date ?date }
  OPTIONAL { ?session isrp:duringStep ?step }
  OPTIONAL { ?session isrp:decision ?decision }
  OPTIONAL { ?session isrp:illustrative ?illustrative }
  OPTIONAL { ?session isrp:usesCriterion ?criterion }
}"""
)

CRITERIA = (
    PREFIXES
    + """
SELECT ?criterion ?minimum ?maximum WHERE {
  ?criterion a isrp:PriorityCriterion .
  OPTIONAL { ?criterion isrp:scaleMinimum ?minimum }
  OPTIONAL { ?criterion isrp:scaleMaximum ?maximum }
}"""
)

ASSESSMENTS = (
    PREFIXES
    + """
SELECT ?session ?assessment ?need ?rank ?criterion ?score WHERE {
  ?session a isrp:PrioritySession ; isrp:assessment ?assessment .
  ?assessment isrp:assessedNeed ?need .
  OPTIONAL { ?assessment isrp:rank ?rank }
  OPTIONAL {
    ?assessment isrp:criterionScore ?scored .
    ?scored isrp:criterion ?criterion ; isrp:scoreValue ?score
  }
}"""
)


def decimal(node: Node | None) -> Decimal | None:
    if node is None:
        return None
    try:
        return Decimal(str(node))
    except InvalidOperation:
        return None


def _text(node: Node | None) -> str | None:
    return None if node is None or str(node) == "" else str(node)


@dataclass
class SessionRow:
    body: str = ""
    date: Node | None = None
    step: str = ""
    decision: str = ""
    illustrative: bool = False


def scoped(query: str, variable: str, only: Iterable[str] | None) -> str:
    """``query`` limited to the IRIs ``only`` (a VALUES block right after WHERE), or unchanged."""
    if only is None:
        return query
    values = " ".join(sparql_iri(i) for i in only) or "<urn:isrp:none>"
    return query.replace("WHERE {", f"WHERE {{\n  VALUES ?{variable} {{ {values} }}", 1)


def read_needs(
    store: Store, labeller: Labeller, only: Iterable[str] | None = None, kommunen: Iterable[str] = ()
) -> dict[str, NeedFacts]:
    rows = store.select(in_municipalities(scoped(NEEDS, "need", only), "need", kommunen)).rows
    labeller.prime(iri_of(r.get(k)) for r in rows for k in ("need", "origin", "area", "group", "topic"))
    collected: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    first: dict[str, dict] = {}
    for row in rows:
        need = iri_of(row.get("need"))
        first.setdefault(need, row)
        for key in ("area", "group", "topic"):
            if iri := iri_of(row.get(key)):
                collected[need][key].add(iri)
        if as_bool(row.get("illustrative")):
            collected[need]["illustrative"].add("1")
    facts = {}
    for need, row in first.items():
        sets = collected[need]
        facts[need] = NeedFacts(
            need=labeller.ref(need),
            origin=labeller.maybe(row.get("origin")),
            identified_on=as_date(row.get("date")),
            areas=labeller.refs(sets["area"]),
            target_groups=labeller.refs(sets["group"]),
            topics=labeller.refs(sets["topic"]),
            illustrative=bool(sets["illustrative"]),
        )
    return facts


def read_measures(
    store: Store, labeller: Labeller, only: Iterable[str] | None = None, kommunen: Iterable[str] = ()
) -> dict[str, MeasureFacts]:
    only = list(only) if only is not None else None
    rows = store.select(in_municipalities(scoped(MEASURES, "measure", only), "measure", kommunen)).rows
    keys = ("measure", "kind", "plan", "office", "need", "session")
    labeller.prime(iri_of(r.get(k)) for r in rows for k in keys)
    first: dict[str, dict] = {}
    needs: dict[str, set[str]] = defaultdict(set)
    sessions: dict[str, set[str]] = defaultdict(set)
    flags: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        measure = iri_of(row.get("measure"))
        first.setdefault(measure, row)
        if need := iri_of(row.get("need")):
            needs[measure].add(need)
        if session := iri_of(row.get("session")):
            sessions[measure].add(session)
        for flag in ("illustrative", "separately"):
            if as_bool(row.get(flag)):
                flags[measure].add(flag)
    states = _grouped(store.select(scoped(STATES, "measure", only)).rows, labeller, ("state",))
    budget = _grouped(store.select(scoped(BUDGET, "measure", only)).rows, labeller, ("item",))
    targets = _targets(store, labeller, only)
    evaluations = _grouped(
        store.select(scoped(EVALUATIONS, "measure", only)).rows, labeller, ("evaluation", "achievement")
    )
    facts = {}
    for measure, row in first.items():
        facts[measure] = MeasureFacts(
            measure=labeller.ref(measure),
            kind=labeller.maybe(row.get("kind")),
            needs=labeller.refs(needs[measure]),
            plan=labeller.maybe(row.get("plan")),
            separately="separately" in flags[measure],
            reason=_text(row.get("reason")),
            office=labeller.maybe(row.get("office")),
            sessions=labeller.refs(sessions[measure]),
            states=tuple(
                sorted(
                    (
                        StateRecord(labeller.ref(iri_of(r["state"])), as_date(r.get("date")))
                        for r in states[measure]
                    ),
                    key=lambda s: (s.since is None, s.since),
                )
            ),
            budget=tuple(
                sorted(
                    {
                        BudgetLine(
                            labeller.ref(iri_of(r["item"])),
                            decimal(r.get("amount")),
                            _text(r.get("year")),
                            _text(r.get("line")),
                        )
                        for r in budget[measure]
                    },
                    key=lambda b: (b.year or "", ref_key(b.item)),
                )
            ),
            targets=targets.get(measure, ()),
            evaluations=tuple(
                sorted(
                    {
                        EvaluationFacts(
                            labeller.ref(iri_of(r["evaluation"])),
                            labeller.maybe(r.get("achievement")),
                            as_date(r.get("date")),
                            _text(r.get("basis")),
                        )
                        for r in evaluations[measure]
                    },
                    key=lambda e: (e.on is None, e.on, e.evaluation.iri),
                )
            ),
            illustrative="illustrative" in flags[measure],
        )
    return facts


def _grouped(rows: Iterable[dict], labeller: Labeller, keys: tuple[str, ...]) -> dict[str, list[dict]]:
    rows = list(rows)
    labeller.prime(iri_of(r.get(k)) for r in rows for k in keys)
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[iri_of(row.get("measure"))].append(row)
    return grouped


def _targets(
    store: Store, labeller: Labeller, only: list[str] | None
) -> dict[str, tuple[TargetProgress, ...]]:
    observed: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for row in store.select(scoped(OBSERVATIONS, "measure", only)).rows:
        value = decimal(row.get("value"))
        if value is not None:
            observed[(iri_of(row.get("measure")), iri_of(row.get("indicator")))].append(
                Observation(value, as_date(row.get("date")))
            )
    rows = store.select(scoped(TARGETS, "measure", only)).rows
    labeller.prime(iri_of(r.get("indicator")) for r in rows)
    found: dict[str, dict[str, TargetProgress]] = defaultdict(dict)
    for row in rows:
        measure, indicator = iri_of(row.get("measure")), iri_of(row.get("indicator"))
        observations = sorted(observed.get((measure, indicator), []), key=lambda o: (o.on is None, o.on))
        found[measure][iri_of(row.get("target"))] = TargetProgress(
            indicator=labeller.ref(indicator),
            baseline=decimal(row.get("baseline")),
            baseline_date=as_date(row.get("baselineDate")),
            target=decimal(row.get("targetValue")),
            target_date=as_date(row.get("targetDate")),
            observations=tuple(observations),
        )
    return {m: tuple(sorted(t.values(), key=lambda p: ref_key(p.indicator))) for m, t in found.items()}


def read_sessions(
    store: Store, labeller: Labeller, kommunen: Iterable[str] = ()
) -> tuple[dict[str, SessionRow], dict[str, set[str]]]:
    rows = store.select(in_municipalities(SESSIONS, "session", kommunen)).rows
    labeller.prime(
        iri_of(r.get(k)) for r in rows for k in ("session", "body", "step", "decision", "criterion")
    )
    sessions: dict[str, SessionRow] = {}
    criteria: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        session = iri_of(row.get("session"))
        info = sessions.setdefault(session, SessionRow())
        info.body = info.body or iri_of(row.get("body"))
        info.date = info.date or row.get("date")
        info.step = info.step or iri_of(row.get("step"))
        info.decision = info.decision or iri_of(row.get("decision"))
        info.illustrative = info.illustrative or as_bool(row.get("illustrative"))
        if criterion := iri_of(row.get("criterion")):
            criteria[session].add(criterion)
    return sessions, criteria


def read_criteria(store: Store, labeller: Labeller) -> dict[str, Criterion]:
    rows = store.select(CRITERIA).rows
    labeller.prime(iri_of(r.get("criterion")) for r in rows)
    return {
        iri_of(r.get("criterion")): Criterion(
            labeller.ref(iri_of(r.get("criterion"))), decimal(r.get("minimum")), decimal(r.get("maximum"))
        )
        for r in rows
    }


def read_assessments(
    store: Store, labeller: Labeller
) -> dict[str, dict[str, tuple[int | None, dict[str, Decimal]]]]:
    """session -> need -> (rank, {criterion: score})."""
    rows = store.select(ASSESSMENTS).rows
    labeller.prime(iri_of(r.get(k)) for r in rows for k in ("need", "criterion"))
    found: dict[str, dict[str, tuple[int | None, dict[str, Decimal]]]] = defaultdict(dict)
    for row in rows:
        session, need = iri_of(row.get("session")), iri_of(row.get("need"))
        rank_node = row.get("rank")
        rank = int(str(rank_node)) if rank_node is not None and str(rank_node).lstrip("-").isdigit() else None
        current_rank, scores = found[session].get(need, (None, {}))
        if (criterion := iri_of(row.get("criterion"))) and (score := decimal(row.get("score"))) is not None:
            scores[criterion] = score
        found[session][need] = (current_rank if current_rank is not None else rank, scores)
    return found
