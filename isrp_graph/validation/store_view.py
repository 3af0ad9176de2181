"""The triples around a node in the validated graphs of an embedded store (for :mod:`.neighbourhood`).

The store is read by pyoxigraph's indexes (``quads_for_pattern``, blank nodes by their stored ids),
optionally with some graphs replaced by their would-be content (the state after a write).

One cost to know: the in-memory store answers ``(?, p, o)`` by walking every quad whose object is
``o``, so asking whether a property points at a hub (a concept every plan of a Land uses, a class with
100,000 instances) costs the hub's fan-in each time, and nothing when the answer is yes at once. The
view therefore asks a hub once which predicates point at it (:meth:`View.incoming_predicates`, in one
scan inside oxigraph) and only then for the triples of those predicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from isrp_graph.store.terms import from_ox, to_ox
from isrp_graph.validation.graphs import is_validated_graph

Triple = tuple
_SCAN = 16  # incoming quads read one by one before a node counts as a hub
_HUB_PREDICATES = "SELECT DISTINCT ?p ?g WHERE { GRAPH ?g { ?s ?p %s } }"


def _validated(name: URIRef) -> bool:
    from isrp_graph.changes.model import is_record_graph

    return is_validated_graph(name) and not is_record_graph(name)


def _is_record_ox(graph: ox.NamedNode | ox.DefaultGraph | ox.BlankNode) -> bool:
    from isrp_graph.validation.graphs import is_record_graph

    return isinstance(graph, ox.NamedNode) and is_record_graph(URIRef(graph.value))


HubPredicates = dict  # hub -> the (predicate IRI, graph) pairs pointing at it in the store


class View:
    """Triples around a node in the validated graphs of an embedded store, with ``replaced`` graphs
    seen with other content (the state after a write). Views of one moment of the store (before and
    after one write) can share ``hubs``: what points at a hub is then asked once for all of them."""

    def __init__(
        self,
        store: ox.Store,
        replaced: Mapping[URIRef, Iterable[Triple]] | None = None,
        hubs: HubPredicates | None = None,
    ) -> None:
        self._ox = store
        self._hubs: HubPredicates = {} if hubs is None else hubs
        self._skip = {ox.NamedNode(str(g)) for g in (replaced or {})}
        self._out: dict[Node, list[Triple]] = {}
        self._in: dict[Node, list[Triple]] = {}
        for name, triples in (replaced or {}).items():
            if not _validated(name):
                continue
            for triple in triples:
                self._out.setdefault(triple[0], []).append(triple)
                self._in.setdefault(triple[2], []).append(triple)
        self._graph_ok: dict[ox.NamedNode | ox.DefaultGraph | ox.BlankNode, bool] = {}
        self._predicates_in: dict[Node, frozenset[str]] = {}
        self.reads = 0
        self.record_reads = 0  # quads of the provenance, changeset or release graphs met on the way
        self.hubs = 0  # nodes whose incoming predicates were found by one scan in the store

    def _ok(self, graph: ox.NamedNode | ox.DefaultGraph | ox.BlankNode) -> bool:
        known = self._graph_ok.get(graph)
        if known is None:
            known = (
                isinstance(graph, ox.NamedNode)
                and graph not in self._skip
                and _validated(URIRef(graph.value))
            )
            self._graph_ok[graph] = known
        return known

    def _quads(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        pattern = [None if n is None else to_ox(n) for n in (s, p, o)]
        for quad in self._ox.quads_for_pattern(*pattern, None):  # type: ignore[arg-type]
            self.reads += 1
            if self._ok(quad.graph_name):
                yield (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
            elif _is_record_ox(quad.graph_name):
                self.record_reads += 1

    def out(self, node: Node) -> list[Triple]:
        if isinstance(node, Literal):
            return []
        return [*self._quads(node, None, None), *self._out.get(node, ())]

    def incoming(self, node: Node) -> list[Triple]:
        return [*self._quads(None, None, node), *self._in.get(node, ())]

    def incoming_via(self, node: Node, predicate: URIRef) -> list[Triple]:
        return [
            *self._quads(None, predicate, node),
            *(t for t in self._in.get(node, ()) if t[1] == predicate),
        ]

    def incoming_predicates(self, node: Node) -> frozenset[str]:
        """The predicates (IRIs as text) of the triples pointing at ``node``: the first few quads are
        read one by one; a node with more (a hub) is asked once, inside the store, for the distinct
        predicates and graphs of all of them (remembered for this view and the views sharing its
        ``hubs``)."""
        known = self._predicates_in.get(node)
        if known is not None:
            return known
        found: set[str] = {str(t[1]) for t in self._in.get(node, ())}
        target = to_ox(node)
        quads = self._ox.quads_for_pattern(None, None, target, None)  # type: ignore[arg-type]
        hub = False
        for scanned, quad in enumerate(quads, 1):
            if scanned > _SCAN:
                hub = True
                break
            self.reads += 1
            if self._ok(quad.graph_name):
                found.add(quad.predicate.value)
        if hub:
            pairs = self._hubs.get(node)
            if pairs is None:
                self.hubs += 1
                pairs = self._hubs[node] = self._pointing_at(target)
            found.update(p for p, g in pairs if self._ok(g))  # type: ignore[arg-type]
        result = self._predicates_in[node] = frozenset(found)
        return result

    def _pointing_at(self, target: ox.NamedNode | ox.BlankNode | ox.Literal) -> list[tuple[str, object]]:
        """The distinct (predicate IRI, graph) pairs of the quads pointing at ``target``."""
        if isinstance(target, ox.NamedNode):
            rows = self._ox.query(_HUB_PREDICATES % target)
            return [(row["p"].value, row["g"]) for row in rows]  # type: ignore[union-attr,index]
        # a stored blank node cannot be named in a query: read them all
        quads = self._ox.quads_for_pattern(None, None, target)  # type: ignore[arg-type]
        return list({(q.predicate.value, q.graph_name) for q in quads})

    def one_incoming(self, node: Node, predicate: URIRef) -> Triple | None:
        for triple in self._quads(None, predicate, node):
            return triple
        for triple in self._in.get(node, ()):
            if triple[1] == predicate:
                return triple
        return None
