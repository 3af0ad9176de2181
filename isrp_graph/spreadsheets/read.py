"""Read a workbook (.xlsx) or one sheet saved as CSV into plain rows, with their Excel row numbers and
column letters, so every message can point at the cell. Nothing is interpreted here."""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from isrp_graph import csv_safe, limits
from isrp_graph.messages import LocalizedError
from isrp_graph.spreadsheets import input_texts  # noqa: F401  (registers sheet.* input texts)

SKIPPED_SHEETS = {"anleitung", "instructions", "listen", "lists"}
CSV_SUFFIXES = (".csv", ".tsv", ".txt")


class SpreadsheetUnreadable(LocalizedError, ValueError):
    """The file is not a workbook or CSV file that can be read."""

    key = "sheet.unreadable"


@dataclass
class RawSheet:
    """One sheet as found in the file: header texts by column number, and the non-empty rows."""

    name: str
    headers: dict[int, str]
    rows: list[tuple[int, dict[int, Any]]] = field(default_factory=list)
    from_csv: bool = False
    # (row, column, formula text) of every formula cell; never read as a value
    formulas: list[tuple[int, int, str]] = field(default_factory=list)

    @staticmethod
    def letter(column: int) -> str:
        return get_column_letter(column)


def read_file(path: str | Path, sheet: str | None = None) -> list[RawSheet]:
    """Every data sheet of an .xlsx file, or the one sheet of a CSV file (``sheet`` names its layout;
    without it the layout is recognised from the header row)."""
    file = Path(path)
    if not file.is_file():
        raise SpreadsheetUnreadable("load.not_found", path=str(file))
    if file.suffix.lower() in CSV_SUFFIXES:
        return [read_csv(file, sheet)]
    return read_xlsx(file)


def read_xlsx(path: Path) -> list[RawSheet]:
    """Every data sheet of the workbook. Formula cells are recorded in ``RawSheet.formulas`` and never
    read as values (with or without a cached result); the import refuses them by cell."""
    try:
        limits.check_workbook_archive(path, path.name)
        workbook = load_workbook(path, read_only=True, data_only=False)
    except limits.LimitExceeded:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise SpreadsheetUnreadable("sheet.damaged", path=path.name) from exc
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign file
        raise SpreadsheetUnreadable("sheet.not_xlsx", path=path.name) from exc
    sheets: list[RawSheet] = []
    try:
        for ws in workbook.worksheets:
            if ws.title.strip().casefold() in SKIPPED_SHEETS:
                continue
            sheets.append(_raw(ws.title, ws.iter_rows(), path.name))
    except limits.LimitExceeded:
        raise
    except Exception as exc:  # a part that is damaged or not what openpyxl expects
        raise SpreadsheetUnreadable("sheet.damaged", path=path.name) from exc
    finally:
        workbook.close()
    return sheets


def read_csv(path: Path, sheet: str | None = None) -> RawSheet:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise SpreadsheetUnreadable(path=path.name, reason="encoding")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    # cells that isrp_graph.csv_safe protected against formula injection come back unchanged
    rows = (
        [csv_safe.restore(cell) for cell in row]
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    )
    raw = _raw(sheet or path.stem, rows, path.name)
    raw.from_csv = True
    return raw


def _raw(name: str, rows: Any, file: str) -> RawSheet:
    sheet = RawSheet(name=name, headers={})
    for number, values in enumerate(rows, start=1):
        limits.check_rows(number - 1, name, file)
        cells: dict[int, Any] = {}
        for index, value in enumerate(values, start=1):
            if getattr(value, "data_type", None) == "f":  # openpyxl cell holding a formula
                sheet.formulas.append((number, index, str(value.value)))
                continue
            value = getattr(value, "value", value)  # openpyxl cell or plain CSV text
            if not _empty(value):
                cells[index] = value
        if number == 1:
            sheet.headers = {i: str(v).strip() for i, v in cells.items()}
        elif cells:
            sheet.rows.append((number, cells))
    return sheet


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
