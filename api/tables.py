"""A table as pages show it and CSV downloads hold it: one model, two renderings.

Cells hold one or more items (text with an optional link); sorting and text filtering happen on the
server from query parameters, so they work without JavaScript; the small script in static/js only
makes them faster."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from isrp_graph import csv_safe, xlsx_safe


@dataclass
class Item:
    text: str
    href: str | None = None
    title: str | None = None


@dataclass
class Column:
    key: str
    label: str
    numeric: bool = False
    sortable: bool = True


@dataclass
class Table:
    caption: str
    columns: list[Column]
    rows: list[dict[str, list[Item]]] = field(default_factory=list)
    sort: str | None = None
    descending: bool = False
    # extra cell attributes per row and column, e.g. heat-map colours {(row, key): "style"}
    styles: dict[tuple[int, str], str] = field(default_factory=dict)

    def cell_text(self, row: dict[str, list[Item]], key: str) -> str:
        return "; ".join(item.text for item in row.get(key, []))

    def sorted_by(self, key: str | None, descending: bool = False) -> Table:
        """Rows ordered by column ``key`` (numbers as numbers, text case-insensitively)."""
        column = next((c for c in self.columns if c.key == key and c.sortable), None)
        if column is None:
            return self

        def sort_key(row: dict[str, list[Item]]) -> tuple[int, Any]:
            text = self.cell_text(row, column.key)
            if column.numeric:
                try:
                    return (0, float(text.replace(",", ".").rstrip(" %")))
                except ValueError:
                    return (1, 0.0)
            return (0 if text else 1, text.casefold())

        rows = sorted(self.rows, key=sort_key, reverse=descending)
        if descending:  # empty cells stay last
            rows = [r for r in rows if self.cell_text(r, column.key)] + [
                r for r in rows if not self.cell_text(r, column.key)
            ]
        return Table(self.caption, self.columns, rows, column.key, descending)

    def filtered(self, text: str | None) -> Table:
        """Only the rows that contain ``text`` in any cell (case-insensitive)."""
        if not text or not text.strip():
            return self
        needle = text.strip().casefold()
        rows = [
            r for r in self.rows if any(needle in self.cell_text(r, c.key).casefold() for c in self.columns)
        ]
        return Table(self.caption, self.columns, rows, self.sort, self.descending)

    def to_csv(self, *, excel: bool = False) -> str:
        """CSV with the column labels as header; ``excel=True``: semicolons and a BOM for German Excel."""
        buffer = io.StringIO()
        writer = csv_safe.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
        writer.writerow([c.label for c in self.columns])
        for row in self.rows:
            writer.writerow([self.cell_text(row, c.key) for c in self.columns])
        return ("\ufeff" if excel else "") + buffer.getvalue()

    def to_sheet(self, title: str | None = None, *, base: str | None = None) -> xlsx_safe.Sheet:
        """The table as one workbook sheet: the column labels as header, a cell's items joined by ``; ``,
        numeric columns (and columns of plain numbers only) as numbers; with ``base`` (the site's
        address) a cell whose first item links to a page gets that page as its hyperlink."""
        rows = [[self.cell_text(row, c.key) for c in self.columns] for row in self.rows]
        numeric = {i for i, c in enumerate(self.columns) if c.numeric}
        numeric |= xlsx_safe.numeric_columns(rows, len(self.columns))
        links: dict[tuple[int, int], str] = {}
        if base:
            for r, row in enumerate(self.rows):
                for c, column in enumerate(self.columns):
                    found = next((i.href for i in row.get(column.key, []) if i.href), None)
                    if found and not found.startswith("#"):
                        links[(r, c)] = urljoin(base, found)
        return xlsx_safe.Sheet(
            title or self.caption,
            [c.label for c in self.columns],
            rows,
            frozenset(numeric),
            row_headers=True,
            links=links,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "caption": self.caption,
            "columns": [{"key": c.key, "label": c.label} for c in self.columns],
            "rows": [
                {
                    c.key: [
                        {"text": i.text, **({"href": i.href} if i.href else {})} for i in row.get(c.key, [])
                    ]
                    for c in self.columns
                }
                for row in self.rows
            ],
        }


def items(values: Iterable[tuple[str, str | None]]) -> list[Item]:
    return [Item(text, link) for text, link in values]


def text_cell(value: object) -> list[Item]:
    return [] if value is None or value == "" else [Item(str(value))]


def columns(pairs: Sequence[tuple[str, str]], numeric: Sequence[str] = ()) -> list[Column]:
    return [Column(key, label, key in numeric) for key, label in pairs]
