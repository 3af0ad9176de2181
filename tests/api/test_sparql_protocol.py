"""The SPARQL 1.1 Protocol endpoint through the TestClient: forms, formats, read-only, limits."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from rdflib import Graph

from api.app import create_app
from tests.api.conftest import fixture_store, settings

SELECT = "SELECT ?plan WHERE { ?plan a isrp:SectoralPlan } ORDER BY ?plan"


def test_get_select_json(client: TestClient) -> None:
    response = client.get(
        "/sparql", params={"query": SELECT}, headers={"accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200
    rows = response.json()["results"]["bindings"]
    assert [r["plan"]["value"].rsplit("/", 1)[-1] for r in rows] == ["jugendhilfeplanung", "sozialplanung"]


def test_post_form_and_direct_with_csv_tsv_xml(client: TestClient) -> None:
    form = client.post("/sparql", data={"query": SELECT}, headers={"accept": "text/csv"})
    assert form.headers["content-type"].startswith("text/csv")
    assert next(csv.reader(io.StringIO(form.text))) == ["plan"]
    direct = client.post(
        "/sparql",
        content=SELECT.encode(),
        headers={"content-type": "application/sparql-query", "accept": "text/tab-separated-values"},
    )
    assert direct.status_code == 200 and direct.text.startswith("?plan")
    xml = client.get(
        "/sparql", params={"query": SELECT}, headers={"accept": "application/sparql-results+xml"}
    )
    assert "<sparql" in xml.text


def test_construct_as_turtle_and_ask(client: TestClient) -> None:
    construct = client.get(
        "/sparql",
        params={"query": "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 5"},
        headers={"accept": "text/turtle"},
    )
    assert construct.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=construct.text, format="turtle")) == 5
    ask = client.get(
        "/sparql",
        params={"query": "ASK { ?s a isrp:Interface }"},
        headers={"accept": "application/sparql-results+json"},
    )
    assert ask.json()["boolean"] is True


def test_service_description_without_query(client: TestClient) -> None:
    response = client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    assert "sd:Service" in response.text and "UnionDefaultGraph" in response.text
    browser = client.get("/sparql", headers={"accept": "text/html"}, follow_redirects=False)
    assert browser.status_code == 303 and browser.headers["location"].endswith("/abfrage")


def test_updates_are_refused(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    before = len(store)
    for response in (
        client.get("/sparql", params={"query": "DROP ALL"}),
        client.post("/sparql", data={"update": "DROP ALL"}),
        client.post("/sparql", content=b"DROP ALL", headers={"content-type": "application/sparql-update"}),
    ):
        assert response.status_code == 403
        assert "schreibgeschützt" in response.text and "read-only" in response.text
    assert len(store) == before


def test_bad_query_and_result_cap(client: TestClient) -> None:
    bad = client.get("/sparql", params={"query": "SELECT WHERE {"})
    assert bad.status_code == 400
    capped = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert capped.status_code == 400
    assert "mehr als 100" in capped.text and "more than 100" in capped.text


def test_timeout_answers_503() -> None:
    store = fixture_store(query_timeout=0.3)
    client = TestClient(create_app(settings(query_timeout=0.3), store=store))
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    response = client.get("/sparql", params={"query": slow})
    assert response.status_code == 503
    assert "abgebrochen" in response.text and "stopped" in response.text


def test_sparql_page_runs_query_and_downloads(client: TestClient) -> None:
    html = client.get("/abfrage", params={"query": SELECT}, headers={"accept": "text/html"}).text
    assert 'id="result-table"' in html and "jugendhilfeplanung" in html
    assert client.get("/abfrage", params={"query": SELECT, "format": "csv"}).text.startswith("plan")
    assert "bindings" in client.get("/abfrage", params={"query": SELECT, "format": "json"}).text
    error = client.get("/abfrage", params={"query": "SELECT WHERE {"}, headers={"accept": "text/html"})
    assert error.status_code == 400 and 'role="alert"' in error.text
    example = client.get("/abfrage", params={"example": "plans-overview"}, headers={"accept": "text/html"})
    assert example.status_code == 200 and "VALUES" in example.text
