"""The native validator's findings as plain records, and pyshacl's report graph made from them on demand.

pyshacl writes every result as triples about a fresh blank node (a ``uuid4`` each) and the report
model used to read them back from that graph: on a national registry that is hundreds of thousands of
results, most of them (results of nested shapes, which only decide conformance) thrown away. Here a
result is a :class:`Finding` with the terms pyshacl would write; :mod:`.report` builds the report
model straight from them, and :class:`ResultsGraph` writes the standard ``sh:ValidationReport``
graph (exactly as ``pyshacl.validator.Validator.create_validation_report`` makes it) only when
someone reads it, e.g. for the Turtle rendering.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pyshacl.rdfutil import clone_blank_node
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from isrp_graph.validation.index import IndexedGraph

_SH = str(SH)
_SH_ValidationReport = URIRef(_SH + "ValidationReport")
_SH_ValidationResult = URIRef(_SH + "ValidationResult")
_SH_conforms = URIRef(_SH + "conforms")
_SH_focusNode = URIRef(_SH + "focusNode")
_SH_result = URIRef(_SH + "result")
_SH_resultMessage = URIRef(_SH + "resultMessage")
_SH_resultPath = URIRef(_SH + "resultPath")
_SH_resultSeverity = URIRef(_SH + "resultSeverity")
_SH_sourceConstraint = URIRef(_SH + "sourceConstraint")
_SH_sourceConstraintComponent = URIRef(_SH + "sourceConstraintComponent")
_SH_sourceShape = URIRef(_SH + "sourceShape")
_SH_value = URIRef(_SH + "value")


class _Pauses:
    """How many validations have the cycle collector paused, and whether it ran before the first."""

    lock = threading.Lock()
    depth = 0
    resume = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector paused while validation makes its many small objects: each of its
    full collections walks every object of the prepared data graph (millions on a national registry),
    which took half the validation time. Reference counting still frees everything as usual; the
    collector runs again when the last overlapping pause ends (threads may validate at once)."""
    with _Pauses.lock:
        if _Pauses.depth == 0:
            _Pauses.resume = gc.isenabled()
            gc.disable()
        _Pauses.depth += 1
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.depth -= 1
            if _Pauses.depth == 0 and _Pauses.resume:
                gc.enable()


class Finding:
    """One pyshacl validation result: the terms of its ``sh:`` triples. ``messages`` is ``None`` when
    pyshacl would write the component's generic message (made by :meth:`all_messages` on demand)."""

    __slots__ = (
        "component",
        "constraint_component",
        "datagraph",
        "details",
        "focus",
        "messages",
        "path",
        "severity",
        "source_constraint",
        "value",
    )

    def __init__(
        self,
        component: Any,
        datagraph: Any,
        focus: Node,
        value: Node | None,
        path: Node | None,
        constraint_component: Node,
        source_constraint: Node | None,
        messages: list | None,
    ) -> None:
        self.component = component
        self.datagraph = datagraph
        self.focus = focus
        self.value = value
        self.path = path
        self.constraint_component = constraint_component
        self.source_constraint = source_constraint
        self.messages = messages
        self.severity = component.shape.severity
        # (finding, sh:detail, nested finding) of sh:node results, nested levels flattened, as
        # pyshacl's NodeConstraintComponent appends them to the result's triples
        self.details: list[tuple] = []

    def __iter__(self) -> Iterator:
        """pyshacl's (text, result node, triples) form, for pyshacl code that unpacks a result."""
        return iter(("", self, self.details))

    @property
    def shape(self) -> Node:
        """The source shape's node."""
        return self.component.shape.node

    @property
    def shapes_graph(self) -> Graph:
        return self.component.shape.sg.graph

    def all_messages(self) -> list:
        """The sh:resultMessage values pyshacl writes."""
        if self.messages is not None:
            return self.messages
        return self.component.make_generic_messages(self.datagraph, self.focus, self.value) or []


class ResultsGraph(Graph):
    """pyshacl's ``sh:ValidationReport`` graph of ``findings``, written when first read."""

    def __init__(self, shapes: Graph, data: Graph, conforms: bool, findings: list[Finding]) -> None:
        super().__init__(bind_namespaces="core")
        self.findings = findings
        self.conforms = conforms
        self._shapes, self._data = shapes, data
        self._graph: Graph | None = None
        self._lock = threading.Lock()

    def graph(self) -> Graph:
        """The report graph itself (an :class:`.index.IndexedGraph`)."""
        with self._lock:
            if self._graph is None:
                self._graph = report_graph(self._shapes, self.conforms, self.findings)
                for prefix, namespace in self._graph.namespaces():
                    self.namespace_manager.bind(prefix, namespace, override=True, replace=True)
            return self._graph

    def triples(self, triple: Any) -> Iterator:  # type: ignore[override]
        return self.graph().triples(triple)

    def __iter__(self) -> Iterator:  # type: ignore[override]
        return iter(self.graph())

    def __len__(self) -> int:
        return len(self.graph())

    def __contains__(self, triple: Any) -> bool:  # type: ignore[override]
        return triple in self.graph()


def report_graph(shapes: Graph, conforms: bool, findings: list[Finding]) -> Graph:
    """The report graph exactly as ``pyshacl.validator.Validator.create_validation_report`` makes it
    (as a read-only :class:`.index.IndexedGraph`: rdflib's store takes longer to fill than to read)."""
    clones = Graph(bind_namespaces="core")  # blank nodes copied from the shapes or data graph
    vr = BNode()
    triples: list = [(vr, RDF.type, _SH_ValidationReport), (vr, _SH_conforms, Literal(conforms))]
    cloned: dict[tuple[int, str], Node] = {}

    def copy(source: Graph, node: Node) -> Node:
        if isinstance(node, Literal):
            return node
        key = (id(source), str(node))
        found = cloned.get(key)
        if found is None:
            if isinstance(node, BNode):
                found = clone_blank_node(source, node, clones, keepid=True)
            else:
                found = URIRef(str(node))
            cloned[key] = found
        return found

    def write(finding: Finding) -> BNode:
        """A new node for the result, with its triples and its details (each occurrence of a nested
        result shared by several results is a result of its own, as in pyshacl's report)."""
        node = BNode()
        sg = finding.shapes_graph
        triples.append((node, RDF.type, _SH_ValidationResult))
        triples.append((node, _SH_sourceConstraintComponent, copy(sg, finding.constraint_component)))
        triples.append((node, _SH_sourceShape, copy(sg, finding.shape)))
        triples.append((node, _SH_resultSeverity, finding.severity))
        triples.append((node, _SH_focusNode, copy(finding.datagraph or sg, finding.focus)))
        if finding.value is not None:
            triples.append((node, _SH_value, copy(finding.datagraph, finding.value)))
        if finding.path is not None:
            triples.append((node, _SH_resultPath, copy(sg, finding.path)))
        if finding.source_constraint is not None:
            triples.append((node, _SH_sourceConstraint, copy(sg, finding.source_constraint)))
        triples.extend((node, _SH_resultMessage, message) for message in finding.all_messages())
        for holder, predicate, nested in finding.details:
            if holder is finding:  # the deeper levels pyshacl flattens in come with ``nested``
                triples.append((node, predicate, write(nested)))
        return node

    for finding in findings:
        triples.append((vr, _SH_result, write(finding)))
    report = IndexedGraph([*triples, *clones])
    for prefix, namespace in shapes.namespace_manager.namespaces():
        report.namespace_manager.bind(prefix, namespace)
    return report


def cloned_path(shapes: Graph, path: Node) -> Graph:
    """The blank-node path ``path`` as pyshacl copies it into the report graph (its clone stops at a
    depth of 10), so the report names the same path either way."""
    graph = Graph()
    if isinstance(path, BNode):
        clone_blank_node(shapes, path, graph, keepid=True)
    return graph
