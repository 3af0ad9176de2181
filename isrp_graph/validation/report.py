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
from isrp_graph.validation.results import Finding, ResultsGraph, cloned_path, paused_gc

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
    """The report model for pyshacl's ``results_graph`` (or the native validator's
    :class:`.results.ResultsGraph`, read from its records). ``data`` (with the inferred triples) and
    ``shapes`` supply labels, field names and shape parameters."""
    lang = normalise_lang(lang)
    builder = _Builder(data, shapes, lang)
    with paused_gc():
        if isinstance(results_graph, ResultsGraph):
            paths = _cloned_paths(shapes)
            results = [builder.result(_Raw.of_finding(f), paths) for f in results_graph.findings]
        else:
            results = [
                builder.result(_Raw.of_node(results_graph, node), results_graph)
                for node in results_graph.objects(None, SH.result)
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


_SEVERITY_NAMES: dict[Node, Severity] = {SH.Warning: "Warning", SH.Info: "Info"}


def _severity(node: Node | None) -> Severity:
    return _SEVERITY_NAMES.get(node, "Violation") if node is not None else "Violation"


class _Raw:
    """The fields of one pyshacl result, from a report graph or a native :class:`.results.Finding`."""

    __slots__ = (
        "component",
        "constraint",
        "finding",
        "focus",
        "messages",
        "path",
        "severity",
        "shape",
        "value",
    )

    @classmethod
    def of_node(cls, report: Graph, node: Node) -> _Raw:
        raw = cls()
        raw.focus = report.value(node, SH.focusNode)  # type: ignore[arg-type]
        raw.path = report.value(node, SH.resultPath)  # type: ignore[arg-type]
        raw.shape = report.value(node, SH.sourceShape)  # type: ignore[arg-type]
        raw.component = report.value(node, SH.sourceConstraintComponent)  # type: ignore[arg-type]
        raw.value = report.value(node, SH.value)  # type: ignore[arg-type]
        raw.severity = report.value(node, SH.resultSeverity)  # type: ignore[arg-type]
        raw.constraint = report.value(node, SH.sourceConstraint)  # type: ignore[arg-type]
        raw.messages = tuple(report.objects(node, SH.resultMessage))  # type: ignore[arg-type]
        raw.finding = None
        return raw

    @classmethod
    def of_finding(cls, finding: Finding) -> _Raw:
        raw = cls()
        raw.focus, raw.path, raw.shape = finding.focus, finding.path, finding.shape
        raw.component, raw.value, raw.severity = finding.constraint_component, finding.value, finding.severity
        raw.constraint = finding.source_constraint
        raw.messages = None if finding.messages is None else tuple(finding.messages)
        raw.finding = finding
        return raw


class _ClonedPaths:
    """Blank-node paths as pyshacl copies them into the report graph, one small graph per path."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self.graphs: dict[Node, Graph] = {}

    def graph(self, path: Node) -> Graph:
        found = self.graphs.get(path)
        if found is None:
            found = self.graphs[path] = cloned_path(self.shapes, path)
        return found


def _cloned_paths(shapes: Graph) -> _ClonedPaths:
    return _ClonedPaths(shapes)


class _Builder:
    """Builds :class:`ValidationResult` s; what depends only on a node, a shape or a message set is
    computed once per report."""

    def __init__(self, data: Graph, shapes: Graph, lang: str) -> None:
        self.data, self.shapes, self.lang = data, shapes, lang
        self.labels: dict[Node, str] = {}
        self.types: dict[frozenset, URIRef | None] = {}
        self.foci: dict[Node, tuple] = {}
        self.fields: dict[tuple, tuple] = {}
        self.templates: dict[tuple, list[Literal]] = {}
        self.choices: dict[tuple, tuple[str | None, list[str]]] = {}
        self.catalogue: dict[tuple, str | None] = {}

    def label(self, node: Node) -> str:
        found = self.labels.get(node)
        if found is None:
            found = self.labels[node] = label(self.data, node, self.lang)
        return found

    def focus_facts(self, focus: Node) -> tuple:
        found = self.foci.get(focus)
        if found is None:
            data, lang = self.data, self.lang
            focus_type = most_specific_type(data, focus, self.types)
            type_label = self.label(focus_type) if focus_type is not None else ""
            entry = entry_of(data, focus)
            entry_label = self.label(entry) or t("validation.unnamed", lang)
            focus_label = self.label(focus)
            if not focus_label:  # a blank node: name it by its kind and its entry
                focus_label = t("validation.part_of", lang, part=type_label or "…", entry=entry_label)
            found = self.foci[focus] = (focus_label, focus_type, type_label, entry, entry_label)
        return found

    def field_facts(self, shape: Node, path: Node | None, paths: Graph | _ClonedPaths) -> tuple:
        key = (shape, path)
        found = self.fields.get(key)
        if found is None:
            field = shape_field_name(self.shapes, self.data, shape, path, self.lang)
            if isinstance(paths, _ClonedPaths):
                paths = paths.graph(path) if isinstance(path, BNode) else paths.shapes
            words = (
                ""
                if path is None or isinstance(path, URIRef)
                else path_label(paths, self.data, path, self.lang)
            )
            found = (field, words, path_text(paths, path), named_shape(self.shapes, shape))
            self.fields[key] = found
        return found

    def result(self, raw: _Raw, paths: Graph | _ClonedPaths) -> ValidationResult:
        focus, path, shape, component, value = raw.focus, raw.path, raw.shape, raw.component, raw.value
        assert focus is not None and shape is not None
        focus_label, focus_type, type_label, entry, entry_label = self.focus_facts(focus)
        field, words, text, node_shape = self.field_facts(shape, path, paths)
        return ValidationResult(
            focus=focus,
            focus_label=focus_label,
            focus_type=focus_type,
            focus_type_label=type_label,
            entry=entry,
            entry_label=entry_label,
            path=path if isinstance(path, URIRef) else None,
            path_label=field,
            severity=_severity(raw.severity),
            message=self.message(raw, field, type_label),
            source_shape=shape,
            node_shape=node_shape,
            constraint=component if isinstance(component, URIRef) else None,
            value=value,
            path_text=text,
            path_words=words,
        )

    def message(self, raw: _Raw, field: str, type_label: str) -> str:
        """sh:message in the wanted language, else in the other language, else an untagged sh:message
        of the shape, else the catalogue's text for the constraint component, else pyshacl's own
        (English) text."""
        templates = self._templates(raw.constraint, raw.shape)
        messages = raw.messages
        if messages is None and templates:  # pyshacl's generic message decides: make it now
            messages = tuple(raw.finding.all_messages())
        if messages is None:
            chosen, untagged = None, []
        else:
            key = (messages, raw.constraint, raw.shape)
            choice = self.choices.get(key)
            if choice is None:
                choice = self.choices[key] = _choice(messages, templates, self.lang)
            chosen, untagged = choice
        if chosen is not None:
            return chosen
        key = (raw.shape, raw.component, field, raw.value, type_label)
        if key in self.catalogue:
            catalogue = self.catalogue[key]
        else:
            catalogue = self.catalogue[key] = _catalogue_message(
                self.shapes, self.data, raw.shape, raw.component, field, raw.value, self.lang, type_label
            )
        if catalogue:
            return catalogue
        if raw.messages is None:  # pyshacl's generic messages are untagged: only the fallback
            generic = [m for m in raw.finding.all_messages() if isinstance(m, Literal)]
            untagged = sorted(str(m) for m in generic if not m.language)
        return untagged[0] if untagged else ""

    def _templates(self, constraint: Node | None, shape: Node) -> list[Literal]:
        key = (constraint, shape)
        found = self.templates.get(key)
        if found is None:
            found = self.templates[key] = [
                m
                for holder in (constraint, shape)
                if holder is not None
                for m in self.shapes.objects(holder, SH.message)  # type: ignore[arg-type]
                if isinstance(m, Literal)
            ]
        return found


def _choice(messages: tuple, templates: list[Literal], lang: str) -> tuple[str | None, list[str]]:
    """(the message to show, or None when the catalogue decides; the untagged messages, sorted)."""
    by_lang: dict[str | None, list[str]] = {}
    for message in messages:
        if not isinstance(message, Literal):
            continue
        language = message.language or _template_language(templates, str(message))
        by_lang.setdefault(language, []).append(str(message))
    for wanted in (lang, "de" if lang != "de" else "en"):
        if by_lang.get(wanted):
            return sorted(by_lang[wanted])[0], []
    tagged = sorted(m for language, texts in by_lang.items() if language for m in texts)
    if tagged:
        return tagged[0], []
    untagged = sorted(by_lang.get(None, []))
    if untagged and templates:
        return untagged[0], untagged
    return None, untagged


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
