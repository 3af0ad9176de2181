"""``isrp import``: read a workbook or CSV, compare it with the store, and — only when asked and only
when nothing is wrong — write the changed named graphs through the validated write path
(``isrp_graph.writes.apply_write``: SHACL first, then one atomic replacement, or nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from isrp_graph.messages import LocalizedError
from isrp_graph.namespaces import GRAPH
from isrp_graph.spreadsheets.diff import ImportPlan, compare
from isrp_graph.spreadsheets.read import read_file
from isrp_graph.spreadsheets.schema import load_schema
from isrp_graph.spreadsheets.snapshot import Snapshot
from isrp_graph.store.base import Store


class ImportNotApplied(LocalizedError, RuntimeError):
    """The import was asked to apply but cannot (errors in the file, or no validated write path)."""

    key = "sheet.not_applied"


@dataclass
class ImportResult:
    plan: ImportPlan
    applied: bool = False
    report: Any = None  # the validation report when the write was rejected
    rejected: tuple[Any, ...] = ()  # the Violations the changes would have added


def graph_iri(name: str | None) -> URIRef | None:
    """``--graph``: a full IRI, or a path below ``https://w3id.org/isrp/graph/`` (``import/plaene``)."""
    if not name:
        return None
    text = name.strip()
    return URIRef(text) if text.startswith(("http://", "https://")) else GRAPH[text.strip("/")]


def plan_import(
    store: Store,
    path: str | Path,
    *,
    lang: str = "de",
    graph: str | URIRef | None = None,
    sheet: str | None = None,
) -> tuple[Snapshot, ImportPlan]:
    """What importing ``path`` would change, and every bad cell. Changes nothing."""
    raw_sheets = read_file(path, sheet)
    snapshot = Snapshot.from_store(store)
    schema = load_schema(snapshot)
    target = graph if isinstance(graph, URIRef) else graph_iri(graph)
    return snapshot, compare(snapshot, schema, raw_sheets, lang=lang, target_graph=target)


def apply_plan(
    store: Store,
    snapshot: Snapshot,
    plan: ImportPlan,
    *,
    actor: str,
    lang: str = "de",
    source: str | None = None,
) -> None:
    """Write the plan's graphs via ``apply_write``; raises its ``WriteRejected`` when SHACL says no."""
    if not plan.ok:
        raise ImportNotApplied("sheet.not_applied_errors", count=len(plan.errors))
    if not plan.has_changes:
        return
    try:
        from isrp_graph.writes import apply_write
    except ImportError as exc:  # the validated write path is not installed in this build
        raise ImportNotApplied("sheet.not_applied_no_writes") from exc
    apply_write(store, plan.new_graphs(snapshot), actor, lang, source=source, kind="workbook")


def import_file(
    store: Store,
    path: str | Path,
    *,
    lang: str = "de",
    graph: str | URIRef | None = None,
    sheet: str | None = None,
    apply: bool = False,
    actor: str = "isrp import",
) -> ImportResult:
    """Plan the import of ``path``; with ``apply`` also write it (only when it has no errors)."""
    snapshot, plan = plan_import(store, path, lang=lang, graph=graph, sheet=sheet)
    result = ImportResult(plan)
    if apply and plan.ok and plan.has_changes:
        try:
            apply_plan(store, snapshot, plan, actor=actor, lang=lang, source=Path(path).name)
        except Exception as exc:
            if type(exc).__name__ != "WriteRejected":
                raise
            result.report = getattr(exc, "report", None)
            result.rejected = tuple(getattr(exc, "new_violations", ()))
            return result
        result.applied = True
    return result
