"""Limits on what one input may bring: request body, triples per upload, rows per sheet and unpacked
size of a workbook (a 0.5 MB .xlsx can unpack to gigabytes: a zip bomb), and how many errors a reply
lists. All come from the settings (``max_request_bytes`` …, see the README's settings table).

The web app sets the active limits per request (``use``); the CLI and library calls use the settings'
defaults unless told otherwise. Exceeding one raises ``LimitExceeded`` (HTTP 413) naming the file, the
limit and the setting that raises it.
"""

from __future__ import annotations

import contextvars
import zipfile
from collections.abc import Iterator, Mapping, Sized
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from isrp_graph.messages import LocalizedError, register
from isrp_graph.settings import Settings

register(
    {
        "limit.request": {
            "de": "Die Anfrage ist zu groß: höchstens {limit} Byte (Einstellung max_request_bytes).",
            "en": "The request is too large: at most {limit} bytes (setting max_request_bytes).",
        },
        "limit.triples": {
            "de": "Die Datei {file} enthält mehr als {limit} Tripel (Einstellung max_upload_triples); "
            "bitte in kleinere Dateien teilen.",
            "en": "The file {file} holds more than {limit} triples (setting max_upload_triples); "
            "please split it into smaller files.",
        },
        "limit.rows": {
            "de": "Das Blatt „{sheet}“ in {file} hat mehr als {limit} Zeilen (Einstellung max_sheet_rows).",
            "en": "The sheet “{sheet}” in {file} has more than {limit} rows (setting max_sheet_rows).",
        },
        "limit.unpacked": {
            "de": "Die Arbeitsmappe {file} wäre entpackt größer als {limit} Byte (Einstellung "
            "max_workbook_unpacked_bytes) – eine so große Mappe wird nicht gelesen.",
            "en": "The workbook {file} would unpack to more than {limit} bytes (setting "
            "max_workbook_unpacked_bytes) – a workbook that large is not read.",
        },
        "limit.more_errors": {
            "de": "… und {n} weitere Fehler (gezeigt werden die ersten {limit}; Einstellung "
            "max_listed_errors).",
            "en": "… and {n} more errors (the first {limit} are shown; setting max_listed_errors).",
        },
    }
)


class LimitExceeded(LocalizedError, ValueError):
    """An input over one of the limits; nothing was read into the store."""

    status = 413


@dataclass(frozen=True)
class Limits:
    request_bytes: int = Settings.max_request_bytes
    upload_triples: int = Settings.max_upload_triples
    sheet_rows: int = Settings.max_sheet_rows
    workbook_unpacked_bytes: int = Settings.max_workbook_unpacked_bytes
    listed_errors: int = Settings.max_listed_errors

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(
            request_bytes=settings.max_request_bytes,
            upload_triples=settings.max_upload_triples,
            sheet_rows=settings.max_sheet_rows,
            workbook_unpacked_bytes=settings.max_workbook_unpacked_bytes,
            listed_errors=settings.max_listed_errors,
        )


_ACTIVE: contextvars.ContextVar[Limits] = contextvars.ContextVar("isrp_limits", default=Limits())  # noqa: B039 (frozen)


def active() -> Limits:
    return _ACTIVE.get()


@contextmanager
def use(limits: Limits) -> Iterator[Limits]:
    token = _ACTIVE.set(limits)
    try:
        yield limits
    finally:
        _ACTIVE.reset(token)


def check_triples(graphs: Mapping[object, Sized], file: str) -> None:
    limit = active().upload_triples
    if sum(len(g) for g in graphs.values()) > limit:
        raise LimitExceeded("limit.triples", file=file, limit=limit)


def check_rows(count: int, sheet: str, file: str) -> None:
    limit = active().sheet_rows
    if count > limit:
        raise LimitExceeded("limit.rows", sheet=sheet, file=file, limit=limit)


def check_workbook_archive(path: Path, file: str) -> None:
    """Refuse a workbook whose parts would unpack beyond the limit (sizes from the zip directory, and
    again while reading, since a crafted directory may lie).
    Reading every part also verifies its CRC: a damaged archive raises ``zipfile.BadZipFile``."""
    limit = active().workbook_unpacked_bytes
    with zipfile.ZipFile(path) as archive:
        if sum(info.file_size for info in archive.infolist()) > limit:
            raise LimitExceeded("limit.unpacked", file=file, limit=limit)
        total = 0
        for info in archive.infolist():
            with archive.open(info) as part:
                while chunk := part.read(1 << 16):
                    total += len(chunk)
                    if total > limit:
                        raise LimitExceeded("limit.unpacked", file=file, limit=limit)


def capped(lines: list[str], lang: str) -> list[str]:
    """At most ``listed_errors`` lines, then one line saying how many more there are."""
    from isrp_graph.messages import t

    limit = active().listed_errors
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], t("limit.more_errors", lang, n=len(lines) - limit, limit=limit)]
