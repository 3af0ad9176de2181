"""Print for every page, as Chromium prints it (Playwright page.pdf uses the print style sheet): no
navigation or form, every row of the overview and the matrix, landscape pages for them, page numbers;
the "Drucken / PDF" button; the overview's filter count announced; the sort state on the sorted column."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]+", "", text)


def _print(page, path: str, name: str) -> tuple[str, Path]:  # type: ignore[no-untyped-def]
    page.goto(page.base + path, timeout=90000)
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"druck-{name}.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True).stdout
    return text.decode("utf-8"), target


def test_overview_prints_every_row_on_landscape_pages(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/uebersicht")
    assert page.locator("button[data-print]").is_visible()  # shown once the script runs
    labels = page.eval_on_selector_all(
        "#overview-table tbody th[scope=row]", "els => els.map(e => e.innerText)"
    )
    assert len(labels) >= 20
    text, pdf_path = _print(page, "/uebersicht", "uebersicht")
    flat = _squeeze(text)
    missing = [label for label in labels if _squeeze(label)[:18] not in flat]
    assert missing == []
    assert "Daten hochladen" not in text  # no navigation
    assert "Filter anwenden" not in text and "Drucken / PDF" not in text  # no form, no button
    assert "Seite 1 von" in text and "Stand" in text
    with pikepdf.open(pdf_path) as pdf:
        boxes = [tuple(float(v) for v in p.mediabox) for p in pdf.pages]
    assert any(box[2] > box[3] for box in boxes)  # the wide table is on landscape pages


def test_matrix_prints_every_row(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/schnittstellen")
    labels = page.eval_on_selector_all("#heatmap tbody th[scope=row] a", "els => els.map(e => e.innerText)")
    assert len(labels) >= 20
    text, _ = _print(page, "/schnittstellen", "schnittstellen")
    flat = _squeeze(text)
    assert [label for label in labels if _squeeze(label)[:18] not in flat] == []


def test_filter_count_is_announced_and_sort_state_moves(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/uebersicht")
    status = page.locator("#overview-table-status")
    assert status.get_attribute("role") == "status"
    page.fill("#f-q", "Jugend")
    # a locator wait, not wait_for_function: the page's CSP forbids evaluating strings as script
    page.locator("#overview-table-status", has_text="Zeilen angezeigt").wait_for()
    shown = page.locator("#overview-table tbody tr:not([hidden])").count()
    assert status.inner_text().startswith(f"{shown} von ")
    # sorted by the server on one column, then by the script on another: the state moves along
    first = page.locator("#overview-table thead th a").first.get_attribute("href")
    page.goto(page.base + first)
    headers = page.locator("#overview-table thead th")
    sorted_before = [i for i in range(headers.count()) if headers.nth(i).get_attribute("aria-sort")]
    assert len(sorted_before) == 1 and headers.nth(sorted_before[0]).locator(".visually-hidden").count()
    target = next(
        i for i in range(headers.count()) if i not in sorted_before and headers.nth(i).locator("a").count()
    )
    headers.nth(target).locator("a").click()
    for i in range(headers.count()):
        spoken = headers.nth(i).locator(".visually-hidden").all_inner_texts()
        if i == target:
            assert spoken and "sortiert" in spoken[0]
            assert headers.nth(i).get_attribute("aria-sort") == "ascending"
        else:
            assert spoken == [] and headers.nth(i).get_attribute("aria-sort") is None
