"""Running pyshacl: the fast path (our precomputed closure, no pyshacl inference) and the reference
path (pyshacl's own RDFS inference), optionally limited to some focus nodes.

pyshacl's ``focus_nodes`` option drops every blank-node focus node (memberships, terms, role
associations are blank nodes here), so limiting to focus nodes is done one level lower: each top-level
shape computes its targets as usual and validates only those in the focus set.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any

from pyshacl import validate as pyshacl_validate
from pyshacl.graph_abstraction import DataGraph
from pyshacl.shapes_graph import ShapesGraph
from pyshacl.validator import Validator
from rdflib import Graph
from rdflib.term import Node

LOGGER = logging.getLogger("isrp_graph.validation")

OPTIONS: dict[str, Any] = {
    "advanced": True,
    "allow_warnings": True,
    "allow_infos": True,
}


class _FocusedShape:
    """A top-level shape that validates only the targets it shares with a given focus set."""

    def __init__(self, shape: Any, focus: Collection[Node]) -> None:
        self._shape = shape
        self._focus = focus

    def __getattr__(self, name: str) -> Any:
        return getattr(self._shape, name)

    def validate(self, executor: Any, target_graph: Any, focus: Any = None, **kwargs: Any) -> Any:
        if focus is None:
            targets = [node for node in self._shape.focus_nodes(target_graph) if node in self._focus]
            if not targets:
                return True, []
            focus = targets
        return self._shape.validate(executor, target_graph, focus=focus, **kwargs)


class _FocusedShapesGraph(ShapesGraph):
    focus: Collection[Node] = frozenset()

    @property
    def shapes(self):  # type: ignore[override]
        return [_FocusedShape(shape, self.focus) for shape in super().shapes]


def _validator(data: Graph, shapes: Graph, focus: Collection[Node] | None) -> Validator:
    options = {**OPTIONS, "inference": "none", "inplace": True, "logger": LOGGER}
    validator = Validator(DataGraph.from_rdflib(data), shacl_graph=shapes, options=options)
    if focus is not None:
        validator.shacl_graph.__class__ = _FocusedShapesGraph
        validator.shacl_graph.focus = frozenset(focus)  # type: ignore[attr-defined]
    return validator


def run_fast(data: Graph, shapes: Graph, focus: Collection[Node] | None = None) -> tuple[bool, Graph]:
    """Validate ``data`` (already holding the inferred triples; it may be modified by SHACL rules)
    against ``shapes`` without further inference. Returns (conforms, sh:ValidationReport graph)."""
    conforms, report, _text = _validator(data, shapes, focus).run()
    return bool(conforms), report


def run_reference(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """pyshacl exactly as documented, with its own RDFS inference: the yardstick for :func:`run_fast`."""
    conforms, report, _text = pyshacl_validate(
        data, shacl_graph=shapes, inference="rdfs", inplace=False, **OPTIONS
    )
    return bool(conforms), report
