"""SPARQL 1.1 Protocol details and linked data as other clients expect them (issue 11): the dataset
(FROM, FROM NAMED, default-graph-uri, named-graph-uri), one query parameter, strict UTF-8, HEAD, the
CORS preflight, registered media types, predeclared prefixes, entry negotiation and the /def
vocabulary."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from api.app import create_app
from isrp_graph.namespaces import PREFIXES
from isrp_graph.registry import build_registry
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import DATA_GRAPH, SHAPES_GRAPH, LiveServer, settings

COUNT = "SELECT (COUNT(*) AS ?n) {from_} WHERE {{ ?s ?p ?o }}"
PLAN = "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"


def _n(client: TestClient, query: str, **params: object) -> int:
    response = client.get("/sparql", params={"query": query, **params}, headers={"accept": "text/csv"})
    assert response.status_code == 200, response.text
    return int(list(csv.reader(io.StringIO(response.text)))[1][0])


def test_from_limits_the_default_graph_and_union_applies_only_without_dataset(
    client: TestClient, store: EmbeddedStore
) -> None:
    data = len(store.get_graph(DATA_GRAPH))
    shapes = len(store.get_graph(SHAPES_GRAPH))
    assert _n(client, COUNT.format(from_="")) == data + shapes
    assert _n(client, COUNT.format(from_=f"FROM <{SHAPES_GRAPH}>")) == shapes
    assert _n(client, COUNT.format(from_=f"FROM <{SHAPES_GRAPH}> FROM <{DATA_GRAPH}>")) == data + shapes
    # FROM NAMED alone: the named graph is there for GRAPH, the default graph is empty
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{SHAPES_GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _n(client, named) == shapes
    assert _n(client, COUNT.format(from_=f"FROM NAMED <{SHAPES_GRAPH}>")) == 0


def test_protocol_dataset_parameters(client: TestClient, store: EmbeddedStore) -> None:
    shapes = len(store.get_graph(SHAPES_GRAPH))
    assert _n(client, COUNT.format(from_=""), **{"default-graph-uri": str(SHAPES_GRAPH)}) == shapes
    # the protocol's dataset overrides the query's FROM
    query = COUNT.format(from_=f"FROM <{DATA_GRAPH}>")
    assert _n(client, query, **{"default-graph-uri": str(SHAPES_GRAPH)}) == shapes
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _n(client, graphs, **{"named-graph-uri": str(DATA_GRAPH)}) == 1
    form = client.post(
        "/sparql",
        data={"query": COUNT.format(from_=""), "default-graph-uri": str(SHAPES_GRAPH)},
        headers={"accept": "text/csv"},
    )
    assert form.status_code == 200 and form.text.split()[-1] == str(shapes)
    bad = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "no iri"})
    assert bad.status_code == 400 and "default-graph-uri" in bad.text


def test_several_query_parameters_are_refused(client: TestClient) -> None:
    response = client.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D")
    assert response.status_code == 400 and "nur einmal" in response.text and "only once" in response.text
    form = client.post(
        "/sparql",
        content="query=ASK+%7B%7D&query=ASK+%7B%7D",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 400
    both = client.post(
        "/sparql?query=ASK%20%7B%7D", content=b"ASK {}", headers={"content-type": "application/sparql-query"}
    )
    assert both.status_code == 400


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/sparql-query; charset=iso-8859-1", 'ASK { ?s ?p "Ä" }'.encode("latin-1")),
        ("application/sparql-query", b'ASK { ?s ?p "\xc4" }'),
        ("application/x-www-form-urlencoded", b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22%C4%22%20%7D"),
        ("application/x-www-form-urlencoded; charset=windows-1252", b"query=ASK%20%7B%7D"),
    ],
)
def test_non_utf8_bodies_are_refused(client: TestClient, content_type: str, body: bytes) -> None:
    response = client.post("/sparql", content=body, headers={"content-type": content_type})
    assert response.status_code == 400, response.text
    assert "UTF-8" in response.text


def test_invalid_utf8_in_the_url_is_refused(client: TestClient) -> None:
    response = client.get("/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%22%C4%22%20%7D")
    assert response.status_code == 400 and "UTF-8" in response.text


def test_head_answers_with_the_get_headers(client: TestClient) -> None:
    for path, params in (
        ("/sparql", {"query": "ASK { ?s ?p ?o }"}),
        ("/sparql", {}),
        ("/erfurt/plan/jugendhilfeplanung", {}),
    ):
        get = client.get(path, params=params)
        head = client.head(path, params=params)
        assert head.status_code == get.status_code == 200
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.headers["content-length"] == str(len(get.content))


def test_cors_preflight_for_read_routes_only(client: TestClient) -> None:
    preflight = {
        "origin": "https://forschung.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
    }
    answer = client.options("/sparql", headers=preflight)
    assert answer.status_code == 204
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "POST" in answer.headers["access-control-allow-methods"]
    assert "content-type" in answer.headers["access-control-allow-headers"].lower()
    post = client.post(
        "/sparql",
        content=b"ASK {}",
        headers={"content-type": "application/sparql-query", "origin": "https://forschung.example"},
    )
    assert post.headers["access-control-allow-origin"] == "*"
    for write_path in ("/api/v1/upload", "/bearbeiten"):
        refused = client.options(write_path, headers=preflight)
        assert refused.status_code == 403 and "access-control-allow-origin" not in refused.headers
    get_preflight = {**preflight, "access-control-request-method": "GET"}
    assert client.options("/api/v1/plans", headers=get_preflight).status_code == 204
    entry = client.get(
        "/erfurt/plan/jugendhilfeplanung",
        headers={"origin": "https://forschung.example", "accept": "text/turtle"},
    )
    assert entry.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        ("ASK { ?s ?p ?o }", "application/json", "application/sparql-results+json"),
        ("ASK { ?s ?p ?o }", "application/xml", "application/sparql-results+xml"),
        ("ASK { ?s ?p ?o }", "*/*", "application/sparql-results+json"),
        ("SELECT * { ?s ?p ?o } LIMIT 1", "text/csv", "text/csv; charset=utf-8"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "application/x-turtle", "text/turtle; charset=utf-8"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "text/plain", "application/n-triples"),
        ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "*/*", "text/turtle; charset=utf-8"),
    ],
)
def test_registered_media_types(client: TestClient, query: str, accept: str, expected: str) -> None:
    response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == expected


def test_predeclared_prefixes_are_listed(client: TestClient) -> None:
    description = Graph().parse(
        data=client.get("/sparql", headers={"accept": "text/turtle"}).text, format="turtle"
    )
    declared = {
        str(p): str(n)
        for d in description.objects(None, SH.declare)
        for p in description.objects(d, SH.prefix)
        for n in description.objects(d, SH.namespace)
    }
    assert declared == PREFIXES
    page = client.get("/abfrage", headers={"accept": "text/html"}).text
    assert 'id="prefix-table"' in page and "<code>isrp:</code>" in page and PREFIXES["skos"] in page


@pytest.mark.parametrize(
    ("accept", "rdflib_format", "media"),
    [
        ("text/plain", "nt", "application/n-triples"),
        ("application/x-turtle", "turtle", "text/turtle"),
        ("application/xml", "xml", "application/rdf+xml"),
    ],
)
def test_entries_negotiate_other_rdf_names(
    client: TestClient, accept: str, rdflib_format: str, media: str
) -> None:
    response = client.get("/erfurt/plan/jugendhilfeplanung", headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "Accept" in response.headers["vary"].split(", ")
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert (URIRef(PLAN), None, None) in graph


def test_406_varies_on_accept(client: TestClient) -> None:
    response = client.get("/erfurt/plan/jugendhilfeplanung", headers={"accept": "image/png"})
    assert response.status_code == 406 and "Accept" in response.headers["vary"].split(", ")
    sparql = client.get("/sparql", params={"query": "ASK {}"}, headers={"accept": "image/png"})
    assert sparql.status_code == 406 and "Accept" in sparql.headers["vary"].split(", ")


def test_rdflib_reads_an_entry_as_ntriples_from_a_live_server(store: EmbeddedStore) -> None:
    with LiveServer(create_app(settings(), store=store)) as server:
        graph = Graph().parse(f"{server.url}/erfurt/plan/jugendhilfeplanung", format="nt")
    assert (URIRef(PLAN), None, None) in graph


@pytest.fixture(scope="module")
def ontology_client() -> TestClient:
    store = EmbeddedStore(None)
    build_registry(store)
    return TestClient(create_app(settings(), store=store))


def test_def_serves_the_whole_vocabulary(ontology_client: TestClient) -> None:
    turtle = ontology_client.get("/def", headers={"accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    term = URIRef("https://w3id.org/isrp/def#SectoralPlan")
    assert (term, None, None) in graph
    assert (URIRef("https://w3id.org/isrp/def#relatesPlan"), None, None) in graph
    ntriples = ontology_client.get("/def", headers={"accept": "text/plain"})
    assert len(Graph().parse(data=ntriples.text, format="nt")) == len(graph)
    page = ontology_client.get("/def", headers={"accept": "text/html"}).text
    assert '<section class="term" id="SectoralPlan"' in page
    assert "Fachplanung" in page  # German label
    english = ontology_client.get("/def", params={"lang": "en"}, headers={"accept": "text/html"}).text
    assert "sectoral plan" in english.lower()
    assert ontology_client.get("/def", params={"format": "json"}).json()["vocabulary"]["terms"]


def test_openapi_documents_sparql(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]["/sparql"]
    names = {p["name"] for p in spec["get"]["parameters"]}
    assert {"query", "default-graph-uri", "named-graph-uri"} <= names
    body = spec["post"]["requestBody"]["content"]
    assert {"application/x-www-form-urlencoded", "application/sparql-query"} <= set(body)
    for method in ("get", "post"):
        assert {"200", "400", "403", "406", "503"} <= set(spec[method]["responses"])


def test_sparql_page_csv_is_comma_separated_and_excel_has_its_own_download(client: TestClient) -> None:
    query = "SELECT ?plan ?label WHERE { ?plan a isrp:SectoralPlan ; rdfs:label ?label } ORDER BY ?label"
    plain = client.get("/abfrage", params={"query": query, "format": "csv"})
    assert plain.text.startswith("plan,label\r\n")
    excel = client.get("/abfrage", params={"query": query, "format": "csv", "excel": "1"})
    assert excel.text.startswith("\ufeffplan;label\r\n")
    page = client.get("/abfrage", params={"query": query}, headers={"accept": "text/html"}).text
    assert "excel=1" in page and "CSV für Excel" in page
