"""Plain data for pages and JSON twins: an entry's history, the changes since a date, releases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rdflib import URIRef

from isrp_graph.changes.history import EntryDiff, entry_diffs, entry_history
from isrp_graph.changes.model import Changeset
from isrp_graph.messages import t
from isrp_graph.store.base import Store

HISTORY_LIMIT = 20


def when(moment: datetime | None, lang: str) -> str:
    if moment is None:
        return ""
    local = moment.astimezone()
    return local.strftime("%d.%m.%Y, %H:%M") if lang == "de" else local.strftime("%Y-%m-%d %H:%M")


def kind_label(kind: str, lang: str) -> str:
    return t(f"change.kind.{kind}", lang) if kind in _KINDS else kind


_KINDS = ("form", "workbook", "upload", "import", "load", "revert", "restore", "proposal", "write")


def diff_view(diff: EntryDiff) -> dict[str, Any]:
    return {
        "entry": diff.entry,
        "label": diff.label,
        "kind": diff.kind,
        "fields": [
            {"path": f.path, "label": f.label, "removed": list(f.removed), "added": list(f.added)}
            for f in diff.fields
        ],
    }


def changeset_view(cs: Changeset, diffs: list[EntryDiff], lang: str) -> dict[str, Any]:
    return {
        "id": cs.id,
        "iri": str(cs.iri),
        "time": cs.started_at.isoformat(),
        "time_text": when(cs.started_at, lang),
        "actor": cs.actor,
        "approver": cs.approver,
        "kind": cs.kind,
        "kind_label": kind_label(cs.kind, lang),
        "comment": cs.comment,
        "source": cs.source,
        "reverts": str(cs.reverts) if cs.reverts else None,
        "entries": [diff_view(d) for d in diffs],
    }


def entry_history_view(store: Store, iri: str, lang: str = "de") -> list[dict[str, Any]]:
    """The newest changes of one entry, each with the entry's field diff."""
    entry = URIRef(iri)
    found = entry_history(store, entry)[:HISTORY_LIMIT]
    return [
        changeset_view(cs, entry_diffs(store, [d for d in cs.deltas if d.entry == entry], lang), lang)
        for cs in found
    ]
