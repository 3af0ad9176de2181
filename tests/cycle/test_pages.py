"""The working-cycle pages on the invented fixture: /wirkung with its diagram, table and CSV, the
priority sessions with a comparison, and the chain on a measure's page; examples only on request."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from isrp_graph.settings import Settings

T = "https://w3id.org/isrp/test/"


@pytest.fixture(scope="module")
def client(cycle_store) -> TestClient:
    return TestClient(create_app(Settings(store="memory"), store=cycle_store))


def test_impact_page_counts_nothing_without_examples_and_lists_them(client):
    page = client.get("/wirkung")
    assert page.status_code == 200
    assert "Beispiele (nicht gezählt)" in page.text
    assert "0 Bedarfe und 0 Maßnahmen" in page.text
    assert "<svg" not in page.text


def test_impact_page_with_examples_shows_diagram_table_and_german_numbers(client):
    page = client.get("/wirkung", params={"beispiele": "1"})
    assert page.status_code == 200
    text = page.text
    assert "3 Bedarfe und 3 Maßnahmen; 1 Bedarfe ohne Maßnahme, 1 Maßnahmen ohne Bedarf" in text
    assert 'role="img"' in text and "<desc" in text  # the diagram has a text alternative
    assert "22.000,00 €" in text  # German amounts
    assert "umgesetzt seit 30.06.2024" in text  # German dates
    assert "80 % des Wegs zum Ziel" in text
    assert "Übergänge zwischen den Stufen" in text  # the numbers of the diagram as a table
    data = client.get("/wirkung", params={"beispiele": "1", "format": "json"}).json()
    assert len(data["flow"]["needs"]) == 3 and data["flow"]["measures"][0]["budget"][0]["amount"] == 10000.0


def test_impact_csv_has_one_row_per_need_measure_pair(client):
    response = client.get("/wirkung", params={"beispiele": "1", "format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    pairs = [(r["Bedarf"], r["Maßnahme"]) for r in rows]
    assert pairs == [
        ("Familientreff im Norden", "Familientreff Nord"),
        ("Seniorenberatung im Süden", "Seniorenberatung Süd"),
        ("Spielplatz im Norden", ""),
        ("", "Sozialraumorientierung"),
    ]


def test_filter_by_area_keeps_the_need_and_its_measure(client):
    page = client.get("/wirkung", params={"beispiele": "1", "gebiet": f"{T}area/sued"})
    assert "1 Bedarfe und 1 Maßnahmen" in page.text


def test_priorities_page_ranks_and_compares_sessions(client):
    page = client.get(
        "/prioritaeten",
        params={"beispiele": "1", "vergleich": f"{T}session/2022-11", "mit": f"{T}session/2023-11"},
    )
    assert page.status_code == 200
    assert "Rangfolge der Bedarfe: Priorisierung November 2022" in page.text
    assert "1 Plätze höher" in page.text and "1 Plätze tiefer" in page.text
    assert "Begleitgremium (Beispiel)" in page.text and "15.11.2022" in page.text
    assert "Im Register ist noch keine Priorisierungssitzung erfasst." in client.get("/prioritaeten").text


def test_measure_page_shows_its_chain(client):
    page = client.get("/test/measure/familientreff")
    assert page.status_code == 200
    text = page.text
    assert 'id="chain"' in text
    for expected in (
        "Familientreff im Norden",
        "Sozialraumforum Nord (Beispiel)",
        "Familienförderplan (Beispiel)",
        "Familienangebot nach § 16 SGB VIII.",
        "in Umsetzung (01.03.2023)",
        "22.000,00 €",
        "teilweise erreicht",
    ):
        assert expected in text, expected
    assert 'id="chain"' not in client.get("/test/need/familientreff-nord").text
