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
from rdflib.namespace import SH
from rdflib.term import Node

from isrp_graph.validation.mirror import Mirror
from isrp_graph.validation.sparql import OxigraphQueriedGraph

LOGGER = logging.getLogger("isrp_graph.validation")


class _ParameterList(list):
    """pyshacl's list of SHACL constraint parameters with set-speed membership.

    ``pyshacl.shape.Shape.validate`` tests every predicate of a shape with ``p in <list of ~40 IRIs>``,
    each test a linear scan of Python-level ``URIRef.__eq__`` calls; on the Erfurt registry that is
    millions of comparisons and a third of the run time. pyshacl keeps the list in a module-level cache
    (``pyshacl.shape.CONSTRAINT_PARAMS``, filled on first use); we fill that cache with this list,
    which holds the same items in the same order and answers ``in`` from a set. Nothing else changes.
    """

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members

    def append(self, item: Any) -> None:
        super().append(item)
        self._members = self._members | {item}

    def copy(self) -> _ParameterList:  # type: ignore[override]
        return _ParameterList(self)


def _speed_up_parameter_lookup() -> None:
    import pyshacl.shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    cached = getattr(pyshacl.shape, "CONSTRAINT_PARAMS", None)
    if cached is None or not isinstance(cached[0], _ParameterList):
        pyshacl.shape.CONSTRAINT_PARAMS = (  # type: ignore[attr-defined]
            _ParameterList(ALL_CONSTRAINT_PARAMETERS),
            CONSTRAINT_PARAMETERS_MAP,
        )


_speed_up_parameter_lookup()

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


def _validator(
    data: Graph, shapes: Graph, focus: Collection[Node] | None, mirror: Mirror | None
) -> Validator:
    options = {**OPTIONS, "inference": "none", "inplace": True, "logger": LOGGER}
    # SHACL rules would add triples to ``data`` that the mirror does not see: then rdflib answers
    use_mirror = mirror is not None and (None, SH.rule, None) not in shapes
    graph = OxigraphQueriedGraph.wrap(data, mirror) if use_mirror else DataGraph.from_rdflib(data)
    validator = Validator(graph, shacl_graph=shapes, options=options)
    if focus is not None:
        validator.shacl_graph.__class__ = _FocusedShapesGraph
        validator.shacl_graph.focus = frozenset(focus)  # type: ignore[attr-defined]
    return validator


def run_fast(
    data: Graph,
    shapes: Graph,
    focus: Collection[Node] | None = None,
    mirror: Mirror | None = None,
) -> tuple[bool, Graph]:
    """Validate ``data`` (already holding the inferred triples; it may be modified by SHACL rules)
    against ``shapes`` without further inference; SPARQL goes to ``mirror`` (a pyoxigraph store with
    the same triples) when given. Returns (conforms, sh:ValidationReport graph)."""
    conforms, report, _text = _validator(data, shapes, focus, mirror).run()
    return bool(conforms), report


def run_reference(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """pyshacl exactly as documented, with its own RDFS inference: the yardstick for :func:`run_fast`."""
    conforms, report, _text = pyshacl_validate(
        data, shacl_graph=shapes, inference="rdfs", inplace=False, **OPTIONS
    )
    return bool(conforms), report
