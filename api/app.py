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

import api.i18n  # noqa: F401  (registers the web texts)
from api import (
    auth,
    changes_pages,
    entries,
    json_api,
    network_page,
    openapi_doc,
    pages,
    search_page,
    service,
    sparql_protocol,
    sparql_run,
    writes,
)
from api.context import STATIC_DIR, TEMPLATES_DIR, AppState
from api.errors import localized_error_handler, unavailable_handler
from api.findings import Reports, warm_up
from api.http_methods import HeadAndPreflight
from api.library import ResultCache, StoreVersion, Unavailable
from api.safety import SafetyMiddleware
from isrp_graph import __version__
from isrp_graph.messages import LocalizedError
from isrp_graph.settings import Settings, load_settings
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
    owns_store = store is None
    if store is None:
        from isrp_graph.store import open_store

        store = open_store(settings)

    @asynccontextmanager
    async def lifespan(started: FastAPI) -> AsyncIterator[None]:
        service.warn_if_empty(started)
        warm_up(started, settings.lang)
        yield
        sparql_run.close_pool(started)
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
    app.state.isrp = AppState(settings=settings, store=store, templates=templates)
    app.state.version = StoreVersion()
    app.state.cache = ResultCache(app.state.version)
    app.state.reports = Reports()

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
    app.add_middleware(SafetyMiddleware, settings=settings)  # outermost: limits, Origin, headers

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return service.docs_page(app.openapi_url or "/openapi.json", "ISRP-Register API")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC_DIR / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    app.include_router(service.router)
    app.include_router(sparql_protocol.router)
    app.include_router(json_api.router)
    app.include_router(writes.router)
    app.include_router(changes_pages.router)
    app.include_router(pages.router)
    app.include_router(search_page.router)
    app.include_router(entries.router)

    openapi_doc.complete(app)

    # last: every other path is a registry IRI under the base IRI
    @app.get("/{path:path}", include_in_schema=False)
    def dereference(request: Request, path: str) -> Response:
        return entries.dereference(request, path)

    return app
