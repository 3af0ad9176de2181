"""What the write-path extract (:mod:`.neighbourhood`) takes from the whole store, read once per schema
version: the class and property hierarchy with the classes and properties themselves, the shapes, the
predicates the shapes follow backwards, and the triples that type a class or property by range.

The last ones make a term's types independent of its instances: what points at a class is mostly its
instances (100,000 of them on a national store), and the few other triples pointing at terms with a
ranged property (``?x isrp:kind isrp:SectoralPlan``) are read here once, not by every write. A write
that adds or removes such a triple changes the schema (:meth:`Schema.types_a_term`): it is validated
in full and the cache is read again, as for a change of the hierarchy.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from isrp_graph.store.terms import from_ox
from isrp_graph.validation.graphs import is_shapes_graph
from isrp_graph.validation.store_view import View, _validated

Triple = tuple
SCHEMA_PREDICATES = (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
_SHAPE_TERM_PREDICATES = frozenset(
    {SH.path, SH.targetClass, SH["class"], SH.targetSubjectsOf, SH.targetObjectsOf}
)
_KEEP = 4
_INTO_TERMS = """SELECT DISTINCT ?p ?o ?g WHERE {
  VALUES ?o { %s }
  GRAPH ?g { ?s ?p ?o }
  FILTER(?p NOT IN (%s))
}"""


@dataclass(frozen=True)
class Schema:
    """One store's schema as the write path uses it."""

    triples: frozenset[Triple]  # the hierarchy and the triples of the classes and properties
    shapes: Mapping[URIRef, frozenset[Triple]]
    terms: frozenset[Node]  # every node of ``triples``, and rdfs:Resource
    ranged: frozenset[Node]  # the properties with a range (also by a superproperty)
    into_terms: Mapping[Node, tuple[Triple, ...]]  # per term: one triple per ranged property into it
    looked_back: frozenset[Node]  # predicates the shapes follow backwards

    def types_a_term(self, predicate: Node, value: Node) -> bool:
        """Whether a triple ``(?, predicate, value)`` would give a class or property a type by range
        (so adding or removing it changes this schema)."""
        return (
            isinstance(value, URIRef)
            and value in self.terms
            and predicate in self.ranged
            and predicate != RDF.type
            and predicate not in SCHEMA_PREDICATES
        )


class SchemaCache:
    """The :class:`Schema` of each store, read once per schema version."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[int, tuple[int, Schema]] = {}
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

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def get(self, store: ox.Store) -> tuple[frozenset[Triple], Mapping[URIRef, frozenset[Triple]]]:
        """(hierarchy and terms, shapes by graph) of ``store``."""
        schema = self.schema(store)
        return schema.triples, schema.shapes

    def inverse_predicates(self, store: ox.Store) -> frozenset[Node]:
        """Predicates that shapes follow backwards (``sh:inversePath``) or name in SPARQL constraints."""
        return self.schema(store).looked_back

    def schema(self, store: ox.Store) -> Schema:
        key = id(store)
        with self._lock:
            cached = self._entries.get(key)
            if cached is not None and cached[0] == self.generation and self._stores.get(key) is store:
                return cached[1]
            generation = self.generation
        schema = _read(store)
        with self._lock:
            if generation == self.generation:
                self._entries[key] = (generation, schema)
                self._stores.pop(key, None)
                self._stores[key] = store
                while len(self._stores) > _KEEP:
                    old = next(iter(self._stores))
                    del self._stores[old]
                    self._entries.pop(old, None)
        return schema


def _read(store: ox.Store) -> Schema:
    from isrp_graph.validation.ranges import range_types

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
    described_terms = {n for s, _p, o in hierarchy for n in (s, o) if not isinstance(n, Literal)}
    described_terms |= {
        o
        for triples in frozen.values()
        for _s, p, o in triples
        if p in _SHAPE_TERM_PREDICATES and not isinstance(o, (Literal, BNode))
    }
    described = set(hierarchy)
    for node in described_terms:
        described.update(view.out(node))
    triples = frozenset(described)
    terms = frozenset({n for s, _p, o in triples for n in (s, o)} | {RDFS.Resource})
    ranged = frozenset(range_types(triples).classes)
    return Schema(
        triples=triples,
        shapes=frozen,
        terms=terms,
        ranged=ranged,
        into_terms=_into_terms(store, terms, ranged),
        looked_back=_looked_back(frozen),
    )


def _into_terms(store: ox.Store, terms: frozenset[Node], ranged: frozenset[Node]) -> dict[Node, tuple]:
    """Per term, one triple of each ranged property that points at it in a validated graph (besides
    rdf:type and the hierarchy): one query, one scan of what points at the terms."""
    iris = sorted(str(t) for t in terms if isinstance(t, URIRef))
    if not iris:
        return {}
    skipped = ", ".join(str(ox.NamedNode(str(p))) for p in (RDF.type, *SCHEMA_PREDICATES))
    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    found: dict[Node, dict[Node, Triple]] = {}
    for row in store.query(_INTO_TERMS % (values, skipped)):
        predicate, value, graph = row["p"], row["o"], row["g"]
        p, o = from_ox(predicate), from_ox(value)
        if p not in ranged or p in found.get(o, {}) or not _validated(URIRef(graph.value)):
            continue
        for quad in store.quads_for_pattern(None, predicate, value, graph):
            found.setdefault(o, {})[p] = (from_ox(quad.subject), p, o)
            break
    return {term: tuple(by_predicate.values()) for term, by_predicate in found.items()}


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
