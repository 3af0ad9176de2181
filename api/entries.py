"""Dereferenceable IRIs: ``GET /<path>`` for the entry ``<base IRI><path>`` gives HTML to browsers and
Turtle, JSON-LD, RDF/XML or N-Triples by Accept (or ``?format=``): the entry's CBD with the labels of
linked entries. ``/eintrag?iri=`` shows any other IRI (ontology terms with ``#``, other vocabularies)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.context import lang_of, state
from api.cycle_pages import chain_for
from api.errors import not_found
from api.findings import findings_for
from api.negotiation import RDF_PAGE, choose_format, rdf_response, respond
from isrp_graph import entries

router = APIRouter()


def entry_response(request: Request, iri: str, shown_path: str) -> Response:
    app = state(request)
    fmt = choose_format(request, RDF_PAGE)
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
        "editable": bool(app.settings.editor_tokens),
        "chain": chain_for(request, iri, found.types),
    }
    return respond(request, "entry.html", model, formats=RDF_PAGE, fmt=fmt, title=found.label)


@router.get("/eintrag", include_in_schema=False)
def any_entry(request: Request, iri: str) -> Response:
    return entry_response(request, iri, iri)


def dereference(request: Request, path: str) -> Response:
    """The catch-all route, registered after every other route."""
    base = state(request).settings.base_iri
    return entry_response(request, base + path, "/" + path)
