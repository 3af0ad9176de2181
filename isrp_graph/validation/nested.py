"""``sh:node`` and ``sh:qualifiedValueShape`` with the nested shape validated once for all value nodes.

pyshacl validates the shape an ``sh:node`` or ``sh:qualifiedValueShape`` points at once per value node
(on a national registry: hundreds of thousands of calls, each computing the shape's value nodes and
running every component for one node). Here the shape is validated once for the distinct value nodes
and its findings are split by focus node: every finding a node shape's components make names the
focus node it was made for (property shapes report for their own focus node, which is the node
shape's), so the findings of one value node are those naming it; the same holds for a property shape
without property shapes of its own. Its conformance is the shape's
verdict on those findings: a finding whose severity is neither ``sh:Info`` nor ``sh:Warning`` makes a
shape of such a severity non-conforming, as pyshacl decides for a single node. Shapes whose findings
may name another node (a shape holding a property shape with ``sh:property`` of its own) keep
pyshacl's per-node calls. ``sh:or`` members are validated the same way. The findings and their
``sh:detail`` nesting are pyshacl's: the nested results are shared between the results that show
them as details, and the report graph writes each occurrence anew (see :mod:`.results`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from warnings import warn

from pyshacl.consts import SH_detail, SH_Info, SH_Warning
from pyshacl.errors import ReportableRuntimeError, ShapeRecursionWarning
from rdflib.namespace import SH
from rdflib.term import Node

_ALLOWED = frozenset((SH_Info, SH_Warning))
_QualifiedMax = SH.QualifiedMaxCountConstraintComponent
_QualifiedMin = SH.QualifiedMinCountConstraintComponent


def attributable(shape: Any) -> bool:
    """True when every finding of ``shape`` (validated for several focus nodes) names the focus node
    it belongs to (see the module doc); computed once per shape."""
    from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent

    from isrp_graph.validation.native import _components

    owner = getattr(shape, "owner", None)  # shapes the native driver does not drive: per node
    if owner is None:
        return False
    key = ("attributable", id(shape))
    found = owner.facts.get(key)
    if found is None:
        found = True
        for component in _components(shape):
            if not isinstance(component, PropertyConstraintComponent):
                continue
            if shape.is_property_shape:  # its property shapes report for its value nodes
                found = False
                break
            for node in component.property_shapes:
                inner = shape.get_other_shape(node)
                if inner is None or any(
                    isinstance(c, PropertyConstraintComponent) for c in _components(inner)
                ):
                    found = False
        owner.facts[key] = found
    return bool(found)


def validate_each(
    shape: Any, executor: Any, target_graph: Any, values: Iterable[Node], path: list
) -> dict[Node, tuple[bool, list]] | None:
    """value node -> (conforms, findings) as ``shape.validate(…, focus=value)`` gives them, from one
    validation of all ``values`` (``shape`` must be :func:`attributable`); ``None`` if a finding
    names another node after all (then the caller goes the per-node way)."""
    distinct = list(dict.fromkeys(values))
    each: dict[Node, tuple[bool, list]] = {}
    if not distinct:
        return each
    _conforms, findings = shape.validate(executor, target_graph, focus=distinct, _evaluation_path=path[:])
    by_focus: dict[Node, list] = {v: [] for v in distinct}
    for finding in findings:
        found = by_focus.get(getattr(finding, "focus", None))
        if found is None:
            return None
        found.append(finding)
    allow = shape.severity in _ALLOWED
    for value, found in by_focus.items():
        conforms = allow or all(f.severity in _ALLOWED for f in found)
        each[value] = (conforms, found)
    return each


def _all_values(focus_value_nodes: dict) -> list[Node]:
    return [v for values in focus_value_nodes.values() for v in values]


def evaluate_node_shape(
    self: Any,
    executor: Any,
    node_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict,
    potentially_recursive: Any,
    _evaluation_path: list,
) -> tuple[bool, list]:
    """``NodeConstraintComponent._evaluate_node_shape``, the node shape validated once (module doc)."""

    def pyshacl_way() -> tuple[bool, list]:
        return (
            type(self)
            .__mro__[1]
            ._evaluate_node_shape(
                self,
                executor,
                node_shape,
                target_graph,
                focus_value_nodes,
                potentially_recursive,
                _evaluation_path,
            )
        )

    found_node_shape = self.shape.get_other_shape(node_shape)
    if not found_node_shape or found_node_shape.is_property_shape or not attributable(found_node_shape):
        return pyshacl_way()
    if potentially_recursive and found_node_shape in potentially_recursive:
        warn(ShapeRecursionWarning(_evaluation_path), stacklevel=2)
        return False, []
    each = validate_each(
        found_node_shape, executor, target_graph, _all_values(focus_value_nodes), _evaluation_path
    )
    if each is None:
        return pyshacl_way()
    reports: list = []
    non_conformant = False
    for f, value_nodes in focus_value_nodes.items():
        for v in value_nodes:
            is_conform, nested = each[v]
            if (not is_conform) or nested:
                non_conformant = True
                finding = self.make_v_result(target_graph, f, value_node=v)
                finding.details = [(finding, SH_detail, n) for n in nested]
                reports.append(finding)
    return non_conformant, reports


def evaluate_value_shape(
    self: Any,
    executor: Any,
    _v_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict,
    potentially_recursive: Any,
    _evaluation_path: list,
) -> tuple[bool, list]:
    """``QualifiedValueShapeConstraintComponent._evaluate_value_shape``, the value shape (and its
    siblings) validated once (module doc)."""
    from pyshacl.constraints.core.shape_based_constraints import SH_qualifiedValueShape
    from pyshacl.consts import SH_property

    other_shape = self.shape.get_other_shape(_v_shape)
    if potentially_recursive and other_shape in potentially_recursive:
        warn(ShapeRecursionWarning(_evaluation_path), stacklevel=2)
        return False, []
    if not other_shape:
        raise ReportableRuntimeError(
            "Shape pointed to by sh:qualifiedValueShape does not exist or is not a well-formed SHACL Shape."
        )
    sibling_shapes: set = set()
    if self.is_disjoint:
        for parent in set(self.shape.sg.subjects(SH_property, self.shape.node)):
            for held in set(self.shape.sg.objects(parent, SH_property)):
                for sibling in set(self.shape.sg.objects(held, SH_qualifiedValueShape)):
                    if sibling != _v_shape:
                        sibling_shapes.add(sibling)
        sibling_shapes = {s for s in (self.shape.get_other_shape(s) for s in sibling_shapes) if s is not None}
    values = _all_values(focus_value_nodes)
    each = None
    if attributable(other_shape) and all(attributable(s) for s in sibling_shapes):
        each = validate_each(other_shape, executor, target_graph, values, _evaluation_path)
    in_sibling: set[Node] = set()
    if each is not None:
        conforming = [v for v in dict.fromkeys(values) if each[v][0]]
        for sibling in sibling_shapes:
            found = validate_each(sibling, executor, target_graph, conforming, _evaluation_path)
            if found is None:
                each = None
                break
            in_sibling.update(v for v, (conforms, _r) in found.items() if conforms)
    if each is None:
        return (
            type(self)
            .__mro__[1]
            ._evaluate_value_shape(
                self,
                executor,
                _v_shape,
                target_graph,
                focus_value_nodes,
                potentially_recursive,
                _evaluation_path,
            )
        )
    reports: list = []
    non_conformant = False
    for f, value_nodes in focus_value_nodes.items():
        number_conforms = sum(1 for v in value_nodes if each[v][0] and v not in in_sibling)
        if self.max_count is not None and number_conforms > self.max_count:
            non_conformant = True
            reports.append(self.make_v_result(target_graph, f, constraint_component=_QualifiedMax))
        if self.min_count is not None and number_conforms < self.min_count:
            non_conformant = True
            reports.append(self.make_v_result(target_graph, f, constraint_component=_QualifiedMin))
    return non_conformant, reports


def evaluate_or_constraint(
    self: Any, executor: Any, or_c: Any, target_graph: Any, focus_value_nodes: dict, _evaluation_path: list
) -> tuple[bool, list]:
    """``OrConstraintComponent._evaluate_or_constraint``, each member validated once (module doc)."""
    or_list = set(self.shape.sg.graph.items(or_c))
    if len(or_list) < 1:
        raise ReportableRuntimeError("The list associated with sh:or is not a valid RDF list.")
    or_shapes = set()
    for o in or_list:
        if self.shape.sg.is_filtered_out_shape(o):
            continue
        or_shape = self.shape.get_other_shape(o)
        if not or_shape:
            raise ReportableRuntimeError(
                "Shape pointed to by sh:or does not exist or is not a well-formed SHACL Shape."
            )
        or_shapes.add(or_shape)
    if not or_shapes:
        return False, []
    args = (executor, or_c, target_graph, focus_value_nodes, _evaluation_path)
    if not all(attributable(s) for s in or_shapes):
        return type(self).__mro__[1]._evaluate_or_constraint(self, *args)
    values = _all_values(focus_value_nodes)
    passed: set[Node] = set()
    for or_shape in or_shapes:
        each = validate_each(or_shape, executor, target_graph, values, _evaluation_path)
        if each is None:
            return type(self).__mro__[1]._evaluate_or_constraint(self, *args)
        passed.update(v for v, (conforms, _r) in each.items() if conforms)
    reports: list = []
    non_conformant = False
    for f, value_nodes in focus_value_nodes.items():
        for v in value_nodes:
            if v not in passed:
                non_conformant = True
                reports.append(self.make_v_result(target_graph, f, value_node=v))
    return non_conformant, reports
