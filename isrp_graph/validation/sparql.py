"""pyshacl's SPARQL, answered by pyoxigraph.

pyshacl evaluates SHACL-SPARQL constraints and SPARQL targets through rdflib's SPARQL engine, once per
focus node, parsing the query text anew every time: on the Erfurt registry that is twenty seconds. The
data graph here is an rdflib graph for everything else pyshacl does, but its ``query`` goes to the
pyoxigraph mirror holding the same triples (the store that computed the RDFS closure); literals in its
answers are mapped back to their stated form.

Pre-bound variables (``$this``, ``$value``, ``$currentShape``, …) are passed as pyoxigraph
substitutions when the query projects them, written into the query text (as IRI or literal) when it
uses them without projecting them, and dropped when it does not mention them. A blank node that would
have to be written into the text (SPARQL has no syntax for an existing blank node) sends that one
query to rdflib instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox
from pyshacl.graph_abstraction import RdfLibDataGraph
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Node

from isrp_graph.store.terms import from_ox, to_ox
from isrp_graph.validation.mirror import Mirror

_NOT_PROJECTED = re.compile(r"does not contains? variable \?(\w+) in its SELECT projection")


def _variable_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"[?$]" + re.escape(name) + r"(?![\w\u00b7\u0300-\u036f\u203f\u2040])")


def _sparql_term(term: Node) -> str:
    if isinstance(term, URIRef | Literal):
        return term.n3()
    raise ValueError(term)


class OxigraphQueriedGraph(RdfLibDataGraph):
    """An rdflib data graph for pyshacl whose SPARQL queries run on ``mirror`` (same triples)."""

    mirror: Mirror
    prefixes: dict[str, str]
    # query text -> variables pyoxigraph refused as substitutions (not in the SELECT projection)
    unprojected: dict[str, set[str]]
    fallbacks: int

    @classmethod
    def wrap(cls, graph: Graph, mirror: Mirror) -> OxigraphQueriedGraph:
        data = cls(graph.store, graph)
        data.mirror = mirror
        data.prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces()}
        data.unprojected = {}
        data.fallbacks = 0
        return data

    def query(  # type: ignore[override]
        self,
        query_object: Any,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,
        initBindings: Mapping[Any, Node] | None = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if not isinstance(query_object, str):
            return super().query(
                query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
            )
        prefixes = dict(self.prefixes)
        prefixes.update({p: str(ns) for p, ns in (initNs or {}).items()})
        bindings = {str(name): term for name, term in (initBindings or {}).items() if term is not None}
        try:
            answer = self._run(query_object, prefixes, bindings)
        except _NeedsRdflib:
            self.fallbacks += 1
            return super().query(
                query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
            )
        return _to_rdflib(answer, self.mirror)

    def _run(self, text: str, prefixes: dict[str, str], bindings: dict[str, Node]) -> Any:
        return run_on_mirror(self.mirror, self.unprojected, text, prefixes, bindings)


def run_on_mirror(
    mirror: Mirror,
    unprojected: dict[str, set[str]],
    text: str,
    prefixes: dict[str, str],
    bindings: dict[str, Node],
) -> Any:
    """``text`` on the mirror with ``bindings`` pre-bound (see the module doc); raises
    :class:`_NeedsRdflib` when a blank node would have to be written into the query text."""
    refused = unprojected.setdefault(text, set())
    while True:
        query = text
        substitutions: dict[ox.Variable, Any] = {}
        for name, term in bindings.items():
            pattern = _variable_pattern(name)
            if not pattern.search(text):
                continue
            if name in refused:
                if isinstance(term, BNode):
                    raise _NeedsRdflib
                query = pattern.sub(lambda _m, t=term: _sparql_term(t), query)
            else:
                substitutions[ox.Variable(name)] = to_ox(term)
        try:
            return mirror.store.query(query, prefixes=prefixes, substitutions=substitutions or None)
        except RuntimeError as exc:
            match = _NOT_PROJECTED.search(str(exc))
            if match is None or match.group(1) in refused:
                raise
            refused.add(match.group(1))


def query_mirror(
    graph: Any,
    text: str,
    initNs: Mapping[str, Any] | None = None,
    initBindings: Mapping[Any, Node] | None = None,
    **kwargs: Any,
) -> Result:
    """SPARQL ``text`` for :class:`.index.IndexedGraph` ``graph``: on its mirror, or with rdflib's
    engine on the graph itself when the mirror cannot take the bindings."""
    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    prefixes.update({p: str(ns) for p, ns in (initNs or {}).items()})
    bindings = {str(name): term for name, term in (initBindings or {}).items() if term is not None}
    unprojected = graph.__dict__.setdefault("_unprojected", {})
    try:
        answer = run_on_mirror(graph.mirror, unprojected, text, prefixes, bindings)
    except _NeedsRdflib:
        graph.__dict__["fallbacks"] = graph.__dict__.get("fallbacks", 0) + 1
        return graph.rdflib_query(text, initNs=initNs, initBindings=initBindings, **kwargs)
    return _to_rdflib(answer, graph.mirror)


class _NeedsRdflib(Exception):
    pass


def _to_rdflib(answer: Any, mirror: Mirror) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(answer)
        return out
    if isinstance(answer, ox.QuerySolutions):
        out = Result("SELECT")
        names = [v.value for v in answer.variables]
        out.vars = [Variable(name) for name in names]
        rows = []
        for solution in answer:
            row = {}
            for variable, value in zip(out.vars, solution, strict=True):
                if value is not None:
                    row[variable] = mirror.restore(from_ox(value))
            rows.append(row)
        out.bindings = rows
        return out
    out = Result("CONSTRUCT")
    graph = Graph()
    for triple in answer:
        obj = mirror.restore(from_ox(triple.object))
        graph.add((from_ox(triple.subject), from_ox(triple.predicate), obj))
    out.graph = graph
    return out
