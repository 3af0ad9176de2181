"""Derived overlaps between plans, and which of them no declared interface or delimitation covers.

Three kinds, each a named query (rules for space and the SKOS hierarchy in queries/README.md):

(a) ``overlaps-target-topic``: a shared target group AND a shared topic, in a shared space;
(b) ``overlaps-funding``: a shared funding scheme for the same target group, in a shared space;
(c) ``overlaps-network``: a shared network.

Per plan pair the evidence of all kinds is merged. **Strength** (documented, simple to recompute by hand):

    2 per target group both name exactly        1 per target-group match via broader/narrower
    1 per shared topic                          2 per shared funding scheme      2 per shared network

(each target group, topic, scheme, network counted once per pair even if several kinds show it).
A pair that an ``isrp:Interface`` or ``isrp:Delimitation`` relates is *declared*. The report lists the
undeclared overlaps first — the "nicht erklärten Schnittstellen" — by strength, then the declared ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from isrp_graph.analyses.common import Labeller, Match, Ref, iri_list, match_list, ref_key, run, sort_key
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

    @property
    def declared(self) -> bool:
        return bool(self.declared_by)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.plan_a.iri, self.plan_b.iri)


@dataclass(frozen=True)
class OverlapReport:
    overlaps: tuple[Overlap, ...]
    lang: str = "de"

    @property
    def undeclared(self) -> tuple[Overlap, ...]:
        """The "nicht erklärten Schnittstellen", strongest first."""
        return tuple(o for o in self.overlaps if not o.declared)

    def tables(self) -> list[Table]:
        lang = self.lang
        undeclared = Table(
            name="overlaps-undeclared",
            title=t("analysis.overlaps.undeclared.title", lang),
            description=t("analysis.overlaps.undeclared.description", lang),
            columns=_columns(lang, with_declared=False),
            rows=tuple(_row(o, rank, lang, with_declared=False) for rank, o in enumerate(self.undeclared, 1)),
        )
        every = Table(
            name="overlaps-all",
            finding=False,
            title=t("analysis.overlaps.all.title", lang),
            description=t("analysis.overlaps.all.description", lang),
            columns=_columns(lang, with_declared=True),
            rows=tuple(_row(o, rank, lang, with_declared=True) for rank, o in enumerate(self.overlaps, 1)),
        )
        return [undeclared, every]


def _columns(lang: str, *, with_declared: bool) -> tuple[str, ...]:
    keys = [
        "rank",
        "plan_a",
        "plan_b",
        "strength",
        "kinds",
        "target_groups",
        "topics",
        "spaces",
        "schemes",
        "networks",
    ]
    if with_declared:
        keys.append("declared_by")
    return tuple(t(f"analysis.col.{k}", lang) for k in keys)


def _row(overlap: Overlap, rank: int, lang: str, *, with_declared: bool) -> tuple[str, ...]:
    cells = [
        str(rank),
        overlap.plan_a.label,
        overlap.plan_b.label,
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
    return tuple(cells)


@dataclass
class _Evidence:
    kinds: set[str] = field(default_factory=set)
    groups: dict[tuple[str, str], None] = field(default_factory=dict)
    topics: dict[str, None] = field(default_factory=dict)
    spaces: dict[str, None] = field(default_factory=dict)
    schemes: dict[str, None] = field(default_factory=dict)
    networks: dict[str, None] = field(default_factory=dict)


def declared_pairs(store: Store, lang: str) -> dict[tuple[str, str], list[str]]:
    """Plan pair (IRI order) -> the IRIs of the interfaces/delimitations that relate both plans."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for row in run(store, "plan-relations", lang).rows:
        pair = (str(row["planA"]), str(row["planB"]))
        pairs.setdefault(pair, []).append(str(row["relation"]))
    return pairs


def find_overlaps(store: Store, lang: str = "de") -> OverlapReport:
    """All derived overlaps, undeclared first (by strength, then labels), then declared ones."""
    lang = normalise_lang(lang)
    evidence: dict[tuple[str, str], _Evidence] = {}

    def entry(row: dict) -> _Evidence:  # type: ignore[type-arg]
        return evidence.setdefault((str(row["planA"]), str(row["planB"])), _Evidence())

    for row in run(store, "overlaps-target-topic", lang).rows:
        item = entry(row)
        item.kinds.add(KIND_TARGET_TOPIC)
        item.groups.update(dict.fromkeys(match_list(row["targetGroups"])))
        item.topics.update(dict.fromkeys(iri_list(row["topics"])))
        item.spaces.update(dict.fromkeys(iri_list(row["spaces"])))
    for row in run(store, "overlaps-funding", lang).rows:
        item = entry(row)
        item.kinds.add(KIND_FUNDING)
        item.schemes.update(dict.fromkeys(iri_list(row["schemes"])))
        item.groups.update(dict.fromkeys(match_list(row["targetGroups"])))
        item.spaces.update(dict.fromkeys(iri_list(row["spaces"])))
    for row in run(store, "overlaps-network", lang).rows:
        item = entry(row)
        item.kinds.add(KIND_NETWORK)
        item.networks.update(dict.fromkeys(iri_list(row["networks"])))

    declared = declared_pairs(store, lang)
    labeller = Labeller(store, lang)
    labeller.prime(
        [iri for pair in evidence for iri in pair]
        + [i for e in evidence.values() for i in (*e.topics, *e.spaces, *e.schemes, *e.networks)]
        + [i for e in evidence.values() for pair in e.groups for i in pair]
        + [i for relations in declared.values() for i in relations]
    )
    overlaps = []
    for (a, b), item in evidence.items():
        groups = labeller.matches(item.groups)
        topics = labeller.refs(item.topics)
        schemes = labeller.refs(item.schemes)
        networks = labeller.refs(item.networks)
        overlaps.append(
            Overlap(
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
            )
        )
    overlaps.sort(key=_rank_key)
    return OverlapReport(overlaps=tuple(overlaps), lang=lang)


def _rank_key(overlap: Overlap) -> tuple[bool, int, tuple[str, str], tuple[str, str]]:
    return (overlap.declared, -overlap.strength, ref_key(overlap.plan_a), ref_key(overlap.plan_b))


__all__ = ["KINDS", "Overlap", "OverlapReport", "declared_pairs", "find_overlaps", "sort_key", "strength"]
