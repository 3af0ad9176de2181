"""Sign-in with OpenID Connect (authorization code flow with PKCE, via Authlib), sign-out, and the
person's page ``/konto`` with their role, their personal API tokens and their proposals.

The session is Starlette's signed cookie ``isrp_session`` (HttpOnly, SameSite=Lax, Secure unless
``cookie_secure = false`` for http://localhost). It holds the person's name, subject, groups and the
role they map to — never a token of the provider.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from api import auth
from api.context import lang_of, state
from api.errors import HttpError
from api.negotiation import render_html
from isrp_graph import review
from isrp_graph.auth import Role, TokenError, parse_expiry
from isrp_graph.entries import labels
from isrp_graph.messages import register, t

router = APIRouter()
KEPT_LIMIT = 2500  # bytes of form data kept in the session cookie across a re-login

register(
    {
        "web.signin.title": {"de": "Anmelden", "en": "Sign in"},
        "web.signin.off": {
            "de": "Die Anmeldung über das Konto der Stadtverwaltung (OpenID Connect) ist hier nicht "
            "eingerichtet. Das Register ist lesbar; ändern können Personen mit einem persönlichen "
            "Schlüssel, den die Administration mit „isrp token create NAME --role …“ anlegt.",
            "en": "Sign-in with the city administration's account (OpenID Connect) is not configured "
            "here. The registry can be read; people with a personal token, created by the "
            "administrator with “isrp token create NAME --role …”, can change it.",
        },
        "web.signin.failed": {
            "de": "Die Anmeldung ist fehlgeschlagen ({reason}). Bitte noch einmal versuchen.",
            "en": "Sign-in failed ({reason}). Please try again.",
        },
        "web.signin.signed_out": {"de": "Sie sind abgemeldet.", "en": "You are signed out."},
        "web.account.title": {"de": "Mein Konto", "en": "My account"},
        "web.account.anonymous": {
            "de": "Sie sind nicht angemeldet.",
            "en": "You are not signed in.",
        },
        "web.account.signin": {"de": "Anmelden", "en": "Sign in"},
        "web.account.signout": {"de": "Abmelden", "en": "Sign out"},
        "web.account.person": {"de": "Angemeldet als {name}", "en": "Signed in as {name}"},
        "web.account.role": {"de": "Rolle", "en": "Role"},
        "web.account.orgs": {"de": "Organisationen", "en": "Organisations"},
        "web.account.groups": {"de": "Gruppen", "en": "Groups"},
        "web.account.unmapped": {
            "de": "Ihre Gruppen ({groups}) sind keiner Rolle zugeordnet: Sie können lesen, aber nichts "
            "ändern. Die Zuordnung legt die Administration fest (Einstellung oidc_group_roles).",
            "en": "Your groups ({groups}) map to no role: you can read, but not change anything. The "
            "administrator sets the mapping (setting oidc_group_roles).",
        },
        "web.account.tokens": {"de": "Persönliche API-Schlüssel", "en": "Personal API tokens"},
        "web.account.token_name": {"de": "Name des Schlüssels", "en": "Token name"},
        "web.account.token_expires": {
            "de": "Gültig bis (TT.MM.JJJJ, leer: unbegrenzt)",
            "en": "Valid until (DD.MM.YYYY, empty: no expiry)",
        },
        "web.account.token_create": {"de": "Schlüssel anlegen", "en": "Create token"},
        "web.account.token_revoke": {"de": "Widerrufen", "en": "Revoke"},
        "web.account.token_state": {"de": "Stand", "en": "State"},
        "web.account.token_created": {
            "de": "Neuer Schlüssel „{name}“ – er wird nur jetzt gezeigt, bitte sicher aufbewahren:",
            "en": "New token “{name}” – it is shown only now, please keep it safe:",
        },
        "web.account.proposals": {"de": "Meine Änderungsvorschläge", "en": "My change proposals"},
        "web.account.created": {"de": "angelegt", "en": "created"},
        "web.account.none": {"de": "Keine.", "en": "None."},
        "web.account.session_only": {
            "de": "Schlüssel anlegen können nur angemeldete Personen.",
            "en": "Only signed-in people can create tokens.",
        },
    }
)


def enabled(request: Request) -> bool:
    return request.app.state.auth.config.oidc_enabled


def _client(request: Request) -> Any:
    """The Authlib client, registered once per app."""
    existing = getattr(request.app.state, "oidc", None)
    if existing is not None:
        return existing
    from authlib.integrations.starlette_client import OAuth

    config = request.app.state.auth.config
    oauth = OAuth()
    client = oauth.register(
        "isrp",
        server_metadata_url=config.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_id=config.oidc_client_id,
        client_secret=config.oidc_client_secret,
        client_kwargs={"scope": config.oidc_scope, "code_challenge_method": "S256"},
    )
    request.app.state.oidc = client
    return client


def _local(path: str | None) -> str:
    """Only paths of this site may be a target after sign-in (no open redirect)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/konto"
    return path


def relogin_keeping(request: Request, form: Any, next_url: str) -> Response:
    """Keep a form's input in the (new) session and send the person to sign in again."""
    fields = {
        k: [str(v) for v in form.getlist(k)] for k in form if k not in (auth.CSRF_FIELD, "token", "file")
    }
    if len(json.dumps(fields)) <= KEPT_LIMIT:
        request.session["kept_form"] = {"url": next_url, "fields": fields}
    return RedirectResponse("/anmelden?" + urlencode({"next": next_url}), status_code=303)


def _same_page(a: str, b: str) -> bool:
    """Two page addresses are the same page whatever the percent-encoding of their query."""
    from urllib.parse import parse_qs, urlsplit

    first, second = urlsplit(a), urlsplit(b)
    return first.path == second.path and parse_qs(first.query) == parse_qs(second.query)


def kept_form(request: Request, url: str) -> dict[str, list[str]] | None:
    """The input kept across a re-login for this page, once."""
    if "session" not in request.scope:
        return None
    kept = request.session.get("kept_form")
    if not isinstance(kept, dict) or _same_page(str(kept.get("url") or ""), url) is False:
        return None
    request.session.pop("kept_form", None)
    return dict(kept.get("fields") or {})


@router.get("/anmelden", include_in_schema=False, name="signin")
async def signin(request: Request, next: str | None = None) -> Response:
    lang = lang_of(request)
    if not enabled(request):
        return render_html(request, "signin_off.html", title=t("web.signin.title", lang))
    request.session["next"] = _local(next)
    redirect_uri = str(request.url_for("signin_callback"))
    return await _client(request).authorize_redirect(request, redirect_uri)


@router.get("/anmelden/zurueck", include_in_schema=False, name="signin_callback")
async def signin_callback(request: Request) -> Response:
    if not enabled(request):
        raise HttpError(404, "web.signin.off")
    from authlib.integrations.base_client.errors import OAuthError

    client = _client(request)
    try:
        token = await client.authorize_access_token(request)
        claims = dict(token.get("userinfo") or {})
        config = request.app.state.auth.config
        if config.oidc_groups_claim not in claims:
            claims.update(dict(await client.userinfo(token=token)))
    except OAuthError as exc:
        raise HttpError(400, "web.signin.failed", reason=exc.error or "oauth") from exc
    groups = claims.get(config.oidc_groups_claim) or []
    groups = [groups] if isinstance(groups, str) else [str(g) for g in groups]
    name = str(claims.get("name") or claims.get("preferred_username") or claims.get("email") or claims["sub"])
    person = config.principal_for(str(claims["sub"]), name, groups)
    request.session["user"] = {
        "sub": person.key,
        "name": person.name,
        "role": person.role.slug if person.role else None,
        "orgs": list(person.orgs),
        "groups": list(person.groups),
        "unmapped": person.unmapped,
    }
    return RedirectResponse(_local(request.session.pop("next", None)), status_code=303)


@router.api_route("/abmelden", methods=["GET", "POST"], include_in_schema=False)
async def signout(request: Request) -> Response:
    if request.method == "POST":
        auth.check_csrf(request, await request.form())
    if "session" in request.scope:
        request.session.clear()
    return RedirectResponse("/konto?abgemeldet=1", status_code=303)


def _account_model(request: Request, new_token: tuple[str, str] | None = None) -> dict[str, Any]:
    lang = lang_of(request)
    person = auth.principal(request)
    tokens = request.app.state.auth.tokens.list(owner=person.key) if person.source == "session" else []
    store = state(request).store
    proposals = review.listing(store, proposer_key=person.key) if person.signed_in and person.key else []
    org_names = labels(state(request).store, list(person.orgs), lang)
    return {
        "signed_in": person.signed_in,
        "name": person.name,
        "source": person.source,
        "role": person.role.label(lang) if person.role else None,
        "role_slug": person.role.slug if person.role else None,
        "orgs": [{"iri": o, "label": org_names.get(o, o)} for o in person.orgs],
        "groups": list(person.groups),
        "unmapped": person.unmapped,
        "oidc": enabled(request),
        "tokens": [
            {
                "name": i.name,
                "role": i.role.label(lang),
                "expires": i.expires.strftime("%d.%m.%Y") if i.expires else t("auth.token.never", lang),
                "state": i.state(),
                "state_label": t(f"auth.token.state.{i.state()}", lang),
            }
            for i in tokens
        ],
        "proposals": [
            {
                "id": p.id,
                "created": p.created.strftime("%d.%m.%Y %H:%M"),
                "status": p.status,
                "status_label": t(f"review.status.{p.status}", lang),
                "comment": p.comment,
                "review_note": p.review_note,
                "reviewer": p.reviewer,
            }
            for p in proposals
        ],
        "new_token": {"name": new_token[0], "secret": new_token[1]} if new_token else None,
        "signed_out": request.query_params.get("abgemeldet") == "1",
    }


def _account_response(request: Request, model: dict[str, Any], status_code: int = 200) -> Response:
    accept = request.headers.get("accept", "")
    if "application/json" in accept or request.query_params.get("format") == "json":
        return JSONResponse(model, status_code=status_code, headers={"Cache-Control": "no-store"})
    title = t("web.account.title", lang_of(request))
    response = render_html(request, "account.html", status_code=status_code, title=title, model=model)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/konto", include_in_schema=False)
def account(request: Request) -> Response:
    return _account_response(request, _account_model(request))


@router.post("/konto/schluessel", include_in_schema=False)
async def create_token(request: Request) -> Response:
    """A signed-in person makes a token with their own role and organisations (shown once)."""
    form = await request.form()
    person = auth.require(request, Role.LESEN)
    auth.check_csrf(request, form)
    if person.source != "session":
        raise auth.AuthError(403, "web.account.session_only")
    assert person.role is not None
    try:
        expires = parse_expiry(str(form.get("expires") or ""))
        secret = request.app.state.auth.tokens.create(
            f"{person.name}: {str(form.get('name') or '').strip()}"[:80],
            person.role,
            person.orgs,
            expires,
            owner=person.key,
            owner_name=person.name,
        )
    except TokenError as exc:
        raise HttpError(422, exc.key, **exc.params) from exc
    name = f"{person.name}: {str(form.get('name') or '').strip()}"[:80]
    return _account_response(request, _account_model(request, (name, secret)), status_code=201)


@router.post("/konto/schluessel/widerrufen", include_in_schema=False)
async def revoke_token(request: Request) -> Response:
    form = await request.form()
    person = auth.require(request, Role.LESEN)
    auth.check_csrf(request, form)
    if person.source != "session":
        raise auth.AuthError(403, "web.account.session_only")
    try:
        request.app.state.auth.tokens.revoke(str(form.get("name") or ""), owner=person.key)
    except TokenError as exc:
        raise HttpError(404, exc.key, **exc.params) from exc
    return RedirectResponse("/konto", status_code=303)
