"""From pyshacl's sh:ValidationReport graph to the report model: labels, field names and a message in
the wanted language for every result."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, datetime

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from isrp_graph.messages import normalise_lang, t
from isrp_graph.validation import texts as _texts  # noqa: F401  (registers the message keys)
from isrp_graph.validation.labels import (
    entry_of,
    label,
    local_name,
    most_specific_type,
    path_label,
    shape_field_name,
)
from isrp_graph.validation.model import SEVERITIES, Severity, ValidationReport, ValidationResult
from isrp_graph.validation.paths import path_text

# constraint component -> (message key, shape parameter that gives {n} or {expected})
_COMPONENTS: dict[str, tuple[str, URIRef | None]] = {
    "MinCountConstraintComponent": ("MinCount", SH.minCount),
    "MaxCountConstraintComponent": ("MaxCount", SH.maxCount),
    "QualifiedMinCountConstraintComponent": ("QualifiedMinCount", SH.qualifiedMinCount),
    "QualifiedMaxCountConstraintComponent": ("QualifiedMaxCount", SH.qualifiedMaxCount),
    "ClassConstraintComponent": ("Class", SH["class"]),
    "DatatypeConstraintComponent": ("Datatype", SH.datatype),
    "NodeKindConstraintComponent": ("NodeKind", SH.nodeKind),
    "InConstraintComponent": ("In", None),
    "HasValueConstraintComponent": ("HasValue", SH.hasValue),
    "PatternConstraintComponent": ("Pattern", SH.pattern),
    "MinLengthConstraintComponent": ("MinLength", SH.minLength),
    "MaxLengthConstraintComponent": ("MaxLength", SH.maxLength),
    "MinInclusiveConstraintComponent": ("Range", None),
    "MaxInclusiveConstraintComponent": ("Range", None),
    "MinExclusiveConstraintComponent": ("Range", None),
    "MaxExclusiveConstraintComponent": ("Range", None),
    "LanguageInConstraintComponent": ("LanguageIn", SH.languageIn),
    "UniqueLangConstraintComponent": ("UniqueLang", None),
    "NodeConstraintComponent": ("Node", SH.node),
    "ClosedConstraintComponent": ("Closed", None),
    "EqualsConstraintComponent": ("Pair", None),
    "DisjointConstraintComponent": ("Pair", None),
    "LessThanConstraintComponent": ("Pair", None),
    "LessThanOrEqualsConstraintComponent": ("Pair", None),
    "NotConstraintComponent": ("Logic", None),
    "AndConstraintComponent": ("Logic", None),
    "OrConstraintComponent": ("Logic", None),
    "XoneConstraintComponent": ("Logic", None),
}


def build_report(
    results_graph: Graph,
    data: Graph,
    shapes: Graph,
    lang: str = "de",
    focus_nodes: Collection[Node] | None = None,
) -> ValidationReport:
    """The report model for pyshacl's ``results_graph``. ``data`` (with the inferred triples) and
    ``shapes`` supply labels, field names and shape parameters."""
    lang = normalise_lang(lang)
    results = [
        _result(results_graph, node, data, shapes, lang) for node in results_graph.objects(None, SH.result)
    ]
    results.sort(key=_sort_key)
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(
        conforms=conforms,
        results=tuple(results),
        generated_at=datetime.now(UTC).replace(microsecond=0),
        lang=lang,
        focus_nodes=frozenset(focus_nodes) if focus_nodes is not None else None,
        results_graph=results_graph,
    )


def _sort_key(r: ValidationResult) -> tuple:
    return (
        r.entry_label.casefold(),
        str(r.entry),
        SEVERITIES.index(r.severity),
        r.path_label.casefold(),
        str(r.source_shape),
        str(r.value),
    )


def named_shape(shapes: Graph, shape: Node) -> Node:
    """The named shape that holds ``shape`` through ``sh:property`` / ``sh:sparql`` (itself if named
    and not held by a named node shape)."""
    seen: set[Node] = set()
    current = shape
    while current not in seen:
        seen.add(current)
        holders = sorted(
            s
            for prop in (SH.property, SH.sparql)
            for s in shapes.subjects(prop, current)  # type: ignore[arg-type]
        )
        if not holders:
            return current
        named = [h for h in holders if isinstance(h, URIRef)]
        current = named[0] if named else holders[0]
    return current


def _severity(node: Node | None) -> Severity:
    if node == SH.Warning:
        return "Warning"
    if node == SH.Info:
        return "Info"
    return "Violation"


def _result(report: Graph, node: Node, data: Graph, shapes: Graph, lang: str) -> ValidationResult:
    focus = report.value(node, SH.focusNode)  # type: ignore[arg-type]
    path = report.value(node, SH.resultPath)  # type: ignore[arg-type]
    shape = report.value(node, SH.sourceShape)  # type: ignore[arg-type]
    component = report.value(node, SH.sourceConstraintComponent)  # type: ignore[arg-type]
    value = report.value(node, SH.value)  # type: ignore[arg-type]
    severity = _severity(report.value(node, SH.resultSeverity))  # type: ignore[arg-type]
    assert focus is not None and shape is not None

    focus_type = most_specific_type(data, focus)
    type_label = label(data, focus_type, lang) if focus_type is not None else ""
    entry = entry_of(data, focus)
    entry_label = label(data, entry, lang) or t("validation.unnamed", lang)
    focus_label = label(data, focus, lang)
    if not focus_label:  # a blank node: name it by its kind and its entry
        focus_label = t("validation.part_of", lang, part=type_label or "…", entry=entry_label)
    field = shape_field_name(shapes, data, shape, path, lang)
    words = "" if path is None or isinstance(path, URIRef) else path_label(report, data, path, lang)
    message = _message(report, node, shapes, data, shape, component, field, value, lang, type_label)
    return ValidationResult(
        focus=focus,
        focus_label=focus_label,
        focus_type=focus_type,
        focus_type_label=type_label,
        entry=entry,
        entry_label=entry_label,
        path=path if isinstance(path, URIRef) else None,
        path_label=field,
        severity=severity,
        message=message,
        source_shape=shape,
        node_shape=named_shape(shapes, shape),
        constraint=component if isinstance(component, URIRef) else None,
        value=value,
        path_text=path_text(report, path),
        path_words=words,
    )


def _message(
    report: Graph,
    node: Node,
    shapes: Graph,
    data: Graph,
    shape: Node,
    component: Node | None,
    field: str,
    value: Node | None,
    lang: str,
    type_label: str,
) -> str:
    """sh:message in ``lang``, else in the other language, else an untagged sh:message of the shape,
    else the catalogue's text for the constraint component, else pyshacl's own (English) text."""
    messages = [m for m in report.objects(node, SH.resultMessage) if isinstance(m, Literal)]  # type: ignore[arg-type]
    constraint = report.value(node, SH.sourceConstraint)  # type: ignore[arg-type]
    templates = [
        m
        for holder in (constraint, shape)
        if holder is not None
        for m in shapes.objects(holder, SH.message)  # type: ignore[arg-type]
        if isinstance(m, Literal)
    ]
    by_lang: dict[str | None, list[str]] = {}
    for message in messages:
        language = message.language or _template_language(templates, str(message))
        by_lang.setdefault(language, []).append(str(message))
    for wanted in (lang, "de" if lang != "de" else "en"):
        if by_lang.get(wanted):
            return sorted(by_lang[wanted])[0]
    tagged = sorted(m for language, texts in by_lang.items() if language for m in texts)
    if tagged:
        return tagged[0]
    untagged = sorted(by_lang.get(None, []))
    if untagged and templates:
        return untagged[0]
    catalogue = _catalogue_message(shapes, data, shape, component, field, value, lang, type_label)
    if catalogue:
        return catalogue
    return untagged[0] if untagged else ""


_PLACEHOLDER = re.compile(r"\{[?$][A-Za-z_][A-Za-z0-9_]*\}")


def _template_language(templates: list[Literal], text: str) -> str | None:
    """The language of the sh:message template that ``text`` was made from (pyshacl fills in
    ``{?var}`` / ``{$this}`` and drops the language tag of SPARQL-constraint messages)."""
    for template in templates:
        if not template.language:
            continue
        parts = _PLACEHOLDER.split(str(template))
        pattern = ".*?".join(re.escape(part) for part in parts)
        if re.fullmatch(pattern, text, flags=re.DOTALL):
            return template.language
    return None


def _catalogue_message(
    shapes: Graph,
    data: Graph,
    shape: Node,
    component: Node | None,
    field: str,
    value: Node | None,
    lang: str,
    type_label: str,
) -> str | None:
    if not isinstance(component, URIRef) or not str(component).startswith(str(SH)):
        return None
    known = _COMPONENTS.get(str(component)[len(str(SH)) :])
    if known is None:
        return None
    key, parameter = known
    expected = ""
    if parameter is not None:
        parameter_value = shapes.value(shape, parameter)  # type: ignore[arg-type]
        if parameter_value is not None:
            expected = _term_text(shapes, data, parameter_value, lang)
    if key == "MinCount" and expected == "1":
        key = "MinCount1"
    return t(
        f"validation.c.{key}",
        lang,
        field=field or type_label or t("validation.whole_entry", lang),
        n=expected,
        expected=expected or local_name(component),
        value=_term_text(shapes, data, value, lang) if value is not None else "",
    )


def _term_text(shapes: Graph, data: Graph, term: Node, lang: str) -> str:
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, BNode) and (term, None, None) in shapes:
        items = list(shapes.items(term))
        if items:
            return ", ".join(_term_text(shapes, data, i, lang) for i in items)
    return label(data, term, lang) or label(shapes, term, lang) or str(term)
