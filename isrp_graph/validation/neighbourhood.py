"""Validation of a write on the neighbourhood of what it touches, not on the whole store.

For the changed entries the affected nodes are computed as in :mod:`.focus` (the entries, their blank
nodes, linked and linking nodes), but on triples read from the store around them. The data that
validating those nodes can look at is then extracted: every triple of and to an affected node (with
the blank-node chains up to their owners), the direct triples of every node they mention (types,
labels, the triples that infer types by domain), one triple per ranged property that points at such a
node (types inferred by range), and the class and property hierarchy of the whole store (cached).
Validating the affected nodes on this extract gives the findings a full validation gives for them:
the RDFS closure of a node depends only on these triples (tests/validation checks it).

The store is read through a :class:`View`: the embedded store by pyoxigraph's indexes (``quads_for
_pattern``, blank nodes by their stored ids), optionally with some graphs replaced by their would-be
content. Other stores have no such view; the caller validates the full state instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.ranges import range_types
from isrp_graph.validation.schema_cache import (
    SCHEMA_CACHE,
    SCHEMA_PREDICATES,
    Schema,
    SchemaCache,
    _backward_names,
)
from isrp_graph.validation.store_view import View

__all__ = [
    "LOCAL_GRAPH",
    "SCHEMA_CACHE",
    "SCHEMA_PREDICATES",
    "SchemaCache",
    "View",
    "_backward_names",
    "affected_in",
    "local_state",
]

Triple = tuple
LOCAL_GRAPH = URIRef("urn:x-isrp:neighbourhood")


def _walk(
    node: Node, step: Callable[[Node], Iterable[Triple]], position: int, found: set[Triple]
) -> set[Node]:
    """Add the triples ``step`` gives for ``node``, following blank nodes at ``position`` of each triple
    (2: the objects it holds, 0: the subjects pointing at it); returns the nodes visited."""
    seen: set[Node] = set()
    frontier = [node]
    while frontier:
        current = frontier.pop()
        if current in seen:
            continue
        seen.add(current)
        for triple in step(current):
            found.add(triple)
            if isinstance(triple[position], BNode):
                frontier.append(triple[position])
    return seen


def _out_closure(view: View, node: Node, found: set[Triple]) -> set[Node]:
    """Add the triples of ``node`` and of the blank nodes it holds; returns the nodes visited."""
    return _walk(node, view.out, 2, found)


def _incoming_chains(view: View, node: Node, found: set[Triple]) -> None:
    """Add the triples pointing at ``node``, and through blank-node subjects up to their owners."""
    _walk(node, view.incoming, 0, found)


def _graph(triples: Iterable[Triple]):
    from isrp_graph.validation.graphs import new_graph

    graph = new_graph()
    for triple in triples:
        graph.add(triple)
    return graph


def affected_in(view: View, touched: Iterable[Node], store: ox.Store) -> set[Node]:
    """:func:`.focus.affected_nodes` of ``touched`` (IRIs) on the RDFS closure, computed on the
    triples read around them and the schema."""
    from isrp_graph.validation.focus import affected_nodes
    from isrp_graph.validation.mirror import rdfs_closure

    schema, _shapes = SCHEMA_CACHE.get(store)
    local: set[Triple] = set()
    core: set[Node] = set()
    for node in touched:
        core |= _out_closure(view, node, local)
    for node in core:
        _incoming_chains(view, node, local)
    mentioned = {n for triple in local for n in (triple[0], triple[2]) if not isinstance(n, Literal)}
    for node in mentioned - core:
        _out_closure(view, node, local)
    stated = local | schema
    return affected_nodes(_graph(stated | rdfs_closure(stated)), touched)


def local_state(
    view: View, nodes: Iterable[Node], store: ox.Store, core: Iterable[Node] | None = None
) -> GraphState:
    """The extract of ``view`` that validating ``nodes`` can look at, with the schema and shapes.
    ``core`` are the changed entries (default: all ``nodes``)."""
    schema = SCHEMA_CACHE.schema(store)
    nodes = set(nodes)
    core = set(nodes) if core is None else set(core)
    local: set[Triple] = set()
    for node in nodes:
        _out_closure(view, node, local)
    # classes and properties: what points at them (every instance) says nothing about them; what
    # types them by range is in the schema
    terms = schema.terms | {o for _s, p, o in local if p == RDF.type}
    # the changed entries: everything that points at them; the other affected nodes: what the shapes
    # look back along (inverse paths, SPARQL constraints), so a concept used by every plan of a Land
    # does not pull in every plan
    ranged = range_types(schema.triples)
    stated_types: dict[Node, list[Node]] = {}
    for s, p, o in local:
        if p == RDF.type:
            stated_types.setdefault(s, []).append(o)
    for node in nodes & schema.terms:
        _term_types(view, node, schema, local)
    for node in nodes - terms:
        if node in core:
            _incoming_chains(view, node, local)
            continue
        if schema.looked_back:
            present = view.incoming_predicates(node)
            for prop in schema.looked_back:
                if str(prop) in present:
                    local.update(view.incoming_via(node, prop))  # type: ignore[arg-type]
        ranged.pull(view, node, stated_types.get(node, ()), local)  # types inferred by range
    mentioned = {n for triple in local for n in (triple[0], triple[2]) if not isinstance(n, Literal)}
    for node in mentioned - nodes:
        out = view.out(node)
        local.update(out)
        if node in schema.terms:
            _term_types(view, node, schema, local)
        else:
            ranged.pull(view, node, [o for s, p, o in out if s == node and p == RDF.type], local)
    graphs: dict[URIRef, frozenset[Triple]] = {LOCAL_GRAPH: frozenset(local | schema.triples)}
    graphs.update(schema.shapes)
    return GraphState(graphs)


def _term_types(view: View, term: Node, schema: Schema, local: set[Triple]) -> None:
    """Add what types a class or property by range: the schema's triples into it, and one instance
    when rdf:type itself has a range (the RDFS vocabulary in the store)."""
    local.update(schema.into_terms.get(term, ()))
    if RDF.type in schema.ranged:
        found = view.one_incoming(term, RDF.type)  # type: ignore[arg-type]
        if found is not None:
            local.add(found)
