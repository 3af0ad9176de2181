"""Validate the registry: the store (or a would-be state of it) against the shapes in the store."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from isrp_graph.store.base import Store
from isrp_graph.store.terms import graph_name_from_ox
from isrp_graph.validation import native
from isrp_graph.validation.closure import python_closure
from isrp_graph.validation.engine import run_fast, run_reference
from isrp_graph.validation.focus import affected_nodes
from isrp_graph.validation.graphs import GraphState, new_graph
from isrp_graph.validation.index import IndexedGraph
from isrp_graph.validation.mirror import Mirror, build_mirror, copy_mirror, read_triples, store_graphs
from isrp_graph.validation.model import ValidationReport
from isrp_graph.validation.report import build_report


@dataclass(frozen=True)
class Prepared:
    """A state ready for validation: the data graph with the RDFS closure added, the shapes graph, and
    ``mirror``, a pyoxigraph store with the same triples as ``data`` (it answers pyshacl's SPARQL)."""

    data: Graph
    shapes: Graph
    inferred: int
    mirror: Mirror = field(repr=False)

    @classmethod
    def of(cls, state: GraphState) -> Prepared:
        """The prepared form of ``state``; the last two are kept, so validating the state a write
        has just produced (or the same store twice) does not prepare it again."""
        key = state.validation_input()
        with _CACHE_LOCK:
            for cached_key, prepared in _CACHE:
                if cached_key == key:
                    return prepared
        prepared = cls._build(state)
        with _CACHE_LOCK:
            _CACHE.insert(0, (key, prepared))
            del _CACHE[_CACHE_SIZE:]
        return prepared

    @classmethod
    def of_store(cls, store: Store) -> Prepared:
        """The prepared form of the current state of ``store``. An embedded store's quads are read
        straight from pyoxigraph (no :class:`GraphState`; the mirror is copied inside pyoxigraph);
        other stores are read through :meth:`GraphState.from_store`. Not cached."""
        source = getattr(store, "ox_store", None)
        if not isinstance(source, ox.Store):
            return cls._build(GraphState.from_store(store))
        with paused_gc():
            return cls._from_ox(source)

    @classmethod
    def _from_ox(cls, source: ox.Store) -> Prepared:
        validated, shapes = store_graphs(source)
        stated = read_triples(source, validated)
        derived = python_closure(stated)
        mirror = copy_mirror(source, validated, derived)
        data = IndexedGraph(chain(stated, derived))
        data.mirror = mirror
        shapes_state = GraphState(
            {graph_name_from_ox(g): frozenset(read_triples(source, [g])) for g in shapes}
        )
        return cls(data=data, shapes=shapes_state.shapes_graph(), inferred=len(derived), mirror=mirror)

    @classmethod
    def _build(cls, state: GraphState) -> Prepared:
        with paused_gc():
            return cls._build_state(state)

    @classmethod
    def _build_state(cls, state: GraphState) -> Prepared:
        stated = set(state.data_triples())
        mirror, derived = build_mirror(stated)
        data = IndexedGraph(chain(stated, derived))
        data.mirror = mirror
        return cls(data=data, shapes=state.shapes_graph(), inferred=len(derived), mirror=mirror)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: building millions of tuples and terms (none of them
    in cycles) would otherwise trigger full collections that scan them again and again. Afterwards
    the new objects go straight to the oldest generation (``gc.freeze`` + ``gc.unfreeze``, when
    nothing else is frozen), so the first collection does not scan them all twice either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


_CACHE_SIZE = 2
_CACHE: list[tuple[dict, Prepared]] = []
_CACHE_LOCK = threading.Lock()


def validate(store: Store, lang: str = "de", focus_nodes: Iterable[Node] | None = None) -> ValidationReport:
    """Validate everything in ``store`` (data, ontology and vocabularies) against its SHACL shapes.

    With ``focus_nodes``, only those subjects are re-validated, together with the nodes whose results
    may depend on them (held blank nodes, linked and linking nodes; see :mod:`.focus`): the fast check
    after a write. Warnings and Infos never make the report non-conforming; only Violations do.
    """
    return validate_state(GraphState.from_store(store), lang=lang, focus_nodes=focus_nodes)


def validate_state(
    state: GraphState,
    lang: str = "de",
    focus_nodes: Iterable[Node] | None = None,
    *,
    expand: bool = True,
    prepared: Prepared | None = None,
) -> ValidationReport:
    """:func:`validate` on a :class:`GraphState`. ``expand=False`` validates exactly ``focus_nodes``."""
    return validate_prepared(prepared or Prepared.of(state), lang, focus_nodes, expand=expand)


def validate_prepared(
    prepared: Prepared,
    lang: str = "de",
    focus_nodes: Iterable[Node] | None = None,
    *,
    expand: bool = True,
) -> ValidationReport:
    """:func:`validate_state` on a state already prepared."""
    focus: set[Node] | None = None
    if focus_nodes is not None:
        focus = set(focus_nodes)
        if expand:
            focus = affected_nodes(prepared.data, focus)
    if native.supports(prepared.shapes):
        results = native.run(prepared.data, prepared.shapes, focus)
    else:
        # rules add triples to the data graph, so pyshacl gets a copy (prepared states are shared)
        results = run_fast(_copy(prepared.data), prepared.shapes, focus, mirror=prepared.mirror)[1]
    return build_report(results, prepared.data, prepared.shapes, lang=lang, focus_nodes=focus)


def validate_reference(store_or_state: Store | GraphState, lang: str = "de") -> ValidationReport:
    """The same validation with pyshacl's own RDFS inference and no shortcuts (slow; for tests and
    benchmarks that check the fast path)."""
    state = (
        store_or_state if isinstance(store_or_state, GraphState) else GraphState.from_store(store_or_state)
    )
    data = state.data_graph()
    shapes = state.shapes_graph()
    _conforms, results = run_reference(data, shapes)
    labels = Prepared.of(state).data
    return build_report(results, labels, shapes, lang=lang)


def _copy(graph: Graph) -> Graph:
    copy = new_graph()
    for triple in graph:
        copy.add(triple)
    return copy
