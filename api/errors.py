"""Errors as people read them: a German (or English) page for browsers, ``{"error": …}`` for programs."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from api.context import lang_of
from api.library import Unavailable
from api.negotiation import NotAcceptable, render_html
from api.safety import public_message
from isrp_graph.messages import LocalizedError, t
from isrp_graph.store.errors import QuerySyntaxError, QueryTimeout, StoreError, StoreUnreachable


class HttpError(LocalizedError):
    """A catalogue message with its HTTP status."""

    def __init__(self, status: int, key: str, **kwargs: object) -> None:
        super().__init__(key, **kwargs)
        self.status = status


def wants_html(request: Request) -> bool:
    fmt = request.query_params.get("format")
    if fmt:
        return fmt == "html"
    if request.url.path.startswith(("/api/", "/sparql")):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept or not accept or accept.strip() == "*/*"


def error_response(
    request: Request, status: int, title: str, message: str, hint: str | None = None
) -> Response:
    if wants_html(request):
        return render_html(request, "error.html", status_code=status, title=title, message=message, hint=hint)
    if request.url.path.startswith("/sparql"):
        return PlainTextResponse(message, status_code=status)
    return JSONResponse({"error": message, "status": status}, status_code=status)


def not_found(request: Request, path: str) -> Response:
    lang = lang_of(request)
    return error_response(
        request,
        404,
        t("web.not_found.title", lang),
        t("web.not_found", lang, path=path),
        t("web.not_found.hint", lang),
    )


def status_of(error: LocalizedError) -> int:
    explicit = getattr(error, "status", None)
    if isinstance(explicit, int):
        return explicit
    if isinstance(error, NotAcceptable):
        return 406
    if isinstance(error, QueryTimeout | StoreUnreachable):
        return 503
    if isinstance(error, QuerySyntaxError | ValueError):
        return 400
    if isinstance(error, StoreError):
        return 500
    return 400


async def localized_error_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, LocalizedError)
    lang = lang_of(request)
    status = status_of(error)
    response = error_response(request, status, t("web.error", lang), public_message(error, lang))
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="isrp"'
    return response


async def unavailable_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, Unavailable)
    lang = lang_of(request)
    return error_response(request, 503, t("web.error", lang), t("web.unavailable", lang, what=error.what))
