"""What changed between two versions of a named graph, without being fooled by blank-node ids.

A re-parsed file gives every blank node a new id, so a plain set difference would call an unchanged
``isrp:term [ … ]`` removed and added. Here a blank node is compared by its description (its outgoing
triples, recursively): two versions of an entry are equal when they say the same things.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import BNode, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from isrp_graph.validation.graphs import Triple

SCHEMA_PREDICATES = frozenset({RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range})

Description = frozenset


class NodeDescriber:
    """Blank-node-independent descriptions of the nodes of one set of triples (shared with the change
    model, ``isrp_graph.changes.delta``)."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.outgoing: dict[Node, list[tuple[Node, Node]]] = {}
        self.objects: set[Node] = set()
        for s, p, o in triples:
            self.outgoing.setdefault(s, []).append((p, o))
            self.objects.add(o)
        self._cache: dict[Node, Description] = {}

    def term(self, node: Node, stack: frozenset[Node] = frozenset()) -> object:
        if isinstance(node, BNode):
            if node in stack:
                return ("cycle",)
            return ("bnode", self.describe(node, stack | {node}))
        return node

    def describe(self, node: Node, stack: frozenset[Node] = frozenset()) -> Description:
        cached = self._cache.get(node)
        if cached is not None:
            return cached
        pairs = Counter((p, self.term(o, stack)) for p, o in self.outgoing.get(node, ()))
        description = frozenset(pairs.items())
        self._cache[node] = description
        return description

    def canonical_triples(self) -> Counter:
        return Counter(
            (self.term(s), p, self.term(o)) for s, pairs in self.outgoing.items() for p, o in pairs
        )

    def orphans(self) -> Counter:
        """Descriptions of blank nodes that no triple points at (not held by any entry)."""
        return Counter(
            self.describe(s) for s in self.outgoing if isinstance(s, BNode) and s not in self.objects
        )


@dataclass(frozen=True)
class GraphDiff:
    """How one named graph changes: subjects whose description differs, triple counts, and whether
    the change touches the schema (class/property hierarchy, domains, ranges) or loose blank nodes,
    which make an incremental check unsafe."""

    changed_subjects: frozenset[Node]
    added: int
    removed: int
    touches_schema: bool
    touches_orphans: bool


def diff_graph(old: Iterable[Triple], new: Iterable[Triple]) -> GraphDiff:
    old_d, new_d = NodeDescriber(old), NodeDescriber(new)
    subjects = {s for s in (*old_d.outgoing, *new_d.outgoing) if isinstance(s, URIRef)}
    changed = frozenset(s for s in subjects if old_d.describe(s) != new_d.describe(s))
    old_c, new_c = old_d.canonical_triples(), new_d.canonical_triples()
    touches_schema = any(triple[1] in SCHEMA_PREDICATES for triple in (old_c - new_c) + (new_c - old_c))
    return GraphDiff(
        changed_subjects=changed,
        added=sum((new_c - old_c).values()),
        removed=sum((old_c - new_c).values()),
        touches_schema=touches_schema,
        touches_orphans=old_d.orphans() != new_d.orphans(),
    )
