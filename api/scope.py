"""Which municipalities a page or API answer covers.

The installation serves the municipalities of the setting ``kommune`` (``ISRP_KOMMUNE``), resolved once
at start (``app.state.kommunen``; empty = every municipality of the store). ``?kommune=NAME`` (slug,
label or IRI; repeatable or comma-separated) narrows further, but only within that set: a name outside
it is answered with 404 and a message, never with the data of another municipality. With more than one
municipality to choose from, the analysis pages show a labelled select (a GET form, no script needed)."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import Request
from rdflib import Literal, URIRef
from rdflib.term import Node

from api.context import lang_of, state
from api.errors import HttpError
from isrp_graph.messages import register, t
from isrp_graph.scope import Municipality, ScopeError, municipalities, resolve_among
from isrp_graph.scope.membership import foreign_entries
from isrp_graph.store.base import SelectResult

PARAM = "kommune"

register(
    {
        "web.scope.label": {"de": "Kommune", "en": "Municipality"},
        "web.scope.all": {"de": "Alle Kommunen", "en": "All municipalities"},
        "web.scope.form": {"de": "Kommune wählen", "en": "Choose the municipality"},
        "web.scope.apply": {"de": "Anzeigen", "en": "Show"},
        "web.scope.covers": {"de": "Befunde für: {names}", "en": "Findings for: {names}"},
        "web.scope.covers_data": {"de": "Angaben für: {names}", "en": "Data for: {names}"},
        "web.scope.outside": {
            "de": "Die Kommune „{name}“ wird hier nicht angeboten (Feld „kommune“). Verfügbar: {known}.",
            "en": "The municipality '{name}' is not offered here (field 'kommune'). Available: {known}.",
        },
        "web.scope.param": {
            "de": "Nur diese Kommune (Kurzname wie „erfurt“, Name oder IRI; mehrere durch Kommas); "
            "nur innerhalb der Kommunen dieser Anwendung",
            "en": "Only this municipality (short name such as 'erfurt', name or IRI; several separated "
            "by commas); only within the municipalities of this installation",
        },
    }
)


def installation_kommunen(request: Request) -> tuple[str, ...]:
    """The municipalities the installation serves (IRIs, resolved at start); ``()`` = all."""
    return tuple(getattr(request.app.state, "kommunen", ()) or ())


def served(request: Request) -> list[Municipality]:
    """The municipalities a request may choose from, sorted by name."""
    store = state(request).store
    known = request.app.state.cache.get(store, ("municipalities",), lambda: municipalities(store))
    serving = installation_kommunen(request)
    return [m for m in known if not serving or m.iri in serving]


def requested_names(request: Request) -> list[str]:
    given = request.query_params.getlist(PARAM)
    return [part.strip() for value in given for part in value.split(",") if part.strip()]


def scope_of(request: Request) -> tuple[str, ...]:
    """The municipality IRIs this request covers: ``?kommune=`` within the installation's set, else
    that set (``()`` = all). A name outside the set -> 404 with the names that are available."""
    names = requested_names(request)
    if not names:
        return installation_kommunen(request)
    try:
        return resolve_among(served(request), names)
    except ScopeError as exc:
        raise HttpError(
            404, "web.scope.outside", name=exc.params["name"][:80], known=exc.params["known"]
        ) from None


def cache_part(request: Request) -> tuple[str, ...]:
    """The scope as part of a cache key (every cached result that depends on it must include it)."""
    return ("kommunen", *scope_of(request))


def scope_model(request: Request, key: str = "web.scope.covers") -> dict[str, Any]:
    """The select (``show_select``: more than one municipality to choose from) and the sentence saying
    which municipalities the page covers (``covers``: ``None`` when the store has none)."""
    lang = lang_of(request)
    choices = served(request)
    scope = scope_of(request)
    names = requested_names(request)
    by_iri = {m.iri: m for m in choices}
    covered = [by_iri[i] for i in scope if i in by_iri] if scope else choices
    selected = by_iri[scope[0]].slug if names and len(scope) == 1 and scope[0] in by_iri else ""
    return {
        "param": PARAM,
        "show_select": len(choices) > 1,
        "selected": selected,
        "choices": [{"value": m.slug, "label": m.label} for m in choices],
        "kommunen": [{"iri": m.iri, "slug": m.slug, "label": m.label} for m in covered],
        "covers": t(key, lang, names=", ".join(m.label for m in covered)) if covered else None,
    }


def outside_scope(request: Request, iris: list[str] | set[str]) -> set[str]:
    """The IRIs of ``iris`` that belong to another municipality than the request covers (to drop)."""
    scope = scope_of(request)
    if not scope:
        return set()
    store = state(request).store
    return foreign_entries(store, iris, scope)


def scoped_rows(request: Request, result: SelectResult) -> SelectResult:
    """``result`` without the rows that name an entry of another municipality than the request covers
    (an IRI cell, or a cell listing IRIs); rows of shared entries only (laws, concepts) stay."""
    scope = scope_of(request)
    if not scope:
        return result
    named = [_iris_in(row) for row in result.rows]
    outside = foreign_entries(state(request).store, set().union(*named), scope) if named else set()
    if not outside:
        return result
    kept = [row for row, iris in zip(result.rows, named, strict=True) if not iris & outside]
    return SelectResult(list(result.variables), kept)


def _iris_in(row: dict[str, Node | None]) -> set[str]:
    found: set[str] = set()
    for node in row.values():
        if isinstance(node, URIRef):
            found.add(str(node))
        elif isinstance(node, Literal):
            parts = [p for token in str(node).split() for p in token.split("|")]
            if parts and all(p.startswith(("http://", "https://")) for p in parts):
                found.update(parts)
    return found


def scoped_report(request: Request, report: Any) -> Any:
    """A validation report with only the findings of entries of the request's municipalities (and of
    shared entries); the verdict is recomputed from what is kept."""
    if not scope_of(request):
        return report
    outside = outside_scope(request, {str(r.entry) for r in report.results if r.entry is not None})
    if not outside:
        return report
    kept = tuple(r for r in report.results if str(r.entry) not in outside)
    return dataclasses.replace(
        report,
        results=kept,
        conforms=not any(r.severity == "Violation" for r in kept),
        results_graph=None,
    )
