"""The report model: what a validation found, independent of pyshacl and of any renderer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal as TypingLiteral

from rdflib import Graph, URIRef
from rdflib.term import Node

Severity = TypingLiteral["Violation", "Warning", "Info"]
SEVERITIES: tuple[Severity, ...] = ("Violation", "Warning", "Info")


@dataclass(frozen=True)
class ValidationResult:
    """One finding: a node breaks (or only nearly meets) one constraint of one shape.

    ``entry`` is the registry entry the finding belongs to: the focus node itself when it has an IRI,
    otherwise the IRI subject that holds the blank node (e.g. the plan whose ``isrp:term`` is wrong).
    ``path`` is the property IRI for simple property paths and ``None`` otherwise (node constraints,
    inverse or sequence paths); ``path_text`` is every SHACL path as SPARQL property-path text (the
    plain IRI for a simple path, ``^<…>`` for an inverse one, …) and ``path_words`` the same in labels;
    ``path_label`` names the field in any case. ``source_shape`` is the
    shape as pyshacl names it (often a blank-node property shape); ``node_shape`` is the named shape
    that holds it (the same IRI when the shape is named), stable across runs.
    """

    focus: Node
    focus_label: str
    focus_type: URIRef | None
    focus_type_label: str
    entry: Node
    entry_label: str
    path: URIRef | None
    path_label: str
    severity: Severity
    message: str
    source_shape: Node
    node_shape: Node
    constraint: URIRef | None = None
    value: Node | None = None
    path_text: str | None = None
    path_words: str = ""

    def key(self) -> tuple[Node, URIRef | None, Severity, Node]:
        """(focus, path, severity, shape): what makes two findings the same finding."""
        return (self.focus, self.path, self.severity, self.source_shape)


@dataclass(frozen=True)
class ValidationReport:
    """All findings of one run. ``conforms`` is the product's verdict: False only when there is a
    Violation (Warnings and Infos are reported but allowed). SHACL's own ``sh:conforms`` is
    ``shacl_conforms``: true only when there are no results at all."""

    conforms: bool
    results: tuple[ValidationResult, ...]
    generated_at: datetime
    lang: str = "de"
    focus_nodes: frozenset[Node] | None = None
    results_graph: Graph | None = field(default=None, compare=False, repr=False)

    @property
    def counts(self) -> dict[Severity, int]:
        """Number of findings per severity, always with all three keys."""
        found = Counter(r.severity for r in self.results)
        return {severity: found.get(severity, 0) for severity in SEVERITIES}

    @property
    def shacl_conforms(self) -> bool:
        """``sh:conforms`` as the SHACL spec defines it: no validation results (of those reported)."""
        return not self.results

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    def to_text(self) -> str:
        """German (or English) text, grouped by entry, then severity."""
        from isrp_graph.validation.render import render_text

        return render_text(self)

    def to_json(self) -> str:
        """JSON with stable keys (see ``render.JSON_RESULT_KEYS``)."""
        from isrp_graph.validation.render import render_json

        return render_json(self)

    def to_turtle(self) -> str:
        """The standard ``sh:ValidationReport`` graph as Turtle."""
        from isrp_graph.validation.render import render_turtle

        return render_turtle(self)

    def filtered(self, minimum: Severity) -> ValidationReport:
        """Only the findings at ``minimum`` severity or above (Violation > Warning > Info)."""
        allowed = SEVERITIES[: SEVERITIES.index(minimum) + 1]
        kept = tuple(r for r in self.results if r.severity in allowed)
        return ValidationReport(
            conforms=self.conforms,
            results=kept,
            generated_at=self.generated_at,
            lang=self.lang,
            focus_nodes=self.focus_nodes,
            results_graph=self.results_graph,
        )


@dataclass(frozen=True)
class CompletenessScore:
    """How many of the recommended (Warning-level) fields of the SectoralPlan shape a plan fills."""

    filled: int
    total: int
    share: float
    missing: list[str]
    label: str = ""
