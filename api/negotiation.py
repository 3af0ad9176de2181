"""One function builds a page's model; this module turns it into HTML, JSON, CSV or RDF as asked by
``?format=`` or the Accept header (datasette's idea: every page has a JSON twin and, where it is a table,
a CSV download)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from rdflib import Graph
from rdflib.term import Node

from api.context import entry_href, href, lang_of, state, switch_lang_href, translator
from api.tables import Table
from isrp_graph.messages import LocalizedError
from isrp_graph.store.errors import UnsupportedFormat
from isrp_graph.store.formats import negotiate

MEDIA: dict[str, str] = {
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "nt": "application/n-triples",
}
# other names clients use for the same formats (rdflib asks for text/plain when it wants N-Triples)
MEDIA_ALIASES: dict[str, str] = {
    "text/plain": "nt",
    "application/x-turtle": "ttl",
    "application/xml": "rdf",
    "text/xml": "rdf",
}
RDFLIB_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "rdf": "xml", "nt": "nt"}
PAGE = ("html", "json")
TABLE_PAGE = ("html", "json", "csv")
RDF_PAGE = ("html", "ttl", "jsonld", "rdf", "nt", "json")
FORMAT_LABELS = {
    "json": "JSON",
    "csv": "CSV",
    "ttl": "Turtle",
    "jsonld": "JSON-LD",
    "rdf": "RDF/XML",
    "nt": "N-Triples",
}


class NotAcceptable(LocalizedError):
    key = "web.bad_format"


def choose_format(request: Request, offered: Sequence[str]) -> str:
    """``?format=`` wins; otherwise the Accept header (browsers get HTML, ``*/*`` gets the first)."""
    wanted = request.query_params.get("format")
    if wanted:
        wanted = wanted.lower().lstrip(".")
        wanted = {"turtle": "ttl", "xml": "rdf", "ntriples": "nt", "json-ld": "jsonld"}.get(wanted, wanted)
        if wanted not in offered:
            raise NotAcceptable(format=wanted, offered=", ".join(offered))
        return wanted
    accept = request.headers.get("accept", "")
    candidates = {MEDIA[f]: f for f in offered}
    candidates.update({media: f for media, f in MEDIA_ALIASES.items() if f in offered})
    try:
        media = negotiate(accept, list(candidates))
    except UnsupportedFormat as exc:
        raise NotAcceptable(format=accept, offered=", ".join(offered)) from exc
    return candidates[media]


def jsonable(value: Any) -> Any:
    """Dataclasses, rdflib terms, dates and tables as plain JSON values."""
    if isinstance(value, Table):
        return value.to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Node):
        return str(value)
    return value


def template_context(request: Request, **extra: Any) -> dict[str, Any]:
    lang = lang_of(request)

    def link(path: str, **params: Any) -> str:
        return href(request, path, **params)

    def entry_link(iri: str) -> str:
        return entry_href(request, iri)

    def format_link(fmt: str) -> str:
        items = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
        items.append(("format", fmt))
        return f"{request.url.path}?{urlencode(items)}"

    return {
        "request": request,
        "lang": lang,
        "t": translator(lang),
        "link": link,
        "entry_link": entry_link,
        "format_link": format_link,
        "switch_lang": switch_lang_href(request),
        "format_labels": FORMAT_LABELS,
        **extra,
    }


def render_html(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    templates = state(request).templates
    return templates.TemplateResponse(
        request, template, template_context(request, **context), status_code=status_code
    )


def respond(
    request: Request,
    template: str,
    model: Mapping[str, Any],
    *,
    table: Table | None = None,
    filename: str = "tabelle",
    formats: Sequence[str] | None = None,
    status_code: int = 200,
    fmt: str | None = None,
    **context: Any,
) -> Response:
    """The page ``model`` as HTML (``template``), JSON (the model itself) or CSV (``table``)."""
    offered = formats or (TABLE_PAGE if table is not None else PAGE)
    fmt = fmt or choose_format(request, offered)
    headers = {"Vary": "Accept"}
    if fmt == "json":
        return JSONResponse(jsonable(model), status_code=status_code, headers=headers)
    if fmt == "csv" and table is not None:
        excel = request.query_params.get("excel") in ("1", "true", "ja")
        headers["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return Response(
            table.to_csv(excel=excel),
            media_type="text/csv; charset=utf-8",
            headers=headers,
            status_code=status_code,
        )
    response = render_html(
        request,
        template,
        status_code=status_code,
        model=model,
        table=table,
        formats=[f for f in offered if f != "html"],
        **context,
    )
    response.headers["Vary"] = "Accept"
    return response


def rdf_response(graph: Graph, fmt: str) -> Response:
    body = graph.serialize(format=RDFLIB_FORMATS[fmt])
    media = MEDIA[fmt]
    if media.startswith("text/") or media == "application/n-triples":
        media += "; charset=utf-8"
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def json_dumps(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, indent=1)
