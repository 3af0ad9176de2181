"""Types inferred by range, for the write-path extract (:mod:`.neighbourhood`).

A node's types can come from a triple pointing at it whose property has a range (rdfs3). The extract
reads one such triple per ranged property, but only for the properties whose range classes (with
their superclasses, and those of the superproperties' ranges) the node's own types do not already
reach, and only the properties that do point at it (:meth:`.store_view.View.incoming_predicates`):
on the in-memory store a lookup of a property that does not point at a hub walks all of the hub's
incoming quads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib.namespace import RDFS
from rdflib.term import Node

if TYPE_CHECKING:
    from isrp_graph.validation.store_view import View

Triple = tuple


def _ranged_properties(schema: Iterable[Triple]) -> set[Node]:
    ranged = {s for s, p, _o in schema if p == RDFS.range}
    sub: dict[Node, set[Node]] = {}
    for s, p, o in schema:
        if p == RDFS.subPropertyOf:
            sub.setdefault(o, set()).add(s)
    frontier = list(ranged)
    while frontier:
        for child in sub.get(frontier.pop(), ()):
            if child not in ranged:
                ranged.add(child)
                frontier.append(child)
    return ranged


class _RangeTypes:
    """Which ranged properties can still add a type to a node: a property whose range classes (with
    their superclasses, and those of its superproperties' ranges) the node's own types already reach
    adds nothing, so its incoming triple need not be read (on a large store most such reads are
    index lookups that find a node of a known kind)."""

    def __init__(self, schema: frozenset[Triple]) -> None:
        self.schema = schema
        self._supers: dict[Node, set[Node]] = {}
        super_properties: dict[Node, set[Node]] = {}
        ranges: dict[Node, set[Node]] = {}
        for s, p, o in schema:
            if p == RDFS.subClassOf:
                self._supers.setdefault(s, set()).add(o)
            elif p == RDFS.subPropertyOf:
                super_properties.setdefault(s, set()).add(o)
            elif p == RDFS.range:
                ranges.setdefault(s, set()).add(o)
        self._closed: dict[Node, frozenset[Node]] = {}
        self.classes: dict[Node, frozenset[Node]] = {}
        for prop in _ranged_properties(schema):
            found: set[Node] = set()
            seen: set[Node] = set()
            frontier = [prop]
            while frontier:
                current = frontier.pop()
                if current in seen:
                    continue
                seen.add(current)
                for cls in ranges.get(current, ()):
                    found |= self.closure(cls)
                frontier.extend(super_properties.get(current, ()))
            self.classes[prop] = frozenset(found)

    def closure(self, cls: Node) -> frozenset[Node]:
        """``cls`` and its superclasses by the schema's stated subClassOf triples."""
        found = self._closed.get(cls)
        if found is None:
            seen: set[Node] = set()
            frontier = [cls]
            while frontier:
                current = frontier.pop()
                if current not in seen:
                    seen.add(current)
                    frontier.extend(self._supers.get(current, ()))
            found = self._closed[cls] = frozenset(seen)
        return found

    def pull(self, view: View, node: Node, types: Iterable[Node], local: set[Triple]) -> None:
        """Add one incoming triple per ranged property that may add a type to ``node``."""
        known: set[Node] = set()
        for cls in types:
            known |= self.closure(cls)
        wanted = [prop for prop, classes in self.classes.items() if not classes <= known]
        if len(wanted) > 2:  # which predicates point here at all: a hub is asked once, not per property
            present = view.incoming_predicates(node)
            wanted = [prop for prop in wanted if str(prop) in present]
        for prop in wanted:
            found = view.one_incoming(node, prop)  # type: ignore[arg-type]
            if found is not None:
                local.add(found)


_CACHE: list[_RangeTypes] = []


def range_types(schema: frozenset[Triple]) -> _RangeTypes:
    for cached in _CACHE:
        if cached.schema is schema:
            return cached
    made = _RangeTypes(schema)
    _CACHE.insert(0, made)
    del _CACHE[4:]
    return made
