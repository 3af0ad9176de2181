"""Tables as Excel workbooks (XLSX) that cannot carry formulas.

openpyxl stores a text that starts with ``=`` as a formula; a label such as ``=HYPERLINK(…)`` would then
run when the file is opened. Every cell written here is typed: text cells get the data type ``s``
(string) whatever they start with, so Excel and LibreOffice show ``=1+1`` as the text ``=1+1``; numbers
are written as numbers only where a column is marked numeric and the cell is a plain number. Unlike the
CSV (``csv_safe``) no quote is prefixed: the type alone says "text", and the value stays unchanged.

Each table is one sheet with a bold, frozen header row, an autofilter, column widths after the content
and print titles; a last sheet (``Hinweise``/``Notes``) holds the title, Stichtag, Stand and source note.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from isrp_graph.messages import register, t

register(
    {
        "xlsx.sheet.table": {"de": "Tabelle", "en": "Table"},
        "xlsx.sheet.notes": {"de": "Hinweise", "en": "Notes"},
        "xlsx.notes.what": {"de": "Angabe", "en": "Item"},
        "xlsx.notes.value": {"de": "Wert", "en": "Value"},
        "xlsx.notes.title": {"de": "Titel", "en": "Title"},
        "xlsx.notes.description": {"de": "Beschreibung", "en": "Description"},
        "xlsx.notes.note": {"de": "Hinweis", "en": "Note"},
        "xlsx.notes.stichtag": {"de": "Stichtag", "en": "Reference date"},
        "xlsx.notes.stand": {"de": "Stand des Registers", "en": "State of the registry"},
        "xlsx.notes.stand_today": {"de": "aktuell (heute)", "en": "current (today)"},
        "xlsx.notes.created": {"de": "Erstellt am", "en": "Created on"},
        "xlsx.notes.page": {"de": "Seite", "en": "Page"},
        "xlsx.notes.source": {"de": "Quelle", "en": "Source"},
        "xlsx.notes.source_text": {
            "de": "ISRP-Register (integrierte Sozialraumplanung). Die Quellen jedes Eintrags stehen auf "
            "seiner Seite im Register.",
            "en": "ISRP registry (integrated social-space planning). The sources of each entry are on its "
            "page in the registry.",
        },
        "xlsx.notes.sheet": {"de": "Blatt „{name}“", "en": "Sheet '{name}'"},
    }
)

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_WIDTH = 60
MIN_WIDTH = 8
WIDTH_SAMPLE = 500  # rows looked at for the column widths
_INT = re.compile(r"^[+-]?(?:0|[1-9]\d{0,14})$")
_GERMAN_INT = re.compile(r"^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$")  # 1.234 (German thousands separator)
_DECIMAL = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
LINK_COLOUR = "0563C1"  # Excel's own hyperlink blue


@dataclass(frozen=True)
class Sheet:
    """One table: ``columns`` are the header texts, ``rows`` the cells (text or numbers);
    ``numeric`` the indexes of columns whose plain-number text cells become numbers (``int`` and
    ``float`` values are numbers in any column); ``row_headers``: the first column names its row
    (bold, frozen with the header); ``links``: web addresses by (row, column) index, set as the cell's
    hyperlink (a link of the file, not a ``HYPERLINK`` formula; only ``http(s)://`` addresses)."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    numeric: frozenset[int] = field(default=frozenset())
    row_headers: bool = False
    links: Mapping[tuple[int, int], str] = field(default_factory=dict)


def cell_number(text: str) -> int | float | None:
    """``text`` as a number when it is a plain number (``12``, ``-3``, ``1.234`` in German, ``2,5``);
    ``None`` otherwise (``007``, ``12 %``, ``2024-01-01`` stay text)."""
    text = text.strip()
    if _INT.match(text):
        return int(text)
    if _GERMAN_INT.match(text):
        return int(text.replace(".", ""))
    if _DECIMAL.match(text) and not re.match(r"^[+-]?0\d", text):
        return float(text.replace(",", "."))
    return None


def numeric_columns(rows: Sequence[Sequence[object]], width: int) -> frozenset[int]:
    """The columns whose non-empty cells are all plain numbers (and which have at least one)."""
    found = set()
    for c in range(width):
        cells = [clean_text(row[c]).strip() for row in rows if c < len(row)]
        cells = [cell for cell in cells if cell]
        if cells and all(cell_number(cell) is not None for cell in cells):
            found.add(c)
    return frozenset(found)


def clean_text(value: object) -> str:
    """The cell text without the control characters XML 1.0 cannot hold (they would break the file)."""
    return ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of ``[]:*?/\\``."""
    base = re.sub(r"\s+", " ", _SHEET_NAME_BAD.sub(" ", clean_text(title))).strip().strip("'")
    if len(base) > 31:  # cut at a word boundary and mark the cut
        cut = base[:30]
        cut = cut.rsplit(" ", 1)[0] if " " in cut[12:] else cut
        base = cut.rstrip(" ,;:-") + "…"
    base = base or "Tabelle"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)].rstrip() + suffix, n + 1
    taken.add(name.casefold())
    return name


def _put(sheet: Worksheet, row: int, column: int, value: object, numeric: bool) -> Cell:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, int | float) and math.isfinite(value):  # typed numbers stay numbers
        cell.value = value
        return cell
    text = clean_text(value)
    number = cell_number(text) if numeric else None
    if number is not None:
        cell.value = number
        return cell
    cell.value = text
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _widths(table: Sheet) -> list[int]:
    """Characters per column: the longest line of the header and the first rows."""
    widths = [len(str(label)) for label in table.columns]
    for row in table.rows[:WIDTH_SAMPLE]:
        for c, value in enumerate(row[: len(widths)]):
            longest = max((len(line) for line in clean_text(value).splitlines()), default=0)
            widths[c] = max(widths[c], longest)
    return widths


def write_sheet(sheet: Worksheet, table: Sheet) -> None:
    """Header, rows, widths, frozen header, autofilter and print titles on ``sheet``."""
    bold = Font(bold=True)
    top = Alignment(wrap_text=True, vertical="top")
    for c, label in enumerate(table.columns, start=1):
        cell = _put(sheet, 1, c, label, False)
        cell.font, cell.fill, cell.alignment = bold, HEADER_FILL, top
    widths = _widths(table)
    wrapped = {c for c, width in enumerate(widths) if width > MAX_WIDTH}
    # one cell per kind of style, copied to the others: setting a style object per cell costs a hash
    # lookup in the workbook's style table each time (a third of the time of a large sheet)
    styles: dict[tuple[bool, bool, bool], StyleArray] = {}

    def style(is_head: bool, wrap: bool, link: bool, cell: Cell) -> None:
        found = styles.get((is_head, wrap, link))
        if found is None:
            if is_head or link:
                cell.font = Font(
                    bold=is_head, color=LINK_COLOUR if link else None, underline="single" if link else None
                )
            if wrap:
                cell.alignment = top
            styles[(is_head, wrap, link)] = copy(cell._style)
        else:
            cell._style = copy(found)

    links = {key: url for key, url in table.links.items() if url.startswith(("https://", "http://"))}
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row):
            cell = _put(sheet, r, c + 1, value, c in table.numeric)
            is_head, wrap, url = c == 0 and table.row_headers, c in wrapped, links.get((r - 2, c))
            if url and cell.value not in (None, ""):
                cell.hyperlink = url
            else:
                url = None
            if is_head or wrap or url:
                style(is_head, wrap, bool(url), cell)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
    if table.columns:
        last = get_column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
        sheet.freeze_panes = "B2" if table.row_headers and len(table.columns) > 1 else "A2"
        sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape" if len(table.columns) > 4 else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.center.text = clean_text(table.title).replace("&", "&&")[:200]
    sheet.oddFooter.right.text = "&P / &N"


def workbook_bytes(
    sheets: Sequence[Sheet],
    *,
    title: str,
    notes: Sequence[tuple[str, str]] = (),
    lang: str = "de",
) -> bytes:
    """The workbook of ``sheets`` plus a notes sheet (``notes`` as label/value rows), as XLSX bytes."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    contents: list[tuple[str, str]] = []
    for table in sheets:
        sheet = book.create_sheet(sheet_name(table.title or t("xlsx.sheet.table", lang), taken))
        write_sheet(sheet, table)
        if len(sheets) > 1 or sheet.title != table.title:  # the full title of a cut or one of several
            contents.append((t("xlsx.notes.sheet", lang, name=sheet.title), table.title))
    notes = [*notes, *contents] if notes else notes
    if notes:
        info = book.create_sheet(sheet_name(t("xlsx.sheet.notes", lang), taken))
        write_sheet(
            info,
            Sheet(
                t("xlsx.sheet.notes", lang),
                (t("xlsx.notes.what", lang), t("xlsx.notes.value", lang)),
                [(label, value) for label, value in notes],
                row_headers=True,
            ),
        )
        info.auto_filter.ref = None
    if not book.worksheets:
        book.create_sheet(t("xlsx.sheet.table", lang))
    book.properties.title = clean_text(title)[:250]
    book.properties.creator = "isrp-graph"
    book.properties.language = "de-DE" if lang == "de" else "en"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
