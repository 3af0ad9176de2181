"""SELECT results in the standard SPARQL 1.1 serialisations (JSON, CSV) from a ``SelectResult``, and
back from SPARQL JSON. Used by the CLI and remote store; the web app may use it for its JSON/CSV twins."""

from __future__ import annotations

import csv
import io
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from isrp_graph.store.base import SelectResult
from isrp_graph.store.terms import XSD_STRING


def term_to_json(node: Node) -> dict[str, str]:
    """One term in the SPARQL 1.1 JSON results format."""
    if isinstance(node, URIRef):
        return {"type": "uri", "value": str(node)}
    if isinstance(node, BNode):
        return {"type": "bnode", "value": str(node)}
    if isinstance(node, Literal):
        item = {"type": "literal", "value": str(node)}
        if node.language:
            item["xml:lang"] = node.language
        elif node.datatype is not None and str(node.datatype) != XSD_STRING:
            item["datatype"] = str(node.datatype)
        return item
    raise ValueError(f"unsupported RDF term: {node!r}")


def term_from_json(item: dict[str, Any]) -> Node:
    kind = item.get("type")
    value = item.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if item.get("xml:lang"):
            return Literal(value, lang=item["xml:lang"], normalize=False)
        datatype = item.get("datatype")
        if datatype and datatype != XSD_STRING:
            return Literal(value, datatype=URIRef(datatype), normalize=False)
        return Literal(value, normalize=False)
    raise ValueError(f"unsupported SPARQL JSON term: {item!r}")


def select_from_json(data: dict[str, Any]) -> SelectResult:
    variables = list(data.get("head", {}).get("vars", []))
    rows = [
        {v: (term_from_json(b[v]) if v in b else None) for v in variables}
        for b in data.get("results", {}).get("bindings", [])
    ]
    return SelectResult(variables=variables, rows=rows)


def select_to_json(result: SelectResult) -> dict[str, Any]:
    bindings = [
        {name: term_to_json(value) for name, value in row.items() if value is not None} for row in result.rows
    ]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def select_to_csv(result: SelectResult) -> str:
    """SPARQL 1.1 CSV: header of variable names, IRIs and literals as plain strings, ``_:`` blank nodes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(row.get(v)) for v in result.variables])
    return buffer.getvalue()


def _csv_value(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)
