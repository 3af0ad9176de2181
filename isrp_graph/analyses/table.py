"""A finding as a table of text cells: the one form the CLI, the CSV files and the HTML report render.

CSV for German Excel: UTF-8 with byte-order mark (so Excel detects UTF-8 and shows umlauts), semicolon as
separator (German Excel's list separator, since the comma is the decimal mark), CRLF line ends, every
field quoted when it holds a separator, quote or line break.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from isrp_graph import csv_safe, xlsx_safe
from isrp_graph.messages import t


@dataclass(frozen=True)
class Table:
    """``name`` is the file stem (``overlaps-undeclared``); ``title``/``description`` are in the report's
    language; ``columns`` are headers; ``rows`` hold text cells; ``row_headers`` says the first column
    names its row (rendered as ``<th scope="row">``)."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    description: str = ""
    row_headers: bool = True
    finding: bool = True
    notes: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.rows)

    def to_csv(self, *, excel: bool = True) -> str:
        buffer = io.StringIO()
        writer = csv_safe.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return ("\ufeff" if excel else "") + buffer.getvalue()

    def to_xlsx(self, lang: str = "de", *, notes: Sequence[tuple[str, str]] = ()) -> bytes:
        """The table as an Excel workbook: one sheet (header frozen, autofilter; cells typed, never
        formulas; whole numbers as numbers) and a notes sheet with the description, the table's notes
        and ``notes`` (label/value pairs such as the Stichtag)."""
        sheet = xlsx_safe.Sheet(
            self.title,
            self.columns,
            self.rows,
            numeric=xlsx_safe.numeric_columns(self.rows, len(self.columns)),
            row_headers=self.row_headers,
        )
        about = [(t("xlsx.notes.title", lang), self.title)]
        if self.description:
            about.append((t("xlsx.notes.description", lang), self.description))
        about += list(notes)
        about += [(t("xlsx.notes.note", lang), note) for note in self.notes]
        return xlsx_safe.workbook_bytes([sheet], title=self.title, notes=about, lang=lang)

    def to_text(self, lang: str = "de", *, max_width: int = 50) -> str:
        """An aligned plain-text rendering with the title on top, for the terminal."""
        lines = [self.title, "=" * len(self.title)]
        if not self.rows:
            lines.append(t("analysis.none", lang))
            return "\n".join(lines)

        def cut(text: str) -> str:
            text = text.replace("\n", " ")
            return text if len(text) <= max_width else text[: max_width - 1] + "…"

        rows = [[cut(c) for c in row] for row in self.rows]
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(self.columns)]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        lines += [line(self.columns), line(["-" * w for w in widths])]
        lines += [line(r) for r in rows]
        return "\n".join(lines)


def joined(items: Sequence[object], separator: str = "; ") -> str:
    """Items as one cell: their ``str()`` joined by ``; ``."""
    return separator.join(str(i) for i in items)
