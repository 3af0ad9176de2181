"""Who is asking, and may they? The web side of ``isrp_graph.auth``.

A request's person (``principal(request)``) comes from, in this order: a personal API token
(``Authorization: Bearer …``, or the form's password field ``token``), the signed-in session (OIDC, see
``api/signin.py``), else anonymous. ``require(request, role)`` raises 401 (no or an unknown, revoked or
expired token) or 403 (role too low). Reads are open unless ``read_requires_sign_in`` (or the older
``read_requires_token``) is set; then every path but static files and the sign-in routes needs a
person with at least the role Lesen.

Every form carries a CSRF token (double submit: a random ``isrp_csrf`` cookie and the same value in the
hidden field ``csrf``); requests that bring a bearer token are exempt (no cookie authenticates them).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from markupsafe import Markup, escape

from api.context import lang_of
from isrp_graph.auth import ANONYMOUS, Auth, Principal, Role
from isrp_graph.messages import LocalizedError, register, t

register(
    {
        "web.auth.missing": {
            "de": "Dafür ist eine Anmeldung oder ein persönlicher Schlüssel nötig "
            "(Authorization: Bearer …).",
            "en": "This needs a sign-in or a personal token (Authorization: Bearer …).",
        },
        "web.auth.wrong": {
            "de": "Dieser Schlüssel ist unbekannt.",
            "en": "This token is unknown.",
        },
        "web.auth.revoked": {
            "de": "Dieser Schlüssel wurde widerrufen.",
            "en": "This token has been revoked.",
        },
        "web.auth.expired": {
            "de": "Dieser Schlüssel ist abgelaufen.",
            "en": "This token has expired.",
        },
        "web.auth.role": {
            "de": "Dafür ist die Rolle {role} nötig; Sie haben: {have}.",
            "en": "This needs the role {role}; you have: {have}.",
        },
        "web.auth.no_role": {"de": "keine Rolle", "en": "no role"},
        "web.auth.read": {
            "de": "Dieses Register ist nur nach Anmeldung oder mit Schlüssel lesbar "
            "(Authorization: Bearer …).",
            "en": "This registry can only be read after sign-in or with a token (Authorization: Bearer …).",
        },
        "web.auth.csrf": {
            "de": "Das Formular ist abgelaufen oder kam nicht von dieser Seite (CSRF-Schutz). Bitte die "
            "Seite neu laden und noch einmal absenden.",
            "en": "The form has expired or did not come from this site (CSRF protection). Please reload "
            "the page and submit again.",
        },
    }
)

CSRF_COOKIE = "isrp_csrf"
CSRF_FIELD = "csrf"
OPEN_PREFIXES = ("/static/",)
OPEN_EXACT = frozenset({"/favicon.ico", "/anmelden", "/anmelden/zurueck", "/abmelden", "/healthz", "/readyz"})


class AuthError(LocalizedError):
    """401 (no, unknown, revoked or expired token) or 403 (not allowed)."""

    def __init__(self, status: int, key: str, **params: Any) -> None:
        super().__init__(key, **params)
        self.status = status


def auth_of(request: Request) -> Auth:
    return request.app.state.auth


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _from_token(request: Request, secret: str) -> Principal:
    verdict = auth_of(request).verify(secret)
    if verdict.principal is None:
        raise AuthError(401, f"web.auth.{'wrong' if verdict.problem == 'unknown' else verdict.problem}")
    return verdict.principal


def session_principal(request: Request) -> Principal | None:
    """The signed-in person of the session cookie, if any."""
    data = request.scope.get("session", {}).get("user") if "session" in request.scope else None
    if not isinstance(data, dict):
        return None
    try:
        role = Role.parse(data["role"]) if data.get("role") else None
    except ValueError:
        return None
    return Principal(
        name=str(data.get("name") or data.get("sub")),
        role=role,
        orgs=tuple(data.get("orgs", [])),
        source="session",
        key=str(data.get("sub", "")),
        groups=tuple(data.get("groups", [])),
        unmapped=bool(data.get("unmapped")),
    )


def principal(request: Request, form_token: str | None = None) -> Principal:
    """The person making this request (raises 401 for a bad token)."""
    secret = bearer(request) or (form_token.strip() if form_token and form_token.strip() else None)
    if secret:
        return _from_token(request, secret)
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    found = session_principal(request) or ANONYMOUS
    request.state.principal = found
    return found


def require(request: Request, role: Role, form_token: str | None = None) -> Principal:
    """The person, if they have at least ``role``; else 401 (not signed in) or 403."""
    person = principal(request, form_token)
    if not person.signed_in:
        raise AuthError(401, "web.auth.missing")
    if not person.has(role):
        lang = lang_of(request)
        have = person.role.label(lang) if person.role else t("web.auth.no_role", lang)
        raise AuthError(403, "web.auth.role", role=role.label(lang), have=have)
    return person


def editor(request: Request, form_token: str | None = None) -> str:
    """The actor name of a person who may write (role Bearbeiten or more)."""
    return require(request, Role.BEARBEITEN, form_token).name


class PersonView:
    """The person for templates: ``current_person(request).signed_in``, ``.name``,
    ``.has_role('pruefen')``."""

    def __init__(self, person: Principal) -> None:
        self.person = person
        self.signed_in = person.signed_in
        self.name = person.name

    def has_role(self, slug: str) -> bool:
        return self.person.has(Role.parse(slug))


def current_person(request: Request) -> PersonView:
    try:
        return PersonView(principal(request))
    except AuthError:
        return PersonView(ANONYMOUS)


# --- CSRF ------------------------------------------------------------------------------------------


def csrf_value(request: Request) -> str:
    return getattr(request.state, "csrf", None) or request.cookies.get(CSRF_COOKIE, "")


def csrf_field(request: Request) -> Markup:
    """The hidden form field (for templates: ``{{ csrf_field(request) }}``)."""
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_value(request))}">')


def check_csrf(request: Request, form: Any) -> None:
    """403 unless the form's ``csrf`` field equals the cookie (bearer-token requests are exempt)."""
    if bearer(request):
        return
    sent = str(form.get(CSRF_FIELD) or "")
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not sent or not cookie or not hmac.compare_digest(sent.encode(), cookie.encode()):
        raise AuthError(403, "web.auth.csrf")


# --- middleware ------------------------------------------------------------------------------------


def is_open(path: str) -> bool:
    """Paths anyone may fetch even when reads need a sign-in: exact names, and static files."""
    return path in OPEN_EXACT or path.startswith(OPEN_PREFIXES)


async def read_guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """When reads need a sign-in, every request but the open paths must bring a person; every
    response gives the browser a CSRF cookie if it has none."""
    auth = auth_of(request)
    if not request.cookies.get(CSRF_COOKIE):
        request.state.csrf = secrets.token_urlsafe(24)
    if auth.config.read_requires_sign_in and not is_open(request.url.path):
        try:
            person = principal(request)
        except AuthError:
            person = ANONYMOUS
        if not person.has(Role.LESEN):
            return Response(
                t("web.auth.read", lang_of(request)),
                status_code=401,
                media_type="text/plain; charset=utf-8",
                headers={"WWW-Authenticate": 'Bearer realm="isrp"'},
            )
    response = await call_next(request)
    fresh = getattr(request.state, "csrf", None)
    if fresh:
        response.set_cookie(
            CSRF_COOKIE, fresh, httponly=True, samesite="lax", secure=auth.config.cookie_secure, path="/"
        )
    return response
