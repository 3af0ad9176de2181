"""A SHACL property path (IRI, inverse, alternative, sequence, zero-or-more, one-or-more,
zero-or-one) as SPARQL 1.1 property-path text, so reports name every path, not only simple ones."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

_MODIFIERS = ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?"))
_MAX_DEPTH = 32  # a path nested deeper than this is malformed (or cyclic): not rendered


def path_text(graph: Graph, path: Node | None) -> str | None:
    """``<iri>`` paths as the plain IRI (as before); any other path as SPARQL property-path text with
    ``<…>`` IRIs, e.g. ``^<…#relatesPlan>`` or ``<…#definition>|<…/description>``. ``None`` for no path
    or one that is not a well-formed SHACL path."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    return _render(graph, path, 0)


def _render(graph: Graph, path: Node, depth: int) -> str | None:
    if depth > _MAX_DEPTH:
        return None
    if isinstance(path, URIRef):
        return f"<{path}>"
    inverse = graph.value(path, SH.inversePath)  # type: ignore[arg-type]
    if inverse is not None:
        inner = _render(graph, inverse, depth + 1)
        return None if inner is None else "^" + _grouped(inverse, inner)
    for prop, mark in _MODIFIERS:
        inner_path = graph.value(path, prop)  # type: ignore[arg-type]
        if inner_path is not None:
            inner = _render(graph, inner_path, depth + 1)
            return None if inner is None else _grouped(inner_path, inner) + mark
    alternatives = graph.value(path, SH.alternativePath)  # type: ignore[arg-type]
    if alternatives is not None:
        parts = [_render(graph, p, depth + 1) for p in graph.items(alternatives)]
        return None if not parts or None in parts else "(" + "|".join(parts) + ")"  # type: ignore[arg-type]
    if (path, RDF.first, None) in graph:
        members = list(graph.items(path))  # type: ignore[arg-type]
        parts = [_render(graph, p, depth + 1) for p in members]
        if not parts or None in parts:
            return None
        return "/".join(_grouped(m, p) for m, p in zip(members, parts, strict=True))  # type: ignore[arg-type]
    return None


def _grouped(node: Node, text: str) -> str:
    """Parentheses around a sequence inside ^, *, + or ?; IRIs and alternatives need none."""
    return text if isinstance(node, URIRef) or text.startswith("(") or "/" not in text else f"({text})"
