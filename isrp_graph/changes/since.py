"""What changed since a date: the changed entries with their net field diff, the office and kind of
each entry, who changed it, filterable by office, kind and person."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from rdflib import URIRef

from isrp_graph.changes.history import EntryDiff, changes_since
from isrp_graph.changes.model import Changeset
from isrp_graph.changes.releases import list_releases, net_diff
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

_CONTEXT = """
SELECT ?e ?type ?org WHERE {
  VALUES ?e { #VALUES# }
  OPTIONAL { ?e a ?type . FILTER(STRSTARTS(STR(?type), "https://w3id.org/isrp/def#")) }
  OPTIONAL { ?e isrp:responsibleOrganization ?org }
}
"""


@dataclass
class ChangedEntry:
    diff: EntryDiff
    status: str  # "added" | "removed" | "changed"
    kind: str = ""
    kind_iri: str = ""
    office: str = ""
    office_iri: str = ""
    people: list[str] = field(default_factory=list)
    last_change: datetime | None = None
    changes: list[str] = field(default_factory=list)


@dataclass
class ChangesSince:
    since: date | None
    since_source: str  # "release:<name>", "given", "all"
    entries: list[ChangedEntry]
    offices: list[tuple[str, str]]
    kinds: list[tuple[str, str]]
    people: list[str]

    def groups(self) -> list[tuple[str, str, list[ChangedEntry]]]:
        """(kind, office, entries), sorted."""
        grouped: dict[tuple[str, str], list[ChangedEntry]] = {}
        for item in self.entries:
            grouped.setdefault((item.kind, item.office), []).append(item)
        return [
            (k, o, v)
            for (k, o), v in sorted(grouped.items(), key=lambda kv: (kv[0][0].lower(), kv[0][1].lower()))
        ]


def default_since(store: Store) -> tuple[date | None, str]:
    """The last release's date, or ``None`` (all recorded changes)."""
    releases = list_releases(store)
    if releases:
        return releases[-1].issued.date(), "release:" + releases[-1].name
    return None, "all"


def changes_since_date(
    store: Store,
    since: date | None,
    lang: str = "de",
    *,
    office: str | None = None,
    kind: str | None = None,
    person: str | None = None,
    since_source: str = "given",
) -> ChangesSince:

    sets: list[Changeset] = changes_since(store, since)
    added, removed, changed = net_diff(store, sets, [], lang)
    by_entry: dict[str, list[Changeset]] = {}
    for cs in sets:
        for entry in cs.entries:
            by_entry.setdefault(str(entry), []).append(cs)
    items = changed_entries(store, added, removed, changed, lang)
    for item in items:
        history = by_entry.get(item.diff.entry, [])
        item.people = sorted({cs.actor for cs in history} | {cs.approver for cs in history if cs.approver})
        item.last_change = max((cs.started_at for cs in history), default=None)
        item.changes = [cs.id for cs in history]
    offices = sorted({(i.office_iri, i.office) for i in items if i.office_iri}, key=lambda p: p[1].lower())
    kinds = sorted({(i.kind_iri, i.kind) for i in items if i.kind_iri}, key=lambda p: p[1].lower())
    people = sorted({p for i in items for p in i.people}, key=str.lower)
    if office:
        items = [i for i in items if i.office_iri == office]
    if kind:
        items = [i for i in items if i.kind_iri == kind]
    if person:
        items = [i for i in items if person in i.people]
    items.sort(key=lambda i: (i.kind.lower(), i.office.lower(), i.diff.label.lower()))
    return ChangesSince(since, since_source, items, offices, kinds, people)


def parse_day(text: str | None) -> date | None:
    """``TT.MM.JJJJ`` or ``JJJJ-MM-TT``; ``None`` for empty; ValueError otherwise."""
    if not text or not text.strip():
        return None
    value = text.strip()
    if "." in value:
        day, month, year = value.split(".")
        return date(int(year), int(month), int(day))
    return date.fromisoformat(value)


_ = URIRef


def changed_entries(
    store: Store, added: list[EntryDiff], removed: list[EntryDiff], changed: list[EntryDiff], lang: str
) -> list[ChangedEntry]:
    """The net diffs as changed entries, each with the label of its kind and of its office."""
    from isrp_graph import entries as entries_module

    items = [ChangedEntry(d, "added") for d in added] + [ChangedEntry(d, "removed") for d in removed]
    items += [ChangedEntry(d, "changed") for d in changed]
    context = entry_context(store, sorted({i.diff.entry for i in items}))
    names = entries_module.labels(store, {v for pair in context.values() for v in pair if v}, lang)
    for item in items:
        kind_iri, org = context.get(item.diff.entry, ("", ""))
        item.kind_iri, item.office_iri = kind_iri, org
        item.kind = names.get(kind_iri, item.diff.kind) if kind_iri else item.diff.kind
        item.office = names.get(org, "") if org else ""
    return items


def entry_context(store: Store, wanted: list[str]) -> dict[str, tuple[str, str]]:
    """(class IRI, responsible office IRI) of each entry, 200 entries per query."""
    context: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        query = _CONTEXT.replace("#VALUES#", " ".join(sparql_iri(i) for i in chunk))
        for row in store.select(query).rows:
            key = str(row["e"])
            kind_iri = str(row["type"]) if row.get("type") else context.get(key, ("", ""))[0]
            org = str(row["org"]) if row.get("org") else context.get(key, ("", ""))[1]
            context[key] = (kind_iri, org)
    return context
