"""Who may do what: reads are open unless configured otherwise; writes need an editor's bearer token.

Editor tokens come from ``settings.editor_tokens``; an entry ``name=token`` names its holder (recorded as
the actor of a write), a bare ``token`` is recorded as ``editor-<first 8 hex of its SHA-256>``. Forms may send
the token in a password field named ``token``. Reads require a token only when the config file sets
``read_requires_token = true`` (then an editor token or one of ``reader_tokens`` is needed).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Iterable

from fastapi import Request
from fastapi.responses import Response

from api.context import lang_of, state
from isrp_graph.messages import LocalizedError, register, t
from isrp_graph.settings import Settings

register(
    {
        "web.auth.missing": {
            "de": "Für Änderungen ist ein Schlüssel der Redaktion nötig (Authorization: Bearer …).",
            "en": "Changes need an editor token (Authorization: Bearer …).",
        },
        "web.auth.wrong": {
            "de": "Dieser Schlüssel berechtigt nicht zum Bearbeiten.",
            "en": "This token does not allow editing.",
        },
        "web.auth.disabled": {
            "de": "Bearbeiten ist abgeschaltet: es sind keine Schlüssel der Redaktion eingerichtet "
            "(Einstellung editor_tokens).",
            "en": "Editing is switched off: no editor tokens are configured (setting editor_tokens).",
        },
        "web.auth.read": {
            "de": "Dieses Register ist nur mit Schlüssel lesbar (Authorization: Bearer …).",
            "en": "This registry can only be read with a token (Authorization: Bearer …).",
        },
    }
)

OPEN_PATHS = ("/static/", "/favicon.ico")


class AuthError(LocalizedError):
    """401 (no token) or 403 (wrong token / editing disabled)."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status


def _parse(entries: Iterable[str]) -> list[tuple[str, str]]:
    """``(actor, token)`` pairs from ``name=token`` or bare ``token`` entries."""
    pairs = []
    for entry in entries:
        name, sep, token = entry.partition("=")
        if sep and name.strip() and token.strip():
            pairs.append((name.strip(), token.strip()))
        else:
            digest = hashlib.sha256(entry.encode()).hexdigest()[:8]
            pairs.append((f"editor-{digest}", entry))
    return pairs


def _match(token: str, pairs: list[tuple[str, str]]) -> str | None:
    found = None
    for actor, expected in pairs:
        if hmac.compare_digest(token.encode(), expected.encode()):
            found = actor
    return found


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def editor(request: Request, form_token: str | None = None) -> str:
    """The actor name of the editor making this request; raises ``AuthError`` (401/403)."""
    settings = state(request).settings
    pairs = _parse(settings.editor_tokens)
    if not pairs:
        raise AuthError(403, "web.auth.disabled")
    token = bearer(request) or (form_token.strip() if form_token else None)
    if not token:
        raise AuthError(401, "web.auth.missing")
    actor = _match(token, pairs)
    if actor is None:
        raise AuthError(403, "web.auth.wrong")
    return actor


def reads_need_token(settings: Settings) -> bool:
    value = settings.extra.get("read_requires_token", False)
    return value is True or str(value).lower() in ("true", "1", "yes", "ja")


async def read_guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Middleware: when reads need a token, every request but static files must bring one."""
    settings = state(request).settings
    if reads_need_token(settings) and not request.url.path.startswith(OPEN_PATHS):
        readers = [str(v) for v in settings.extra.get("reader_tokens", [])]
        token = bearer(request)
        if token is None or _match(token, _parse([*settings.editor_tokens, *readers])) is None:
            return Response(
                t("web.auth.read", lang_of(request)),
                status_code=401,
                media_type="text/plain; charset=utf-8",
                headers={"WWW-Authenticate": 'Bearer realm="isrp"'},
            )
    return await call_next(request)
