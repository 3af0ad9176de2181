"""What changed since the previous report, for the annual Sozialplanungsreport.

The previous report's state is the latest release (Stand) dated in or before the previous year. The
changes are those the release does not include, up to the report's Stichtag (a changeset started
after the Stichtag belongs to the next report), as a net diff per entry (what a later change undid
is not listed), grouped by kind of entry and responsible office. Without such a release the report
says so and lists the changes recorded since 1 January of the report year.

Costs what changed, not what the store holds: only the touched entries are read (``net_diff``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from isrp_graph.analyses.table import Table
from isrp_graph.changes.history import changes_since
from isrp_graph.changes.model import Changeset
from isrp_graph.changes.releases import Release, changes_after, list_releases, net_diff
from isrp_graph.changes.since import ChangedEntry, changed_entries
from isrp_graph.store.base import Store

STATUS_DE = {"added": "neu", "changed": "geändert", "removed": "entfernt"}
NO_OFFICE = "ohne Federführung"
MAX_VALUES = 3  # values shown per field and side; the rest is counted


@dataclass
class ReportChanges:
    """The report's chapter "Veränderungen seit dem Vorjahresbericht": text lines and tables."""

    since_year: int
    until: date
    release: Release | None
    since: date
    entries: list[ChangedEntry] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The chapter's introduction in plain German."""
        until = self.until.strftime("%d.%m.%Y")
        if self.release is not None:
            head = (
                f"Verglichen wird mit dem Stand »{self.release.name}« vom "
                f"{self.release.issued.astimezone().strftime('%d.%m.%Y')} bis zum Stichtag {until}."
            )
        else:
            head = (
                f"Für das Vorjahr {self.since_year} ist kein Stand festgehalten; Änderungen seit "
                f"{self.since.strftime('%d.%m.%Y')} bis zum Stichtag {until}."
            )
        counts = {s: sum(1 for e in self.entries if e.status == s) for s in STATUS_DE}
        if not self.entries:
            return [head, "In diesem Zeitraum ist keine Änderung im Register erfasst."]
        return [
            head,
            f"{len(self.entries)} Einträge haben sich verändert: {counts['added']} neu, "
            f"{counts['changed']} geändert, {counts['removed']} entfernt.",
        ]

    def groups(self) -> list[tuple[str, list[ChangedEntry]]]:
        grouped: dict[str, list[ChangedEntry]] = {}
        for item in self.entries:
            grouped.setdefault(item.kind or "Sonstige Einträge", []).append(item)
        return sorted(grouped.items(), key=lambda kv: kv[0].casefold())

    def tables(self) -> list[Table]:
        """A summary by kind and office, then one table per kind (entry, office, change, fields)."""
        if not self.entries:
            return []
        summary: dict[tuple[str, str], dict[str, int]] = {}
        for item in self.entries:
            key = (item.kind or "Sonstige Einträge", item.office or NO_OFFICE)
            slot = summary.setdefault(key, dict.fromkeys(STATUS_DE, 0))
            slot[item.status] += 1
        tables = [
            Table(
                name="changes-summary",
                title="Veränderte Einträge nach Art und Federführung",
                columns=("Art des Eintrags", "Federführung", "neu", "geändert", "entfernt"),
                rows=tuple(
                    (kind, office, *(str(n[s]) for s in STATUS_DE))
                    for (kind, office), n in sorted(
                        summary.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1].casefold())
                    )
                ),
            )
        ]
        for number, (kind, items) in enumerate(self.groups(), start=1):
            items = sorted(items, key=lambda i: (i.office.casefold() or "~", i.diff.label.casefold()))
            tables.append(
                Table(
                    name=f"changes-{number}",
                    title=f"{kind}: Veränderungen",
                    columns=("Eintrag", "Federführung", "Änderung", "Geänderte Angaben"),
                    rows=tuple(
                        (i.diff.label, i.office or NO_OFFICE, STATUS_DE[i.status], _fields(i)) for i in items
                    ),
                )
            )
        return tables


def _values(values: Sequence[str]) -> str:
    shown = ", ".join(values[:MAX_VALUES])
    rest = len(values) - MAX_VALUES
    return shown + (f" und {rest} weitere" if rest > 0 else "")


def _fields(item: ChangedEntry) -> str:
    parts = []
    for f in item.diff.fields:
        if f.removed and f.added:
            parts.append(f"{f.label}: {_values(f.removed)} → {_values(f.added)}")
        elif f.added:
            parts.append(f"{f.label}: {_values(f.added)}")
        else:
            parts.append(f"{f.label}: entfernt ({_values(f.removed)})")
    return "; ".join(parts) or "–"


def previous_release(store: Store, since_year: int) -> Release | None:
    """The latest release dated in or before ``since_year`` (local time), or ``None``."""
    found = [r for r in list_releases(store) if r.issued.astimezone().year <= since_year]
    return found[-1] if found else None


def _after(changes: Sequence[Changeset], until: date) -> int:
    """Index of the first changeset started after ``until`` (changes are oldest first)."""
    for index, cs in enumerate(changes):
        if _day(cs.started_at) > until:
            return index
    return len(changes)


def _day(moment: datetime) -> date:
    return moment.astimezone().date() if moment.tzinfo else moment.date()


def report_changes(
    store: Store, since_year: int, until: date | None = None, lang: str = "de"
) -> ReportChanges:
    """The changes since the release of ``since_year`` (see the module text) up to ``until``
    (the report's Stichtag; default today). Store errors are raised, not hidden."""

    until = until or date.today()
    release = previous_release(store, since_year)
    if release is not None:
        every = changes_after(store, release)
        since = _day(release.issued)
    else:
        since = date(since_year + 1, 1, 1)
        every = changes_since(store, since)
    cut = _after(every, until)
    between, later = every[:cut], every[cut:]
    added, removed, changed = net_diff(store, between, later, lang)
    items = changed_entries(store, added, removed, changed, lang)
    items.sort(key=lambda i: (i.kind.casefold(), i.office.casefold(), i.diff.label.casefold()))
    return ReportChanges(since_year=since_year, until=until, release=release, since=since, entries=items)
