"""/karte and /karte/varianten on the shipped registry: HTML, JSON, CSV and GeoJSON twins, the honest
gaps (Ortsteile without location listed), variant uploads with their errors, and the spatial section of
an Ortsteil's entry page."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook

from api.app import create_app
from tests.api.conftest import settings

OT = "https://w3id.org/isrp/erfurt/area/"


@pytest.fixture(scope="module")
def client(built_registry) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(create_app(settings(), store=built_registry))


def test_map_page_lists_every_ortsteil_and_says_what_is_missing(client: TestClient):
    html = client.get("/karte").text
    assert html.count('<th scope="row" class="col-name">') == 53
    lead = "Nicht auf der Karte, weil keine Quelle eine Lage nennt:"
    assert lead in html
    unlocated = html.split(lead, 1)[1].split(".", 1)[0]
    assert "Moskauer Platz" in unlocated and "Altstadt" not in unlocated  # a point is on the map
    assert '<script type="application/json" id="karte-daten">' in html
    assert '<script src="/static/js/karte.js" defer></script>' in html
    assert "<script>" not in html and " onclick=" not in html  # strict CSP: no inline code
    assert 'href="/karte"' in html  # in the navigation


def test_map_json_csv_geojson(client: TestClient):
    data = client.get("/karte?format=json").json()
    assert len(data["units"]) == 53
    altstadt = next(u for u in data["units"] if u["name"] == "Altstadt")
    assert (altstadt["population"], altstadt["population_date"], altstadt["kind"]) == (
        18228,
        "2013-12-31",
        "point",
    )
    csv = client.get("/karte?format=csv")
    assert csv.headers["content-type"].startswith("text/csv") and "Altstadt;18.228" not in csv.text
    assert "Altstadt" in csv.text
    geo = client.get("/karte?format=geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = {f["properties"]["name"]: f for f in geo.json()["features"]}
    assert features["Altstadt"]["geometry"] == {"type": "Point", "coordinates": [11.029167, 50.978056]}
    assert features["Moskauer Platz"]["geometry"] is None  # no source gives its location
    system = client.get(
        "/karte?format=geojson&system=https://w3id.org/isrp/erfurt/spatial-system/planungsraeume-jugendhilfe"
    ).json()
    assert len(system["features"]) == 6


def test_coverage_for_a_target_group(client: TestClient):
    data = client.get(
        "/karte?format=json&zielgruppe=https://w3id.org/isrp/vocab/target-group/familien"
    ).json()
    assert "Familienförderplan" in data["covering"]
    reached = {u["name"] for u in data["units"] if u["plans"]}
    assert {"Krämpfervorstadt", "Ilversgehofen", "Johannesplatz"} <= reached
    assert "Alach" in data["uncovered"]


def test_variants_upload_text_and_errors(client: TestClient):
    form = client.get("/karte/varianten")
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text
    csv = b"Gebiet;Ortsteil\nNord;Berliner Platz, Rieth\nMitte;Altstadt\n"
    book = Workbook()
    book.active.title = "Zweite"
    book.active.append(["Gebiet", "Ortsteil"])
    book.active.append(["Süd", "Herrenberg, Wiesenhügel, Melchendorf"])
    raw = io.BytesIO()
    book.save(raw)
    response = client.post(
        "/karte/varianten?format=json",
        files=[
            ("datei", ("erste.csv", csv, "text/csv")),
            ("datei", ("v.xlsx", raw.getvalue(), "application/octet-stream")),
        ],
        data={"text": "Ost: Krämpfervorstadt", "name": "Dritte"},
    )
    assert response.status_code == 200
    variants = {v["name"]: v for v in response.json()["variants"]}
    assert set(variants) == {"erste", "Zweite", "Dritte"}
    assert {a["name"]: a["population"] for a in variants["erste"]["areas"]} == {"Nord": 12285, "Mitte": 18228}
    assert variants["Zweite"]["areas"][0]["population"] == 7999 + 5203 + 10390
    csv_out = client.post("/karte/varianten?format=csv", data={"text": "Ost: Krämpfervorstadt"})
    assert csv_out.headers["content-type"].startswith("text/csv") and "17.538" in csv_out.text
    bad = client.post("/karte/varianten", files=[("datei", ("../../etc/x.txt", b"x", "text/plain"))])
    assert bad.status_code == 422 and "x.txt" in bad.text and "etc" not in bad.text.split("x.txt")[0][-5:]
    empty = client.post("/karte/varianten?format=json", data={})
    assert empty.status_code == 422 and empty.json()["errors"]
    wrong = client.post(
        "/karte/varianten?format=json", files=[("datei", ("a.csv", b"Name;Wert\n", "text/csv"))]
    )
    assert wrong.status_code == 422 and "a.csv" in wrong.json()["errors"][0]


def test_entry_page_of_an_ortsteil_has_the_spatial_section(client: TestClient):
    html = client.get("/eintrag", params={"iri": OT + "ilversgehofen"}).text
    assert 'id="raum"' in html
    section = html.split('id="raum"', 1)[1].split("</section>", 1)[0]
    assert "12.344" in section and "31.12.2022" in section
    assert "Andreasvorstadt" in section and "Planungsraum Oststadt" in section
    assert (
        "Familienförderplan" in section and "Quartiersmanagement Soziale Stadt Magdeburger Allee" in section
    )
    assert 'href="/karte' in section
    plan = client.get(
        "/eintrag", params={"iri": "https://w3id.org/isrp/erfurt/plan/familienfoerderplan"}
    ).text
    assert 'id="raum"' not in plan
