"""Edit an exported workbook the way a planner would: by sheet, entry IRI and column header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook


def edit_cells(
    path: Path, edits: list[tuple[str, str, str, Any]], delete: list[tuple[str, str]] = ()
) -> None:
    """``edits``: (sheet, IRI in column A or "" for a new row, header, value)."""
    workbook = load_workbook(path)
    for sheet, iri, header, value in edits:
        ws = workbook[sheet]
        column = _column(ws, header)
        row = _row(ws, iri) if iri else ws.max_row + 1
        ws.cell(row=row, column=column).value = value
    for sheet, iri in delete:
        ws = workbook[sheet]
        ws.delete_rows(_row(ws, iri))
    workbook.save(path)


def append_row(path: Path, sheet: str, values: dict[str, Any]) -> int:
    workbook = load_workbook(path)
    ws = workbook[sheet]
    row = ws.max_row + 1
    for header, value in values.items():
        ws.cell(row=row, column=_column(ws, header), value=value)
    workbook.save(path)
    return row


def _column(ws: Any, header: str) -> int:
    for cell in ws[1]:
        if str(cell.value).rstrip(" *") == header:
            return cell.column
    raise KeyError(header)


def _row(ws: Any, iri: str) -> int:
    for cell in ws["A"]:
        if cell.value == iri:
            return cell.row
    raise KeyError(iri)
