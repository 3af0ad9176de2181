"""Entry-level deltas: what one change does to each entry of each named graph.

The unit of change is an *entry*: an IRI subject together with the blank nodes it holds (terms, role
associations, memberships, intervals). Its *description* is the multiset of (property, value) pairs,
where a blank-node value is replaced by its own description (recursively), so re-parsed blank-node ids
never count as a change and a changed term is attributed to the plan that holds it. A delta is the
pairs removed from and added to one entry in one graph; blank nodes that no IRI holds ("orphans") are
the entry ``None`` of their graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rdflib import BNode, URIRef
from rdflib.term import Node

from isrp_graph.validation.diff import NodeDescriber

Triple = tuple  # (subject, predicate, object) of rdflib terms
Value = object  # an IRI, a literal, or ("bnode", Description)
Pair = tuple  # (predicate, Value)
Description = frozenset  # frozenset of (Pair, count)


class Describer(NodeDescriber):
    """Descriptions of the nodes of one set of triples (the describer of ``validation.diff``; a
    blank-node value is ``("bnode", description)``)."""

    def value(self, node: Node, stack: frozenset[Node] = frozenset()) -> Value:
        return self.term(node, stack)

    def roots(self) -> set[Node]:
        """IRI subjects, and blank-node subjects that nothing points at."""
        return {
            s
            for s in self.outgoing
            if isinstance(s, URIRef) or (isinstance(s, BNode) and s not in self.objects)
        }

    def orphans(self) -> Counter:
        return Counter(
            self.describe(s) for s in self.outgoing if isinstance(s, BNode) and s not in self.objects
        )

    def entry_triples(self, root: Node) -> list[Triple]:
        """The triples of ``root`` and of the blank nodes it holds."""
        found: list[Triple] = []
        seen: set[Node] = set()
        frontier = [root]
        while frontier:
            node = frontier.pop()
            if node in seen:
                continue
            seen.add(node)
            for p, o in self.outgoing.get(node, ()):
                found.append((node, p, o))
                if isinstance(o, BNode):
                    frontier.append(o)
        return found


def pairs_of(description: Description) -> Counter:
    return Counter(dict(description))


@dataclass(frozen=True)
class EntryDelta:
    """What one change does to one entry in one graph."""

    graph: URIRef
    entry: URIRef | None
    removed: tuple[tuple[Pair, int], ...]
    added: tuple[tuple[Pair, int], ...]

    @property
    def removed_pairs(self) -> Counter:
        return Counter(dict(self.removed))

    @property
    def added_pairs(self) -> Counter:
        return Counter(dict(self.added))

    def triple_counts(self) -> tuple[int, int]:
        """(triples added, triples removed), counting the triples inside blank-node values."""
        return _size(self.added_pairs), _size(self.removed_pairs)

    def inverse(self) -> EntryDelta:
        return EntryDelta(self.graph, self.entry, removed=self.added, added=self.removed)


def _size(pairs: Counter) -> int:
    total = 0
    for (p, value), count in pairs.items():
        total += count * ((0 if p == "orphan" else 1) + _value_size(value))
    return total


def _value_size(value: Value) -> int:
    if isinstance(value, tuple) and value and value[0] == "bnode":
        return _size(pairs_of(value[1]))
    return 0


def freeze(pairs: Counter) -> tuple[tuple[Pair, int], ...]:
    return tuple(sorted(((k, v) for k, v in pairs.items() if v > 0), key=lambda item: repr(item[0])))


def graph_deltas(graph: URIRef, old: Iterable[Triple], new: Iterable[Triple]) -> list[EntryDelta]:
    """The entry deltas that turn ``old`` into ``new`` (the triples of one named graph)."""
    old_d, new_d = Describer(old), Describer(new)
    deltas: list[EntryDelta] = []
    iris = {r for r in (*old_d.roots(), *new_d.roots()) if isinstance(r, URIRef)}
    for root in sorted(iris, key=str):
        before = pairs_of(old_d.describe(root)) if root in old_d.outgoing else Counter()
        after = pairs_of(new_d.describe(root)) if root in new_d.outgoing else Counter()
        if before != after:
            deltas.append(EntryDelta(graph, root, freeze(before - after), freeze(after - before)))
    old_o, new_o = old_d.orphans(), new_d.orphans()
    if old_o != new_o:
        removed = Counter({("orphan", ("bnode", d)): n for d, n in (old_o - new_o).items()})
        added = Counter({("orphan", ("bnode", d)): n for d, n in (new_o - old_o).items()})
        deltas.append(EntryDelta(graph, None, freeze(removed), freeze(added)))
    return deltas


def materialise(entry: URIRef | None, pairs: Counter) -> list[Triple]:
    """Triples saying ``pairs`` about ``entry`` (fresh blank nodes for blank-node values). For the
    orphan entry ``None`` each pair is one loose blank node."""
    triples: list[Triple] = []
    for (p, value), count in pairs.items():
        for _ in range(count):
            if entry is None:
                _node(value, triples)
            else:
                triples.append((entry, p, _node(value, triples)))
    return triples


def _node(value: Value, triples: list[Triple]) -> Node:
    if isinstance(value, tuple):
        node = BNode()
        if value and value[0] == "bnode":
            for (p, inner), count in value[1]:
                for _ in range(count):
                    triples.append((node, p, _node(inner, triples)))
        return node
    return value  # type: ignore[return-value]


def apply_pairs(current: Counter, delta: EntryDelta) -> Counter:
    """``current`` with the delta applied (removed pairs out, added pairs in)."""
    result = current - delta.removed_pairs
    result.update(delta.added_pairs)
    return +result


def conflicts(current: Counter, delta: EntryDelta) -> tuple[list[Pair], list[Pair]]:
    """For undoing ``delta`` on ``current``: pairs it added that are gone now, pairs it removed that
    are back now (both mean the entry changed again since)."""
    gone = [pair for pair, n in delta.added_pairs.items() if current.get(pair, 0) < n]
    back = [pair for pair in delta.removed_pairs if current.get(pair, 0) > 0]
    return gone, back


def entry_iris(deltas: Iterable[EntryDelta]) -> frozenset[URIRef]:
    return frozenset(d.entry for d in deltas if d.entry is not None)


def by_graph(deltas: Iterable[EntryDelta]) -> Mapping[URIRef, list[EntryDelta]]:
    grouped: dict[URIRef, list[EntryDelta]] = {}
    for delta in deltas:
        grouped.setdefault(delta.graph, []).append(delta)
    return grouped
