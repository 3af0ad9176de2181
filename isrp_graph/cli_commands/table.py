"""Plain-text tables for the terminal, and short display forms of RDF terms (``isrp:Plan``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from isrp_graph.namespaces import PREFIXES

_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: len(item[1]), reverse=True)


def display_term(node: Node | None) -> str:
    """IRIs as ``prefix:local`` where a project prefix fits, literals as their text (``@lang``)."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in _BY_LENGTH:
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        return f"<{text}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal) and node.language:
        return f"{node}@{node.language}"
    return str(node)


def render_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    right: Iterable[int] = (),
    max_width: int = 60,
) -> str:
    """Columns padded to their widest cell (cut at ``max_width``); ``right`` = right-aligned columns."""
    align_right = set(right)
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], len(value))

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(widths[i]) if i in align_right else v.ljust(widths[i]) for i, v in enumerate(values)]
        return "  ".join(parts).rstrip()

    out = [line(list(headers)), "  ".join("─" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


def _cell(value: object, max_width: int) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= max_width else text[: max_width - 1] + "…"
