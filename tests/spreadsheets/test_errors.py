"""Every bad cell is reported by sheet, row, column and a German (or English) message; nothing applies."""

from __future__ import annotations

import pytest

from isrp_graph.spreadsheets import ImportNotApplied, apply_plan, export_workbook, plan_import
from tests.spreadsheets.helpers import append_row, edit_cells

PLAN = "erfurt:plan/jugendhilfeplanung"


def test_bad_cells_are_all_reported_with_location_and_message(store, tmp_path):
    path = tmp_path / "register.xlsx"
    export_workbook(store, path)
    edit_cells(path, [
        ("Fachplanungen", PLAN, "Planart", "Bedarfsplann"),
        ("Fachplanungen", PLAN, "zuletzt fortgeschrieben", "31.02.2023"),
        ("Fachplanungen", PLAN, "federführende Stelle", "erfurt:org/jugendamtt"),
        ("Fachplanungen", "erfurt:plan/schulnetzplanung", "Bezeichnung", None),
        ("Fachplanungen", "erfurt:plan/schulnetzplanung", "ISRP-relevant", "vielleicht"),
        ("Prozessschritte", "erfurt:step/01", "Rollen", "Leitung erfurt:org/dezernat-05"),
        ("Förderprogramme", "https://w3id.org/isrp/funding/lsz", "kommunaler Eigenanteil", "halb"),
    ])  # fmt: skip
    append_row(path, "Organisationen", {"Bezeichnung": "Ohne Kennung"})
    snapshot, plan = plan_import(store, path)
    assert [e.as_tuple("de") for e in plan.errors] == [
        ("Fachplanungen", 3, "E", "Unbekannter Wert „Bedarfsplann“. Erlaubt: Bedarfsplan, Bericht, Konzept"),
        ("Fachplanungen", 3, "F", "Unbekannter Verweis „erfurt:org/jugendamtt“: kein Eintrag mit dieser IRI "
                                  "im Register oder in der Datei"),
        ("Fachplanungen", 3, "M", "„31.02.2023“ ist kein gültiges Datum (TT.MM.JJJJ)"),
        ("Fachplanungen", 4, "B", "Pflichtangabe fehlt"),
        ("Fachplanungen", 4, "O", "„vielleicht“ ist weder „ja“ noch „nein“"),
        ("Förderprogramme", 2, "E", "„halb“ ist keine Zahl"),
        ("Prozessschritte", 2, "H", "„Leitung erfurt:org/dezernat-05“ hat nicht die Form „Rolle: Stelle“ "
                                    "(z. B. „Leitung: erfurt:org/dezernat-05“)"),
        ("Organisationen", 7, "A", "IRI fehlt: jede Zeile braucht eine Kennung "
                                   "(z. B. erfurt:plan/neue-planung)"),
    ]  # fmt: skip
    assert plan.errors[0].line("en") == (
        "Sheet 'Fachplanungen', row 3, column E (Planart): Unknown value 'Bedarfsplann'. "
        "Allowed: concept, needs plan, report"
    )
    assert plan.errors[0].line("de").startswith("Blatt „Fachplanungen“, Zeile 3, Spalte E (Planart): ")
    with pytest.raises(ImportNotApplied):
        apply_plan(store, snapshot, plan, actor="test")


def test_unknown_columns_and_sheets_are_warnings_not_errors(store, tmp_path):
    path = tmp_path / "register.xlsx"
    export_workbook(store, path)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["Fachplanungen"].cell(row=1, column=40, value="Notizen")
    workbook["Fachplanungen"].cell(row=2, column=40, value="nur für mich")
    workbook.create_sheet("Eigene Liste").cell(row=1, column=1, value="x")
    workbook.save(path)
    _, plan = plan_import(store, path)
    assert plan.errors == [] and plan.changes == []
    assert [w.line("de") for w in plan.warnings] == [
        "Blatt „Fachplanungen“, Zeile 1, Spalte AN (Notizen): Spalte „Notizen“ ist unbekannt und wird nicht "
        "übernommen",
        "Blatt „Eigene Liste“: Blatt „Eigene Liste“ passt zu keiner Art von Einträgen und wird übergangen",
    ]


def test_new_row_referencing_a_new_row_of_the_same_file_is_fine(store, tmp_path):
    path = tmp_path / "register.xlsx"
    export_workbook(store, path)
    append_row(path, "Organisationen", {"IRI": "erfurt:org/neues-amt", "Bezeichnung": "Neues Amt"})
    append_row(path, "Fachplanungen", {
        "IRI": "erfurt:plan/neue-planung", "Bezeichnung": "Neue Planung",
        "federführende Stelle": "erfurt:org/neues-amt", "Quelle": "https://example.org/neu",
        "Laufzeit – Beginn": "01.01.2026", "Laufzeit – Ende": "2025-12-31",
    })  # fmt: skip
    _, plan = plan_import(store, path)
    assert [e.as_tuple("de") for e in plan.errors] == [
        ("Fachplanungen", 5, "L", "Das Ende (31.12.2025) liegt vor dem Beginn (01.01.2026)"),
    ]
