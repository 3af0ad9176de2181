"""The one narrow interface every store backend implements (embedded pyoxigraph or a remote SPARQL 1.1
server).

Each source (ontology, a vocabulary, a data file, an import) lives in its own named graph so it can be
replaced atomically; queries see the union of all named graphs as their default graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from rdflib import Graph, URIRef
from rdflib.term import Node


@dataclass(frozen=True)
class SelectResult:
    """Rows of a SELECT query: variable names in order, each row maps variable -> rdflib term (or None)."""

    variables: list[str]
    rows: list[dict[str, Node | None]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


@runtime_checkable
class Store(Protocol):
    """What the rest of isrp_graph may ask of a store. Nothing else is assumed about a backend."""

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> SelectResult:
        """Run a SELECT query on the union of all named graphs. ``bindings`` are substituted safely
        (as terms, never by string pasting) for the query's variables of the same names."""
        ...

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool: ...

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        """CONSTRUCT or DESCRIBE; returns an rdflib Graph."""
        ...

    def query_raw(self, query: str, accept: str) -> tuple[bytes, str]:
        """Run any SPARQL query and return the serialised result in a standard results/RDF format
        chosen by ``accept`` (SPARQL JSON/XML/CSV/TSV, Turtle, N-Triples, RDF/XML, JSON-LD):
        (body, content type). Used by the SPARQL protocol endpoint."""
        ...

    def update(self, update: str) -> None: ...

    def graphs(self) -> list[URIRef]:
        """The named graphs in the store."""
        ...

    def get_graph(self, name: URIRef) -> Graph:
        """A copy of one named graph."""
        ...

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Atomically replace (or create) one named graph with ``graph``'s triples."""
        ...

    def replace_graphs(self, graphs: Mapping[URIRef, Graph]) -> None:
        """Atomically replace several named graphs: all or nothing."""
        ...

    def drop_graph(self, name: URIRef) -> None: ...

    def union_graph(self) -> Graph:
        """All triples of all named graphs as one rdflib Graph (for pyshacl and exports)."""
        ...

    def dataset_quads(self) -> Iterable[tuple[Node, Node, Node, URIRef]]:
        """Every quad, for dumps as TriG / N-Quads."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def close(self) -> None: ...
