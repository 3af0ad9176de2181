"""A read-only rdflib graph on plain dictionaries: the data graph the native validator reads.

rdflib's in-memory store answers each ``triples()`` lookup through several layers of generators; the
validator does hundreds of thousands of them. :class:`IndexedGraph` holds the same triples in three
dictionaries (subject → predicate → objects, object → predicate → subjects, predicate → subject →
objects) and answers the lookups pyshacl, the report builder and the focus computation make directly
from them. It is an ``rdflib.Graph`` (pyshacl's report code checks that), holds its triples outside the
rdflib store and refuses writes. SPARQL goes to the pyoxigraph mirror when one is attached (see
:mod:`.sparql`); without a mirror rdflib's engine evaluates it on these triples.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Graph, Literal
from rdflib.term import Node

from isrp_graph.namespaces import PREFIXES

Triple = tuple
_EMPTY: dict = {}


class IndexedGraph(Graph):
    """Triples in dictionaries, read through the rdflib ``Graph`` API (``add`` is refused)."""

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        super().__init__(bind_namespaces="core")
        for prefix, iri in PREFIXES.items():
            self.bind(prefix, iri, override=True, replace=True)
        spo: dict[Node, dict[Node, dict[Node, None]]] = {}
        ops: dict[Node, dict[Node, dict[Node, None]]] = {}
        pso: dict[Node, dict[Node, dict[Node, None]]] = {}
        count = 0
        spo_get, ops_get, pso_get = spo.get, ops.get, pso.get
        for s, p, o in triples:
            by_p = spo_get(s)
            if by_p is None:
                by_p = spo[s] = {}
            objects = by_p.get(p)
            if objects is None:
                objects = by_p[p] = {}
                by_s = pso_get(p)
                if by_s is None:
                    by_s = pso[p] = {}
                by_s[s] = objects  # the same dictionary: one hash per literal
            elif o in objects:
                continue
            objects[o] = None
            count += 1
            if type(o) is not Literal:  # literals are looked up by value rarely: see _with_literal
                by_p_in = ops_get(o)
                if by_p_in is None:
                    ops[o] = {p: {s: None}}
                    continue
                subjects = by_p_in.get(p)
                if subjects is None:
                    by_p_in[p] = {s: None}
                else:
                    subjects[s] = None
        self._spo, self._ops, self._pso, self._count = spo, ops, pso, count
        self.mirror: Any = None  # a validation.mirror.Mirror answering SPARQL, when attached

    def subject_index(self) -> dict[Node, dict[Node, dict[Node, None]]]:
        """subject -> predicate -> objects (as keys): the index itself, to be read, not changed."""
        return self._spo

    # -- writes are refused: the prepared state is shared between threads --------------------------
    def add(self, triple: Any) -> Graph:  # type: ignore[override]
        raise TypeError("IndexedGraph is read-only")

    def addN(self, quads: Any) -> Graph:  # type: ignore[override]
        raise TypeError("IndexedGraph is read-only")

    def remove(self, triple: Any) -> Graph:  # type: ignore[override]
        raise TypeError("IndexedGraph is read-only")

    # -- reads -------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Triple]:  # type: ignore[override]
        for s, by_p in self._spo.items():
            for p, objects in by_p.items():
                for o in objects:
                    yield (s, p, o)

    def __contains__(self, triple: Any) -> bool:  # type: ignore[override]
        return next(self.triples(triple), None) is not None

    def triples(self, triple: Any) -> Iterator[Triple]:  # type: ignore[override]
        s, p, o = triple
        if s is not None:
            by_p = self._spo.get(s, _EMPTY)
            if p is not None:
                objects = by_p.get(p, _EMPTY)
                if o is not None:
                    if o in objects:
                        yield (s, p, o)
                    return
                for obj in objects:
                    yield (s, p, obj)
                return
            for pred, objects in by_p.items():
                if o is None:
                    for obj in objects:
                        yield (s, pred, obj)
                elif o in objects:
                    yield (s, pred, o)
            return
        if o is not None and type(o) is Literal:
            yield from self._with_literal(p, o)
            return
        if o is not None:
            by_p = self._ops.get(o, _EMPTY)
            if p is not None:
                for subj in by_p.get(p, _EMPTY):
                    yield (subj, p, o)
                return
            for pred, subjects in by_p.items():
                for subj in subjects:
                    yield (subj, pred, o)
            return
        if p is not None:
            for subj, objects in self._pso.get(p, _EMPTY).items():
                for obj in objects:
                    yield (subj, p, obj)
            return
        yield from self

    def _with_literal(self, p: Node | None, o: Literal) -> Iterator[Triple]:
        """Triples with the literal ``o`` as object (a scan: the index keeps no literal objects)."""
        predicates = self._pso if p is None else {p: self._pso.get(p, _EMPTY)}
        for pred, by_s in predicates.items():
            for subj, objects in by_s.items():
                if o in objects:
                    yield (subj, pred, o)

    def objects(self, subject: Any = None, predicate: Any = None, unique: bool = False) -> Iterator[Node]:  # type: ignore[override]
        if subject is not None and predicate is not None:
            return iter(list(self._spo.get(subject, _EMPTY).get(predicate, _EMPTY)))
        return (o for _s, _p, o in self.triples((subject, predicate, None)))

    def subjects(self, predicate: Any = None, object: Any = None, unique: bool = False) -> Iterator[Node]:  # type: ignore[override]
        if object is not None and predicate is not None and type(object) is not Literal:
            return iter(list(self._ops.get(object, _EMPTY).get(predicate, _EMPTY)))
        return (s for s, _p, _o in self.triples((None, predicate, object)))

    def predicates(self, subject: Any = None, object: Any = None, unique: bool = False) -> Iterator[Node]:  # type: ignore[override]
        if subject is not None and object is None:
            return iter(list(self._spo.get(subject, _EMPTY)))
        return (p for _s, p, _o in self.triples((subject, None, object)))

    def predicate_objects(self, subject: Any = None, unique: bool = False) -> Iterator[tuple[Node, Node]]:  # type: ignore[override]
        return ((p, o) for _s, p, o in self.triples((subject, None, None)))

    def subject_objects(self, predicate: Any = None, unique: bool = False) -> Iterator[tuple[Node, Node]]:  # type: ignore[override]
        return ((s, o) for s, _p, o in self.triples((None, predicate, None)))

    def subject_predicates(self, object: Any = None, unique: bool = False) -> Iterator[tuple[Node, Node]]:  # type: ignore[override]
        return ((s, p) for s, p, _o in self.triples((None, None, object)))

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if self.mirror is not None and isinstance(query_object, str):
            from isrp_graph.validation.sparql import query_mirror

            return query_mirror(self, query_object, **kwargs)
        return super().query(query_object, *args, use_store_provided=False, **kwargs)

    def rdflib_query(self, query_object: Any, **kwargs: Any) -> Any:
        """rdflib's own SPARQL engine on these triples."""
        kwargs.pop("use_store_provided", None)
        return Graph.query(self, query_object, use_store_provided=False, **kwargs)
