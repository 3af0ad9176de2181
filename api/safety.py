"""Safety of every request and response, as one ASGI middleware around the app:

- the limits of ``isrp_graph.limits`` are active for the request (from the settings), and a request body
  larger than ``max_request_bytes`` is refused with 413 — by its Content-Length before anything is read,
  or while it streams in (chunked uploads);
- cross-origin form posts are refused with 403: a POST/PUT/PATCH/DELETE with a form content type (the
  kinds a page on another site can send without CORS) whose ``Origin`` (or, without it, ``Referer``) is
  not this server. Programs that send no Origin (curl, scripts) and ``/sparql`` (read-only, used by
  other sites' SPARQL clients) are not affected;
- security headers on every response: a Content-Security-Policy the pages satisfy (scripts only from
  this server, no inline script), ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY`` with
  ``frame-ancestors 'none'``, ``Referrer-Policy: same-origin``.

Styles allow ``'unsafe-inline'``: the heat map colours its cells with ``style`` attributes and the
network page carries its own style sheet; no script can be injected through a style attribute.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from isrp_graph import limits
from isrp_graph.messages import LocalizedError, register, t
from isrp_graph.store.errors import QuerySyntaxError, QueryTimeout, StoreError

log = logging.getLogger(__name__)

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
ORIGIN_EXEMPT = ("/sparql",)

register(
    {
        "web.safety.cross_origin": {
            "de": "Abgelehnt: dieses Formular wurde von einer anderen Website ({origin}) abgeschickt.",
            "en": "Refused: this form was sent from another web site ({origin}).",
        },
        "web.safety.store": {
            "de": "Der Speicher des Registers antwortet gerade nicht wie erwartet; bitte später noch einmal "
            "versuchen. Die Einzelheiten stehen im Protokoll des Servers.",
            "en": "The registry's store is not answering as expected; please try again later. The "
            "details are in the server's log.",
        },
        "web.safety.internal": {
            "de": "Interner Fehler – die Anfrage konnte nicht bearbeitet werden; es wurde nichts "
            "gespeichert. Der Fehler ist im Protokoll des Servers vermerkt.",
            "en": "Internal error – the request could not be handled; nothing was stored. The error "
            "is recorded in the server's log.",
        },
    }
)


def public_message(error: LocalizedError, lang: str) -> str:
    """The text an error shows on the web: store problems (unreachable server, a remote error page, an
    OS error with a path) only in general words – the details go to the log; everything else as is."""
    if isinstance(error, StoreError) and not isinstance(error, QuerySyntaxError | QueryTimeout):
        log.warning("store error: %s", error.message("en"))
        return t("web.safety.store", lang)
    return error.message(lang)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return ""


def _lang(scope: Scope, default: str) -> str:
    query = scope.get("query_string", b"").decode("latin-1")
    return "en" if "lang=en" in query else default


def cross_origin(scope: Scope) -> str | None:
    """The foreign origin of a cross-site form post, or ``None`` when the request may pass."""
    if scope.get("method") not in UNSAFE_METHODS or scope.get("path", "").startswith(ORIGIN_EXEMPT):
        return None
    content_type = _header(scope, b"content-type").split(";")[0].strip().lower()
    if content_type not in FORM_TYPES:
        return None
    origin = _header(scope, b"origin") or _header(scope, b"referer")
    if not origin:
        return None
    if origin == "null":
        return origin
    parts = urlsplit(origin)
    host = _header(scope, b"x-forwarded-host") or _header(scope, b"host")
    return None if parts.netloc and parts.netloc.lower() == host.lower() else origin


async def _plain(send: Send, status: int, text: str, json_body: bool) -> None:
    if json_body:
        body = json.dumps({"error": text, "status": status}, ensure_ascii=False).encode()
        media = b"application/json"
    else:
        body, media = text.encode(), b"text/plain; charset=utf-8"
    headers = [(b"content-type", media), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SafetyMiddleware:
    def __init__(self, app: ASGIApp, settings: Any, sign_in_origin: str | None = None) -> None:
        self.app = app
        self.settings = settings
        self.limits = limits.Limits.of(settings)
        # a form posted with an expired session is redirected to the sign-in provider: CSP's form-action
        # applies to that redirect, so the provider's origin must be allowed there
        self.headers = SECURITY_HEADERS
        if sign_in_origin:
            csp = CSP.replace("form-action 'self'", f"form-action 'self' {sign_in_origin}")
            self.headers = ((b"content-security-policy", csp.encode()), *SECURITY_HEADERS[1:])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang = _lang(scope, self.settings.lang)
        wants_json = scope.get("path", "").startswith("/api/") or "json" in _header(scope, b"accept")
        foreign = cross_origin(scope)
        if foreign is not None:
            await _plain(send, 403, t("web.safety.cross_origin", lang, origin=foreign), wants_json)
            return
        limit = self.limits.request_bytes
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > limit:
            await _plain(send, 413, t("limit.request", lang, limit=limit), wants_json)
            return
        received, over, started = 0, False, False

        async def counted_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise limits.LimitExceeded("limit.request", limit=limit)
            return message

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        try:
            with limits.use(self.limits):
                await self.app(scope, counted_receive, secured_send)
        except Exception:
            # a streamed body over the limit: the error may come back wrapped by another middleware
            if over and not started:
                await _plain(send, 413, t("limit.request", lang, limit=limit), wants_json)
                return
            raise
