"""The funding system — the seed's "Identifizierung Fördersystematik + Schnittstellen".

- ``funding-matrix``: each funding scheme × the plans that use it × the measures (and facilities) it funds;
- ``funding-coordination``: pairs of schemes that fund the same target group (SKOS hierarchy) in the same
  or a nested area — there the funders' conditions and the local offers need coordinating;
- ``measures-unfunded``: measures that no scheme funds, with whether a budget item at least exists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from isrp_graph.analyses.basis import Facts
from isrp_graph.analyses.common import (
    Labeller,
    Match,
    Ref,
    as_bool,
    iri_list,
    match_list,
    ref_key,
    run,
    value,
)
from isrp_graph.analyses.table import Table, joined
from isrp_graph.messages import normalise_lang, t
from isrp_graph.store.base import Store


@dataclass(frozen=True)
class FundingLink:
    """One row of the scheme × plan × measure table (a scheme without links has only ``scheme``)."""

    scheme: Ref
    plan: Ref | None = None
    measure: Ref | None = None
    facility: Ref | None = None


@dataclass(frozen=True)
class SchemeCoordination:
    scheme_a: Ref
    scheme_b: Ref
    target_groups: tuple[Match, ...]
    areas: tuple[Match, ...]
    funded_a: tuple[Ref, ...]
    funded_b: tuple[Ref, ...]


@dataclass(frozen=True)
class UnfundedMeasure:
    measure: Ref
    plan: Ref | None
    has_budget_item: bool


@dataclass(frozen=True)
class FundingReport:
    links: tuple[FundingLink, ...]
    coordination: tuple[SchemeCoordination, ...]
    unfunded_measures: tuple[UnfundedMeasure, ...]
    lang: str = "de"

    def tables(self) -> list[Table]:
        lang = self.lang

        def cols(*keys: str) -> tuple[str, ...]:
            return tuple(t(f"analysis.col.{k}", lang) for k in keys)

        def label(ref: Ref | None) -> str:
            return ref.label if ref else ""

        return [
            Table(
                name="funding-matrix",
                finding=False,
                title=t("analysis.funding.matrix.title", lang),
                description=t("analysis.funding.matrix.description", lang),
                columns=cols("scheme", "plan", "measure", "facility"),
                rows=tuple(
                    (link.scheme.label, label(link.plan), label(link.measure), label(link.facility))
                    for link in self.links
                ),
            ),
            Table(
                name="funding-coordination",
                title=t("analysis.funding.coordination.title", lang),
                description=t("analysis.funding.coordination.description", lang),
                columns=cols("scheme_a", "scheme_b", "target_groups", "areas", "funded_a", "funded_b"),
                rows=tuple(
                    (
                        c.scheme_a.label,
                        c.scheme_b.label,
                        joined(c.target_groups),
                        joined(c.areas),
                        joined(c.funded_a),
                        joined(c.funded_b),
                    )
                    for c in self.coordination
                ),
            ),
            Table(
                name="funding-unfunded",
                title=t("analysis.funding.unfunded.title", lang),
                description=t("analysis.funding.unfunded.description", lang),
                columns=cols("measure", "plan", "budget_item"),
                rows=tuple(
                    (m.measure.label, label(m.plan), t("cli.yes" if m.has_budget_item else "cli.no", lang))
                    for m in self.unfunded_measures
                ),
            ),
        ]


def funding_overview(
    store: Store, lang: str = "de", *, include_examples: bool = False, kommunen: Sequence[str] = ()
) -> FundingReport:
    """The three funding findings, sorted by label. Rows about an illustrative measure, plan or facility
    are left out unless ``include_examples``. ``kommunen`` (municipality IRIs): only their plans,
    measures and facilities (the shared Land/federal schemes appear for each; empty: all)."""
    lang = normalise_lang(lang)
    kommunen = tuple(kommunen)
    matrix = run(store, "funding-matrix", lang, kommunen=kommunen)
    coordination = run(store, "funding-coordination", lang, kommunen=kommunen)
    unfunded = run(store, "measures-unfunded", lang, kommunen=kommunen)
    if not include_examples:
        facts = Facts(
            store,
            [value(r[c]) or "" for r in matrix.rows for c in ("plan", "measure", "facility")]
            + [value(r[c]) or "" for r in unfunded.rows for c in ("measure", "plan")],
        )

        def real(row: Mapping[str, Any], *columns: str) -> bool:
            return not any(facts.illustrative(value(row.get(c)) or "") for c in columns)

        matrix_rows = [r for r in matrix.rows if real(r, "plan", "measure", "facility")]
        unfunded_rows = [r for r in unfunded.rows if real(r, "measure")]
    else:
        matrix_rows, unfunded_rows = list(matrix.rows), list(unfunded.rows)
    labeller = Labeller(store, lang)
    labeller.prime(
        [value(r[c]) or "" for r in matrix_rows for c in ("scheme", "plan", "measure", "facility")]
        + [str(r[c]) for r in coordination.rows for c in ("schemeA", "schemeB")]
        + [i for r in coordination.rows for c in ("fundedA", "fundedB") for i in iri_list(r[c])]
        + [
            i
            for r in coordination.rows
            for c in ("targetGroups", "areas")
            for p in match_list(r[c])
            for i in p
        ]
        + [value(r[c]) or "" for r in unfunded_rows for c in ("measure", "plan")]
    )
    links = {
        FundingLink(
            scheme=labeller.ref(str(r["scheme"])),
            plan=labeller.maybe(r["plan"]),
            measure=labeller.maybe(r["measure"]),
            facility=labeller.maybe(r["facility"]),
        )
        for r in matrix_rows
    }

    def optional_key(ref: Ref | None) -> tuple[int, tuple[str, str]]:
        return (0, ref_key(ref)) if ref else (1, ("", ""))

    ordered_links = sorted(
        links,
        key=lambda x: (
            ref_key(x.scheme),
            optional_key(x.plan),
            optional_key(x.measure),
            optional_key(x.facility),
        ),
    )
    pairs = [
        SchemeCoordination(
            scheme_a=labeller.ref(str(r["schemeA"])),
            scheme_b=labeller.ref(str(r["schemeB"])),
            target_groups=labeller.matches(match_list(r["targetGroups"])),
            areas=labeller.matches(match_list(r["areas"])),
            funded_a=labeller.refs(iri_list(r["fundedA"])),
            funded_b=labeller.refs(iri_list(r["fundedB"])),
        )
        for r in coordination.rows
    ]
    # by the schemes, then (one row per municipality for shared schemes) by what they fund, so the
    # order never depends on the order of the query's rows
    pairs.sort(
        key=lambda c: (
            ref_key(c.scheme_a),
            ref_key(c.scheme_b),
            [ref_key(r) for r in c.funded_a],
            [ref_key(r) for r in c.funded_b],
            [(ref_key(m.a), ref_key(m.b)) for m in c.areas],
        )
    )
    measures = [
        UnfundedMeasure(
            measure=labeller.ref(str(r["measure"])),
            plan=labeller.maybe(r["plan"]),
            has_budget_item=as_bool(r["hasBudgetItem"]),
        )
        for r in unfunded_rows
    ]
    measures.sort(key=lambda m: ref_key(m.measure))
    return FundingReport(
        links=tuple(ordered_links), coordination=tuple(pairs), unfunded_measures=tuple(measures), lang=lang
    )
