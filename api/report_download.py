"""The annual Sozialplanungsreport in the web app: a page to choose the year, the report as PDF
(tagged PDF/UA-1) and as HTML, of the request's municipalities (``?kommune=`` within the installation's
set). Made once per (store version, year, scope) and kept: a PDF takes seconds."""

from __future__ import annotations

import threading
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

import isrp_graph.reporting.texts  # noqa: F401  (registers the texts)
from api.context import href, lang_of, state
from api.errors import HttpError
from api.library import function
from api.negotiation import respond
from api.scope import cache_part, scope_model, scope_of
from isrp_graph.messages import t

router = APIRouter()

_lock = threading.Lock()
_cache: dict[tuple, bytes] = {}


def _year(value: str | None) -> int:
    latest = date.today().year + 1
    if value is None or value == "":
        return date.today().year
    try:
        year = int(value)
    except ValueError:
        raise HttpError(422, "web.spr.bad_year", year=value, max=latest) from None
    if not 2000 <= year <= latest:
        raise HttpError(422, "web.spr.bad_year", year=value, max=latest)
    return year


def _made(request: Request, year: int, kind: str) -> bytes:
    kommunen = scope_of(request)
    key = (request.app.state.version.value, len(state(request).store), year, kind, *cache_part(request))
    with _lock:
        if key in _cache:
            return _cache[key]
    make = function("isrp_graph.reporting", "sozialplanungsreport")
    html = make(state(request).store, year, kommunen=kommunen)
    if kind == "pdf":
        from weasyprint import HTML

        body = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
    else:
        body = html.encode("utf-8")
    with _lock:
        for old in [k for k in _cache if k[0] != key[0] or k[1] != key[1]]:
            del _cache[old]
        _cache[key] = body
    return body


@router.get("/sozialplanungsreport", include_in_schema=False)
def report_page(request: Request, jahr: str | None = None) -> Response:
    lang = lang_of(request)
    year = _year(jahr)
    this = date.today().year
    model = {
        "intro": t("web.spr.intro", lang),
        "year": year,
        "years": list(range(this, this - 6, -1)),
        "pdf": href(request, "/sozialplanungsreport.pdf", jahr=year),
        "html": href(request, "/sozialplanungsreport.html", jahr=year),
        "scope": scope_model(request, "web.scope.covers_data"),
    }
    return respond(request, "sozialplanungsreport.html", model, title=t("web.spr.title", lang))


@router.get("/sozialplanungsreport.pdf", include_in_schema=False)
def report_pdf(request: Request, jahr: str | None = None) -> Response:
    year = _year(jahr)
    return Response(
        _made(request, year, "pdf"),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="sozialplanungsreport-{year}.pdf"'},
    )


@router.get("/sozialplanungsreport.html", include_in_schema=False)
def report_html(request: Request, jahr: str | None = None) -> Response:
    return HTMLResponse(_made(request, _year(jahr), "html"))
