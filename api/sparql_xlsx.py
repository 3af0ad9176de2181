"""SELECT results as an Excel workbook, for the SPARQL page (``/abfrage?format=xlsx``) and the protocol
endpoint (``/sparql?query=…&format=xlsx`` or ``Accept: application/vnd.openxmlformats-…sheet``).

One sheet with the variable names as header; IRIs and texts as text cells (a value such as
``=HYPERLINK(…)`` stays text), numbers typed ``xsd:integer``/``decimal``/``double``… as numbers, blank
nodes as ``_:id``. The W3C CSV, TSV, JSON and XML results of ``/sparql`` are unchanged; XLSX is an
extra that only SELECT has."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.responses import PlainTextResponse, Response
from rdflib import BNode, Literal
from rdflib.namespace import XSD
from rdflib.term import Node

from api.context import lang_of
from api.negotiation import xlsx_response
from isrp_graph.messages import both, register, t
from isrp_graph.store.base import SelectResult
from isrp_graph.store.sparql_text import query_form
from isrp_graph.xlsx_safe import MEDIA_TYPE, Sheet

register(
    {
        "web.sparql.xlsx_select_only": {
            "de": "Eine Tabelle für Excel (format=xlsx) gibt es nur für SELECT-Abfragen; diese Abfrage ist "
            "{form}. Für CONSTRUCT und DESCRIBE bitte Turtle oder JSON-LD wählen.",
            "en": "A table for Excel (format=xlsx) exists for SELECT queries only; this query is {form}. "
            "For CONSTRUCT and DESCRIBE please choose Turtle or JSON-LD.",
        },
        "web.sparql.xlsx_title": {"de": "Ergebnis der SPARQL-Abfrage", "en": "Result of the SPARQL query"},
        "web.sparql.xlsx_query": {"de": "Abfrage", "en": "Query"},
        "web.sparql.output": {"de": "Ergebnis als", "en": "Result as"},
        "web.sparql.output_page": {"de": "Tabelle auf dieser Seite", "en": "Table on this page"},
        "web.sparql.output_hint": {
            "de": "Die Downloads gibt es für SELECT-Abfragen; CONSTRUCT und DESCRIBE zeigen ihre Tripel "
            "hier.",
            "en": "The downloads exist for SELECT queries; CONSTRUCT and DESCRIBE show their triples here.",
        },
    }
)

# the SPARQL page's "Ergebnis als" choice (``?ausgabe=``): format and whether CSV is for German Excel
OUTPUTS: dict[str, tuple[str, bool]] = {
    "xlsx": ("xlsx", False),
    "csv-excel": ("csv", True),
    "csv": ("csv", False),
}

NUMERIC = {
    str(XSD[name])
    for name in (
        "integer",
        "decimal",
        "double",
        "float",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}


def wants_xlsx(request: Request, pairs: Sequence[tuple[str, str]]) -> bool:
    """``format=xlsx`` among the parameters, or the XLSX media type named in the Accept header."""
    if any(k == "format" and v.strip().lower().lstrip(".") in ("xlsx", "excel") for k, v in pairs):
        return True
    return MEDIA_TYPE in request.headers.get("accept", "")


def _number(lexical: str, datatype: str | None) -> object:
    if datatype not in NUMERIC:
        return lexical
    try:
        value = float(lexical)
    except ValueError:
        return lexical
    return int(value) if value.is_integer() and "." not in lexical and "e" not in lexical.lower() else value


def node_value(node: Node | None) -> object:
    """A result term as a cell: a number for numeric literals, ``_:id`` for blank nodes, else text."""
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        return _number(str(node), str(node.datatype) if node.datatype else None)
    return str(node)


def result_sheet(result: SelectResult, title: str) -> Sheet:
    rows = [[node_value(row.get(v)) for v in result.variables] for row in result.rows]
    return Sheet(title, list(result.variables), rows)


def json_sheet(body: bytes, title: str) -> Sheet:
    """A sheet from SPARQL 1.1 Query Results JSON."""
    data: dict[str, Any] = json.loads(body)
    variables = list(data.get("head", {}).get("vars", []))
    rows = []
    for binding in data.get("results", {}).get("bindings", []):
        row: list[object] = []
        for v in variables:
            term = binding.get(v)
            if term is None:
                row.append("")
            elif term.get("type") == "bnode":
                row.append(f"_:{term['value']}")
            elif term.get("type") in ("literal", "typed-literal"):
                row.append(_number(term["value"], term.get("datatype")))
            else:
                row.append(term["value"])
        rows.append(row)
    return Sheet(title, variables, rows)


def query_notes(request: Request, query: str) -> list[tuple[str, str]]:
    return [(t("web.sparql.xlsx_query", lang_of(request)), query)]


def page_xlsx(request: Request, result: SelectResult, query: str) -> Response:
    """The SPARQL page's SELECT result as ``ergebnis.xlsx``."""
    title = t("web.sparql.xlsx_title", lang_of(request))
    return xlsx_response(
        request,
        [result_sheet(result, title)],
        title=title,
        filename="ergebnis",
        notes=query_notes(request, query),
    )


def xlsx_refusal(query: str, cors: dict[str, str]) -> Response | None:
    """406 for ``format=xlsx`` on an ASK, CONSTRUCT or DESCRIBE query (updates are refused later, 403)."""
    form = query_form(query)
    if form not in ("ASK", "CONSTRUCT", "DESCRIBE"):
        return None
    return PlainTextResponse(
        both("web.sparql.xlsx_select_only", form=form), status_code=406, headers={**cors, "Vary": "Accept"}
    )


def protocol_xlsx(request: Request, query: str, body: bytes, cors: dict[str, str]) -> Response:
    """``/sparql`` with ``format=xlsx``: the SELECT result (``body``, SPARQL JSON) as ``ergebnis.xlsx``."""
    title = t("web.sparql.xlsx_title", lang_of(request))
    response = xlsx_response(
        request,
        [json_sheet(body, title)],
        title=title,
        filename="ergebnis",
        notes=query_notes(request, query),
    )
    response.headers.update(cors)
    return response
