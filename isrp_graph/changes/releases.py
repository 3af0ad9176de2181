"""Releases (Stand): a named, immutable point in the change history, and the registry as it was then.

A release is a few triples in the releases graph (``isrp:Release``, a ``dcat:Dataset`` and
``prov:Entity``: name, time, note, who, and the last changeset it includes). Its content is not
copied: the registry at a release is today's registry with every later changeset undone, so a
release costs nothing to store and a diff between two releases costs what changed between them
(only the entries touched by the changesets in between are looked at). The full dataset of a release
(for ``?stand=`` and SPARQL) is materialised once per process into an in-memory store, which is kept
(releases never change). See docs/changes.md for why this was chosen over copying named graphs.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from isrp_graph.changes.delta import Describer, EntryDelta, freeze, materialise, pairs_of
from isrp_graph.changes.history import ChangeError, EntryDiff, changes_since, entry_diffs, latest_change
from isrp_graph.changes.model import RELEASE_BASE, RELEASES_GRAPH, Changeset
from isrp_graph.messages import LocalizedError
from isrp_graph.namespaces import DCAT, ISRP
from isrp_graph.provenance import agent_iri, slug
from isrp_graph.store.base import Store
from isrp_graph.store.embedded import EmbeddedStore
from isrp_graph.store.sparql_text import iri, term

TODAY = "heute"


class ReleaseError(LocalizedError, ValueError):
    """An unknown or duplicate release name (exit code 3, HTTP 404/409)."""

    status = 404


@dataclass(frozen=True)
class Release:
    iri: URIRef
    name: str
    issued: datetime
    note: str | None = None
    actor: str | None = None
    after: URIRef | None = None

    @property
    def slug(self) -> str:
        return str(self.iri).rsplit("/", 1)[-1]


_LIST = f"""
SELECT ?r ?name ?issued ?note ?actor ?after WHERE {{
  GRAPH <{RELEASES_GRAPH}> {{
    ?r a isrp:Release ; rdfs:label ?name ; dcterms:issued ?issued .
    OPTIONAL {{ ?r skos:note ?note }}
    OPTIONAL {{ ?r prov:wasAttributedTo/rdfs:label ?actor }}
    OPTIONAL {{ ?r isrp:afterChangeset ?after }}
  }}
}} ORDER BY ?issued ?r
"""


def list_releases(store: Store) -> list[Release]:
    """Every release, oldest first."""
    found: dict[URIRef, Release] = {}
    for row in store.select(_LIST).rows:
        r = URIRef(str(row["r"]))
        if r in found:
            continue
        issued = row["issued"].toPython() if isinstance(row["issued"], Literal) else None
        found[r] = Release(
            iri=r,
            name=str(row["name"]),
            issued=issued if isinstance(issued, datetime) else datetime.fromtimestamp(0, UTC),
            note=str(row["note"]) if row.get("note") else None,
            actor=str(row["actor"]) if row.get("actor") else None,
            after=URIRef(str(row["after"])) if row.get("after") else None,
        )
    return list(found.values())


def find_release(store: Store, name: str) -> Release:
    """The release called ``name`` (or with that slug); ``ReleaseError`` naming the known ones."""
    releases = list_releases(store)
    wanted = name.strip()
    for release in releases:
        if release.name == wanted or release.slug == slug(wanted):
            return release
    known = ", ".join(f"»{r.name}«" for r in releases) or "–"
    raise ReleaseError("release.unknown", name=wanted, known=known)


def create_release(store: Store, name: str, actor: str, note: str | None = None) -> Release:
    """Freeze the registry as it is now under ``name``; an existing name is refused."""
    from isrp_graph.writes import _WRITE_LOCK, WriteError

    name = name.strip()
    if not name:
        raise ReleaseError("release.no_name")
    if not actor or not actor.strip():
        raise WriteError("write.no_actor")
    with _WRITE_LOCK:  # no write of this process half-way while the cut is taken
        for existing in list_releases(store):
            if existing.name == name or existing.slug == slug(name):
                error = ReleaseError("release.exists", name=existing.name)
                error.status = 409  # type: ignore[misc]
                raise error
        release = Release(
            iri=URIRef(RELEASE_BASE + slug(name)),
            name=name,
            issued=datetime.now(UTC),
            note=(note or "").strip() or None,
            actor=actor.strip(),
            after=latest_change(store),
        )
        store.update(
            "INSERT DATA { GRAPH " + iri(str(RELEASES_GRAPH)) + " {\n" + _lines(_triples(release)) + "} }"
        )
    return release


def _triples(release: Release) -> list[tuple]:
    r = release.iri
    triples = [
        (r, RDF.type, ISRP.Release),
        (r, RDF.type, DCAT.Dataset),
        (r, RDF.type, PROV.Entity),
        (r, RDFS.label, Literal(release.name)),
        (r, DCTERMS.issued, Literal(release.issued.isoformat(), datatype=XSD.dateTime)),
    ]
    if release.note:
        triples.append((r, SKOS.note, Literal(release.note)))
    if release.actor:
        agent = agent_iri(release.actor)
        triples += [
            (r, PROV.wasAttributedTo, agent),
            (agent, RDF.type, PROV.Agent),
            (agent, RDFS.label, Literal(release.actor)),
        ]
    if release.after is not None:
        triples.append((r, ISRP.afterChangeset, release.after))
    return triples


def _lines(triples: Iterable[tuple]) -> str:
    return "".join(f"{term(s, 'r')} {term(p, 'r')} {term(o, 'r')} .\n" for s, p, o in triples)


# --- the changes after a release -------------------------------------------------------------------


def changes_after(store: Store, release: Release | None) -> list[Changeset]:
    """The changesets a release does not include, oldest first (``None``: today, none)."""
    if release is None:
        return []
    every = changes_since(store, release.issued)
    if release.after is None:
        return every
    ids = [cs.iri for cs in every]
    if release.after in ids:
        return every[ids.index(release.after) + 1 :]
    return every


class _Descriptions:
    """Today's descriptions of entries, one parse per graph."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._graphs: dict[URIRef, Describer] = {}

    def pairs(self, graph: URIRef, entry: URIRef) -> Counter:
        describer = self._graphs.get(graph)
        if describer is None:
            describer = Describer(self.store.get_graph(graph))
            self._graphs[graph] = describer
        return pairs_of(describer.describe(entry)) if entry in describer.outgoing else Counter()


def _rewind(state: dict[tuple[URIRef, URIRef], Counter], changes: Sequence[Changeset]) -> None:
    for cs in reversed(changes):
        for delta in cs.deltas:
            key = (delta.graph, delta.entry)
            if delta.entry is None or key not in state:
                continue
            rewound = state[key] - delta.added_pairs
            rewound.update(delta.removed_pairs)
            state[key] = +rewound


# --- the difference between two releases ----------------------------------------------------------


@dataclass
class ReleaseDiff:
    old: str
    new: str
    added: list[EntryDiff] = field(default_factory=list)
    removed: list[EntryDiff] = field(default_factory=list)
    changed: list[EntryDiff] = field(default_factory=list)

    def to_json(self) -> dict:
        def entries(items: list[EntryDiff]) -> list[dict]:
            return [
                {
                    "entry": d.entry,
                    "label": d.label,
                    "kind": d.kind,
                    "fields": [
                        {"path": f.path, "label": f.label, "removed": list(f.removed), "added": list(f.added)}
                        for f in d.fields
                    ],
                }
                for d in items
            ]

        return {
            "from": self.old,
            "to": self.new,
            "added": entries(self.added),
            "removed": entries(self.removed),
            "changed": entries(self.changed),
        }

    def rows(self) -> list[list[str]]:
        """One row per field change: Art, Eintrag, Klasse, Feld, vorher, nachher (for CSV)."""
        out = []
        for status, items in (("neu", self.added), ("entfernt", self.removed), ("geändert", self.changed)):
            for d in items:
                for f in d.fields:
                    out.append(
                        [
                            status,
                            d.label,
                            d.kind,
                            f.label,
                            " | ".join(f.removed),
                            " | ".join(f.added),
                            d.entry,
                        ]
                    )
        return out


def net_diff(
    store: Store, between: Sequence[Changeset], later: Sequence[Changeset], lang: str = "de"
) -> tuple[list[EntryDiff], list[EntryDiff], list[EntryDiff]]:
    """(added, removed, changed) entries over the changesets ``between`` (oldest first), where
    ``later`` are the changesets after them up to today; only the touched entries are read."""
    keys = {(d.graph, d.entry) for cs in between for d in cs.deltas if d.entry is not None}
    now = _Descriptions(store)
    state = {key: now.pairs(*key) for key in keys}  # type: ignore[arg-type]
    _rewind(state, later)
    at_new = {k: Counter(v) for k, v in state.items()}
    _rewind(state, between)
    at_old = state
    deltas = []
    for key in sorted(keys, key=lambda k: (str(k[1]), str(k[0]))):
        before, after = at_old[key], at_new[key]
        if before != after:
            deltas.append(EntryDelta(key[0], key[1], freeze(before - after), freeze(after - before)))
    existed_old = {k[1] for k, v in at_old.items() if v}
    existed_new = {k[1] for k, v in at_new.items() if v}
    added: list[EntryDiff] = []
    removed: list[EntryDiff] = []
    changed: list[EntryDiff] = []
    for diff in entry_diffs(store, deltas, lang):
        entry = URIRef(diff.entry)
        if entry not in existed_old:
            added.append(diff)
        elif entry not in existed_new:
            removed.append(diff)
        else:
            changed.append(diff)
    return added, removed, changed


def _resolve(store: Store, name: str) -> Release | None:
    return None if name.strip().lower() == TODAY else find_release(store, name)


def release_diff(store: Store, old_name: str, new_name: str, lang: str = "de") -> ReleaseDiff:
    """Entries added, removed and changed from release ``old_name`` to ``new_name`` (either may be
    ``heute``), with field diffs. Costs what changed in between, not what the store holds."""
    old, new = _resolve(store, old_name), _resolve(store, new_name)
    after_new = changes_after(store, new)
    after_old = changes_after(store, old)
    swapped = len(after_old) < len(after_new)
    if swapped:
        old, new, after_old, after_new = new, old, after_new, after_old
    newer_ids = {cs.iri for cs in after_new}
    between = [cs for cs in after_old if cs.iri not in newer_ids]
    result = ReleaseDiff(old=old_name, new=new_name)
    result.added, result.removed, result.changed = net_diff(store, between, after_new, lang)
    if swapped:
        result.added, result.removed = result.removed, result.added
        for items in (result.added, result.removed, result.changed):
            for d in items:
                for i, f in enumerate(d.fields):
                    d.fields[i] = type(f)(f.path, f.label, f.added, f.removed)
    for items in (result.added, result.removed, result.changed):
        items.sort(key=lambda d: (d.kind.lower(), d.label.lower()))
    return result


# --- the registry at a release ---------------------------------------------------------------------

_CACHE: dict[tuple[int, URIRef], object] = {}
_CACHE_LOCK = threading.Lock()


def store_at(store: Store, release: Release):
    """The registry at ``release`` as a read-only in-memory store (built once per process)."""
    from isrp_graph.changes.commit import _cbd_delete
    from isrp_graph.store.sparql_text import term as sparql_term
    from isrp_graph.validation.graphs import is_record_graph

    key = (id(store), release.iri)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    later = changes_after(store, release)
    copy = ReleaseStore(release)
    source = getattr(store, "ox_store", None)
    if source is not None:
        copy.ox_store.bulk_extend(
            q
            for q in source
            if isinstance(q.graph_name, ox.NamedNode) and not is_record_graph(URIRef(q.graph_name.value))
        )
    else:
        from isrp_graph.store.terms import to_ox

        copy.ox_store.bulk_extend(
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(g)))  # type: ignore[arg-type]
            for s, p, o, g in store.dataset_quads()
            if not is_record_graph(g)
        )
    keys = {(d.graph, d.entry) for cs in later for d in cs.deltas if d.entry is not None}
    now = _Descriptions(store)
    state = {k: now.pairs(*k) for k in keys}  # type: ignore[arg-type]
    _rewind(state, later)
    operations = []
    for (graph, entry), pairs in state.items():
        operations.append(_cbd_delete(graph, [entry]))
        triples = materialise(entry, pairs)
        if triples:
            body = "".join(
                f"{sparql_term(s, 'v')} {sparql_term(p, 'v')} {sparql_term(o, 'v')} .\n"
                for s, p, o in triples
            )
            operations.append(f"INSERT DATA {{ GRAPH {iri(str(graph))} {{\n{body}}} }}")
    if operations:
        EmbeddedStore.update(copy, " ;\n".join(operations))
    with _CACHE_LOCK:
        _CACHE[key] = copy
    return copy


class ReleaseStore(EmbeddedStore):
    """An in-memory copy of the registry at a release: queries work, writes are refused."""

    def __init__(self, release: Release) -> None:
        super().__init__(None)
        self.release = release

    def update(self, update: str) -> None:
        raise ChangeError("release.readonly", name=self.release.name)

    def replace_graphs(self, graphs) -> None:  # type: ignore[no-untyped-def]
        raise ChangeError("release.readonly", name=self.release.name)

    def drop_graph(self, name) -> None:  # type: ignore[no-untyped-def]
        raise ChangeError("release.readonly", name=self.release.name)
