"""HEAD for every GET route (the GET answer's status and headers, no body) and CORS for the read
routes: the preflight (``OPTIONS``) for any cross-origin GET/HEAD and for POST only to ``/sparql``
(where a POST is a query; every other POST writes and gets no CORS permission), and
``Access-Control-Allow-Origin: *`` on cross-origin GET/HEAD answers. ``*`` never admits credentials:
what another site's script can read is what an anonymous request reads anyway (with
``read_requires_token`` it must send a token itself)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

READ_METHODS = {"GET", "HEAD"}
POST_READ_PATHS = ("/sparql",)
ALLOWED_HEADERS = "Accept, Accept-Language, Authorization, Content-Type"


class HeadAndPreflight:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method in READ_METHODS and _header(scope, b"origin") is not None:
            send = _with_cors(send)
        if method == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        if method == "OPTIONS" and _header(scope, b"access-control-request-method") is not None:
            await self._preflight(scope, send)
            return
        await self.app(scope, receive, send)

    async def _preflight(self, scope: Scope, send: Send) -> None:
        wanted = (_header(scope, b"access-control-request-method") or "").upper()
        allowed = set(READ_METHODS)
        if scope["path"] in POST_READ_PATHS:
            allowed.add("POST")
        methods = ", ".join(sorted(allowed))
        headers = [(b"allow", methods.encode()), (b"vary", b"Origin")]
        status = 403
        if wanted in allowed:
            status = 204
            headers += [
                (b"access-control-allow-origin", b"*"),
                (b"access-control-allow-methods", methods.encode()),
                (b"access-control-allow-headers", ALLOWED_HEADERS.encode()),
                (b"access-control-max-age", b"86400"),
            ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _with_cors(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if not any(key.lower() == b"access-control-allow-origin" for key, _ in headers):
                headers.append((b"access-control-allow-origin", b"*"))
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


def _without_body(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body"):
                return
            message = {"type": "http.response.body", "body": b""}
        await send(message)

    return wrapped
