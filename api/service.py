"""Service routes and hooks: ``/healthz`` (the process answers), ``/readyz`` (store reachable and a
registry loaded), the API docs page without inline script, and the last-resort error handler that
answers 500 without showing internals (paths, OS errors, remote error pages): those go to the log."""

from __future__ import annotations

import logging
from html import escape

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from api.context import lang_of, state
from api.errors import error_response
from api.safety import SECURITY_HEADERS
from isrp_graph.messages import t
from isrp_graph.service import is_empty, readiness

log = logging.getLogger(__name__)
router = APIRouter(tags=["Betrieb / operations"])


class Health(BaseModel):
    status: str


class Ready(BaseModel):
    status: str
    store_reachable: bool
    registry_loaded: bool
    graphs: int
    message: str


@router.get(
    "/healthz",
    summary="Prozess lebt / process alive",
    response_model=Health,
    responses={200: {"description": "Der Prozess antwortet / the process answers"}},
)
def healthz() -> Health:
    """Answers without touching the store: for a liveness probe."""
    return Health(status="ok")


@router.get(
    "/readyz",
    summary="Bereit: Speicher erreichbar, Register geladen / ready: store reachable, registry loaded",
    response_model=Ready,
    responses={
        200: {"description": "bereit / ready"},
        503: {"description": "nicht bereit / not ready", "model": Ready},
    },
)
def readyz(request: Request) -> Response:
    lang = lang_of(request)
    found = readiness(state(request).store)
    if not found.store_reachable:
        message = t("service.not_ready.store", lang)
    elif not found.registry_loaded:
        message = t("service.not_ready.registry", lang)
    else:
        message = t("service.ready", lang)
    body = Ready(
        status="ready" if found.ready else "not ready",
        store_reachable=found.store_reachable,
        registry_loaded=found.registry_loaded,
        graphs=found.graphs,
        message=message,
    )
    return JSONResponse(body.model_dump(), status_code=200 if found.ready else 503)


def docs_page(openapi_url: str, title: str) -> HTMLResponse:
    """Swagger UI from the local copy; its start-up code is /static/js/swagger-init.js (CSP)."""
    return HTMLResponse(
        f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>{escape(title)}</title>
<link rel="icon" href="/static/favicon.svg">
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"></head>
<body><div id="swagger-ui" data-openapi-url="{escape(openapi_url)}"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/js/swagger-init.js"></script>
</body></html>"""
    )


async def internal_error_handler(request: Request, error: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
    lang = lang_of(request)
    response = error_response(request, 500, t("web.error", lang), t("web.safety.internal", lang))
    # this handler runs outside the app's middleware: the security headers are added here
    for name, value in SECURITY_HEADERS:
        response.headers[name.decode()] = value.decode()
    return response


def warn_if_empty(app: FastAPI) -> None:
    """Say in the log, at start, when the store holds no registry (a fresh checkout, a wrong folder)."""
    try:
        if is_empty(app.state.isrp.store):
            log.warning(t("service.empty_store", app.state.isrp.settings.lang))
    except Exception:  # the store may be unreachable at start; /readyz says so
        log.warning(t("service.not_ready.store", app.state.isrp.settings.lang))
