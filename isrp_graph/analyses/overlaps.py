"""Derived overlaps between plans, and which of them no declared interface or delimitation covers.

Three kinds, each a named query (rules for space and the SKOS hierarchy in queries/README.md):

(a) ``overlaps-target-topic``: a shared target group AND a shared topic, in a shared space;
(b) ``overlaps-funding``: a shared funding scheme for the same target group, in a shared space;
(c) ``overlaps-network``: a shared network.

Per plan pair the evidence of all kinds is merged. **Strength** (documented, simple to recompute by hand):

    2 per target group both name exactly        1 per target-group match via broader/narrower
    1 per shared topic                          2 per shared funding scheme      2 per shared network

(each target group, topic, scheme, network counted once per pair even if several kinds show it).
A pair that an ``isrp:Interface`` or ``isrp:Delimitation`` relates is *declared* (illustrative relations
do not count). A pair where one plan is part of the other (``dcterms:isPartOf``/``hasPart``: umbrella plan
and sub-plan) or replaces or revises it (``dcterms:isReplacedBy``/``replaces``, ``prov:wasRevisionOf``) is
*contained* ("enthalten"): not a missing interface. Pairs with an illustrative plan are examples.

**Evidence class** (``strong`` / ``medium`` / ``weak``), ranked before strength:

- strong: a specific target group (not ``isrp:generalPopulation``) and a topic, in a shared area below the
  whole municipality or a shared spatial system;
- medium: a specific target group and a topic city-wide only, or a shared funding scheme or network;
- weak: only general groups (Gesamtbevölkerung, Bewohnerschaft) in common.

A pair with a plan no longer in force at the reference date or only a draft is flagged and ranked after
the unflagged pairs of its class. The report lists the undeclared, not contained overlaps first — the
"nicht erklärten Schnittstellen" — then the contained and the declared ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from isrp_graph.analyses import texts as _texts  # noqa: F401  (registers the texts)
from isrp_graph.analyses.basis import EVIDENCED, EXAMPLE, NOT_RECORDED, WHOLE_CITY, Facts, basis_label
from isrp_graph.analyses.common import (
    Labeller,
    Match,
    Ref,
    iri_list,
    match_list,
    municipality_name,
    ref_key,
    run,
    sort_key,
)
from isrp_graph.analyses.table import Table, joined
from isrp_graph.messages import normalise_lang, t
from isrp_graph.store.base import Store

KIND_TARGET_TOPIC = "target-topic"
KIND_FUNDING = "funding"
KIND_NETWORK = "network"
KINDS = (KIND_TARGET_TOPIC, KIND_FUNDING, KIND_NETWORK)

WEIGHT_GROUP_EXACT = 2
WEIGHT_GROUP_HIERARCHY = 1
WEIGHT_TOPIC = 1
WEIGHT_SCHEME = 2
WEIGHT_NETWORK = 2

STRONG, MEDIUM, WEAK = "strong", "medium", "weak"
CLASSES = (STRONG, MEDIUM, WEAK)


def strength(
    target_groups: Iterable[Match],
    topics: Iterable[object],
    schemes: Iterable[object],
    networks: Iterable[object],
) -> int:
    """The documented strength score of an overlap."""
    groups = list(target_groups)
    exact = sum(1 for m in groups if m.exact)
    return (
        WEIGHT_GROUP_EXACT * exact
        + WEIGHT_GROUP_HIERARCHY * (len(groups) - exact)
        + WEIGHT_TOPIC * len(list(topics))
        + WEIGHT_SCHEME * len(list(schemes))
        + WEIGHT_NETWORK * len(list(networks))
    )


@dataclass(frozen=True)
class Overlap:
    """Two plans that meet, with the evidence and the declared relations that cover them."""

    plan_a: Ref
    plan_b: Ref
    kinds: tuple[str, ...]
    strength: int
    target_groups: tuple[Match, ...] = ()
    topics: tuple[Ref, ...] = ()
    spaces: tuple[Ref, ...] = ()
    schemes: tuple[Ref, ...] = ()
    networks: tuple[Ref, ...] = ()
    declared_by: tuple[Ref, ...] = ()
    evidence_class: str = MEDIUM
    flags: tuple[str, ...] = ()  # texts: "X nicht mehr wirksam", "Y nur Entwurf"
    contained_by: tuple[str, ...] = ()  # texts: "A ist Teil von B"
    example: bool = False
    municipality: str = ""  # IRI of the municipality both plans belong to (isrp:municipality)

    @property
    def declared(self) -> bool:
        return bool(self.declared_by)

    @property
    def contained(self) -> bool:
        return bool(self.contained_by)

    @property
    def basis(self) -> str:
        if self.example:
            return EXAMPLE
        return EVIDENCED if self.declared or self.contained else NOT_RECORDED

    @property
    def pair(self) -> tuple[str, str]:
        return (self.plan_a.iri, self.plan_b.iri)


@dataclass(frozen=True)
class OverlapReport:
    overlaps: tuple[Overlap, ...]
    lang: str = "de"
    reference_date: date | None = None
    examples: tuple[Overlap, ...] = ()
    include_examples: bool = False
    kommunen: tuple[str, ...] = ()  # the municipalities asked for (empty: all, each on its own)

    @property
    def undeclared(self) -> tuple[Overlap, ...]:
        """The "nicht erklärten Schnittstellen": neither declared nor contained, by class and strength."""
        return tuple(o for o in self.overlaps if not o.declared and not o.contained)

    @property
    def contained(self) -> tuple[Overlap, ...]:
        return tuple(o for o in self.overlaps if o.contained and not o.declared)

    def tables(self) -> list[Table]:
        lang = self.lang
        legend = (t("analysis.overlaps.classes.legend", lang), t("analysis.basis.legend", lang))
        undeclared = Table(
            name="overlaps-undeclared",
            title=t("analysis.overlaps.undeclared.title", lang),
            description=t("analysis.overlaps.undeclared.description2", lang),
            columns=_columns(lang, with_declared=False),
            rows=tuple(_row(o, rank, lang, with_declared=False) for rank, o in enumerate(self.undeclared, 1)),
            notes=legend,
        )
        contained = Table(
            name="overlaps-contained",
            finding=False,
            title=t("analysis.overlaps.contained.title", lang),
            description=t("analysis.overlaps.contained.description", lang),
            columns=(
                t("analysis.col.plan_a", lang),
                t("analysis.col.plan_b", lang),
                t("analysis.col.link", lang),
                t("analysis.col.strength", lang),
                t("analysis.col.target_groups", lang),
                t("analysis.col.topics", lang),
            ),
            rows=tuple(
                (
                    o.plan_a.label,
                    o.plan_b.label,
                    joined(o.contained_by),
                    str(o.strength),
                    joined(o.target_groups),
                    joined(o.topics),
                )
                for o in self.contained
            ),
        )
        every = Table(
            name="overlaps-all",
            finding=False,
            title=t("analysis.overlaps.all.title", lang),
            description=t("analysis.overlaps.all.description", lang),
            columns=_columns(lang, with_declared=True),
            rows=tuple(_row(o, rank, lang, with_declared=True) for rank, o in enumerate(self.overlaps, 1)),
            notes=legend,
        )
        examples = Table(
            name="overlaps-examples",
            finding=False,
            title=t("analysis.examples.title", lang),
            description=t("analysis.examples.description", lang),
            columns=(t("analysis.col.plan_a", lang), t("analysis.col.plan_b", lang)),
            rows=tuple((o.plan_a.label, o.plan_b.label) for o in self.examples),
        )
        return [undeclared, contained, every, examples]


def _columns(lang: str, *, with_declared: bool) -> tuple[str, ...]:
    keys = [
        "rank",
        "plan_a",
        "plan_b",
        "evidence_class",
        "flags",
        "strength",
        "kinds",
        "target_groups",
        "topics",
        "spaces",
        "schemes",
        "networks",
    ]
    if with_declared:
        keys += ["declared_by", "link"]
    keys.append("finding_basis")
    return tuple(t(f"analysis.col.{k}", lang) for k in keys)


def _row(overlap: Overlap, rank: int, lang: str, *, with_declared: bool) -> tuple[str, ...]:
    cells = [
        str(rank),
        overlap.plan_a.label,
        overlap.plan_b.label,
        t(f"analysis.overlaps.class.{overlap.evidence_class}", lang),
        joined(overlap.flags),
        str(overlap.strength),
        joined([t(f"analysis.overlaps.kind.{k}", lang) for k in overlap.kinds]),
        joined(overlap.target_groups),
        joined(overlap.topics),
        joined(overlap.spaces),
        joined(overlap.schemes),
        joined(overlap.networks),
    ]
    if with_declared:
        cells.append(joined(overlap.declared_by) or t("analysis.overlaps.not_declared", lang))
        cells.append(joined(overlap.contained_by))
    cells.append(basis_label(overlap.basis, lang))
    return tuple(cells)


@dataclass
class _Evidence:
    kinds: set[str] = field(default_factory=set)
    groups: dict[tuple[str, str], None] = field(default_factory=dict)
    topics: dict[str, None] = field(default_factory=dict)
    spaces: dict[str, None] = field(default_factory=dict)
    schemes: dict[str, None] = field(default_factory=dict)
    networks: dict[str, None] = field(default_factory=dict)


def declared_pairs(
    store: Store,
    lang: str,
    facts: Facts | None = None,
    *,
    include_examples: bool = False,
    kommunen: Sequence[str] = (),
) -> dict[tuple[str, str], list[str]]:
    """Plan pair (IRI order) -> the IRIs of the interfaces/delimitations that relate both plans
    (illustrative relations only with ``include_examples``; only relations of ``kommunen`` if given)."""
    rows = run(store, "plan-relations", lang, kommunen=kommunen).rows
    facts = facts if facts is not None else Facts(store)
    facts.add(str(row["relation"]) for row in rows)
    pairs: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if facts.illustrative(str(row["relation"])) and not include_examples:
            continue
        pair = (str(row["planA"]), str(row["planB"]))
        pairs.setdefault(pair, []).append(str(row["relation"]))
    return pairs


_LINKS = {
    "partOf": "partOf",
    "hasPart": "partOf",
    "replacedBy": "replacedBy",
    "replaces": "replacedBy",
    "revisionOf": "revisionOf",
}
_INVERSE = ("hasPart", "replaces")


def _containment(facts: Facts, a: str, b: str, labeller: Labeller, lang: str) -> tuple[str, ...]:
    """Texts for the part-of / edition links between two plans, e.g. "A ist Teil von B"."""
    found = []
    for x, y in ((a, b), (b, a)):
        for kind, targets in facts[x].links.items():
            if y not in targets or kind not in _LINKS:
                continue
            first, second = (y, x) if kind in _INVERSE else (x, y)
            text = t(
                f"analysis.overlaps.link.{_LINKS[kind]}",
                lang,
                a=labeller.ref(first).label,
                b=labeller.ref(second).label,
            )
            if text not in found:
                found.append(text)
    return tuple(found)


def evidence_class(
    groups: Iterable[Match],
    topics: Iterable[object],
    areas: Iterable[str],
    kinds: Iterable[str],
    general: set[str],
) -> str:
    """The documented evidence class (see the module docstring). ``areas``: the shared spaces below the
    whole municipality; ``general``: the general-population target groups."""
    specific = [m for m in groups if m.a.iri not in general and m.b.iri not in general]
    kinds = set(kinds)
    if specific and list(topics) and KIND_TARGET_TOPIC in kinds and list(areas):
        return STRONG
    if specific and (KIND_TARGET_TOPIC in kinds or KIND_FUNDING in kinds):
        return MEDIUM
    if KIND_NETWORK in kinds or KIND_FUNDING in kinds:
        return MEDIUM
    return WEAK


def find_overlaps(
    store: Store,
    lang: str = "de",
    reference_date: date | None = None,
    *,
    include_examples: bool = False,
    kommunen: Sequence[str] = (),
) -> OverlapReport:
    """All derived overlaps: undeclared and not contained first (by evidence class, flags, strength,
    labels), then contained, then declared ones. Pairs with an illustrative plan are listed apart (or kept
    and marked with ``include_examples``). Pairs are only formed inside one municipality
    (``isrp:municipality``); ``kommunen`` (IRIs) keeps those municipalities only (empty: all)."""
    lang = normalise_lang(lang)
    day = reference_date or date.today()
    kommunen = tuple(kommunen)
    evidence: dict[tuple[str, str], _Evidence] = {}
    home: dict[tuple[str, str], str] = {}

    def entry(row: dict) -> _Evidence:  # type: ignore[type-arg]
        pair = (str(row["planA"]), str(row["planB"]))
        home.setdefault(pair, str(row.get("municipality") or ""))
        return evidence.setdefault(pair, _Evidence())

    for row in run(store, "overlaps-target-topic", lang, kommunen=kommunen).rows:
        item = entry(row)
        item.kinds.add(KIND_TARGET_TOPIC)
        item.groups.update(dict.fromkeys(match_list(row["targetGroups"])))
        item.topics.update(dict.fromkeys(iri_list(row["topics"])))
        item.spaces.update(dict.fromkeys(iri_list(row["spaces"])))
    for row in run(store, "overlaps-funding", lang, kommunen=kommunen).rows:
        item = entry(row)
        item.kinds.add(KIND_FUNDING)
        item.schemes.update(dict.fromkeys(iri_list(row["schemes"])))
        item.groups.update(dict.fromkeys(match_list(row["targetGroups"])))
        item.spaces.update(dict.fromkeys(iri_list(row["spaces"])))
    for row in run(store, "overlaps-network", lang, kommunen=kommunen).rows:
        item = entry(row)
        item.kinds.add(KIND_NETWORK)
        item.networks.update(dict.fromkeys(iri_list(row["networks"])))

    plans = {iri for pair in evidence for iri in pair}
    groups_seen = {i for e in evidence.values() for pair in e.groups for i in pair}
    spaces_seen = {i for e in evidence.values() for i in e.spaces}
    facts = Facts(store, plans | groups_seen | spaces_seen)

    # a plan without scope meets the other plans of its municipality "city-wide": the space is the
    # municipality node itself, shown as "gesamtstädtisch (…)"
    citywide = {m for m in home.values() if m}

    def below_city(space: str) -> bool:
        return space not in citywide and facts[space].unit_type != WHOLE_CITY

    declared = declared_pairs(store, lang, facts, include_examples=include_examples, kommunen=kommunen)
    general = {g for g in groups_seen if facts[g].general_population}
    labeller = Labeller(store, lang)
    for municipality in citywide:
        labeller.name(
            municipality, t("analysis.citywide", lang, municipality=municipality_name(municipality))
        )
    labeller.prime(
        [*plans, *groups_seen]
        + [i for e in evidence.values() for i in (*e.topics, *e.spaces, *e.schemes, *e.networks)]
        + [i for relations in declared.values() for i in relations]
    )
    overlaps, examples = [], []
    for (a, b), item in evidence.items():
        groups = labeller.matches(item.groups)
        topics = labeller.refs(item.topics)
        schemes = labeller.refs(item.schemes)
        networks = labeller.refs(item.networks)
        flags = []
        for plan in (a, b):
            if facts[plan].expired_at(day):
                flags.append(t("analysis.overlaps.flag.expired", lang, plan=labeller.ref(plan).label))
            elif facts[plan].draft:
                flags.append(t("analysis.overlaps.flag.draft", lang, plan=labeller.ref(plan).label))
        example = facts.illustrative(a) or facts.illustrative(b)
        overlap = Overlap(
            plan_a=labeller.ref(a),
            plan_b=labeller.ref(b),
            kinds=tuple(k for k in KINDS if k in item.kinds),
            strength=strength(groups, topics, schemes, networks),
            target_groups=groups,
            topics=topics,
            spaces=labeller.refs(item.spaces),
            schemes=schemes,
            networks=networks,
            declared_by=labeller.refs(declared.get((a, b), [])),
            evidence_class=evidence_class(
                groups, topics, [x for x in item.spaces if below_city(x)], item.kinds, general
            ),
            flags=tuple(flags),
            contained_by=_containment(facts, a, b, labeller, lang),
            example=example,
            municipality=home.get((a, b), ""),
        )
        if example and not include_examples:
            examples.append(overlap)
        else:
            overlaps.append(overlap)
    overlaps.sort(key=_rank_key)
    examples.sort(key=_rank_key)
    return OverlapReport(
        overlaps=tuple(overlaps),
        lang=lang,
        reference_date=day,
        examples=tuple(examples),
        include_examples=include_examples,
        kommunen=kommunen,
    )


def _rank_key(overlap: Overlap) -> tuple[bool, bool, int, bool, int, tuple[str, str], tuple[str, str]]:
    return (
        overlap.declared,
        overlap.contained,
        CLASSES.index(overlap.evidence_class),
        bool(overlap.flags),
        -overlap.strength,
        ref_key(overlap.plan_a),
        ref_key(overlap.plan_b),
    )


__all__ = [
    "CLASSES",
    "KINDS",
    "Overlap",
    "OverlapReport",
    "declared_pairs",
    "evidence_class",
    "find_overlaps",
    "sort_key",
    "strength",
]
