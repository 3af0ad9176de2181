"""Planner pages speak plain German: a crawl of every planner page of the Erfurt registry (start pages and
one entry page of each kind) finds no RDF prefix names, no raw registry addresses and no RDF jargon in the
visible text. The SPARQL page and the machine-readable twins may show them and are not crawled."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import settings
from tests.api.test_accessibility import START_PAGES, pages

PLANNER_PAGES = [p for p in START_PAGES if not p.startswith("/abfrage")] + [
    "/luecken?stichtag=31.12.2023",
    "/luecken?beispiele=1",
    "/ueberschneidungen?lang=en",
    "/schnittstellen?beispiele=1",
    "/pruefung?schwere=Warning",
]
PREFIXED = re.compile(
    r"\b(?:isrp|isrps|skos|dcterms|rdfs|rdf|owl|prov|org|eli|geo|time|xsd|schema|dcat|foaf|sh):[A-Za-z_]"
)
JARGON = re.compile(r"\b(?:Tripel|IRI|IRIs|SPARQL-Variable|benannte Graphen)\b")
REGISTRY = "w3id.org/isrp"
# not planner pages: the SPARQL page, the documentation of the ontology and shapes themselves (for
# researchers), and the network page, which engineer "meeting" is rewriting (its tables still show
# raw addresses; the lead merges that rewrite and then drops it from this list)
NOT_PLANNER = ("/abfrage", "/def", "/shapes", "/netzwerk")


class VisibleText(HTMLParser):
    """The text a reader sees: no scripts, styles, data blocks or machine identifiers in <code>."""

    HIDDEN = frozenset({"script", "style", "code", "template"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@pytest.fixture(scope="module")
def crawled(built_registry) -> dict[str, str]:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(settings(result_limit=10000), store=built_registry))
    found = pages(client)
    for path in PLANNER_PAGES:
        if path not in found:
            response = client.get(path, headers={"accept": "text/html"})
            assert response.status_code == 200, path
            found[path] = response.text
    return {p: html for p, html in found.items() if not p.startswith(NOT_PLANNER) and "format=" not in p}


def test_no_rdf_names_raw_addresses_or_jargon_on_planner_pages(crawled: dict[str, str]) -> None:
    assert len(crawled) > 25
    problems = []
    for path, html in crawled.items():
        text = visible(html)
        problems += [f"{path}: {m}" for m in sorted(set(PREFIXED.findall(text)))]
        problems += [f"{path}: {m}" for m in sorted(set(JARGON.findall(text)))]
        problems += [f"{path}: raw address" for _ in [1] if REGISTRY in text]
    assert problems == [], "\n".join(problems)


def test_numbers_and_dates_in_german_form(crawled: dict[str, str]) -> None:
    gaps = visible(crawled["/luecken"])
    assert re.search(r"Stichtag: \d{2}\.\d{2}\.\d{4}", gaps)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", gaps)  # no ISO dates on the planner page
    assert not re.search(r"(?<![\d.])1 Zeilen", " ".join(visible(h) for h in crawled.values()))
    earlier = visible(crawled["/luecken?stichtag=31.12.2023"])
    assert "Stichtag: 31.12.2023" in earlier


def test_bad_stichtag_is_a_clear_400(built_registry) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(settings(), store=built_registry))
    response = client.get("/luecken", params={"stichtag": "31.02.2025"}, headers={"accept": "text/html"})
    assert response.status_code == 400
    assert "stichtag" in response.text and "TT.MM.JJJJ" in response.text
    english = client.get(
        "/luecken", params={"stichtag": "gestern", "lang": "en"}, headers={"accept": "text/html"}
    )
    assert english.status_code == 400 and "DD.MM.YYYY" in english.text


def test_pruefbericht_counts_first_and_filters(client: TestClient) -> None:
    everything = client.get("/pruefung", params={"format": "json"}).json()
    assert everything["by_kind"] and everything["by_office"]
    assert sum(n for _, n in everything["by_kind"]) == sum(o["count"] for o in everything["by_office"])
    violations = client.get("/pruefung", params={"format": "json", "schwere": "Violation"}).json()
    severities = {f["severity"] for e in violations["entries"] for f in e["findings"]}
    assert severities == {"Violation"}
    without_office = client.get("/pruefung", params={"format": "json", "stelle": "-"}).json()
    assert without_office["entries"] and all(e["office"] == "" for e in without_office["entries"])
    kind = everything["by_kind"][0][0]
    one_kind = client.get("/pruefung", params={"format": "json", "art": kind}).json()
    assert {e["type"] for e in one_kind["entries"]} == {kind}
    html = client.get("/pruefung", headers={"accept": "text/html"}).text
    assert html.index("Befunde nach Art des Eintrags") < html.index('class="finding-entry"')
    assert '<select id="schwere" name="schwere">' in html and '<label for="stelle">' in html
