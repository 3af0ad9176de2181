"""One function builds a page's model; this module turns it into HTML, JSON, CSV or RDF as asked by
``?format=`` or the Accept header (datasette's idea: every page has a JSON twin and, where it is a table,
a CSV download)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
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
from isrp_graph import csv_safe
from isrp_graph.messages import LocalizedError, register, t
from isrp_graph.store.errors import UnsupportedFormat
from isrp_graph.store.formats import negotiate
from isrp_graph.xlsx_safe import MEDIA_TYPE as XLSX_MEDIA
from isrp_graph.xlsx_safe import Sheet, numeric_columns, workbook_bytes

MEDIA: dict[str, str] = {
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
    "xlsx": XLSX_MEDIA,
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
TABLE_PAGE = ("html", "json", "csv", "xlsx")
RDF_PAGE = ("html", "ttl", "jsonld", "rdf", "nt", "json")
FORMAT_LABELS = {
    "json": "JSON",
    "csv": "CSV",
    "xlsx": "XLSX (Excel)",
    "ttl": "Turtle",
    "jsonld": "JSON-LD",
    "rdf": "RDF/XML",
    "nt": "N-Triples",
}


register(
    {
        "web.downloads.label": {"de": "Tabelle herunterladen", "en": "Download the table"},
        "web.downloads.xlsx": {"de": "Tabelle für Excel (.xlsx)", "en": "Table for Excel (.xlsx)"},
        "web.downloads.csv_excel": {"de": "CSV für Excel (;)", "en": "CSV for Excel (;)"},
        "web.downloads.csv": {"de": "CSV (,)", "en": "CSV (,)"},
        "web.variants.submit_xlsx": {
            "de": "Als Tabelle für Excel (.xlsx)",
            "en": "As a table for Excel (.xlsx)",
        },
        "web.downloads.of": {"de": "„{name}“ herunterladen", "en": "Download '{name}'"},
    }
)


class NotAcceptable(LocalizedError):
    key = "web.bad_format"


def choose_format(request: Request, offered: Sequence[str]) -> str:
    """``?format=`` wins; otherwise the Accept header (browsers get HTML, ``*/*`` gets the first)."""
    wanted = request.query_params.get("format")
    if wanted:
        wanted = wanted.lower().lstrip(".")
        wanted = {"excel": "xlsx", "turtle": "ttl", "xml": "rdf", "ntriples": "nt", "json-ld": "jsonld"}.get(
            wanted, wanted
        )
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

    def download_link(fmt: str, **params: Any) -> str:
        """This page as ``fmt`` with ``params`` set (``None`` drops one); ``excel`` only where given."""
        drop = {"format", "excel", *params}
        items = [(k, v) for k, v in request.query_params.multi_items() if k not in drop]
        items += [(k, str(v)) for k, v in params.items() if v is not None and v != ""]
        items.append(("format", fmt))
        return f"{request.url.path}?{urlencode(items)}"

    return {
        "request": request,
        "lang": lang,
        "t": translator(lang),
        "link": link,
        "entry_link": entry_link,
        "format_link": format_link,
        "download_link": download_link,
        "media_types": MEDIA,
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
    notes: Sequence[tuple[str, str]] = (),
    sheets: Callable[[], Sequence[Sheet]] | None = None,
    formats: Sequence[str] | None = None,
    status_code: int = 200,
    fmt: str | None = None,
    **context: Any,
) -> Response:
    """The page ``model`` as HTML (``template``), JSON (the model itself), CSV or XLSX (``table``).

    The workbook holds the sheets ``sheets()`` makes (called for XLSX only; default: the table's own
    sheet) and a notes sheet with the page's title, ``notes`` (e.g. the Stichtag), the Stand of the
    registry, the page and the source."""
    offered = formats or (TABLE_PAGE if table is not None else PAGE)
    fmt = fmt or choose_format(request, offered)
    headers = {"Vary": "Accept"}
    if fmt == "json":
        return JSONResponse(jsonable(model), status_code=status_code, headers=headers)
    if fmt == "csv" and table is not None:
        excel = wants_excel(request)
        headers["Content-Disposition"] = attachment(filename, "csv")
        return Response(
            table.to_csv(excel=excel),
            media_type="text/csv; charset=utf-8",
            headers=headers,
            status_code=status_code,
        )
    if fmt == "xlsx" and table is not None:
        return xlsx_response(
            request,
            list(sheets()) if sheets is not None else [table.to_sheet(base=str(request.base_url))],
            title=str(context.get("title") or table.caption),
            filename=filename,
            notes=notes,
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


def wants_excel(request: Request, default: bool = False) -> bool:
    """``?excel=1`` asks for CSV for German Excel (semicolons, BOM), ``?excel=0`` for plain CSV;
    without the parameter ``default``."""
    value = (request.query_params.get("excel") or "").strip().lower()
    if value in ("1", "true", "ja", "yes", "on"):
        return True
    if value in ("0", "false", "nein", "no", "off"):
        return False
    return default


def xlsx_response(
    request: Request,
    sheets: Sequence[Sheet],
    *,
    title: str,
    filename: str,
    notes: Sequence[tuple[str, str]] = (),
    status_code: int = 200,
) -> Response:
    """``sheets`` as an XLSX download ``filename.xlsx`` with the notes sheet (see ``sheet_notes``)."""
    body = workbook_bytes(
        sheets, title=title, notes=sheet_notes(request, title, notes), lang=lang_of(request)
    )
    headers = {"Vary": "Accept", "Content-Disposition": attachment(filename, "xlsx")}
    return Response(body, media_type=XLSX_MEDIA, headers=headers, status_code=status_code)


def rows_download(
    request: Request,
    fmt: str,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    title: str,
    filename: str,
    excel_default: bool = True,
    notes: Sequence[tuple[str, str]] = (),
) -> Response:
    """A table given as ``header`` and ``rows`` as CSV (for German Excel unless ``?excel=0``, or the
    other way round with ``excel_default=False``) or, for ``fmt == "xlsx"``, as a workbook."""
    if fmt == "xlsx":
        sheet = Sheet(title, list(header), rows, numeric_columns(rows, len(header)))
        return xlsx_response(request, [sheet], title=title, filename=filename, notes=notes)
    excel = wants_excel(request, excel_default)
    buffer = io.StringIO()
    writer = csv_safe.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return Response(
        ("\ufeff" if excel else "") + buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Vary": "Accept", "Content-Disposition": attachment(filename, "csv")},
    )


def safe_filename(stem: str, default: str = "tabelle") -> str:
    """A file name stem every browser and file system takes: umlauts spelled out, only letters, digits,
    ``-``, ``_`` and ``.``, no leading dot, at most 80 characters."""
    text = stem.translate(
        str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
    )
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")[:80].strip("-._")
    return text or default


def attachment(stem: str, extension: str) -> str:
    """A Content-Disposition header value for a download ``stem.extension`` (safe name, no quotes or
    line breaks from the stem can reach the header)."""
    return f'attachment; filename="{safe_filename(stem)}.{extension}"'


def sheet_notes(request: Request, title: str, notes: Sequence[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """The notes sheet of a download: title, the page's own notes, Stand, creation time, page, source."""
    lang = lang_of(request)
    stand = (request.query_params.get("stand") or "").strip()
    if not stand or stand.lower() == "heute":
        stand = t("xlsx.notes.stand_today", lang)
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in ("format", "excel")]
    page = request.url.path + (f"?{urlencode(items)}" if items else "")
    return [
        (t("xlsx.notes.title", lang), title),
        *notes,
        (t("xlsx.notes.stand", lang), stand),
        (t("xlsx.notes.created", lang), datetime.now().strftime("%d.%m.%Y %H:%M")),
        (t("xlsx.notes.page", lang), page),
        (t("xlsx.notes.source", lang), t("xlsx.notes.source_text", lang)),
    ]


def rdf_response(graph: Graph, fmt: str) -> Response:
    body = graph.serialize(format=RDFLIB_FORMATS[fmt])
    media = MEDIA[fmt]
    if media.startswith("text/") or media == "application/n-triples":
        media += "; charset=utf-8"
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def json_dumps(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, indent=1)
