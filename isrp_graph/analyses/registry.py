"""The analyses by name, with one options object: what the CLI, the report and the web app call."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Protocol

from isrp_graph.analyses.common import shared_lookups
from isrp_graph.analyses.funding import funding_overview
from isrp_graph.analyses.gaps import find_gaps
from isrp_graph.analyses.interfaces import interface_matrix, plan_interfaces
from isrp_graph.analyses.overlaps import OverlapReport, find_overlaps
from isrp_graph.analyses.spatial import DEFAULT_REFERENCE_SYSTEM, spatial_overview
from isrp_graph.analyses.table import Table
from isrp_graph.store.base import Store

ANALYSES = ("interfaces", "overlaps", "gaps", "funding", "spatial")


class Report(Protocol):
    lang: str

    def tables(self) -> list[Table]: ...


@dataclass(frozen=True)
class AnalysisOptions:
    """``reference_date`` (gaps and overlaps; default today), ``reference_system`` (spatial), ``plan``
    (interfaces: one plan's interfaces instead of the matrix), ``candidates`` (gaps: fitting plans per
    measure), ``include_examples`` (keep entries marked ``isrp:illustrative``, marked, instead of listing
    them apart; they never count by default), ``kommunen`` (the IRIs of the municipalities to analyse,
    linked by ``isrp:municipality``; empty: all of them, each compared only within itself)."""

    reference_date: date | None = None
    reference_system: str = DEFAULT_REFERENCE_SYSTEM
    plan: str | None = None
    candidates: int | None = 3
    include_examples: bool = False
    kommunen: tuple[str, ...] = ()


def run_analysis(
    store: Store,
    name: str,
    lang: str = "de",
    options: AnalysisOptions | None = None,
    *,
    overlaps: OverlapReport | None = None,
) -> Report:
    """One analysis by name (see ``ANALYSES``); ``overlaps`` reuses an overlap report already computed.
    Labels, entry facts and queries asked twice are fetched once (``common.shared_lookups``)."""
    with shared_lookups(store):
        return _run_analysis(store, name, lang, options or AnalysisOptions(), overlaps)


def _run_analysis(
    store: Store, name: str, lang: str, options: AnalysisOptions, overlaps: OverlapReport | None
) -> Report:
    if name == "interfaces":
        if options.plan:
            return plan_interfaces(store, options.plan, lang)
        return interface_matrix(
            store, lang, overlaps, include_examples=options.include_examples, kommunen=options.kommunen
        )
    if name == "overlaps":
        if overlaps is not None and overlaps.lang == lang and overlaps.kommunen == tuple(options.kommunen):
            return overlaps
        return _overlaps(store, lang, options)
    if name == "gaps":
        return find_gaps(
            store,
            options.reference_date,
            lang,
            candidates=options.candidates,
            include_examples=options.include_examples,
            kommunen=options.kommunen,
        )
    if name == "funding":
        return funding_overview(
            store, lang, include_examples=options.include_examples, kommunen=options.kommunen
        )
    if name == "spatial":
        return spatial_overview(store, options.reference_system, lang, kommunen=options.kommunen)
    raise ValueError(f"unknown analysis {name!r} (known: {', '.join(ANALYSES)})")


def _overlaps(store: Store, lang: str, options: AnalysisOptions) -> OverlapReport:
    return find_overlaps(
        store,
        lang,
        options.reference_date,
        include_examples=options.include_examples,
        kommunen=options.kommunen,
    )


def run_all(
    store: Store, lang: str = "de", options: AnalysisOptions | None = None, names: Iterable[str] = ANALYSES
) -> dict[str, Report]:
    """Every analysis, overlaps computed once (the interface matrix reuses them), labels and entry facts
    fetched once (``common.shared_lookups``)."""
    wanted = list(names)
    plain = dataclasses.replace(options or AnalysisOptions(), plan=None)
    with shared_lookups(store):  # labels and entry facts fetched once for all of them
        overlaps = _overlaps(store, lang, plain) if {"overlaps", "interfaces"} & set(wanted) else None
        return {name: run_analysis(store, name, lang, plain, overlaps=overlaps) for name in wanted}


def jsonable(value: Any) -> Any:
    """Findings as plain JSON data: dataclasses -> objects (``lang`` dropped), dates -> ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "lang"
        }
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value
