"""„Arbeitsmappe herunterladen“: a Bearbeiter:in gets the workbook of the entries her office may edit;
uploading it unchanged proposes nothing, a changed cell proposes just that entry."""

from __future__ import annotations

import io

import openpyxl

from isrp_graph import review
from tests.auth.helpers import world


def test_own_workbook_round_trip() -> None:
    w = world()
    page = w.client.get("/bearbeiten", headers=w.bearer("bearbeiten")).text
    assert "Arbeitsmappe herunterladen" in page
    assert w.client.get("/bearbeiten/arbeitsmappe").status_code == 401
    assert w.client.get("/bearbeiten/arbeitsmappe", headers=w.bearer("lesen")).status_code == 403
    response = w.client.get("/bearbeiten/arbeitsmappe", headers=w.bearer("bearbeiten"))
    assert response.status_code == 200 and response.content[:2] == b"PK"
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["Fachplanung"]
    cells = [str(c.value or "") for row in sheet.iter_rows() for c in row]
    assert any("Jugendhilfeplanung" in c for c in cells)
    assert not any(c == "Sozialplanung" for c in cells)  # the Amt für Soziales' plan is not hers
    full = w.client.get("/bearbeiten/arbeitsmappe", headers=w.bearer("pruefen"))
    everything = openpyxl.load_workbook(io.BytesIO(full.content))["Fachplanung"]
    all_cells = [str(c.value or "") for row in everything.iter_rows() for c in row]
    assert "Sozialplanung" in all_cells
    unchanged = w.client.post(
        "/api/v1/upload",
        params={"filename": "register.xlsx"},
        content=response.content,
        headers=w.bearer("bearbeiten"),
    )
    assert unchanged.status_code == 200, unchanged.text
    assert review.listing(w.store) == []  # type: ignore[arg-type]
    headers = [str(c.value or "") for c in sheet[1]]
    column = next(i for i, h in enumerate(headers, 1) if h.startswith("Aufgaben"))
    row = next(r for r in range(2, sheet.max_row + 1) if "Jugendhilfeplanung" in str([c.value for c in sheet[r]]))  # noqa: E501
    sheet.cell(row=row, column=column).value = "Bestand erheben; Bedarf ermitteln; Aus der Mappe"
    changed = io.BytesIO()
    book.save(changed)
    made = w.client.post(
        "/api/v1/upload", params={"filename": "register.xlsx"}, content=changed.getvalue(),
        headers=w.bearer("bearbeiten"),
    )
    assert made.status_code == 202, made.text
    assert made.json()["entries"] == ["https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"]
