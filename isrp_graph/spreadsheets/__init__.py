"""The registry as an Excel workbook that planners edit, and the way back.

Layout from the SHACL shapes (``schema``), export (``export``), reading xlsx/CSV (``read``), the
comparison with the store (``diff``) and the validated import (``apply``). See docs/spreadsheets.md.
"""

from isrp_graph.spreadsheets.apply import ImportNotApplied, ImportResult, apply_plan, import_file, plan_import
from isrp_graph.spreadsheets.diff import CellError, EntryChange, FieldChange, ImportPlan, compare
from isrp_graph.spreadsheets.export import ExportSummary, export_workbook, write_sheet_csv, write_workbook
from isrp_graph.spreadsheets.read import RawSheet, SpreadsheetUnreadable, read_file
from isrp_graph.spreadsheets.schema import Field, FieldKind, Sheet, WorkbookSchema, build_schema, load_schema
from isrp_graph.spreadsheets.snapshot import Snapshot

__all__ = [
    "CellError",
    "EntryChange",
    "ExportSummary",
    "Field",
    "FieldChange",
    "FieldKind",
    "ImportNotApplied",
    "ImportPlan",
    "ImportResult",
    "RawSheet",
    "Sheet",
    "Snapshot",
    "SpreadsheetUnreadable",
    "WorkbookSchema",
    "apply_plan",
    "build_schema",
    "compare",
    "export_workbook",
    "import_file",
    "load_schema",
    "plan_import",
    "read_file",
    "write_sheet_csv",
    "write_workbook",
]
