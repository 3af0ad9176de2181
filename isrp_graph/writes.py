"""Validated writes: a change is checked before it is stored, and every accepted change is recorded.

``apply_write`` (whole named graphs), ``apply_delta`` (quads added and removed) and
``apply_entry_deltas`` (entry-level deltas, as reverts and proposals have them) all end in one
pipeline: read only the graphs the change names, compute the entry deltas
(:mod:`isrp_graph.changes.delta`), validate the affected nodes on their neighbourhood (before and
after), refuse with ``WriteRejected`` when the change would bring a Violation that is not already
there, otherwise store the delta, the changeset and its provenance entry in ONE update request
(:mod:`isrp_graph.changes.commit`). A refused write touches nothing; readers see the old state until
the update commits. Changes to shapes or to the class hierarchy are validated on the whole store.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.term import BNode, Node

from isrp_graph import write_worker
from isrp_graph.changes import texts as _change_texts  # noqa: F401  (registers change.* messages)
from isrp_graph.changes.commit import add_commit_listener, commit, remove_commit_listener
from isrp_graph.changes.delta import Describer, EntryDelta, apply_pairs, graph_deltas, materialise, pairs_of
from isrp_graph.changes.model import Changeset, is_record_graph
from isrp_graph.messages import LocalizedError, normalise_lang, t
from isrp_graph.provenance import new_activity_iri
from isrp_graph.store.base import Store
from isrp_graph.validation import texts as _texts  # noqa: F401  (registers write.* messages)
from isrp_graph.validation.check import Prepared, validate_state
from isrp_graph.validation.diff import SCHEMA_PREDICATES
from isrp_graph.validation.focus import affected_nodes
from isrp_graph.validation.graphs import GraphState, is_shapes_graph
from isrp_graph.validation.model import ValidationReport, ValidationResult
from isrp_graph.write_policy import check_writable

if TYPE_CHECKING:
    from isrp_graph.validation.schema_cache import Schema

__all__ = [
    "WriteError",
    "WriteOutcome",
    "WriteRejected",
    "add_commit_listener",
    "apply_delta",
    "apply_entry_deltas",
    "apply_trusted_write",
    "apply_write",
    "check_changes",
    "new_violations",
    "remove_commit_listener",
]

# One write at a time in this process: validation and storing must see the same state.
_WRITE_LOCK = threading.RLock()
Triple = tuple
Quad = tuple


class WriteError(LocalizedError, ValueError):
    """A change that cannot be attempted at all (bad graph, no actor)."""


class WriteRejected(LocalizedError):
    """The change would introduce Violations; nothing was stored. ``report`` is the validation of the
    would-be state, ``new_violations`` the findings that the change would add."""

    key = "write.rejected"

    def __init__(
        self, report: ValidationReport, new_violations: tuple[ValidationResult, ...], lang: str = "de"
    ) -> None:
        self.report = report
        self.new_violations = new_violations
        self.lang = normalise_lang(lang)
        details = "; ".join(
            t(
                "write.rejected_item",
                self.lang,
                entry=f"{r.entry_label} <{r.entry}>" if isinstance(r.entry, URIRef) else r.entry_label,
                field=r.path_label or r.focus_type_label,
                message=r.message,
            )
            for r in new_violations
        )
        self.params = {"n": len(new_violations), "details": details}
        Exception.__init__(self, t(self.key, self.lang, **self.params))


@dataclass(frozen=True)
class WriteOutcome:
    """An accepted write: the recorded changeset and the validation of the written nodes."""

    activity: URIRef
    graphs: tuple[URIRef, ...]
    added: int
    removed: int
    started_at: datetime
    ended_at: datetime
    report: ValidationReport
    full_validation: bool
    changeset: Changeset | None = None


@dataclass(frozen=True)
class _Meta:
    actor: str
    approver: str | None = None
    comment: str | None = None
    source: str | None = None
    kind: str = "write"
    reverts: URIRef | None = None


def apply_write(
    store: Store,
    changes: Mapping[URIRef, Graph | None],
    actor: str,
    lang: str = "de",
    *,
    approver: str | None = None,
    comment: str | None = None,
    source: str | None = None,
    kind: str = "write",
) -> WriteOutcome:
    """Replace each named graph in ``changes`` (``None`` removes it) if that adds no Violation.

    ``approver`` (who approved a proposal), ``comment`` and ``source`` (e.g. the proposal's IRI or a
    file name) are recorded with the activity (``dcterms:contributor``, ``rdfs:comment``,
    ``dcterms:source``).

    Raises ``WriteRejected`` (carrying the report) when the change would add a Violation, and
    ``WriteError`` when a change names a graph that may not be written (``write_policy``) or no
    actor is given.
    """
    meta = _meta(actor, approver, comment, source, kind)
    for name in changes:
        check_writable(URIRef(str(name)), lang)
    return _apply_graphs(store, changes, meta, lang)


def apply_trusted_write(
    store: Store,
    changes: Mapping[URIRef, Graph | None],
    actor: str,
    lang: str = "de",
    **kwargs: str | None,
) -> WriteOutcome:
    """:func:`apply_write` for the administrator's own tools (command line): may also change the
    ontology, vocabularies and shapes; never the provenance, changeset or release graphs."""
    meta = _meta(
        actor,
        kwargs.get("approver"),
        kwargs.get("comment"),
        kwargs.get("source"),
        kwargs.get("kind") or "write",
    )
    return _apply_graphs(store, changes, meta, lang)


def apply_delta(
    store: Store,
    added: Iterable[Quad],
    removed: Iterable[Quad],
    actor: str,
    lang: str = "de",
    **kwargs: str | None,
) -> WriteOutcome:
    """Add and remove quads ``(s, p, o, graph)``. Blank nodes in ``removed`` are those the store
    returned (``store.get_graph``); validated and recorded like :func:`apply_write`."""
    plus: dict[URIRef, list[Triple]] = {}
    minus: dict[URIRef, set[Triple]] = {}
    for s, p, o, g in added:
        plus.setdefault(URIRef(str(g)), []).append((s, p, o))
    for s, p, o, g in removed:
        minus.setdefault(URIRef(str(g)), set()).add((s, p, o))
    meta = _meta(
        actor,
        kwargs.get("approver"),
        kwargs.get("comment"),
        kwargs.get("source"),
        kwargs.get("kind") or "write",
    )
    for name in {*plus, *minus}:
        check_writable(name, lang)
    with _WRITE_LOCK:
        changes: dict[URIRef, Graph | None] = {}
        read: dict[URIRef, set[Triple]] = {}
        for name in {*plus, *minus}:
            read[name] = _read(store, name)
            graph = Graph()
            for triple in read[name]:
                if triple not in minus.get(name, ()):
                    graph.add(triple)
            for triple in plus.get(name, ()):
                graph.add(triple)
            changes[name] = graph
        return _apply_graphs(store, changes, meta, lang, read)


def apply_entry_deltas(
    store: Store,
    deltas: Iterable[EntryDelta],
    actor: str,
    lang: str = "de",
    *,
    reverts: URIRef | None = None,
    **kwargs: str | None,
) -> WriteOutcome:
    """Apply entry-level deltas (removed and added pairs of an entry in a graph) to the current
    entries: the path of reverts, restores and approved proposals. Raises ``WriteError`` with
    ``change.conflict`` when a removed pair is no longer there."""
    meta = _meta(
        actor,
        kwargs.get("approver"),
        kwargs.get("comment"),
        kwargs.get("source"),
        kwargs.get("kind") or "write",
        reverts,
    )
    grouped: dict[URIRef, list[EntryDelta]] = {}
    for delta in deltas:
        grouped.setdefault(delta.graph, []).append(delta)
    for name in grouped:
        check_writable(name, lang)
    with _WRITE_LOCK:
        changes: dict[URIRef, Graph | None] = {}
        read: dict[URIRef, set[Triple]] = {}
        for name, items in grouped.items():
            read[name] = _read(store, name)
            triples = list(read[name])
            describer = Describer(triples)
            replaced = {d.entry for d in items}
            keep = set(triples)
            for entry in replaced:
                if entry is None:
                    raise WriteError("change.orphans_not_revertible", graph=str(name))
                keep -= set(describer.entry_triples(entry))
            graph = Graph()
            for triple in keep:
                graph.add(triple)
            for delta in items:
                current = (
                    pairs_of(describer.describe(delta.entry))
                    if delta.entry in describer.outgoing
                    else Counter()
                )
                missing = delta.removed_pairs - current
                if missing:
                    raise WriteError("change.conflict", entry=str(delta.entry), count=sum(missing.values()))
                for triple in materialise(delta.entry, apply_pairs(current, delta)):
                    graph.add(triple)
            changes[name] = graph
        return _apply_graphs(store, changes, meta, lang, read)


def _meta(
    actor: str,
    approver: str | None,
    comment: str | None,
    source: str | None,
    kind: str,
    reverts: URIRef | None = None,
) -> _Meta:
    if not actor or not actor.strip():
        raise WriteError("write.no_actor")
    return _Meta(
        actor=actor.strip(),
        approver=approver.strip() if approver and approver.strip() else None,
        comment=comment.strip() if comment and comment.strip() else None,
        source=source or None,
        kind=kind,
        reverts=reverts,
    )


def _apply_graphs(
    store: Store,
    changes: Mapping[URIRef, Graph | None],
    meta: _Meta,
    lang: str,
    read: Mapping[URIRef, set[Triple]] | None = None,
) -> WriteOutcome:
    for name in changes:
        if is_record_graph(URIRef(str(name))):
            raise WriteError("write.forbidden_graph", graph=str(name))
    names = tuple(sorted(URIRef(str(n)) for n in changes))
    with _WRITE_LOCK:
        started = _now()
        new, deltas, full, report_after = _checked(store, changes, lang, read)
        cs = Changeset(
            iri=new_activity_iri(started),
            actor=meta.actor,
            started_at=started,
            ended_at=_now(),
            kind=meta.kind,
            approver=meta.approver,
            comment=meta.comment,
            source=meta.source,
            reverts=meta.reverts,
            deltas=tuple(deltas),
        )
        whole = {d.graph for d in deltas if d.entry is None}
        contents = {name: (None if changes[name] is None else new[name]) for name in names}
        commit(store, cs, contents, whole)
        if full:
            from isrp_graph.validation.neighbourhood import SCHEMA_CACHE

            SCHEMA_CACHE.invalidate()
    return WriteOutcome(
        activity=cs.iri,
        graphs=names,
        added=cs.added,
        removed=cs.removed,
        started_at=started,
        ended_at=cs.ended_at,
        report=report_after,
        full_validation=full,
        changeset=cs,
    )


def check_changes(store: Store, changes: Mapping[URIRef, Graph | None], lang: str = "de") -> ValidationReport:
    """Validate ``changes`` (whole named graphs) the way :func:`apply_write` does, without storing them:
    only the changed graphs are read, and the neighbourhood of the changed entries is validated. Raises
    ``WriteRejected`` when the change would add a Violation; returns the report of the changed nodes."""
    return _checked(store, changes, lang)[3]


def _checked(
    store: Store,
    changes: Mapping[URIRef, Graph | None],
    lang: str,
    read: Mapping[URIRef, set[Triple]] | None = None,
) -> tuple[dict[URIRef, set[Triple]], list[EntryDelta], bool, ValidationReport]:
    """(new content, entry deltas, whether validated in full, report) of an acceptable change.
    ``read``: graphs the caller has just read under the write lock (not read again)."""
    names = tuple(sorted(URIRef(str(n)) for n in changes))
    read = read or {}
    old = {name: set(read[name]) if name in read else _read(store, name) for name in names}
    new = {URIRef(str(k)): (set(graph) if graph is not None else set()) for k, graph in changes.items()}
    deltas = [d for name in names for d in graph_deltas(name, old[name], new[name])]
    full = (
        any(is_shapes_graph(n) for n in names)
        or any(_touches_schema(d) for d in deltas)
        or _types_a_term(store, deltas)
    )
    report_after, added = _validate(store, old, new, deltas, full, lang)
    if added:
        raise WriteRejected(report_after, added, lang)
    return new, deltas, full, report_after


def _read(store: Store, name: URIRef) -> set[Triple]:
    """The triples of one graph: straight from the embedded store's index when it offers that."""
    reader = getattr(store, "graph_triples", None)
    return set(reader(name)) if callable(reader) else set(store.get_graph(name))


def _touches_schema(delta: EntryDelta) -> bool:
    if delta.entry is None:
        return True
    return any(p in SCHEMA_PREDICATES for (p, _v) in (*delta.removed_pairs, *delta.added_pairs))


def _types_a_term(store: Store, deltas: Iterable[EntryDelta]) -> bool:
    """Whether a change adds or removes a triple that types a class or property by range: the write
    path reads those once with the schema (:mod:`isrp_graph.validation.schema_cache`), so such a
    change is a change of the schema."""
    ox_store = getattr(store, "ox_store", None)
    if ox_store is None:
        return False
    from isrp_graph.validation.neighbourhood import SCHEMA_CACHE

    schema = SCHEMA_CACHE.schema(ox_store)
    return any(_pairs_type_a_term(schema, (*d.removed_pairs, *d.added_pairs)) for d in deltas)


def _pairs_type_a_term(schema: Schema, pairs: Iterable[tuple]) -> bool:
    for predicate, value in pairs:
        if isinstance(value, tuple) and value and value[0] == "bnode":  # a blank node's own pairs
            if _pairs_type_a_term(schema, (pair for pair, _count in value[1])):
                return True
        elif schema.types_a_term(predicate, value):
            return True
    return False


def _validate(
    store: Store,
    old: Mapping[URIRef, set[Triple]],
    new: Mapping[URIRef, set[Triple]],
    deltas: list[EntryDelta],
    full: bool,
    lang: str,
) -> tuple[ValidationReport, tuple[ValidationResult, ...]]:
    touched = {d.entry for d in deltas if d.entry is not None}
    ox_store = getattr(store, "ox_store", None)
    if not full and ox_store is not None:
        from isrp_graph.validation.neighbourhood import View, affected_in, local_state

        hubs: dict = {}  # what points at a hub, asked once for the three views of this moment
        before_view, after_view = View(ox_store, hubs=hubs), View(ox_store, new, hubs=hubs)
        focus: set[Node] = set()
        if touched:
            # the nodes affected before or after the change: one walk over both states at once (the
            # affected set only grows with the triples, so that of the union holds both)
            both = View(ox_store, {name: old.get(name, set()) | new[name] for name in new}, hubs=hubs)
            focus = affected_in(both, touched, ox_store)
        after = local_state(after_view, focus, ox_store, touched)
        report_after = _validate_extract(store, after, lang, focus)
        if not report_after.violations:  # nothing the change could have brought
            return report_after, ()
        before = local_state(before_view, focus, ox_store, touched)
        report_before = _validate_extract(store, before, lang, focus)
        return report_after, new_violations(report_before, report_after)
    before_state = GraphState.from_store(store)
    before_state = GraphState({n: g for n, g in before_state.graphs.items() if not is_record_graph(n)})
    changes = {name: _graph(new[name]) for name in new}
    after_state = before_state.with_changes(changes)
    before_prepared, after_prepared = Prepared.of(before_state), Prepared.of(after_state)
    focus_all: set[Node] | None = None
    if not full:
        focus_all = affected_nodes(before_prepared.data, touched) | affected_nodes(
            after_prepared.data, touched
        )
    report_after = validate_state(after_state, lang, focus_all, expand=False, prepared=after_prepared)
    if not report_after.violations:
        return report_after, ()
    report_before = validate_state(before_state, lang, focus_all, expand=False, prepared=before_prepared)
    return report_after, new_violations(report_before, report_after)


def _validate_extract(store: Store, state: GraphState, lang: str, focus: set[Node]) -> ValidationReport:
    """Validate ``focus`` on a neighbourhood extract: in the validation worker when the store is
    registered there (the web app's store), else here."""
    if write_worker.enabled(store):
        from isrp_graph.validation.neighbourhood import SCHEMA_CACHE

        schema, _shapes = SCHEMA_CACHE.get(store.ox_store)  # type: ignore[attr-defined]
        return write_worker.validate(state, lang, focus, base=schema)
    return validate_state(state, lang, focus, expand=False)


def _graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _violation_key(result: ValidationResult) -> tuple:
    """Identifies a Violation across two states, where blank nodes have different ids: by its entry,
    and for a blank-node focus by the kind of node instead of its id."""
    focus = (result.focus_type,) if isinstance(result.focus, BNode) else (result.focus,)
    value = None if isinstance(result.value, BNode) else result.value
    return (result.entry, *focus, result.path, result.node_shape, result.constraint, value)


def new_violations(before: ValidationReport, after: ValidationReport) -> tuple[ValidationResult, ...]:
    """The Violations of ``after`` that ``before`` does not have (counted, so a second identical
    finding on another blank node of the same entry is new as well)."""
    remaining = Counter(_violation_key(r) for r in before.violations)
    fresh: list[ValidationResult] = []
    for result in after.violations:
        key = _violation_key(result)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(result)
    return tuple(fresh)


def _now() -> datetime:
    return datetime.now(UTC)
