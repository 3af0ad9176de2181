"""The library's workbooks (``isrp_graph.xlsx_safe``, ``Table.to_xlsx``): typed cells (a formula-like
text stays a string cell), numbers as numbers, bold row heads, wrapped long text, cleaned control
characters, valid sheet names, hyperlinks only to web addresses."""

from __future__ import annotations

import io

import openpyxl

from isrp_graph.analyses.table import Table as FindingTable
from isrp_graph.xlsx_safe import Sheet, cell_number, workbook_bytes


def test_library_tables_keep_formulas_as_text_and_numbers_as_numbers() -> None:
    table = FindingTable("t", "Titel", ("Name", "Zahl"), (("=1+1", "3"), ("@SUM(A1)", "12"), ("-2+3", "-4")))
    sheet = openpyxl.load_workbook(io.BytesIO(table.to_xlsx(notes=[("Stichtag", "01.01.2026")]))).worksheets[
        0
    ]
    assert [(c.value, c.data_type) for c in sheet["A"]][1:] == [
        ("=1+1", "s"),
        ("@SUM(A1)", "s"),
        ("-2+3", "s"),
    ]
    assert [c.value for c in sheet["B"]][1:] == [3, 12, -4]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref == "A1:B4"
    assert sheet["A1"].font.bold and sheet["A2"].font.bold and not sheet["B2"].font.bold  # the row heads
    long = FindingTable("t", "Titel", ("Name", "Text"), (("a", "x" * 200), ("b", "kurz")))
    sheet = openpyxl.load_workbook(io.BytesIO(long.to_xlsx())).worksheets[0]
    assert sheet.column_dimensions["B"].width == 60 and sheet["B3"].alignment.wrap_text  # long text wraps
    assert sheet["A2"].font.bold and not sheet["A2"].alignment.wrap_text


def test_cells_the_xml_cannot_hold_are_cleaned_and_sheet_names_are_valid() -> None:
    content = workbook_bytes(
        [
            Sheet("a/b: [c]?*" + "x" * 40, ["h"], [["bell\x07text"]]),
            Sheet("a/b: [c]?*" + "x" * 40, ["h"], []),
        ],
        title="T",
    )
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.worksheets[0]["A2"].value == "belltext"
    names = book.sheetnames
    assert len(set(names)) == 2 and all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


def test_plain_numbers() -> None:
    assert [cell_number(x) for x in ("12", "-3", "1.234", "2,5", "0")] == [12, -3, 1234, 2.5, 0]
    assert [cell_number(x) for x in ("007", "12 %", "2024-01-01", "=1", "1.2.3", "")] == [None] * 6


def test_only_web_addresses_become_hyperlinks() -> None:
    links = {(0, 0): "https://example.invalid/a", (1, 0): "javascript:alert(1)", (2, 0): "file:///etc/passwd"}
    content = workbook_bytes([Sheet("T", ["h"], [["a"], ["b"], ["c"]], links=links)], title="T")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    assert [c.hyperlink.target if c.hyperlink else None for c in sheet["A"][1:]] == [
        "https://example.invalid/a",
        None,
        None,
    ]
