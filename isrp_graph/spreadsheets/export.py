"""Write the registry as an Excel workbook (or one sheet as CSV) in the layout of ``schema.py``:
a first sheet "Anleitung", one sheet per node shape, and a hidden sheet "Listen" with the values of
every drop-down. Header row bold and frozen, auto filter, widths, hints on the headers, required
columns marked with *."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from rdflib import URIRef

from isrp_graph import csv_safe
from isrp_graph.messages import t
from isrp_graph.namespaces import ISRP
from isrp_graph.spreadsheets.cells import Context, as_text, cell_values, covers, items_from_rdf
from isrp_graph.spreadsheets.entries import entries_by_sheet
from isrp_graph.spreadsheets.names import compact
from isrp_graph.spreadsheets.schema import Field, FieldKind, Sheet, WorkbookSchema, load_schema
from isrp_graph.spreadsheets.snapshot import Snapshot
from isrp_graph.store.base import Store

HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
REQUIRED_FILL = PatternFill("solid", fgColor="FBE3C8")
EXTRA_ROWS = 500  # drop-downs and date checks reach this far below the last entry, for new rows
SORT_PATHS = (ISRP.stepNumber, ISRP.order)
WIDE_KINDS = {FieldKind.LANG_TEXT, FieldKind.TEXT, FieldKind.ROLES}


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    sheets: dict[str, int]  # sheet name -> number of entries


def export_workbook(store: Store, path: str | Path, lang: str = "de") -> ExportSummary:
    """Write the whole registry as an .xlsx workbook."""
    snapshot = Snapshot.from_store(store)
    return write_workbook(snapshot, load_schema(snapshot), path, lang)


def write_workbook(
    snapshot: Snapshot,
    schema: WorkbookSchema,
    path: str | Path,
    lang: str = "de",
    only: Callable[[URIRef], bool] | None = None,
) -> ExportSummary:
    """The workbook; ``only`` keeps just the entries it accepts (e.g. those a person may edit)."""
    rows = sheet_rows(snapshot, schema, lang, only)
    workbook = Workbook()
    guide = workbook.active
    guide.title = t("sheet.guide.title_sheet", lang)
    lists = workbook.create_sheet(t("sheet.lists.title_sheet", lang))
    list_ranges = _write_lists(lists, schema, snapshot, lang)
    counts: dict[str, int] = {}
    for sheet in schema.sheets:
        ws = workbook.create_sheet(sheet.name(lang))
        _write_sheet(ws, sheet, rows[sheet.shape], list_ranges, lang)
        counts[sheet.name(lang)] = len(rows[sheet.shape])
    workbook.move_sheet(lists, offset=len(workbook.sheetnames))
    lists.sheet_state = "hidden"
    _write_guide(guide, schema, counts, lang)
    target = Path(path)
    workbook.save(target)
    return ExportSummary(target, counts)


def sheet_rows(
    snapshot: Snapshot, schema: WorkbookSchema, lang: str = "de", only: Callable[[URIRef], bool] | None = None
) -> dict[URIRef, list[list[Any]]]:
    """For every sheet (by shape) the cell values of its entries, in column order."""
    ctx = Context(snapshot.lookup, lang, class_labels=schema.class_labels)
    grouped = entries_by_sheet(snapshot, schema)
    result: dict[URIRef, list[list[Any]]] = {}
    for sheet in schema.sheets:
        rows: list[tuple[tuple, list[Any]]] = []
        for entry in grouped.get(sheet.shape, []):
            if only is not None and not only(entry):
                continue
            values: list[Any] = []
            for f in sheet.fields:
                if f.kind == FieldKind.IRI:
                    values.append(compact(str(entry)))
                    continue
                nodes = [o for o in snapshot.union.objects(entry, f.path) if covers(f, o, sheet.classes)]
                values += cell_values(f, items_from_rdf(f, nodes, snapshot.union, ctx))
            rows.append((_sort_key(snapshot, sheet, entry, lang), values))
        result[sheet.shape] = [values for _, values in sorted(rows, key=lambda r: r[0])]
    return result


def write_sheet_csv(
    snapshot: Snapshot, schema: WorkbookSchema, sheet: Sheet, path: str | Path, lang: str = "de"
) -> int:
    """One sheet as CSV the way German Excel saves it (``;``, UTF-8 with BOM, dates TT.MM.JJJJ)."""
    rows = sheet_rows(snapshot, schema, lang)[sheet.shape]
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv_safe.writer(handle, delimiter=";")
        writer.writerow([c.header(lang, f.required) for f, c in sheet.columns])
        for values in rows:
            writer.writerow([_csv_text(v, lang) for v in values])
    return len(rows)


# --- sheets ----------------------------------------------------------------------------------------


def _write_sheet(
    ws: Worksheet, sheet: Sheet, rows: list[list[Any]], list_ranges: dict[str, str], lang: str
) -> None:
    columns = sheet.columns
    widths = [len(c.header(lang, f.required)) + 4 for f, c in columns]
    for index, (f, column) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header(lang, f.required))
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if f.required else HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        hint = _hint(sheet, f, lang)
        if hint:
            cell.comment = Comment(hint, "isrp", width=320, height=160)
    for r, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            f = columns[index - 1][0]
            cell = ws.cell(row=r, column=index)
            _set(cell, value, lang)
            if f.kind in WIDE_KINDS:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            widths[index - 1] = max(widths[index - 1], min(len(as_text(value)) + 2, 60))
    last_row = max(len(rows) + 1, 2)
    for index, (f, _) in enumerate(columns, start=1):
        width = 50 if f.kind in WIDE_KINDS and widths[index - 1] > 50 else widths[index - 1]
        ws.column_dimensions[get_column_letter(index)].width = max(10, min(width, 60))
        _validation(ws, f, index, last_row + EXTRA_ROWS, list_ranges, lang)
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last_row}"


def _set(cell: Any, value: Any, lang: str) -> None:
    if isinstance(value, dt.date):
        cell.value = value
        cell.number_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
    elif isinstance(value, int | Decimal):
        cell.value = value
    elif value is not None:
        cell.value = str(value)
        cell.data_type = "s"  # text that starts with "=" stays text, never a formula


def _validation(
    ws: Worksheet, f: Field, index: int, last_row: int, list_ranges: dict[str, str], lang: str
) -> None:
    letter = get_column_letter(index)
    area = f"{letter}2:{letter}{last_row}"
    dv: DataValidation | None = None
    if f.kind in (FieldKind.CONCEPT, FieldKind.TYPE, FieldKind.CHOICE) and f.list_name in list_ranges:
        dv = DataValidation(type="list", formula1=list_ranges[f.list_name], allow_blank=True)
        dv.showErrorMessage = not f.multiple  # several values "a | b" are typed, not picked
        dv.error = t("sheet.hint.pick_error", lang)
    elif f.kind == FieldKind.BOOLEAN:
        words = '"ja,nein"' if lang == "de" else '"yes,no"'
        dv = DataValidation(type="list", formula1=words, allow_blank=True)
        dv.error = t("sheet.hint.pick_error", lang)
    elif f.kind in (FieldKind.DATE, FieldKind.INTERVAL) and not f.multiple:
        dv = DataValidation(
            type="date", operator="between", formula1="1", formula2="2958465", allow_blank=True
        )
        dv.error = t("sheet.hint.date_error", lang)
    if dv is not None:
        dv.errorTitle = t("sheet.hint.error_title", lang)
        dv.add(area)
        ws.add_data_validation(dv)


def _hint(sheet: Sheet, f: Field, lang: str) -> str:
    parts = [f.description(lang)] if f.description(lang) else []
    kind_hint = {
        FieldKind.IRI: "sheet.hint.iri",
        FieldKind.CONCEPT: "sheet.hint.concept",
        FieldKind.TYPE: "sheet.hint.concept",
        FieldKind.CHOICE: "sheet.hint.concept",
        FieldKind.REFERENCE: "sheet.hint.reference",
        FieldKind.DATE: "sheet.hint.date",
        FieldKind.INTERVAL: "sheet.hint.interval",
        FieldKind.BOOLEAN: "sheet.hint.boolean",
        FieldKind.ROLES: "sheet.hint.roles",
        FieldKind.LANG_TEXT: "sheet.hint.lang_text",
        FieldKind.NUMBER: "sheet.hint.number",
    }.get(f.kind)
    if kind_hint:
        parts.append(t(kind_hint, lang))
    if f.multiple and f.kind != FieldKind.IRI:
        parts.append(t("sheet.hint.multiple", lang))
    if f.required:
        parts.append(t("sheet.hint.required", lang))
    return "\n".join(parts)


def _write_lists(ws: Worksheet, schema: WorkbookSchema, snapshot: Snapshot, lang: str) -> dict[str, str]:
    """One column per value list; returns list name -> absolute range for a drop-down."""
    ctx = Context(snapshot.lookup, lang, class_labels=schema.class_labels)
    lists: dict[str, list[str]] = {}
    for sheet in schema.sheets:
        for f in sheet.fields:
            if not f.list_name or f.list_name in lists:
                continue
            if f.kind == FieldKind.TYPE:
                values = [schema.class_labels.get(c, {}).get(lang) or compact(str(c)) for c in sheet.classes]
            elif f.kind == FieldKind.CHOICE:
                values = [str(c) for c in f.choices]
            elif f.kind in (FieldKind.CONCEPT, FieldKind.ROLES):
                nodes = list(f.concepts)
                values = [
                    items_from_rdf(f, [c], snapshot.union, ctx)[0].cells[0]
                    if f.kind == FieldKind.CONCEPT
                    else (snapshot.lookup.concept_label(c, lang) or compact(str(c)))
                    for c in nodes
                ]
            else:
                continue
            lists[f.list_name] = sorted(set(values), key=str.casefold)
    ranges: dict[str, str] = {}
    for index, (name, values) in enumerate(sorted(lists.items()), start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=name).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            ws.cell(row=r, column=index, value=value).data_type = "s"
        ws.column_dimensions[letter].width = max([len(name), *(len(v) for v in values)]) + 2
        end = max(len(values) + 1, 2)
        ranges[name] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${end}"
    return ranges


def _write_guide(ws: Worksheet, schema: WorkbookSchema, counts: dict[str, int], lang: str) -> None:
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 90
    title = ws.cell(row=1, column=1, value=t("sheet.guide.heading", lang))
    title.font = Font(bold=True, size=14)
    row = 3
    for n in range(1, 10):
        ws.cell(row=row, column=1, value=f"{n}.").alignment = Alignment(horizontal="right", vertical="top")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        cell = ws.cell(row=row, column=2, value=t(f"sheet.guide.step{n}", lang))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 48
        row += 1
    row += 1
    headers = (
        t("sheet.guide.col_sheet", lang),
        t("sheet.guide.col_entries", lang),
        t("sheet.guide.col_required", lang),
    )
    for col, text in enumerate(headers, start=1):
        ws.cell(row=row, column=col, value=text).font = Font(bold=True)
    for sheet in schema.sheets:
        row += 1
        required = ", ".join(c.header(lang) for f, c in sheet.columns if f.required)
        ws.cell(row=row, column=1, value=sheet.name(lang))
        ws.cell(row=row, column=2, value=counts.get(sheet.name(lang), 0))
        ws.cell(row=row, column=3, value=required).alignment = Alignment(wrap_text=True)


def _sort_key(snapshot: Snapshot, sheet: Sheet, entry: URIRef, lang: str) -> tuple:
    number = 1e12
    for f in sheet.fields:
        if f.path in SORT_PATHS:
            for value in snapshot.union.objects(entry, f.path):
                with contextlib.suppress(TypeError, ValueError):
                    number = min(number, float(value))
    label = snapshot.lookup.label(entry, lang) or ""
    return (number, label.casefold(), str(entry))


def _csv_text(value: Any, lang: str) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()
    text = as_text(value)
    if lang == "de" and isinstance(value, Decimal):
        return text.replace(".", ",")
    return text


__all__ = ["ExportSummary", "export_workbook", "sheet_rows", "write_sheet_csv", "write_workbook"]
