"""A proposal as people read it: per entry and field (named by the shapes' ``sh:name``), the values
before and after, with labels instead of IRIs and German dates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from isrp_graph.entries import _pick_literal, _values_block, labels
from isrp_graph.store.base import Store

_FIELD_NAMES = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?path ?name WHERE {{ {values} ?shape sh:path ?path ; sh:name ?name . }}
"""
Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class FieldChange:
    field: str
    path: str
    before: tuple[str, ...]
    after: tuple[str, ...]


def field_names(store: Store, paths: Iterable[str], lang: str) -> dict[str, str]:
    """The form's name of each property (``sh:name``), else its label."""
    wanted = sorted(set(paths))
    if not wanted:
        return {}
    found: dict[str, list[Literal]] = {}
    for row in store.select(_FIELD_NAMES.format(values=_values_block("path", wanted))).rows:
        if isinstance(row.get("name"), Literal):
            found.setdefault(str(row["path"]), []).append(row["name"])  # type: ignore[arg-type]
    names = labels(store, [p for p in wanted if p not in found], lang)
    for path, literals in found.items():
        picked = _pick_literal(literals, lang)
        names[path] = str(picked) if picked is not None else path
    return names


def _text(node: Node, triples: list[Triple], names: dict[str, str], depth: int = 0) -> str:
    if isinstance(node, Literal):
        if node.datatype == XSD.date:
            try:
                return node.toPython().strftime("%d.%m.%Y")
            except AttributeError:
                return str(node)
        return str(node)
    if isinstance(node, BNode):
        if depth > 2:
            return "…"
        parts = [
            f"{names.get(str(p), str(p))}: {_text(o, triples, names, depth + 1)}"
            for s, p, o in sorted(triples, key=lambda t: (str(t[1]), str(t[2])))
            if s == node
        ]
        return "(" + "; ".join(parts) + ")"
    return names.get(str(node), str(node))


def field_changes(
    store: Store, subject: URIRef, before: Iterable[Triple], after: Iterable[Triple], lang: str = "de"
) -> list[FieldChange]:
    """The fields whose values differ between ``before`` and ``after`` (descriptions of ``subject``)."""
    old, new = list(before), list(after)
    paths = {str(p) for s, p, _ in (*old, *new)}
    iris = {str(o) for _, _, o in (*old, *new) if isinstance(o, URIRef)}
    names = {**labels(store, iris, lang), **field_names(store, paths, lang)}
    rows: list[FieldChange] = []
    for path in sorted({str(p) for s, p, _ in (*old, *new) if s == subject}):
        was = sorted(_text(o, old, names) for s, p, o in old if s == subject and str(p) == path)
        now = sorted(_text(o, new, names) for s, p, o in new if s == subject and str(p) == path)
        if was != now:
            rows.append(FieldChange(names.get(path, path), path, tuple(was), tuple(now)))
    rows.sort(key=lambda r: r.field.casefold())
    return rows
