"""An rdflib store for graphs that are read far more often than written (the shapes graph).

pyshacl reads a shape's parameters from the shapes graph every time it validates the shape, which is
once per focus node for property shapes: tens of thousands of identical ``triples()`` lookups on the
Erfurt registry. This store (rdflib's SimpleMemory: no contexts) remembers the answer to each lookup
pattern until the graph changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rdflib import Graph
from rdflib.plugins.stores.memory import SimpleMemory

from isrp_graph.namespaces import PREFIXES


class ReadMostlyMemory(SimpleMemory):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._answers: dict[tuple, list[tuple]] = {}
        self.generation = 0  # counts changes (the graph's own caches compare it)

    def add(self, triple: Any, context: Any, quoted: bool = False) -> None:
        if next(super().triples(triple, context), None) is not None:
            return  # already there (pyshacl re-adds its system triples to every shapes graph)
        self._answers.clear()
        self.generation += 1
        super().add(triple, context, quoted)

    def remove(self, triple_pattern: Any, context: Any = None) -> None:
        self._answers.clear()
        self.generation += 1
        super().remove(triple_pattern, context)

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[tuple[tuple, Iterator]]:
        answer = self._answers.get(triple_pattern)
        if answer is None:
            answer = [triple for triple, _contexts in super().triples(triple_pattern, context)]
            self._answers[triple_pattern] = answer
        for triple in answer:
            yield triple, iter(())


class ReadMostlyGraph(Graph):
    """A graph on a :class:`ReadMostlyMemory` store that also remembers its RDF lists (pyshacl reads
    the list of an alternative path once per focus node)."""

    def items(self, list: Any) -> Iterator[Any]:  # type: ignore[override]
        store = self.store
        cache = self.__dict__.setdefault("_items", {})
        found = cache.get(list)
        if found is None or found[0] != store.generation:  # type: ignore[attr-defined]
            found = cache[list] = (store.generation, tuple(super().items(list)))  # type: ignore[attr-defined]
        return iter(found[1])


def read_mostly_graph() -> Graph:
    """An empty graph on a :class:`ReadMostlyMemory` store with the project's prefixes."""
    graph = ReadMostlyGraph(store=ReadMostlyMemory(), bind_namespaces="core")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
