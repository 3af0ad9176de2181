"""The validation report of the whole registry, computed in the background once per store state and
language (validating all of Erfurt takes a while), and the open findings of one entry taken from it.

Pages wait a little for it; when it is not ready they say so instead of hanging."""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Any

from fastapi import Request

from api.context import lang_of, state
from api.errors import HttpError
from api.library import Unavailable, function
from api.scope import scoped_report
from isrp_graph.messages import register

log = logging.getLogger(__name__)

register(
    {
        "web.validation.pending": {
            "de": "Der Prüfbericht wird gerade berechnet. Bitte die Seite in einer Minute neu laden.",
            "en": "The validation report is being computed. Please reload the page in a minute.",
        },
        "web.validation.failed": {
            "de": "Die Prüfung ist fehlgeschlagen: {reason}",
            "en": "The validation failed: {reason}",
        },
    }
)


class Pending(HttpError):
    def __init__(self) -> None:
        super().__init__(503, "web.validation.pending")


class Reports:
    """Background validation runs, one per (store state, language)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs: dict[tuple, dict[str, Any]] = {}

    def start(self, request_app: Any, lang: str) -> dict[str, Any]:
        app = request_app.state.isrp
        key = (lang, *request_app.state.cache.state_key(app.store))
        with self.lock:
            run = self.runs.get(key)
            if run is None:
                validate = function("isrp_graph.validation", "validate")
                run = {"done": threading.Event(), "report": None, "error": None}
                self.runs = {k: v for k, v in self.runs.items() if k[1:] == key[1:]}  # forget old states
                self.runs[key] = run
                threading.Thread(
                    target=self._work, args=(run, validate, app.store, lang), daemon=True
                ).start()
        return run

    @staticmethod
    def _work(run: dict[str, Any], validate: Any, store: Any, lang: str) -> None:
        try:
            run["report"] = validate(store, lang)
        except Exception as exc:  # shown on the page, not raised in a thread nobody reads
            log.exception("validation failed")
            run["error"] = exc
        finally:
            run["done"].set()


def warm_up(app: Any, lang: str) -> None:
    """Start validating in the background when the app starts."""
    with contextlib.suppress(Unavailable):
        app.state.reports.start(app, lang)


def full_report(request: Request, wait: float = 5.0) -> Any:
    """The ``ValidationReport`` in the page language; ``Pending`` (503) if not ready within ``wait``."""
    run = request.app.state.reports.start(request.app, lang_of(request))
    if not run["done"].wait(wait):
        raise Pending()
    if run["error"] is not None:
        error = run["error"]
        message = error.message(lang_of(request)) if hasattr(error, "message") else str(error)
        raise HttpError(500, "web.validation.failed", reason=message)
    return scoped_report(request, run["report"])  # only the findings of the request's municipalities


def findings_for(request: Request, iri: str, wait: float = 2.0) -> list[Any] | None:
    """The findings whose entry is ``iri``; ``None`` when validation is unavailable or not ready yet."""
    try:
        report = full_report(request, wait)
    except (Unavailable, HttpError):
        return None
    _ = state(request)
    return [r for r in report.results if str(r.entry) == iri or str(r.focus) == iri]
