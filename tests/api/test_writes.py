"""Writes need an editor token; a change that adds a Violation is refused whole (422, store unchanged);
an accepted change is visible at once and logged with who and when."""

from __future__ import annotations

from fastapi.testclient import TestClient
from rdflib import URIRef

from tests.api.conftest import TOKEN, csrf

GOOD = """@prefix isrp: <https://w3id.org/isrp/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/isrp/erfurt/plan/schulnetzplanung> a isrp:SectoralPlan ;
  rdfs:label "Schulnetzplanung"@de ;
  isrp:responsibleOrganization <https://w3id.org/isrp/erfurt/org/amt-fuer-soziales> .
"""
BAD = """@prefix isrp: <https://w3id.org/isrp/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/isrp/erfurt/plan/ohne-amt> a isrp:SectoralPlan ; rdfs:label "Ohne Amt"@de .
"""
AUTH = {"authorization": f"Bearer {TOKEN}"}


def test_upload_needs_a_token(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    before = len(store)
    missing = client.post("/api/v1/upload", params={"filename": "neu.ttl"}, content=GOOD.encode())
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post(
        "/api/v1/upload",
        params={"filename": "neu.ttl"},
        content=GOOD.encode(),
        headers={"authorization": "Bearer falsch"},
    )
    assert wrong.status_code == 401
    assert "unbekannt" in wrong.json()["error"]
    assert len(store) == before


def test_rejected_upload_leaves_the_store_unchanged(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    quads = sorted(map(str, store.dataset_quads()))
    response = client.post(
        "/api/v1/upload", params={"filename": "bad.ttl"}, content=BAD.encode(), headers=AUTH
    )
    assert response.status_code == 422
    body = response.json()
    assert body["accepted"] is False
    assert any("ohne-amt" in v["entry"] for v in body["violations"])
    assert sorted(map(str, store.dataset_quads())) == quads


def test_rejected_form_upload_renders_the_report(client: TestClient) -> None:
    response = client.post(
        "/bearbeiten/hochladen",
        data={"token": TOKEN, "csrf": csrf(client)},
        files={"file": ("bad.ttl", BAD.encode(), "text/turtle")},
        headers={"accept": "text/html"},
    )
    assert response.status_code == 422
    assert 'id="violations"' in response.text and "Ohne Amt" in response.text


def test_accepted_upload_is_visible_and_logged(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/api/v1/upload", params={"filename": "schulen.ttl"}, content=GOOD.encode(), headers=AUTH
    )
    assert response.status_code == 200, response.text
    assert response.json()["accepted"] is True
    assert client.get("/erfurt/plan/schulnetzplanung", headers={"accept": "text/html"}).status_code == 200
    overview = client.get("/uebersicht", params={"format": "json"}).json()
    assert "Schulnetzplanung" in [p["plan"][0]["text"] for p in overview["plans"]]
    provenance = URIRef("https://w3id.org/isrp/graph/provenance")
    assert provenance in store.graphs()
    log = store.get_graph(provenance).serialize(format="nt")
    assert "anna" in log  # who (the token's name) …
    assert "XMLSchema#dateTime" in log  # … and when


def test_entry_form_from_shapes_and_edit(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    iri = "https://w3id.org/isrp/erfurt/plan/sozialplanung"
    form = client.get("/bearbeiten/eintrag", params={"iri": iri}, headers={"accept": "text/html"}).text
    assert "<legend>Grunddaten</legend>" in form and "<legend>Wirkungsbereich</legend>" in form
    assert 'type="password"' in form
    # sh:in of the target-group property gives checkboxes with labels (no multi-select to trap ArrowDown)
    assert '<input type="checkbox" name="' in form
    assert 'value="https://w3id.org/isrp/vocab/target-group/jugendliche"' in form
    assert "<select" not in form.split("Zielgruppen")[1].split("</fieldset>")[0]
    fields = _field_names(form)
    data = {
        fields["Fachplanung"]: "Sozialplanung",
        fields["Aufgaben"]: "Sozialberichterstattung\nSozialstrukturatlas",
        "token": TOKEN,
        "csrf": csrf(client),
        fields["Zielgruppen"]: ["https://w3id.org/isrp/vocab/target-group/familien"],
        fields["Federführung"]: ["https://w3id.org/isrp/erfurt/org/amt-fuer-soziales"],
    }
    saved = client.post(
        "/bearbeiten/eintrag", params={"iri": iri}, data=data, headers={"accept": "text/html"}
    )
    assert saved.status_code == 200, saved.text[-800:]
    page = client.get("/erfurt/plan/sozialplanung", headers={"accept": "text/html"}).text
    assert "Sozialstrukturatlas" in page
    # removing the lead office would add a Violation: refused, nothing changes
    data[fields["Federführung"]] = []
    refused = client.post(
        "/bearbeiten/eintrag", params={"iri": iri}, data=data, headers={"accept": "text/html"}
    )
    assert refused.status_code == 422
    assert (
        "Amt für Soziales" in client.get("/erfurt/plan/sozialplanung", headers={"accept": "text/html"}).text
    )


def test_form_without_token_is_401(client: TestClient) -> None:
    response = client.post(
        "/bearbeiten/hochladen",
        data={"csrf": csrf(client)},
        files={"file": ("x.ttl", GOOD.encode(), "text/turtle")},
        headers={"accept": "text/html"},
    )
    assert response.status_code == 401 and "Schlüssel" in response.text


def test_form_without_csrf_is_refused(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    before = len(store)
    response = client.post(
        "/bearbeiten/hochladen",
        data={"token": TOKEN},
        files={"file": ("neu.ttl", GOOD.encode(), "text/turtle")},
        headers={"accept": "text/html"},
    )
    assert response.status_code == 403 and "CSRF" in response.text
    assert len(store) == before


def _field_names(html: str) -> dict[str, str]:
    import re

    found = {label: fid for fid, label in re.findall(r'<label for="(f\d+)">([^<]+)</label>', html)}
    group = r'<fieldset class="field choices[^"]*" id="(f\d+)"[^>]*>\s*<legend>([^<]+)</legend>'
    groups = re.findall(group, html)
    return {**found, **{label: fid for fid, label in groups}}


def _workbook_without_offices(store, tmp_path):  # type: ignore[no-untyped-def]
    import openpyxl

    from isrp_graph.spreadsheets import export_workbook

    path = tmp_path / "register.xlsx"
    export_workbook(store, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Fachplanung"]  # the sheet of the test shapes (tests/api/shapes.ttl)
    headers = [str(c.value or "") for c in sheet[1]]
    column = next(i for i, h in enumerate(headers, 1) if h.startswith("Federführung"))
    emptied = 0
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=column)
        emptied += cell.value is not None
        cell.value = None  # every plan loses its responsible office
    book.save(path)
    return path, emptied


def test_bad_workbook_upload_names_every_bad_cell_in_german(client: TestClient, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, rows = _workbook_without_offices(store, tmp_path)
    quads = sorted(map(str, store.dataset_quads()))
    response = client.post(
        "/api/v1/upload", params={"filename": "register.xlsx"}, content=path.read_bytes(), headers=AUTH
    )
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert len(errors) == rows
    assert all("Fachplanung" in e and "Federführung" in e and "CellError" not in e for e in errors)
    assert sorted(map(str, store.dataset_quads())) == quads
