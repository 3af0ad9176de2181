"""Which named graphs are validated and which hold the shapes; the state a write would produce.

A validation sees every named graph of the store except the provenance log: the data graphs, the
ontology and the vocabularies form the data graph, the graphs under ``…/graph/ontology/shapes/`` form
the shapes graph. The state is read once (one pass over the quads) and kept as plain triple sets, so
a would-be state after a write is just a dictionary update.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import Graph, URIRef

from isrp_graph.namespaces import GRAPH, PREFIXES
from isrp_graph.registry import is_shapes_graph
from isrp_graph.store.base import Store

Triple = tuple  # (subject, predicate, object) of rdflib terms

PROVENANCE_GRAPH = URIRef(GRAPH["provenance"])
_SHAPES_CACHE: list[tuple[tuple, Graph]] = []
_SHAPES_LOCK = threading.Lock()

__all__ = ["PROVENANCE_GRAPH", "GraphState", "is_shapes_graph", "is_validated_graph", "new_graph"]


CHANGESET_GRAPH_PREFIX = str(GRAPH["changeset/"])
RELEASES_GRAPH = URIRef(GRAPH["releases"])


def is_record_graph(name: URIRef) -> bool:
    """The provenance log, the changesets and the releases: records of changes, not registry data."""
    return name in (PROVENANCE_GRAPH, RELEASES_GRAPH) or str(name).startswith(CHANGESET_GRAPH_PREFIX)


def is_validated_graph(name: URIRef) -> bool:
    """True for the graphs whose triples are validated: everything but shapes and the records."""
    return not is_shapes_graph(name) and not is_record_graph(name)


def new_graph() -> Graph:
    graph = Graph(bind_namespaces="core")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


@dataclass(frozen=True)
class GraphState:
    """The triples of each named graph at one moment (the store now, or the store after a write)."""

    graphs: Mapping[URIRef, frozenset[Triple]]

    @classmethod
    def from_store(cls, store: Store) -> GraphState:
        collected: dict[URIRef, set[Triple]] = {}
        for s, p, o, g in store.dataset_quads():
            collected.setdefault(g, set()).add((s, p, o))
        return cls({name: frozenset(triples) for name, triples in collected.items()})

    @classmethod
    def from_graphs(cls, graphs: Mapping[URIRef, Graph]) -> GraphState:
        return cls({name: frozenset(graph) for name, graph in graphs.items()})

    def with_changes(self, changes: Mapping[URIRef, Graph | None]) -> GraphState:
        """The state after replacing each changed graph (``None`` removes it)."""
        graphs = dict(self.graphs)
        for name, graph in changes.items():
            if graph is None or len(graph) == 0:
                graphs.pop(name, None)
            else:
                graphs[name] = frozenset(graph)
        return GraphState(graphs)

    def validation_input(self) -> dict[URIRef, frozenset[Triple]]:
        """The graphs a validation reads (all but the provenance log): equal inputs, equal reports."""
        return {name: triples for name, triples in self.graphs.items() if not is_record_graph(name)}

    def triples(self, name: URIRef) -> frozenset[Triple]:
        return self.graphs.get(name, frozenset())

    def data_triples(self) -> Iterable[Triple]:
        for name, triples in self.graphs.items():
            if is_validated_graph(name):
                yield from triples

    def shapes_triples(self) -> Iterable[Triple]:
        for name, triples in self.graphs.items():
            if is_shapes_graph(name):
                yield from triples

    def shapes_graph(self) -> Graph:
        """The union of the shapes graphs, on a store that memoises lookups (see ``fast_graph``);
        the last ones built are reused for the same shapes (writes validate twice per change)."""
        key = tuple(sorted((str(n), len(t), hash(t)) for n, t in self.graphs.items() if is_shapes_graph(n)))
        with _SHAPES_LOCK:
            for cached_key, cached in _SHAPES_CACHE:
                if cached_key == key:
                    return cached
        graph = self._build_shapes_graph()
        with _SHAPES_LOCK:
            _SHAPES_CACHE.insert(0, (key, graph))
            del _SHAPES_CACHE[2:]
        return graph

    def _build_shapes_graph(self) -> Graph:
        from pyshacl.shapes_graph import ShapesGraph

        from isrp_graph.validation.fast_graph import read_mostly_graph

        graph = read_mostly_graph()
        for triple in self.shapes_triples():
            graph.add(triple)
        # pyshacl adds these to every shapes graph it is given; having them already makes that a
        # no-op, so a prepared shapes graph is never written to while another thread reads it
        for triple in ShapesGraph.system_triples:
            graph.add(triple)
        return graph

    def data_graph(self) -> Graph:
        """Union of the validated graphs, without inferred triples."""
        graph = new_graph()
        for triple in self.data_triples():
            graph.add(triple)
        return graph
