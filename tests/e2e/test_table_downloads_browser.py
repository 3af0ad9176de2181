"""The table downloads as a planner uses them in Chromium on the Erfurt registry: clicking "Tabelle für
Excel (.xlsx)" on the gaps page saves a workbook with the table's header and rows; "CSV für Excel (;)"
saves UTF-8 with BOM and semicolons; the links are not printed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

pytestmark = pytest.mark.browser


def _section_with_rows(page) -> str:  # type: ignore[no-untyped-def]
    """The id of the first finding table on the page that has rows."""
    ids = page.eval_on_selector_all(
        "section.finding-table",
        "els => els.filter(e => e.querySelector('tbody tr')).map(e => e.querySelector('h2').id)",
    )
    assert ids, "no finding table with rows on the gaps page"
    return str(ids[0])


def _page_table(page, section: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        f"section[aria-labelledby='{section}'] table tr",
        "rows => rows.map(r => Array.from(r.cells).map(c => c.innerText.trim().replace(/\\s+/g, ' ')))",
    )


def test_gaps_page_xlsx_and_excel_csv_download(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/luecken", timeout=90000)
    section = _section_with_rows(page)
    shown = _page_table(page, section)
    links = page.locator(f"section[aria-labelledby='{section}'] .table-downloads")
    assert links.locator("a").all_inner_texts() == [
        "Tabelle für Excel (.xlsx)",
        "CSV für Excel (;)",
        "CSV (,)",
    ]

    with page.expect_download() as info:
        links.locator("a[data-format=xlsx]").click()
    download = info.value
    assert download.suggested_filename == f"{section}.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    sheet = book.worksheets[0]
    rows = [
        [" ".join(str(v).split()) if v is not None else "" for v in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert rows == shown  # header and every row, as on the page
    assert sheet.freeze_panes in ("A2", "B2") and sheet.auto_filter.ref
    assert book.worksheets[-1].title == "Hinweise"

    with page.expect_download() as info:
        links.locator("a[data-format=csv-excel]").click()
    data = Path(info.value.path()).read_bytes().decode("utf-8")
    assert data.startswith("\ufeff")
    parsed = [
        [" ".join(c.split()) for c in row]
        for row in csv.reader(io.StringIO(data[1:], newline=""), delimiter=";")
    ]
    assert parsed == shown

    page.emulate_media(media="print")
    assert not links.is_visible()  # the download links are not printed
