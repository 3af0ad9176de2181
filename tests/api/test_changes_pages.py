"""The change model in the web app: Verlauf on entry pages, /aenderungen (HTML, JSON, CSV, Atom),
restoring a version, ?stand= on pages, JSON and /sparql, the release diff."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from fastapi.testclient import TestClient
from rdflib import Literal, URIRef

from isrp_graph.changes.history import changes_since
from isrp_graph.changes.releases import create_release
from isrp_graph.namespaces import ISRP
from isrp_graph.writes import apply_write
from tests.api.conftest import DATA_GRAPH, TOKEN
from tests.api.test_writes import AUTH, GOOD

PLAN = URIRef("https://w3id.org/isrp/erfurt/plan/sozialplanung")
HTML = {"accept": "text/html"}


def add_task(store, text: str):  # type: ignore[no-untyped-def]
    graph = store.get_graph(DATA_GRAPH)
    graph.add((PLAN, ISRP.task, Literal(text, lang="de")))
    return apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung", kind="form")


def test_an_upload_is_recorded_and_shown_in_the_history(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/api/v1/upload", params={"filename": "schulen.ttl"}, content=GOOD.encode(), headers=AUTH
    )
    assert response.status_code == 200, response.text
    [cs] = changes_since(store, None)
    assert cs.kind == "upload" and cs.source == "schulen.ttl" and cs.actor == "anna"
    page = client.get("/erfurt/plan/schulnetzplanung", headers=HTML).text
    assert 'id="history"' in page and "RDF-Datei" in page and "anna" in page
    assert "isrp:" not in page.split('id="history"', 1)[1].split("</section>", 1)[0]
    data = client.get("/erfurt/plan/schulnetzplanung", params={"format": "json"}).json()
    assert data["history"][0]["kind"] == "upload"


def test_changes_since_in_every_format(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    add_task(store, "Sozialstrukturatlas")
    page = client.get("/aenderungen", headers=HTML)
    assert page.status_code == 200 and "Sozialplanung" in page.text and "Sozialstrukturatlas" in page.text
    data = client.get("/aenderungen", params={"format": "json"}).json()
    assert [e["label"] for e in data["entries"]] == ["Sozialplanung"]
    assert data["entries"][0]["office"] and data["groups"][0]["entries"]
    assert client.get("/aenderungen", params={"format": "json", "person": "Niemand"}).json()["entries"] == []
    csv = client.get("/aenderungen", params={"format": "csv"})
    assert csv.text.startswith("\ufeff") and ";" in csv.text.splitlines()[0]
    feed = client.get("/aenderungen", params={"format": "atom"})
    root = ET.fromstring(feed.content)
    assert root.tag.endswith("feed") and len(root.findall("{http://www.w3.org/2005/Atom}entry")) == 1
    assert client.get("/aenderungen", params={"seit": "31.02.2020"}).status_code == 400
    future = client.get("/aenderungen", params={"seit": "01.01.2100", "format": "json"}).json()
    assert future["entries"] == []


def test_restore_a_version_from_the_entry_page(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    first = add_task(store, "Erste Aufgabe")
    second = add_task(store, "Zweite Aufgabe")
    page = client.get("/erfurt/plan/sozialplanung", headers=HTML).text
    assert "Diesen Stand wiederherstellen" in page
    form = {"iri": str(PLAN), "change": first.changeset.id, "latest": second.changeset.id, "token": TOKEN}
    stale = client.post(
        "/aenderungen/wiederherstellen", data={**form, "latest": first.changeset.id}, headers=HTML
    )
    assert stale.status_code == 409
    done = client.post("/aenderungen/wiederherstellen", data=form, headers=HTML)
    assert done.status_code == 200, done.text[-500:]
    tasks = {str(o) for o in store.get_graph(DATA_GRAPH).objects(PLAN, ISRP.task)}
    assert "Erste Aufgabe" in tasks and "Zweite Aufgabe" not in tasks
    assert client.post("/aenderungen/wiederherstellen", data={**form, "token": "falsch"}).status_code in (
        401,
        403,
    )


def test_pages_json_and_sparql_at_a_release(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    create_release(store, "Stand 1", "Prüferin", note="vorher")
    add_task(store, "Neue Aufgabe")
    at_release = client.get("/erfurt/plan/sozialplanung", params={"stand": "Stand 1"}, headers=HTML).text
    assert "Stand »Stand 1«" in at_release and "Neue Aufgabe" not in at_release
    assert "Neue Aufgabe" in client.get("/erfurt/plan/sozialplanung", headers=HTML).text
    query = f"SELECT ?t WHERE {{ <{PLAN}> <https://w3id.org/isrp/def#task> ?t }}"
    old = client.get(
        "/sparql",
        params={"query": query, "stand": "Stand 1"},
        headers={"accept": "application/sparql-results+json"},
    )
    assert old.status_code == 200 and "Neue Aufgabe" not in old.text
    now = client.get(
        "/sparql", params={"query": query}, headers={"accept": "application/sparql-results+json"}
    )
    assert "Neue Aufgabe" in now.text
    unknown = client.get("/erfurt/plan/sozialplanung", params={"stand": "Stand 9"}, headers=HTML)
    assert unknown.status_code == 404 and "Stand 1" in unknown.text
    diff = client.get("/staende/vergleich", params={"a": "Stand 1", "b": "heute", "format": "json"}).json()
    assert [e["label"] for e in diff["changed"]] == ["Sozialplanung"]
    assert client.get("/staende/vergleich", params={"a": "Stand 1", "format": "csv"}).text.startswith(
        "\ufeff"
    )
    assert "Stand 1" in client.get("/staende", headers=HTML).text
    refused = client.post(
        "/api/v1/upload",
        params={"filename": "x.ttl", "stand": "Stand 1"},
        content=GOOD.encode(),
        headers=AUTH,
    )
    assert refused.status_code >= 400
