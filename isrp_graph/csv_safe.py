"""CSV for spreadsheets without formula injection (OWASP "CSV Injection").

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel and
LibreOffice as a formula (``=HYPERLINK(…)``, ``@SUM(…)``, DDE). Every CSV this product writes for tables
and Excel gets such cells prefixed with a single quote, which spreadsheets take as "this is text" — the
OWASP recommendation; the ``csv`` module quotes the field when it holds a separator or quote. Plain
numbers such as ``-3`` or ``+1,5`` are left as they are: they are not formulas and must stay numbers.

Not applied to the W3C SPARQL 1.1 CSV results of ``/sparql`` and ``isrp query --format csv``: that format
is a data exchange format for programs and must carry the values unchanged.

``restore`` undoes the prefix when a CSV written here is read back (the workbook import), so a value
such as ``-unbekannt-`` survives a round trip through Excel.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)*|\d*[.,]\d+)(?:[eE][+-]?\d+)?%?$")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def neutralise(value: object) -> str:
    """The cell text, with a leading ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo ``neutralise`` for text read back from such a CSV."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, handle: _Writable, **options: Any) -> None:
        self._writer = csv.writer(handle, **options)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([neutralise(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(handle: _Writable, **options: Any) -> SafeWriter:
    """A CSV writer for spreadsheet users (same options as ``csv.writer``)."""
    return SafeWriter(handle, **options)
