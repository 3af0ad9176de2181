"""Per-entry history, readable field diffs, revert of a changeset and restore of an entry version."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from isrp_graph.changes import queries
from isrp_graph.changes.delta import Describer, EntryDelta, conflicts, freeze, pairs_of
from isrp_graph.changes.model import Changeset, changeset_iri
from isrp_graph.changes.record import read_changeset
from isrp_graph.messages import LocalizedError, normalise_lang, t
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri


class ChangeError(LocalizedError, ValueError):
    """A revert or restore that cannot be done (unknown change, conflict); nothing was stored."""


# --- reading ---------------------------------------------------------------------------------------


def changesets(store: Store, iris: Iterable[URIRef]) -> list[Changeset]:
    found = [read_changeset(store, i) for i in iris]
    return [cs for cs in found if cs is not None]


def entry_history(store: Store, entry: URIRef) -> list[Changeset]:
    """The changesets that touched ``entry`` (its own triples or its blank-node parts), newest first;
    empty for an IRI that never changed (or never existed)."""
    rows = store.select(queries.ENTRY_HISTORY, {"entry": URIRef(str(entry))}).rows
    return changesets(store, [URIRef(str(r["cs"])) for r in rows])


def changes_since(store: Store, since: datetime | date | None) -> list[Changeset]:
    """Every changeset started at or after ``since`` (all when ``None``), oldest first."""
    if since is None:
        rows = store.select(queries.ALL).rows
    else:
        moment = since if isinstance(since, datetime) else datetime(since.year, since.month, since.day)
        if moment.tzinfo is None:
            moment = moment.astimezone()
        rows = store.select(queries.SINCE, {"since": Literal(moment.isoformat(), datatype=XSD.dateTime)}).rows
    return changesets(store, [URIRef(str(r["cs"])) for r in rows])


def latest_change(store: Store) -> URIRef | None:
    rows = store.select(queries.LATEST).rows
    return URIRef(str(rows[0]["cs"])) if rows else None


def current_pairs(store: Store, graph: URIRef, entry: URIRef) -> Counter:
    """The description of ``entry`` in ``graph`` now."""
    describer = Describer(store.get_graph(graph))
    return pairs_of(describer.describe(entry)) if entry in describer.outgoing else Counter()


# --- readable diffs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field of one entry in one change: the values before and after, as text."""

    path: str
    label: str
    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass
class EntryDiff:
    entry: str
    label: str
    kind: str
    fields: list[FieldChange] = field(default_factory=list)
    created: bool = False
    deleted: bool = False


class Labeller:
    """German (or English) names for fields (the shapes' ``sh:name``), entries and values."""

    def __init__(self, store: Store, lang: str) -> None:
        self.store = store
        self.lang = normalise_lang(lang)
        self._names: dict[str, str] = {}

    def prepare(self, iris: Iterable[str]) -> None:
        from isrp_graph import entries

        wanted = {i for i in iris if i not in self._names}
        if not wanted:
            return
        self._names.update(entries.labels(self.store, wanted, self.lang))
        for chunk in _chunks(sorted(wanted), 200):
            values = " ".join(sparql_iri(i) for i in chunk)
            query = queries.FIELD_NAMES.replace("#VALUES#", values)
            for row in self.store.select(query).rows:
                name = row["name"]
                if isinstance(name, Literal) and name.language in (self.lang, None):
                    self._names[str(row["path"])] = str(name)

    def name(self, iri: str) -> str:
        from isrp_graph.entries import local_name

        return self._names.get(iri) or local_name(iri)

    def value(self, value: object) -> str:
        if isinstance(value, tuple) and value and value[0] == "bnode":
            parts = []
            for (p, inner), _count in sorted(value[1], key=lambda item: repr(item[0])):
                if p == RDF.type:
                    continue
                parts.append(f"{self.name(str(p))}: {self.value(inner)}")
            return "(" + "; ".join(parts) + ")"
        if isinstance(value, Literal):
            return literal_text(value, self.lang)
        if isinstance(value, URIRef):
            return self.name(str(value))
        return str(value)


def literal_text(value: Literal, lang: str) -> str:
    python = value.toPython()
    if value.datatype == XSD.boolean:
        return t("entries.yes" if python is True else "entries.no", lang)
    if isinstance(python, datetime):
        return python.strftime("%d.%m.%Y %H:%M") if lang == "de" else python.strftime("%Y-%m-%d %H:%M")
    if isinstance(python, date):
        return python.strftime("%d.%m.%Y") if lang == "de" else python.isoformat()
    return str(value)


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _iris_in(value: object, into: set[str]) -> None:
    if isinstance(value, URIRef):
        into.add(str(value))
    elif isinstance(value, tuple) and value and value[0] == "bnode":
        for (p, inner), _n in value[1]:
            into.add(str(p))
            _iris_in(inner, into)


def entry_diffs(store: Store, deltas: Sequence[EntryDelta], lang: str = "de") -> list[EntryDiff]:
    """The deltas as readable field diffs, one per entry (graphs merged), fields in label order."""
    labeller = Labeller(store, lang)
    wanted: set[str] = set()
    for delta in deltas:
        if delta.entry is not None:
            wanted.add(str(delta.entry))
        for (p, value), _n in (*delta.removed, *delta.added):
            if isinstance(p, URIRef):
                wanted.add(str(p))
            _iris_in(value, wanted)
    labeller.prepare(wanted)
    merged: dict[str, EntryDiff] = {}
    per_field: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for delta in deltas:
        if delta.entry is None:
            continue
        key = str(delta.entry)
        diff = merged.get(key)
        if diff is None:
            kinds = [v for (p, v) in (*delta.added_pairs, *delta.removed_pairs) if p == RDF.type]
            diff = EntryDiff(key, labeller.name(key), labeller.name(str(kinds[0])) if kinds else "")
            merged[key] = diff
        diff.created = diff.created or (not delta.removed and bool(delta.added) and _has_type(delta.added))
        diff.deleted = diff.deleted or (not delta.added and bool(delta.removed) and _has_type(delta.removed))
        for role, pairs in ((0, delta.removed_pairs), (1, delta.added_pairs)):
            for (p, value), count in pairs.items():
                slot = per_field.setdefault((key, str(p)), ([], []))
                slot[role].extend([labeller.value(value)] * count)
    for (key, path), (removed, added) in per_field.items():
        merged[key].fields.append(
            FieldChange(path, labeller.name(path), tuple(sorted(removed)), tuple(sorted(added)))
        )
    for diff in merged.values():
        diff.fields.sort(key=lambda f: (f.path != str(RDF.type), f.label.lower()))
    return sorted(merged.values(), key=lambda d: d.label.lower())


def _has_type(pairs: tuple) -> bool:
    return any(p == RDF.type for (p, _v), _n in pairs)


# --- revert and restore ----------------------------------------------------------------------------


def revert(store: Store, change: str, actor: str, lang: str = "de", *, comment: str | None = None):
    """Undo the changeset ``change`` (IRI or id) as a new, validated, attributed change. Refused with
    the conflicts named when its entries changed again since; nothing is stored then."""
    from isrp_graph.writes import apply_entry_deltas

    iri = changeset_iri(change)
    cs = read_changeset(store, iri)
    if cs is None:
        raise ChangeError("change.unknown", change=change)
    inverse = [d.inverse() for d in cs.deltas if d.entry is not None]
    if not inverse:
        raise ChangeError("change.nothing_to_revert", change=cs.id)
    problems: list[str] = []
    labeller = Labeller(store, lang)
    labeller.prepare(
        {str(d.entry) for d in inverse}
        | {str(p) for d in inverse for (p, _v), _n in (*d.added, *d.removed)}
        | {str(v) for d in inverse for (_p, v), _n in (*d.added, *d.removed) if isinstance(v, URIRef)}
    )
    for undo in inverse:
        current = current_pairs(store, undo.graph, undo.entry)  # type: ignore[arg-type]
        # undoing: what the change added must still be there, what it removed must not be back
        gone, back = conflicts(current, undo.inverse())
        for p, value in (*gone, *back):
            problems.append(
                f"{labeller.name(str(undo.entry))} – {labeller.name(str(p))}: {labeller.value(value)}"
            )
    if problems:
        raise ChangeError("change.revert_conflict", change=cs.id, details="; ".join(problems))
    return apply_entry_deltas(
        store,
        inverse,
        actor,
        lang,
        reverts=cs.iri,
        kind="revert",
        comment=comment or t("change.revert_comment", normalise_lang(lang), change=cs.id),
    )


def version_pairs(store: Store, entry: URIRef, after: URIRef) -> dict[URIRef, Counter]:
    """The description of ``entry`` per graph as it was right after changeset ``after``: today's
    description with every later change to the entry undone (newest first)."""
    history = entry_history(store, entry)
    graphs = {d.graph for cs in history for d in cs.deltas if d.entry == entry}
    state = {g: current_pairs(store, g, entry) for g in graphs}
    for cs in history:
        if cs.iri == after:
            return state
        for delta in cs.deltas:
            if delta.entry == entry:
                rewound = state.get(delta.graph, Counter()) - delta.added_pairs
                rewound.update(delta.removed_pairs)
                state[delta.graph] = +rewound
    raise ChangeError("change.unknown", change=str(after))


def restore(
    store: Store,
    entry: URIRef,
    after: str,
    actor: str,
    lang: str = "de",
    *,
    expected_latest: str | None = None,
):
    """Give ``entry`` back the version it had right after changeset ``after``, as a new validated
    change. ``expected_latest`` (the newest change the person saw) guards against a change made
    meanwhile: then nothing is stored and the newer change is named."""
    from isrp_graph.writes import apply_entry_deltas

    entry = URIRef(str(entry))
    target_cs = changeset_iri(after)
    history = entry_history(store, entry)
    if expected_latest is not None and history and history[0].iri != changeset_iri(expected_latest):
        raise ChangeError("change.restore_stale", latest=history[0].id)
    target = version_pairs(store, entry, target_cs)
    deltas = []
    for graph, wanted in target.items():
        current = current_pairs(store, graph, entry)
        if current != wanted:
            deltas.append(EntryDelta(graph, entry, freeze(current - wanted), freeze(wanted - current)))
    if not deltas:
        raise ChangeError("change.restore_same")
    return apply_entry_deltas(
        store,
        deltas,
        actor,
        lang,
        kind="restore",
        comment=t("change.restore_comment", normalise_lang(lang), change=target_cs.rsplit("/", 1)[-1]),
    )


def describe_value(node: Node, lang: str = "de") -> str:
    """A single value as text (dates German)."""
    return literal_text(node, lang) if isinstance(node, Literal) else str(node)
