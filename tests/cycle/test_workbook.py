"""Results of a participation format in bulk: the workbook has a sheet for needs (with where and when
they were identified) and one per kind of cycle entry; a forum's rows import, and bad cells are named."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from openpyxl import load_workbook

from isrp_graph.registry import build_registry
from isrp_graph.spreadsheets import export_workbook, plan_import
from isrp_graph.store import EmbeddedStore
from tests.spreadsheets.helpers import append_row

FORUM = "erfurt:format/wohnungs-und-haushaltserhebung-2022"


@pytest.fixture(scope="module")
def erfurt() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(None, query_timeout=None)
    build_registry(store)
    yield store
    store.close()


def test_the_workbook_has_the_cycle_sheets_and_the_origin_columns(erfurt, tmp_path):
    path = tmp_path / "register.xlsx"
    export_workbook(erfurt, path)
    sheets = load_workbook(path, read_only=True).sheetnames
    for name in (
        "Bedarfe",
        "Priorisierungssitzungen",
        "Priorisierungskriterien",
        "Bewertungen von Bedarfen",
        "Punktwerte",
        "Umsetzungsstände",
        "Wirkungsziele",
        "Evaluierungen",
    ):
        assert name in sheets, name
    headers = [str(c.value).rstrip(" *") for c in load_workbook(path)["Bedarfe"][1]]
    assert "festgestellt in" in headers and "festgestellt am" in headers


def test_a_forums_needs_import_and_bad_cells_are_named(erfurt, tmp_path):
    path = tmp_path / "forum.xlsx"
    export_workbook(erfurt, path)
    good = append_row(
        path,
        "Bedarfe",
        {
            "IRI": "erfurt:need/forum-test-1",
            "Bezeichnung": "Treffpunkt für Familien",
            "festgestellt in": FORUM,
            "festgestellt am": "15.06.2022",
        },
    )
    bad = append_row(
        path,
        "Bedarfe",
        {
            "IRI": "erfurt:need/forum-test-2",
            "Bezeichnung": "Beratung",
            "festgestellt in": FORUM,
            "festgestellt am": "Juni 2022",
        },
    )
    _snapshot, plan = plan_import(erfurt, path)
    errors = [e.as_tuple("de") for e in plan.errors]
    assert len(errors) == 1
    sheet, row, _column, message = errors[0]
    assert (sheet, row) == ("Bedarfe", bad) and "Juni 2022" in message and "Datum" in message
    assert good != bad
