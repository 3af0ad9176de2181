"""pyshacl's validation semantics with the per-node overhead taken out.

pyshacl validates a property shape once per focus node: for each of them it parses the shape's
parameters from the shapes graph again, builds every constraint component anew, writes a text
description of each result (thrown away here) and reads the data through rdflib's generator layers.
On the Erfurt registry that is ~24,000 shape evaluations per run. This module keeps pyshacl's own
code for everything that decides a finding (targets, value nodes, every constraint component's
``evaluate``, the messages) and changes only how it is driven:

- the :class:`pyshacl.shapes_graph.ShapesGraph` and each shape's constraint components are built once
  per shapes graph and reused (:func:`shapes_for`);
- a node shape hands all its focus nodes to each of its property shapes at once, instead of one call
  per focus node (reports are per focus node either way, and conformance is their disjunction);
- results carry no text description (pyshacl builds one for its ``results_text``, unused here);
- the data graph is an :class:`.index.IndexedGraph` (dictionaries), its SPARQL answered by the mirror.

The equivalence tests (tests/validation/test_fast_path.py) compare every field of every finding with
stock pyshacl + RDFS on every fixture and on Erfurt. Shapes graphs using features this driver does
not drive the same way (SHACL rules, functions, custom constraint components, JavaScript, target
types) are validated by the plain pyshacl run (:func:`supports` is False for them).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection, Iterable
from typing import Any

from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent
from pyshacl.consts import SH_Info, SH_Warning
from pyshacl.pytypes import SHACLExecutor
from pyshacl.shape import Shape
from pyshacl.shapes_graph import ShapesGraph
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from isrp_graph.validation import engine as _engine  # noqa: F401  (the faster parameter lookup)
from isrp_graph.validation.results import Finding, ResultsGraph, paused_gc

_SH = str(SH)
_UNSUPPORTED_NAMES = (
    "ConstraintComponent SPARQLFunction Function SPARQLTargetType TargetType JSTarget "
    "JSTargetType JSFunction JSConstraint JSRule SPARQLRule TripleRule"
)
_UNSUPPORTED_TYPES = frozenset(URIRef(_SH + name) for name in _UNSUPPORTED_NAMES.split(" "))
_UNSUPPORTED_PREDICATES = tuple(URIRef(_SH + name) for name in ("rule", "js", "jsFunctionName", "expression"))


def supports(shapes: Graph) -> bool:
    """True when the native driver validates ``shapes`` exactly as pyshacl does."""
    if any((None, p, None) in shapes for p in _UNSUPPORTED_PREDICATES):
        return False
    return not any((None, RDF.type, t) in shapes for t in _UNSUPPORTED_TYPES)


class _Prepared:
    """pyshacl's shapes with their constraint components, built once per shapes graph."""

    def __init__(self, shapes: Graph) -> None:
        self.sg = ShapesGraph(shapes)
        self.shapes = list(self.sg.shapes)
        self.components: dict[int, list[Any]] = {}
        self.messages: dict[int, list[Any]] = {}
        self.facts: dict[tuple[str, int], Any] = {}  # per shape: its simple path, whether attributable
        self.lock = threading.Lock()
        fast = type("FastShape", (Shape,), {"__slots__": (), "validate": _validate, "owner": self})
        for shape in self.shapes:
            shape.set_advanced(True)
            shape.__class__ = fast


_SHAPES: list[tuple[Graph, _Prepared]] = []
_SHAPES_LOCK = threading.Lock()


def shapes_for(shapes: Graph) -> _Prepared:
    """The prepared pyshacl shapes of ``shapes`` (the same graph object gives the same shapes)."""
    with _SHAPES_LOCK:
        for graph, prepared in _SHAPES:
            if graph is shapes:
                return prepared
    prepared = _Prepared(shapes)
    with _SHAPES_LOCK:
        _SHAPES.insert(0, (shapes, prepared))
        del _SHAPES[3:]
    return prepared


def _executor() -> SHACLExecutor:
    return SHACLExecutor(
        validator=None,
        advanced_mode=True,
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        iterate_rules=False,
        sparql_mode=False,
        max_validation_depth=15,
        focus_nodes=None,
        debug=False,
    )


def targets(data: Graph, shapes: Graph) -> dict[int, list[Node]]:
    """The focus nodes of every top-level shape (by ``id``), to validate several parts of one state
    without computing the targets once per part."""
    return {id(shape): list(shape.focus_nodes(data)) for shape in shapes_for(shapes).shapes}


def run(
    data: Graph,
    shapes: Graph,
    focus: Collection[Node] | None = None,
    found_targets: dict[int, list[Node]] | None = None,
) -> Graph:
    """Validate ``data`` (with its inferred triples) against ``shapes``; only the top-level focus
    nodes in ``focus`` when given (``found_targets``: :func:`targets` of the same data and shapes).
    Returns pyshacl's sh:ValidationReport graph (without text), written when first read: the report
    model is built from its :class:`.results.Finding` records."""
    prepared = shapes_for(shapes)
    executor = _executor()
    executor._isrp_targets = found_targets  # type: ignore[attr-defined]
    executor._isrp_focus = frozenset(focus) if isinstance(focus, (list, tuple)) else focus  # type: ignore[attr-defined]
    reports: list = []
    conforms = True
    with paused_gc():
        for shape in prepared.shapes:
            shape_conforms, shape_reports = shape.validate(executor, data)
            conforms = conforms and shape_conforms
            reports.extend(shape_reports)
    return ResultsGraph(prepared.sg.graph, data, conforms, reports)


def _messages(shape: Any) -> list:
    """The shape's sh:message values (read once per shape)."""
    owner: _Prepared = shape.owner
    found = owner.messages.get(id(shape))
    if found is None:
        found = owner.messages[id(shape)] = list(shape.message)
    return found


def _formatted(component: Any, message: Node, bound_vars: Any) -> Node:
    if isinstance(message, Literal) and bound_vars is not None:
        return Literal(component._format_sparql_based_result_message(str(message.value), bound_vars))
    return message


def _make_v_result(
    self: Any,
    datagraph: Any,
    focus_node: Node,
    value_node: Node | None = None,
    result_path: Node | None = None,
    constraint_component: Node | None = None,
    source_constraint: Node | None = None,
    extra_messages: Iterable | None = None,
    bound_vars: Any = None,
) -> Finding:
    """``ConstraintComponent.make_v_result`` as a :class:`.results.Finding` (no triples, no text
    description; the generic message is made only when the result is reported)."""
    if result_path is None and self.shape.is_property_shape:
        result_path = self.shape.path()
    shape_messages = _messages(self.shape)
    messages: list | None
    if extra_messages:
        messages = []
        for message in extra_messages:
            if message in shape_messages:
                continue
            messages.append(_formatted(self, message, bound_vars))
    elif not shape_messages:
        messages = None
    else:
        messages = []
    if shape_messages:
        if bound_vars is None:
            messages = messages + shape_messages if messages else shape_messages  # type: ignore[operator]
        else:
            messages = [*(messages or []), *(_formatted(self, m, bound_vars) for m in shape_messages)]
    return Finding(
        self,
        datagraph,
        focus_node,
        value_node,
        result_path,
        constraint_component or self.shacl_constraint_component,
        source_constraint,
        messages,
    )


def _components(shape: Any) -> list[Any]:
    """The shape's constraint components (pyshacl's classes, in pyshacl's order), built once."""
    owner: _Prepared = shape.owner
    key = id(shape)
    found = owner.components.get(key)
    if found is not None:
        return found
    import pyshacl.shape
    from pyshacl.constraints.advanced import ExpressionConstraint, SH_expression
    from pyshacl.errors import ConstraintLoadWarning

    parameters, parameter_map = pyshacl.shape.CONSTRAINT_PARAMS  # type: ignore[attr-defined]
    search = parameters.copy()
    constraint_map = dict(parameter_map)
    search.append(SH_expression)
    constraint_map[SH_expression] = ExpressionConstraint
    classes = [constraint_map[p] for p, _v in shape.sg.predicate_objects(shape.node) if p in search]
    built: list[Any] = []
    done: set = set()
    for cls in classes:
        if cls in done:
            continue
        done.add(cls)
        try:
            component = _quiet_class(cls)(shape)
        except ConstraintLoadWarning as warning:
            shape.logger.warning(repr(warning))
            continue
        built.append(component)
    with owner.lock:
        owner.components[key] = built
    return built


_QUIET: dict[type, type] = {}


def _quiet_class(cls: type) -> type:
    """``cls`` with :func:`_make_v_result` (no text description) in place of pyshacl's."""
    quiet = _QUIET.get(cls)
    if quiet is None:
        from pyshacl.constraints.core.logical_constraints import OrConstraintComponent
        from pyshacl.constraints.core.shape_based_constraints import (
            NodeConstraintComponent,
            QualifiedValueShapeConstraintComponent,
        )
        from pyshacl.constraints.core.value_constraints import NodeKindConstraintComponent
        from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint

        from isrp_graph.validation import components, nested

        members: dict[str, Any] = {"make_v_result": _make_v_result}
        if issubclass(cls, NodeKindConstraintComponent):
            members["evaluate"] = components.evaluate_node_kind
        if issubclass(cls, NodeConstraintComponent):
            members["_evaluate_node_shape"] = nested.evaluate_node_shape
        if issubclass(cls, OrConstraintComponent):
            members["_evaluate_or_constraint"] = nested.evaluate_or_constraint
        if issubclass(cls, QualifiedValueShapeConstraintComponent):
            members["_evaluate_value_shape"] = nested.evaluate_value_shape
        if issubclass(cls, SPARQLBasedConstraint):
            from isrp_graph.validation import sparql_bulk

            members["_evaluate_sparql_constraint"] = sparql_bulk.evaluate_sparql_constraint
            members["_validate_sparql_query"] = sparql_bulk.validate_sparql_query
        quiet = _QUIET[cls] = type(cls.__name__, (cls,), members)
    return quiet


def _focus_list(shape: Any, executor: SHACLExecutor, target_graph: Any, focus: Any) -> list[Node]:
    if focus is not None:
        if isinstance(focus, (URIRef, BNode, Literal)):
            return [focus]
        return list(focus)
    known = getattr(executor, "_isrp_targets", None)
    found = known[id(shape)] if known is not None else list(shape.focus_nodes(target_graph))
    wanted = getattr(executor, "_isrp_focus", None)
    if wanted is not None:
        found = [node for node in found if node in wanted]
    return found


def _validate(
    self: Any,
    executor: SHACLExecutor,
    target_graph: Any,
    focus: Any = None,
    _evaluation_path: list | None = None,
) -> tuple[bool, list]:
    """``pyshacl.shape.Shape.validate`` (same conformance and reports), see the module doc."""
    if self.deactivated:
        return True, []
    focus_list = _focus_list(self, executor, target_graph, focus)
    if not focus_list:
        return True, []
    if _evaluation_path is None:
        _evaluation_path = []
    elif len(_evaluation_path) // 2 >= executor.max_validation_depth:
        from pyshacl.errors import ReportableRuntimeError

        raise ReportableRuntimeError("Validation path too deep!")
    allow_conform = self.severity in (SH_Info, SH_Warning)
    allowed = {SH_Info, SH_Warning}
    shared = getattr(executor, "_isrp_shared", None)
    if shared is not None and type(focus) is list and self.is_property_shape:
        # property shapes of one node shape with the same path on the same batch: computed once
        key = (id(focus), _simple_path(self) or id(self))
        pinned = shared.get(key)  # (the batch itself, kept so that its id is not reused; value nodes)
        if pinned is None:
            step = _simple_path(self)
            spo = getattr(target_graph, "_spo", None)
            if step is not None and not step[1] and isinstance(spo, dict):
                # each focus node's predicates looked up once per batch, not once per property shape
                rows = shared.get(("rows", id(focus)))
                if rows is None:
                    rows = shared[("rows", id(focus))] = (focus, [spo.get(f, _EMPTY) for f in focus_list])
                found = {
                    f: by_p.get(step[0], _EMPTY).keys() for f, by_p in zip(focus_list, rows[1], strict=True)
                }
            else:
                found = _value_nodes(self, target_graph, focus_list)
            pinned = shared[key] = (focus, found)
        value_nodes = pinned[1]
    else:
        value_nodes = _value_nodes(self, target_graph, focus_list)
    reports: list = []
    non_conformant = False
    _evaluation_path.append(self)
    for component in _components(self):
        path = [*_evaluation_path, component]
        if isinstance(component, PropertyConstraintComponent):
            is_conform, found = _property_shapes(component, executor, target_graph, value_nodes, path)
        else:
            is_conform, found = component.evaluate(executor, target_graph, value_nodes, path)
        found = _findings(found)
        if is_conform or allow_conform:
            pass
        else:
            non_conformant = non_conformant or not all(f.severity in allowed for f in found)
        reports.extend(found)
    for custom in self.find_custom_constraints():
        validator = custom.make_validator_for_shape(self)
        is_conform, found = validator.evaluate(
            executor, target_graph, value_nodes, [*_evaluation_path, validator]
        )
        non_conformant = non_conformant or not is_conform
        reports.extend(_findings(found))
    return not non_conformant, reports


_EMPTY: dict = {}


def _value_nodes(shape: Any, target_graph: Any, focus_list: list[Node]) -> dict[Node, Collection[Node]]:
    """``Shape.value_nodes``, read straight from the :class:`.index.IndexedGraph` dictionaries for a
    property shape with an IRI path or the inverse of one (the same sets, without pyshacl's generic
    path walk per focus node)."""
    if not shape.is_property_shape:
        return {f: {f} for f in focus_list}
    step = _simple_path(shape)
    index = getattr(target_graph, "_ops" if step and step[1] else "_spo", None)
    if step is None or not isinstance(index, dict):
        return shape.value_nodes(target_graph, focus_list)
    predicate, inverse = step
    if inverse:  # the index holds no literal objects: those are looked up the slow way
        return {
            f: set(target_graph.subjects(predicate, f))
            if type(f) is Literal
            else set(index.get(f, _EMPTY).get(predicate, _EMPTY))
            for f in focus_list
        }
    # the index's own key views: read-only sets that cost nothing to make (pyshacl's components only
    # iterate, count, test membership and copy them)
    return {f: index.get(f, _EMPTY).get(predicate, _EMPTY).keys() for f in focus_list}  # type: ignore[misc]


def _simple_path(shape: Any) -> tuple[URIRef, bool] | None:
    """(property, inverse) when the shape's path is an IRI or ``[ sh:inversePath <IRI> ]``."""
    owner: _Prepared = shape.owner
    key = ("path", id(shape))
    if key not in owner.facts:
        path = shape.path()
        found: tuple[URIRef, bool] | None = None
        if isinstance(path, URIRef):
            found = (path, False)
        elif isinstance(path, BNode):
            graph = shape.sg.graph
            if set(graph.predicates(path)) == {SH.inversePath}:
                inverse = list(graph.objects(path, SH.inversePath))
                if len(inverse) == 1 and isinstance(inverse[0], URIRef):
                    found = (inverse[0], True)
        owner.facts[key] = found
    return owner.facts[key]


def _findings(reports: list) -> list[Finding]:
    """``reports`` as findings (pyshacl's sh:node component hands back (text, finding, details))."""
    if all(type(r) is Finding for r in reports):
        return reports
    return [r if type(r) is Finding else r[1] for r in reports]


def _property_shapes(
    component: Any, executor: SHACLExecutor, target_graph: Any, value_nodes: dict, path: list
) -> tuple[bool, list]:
    """``PropertyConstraintComponent.evaluate`` with each property shape validated once for all value
    nodes (in batches of distinct nodes, so a node met twice is reported twice, as pyshacl does)."""
    occurrences = Counter(v for nodes in value_nodes.values() for v in nodes)
    batches: list[list[Node]] = []
    level = 0
    while True:
        batch = [v for v, n in occurrences.items() if n > level]
        if not batch:
            break
        batches.append(batch)
        level += 1
    if not batches:
        return True, []
    recursive = component.recursion_triggers(path)
    outer = getattr(executor, "_isrp_shared", None)
    executor._isrp_shared = {}  # type: ignore[attr-defined]  # (batch, path) -> value nodes, see _validate
    try:
        return _each_property_shape(component, executor, target_graph, batches, path, recursive)
    finally:
        executor._isrp_shared = outer  # type: ignore[attr-defined]


def _each_property_shape(
    component: Any, executor: SHACLExecutor, target_graph: Any, batches: list, path: list, recursive: Any
) -> tuple[bool, list]:
    from pyshacl.errors import ReportableRuntimeError

    non_conformant = False
    reports: list = []
    for node in component.property_shapes:
        if component.shape.sg.is_filtered_out_shape(node):
            continue
        shape = component.shape.get_other_shape(node)
        if recursive and shape in recursive:
            continue
        if not shape or not shape.is_property_shape:
            raise ReportableRuntimeError(f"'{node}' is not a well-formed SHACL PropertyShape.")
        for batch in batches:
            is_conform, found = shape.validate(executor, target_graph, focus=batch, _evaluation_path=path[:])
            non_conformant = non_conformant or not is_conform
            reports.extend(found)
    return not non_conformant, reports
