"""SELECT results as page tables: a column ``x`` with a sibling ``xLabel`` becomes one column of linked
labels; space-separated IRI lists (GROUP_CONCAT evidence) become lists of linked labels."""

from __future__ import annotations

from fastapi import Request
from rdflib import Literal, URIRef

from api.context import entry_href, lang_of, state
from api.tables import Column, Item, Table
from isrp_graph import entries
from isrp_graph.store.base import SelectResult


def _iri_list(text: str) -> list[str] | None:
    parts = text.split()
    if parts and all(p.startswith(("http://", "https://")) or "|" in p for p in parts):
        return parts
    return None


def result_table(request: Request, result: SelectResult, caption: str) -> Table:
    lang = lang_of(request)
    variables = list(result.variables)
    label_of = {v: f"{v}Label" for v in variables if f"{v}Label" in variables}
    shown = [v for v in variables if v not in label_of.values()]
    wanted: set[str] = set()
    for row in result.rows:
        for v in shown:
            node = row.get(v)
            if isinstance(node, URIRef):
                wanted.add(str(node))
            elif isinstance(node, Literal) and (found := _iri_list(str(node))):
                wanted |= {i for part in found for i in part.split("|")}
    names = entries.labels(state(request).store, wanted, lang) if wanted else {}
    table = Table(caption, [Column(v, v) for v in shown])
    for row in result.rows:
        cells: dict[str, list[Item]] = {}
        for v in shown:
            node = row.get(v)
            if node is None:
                cells[v] = []
            elif isinstance(node, URIRef):
                label = row.get(label_of[v]) if v in label_of else None
                text = str(label) if label is not None else names.get(str(node), str(node))
                cells[v] = [Item(text, entry_href(request, str(node)))]
            elif isinstance(node, Literal) and (found := _iri_list(str(node))):
                cells[v] = [
                    Item(
                        " | ".join(names.get(i, i) for i in part.split("|")),
                        entry_href(request, part.split("|")[0]),
                    )
                    for part in found
                ]
            else:
                cells[v] = [Item(str(node))]
        table.rows.append(cells)
    return table
