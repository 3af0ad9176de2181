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

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from isrp_graph.store.terms import from_ox, to_ox
from isrp_graph.validation.graphs import GraphState, is_shapes_graph, is_validated_graph
from isrp_graph.validation.ranges import range_types

Triple = tuple
SCHEMA_PREDICATES = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
LOCAL_GRAPH = URIRef("urn:x-isrp:neighbourhood")
_SHAPE_TERM_PREDICATES = frozenset(
    {SH.path, SH.targetClass, SH["class"], SH.targetSubjectsOf, SH.targetObjectsOf}
)


def _validated(name: URIRef) -> bool:
    from isrp_graph.changes.model import is_record_graph

    return is_validated_graph(name) and not is_record_graph(name)


def _is_record_ox(graph: ox.NamedNode | ox.DefaultGraph | ox.BlankNode) -> bool:
    from isrp_graph.validation.graphs import is_record_graph

    return isinstance(graph, ox.NamedNode) and is_record_graph(URIRef(graph.value))


class View:
    """Triples around a node in the validated graphs of an embedded store, with ``replaced`` graphs
    seen with other content (the state after a write)."""

    def __init__(self, store: ox.Store, replaced: Mapping[URIRef, Iterable[Triple]] | None = None) -> None:
        self._ox = store
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
        self.reads = 0
        self.record_reads = 0  # quads of the provenance, changeset or release graphs met on the way

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

    def incoming_predicates(self, node: Node, limit: int) -> set[str] | None:
        """The predicates (IRIs as text) of the triples pointing at ``node`` when there are at most
        ``limit`` of them in the store, else ``None`` (a hub: a concept, an office)."""
        found: set[str] = set()
        quads = self._ox.quads_for_pattern(None, None, to_ox(node), None)  # type: ignore[arg-type]
        for scanned, quad in enumerate(quads, 1):
            self.reads += 1
            if scanned > limit:
                return None
            if self._ok(quad.graph_name):
                found.add(quad.predicate.value)
        found.update(str(t[1]) for t in self._in.get(node, ()))
        return found

    def one_incoming(self, node: Node, predicate: URIRef) -> Triple | None:
        for triple in self._quads(None, predicate, node):
            return triple
        for triple in self._in.get(node, ()):
            if triple[1] == predicate:
                return triple
        return None


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


_KEEP = 4


class SchemaCache:
    """The class/property hierarchy and the shapes of one store, read once per schema version."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[int, tuple[int, frozenset[Triple], dict[URIRef, frozenset[Triple]]]] = {}
        self._inverse: dict[int, frozenset[Node]] = {}
        # the stores themselves: an entry is only valid for the very store it was read from (a closed
        # store's id is reused by the next one); held so, at most _KEEP of them
        self._stores: dict[int, ox.Store] = {}
        self.generation = 0

    def forget(self, store: ox.Store) -> None:
        """Drop what was read from ``store`` (it is being closed)."""
        key = id(store)
        with self._lock:
            if self._stores.get(key) is store:
                del self._stores[key]
                self._entries.pop(key, None)
                self._inverse.pop(key, None)

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def get(self, store: ox.Store) -> tuple[frozenset[Triple], dict[URIRef, frozenset[Triple]]]:
        key = id(store)
        with self._lock:
            cached = self._entries.get(key)
            if cached is not None and cached[0] == self.generation and self._stores.get(key) is store:
                return cached[1], cached[2]
        view = View(store)
        hierarchy = {t for p in SCHEMA_PREDICATES for t in view._quads(None, p, None)}
        shapes: dict[URIRef, set[Triple]] = {}
        for name in store.named_graphs():
            if isinstance(name, ox.NamedNode) and is_shapes_graph(URIRef(name.value)):
                shapes[URIRef(name.value)] = {
                    (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                    for q in store.quads_for_pattern(None, None, None, name)
                }
        frozen = {name: frozenset(triples) for name, triples in shapes.items() if triples}
        # the classes and properties themselves (labels name fields and kinds in the report)
        terms = {n for s, _p, o in hierarchy for n in (s, o) if not isinstance(n, Literal)}
        terms |= {
            o
            for triples in frozen.values()
            for _s, p, o in triples
            if p in _SHAPE_TERM_PREDICATES and not isinstance(o, (Literal, BNode))
        }
        described = set(hierarchy)
        for node in terms:
            described.update(view.out(node))
        schema = frozenset(described)
        with self._lock:
            self._entries[key] = (self.generation, schema, frozen)
            self._inverse[key] = _looked_back(frozen)
            self._stores.pop(key, None)
            self._stores[key] = store
            while len(self._stores) > _KEEP:
                old = next(iter(self._stores))
                del self._stores[old]
                self._entries.pop(old, None)
                self._inverse.pop(old, None)
        return schema, frozen

    def inverse_predicates(self, store: ox.Store) -> frozenset[Node]:
        """Predicates that shapes follow backwards (``sh:inversePath``) or name in SPARQL constraints."""
        self.get(store)
        with self._lock:
            return self._inverse.get(id(store), frozenset())


def _looked_back(shapes: Mapping[URIRef, frozenset[Triple]]) -> frozenset[Node]:
    from isrp_graph.namespaces import PREFIXES

    found: set[Node] = set()
    prefixes = dict(PREFIXES)
    for triples in shapes.values():
        for _s, p, o in triples:
            if p == SH.inversePath and isinstance(o, URIRef):
                found.add(o)
            if p == SH.prefix:
                namespace = next((n for s2, p2, n in triples if s2 == _s and p2 == SH.namespace), None)
                if namespace is not None:
                    prefixes[str(o)] = str(namespace)
    for triples in shapes.values():
        for _s, p, o in triples:
            if p not in (SH.select, SH.ask) or not isinstance(o, Literal):
                continue
            text = str(o)
            names = _backward_names(text)
            if names is None:  # $this in an unclear position: everything the query mentions
                names = re.findall(r"<[^<>\s]+>", text) + [
                    f"{prefix}:{local}"
                    for prefix, local in re.findall(r"\b([A-Za-z][\w-]*):([A-Za-z_][\w-]*)", text)
                ]
            for name in names:
                iri = _expand(name, prefixes)
                if iri is not None:
                    found.add(URIRef(iri))
    return frozenset(found)


_NAME = r"(?:<[^<>\s]+>|[A-Za-z][\w-]*:[\w-]*|\ba\b)"
_BEFORE_THIS = re.compile(r"(\S+)\s*$")
_INVERSE = re.compile(r"\^\s*\(?\s*(" + _NAME + ")")
_THIS = re.compile(r"[$?]this\b")


def _backward_names(text: str) -> list[str] | None:
    """The predicates a SPARQL query follows *into* ``$this`` (``?x P $this``, ``^P``), as written;
    ``None`` when ``$this`` stands where that cannot be told (after a variable or a comma)."""
    names = [m.group(1) for m in _INVERSE.finditer(text)]
    for match in _THIS.finditer(text):
        before = _BEFORE_THIS.search(text[: match.start()])
        token = before.group(1) if before else ""
        if token.endswith(("{", "(", ".", ";", "!=", "=", "SELECT", "DISTINCT", "REDUCED")) or token == "":
            continue
        if token.startswith(("?", "$")) or token.endswith(","):
            return None
        if re.fullmatch(_NAME, token):
            names.append(token)
            continue
        return None
    return names


def _expand(name: str, prefixes: Mapping[str, str]) -> str | None:
    if name == "a":
        return str(RDF.type)
    if name.startswith("<"):
        return name[1:-1]
    prefix, _colon, local = name.partition(":")
    return prefixes[prefix] + local if prefix in prefixes else None


SCHEMA_CACHE = SchemaCache()


def local_state(
    view: View, nodes: Iterable[Node], store: ox.Store, core: Iterable[Node] | None = None
) -> GraphState:
    """The extract of ``view`` that validating ``nodes`` can look at, with the schema and shapes.
    ``core`` are the changed entries (default: all ``nodes``)."""
    schema, shapes = SCHEMA_CACHE.get(store)
    nodes = set(nodes)
    core = set(nodes) if core is None else set(core)
    # classes and properties: what points at them (every instance) says nothing about them
    terms = {n for s, _p, o in schema for n in (s, o)} | {RDFS.Resource}
    local: set[Triple] = set()
    for node in nodes:
        _out_closure(view, node, local)
    terms |= {o for _s, p, o in local if p == RDF.type}
    # the changed entries: everything that points at them; the other affected nodes: what the shapes
    # look back along (inverse paths, SPARQL constraints), so a concept used by every plan of a Land
    # does not pull in every plan
    looked_back = SCHEMA_CACHE.inverse_predicates(store)
    ranged = range_types(schema)
    stated_types: dict[Node, list[Node]] = {}
    for s, p, o in local:
        if p == RDF.type:
            stated_types.setdefault(s, []).append(o)
    for node in nodes - terms:
        if node in core:
            _incoming_chains(view, node, local)
            continue
        for prop in looked_back:
            local.update(view.incoming_via(node, prop))  # type: ignore[arg-type]
        ranged.pull(view, node, stated_types.get(node, ()), local)  # types inferred by range
    mentioned = {n for triple in local for n in (triple[0], triple[2]) if not isinstance(n, Literal)}
    for node in mentioned - nodes:
        out = view.out(node)
        local.update(out)
        ranged.pull(view, node, [o for s, p, o in out if s == node and p == RDF.type], local)
    graphs: dict[URIRef, frozenset[Triple]] = {LOCAL_GRAPH: frozenset(local | schema)}
    graphs.update(shapes)
    return GraphState(graphs)
