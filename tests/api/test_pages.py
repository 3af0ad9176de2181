"""Every page answers in German by default, in English with ?lang=en, and has its JSON (and CSV) twin."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

HTML = {"accept": "text/html"}
PAGES = [
    "/",
    "/uebersicht",
    "/schnittstellen",
    "/luecken",
    "/ueberschneidungen",
    "/pruefung",
    "/prozess",
    "/abfrage",
    "/bearbeiten",
    "/netzwerk",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_html_german_and_english(client: TestClient, path: str) -> None:
    german = client.get(path, headers=HTML)
    assert german.status_code == 200, german.text[-500:]
    assert german.headers["content-type"].startswith("text/html")
    assert '<html lang="de">' in german.text
    english = client.get(path, params={"lang": "en"}, headers=HTML)
    assert english.status_code == 200
    assert '<html lang="en">' in english.text
    if path != "/netzwerk":  # the network page has its own template (isrp_graph.network_page)
        assert "Skip to content" in english.text and "Zum Inhalt springen" in german.text


@pytest.mark.parametrize("path", [p for p in PAGES if p not in ("/bearbeiten", "/netzwerk")])
def test_page_json_twin(client: TestClient, path: str) -> None:
    by_param = client.get(path, params={"format": "json"})
    by_accept = client.get(path, headers={"accept": "application/json"})
    assert by_param.status_code == by_accept.status_code == 200
    assert by_param.headers["content-type"].startswith("application/json")
    assert by_param.json() == by_accept.json()


def test_home_counts_classes(client: TestClient) -> None:
    data = client.get("/", params={"format": "json"}).json()
    assert data["summary"]["triples"] > 0


def test_overview_columns_in_seed_order_and_rows(client: TestClient) -> None:
    data = client.get("/uebersicht", params={"format": "json"}).json()
    keys = [c["key"] for c in data["columns"]]
    assert keys[:10] == [
        "plan",
        "tasks",
        "legal_bases",
        "term",
        "target_groups",
        "topics",
        "isrp",
        "interfaces",
        "delimitations",
        "networks",
    ]
    labels = [c["label"] for c in data["columns"]]
    assert labels[:4] == ["Fachplanung", "Aufgaben", "Rechtsgrundlagen", "Laufzeit"]  # from sh:name
    plans = {p["plan"][0]["text"]: p for p in data["plans"]}
    assert set(plans) == {"Jugendhilfeplanung", "Sozialplanung", "Integrierter Sozialraumplan"}
    youth = plans["Jugendhilfeplanung"]
    assert [v["text"] for v in youth["term"]] == ["2023-01-01 – 2027-12-31"]
    assert [v["text"] for v in youth["interfaces"]] == ["Sozialplanung"]
    assert youth["isrp"][0]["text"] == "ja"


def test_overview_filter_and_sort_work_without_javascript(client: TestClient) -> None:
    youth_only = client.get(
        "/uebersicht",
        params={"zielgruppe": "https://w3id.org/isrp/vocab/target-group/jugendliche", "format": "json"},
    ).json()
    assert [p["plan"][0]["text"] for p in youth_only["plans"]] == ["Jugendhilfeplanung"]
    by_text = client.get("/uebersicht", params={"q": "sozialbericht", "format": "csv"})
    assert by_text.status_code == 200 and by_text.headers["content-type"].startswith("text/csv")
    lines = by_text.text.strip().splitlines()
    assert lines[0].startswith("Fachplanung,Aufgaben") and len(lines) == 2 and "Sozialplanung" in lines[1]
    sorted_desc = client.get("/uebersicht", params={"sort": "plan", "order": "desc", "format": "csv"}).text
    first_column = [line.split(",")[0] for line in sorted_desc.strip().splitlines()[1:]]
    assert first_column == sorted(first_column, reverse=True)
    html = client.get("/uebersicht", params={"sort": "plan", "order": "desc"}, headers=HTML).text
    assert 'aria-sort="descending"' in html


def test_overview_excel_csv_has_bom_and_semicolons(client: TestClient) -> None:
    text = client.get("/uebersicht", params={"format": "csv", "excel": "1"}).text
    assert text.startswith("\ufeff") and text.splitlines()[0].count(";") >= 9


def test_matrix_counts_and_links_to_evidence(client: TestClient) -> None:
    html = client.get("/schnittstellen", headers=HTML).text
    assert 'id="heatmap"' in html and "background:" in html
    assert 'href="#pair-' in html
    data = client.get("/schnittstellen", params={"format": "json"}).json()
    kinds = sorted({p["kind"] for p in data["pairs"]})
    assert kinds == ["delimitation", "interface"]
    csv = client.get("/schnittstellen", params={"format": "csv"}).text
    assert "Familienarmut" in csv


def test_process_page_timeline_and_table(client: TestClient) -> None:
    html = client.get("/prozess", headers=HTML).text
    assert '<svg id="timeline"' in html and 'role="img"' in html
    assert "Anfang 09/2021" in html  # the schedule exactly as the source states it
    data = client.get("/prozess", params={"format": "json"}).json()
    assert [s["number"] for s in data["steps"]] == [1, 7]
    assert data["milestones"][0]["date"] == "2021-09-30"


def test_validation_page_groups_by_entry(client: TestClient) -> None:
    data = client.get("/pruefung", params={"format": "json"}).json()
    assert data["counts"]["Violation"] >= 1  # the integrated plan has no lead office
    entries = {e["iri"]: e for e in data["entries"]}
    assert "https://w3id.org/isrp/erfurt/plan/isrp" in entries


def test_network_page_serves_local_vis_network(client: TestClient) -> None:
    html = client.get("/netzwerk", headers=HTML).text
    assert "/static/vendor/vis-network.min.js" in html
    assert client.get("/static/vendor/vis-network.min.js").status_code == 200
    data = client.get("/netzwerk", params={"format": "json"}).json()
    kinds = {n["kind"] for n in data["graph"]["nodes"]}
    assert "plan" in kinds and data["metrics"]["node_count"] == len(data["graph"]["nodes"])


def test_unknown_format_is_406(client: TestClient) -> None:
    response = client.get("/uebersicht", params={"format": "xls"})
    assert response.status_code == 406
    assert "xls" in response.text


def test_docs_use_local_swagger_assets(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "/static/js/swagger-init.js" in html
    assert "validatorUrl: null" in client.get("/static/js/swagger-init.js").text
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/v1/plans"]
