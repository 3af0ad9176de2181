"""The validation report of the whole registry, computed in the background once per store state and
language (validating all of Erfurt takes a while), and the open findings of one entry taken from it.

Pages wait a little for it; when it is not ready they say so instead of hanging."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
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
    """Background validation runs, one per (store state, language).

    After a save, one run for the new state starts; a reader waits up to ``WAIT_FRESH`` seconds for it
    and otherwise gets the report of the state before (the findings as they were a moment earlier).
    While a run is going, further saves start no second one; after a run the next waits for twice as
    long as it took (saves in quick succession spend at most a third of the time validating the whole
    registry, the rest is for the readers)."""

    WAIT_FRESH = 1.0
    PAUSE = 2.0

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs: dict[tuple, dict[str, Any]] = {}
        self.finished: dict[str, tuple[dict[str, Any], float, float]] = {}  # lang -> (run, ended, took)
        self.started = 0  # runs started (tests count them)

    def start(self, request_app: Any, lang: str) -> dict[str, Any]:
        app = request_app.state.isrp
        key = (lang, *request_app.state.cache.state_key(app.store))
        with self.lock:
            run = self.runs.get(key)
            earlier = self.finished.get(lang)
            if run is None:
                going = [r for k, r in self.runs.items() if k[0] == lang and not r["done"].is_set()]
                if going and earlier is not None:
                    return earlier[0]  # a run for an older state is still going: no second one
                validate = function("isrp_graph.validation", "validate")
                run = {"done": threading.Event(), "report": None, "error": None}
                self.runs = {k: v for k, v in self.runs.items() if not v["done"].is_set() or k[0] != lang}
                self.runs[key] = run
                self.started += 1
                delay = 0.0
                if earlier is not None:
                    delay = max(0.0, earlier[1] + self.PAUSE * earlier[2] - time.monotonic())
                threading.Thread(
                    target=self._delayed, args=(delay, run, validate, app.store, lang), daemon=True
                ).start()
        if earlier is not None and earlier[0] is not run and not run["done"].wait(self.WAIT_FRESH):
            return earlier[0]
        return run

    def _delayed(self, delay: float, run: dict[str, Any], validate: Any, store: Any, lang: str) -> None:
        if delay:
            time.sleep(delay)
        start = time.monotonic()
        self._work(run, validate, store, lang)
        if run["error"] is None:
            with self.lock:
                ended = time.monotonic()
                self.finished[lang] = (run, ended, ended - start)

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
