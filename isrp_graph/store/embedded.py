"""The embedded store: pyoxigraph in this process, on disk (RocksDB folder) or in memory.

All SPARQL runs on pyoxigraph with the default graph as the union of all graphs, unless the query
names its own dataset (FROM / FROM NAMED): then SPARQL 1.1's dataset rules apply. Bindings go in as
pyoxigraph substitutions; where pyoxigraph refuses (the variable is not projected, e.g. an ASK or a
FILTER parameter) they go in as a VALUES block of safely serialised terms. Replacing graphs is one
SPARQL Update, which pyoxigraph applies as one transaction: all or nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from isrp_graph.namespaces import PREFIXES
from isrp_graph.store.base import SelectResult
from isrp_graph.store.deadline import Cancelled, StopFlag, run_with_timeout
from isrp_graph.store.errors import (
    BindingError,
    QuerySyntaxError,
    StoreError,
    StoreUnreachable,
)
from isrp_graph.store.formats import GRAPH_TYPES, RESULTS_TYPES, content_type, negotiate
from isrp_graph.store.sparql_text import (
    bind_values,
    check_variable,
    iri,
    names_dataset,
    replace_graphs_update,
)
from isrp_graph.store.terms import from_ox, graph_name_from_ox, to_ox, triples_to_graph

if TYPE_CHECKING:
    from isrp_graph.sparql.guard import QueryLimits

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
T = TypeVar("T")


class EmbeddedStore:
    """A pyoxigraph store. ``path=None`` keeps everything in memory."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        query_timeout: float | None = 10.0,
        limits: QueryLimits | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        from isrp_graph.sparql.guard import limits_from  # (the guard imports this package)

        self.limits = limits or limits_from()
        self.query_timeout = query_timeout
        self.generation = 0  # bumped by every update made through this object
        try:
            if self.path is None:
                self._ox: ox.Store | None = ox.Store()
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreUnreachable("store.locked", path=str(self.path), reason=str(exc)) from exc

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path) if self.path else 'memory'})"

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def ox_store(self) -> ox.Store:
        """The underlying pyoxigraph store (for benchmarks and fast dumps)."""
        if self._ox is None:
            raise StoreError("store.closed")
        return self._ox

    # --- queries ---------------------------------------------------------------------------------

    def _run(self, query: str, bindings: Mapping[str, Node] | None) -> QueryResult:
        store = self.ox_store
        from isrp_graph.sparql.guard import check_query

        check_query(query, self.limits)  # before pyoxigraph: deep queries crash it, SERVICE fetches
        options = {"use_default_graph_as_union": not names_dataset(query), "prefixes": PREFIXES}
        try:
            if bindings:
                substitutions = _substitutions(bindings)
                try:
                    return store.query(query, substitutions=substitutions, **options)
                except RuntimeError as exc:
                    if "projection" not in str(exc):
                        raise
                    query = bind_values(query, bindings)
            return store.query(query, **options)
        except SyntaxError as exc:
            raise QuerySyntaxError(reason=str(exc)) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(reason=str(exc)) from exc

    def _timed(self, work: Callable[[StopFlag], T]) -> T:
        return run_with_timeout(work, self.query_timeout)

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> SelectResult:
        def work(stop: StopFlag) -> SelectResult:
            result = self._run(query, bindings)
            if not isinstance(result, ox.QuerySolutions):
                raise QuerySyntaxError("query.wrong_form", expected="SELECT", actual=_form(result))
            variables = [v.value for v in result.variables]
            rows: list[dict[str, Node | None]] = []
            append = rows.append
            try:
                for solution in result:
                    if stop():
                        raise Cancelled
                    append(dict(zip(variables, map(_term, solution), strict=True)))
            except (OSError, RuntimeError) as exc:
                raise StoreError(reason=str(exc)) from exc
            return SelectResult(variables=variables, rows=rows)

        return self._timed(work)

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        def work(_: StopFlag) -> bool:
            result = self._run(query, bindings)
            if not isinstance(result, ox.QueryBoolean):
                raise QuerySyntaxError("query.wrong_form", expected="ASK", actual=_form(result))
            return bool(result)

        return self._timed(work)

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        def work(stop: StopFlag) -> Graph:
            result = self._run(query, bindings)
            if not isinstance(result, ox.QueryTriples):
                raise QuerySyntaxError("query.wrong_form", expected="CONSTRUCT", actual=_form(result))
            return triples_to_graph(_until(stop, result))

        return self._timed(work)

    def query_raw(self, query: str, accept: str) -> tuple[bytes, str]:
        def work(stop: StopFlag) -> tuple[bytes, str]:
            result = self._run(query, None)
            if isinstance(result, ox.QueryTriples):
                media = negotiate(accept, list(GRAPH_TYPES))
                triples = list(_until(stop, result))
                body = ox.serialize(triples, format=GRAPH_TYPES[media], prefixes=PREFIXES)
            else:
                media = negotiate(accept, list(RESULTS_TYPES))
                body = result.serialize(format=RESULTS_TYPES[media])
            return body or b"", content_type(media)

        return self._timed(work)

    def update(self, update: str) -> None:
        self.generation += 1
        try:
            self.ox_store.update(update, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QuerySyntaxError(reason=str(exc)) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(reason=str(exc)) from exc

    # --- graphs ----------------------------------------------------------------------------------

    def graphs(self) -> list[URIRef]:
        """Named graphs that hold triples (like a SPARQL server, empty graphs are not listed)."""
        store = self.ox_store
        names = [
            URIRef(g.value)
            for g in store.named_graphs()
            if isinstance(g, ox.NamedNode) and next(store.quads_for_pattern(None, None, None, g), None)
        ]
        return sorted(names)

    def get_graph(self, name: URIRef) -> Graph:
        return triples_to_graph(self.ox_store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))

    def graph_triples(self, name: URIRef) -> set[tuple[Node, Node, Node]]:
        """The triples of one named graph as a set (the same terms as :meth:`get_graph`, without
        building an rdflib graph: what a write reads)."""
        return {
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
            for q in self.ox_store.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))
        }

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        self.replace_graphs({name: graph})

    def replace_graphs(self, graphs: Mapping[URIRef, Graph]) -> None:
        if not graphs:
            return
        try:
            text = replace_graphs_update(graphs)
        except ValueError as exc:
            raise StoreError(reason=str(exc)) from exc
        self.update(text)

    def drop_graph(self, name: URIRef) -> None:
        self.update(f"DROP SILENT GRAPH {iri(str(name))}")

    def union_graph(self) -> Graph:
        return triples_to_graph(self.ox_store.quads_for_pattern(None, None, None, None))

    def dataset_quads(self) -> Iterator[tuple[Node, Node, Node, URIRef]]:
        for quad in self.ox_store:
            yield (
                from_ox(quad.subject),
                from_ox(quad.predicate),
                from_ox(quad.object),
                graph_name_from_ox(quad.graph_name),
            )

    def __len__(self) -> int:
        return len(self.ox_store)

    def close(self) -> None:
        if self._ox is not None and self.path is not None:
            self._ox.flush()
        if self._ox is not None:  # the write-path schema cache holds the store: let it go
            neighbourhood = sys.modules.get("isrp_graph.validation.neighbourhood")
            if neighbourhood is not None:
                neighbourhood.SCHEMA_CACHE.forget(self._ox)
        self._ox = None


def _substitutions(bindings: Mapping[str, Node]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
    for name, value in bindings.items():
        variable = ox.Variable(check_variable(name))
        try:
            term = to_ox(value)
        except ValueError as exc:
            raise BindingError(name=name, reason=str(exc)) from exc
        if isinstance(term, ox.BlankNode):
            raise BindingError(name=name, reason="blank nodes cannot be parameters")
        substitutions[variable] = term
    return substitutions


def _term(value: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    return None if value is None else from_ox(value)


def _until(stop: StopFlag, items: ox.QueryTriples) -> Iterator[ox.Triple]:
    for item in items:
        if stop():
            raise Cancelled
        yield item


def _form(result: QueryResult) -> str:
    if isinstance(result, ox.QuerySolutions):
        return "SELECT"
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    return "CONSTRUCT/DESCRIBE"
