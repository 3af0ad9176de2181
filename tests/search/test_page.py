"""The search page /suche and its JSON twin, the search box in the header and on the start page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from isrp_graph.settings import Settings


@pytest.fixture(scope="module")
def client(erfurt) -> TestClient:
    return TestClient(create_app(Settings(store="memory"), store=erfurt))


def test_header_and_start_page_have_a_labelled_get_form(client):
    for path in ("/", "/uebersicht"):
        html = client.get(path).text
        form = re.search(
            r'<form class="search-box" action="/suche" method="get" role="search">(.*?)</form>', html, re.S
        )
        assert form, path
        box_id = re.search(r'<input type="search" id="([^"]+)" name="q"', form.group(1)).group(1)
        assert f'<label for="{box_id}">' in form.group(1)
    start = client.get("/").text
    assert start.count('role="search"') == 2 and 'id="suche-kopf"' in start and 'id="suche-start"' in start


def test_english_form_keeps_the_language(client):
    html = client.get("/?lang=en").text
    assert '<input type="hidden" name="lang" value="en">' in html
    assert "Search the registry" in html


def test_results_grouped_with_marked_escaped_snippets(client):
    response = client.get("/suche", params={"q": "Foerderplan"})
    assert response.status_code == 200
    html = response.text
    headings = re.findall(r'<h2 id="gruppe-\d+">([^<]+)', html)
    assert "Fachplanung" in [h.strip() for h in headings]
    assert "<mark>Förderplan</mark>" in html
    assert 'value="Foerderplan"' in html
    assert 'role="search"' in html and html.count('role="search"') == 1  # the page's own box only
    # nothing the strict CSP would block: scripts only as files (src), no inline code or handlers
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
    assert " onclick=" not in html


def test_query_is_escaped(client):
    html = client.get("/suche", params={"q": "<script>alert(1)</script> Jugendhilfe"}).text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", '"a" AND OR', "x" * 5000, "\u0000"])
def test_hostile_queries_give_200(client, query):
    response = client.get("/suche", params={"q": query})
    assert response.status_code == 200
    assert "Treffer" in response.text or 'class="notice"' in response.text
    assert client.get("/suche", params={"q": query, "format": "json"}).status_code == 200


def test_json_twin_shape(client):
    body = client.get("/suche", params={"q": "Beispiel", "format": "json"}).json()
    assert set(body) >= {"query", "lang", "total", "shown", "notice", "groups", "words"}
    assert body["query"] == "Beispiel" and body["total"] >= body["shown"] > 0
    group = body["groups"][0]
    assert set(group) == {"kind", "label", "count", "hits"}
    hit = group["hits"][0]
    assert set(hit) >= {"iri", "label", "kind", "kind_label", "illustrative", "snippet", "marked", "field"}
    assert any(h["illustrative"] for g in body["groups"] for h in g["hits"])


def test_examples_are_marked_on_the_page(client):
    html = client.get("/suche", params={"q": "Beispiel"}).text
    assert 'class="badge example"' in html


def test_empty_query_shows_the_form_only(client):
    html = client.get("/suche").text
    assert "<h2" not in html.split('id="inhalt"')[1]
    assert client.get("/suche?format=json").json()["groups"] == []
