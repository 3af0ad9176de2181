"""Dereferenceable IRIs: ``GET /<path>`` for the entry ``<base IRI><path>`` gives HTML to browsers and
Turtle, JSON-LD, RDF/XML or N-Triples by Accept (also the usual other names: ``text/plain`` for
N-Triples, ``application/x-turtle``, ``application/xml``) or ``?format=``: the entry's CBD with the
labels of linked entries. ``/def`` is the whole ontology (its terms are hash IRIs ``/def#Term``).
``/eintrag?iri=`` shows any other IRI (other vocabularies)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

import api.i18n_sparql  # noqa: F401  (registers the texts)
from api.context import entry_href, lang_of, state
from api.cycle_pages import chain_for
from api.errors import error_response, not_found
from api.findings import findings_for
from api.negotiation import RDF_PAGE, NotAcceptable, choose_format, rdf_response, respond
from isrp_graph import entries
from isrp_graph.changes.views import entry_history_view
from isrp_graph.messages import t
from isrp_graph.spatial.unitpage import spatial_section
from isrp_graph.vocabulary import KINDS, compact, vocabulary, vocabulary_graph

router = APIRouter()


def _format_or_406(request: Request) -> str | Response:
    try:
        return choose_format(request, RDF_PAGE)
    except NotAcceptable as error:
        lang = lang_of(request)
        response = error_response(request, 406, t("web.error", lang), error.message(lang))
        response.headers["Vary"] = "Accept"
        return response


def entry_response(request: Request, iri: str, shown_path: str) -> Response:
    app = state(request)
    fmt = _format_or_406(request)
    if isinstance(fmt, Response):
        return fmt
    if fmt in ("ttl", "jsonld", "rdf", "nt"):
        graph = entries.describe(app.store, iri)
        if len(graph) == 0:
            return not_found(request, shown_path)
        return rdf_response(graph, fmt)
    lang = lang_of(request)
    found = entries.entry(app.store, iri, lang)
    if found is None:
        return not_found(request, shown_path)
    model = {
        "entry": found,
        "findings": findings_for(request, iri),
        "editable": request.app.state.auth.editing_possible(),
        "history": entry_history_view(app.store, iri, lang),
        "spatial": spatial_section(app.store, iri, lang),
        "chain": chain_for(request, iri, found.types),
    }
    return respond(request, "entry.html", model, formats=RDF_PAGE, fmt=fmt, title=found.label)


@router.get("/def", include_in_schema=False)
def ontology(request: Request) -> Response:
    """The whole vocabulary: RDF by Accept, or a page with one anchor per term (``#SectoralPlan``)."""
    app = state(request)
    fmt = _format_or_406(request)
    if isinstance(fmt, Response):
        return fmt
    iri = app.settings.base_iri + "def"
    graph = vocabulary_graph(app.store, iri)
    if len(graph) == 0:
        return entry_response(request, iri, "/def")
    if fmt in ("ttl", "jsonld", "rdf", "nt"):
        return rdf_response(graph, fmt)
    lang = lang_of(request)
    found = vocabulary(graph, iri, lang)
    names = {term.iri: term.label for term in found.terms}
    hrefs = {}
    for term in found.terms:
        for other in (*term.parents, *term.domain, *term.range):
            if other in names:
                hrefs[other] = f"#{other[len(iri) + 1:]}"
            else:
                hrefs[other] = entry_href(request, other)
                names.setdefault(other, compact(other))
    groups = [(kind, [term for term in found.terms if term.kind == kind]) for kind, _ in KINDS]
    groups = [(kind, terms) for kind, terms in groups if terms]
    model = {"vocabulary": found, "groups": groups}
    return respond(
        request,
        "vocabulary.html",
        model,
        formats=RDF_PAGE,
        fmt=fmt,
        title=found.title,
        names=names,
        hrefs=hrefs,
    )


@router.get("/eintrag", include_in_schema=False)
def any_entry(request: Request, iri: str) -> Response:
    return entry_response(request, iri, iri)


def dereference(request: Request, path: str) -> Response:
    """The catch-all route, registered after every other route."""
    base = state(request).settings.base_iri
    return entry_response(request, base + path, "/" + path)
