"""What every route needs: the app state (settings, store, templates), the page language and links that
keep it, and the local path of a registry IRI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates

from isrp_graph.messages import LANGUAGES, normalise_lang, t
from isrp_graph.settings import Settings
from isrp_graph.store.base import Store

API_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = API_DIR / "templates"
STATIC_DIR = API_DIR / "static"


@dataclass
class AppState:
    settings: Settings
    store: Store
    templates: Jinja2Templates


def state(request: Request) -> AppState:
    """The app state; with ``?stand=NAME`` the registry as it was at that release (read-only)."""
    base: AppState = request.app.state.isrp
    stand = request.query_params.get("stand")
    if not stand or stand.strip().lower() in ("", "heute") or getattr(request.state, "stand_failed", False):
        return base
    from api.stand import StandState

    return StandState(base, stand, request)


def lang_of(request: Request) -> str:
    """``?lang=`` if given, else the configured default (German): every link keeps ``lang``."""
    wanted = request.query_params.get("lang")
    if wanted and wanted.strip().lower()[:2] in LANGUAGES:
        return normalise_lang(wanted)
    return normalise_lang(state(request).settings.lang)


def href(request: Request, path: str, **params: Any) -> str:
    """A link inside the app that keeps the page language when it is not the default, the release
    (``stand``) and the chosen municipality (``kommune``)."""
    lang = lang_of(request)
    query = {k: v for k, v in params.items() if v not in (None, "", [])}
    if lang != normalise_lang(state(request).settings.lang):
        query["lang"] = lang
    if request.query_params.get("stand") and not getattr(request.state, "stand_failed", False):
        query.setdefault("stand", request.query_params["stand"])
    if request.query_params.get("kommune"):  # the chosen municipality stays on every page (api/scope.py)
        query.setdefault("kommune", request.query_params["kommune"])
    encoded = urlencode(query, doseq=True)
    return f"{path}?{encoded}" if encoded else path


def switch_lang_href(request: Request) -> str:
    """The current page in the other language."""
    other = "en" if lang_of(request) == "de" else "de"
    items = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    items.append(("lang", other))
    return f"{request.url.path}?{urlencode(items)}"


def entry_path(settings: Settings, iri: str) -> str:
    """Where the app shows ``iri``: ``/<path>`` for IRIs under the base IRI (dereferenceable), the
    generic ``/eintrag?iri=`` page for everything else (fragment IRIs such as ontology terms, other
    vocabularies)."""
    base = settings.base_iri
    if iri.startswith(base) and "#" not in iri and len(iri) > len(base):
        return "/" + quote(iri[len(base) :], safe="/-._~")
    return "/eintrag?" + urlencode({"iri": iri})


def entry_href(request: Request, iri: str) -> str:
    """The app link of an entry IRI, keeping the page language."""
    path = entry_path(state(request).settings, str(iri))
    if path.startswith("/eintrag?"):
        return href(request, "/eintrag", iri=str(iri))
    return href(request, path)


def translator(lang: str):  # type: ignore[no-untyped-def]
    def translate(key: str, **kwargs: Any) -> str:
        return t(key, lang, **kwargs)

    return translate
