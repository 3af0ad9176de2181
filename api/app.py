"""The web app: ``create_app(settings)`` gives a FastAPI application that serves the registry's pages
(German first, ``?lang=en``), their JSON/CSV twins, dereferenceable entry IRIs, the SPARQL 1.1 endpoint,
the JSON API under ``/api/v1`` with local OpenAPI docs, and the editor's write routes. Every asset comes
from ``api/static``; nothing is loaded from another server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

import api.i18n  # noqa: F401  (registers the web texts)
from api import (
    auth,
    bitv_pages,
    calendar_page,
    changes_pages,
    cycle_pages,
    entries,
    json_api,
    map_page,
    network_page,
    openapi_doc,
    pages,
    report_download,
    review_pages,
    search_page,
    service,
    signin,
    sparql_protocol,
    sparql_run,
    writes,
)
from api.context import STATIC_DIR, TEMPLATES_DIR, AppState
from api.docs_page import docs_page
from api.errors import localized_error_handler, unavailable_handler
from api.findings import Reports, warm_up
from api.http_methods import HeadAndPreflight
from api.i18n_meeting import print_date  # also registers the print, report and BITV texts
from api.library import ResultCache, StoreVersion, Unavailable
from api.safety import SafetyMiddleware
from isrp_graph import __version__
from isrp_graph.analyses.basis import number_text
from isrp_graph.analyses.plain import plain_names
from isrp_graph.auth import Auth
from isrp_graph.messages import LocalizedError
from isrp_graph.scope.installation import served_kommunen
from isrp_graph.settings import Settings, SettingsError, load_settings
from isrp_graph.store.base import Store

log = logging.getLogger(__name__)

API_DESCRIPTION = """Das ISRP-Register als JSON-API (The ISRP registry as a JSON API).

Jede HTML-Seite gibt es auch als JSON (`?format=json` oder `Accept: application/json`); Tabellen auch als
CSV (`?format=csv`). Einträge sind unter ihrer IRI abrufbar (`Accept: text/turtle`). SPARQL 1.1: `/sparql`.
"""


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The app for ``settings`` (default: ``load_settings()``). ``store`` is opened from the settings
    unless given; an app that opened its store closes it on shutdown."""
    settings = settings or load_settings()
    people = Auth.from_settings(settings)  # before the store: bad token settings refuse the start
    owns_store = store is None
    if store is None:
        from isrp_graph.store import open_store

        store = open_store(settings)
    try:  # the municipalities this installation serves: resolved once, an unknown name refuses the start
        kommunen = served_kommunen(settings, store)
    except SettingsError:
        if owns_store:
            store.close()
        raise

    @asynccontextmanager
    async def lifespan(started: FastAPI) -> AsyncIterator[None]:
        service.warn_if_empty(started)
        warm_up(started, settings.lang)
        network_page.warm_up(started, settings.lang)
        yield
        sparql_run.close_pool(started)
        # the token database stays open with the app object: an app may be started again (tests, reload),
        # and an in-memory database would lose its tokens on close
        if owns_store:
            store.close()

    app = FastAPI(
        title="ISRP-Register API",
        version=__version__,
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    templates.env.globals["version"] = __version__
    templates.env.globals["csrf_field"] = auth.csrf_field
    templates.env.globals["current_person"] = auth.current_person
    templates.env.globals["print_date"] = print_date
    templates.env.globals["number_text"] = number_text
    templates.env.filters["plain"] = plain_names
    app.state.isrp = AppState(settings=settings, store=store, templates=templates)
    app.state.version = StoreVersion()
    app.state.cache = ResultCache(app.state.version)
    app.state.reports = Reports()
    app.state.auth = people
    app.state.kommunen = kommunen

    # vis-network ships inside pyvis: offered here, before the static folder
    @app.get("/static/vendor/vis-network.min.js", include_in_schema=False)
    def vis_js() -> Response:
        return network_page.vendor_file("vis-network.min.js")

    @app.get("/static/vendor/vis-network.css", include_in_schema=False)
    def vis_css() -> Response:
        return network_page.vendor_file("vis-network.css")

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.add_exception_handler(LocalizedError, localized_error_handler)
    app.add_exception_handler(Unavailable, unavailable_handler)
    app.middleware("http")(auth.read_guard)
    app.add_middleware(HeadAndPreflight)  # HEAD as GET, CORS preflight (inside the safety layer)
    app.add_exception_handler(Exception, service.internal_error_handler)
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(
        SessionMiddleware,
        secret_key=people.config.session_secret,
        session_cookie="isrp_session",
        max_age=people.config.session_max_age,
        same_site="lax",
        https_only=people.config.cookie_secure,
    )
    app.add_middleware(  # outermost: limits, Origin, headers
        SafetyMiddleware, settings=settings, sign_in_origin=_origin(people.config.oidc_issuer)
    )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = service.docs_page(app.openapi_url or "/openapi.json", "ISRP-Register API")
        return HTMLResponse(docs_page(page.body.decode("utf-8")))  # contrast style sheet (api/docs_page.py)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC_DIR / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    app.include_router(service.router)
    app.include_router(sparql_protocol.router)
    app.include_router(json_api.router)
    app.include_router(writes.router)
    app.include_router(map_page.router)
    app.include_router(changes_pages.router)
    app.include_router(signin.router)
    app.include_router(review_pages.router)
    app.include_router(pages.router)
    app.include_router(report_download.router)
    app.include_router(bitv_pages.router)
    app.include_router(cycle_pages.router)
    app.include_router(search_page.router)
    app.include_router(entries.router)
    app.include_router(calendar_page.router)

    openapi_doc.complete(app)

    # last: every other path is a registry IRI under the base IRI
    @app.get("/{path:path}", include_in_schema=False)
    def dereference(request: Request, path: str) -> Response:
        return entries.dereference(request, path)

    return app


def _origin(url: str | None) -> str | None:
    """``https://login.example:8443`` of an issuer URL (None without sign-in)."""
    if not url:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None
