"""The SPARQL 1.1 Protocol endpoint ``/sparql``: read-only, with a time limit and a result-size cap.

GET ``?query=`` or POST (``application/x-www-form-urlencoded`` with ``query=``, or
``application/sparql-query``).
Results come from ``Store.query_raw`` in the format the Accept header asks for (SPARQL JSON/XML/CSV/TSV,
RDF for CONSTRUCT/DESCRIBE). Without a query, ``/sparql`` answers with its Service Description (browsers
are sent to the SPARQL page). Updates are refused with 403. Errors are plain text, German (English).
"""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from api.context import state
from isrp_graph.messages import both, register
from isrp_graph.store.errors import QuerySyntaxError, QueryTimeout, StoreError, UnsupportedFormat
from isrp_graph.store.formats import GRAPH_TYPES, RESULTS_TYPES, negotiate
from isrp_graph.store.sparql_text import query_form

router = APIRouter()
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
CORS = {"Access-Control-Allow-Origin": "*"}

register(
    {
        "web.sparql.update_refused": {
            "de": "Dieser Endpunkt ist schreibgeschützt: SPARQL Update ist nicht erlaubt. Änderungen "
            "gehen über die Bearbeiten-Seiten mit einem Schlüssel der Redaktion.",
            "en": "This endpoint is read-only: SPARQL Update is not allowed. Changes go through the "
            "edit pages with an editor token.",
        },
        "web.sparql.missing": {
            "de": "Bitte eine Abfrage im Parameter ‚query‘ senden.",
            "en": "Please send a query in the parameter 'query'.",
        },
        "web.sparql.too_big": {
            "de": "Das Ergebnis hat mehr als {limit} Einträge (Zeilen oder Tripel). Bitte die Abfrage "
            "mit LIMIT eingrenzen.",
            "en": "The result has more than {limit} items (rows or triples). Please narrow the query "
            "with LIMIT.",
        },
        "web.sparql.dataset": {
            "de": "default-graph-uri und named-graph-uri werden nicht unterstützt: der Standardgraph ist "
            "die Vereinigung aller Graphen; GRAPH-Muster in der Abfrage verwenden.",
            "en": "default-graph-uri and named-graph-uri are not supported: the default graph is the "
            "union of all graphs; use GRAPH patterns in the query.",
        },
        "web.sparql.media": {
            "de": "Nicht unterstützter Inhaltstyp {media}: erwartet application/x-www-form-urlencoded "
            "oder application/sparql-query.",
            "en": "Unsupported content type {media}: expected application/x-www-form-urlencoded or "
            "application/sparql-query.",
        },
    }
)


def _error(status: int, key: str, **kwargs: object) -> Response:
    return PlainTextResponse(both(key, **kwargs), status_code=status, headers=CORS)


def _count(body: bytes, media: str) -> int:
    """Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) in a serialised result."""
    if media == "text/csv":
        return max(0, sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1)
    if media == "text/tab-separated-values":
        return max(0, len(body.splitlines()) - 1)
    if media in RESULTS_TYPES:
        parsed = ox.parse_query_results(body, format=RESULTS_TYPES[media])
        return 1 if isinstance(parsed, ox.QueryBoolean) else sum(1 for _ in parsed)
    if media in GRAPH_TYPES:
        return sum(1 for _ in ox.parse(body, format=GRAPH_TYPES[media]))
    return 0


def run_query(request: Request, query: str | None, dataset_params: list[str]) -> Response:
    app = state(request)
    if not query or not query.strip():
        return _error(400, "web.sparql.missing")
    if any(dataset_params):
        return _error(400, "web.sparql.dataset")
    if query_form(query) == "UPDATE":
        return _error(403, "web.sparql.update_refused")
    accept = request.headers.get("accept", "") or "*/*"
    try:
        body, content_type = app.store.query_raw(query, accept)
    except UnsupportedFormat as exc:
        return PlainTextResponse(str(exc), status_code=406, headers=CORS)
    except QueryTimeout as exc:
        return PlainTextResponse(str(exc), status_code=503, headers=CORS)
    except QuerySyntaxError as exc:
        return PlainTextResponse(str(exc), status_code=400, headers=CORS)
    except StoreError as exc:
        return PlainTextResponse(str(exc), status_code=500, headers=CORS)
    media = content_type.split(";")[0].strip()
    limit = app.settings.result_limit
    if _count(body, media) > limit:
        return _error(400, "web.sparql.too_big", limit=limit)
    return Response(body, media_type=content_type, headers={**CORS, "Vary": "Accept"})


def service_description(request: Request) -> Graph:
    app = state(request)
    endpoint = URIRef(str(request.url_for("sparql_get")))
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    graph.add((endpoint, RDF.type, SD.Service))
    graph.add((endpoint, SD.endpoint, endpoint))
    graph.add((endpoint, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((endpoint, SD.feature, SD.UnionDefaultGraph))
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "RDF_XML",
        "JSON-LD",
    ):
        graph.add((endpoint, SD.resultFormat, FORMATS[name]))
    dataset = BNode()
    default = BNode()
    graph.add((endpoint, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for name in app.store.graphs():
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, name))
    graph.add(
        (
            endpoint,
            URIRef("http://purl.org/dc/terms/description"),
            Literal("ISRP-Register: SPARQL-1.1-Endpunkt (nur lesend)", lang="de"),
        )
    )
    return graph


def _describe_service(request: Request) -> Response:
    accept = request.headers.get("accept", "")
    if "text/html" in accept:
        return RedirectResponse(str(request.url_for("sparql_page")), status_code=303)
    offered = ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"]
    try:
        media = negotiate(accept, offered)
    except UnsupportedFormat:
        media = "text/turtle"
    fmt = {
        "text/turtle": "turtle",
        "application/n-triples": "nt",
        "application/rdf+xml": "xml",
        "application/ld+json": "json-ld",
    }[media]
    body = service_description(request).serialize(format=fmt)
    return Response(
        body, media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""), headers=CORS
    )


@router.get("/sparql", name="sparql_get", tags=["SPARQL"], summary="SPARQL 1.1 query (GET)")
def sparql_get(request: Request) -> Response:
    params = request.query_params
    if "update" in params:
        return _error(403, "web.sparql.update_refused")
    if "query" not in params:
        return _describe_service(request)
    dataset = params.getlist("default-graph-uri") + params.getlist("named-graph-uri")
    return run_query(request, params.get("query"), dataset)


@router.post("/sparql", tags=["SPARQL"], summary="SPARQL 1.1 query (POST)")
async def sparql_post(request: Request) -> Response:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    params = request.query_params
    dataset = params.getlist("default-graph-uri") + params.getlist("named-graph-uri")
    if media == "application/sparql-query":
        text = (await request.body()).decode("utf-8", errors="replace")
        return run_query(request, text, dataset)
    if media == "application/sparql-update":
        return _error(403, "web.sparql.update_refused")
    if media in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        if "update" in form:
            return _error(403, "web.sparql.update_refused")
        dataset += [str(v) for v in form.getlist("default-graph-uri") + form.getlist("named-graph-uri")]
        query = form.get("query")
        return run_query(request, str(query) if query is not None else None, dataset)
    return _error(415, "web.sparql.media", media=media or "-")
