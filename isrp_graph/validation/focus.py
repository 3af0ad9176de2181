"""Which nodes to re-validate when some subjects change.

A node's results can change when its own triples change, when a blank node it holds changes (a term, a
membership), or when a node it links to or that links to it changes (``sh:class`` looks at the linked
node's type, an inverse path looks at who links here). So the affected set of some subjects is: the
subjects, the blank nodes they hold (recursively), every non-literal node they link to, and every node
that links to one of them, with the blank nodes and IRI owners of those. Constraints that compare
distant nodes (e.g. a number that must be unique across all steps) are only re-checked for the nodes
in this set; a full validation checks everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal
from rdflib.term import Node


def held_blank_nodes(graph: Graph, nodes: Iterable[Node]) -> set[Node]:
    """The blank nodes reachable from ``nodes`` through blank-node objects only."""
    found: set[Node] = set()
    frontier = [n for n in nodes]
    while frontier:
        current = frontier.pop()
        for obj in graph.objects(current, None):  # type: ignore[arg-type]
            if isinstance(obj, BNode) and obj not in found:
                found.add(obj)
                frontier.append(obj)
    return found


def owners(graph: Graph, node: Node) -> set[Node]:
    """The IRI subjects that hold ``node`` through blank nodes (``node`` itself if it is an IRI)."""
    if not isinstance(node, BNode):
        return {node}
    result: set[Node] = set()
    seen: set[Node] = set()
    frontier = [node]
    while frontier:
        current = frontier.pop()
        if current in seen:
            continue
        seen.add(current)
        for subject in graph.subjects(None, current):  # type: ignore[arg-type]
            if isinstance(subject, BNode):
                frontier.append(subject)
            else:
                result.add(subject)
    return result or {node}


def affected_nodes(graph: Graph, subjects: Iterable[Node]) -> set[Node]:
    """``subjects`` with their held blank nodes, linked nodes and linking nodes (see module doc)."""
    core: set[Node] = set()
    for subject in subjects:
        core.update(owners(graph, subject))
        core.add(subject)
    core |= held_blank_nodes(graph, core)
    neighbours: set[Node] = set()
    for node in core:
        for obj in graph.objects(node, None):  # type: ignore[arg-type]
            if not isinstance(obj, Literal):
                neighbours.add(obj)
        for subject in graph.subjects(None, node):  # type: ignore[arg-type]
            neighbours |= owners(graph, subject)
            neighbours.add(subject)
    neighbours |= held_blank_nodes(graph, neighbours - core)
    return core | neighbours
