"""Validation of the registry against its SHACL shapes, and how complete each plan is.

Public API::

    validate(store, lang="de", focus_nodes=None) -> ValidationReport
    completeness(store, lang="de") -> dict[plan IRI, CompletenessScore]
    ValidationReport.to_text() / .to_json() / .to_turtle() / .filtered(minimum_severity)

pyshacl's constraint components decide every finding; :mod:`.native` drives them without pyshacl's
per-node overhead (shapes parsed once, property shapes validated for all focus nodes at once, data in
an indexed read-only graph, SPARQL on a pyoxigraph mirror, SPARQL constraints in bulk where that is
exact). The RDFS inference the shapes need is computed beforehand in Python (:mod:`.closure`), the
same triples as pyshacl's own ``inference="rdfs"``. The findings equal stock pyshacl + RDFS on every
fixture and on Erfurt (tests/validation/test_fast_path.py); :mod:`.partition` splits a full run by
municipality over several processes (``isrp validate --jobs N``, ``--kommune NAME``).

The names are imported on first use, so that importing a light submodule (e.g. the message texts for
``isrp --help``) does not load pyshacl.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS: dict[str, str] = {
    "SEVERITIES": "model",
    "CompletenessScore": "model",
    "Severity": "model",
    "ValidationReport": "model",
    "ValidationResult": "model",
    "completeness": "plan_completeness",
    "render_completeness_text": "render",
    "render_json": "render",
    "render_text": "render",
    "render_turtle": "render",
    "validate": "check",
    "validate_reference": "check",
    "validate_state": "check",
}

__all__ = [
    "SEVERITIES",
    "CompletenessScore",
    "Severity",
    "ValidationReport",
    "ValidationResult",
    "completeness",
    "render_completeness_text",
    "render_json",
    "render_text",
    "render_turtle",
    "validate",
    "validate_reference",
    "validate_state",
]

if TYPE_CHECKING:
    from isrp_graph.validation.check import validate, validate_reference, validate_state
    from isrp_graph.validation.model import (
        SEVERITIES,
        CompletenessScore,
        Severity,
        ValidationReport,
        ValidationResult,
    )
    from isrp_graph.validation.plan_completeness import completeness
    from isrp_graph.validation.render import (
        render_completeness_text,
        render_json,
        render_text,
        render_turtle,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'isrp_graph.validation' has no attribute {name!r}")
    return getattr(importlib.import_module(f"isrp_graph.validation.{module}"), name)
