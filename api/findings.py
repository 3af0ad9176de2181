"""The validation report of the whole registry, cached per store state and language, and the open
findings of one entry taken from it."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from api.context import lang_of, state
from api.library import Unavailable, function


def full_report(request: Request) -> Any:
    """The cached ``ValidationReport`` of the whole store in the page language; raises ``Unavailable``."""
    validate = function("isrp_graph.validation", "validate")
    app = request.app.state
    store = state(request).store
    lang = lang_of(request)
    return app.cache.get(store, ("validation", lang), lambda: validate(store, lang))


def findings_for(request: Request, iri: str) -> list[Any] | None:
    """The findings whose entry is ``iri``; ``None`` when validation is not available."""
    try:
        report = full_report(request)
    except Unavailable:
        return None
    return [r for r in report.results if str(r.entry) == iri or str(r.focus) == iri]
