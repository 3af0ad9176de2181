"""Human names for nodes, types, fields and the registry entry a blank node belongs to.

Labels come from the graph: ``rdfs:label`` in the wanted language, then German, then any other naming
property the model uses (``skos:prefLabel``, ``isrp:provisionLabel``, ``eli:title_short``), then the
IRI's local name.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from isrp_graph.namespaces import ELI, ISRP

LABEL_PROPERTIES: tuple[URIRef, ...] = (
    RDFS.label,
    SKOS.prefLabel,
    ISRP.provisionLabel,
    ELI.title_short,
    ELI.title,
)


def local_name(node: Node) -> str:
    text = str(node)
    for separator in ("#", "/"):
        if separator in text:
            text = text.rsplit(separator, 1)[1] or text
    return text


def pick_literal(values: list[Node], lang: str) -> str | None:
    """The literal in ``lang``, else German, else English, else an untagged one, else any."""
    literals = [v for v in values if isinstance(v, Literal)]
    if not literals:
        return None
    for wanted in (lang, "de", "en", None):
        for literal in sorted(literals):
            if (literal.language or None) == wanted:
                return str(literal)
    return str(sorted(literals)[0])


def label(graph: Graph, node: Node, lang: str) -> str:
    """The name of ``node`` in ``lang`` (German fallback); the local name if it has none."""
    for prop in LABEL_PROPERTIES:
        text = pick_literal(list(graph.objects(node, prop)), lang)  # type: ignore[arg-type]
        if text:
            return text
    if isinstance(node, Literal):
        return str(node)
    if isinstance(node, BNode):
        return ""
    return local_name(node)


_GENERIC = (str(RDF), str(RDFS), str(OWL))


def most_specific_type(
    graph: Graph, node: Node, choices: dict[frozenset, URIRef | None] | None = None
) -> URIRef | None:
    """The node's type that is not a superclass of another of its types (ISRP terms first).
    ``choices`` remembers the answer per set of types (many nodes share theirs)."""
    types = frozenset(t for t in graph.objects(node, RDF.type) if isinstance(t, URIRef))  # type: ignore[arg-type]
    if choices is None:
        return _most_specific(graph, types)
    if types not in choices:
        choices[types] = _most_specific(graph, types)
    return choices[types]


def _most_specific(graph: Graph, found: frozenset) -> URIRef | None:
    types = set(found)
    if not types:
        return None
    # the RDFS closure types everything as rdfs:Resource, every property as rdf:Property: those say
    # nothing when the node has a type of its own
    specific = {t for t in types if not str(t).startswith(_GENERIC)}
    types = specific or types
    supers: set[Node] = set()
    for t in types:
        supers.update(o for o in graph.transitive_objects(t, RDFS.subClassOf) if o != t)
    candidates = sorted(types - supers) or sorted(types)
    isrp = [t for t in candidates if str(t).startswith(str(ISRP))]
    return (isrp or candidates)[0]


def entry_of(graph: Graph, node: Node) -> Node:
    """The registry entry a node belongs to: itself when it is an IRI, else the nearest IRI subject
    that holds it through blank nodes (e.g. the plan of an ``isrp:term`` interval)."""
    seen: set[Node] = set()
    frontier = [node]
    while frontier:
        current = frontier.pop(0)
        if isinstance(current, URIRef):
            return current
        if current in seen:
            continue
        seen.add(current)
        frontier.extend(sorted(graph.subjects(None, current)))  # type: ignore[arg-type]
    return node


def shape_field_name(shapes: Graph, data: Graph, shape: Node, path: Node | None, lang: str) -> str:
    """What a form would call the field: ``sh:name`` of the shape, else the property's label."""
    name = pick_literal(list(shapes.objects(shape, SH.name)), lang)  # type: ignore[arg-type]
    if name:
        return name
    if path is None:
        return ""
    return path_label(shapes, data, path, lang)


def path_label(paths: Graph, data: Graph, path: Node, lang: str) -> str:
    """A SHACL property path in words: labels of its properties, ``^`` for inverse, ``/`` for sequence."""
    if isinstance(path, URIRef):
        return label(data, path, lang)
    inverse = paths.value(path, SH.inversePath)  # type: ignore[arg-type]
    if inverse is not None:
        return "^" + path_label(paths, data, inverse, lang)
    for prop, mark in (
        (SH.zeroOrMorePath, "*"),
        (SH.oneOrMorePath, "+"),
        (SH.zeroOrOnePath, "?"),
    ):
        inner = paths.value(path, prop)  # type: ignore[arg-type]
        if inner is not None:
            return path_label(paths, data, inner, lang) + mark
    alternatives = paths.value(path, SH.alternativePath)  # type: ignore[arg-type]
    if alternatives is not None:
        return " | ".join(path_label(paths, data, p, lang) for p in paths.items(alternatives))
    if (path, RDF.first, None) in paths:
        return " / ".join(path_label(paths, data, p, lang) for p in paths.items(path))  # type: ignore[arg-type]
    return ""
