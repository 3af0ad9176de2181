"""Three views of one report: text for people (German headings, by entry, then severity), JSON with
stable keys for programs, and the standard ``sh:ValidationReport`` graph in Turtle for RDF tools.

``sh:conforms`` (Turtle) and ``conforms`` (JSON) are SHACL's: true only when the report holds no result.
The product's verdict "no Violation" (Warnings and Infos allowed) is its own field: ``isrp:noViolations``
on the report node, ``no_violations`` in JSON. Every SHACL path is named: ``path`` in JSON is the plain
IRI of a simple path and SPARQL property-path text for any other (``^<…#relatesPlan>``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from isrp_graph.messages import t
from isrp_graph.namespaces import ISRP, PREFIXES
from isrp_graph.validation import texts as _texts  # noqa: F401  (registers the message keys)
from isrp_graph.validation.model import (
    SEVERITIES,
    CompletenessScore,
    ValidationReport,
    ValidationResult,
)

JSON_RESULT_KEYS: tuple[str, ...] = (
    "entry",
    "entry_label",
    "focus",
    "focus_label",
    "focus_type",
    "focus_type_label",
    "path",
    "path_label",
    "severity",
    "message",
    "value",
    "source_shape",
    "node_shape",
    "constraint",
)


def term_text(node: Node | None) -> str | None:
    """A term as JSON text: IRIs as they are, blank nodes as ``_:id``, literals by their lexical form."""
    if node is None:
        return None
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


# --- text -----------------------------------------------------------------------------------------


def render_text(report: ValidationReport) -> str:
    lang = report.lang
    lines = [t("validation.title", lang), "=" * len(t("validation.title", lang))]
    lines.append(t("validation.generated", lang, when=report.generated_at.isoformat()))
    if report.focus_nodes is None:
        lines.append(t("validation.scope_all", lang))
    else:
        lines.append(t("validation.scope_focus", lang, n=len(report.focus_nodes)))
    lines.append(t("validation.conforms" if report.conforms else "validation.not_conforms", lang))
    lines.append(t("validation.counts", lang, **report.counts))
    if not report.results:
        lines += ["", t("validation.no_findings", lang)]
        return "\n".join(lines) + "\n"
    for entry, results in _by_entry(report.results):
        lines.append("")
        own_type = next((r.focus_type_label for r in results if r.focus == entry), "")
        heading = results[0].entry_label + (f" ({own_type})" if own_type else "")
        lines.append(f"■ {heading}")
        if isinstance(entry, URIRef):
            lines.append(f"  {entry}")
        for severity in SEVERITIES:
            group = [r for r in results if r.severity == severity]
            if not group:
                continue
            lines.append(f"  {t(f'validation.heading.{severity}', lang)}:")
            lines.extend(f"    - {_line(r)}" for r in group)
    return "\n".join(lines) + "\n"


def _by_entry(results: tuple[ValidationResult, ...]) -> list[tuple[Node, list[ValidationResult]]]:
    groups: dict[Node, list[ValidationResult]] = {}
    for result in results:
        groups.setdefault(result.entry, []).append(result)
    return list(groups.items())


def _line(result: ValidationResult) -> str:
    text = result.message
    field = result.path_label
    if result.path_words and result.path_words != field:
        field = f"{field} ({result.path_words})" if field else result.path_words
    if field and f"»{field}«" not in text and f"'{field}'" not in text:
        text = f"{field}: {text}"
    if result.focus != result.entry and result.focus_type_label:
        text = f"[{result.focus_type_label}] {text}"
    return text


# --- JSON -----------------------------------------------------------------------------------------


def result_dict(result: ValidationResult) -> dict[str, Any]:
    values: dict[str, Any] = {
        "entry": term_text(result.entry),
        "entry_label": result.entry_label,
        "focus": term_text(result.focus),
        "focus_label": result.focus_label,
        "focus_type": term_text(result.focus_type),
        "focus_type_label": result.focus_type_label,
        "path": result.path_text if result.path_text is not None else term_text(result.path),
        "path_label": result.path_label,
        "severity": result.severity,
        "message": result.message,
        "value": term_text(result.value),
        "source_shape": term_text(result.source_shape),
        "node_shape": term_text(result.node_shape),
        "constraint": term_text(result.constraint),
    }
    return {key: values[key] for key in JSON_RESULT_KEYS}


def report_dict(report: ValidationReport) -> dict[str, Any]:
    return {
        "conforms": report.shacl_conforms,
        "no_violations": report.conforms,
        "generated_at": report.generated_at.isoformat(),
        "lang": report.lang,
        "scope": "all" if report.focus_nodes is None else "focus",
        "counts": dict(report.counts),
        "results": [result_dict(r) for r in report.results],
    }


def completeness_dict(scores: Mapping[URIRef, CompletenessScore]) -> dict[str, Any]:
    return {
        str(plan): {
            "filled": s.filled,
            "total": s.total,
            "share": round(s.share, 4),
            "missing": list(s.missing),
        }
        for plan, s in scores.items()
    }


def render_json(
    report: ValidationReport, completeness: Mapping[URIRef, CompletenessScore] | None = None
) -> str:
    data = report_dict(report)
    if completeness is not None:
        data["completeness"] = completeness_dict(completeness)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- Turtle ---------------------------------------------------------------------------------------


def report_graph(report: ValidationReport) -> Graph:
    """pyshacl's ``sh:ValidationReport`` graph, limited to the severities still in ``report``."""
    source = report.results_graph
    graph = Graph(bind_namespaces="core")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    if source is None:
        node = BNode()
        graph.add((node, RDF.type, SH.ValidationReport))
        _verdicts(graph, node, report)
        return graph
    kept_severities = {SH[severity] for severity in {r.severity for r in report.results}}
    dropped: set[Node] = set()
    kept: set[Node] = set()
    for result in source.objects(None, SH.result):
        held = _held(source, result)
        if source.value(result, SH.resultSeverity) in kept_severities:  # type: ignore[arg-type]
            kept |= held
        else:
            dropped |= held
    skip = dropped - kept
    for s, p, o in source:
        if s in skip or o in skip or p == SH.conforms:
            continue
        graph.add((s, p, o))
    for node in set(source.subjects(RDF.type, SH.ValidationReport)):
        _verdicts(graph, node, report)
    return graph


def _verdicts(graph: Graph, node: Node, report: ValidationReport) -> None:
    """SHACL's sh:conforms (no results in this report) and the product's own "no Violation"."""
    graph.add((node, SH.conforms, Literal(not any(graph.objects(node, SH.result)))))  # type: ignore[arg-type]
    graph.add((node, ISRP.noViolations, Literal(report.conforms)))  # type: ignore[arg-type]


def _held(graph: Graph, node: Node) -> set[Node]:
    """``node`` and the blank nodes it holds (the parts of one sh:result)."""
    held = {node}
    frontier = [node]
    while frontier:
        for obj in graph.objects(frontier.pop(), None):  # type: ignore[arg-type]
            if isinstance(obj, BNode) and obj not in held:
                held.add(obj)
                frontier.append(obj)
    return held


def render_turtle(report: ValidationReport) -> str:
    return report_graph(report).serialize(format="turtle")


# --- completeness as text -------------------------------------------------------------------------


def render_completeness_text(scores: Mapping[URIRef, CompletenessScore], lang: str = "de") -> str:
    lines = [t("completeness.title", lang)]
    if not scores:
        return "\n".join([*lines, t("completeness.none", lang)]) + "\n"
    for plan, score in scores.items():
        percent = f"{score.share * 100:.0f}"
        line = t(
            "completeness.line",
            lang,
            label=score.label or str(plan),
            filled=score.filled,
            total=score.total,
            percent=percent,
        )
        if score.missing:
            line += " – " + t("completeness.missing", lang, fields=", ".join(score.missing))
        lines.append(f"  {line}")
    return "\n".join(lines) + "\n"
