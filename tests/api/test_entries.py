"""Dereferenceable IRIs: HTML for browsers, RDF by Accept or ?format=, 404 with a German message."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

PLAN = "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"
PATH = "/erfurt/plan/jugendhilfeplanung"


def test_browser_gets_html_with_grouped_facts_relations_and_findings(client: TestClient) -> None:
    response = client.get(PATH, headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200
    html = response.text
    assert "<h1>Jugendhilfeplanung" in html
    assert html.index("Grunddaten") < html.index("Wirkungsbereich")  # sh:group order
    assert html.index("Aufgaben") < html.index("Rechtsgrundlagen") < html.index("Laufzeit")  # sh:order
    assert "2023-01-01 – 2027-12-31" in html
    assert 'href="/erfurt/interface/jugendhilfe-sozialplanung"' in html  # interface, both directions
    assert 'href="/erfurt/plan/sozialplanung"' in html
    assert "Offene Prüfbefunde" in html


@pytest.mark.parametrize(
    ("accept", "fmt", "media", "rdflib_format"),
    [
        ("text/turtle", "ttl", "text/turtle", "turtle"),
        ("application/ld+json", "jsonld", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "rdf", "application/rdf+xml", "xml"),
        ("application/n-triples", "nt", "application/n-triples", "nt"),
    ],
)
def test_rdf_by_accept_and_by_format(
    client: TestClient, accept: str, fmt: str, media: str, rdflib_format: str
) -> None:
    for response in (client.get(PATH, headers={"accept": accept}), client.get(PATH, params={"format": fmt})):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        graph = Graph().parse(data=response.text, format=rdflib_format)
        assert (URIRef(PLAN), RDFS.label, Literal("Jugendhilfeplanung", lang="de")) in graph
        # the CBD: the term's blank nodes down to the dates
        dates = {str(o) for o in graph.objects() if str(o).startswith("2023-") or str(o).startswith("2027-")}
        assert dates == {"2023-01-01", "2027-12-31"}
        # labels of linked entries travel along
        office = URIRef("https://w3id.org/isrp/erfurt/org/jugendamt")
        assert (office, RDFS.label, Literal("Jugendamt", lang="de")) in graph


def test_json_twin_of_an_entry(client: TestClient) -> None:
    data = client.get(PATH, params={"format": "json"}).json()
    assert data["entry"]["label"] == "Jugendhilfeplanung"
    assert {r["kind"]["label"] for r in data["entry"]["relations"]} == {"Schnittstelle", "Abgrenzung"}


def test_english_labels(client: TestClient) -> None:
    html = client.get(PATH, params={"lang": "en"}, headers={"accept": "text/html"}).text
    assert "<h1>Youth welfare planning" in html and "Basics" in html


def test_unknown_entry_is_404_in_german(client: TestClient) -> None:
    html = client.get("/erfurt/plan/gibt-es-nicht", headers={"accept": "text/html"})
    assert html.status_code == 404
    assert "Zu /erfurt/plan/gibt-es-nicht gibt es keinen Eintrag im Register." in html.text
    turtle = client.get("/erfurt/plan/gibt-es-nicht", headers={"accept": "text/turtle"})
    assert turtle.status_code == 404
    english = client.get("/erfurt/plan/gibt-es-nicht", params={"lang": "en", "format": "json"})
    assert english.status_code == 404 and "no entry" in english.json()["error"]


def test_other_iris_through_the_generic_entry_page(client: TestClient) -> None:
    response = client.get(
        "/eintrag", params={"iri": "https://w3id.org/isrp/def#SectoralPlan"}, headers={"accept": "text/html"}
    )
    assert response.status_code == 200 and "<h1>Fachplanung" in response.text
    assert "Jugendhilfeplanung" in response.text  # instances link to their class


def test_org_page_lists_steps_through_blank_nodes(client: TestClient) -> None:
    html = client.get("/erfurt/org/dezernat-05", headers={"accept": "text/html"}).text
    assert 'href="/erfurt/step/07"' in html and "Beteiligung" in html
