"""The SPARQL 1.1 Protocol endpoint ``/sparql``: read-only, guarded, with a hard time limit.

GET ``?query=`` or POST (``application/x-www-form-urlencoded`` with ``query=``, or
``application/sparql-query``); the dataset by ``default-graph-uri`` / ``named-graph-uri``, by FROM /
FROM NAMED in the query, else the union of all graphs. Each query is checked first (size, nesting,
SERVICE) and then runs in a killable worker process (``api.sparql_run``). Results are answered with
their registered media types. Without a query, ``/sparql`` answers with its Service Description
(browsers are sent to the SPARQL page). Updates are refused with 403. Errors are plain text, German
(English). Predeclared prefixes: ``isrp_graph.namespaces.PREFIXES`` (listed in the Service
Description and on the SPARQL page).
"""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD

from api.context import state
from api.sparql_openapi import GET_DOC, POST_DOC
from api.sparql_run import failure, public_query
from api.sparql_xlsx import protocol_xlsx, wants_xlsx, xlsx_refusal
from isrp_graph.messages import both, register
from isrp_graph.namespaces import PREFIXES
from isrp_graph.store.errors import UnsupportedFormat
from isrp_graph.store.formats import GRAPH_TYPES, RESULTS_TYPES, negotiate

router = APIRouter()
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
CORS = {"Access-Control-Allow-Origin": "*"}
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")

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
            "de": "default-graph-uri und named-graph-uri werden mit einem entfernten Speicher nicht "
            "unterstützt: FROM / FROM NAMED in der Abfrage verwenden.",
            "en": "default-graph-uri and named-graph-uri are not supported with a remote store: use "
            "FROM / FROM NAMED in the query.",
        },
        "web.sparql.several": {
            "de": "Der Parameter ‚query‘ darf nur einmal vorkommen (gesendet: {count}-mal).",
            "en": "The parameter 'query' may occur only once (sent {count} times).",
        },
        "web.sparql.charset": {
            "de": "Die Abfrage muss UTF-8 sein (erhalten: {charset}).",
            "en": "The query must be UTF-8 (received: {charset}).",
        },
        "web.sparql.bad_utf8": {
            "de": "Die Anfrage ist kein gültiges UTF-8 (Byte an Stelle {position}).",
            "en": "The request is not valid UTF-8 (byte at position {position}).",
        },
        "web.sparql.bad_iri": {
            "de": "{name} ist keine gültige absolute IRI: {value}",
            "en": "{name} is not a valid absolute IRI: {value}",
        },
        "web.sparql.media": {
            "de": "Nicht unterstützter Inhaltstyp {media}: erwartet application/x-www-form-urlencoded "
            "oder application/sparql-query.",
            "en": "Unsupported content type {media}: expected application/x-www-form-urlencoded or "
            "application/sparql-query.",
        },
    }
)


class BadRequest(Exception):
    """A protocol error found while reading the request (status, catalogue key, parameters)."""

    def __init__(self, status: int, key: str, **kwargs: object) -> None:
        super().__init__(key)
        self.status, self.key, self.kwargs = status, key, kwargs


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


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(400, "web.sparql.bad_utf8", position=exc.start) from None


def _pairs(raw: bytes) -> list[tuple[str, str]]:
    """``application/x-www-form-urlencoded`` pairs, strictly UTF-8 (no replacement characters)."""
    try:
        return parse_qsl(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as exc:
        raise BadRequest(400, "web.sparql.bad_utf8", position=exc.start) from None


def _charset(content_type: str) -> None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
            if charset not in ("utf-8", "utf8"):
                raise BadRequest(400, "web.sparql.charset", charset=charset)


def _graph_iris(name: str, values: list[str]) -> list[str]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise BadRequest(400, "web.sparql.bad_iri", name=name, value=value) from None
        if ":" not in value:
            raise BadRequest(400, "web.sparql.bad_iri", name=name, value=value)
    return values


def run_query(request: Request, pairs: list[tuple[str, str]], body_query: str | None = None) -> Response:
    """Answer the protocol request given by its parameters (and a direct-POST query body)."""
    queries = [v for k, v in pairs if k == "query"]
    if body_query is not None:
        queries.append(body_query)
    if len(queries) > 1:
        return _error(400, "web.sparql.several", count=len(queries))
    query = queries[0] if queries else None
    if not query or not query.strip():
        return _error(400, "web.sparql.missing")
    try:
        default = _graph_iris("default-graph-uri", [v for k, v in pairs if k == "default-graph-uri"])
        named = _graph_iris("named-graph-uri", [v for k, v in pairs if k == "named-graph-uri"])
    except BadRequest as exc:
        return _error(exc.status, exc.key, **exc.kwargs)
    xlsx = wants_xlsx(request, pairs)  # an extra for people: SELECT results as a workbook
    refused = xlsx_refusal(query, CORS) if xlsx else None
    if refused is not None:
        return refused
    accept = "application/sparql-results+json" if xlsx else (request.headers.get("accept", "") or "*/*")
    try:
        body, content_type = public_query(request, query, accept, default, named)
    except Exception as exc:
        found = failure(exc)
        if found is None:
            raise
        headers = {**CORS, **found.headers}
        if found.status == 406:
            headers["Vary"] = "Accept"
        return PlainTextResponse(found.message, status_code=found.status, headers=headers)
    media = content_type.split(";")[0].strip()
    limit = state(request).settings.result_limit
    if _count(body, media) > limit:
        return _error(400, "web.sparql.too_big", limit=limit)
    if xlsx:
        return protocol_xlsx(request, query, body, CORS)
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
    # the predeclared prefixes, as SHACL prefix declarations (queries here may use them undeclared)
    for prefix, namespace in PREFIXES.items():
        declaration = BNode()
        graph.add((endpoint, SH.declare, declaration))
        graph.add((declaration, SH.prefix, Literal(prefix)))
        graph.add((declaration, SH.namespace, Literal(namespace, datatype=XSD.anyURI)))
    graph.add(
        (
            endpoint,
            URIRef("http://purl.org/dc/terms/description"),
            Literal(
                "ISRP-Register: SPARQL-1.1-Endpunkt (nur lesend). Vordeklarierte Präfixe: "
                + ", ".join(PREFIXES),
                lang="de",
            ),
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
        body,
        media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""),
        headers={**CORS, "Vary": "Accept"},
    )


@router.get("/sparql", name="sparql_get", tags=["SPARQL"], summary="SPARQL 1.1 query (GET)", **GET_DOC)
def sparql_get(request: Request) -> Response:
    try:
        pairs = _pairs(request.scope.get("query_string", b""))
    except BadRequest as exc:
        return _error(exc.status, exc.key, **exc.kwargs)
    names = {k for k, _ in pairs}
    if "update" in names:
        return _error(403, "web.sparql.update_refused")
    if "query" not in names:
        return _describe_service(request)
    return run_query(request, pairs)


@router.post("/sparql", tags=["SPARQL"], summary="SPARQL 1.1 query (POST)", **POST_DOC)
async def sparql_post(request: Request) -> Response:
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    try:
        pairs = _pairs(request.scope.get("query_string", b""))
        if media == "application/sparql-query":
            _charset(content_type)
            text = _decode(await request.body())
            return run_query(request, pairs, text)
        if media == "application/sparql-update":
            return _error(403, "web.sparql.update_refused")
        if media == "application/x-www-form-urlencoded":
            _charset(content_type)
            pairs += _pairs(await request.body())
        elif media == "multipart/form-data":
            form = await request.form()
            pairs += [(k, str(v)) for k, v in form.multi_items() if isinstance(v, str)]
        else:
            return _error(415, "web.sparql.media", media=media or "-")
    except BadRequest as exc:
        return _error(exc.status, exc.key, **exc.kwargs)
    if any(k == "update" for k, _ in pairs):
        return _error(403, "web.sparql.update_refused")
    return run_query(request, pairs)
