"""Validated writes: a change is checked before it is stored, and every accepted change is logged.

``apply_write`` builds the state the store would have after the change, validates the nodes the change
can affect (in the current and in the would-be state), and refuses the change with ``WriteRejected``
when it would bring any Violation that is not already there. Otherwise all graphs and the provenance
entry are replaced in one atomic ``store.replace_graphs`` call. A refused write touches nothing.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from rdflib.term import BNode, Node

from isrp_graph.messages import LocalizedError, normalise_lang, t
from isrp_graph.provenance import PROVENANCE_GRAPH, ChangeRecord, agent_iri, log_with, new_activity_iri
from isrp_graph.store.base import Store
from isrp_graph.validation import texts as _texts  # noqa: F401  (registers write.* messages)
from isrp_graph.validation.check import Prepared, validate_state
from isrp_graph.validation.diff import diff_graph
from isrp_graph.validation.focus import affected_nodes
from isrp_graph.validation.graphs import GraphState, is_shapes_graph
from isrp_graph.validation.model import ValidationReport, ValidationResult

# One write at a time in this process: validation and replacement must see the same state.
_WRITE_LOCK = threading.RLock()


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
    """An accepted write: what was logged and the validation of the written nodes."""

    activity: URIRef
    graphs: tuple[URIRef, ...]
    added: int
    removed: int
    started_at: datetime
    ended_at: datetime
    report: ValidationReport
    full_validation: bool


def apply_write(
    store: Store,
    changes: Mapping[URIRef, Graph | None],
    actor: str,
    lang: str = "de",
    *,
    approver: str | None = None,
    comment: str | None = None,
    source: str | None = None,
) -> WriteOutcome:
    """Replace each named graph in ``changes`` (``None`` removes it) if that adds no Violation.

    ``approver`` (who approved a proposal), ``comment`` and ``source`` (e.g. the proposal's IRI or a
    file name) are recorded with the activity (``dcterms:contributor``, ``rdfs:comment``,
    ``dcterms:source``).

    Raises ``WriteRejected`` (carrying the report) when the change would add a Violation, and
    ``WriteError`` when a change names the provenance graph or no actor is given.
    """
    if not actor or not actor.strip():
        raise WriteError("write.no_actor")
    for name in changes:
        if name == PROVENANCE_GRAPH:
            raise WriteError("write.forbidden_graph", graph=str(name))
    names = tuple(sorted(URIRef(str(n)) for n in changes))
    with _WRITE_LOCK:
        started = _now()
        before = GraphState.from_store(store)
        after = before.with_changes(changes)
        diffs = [diff_graph(before.triples(n), after.triples(n)) for n in names]
        full = any(is_shapes_graph(n) for n in names) or any(
            d.touches_schema or d.touches_orphans for d in diffs
        )
        before_prepared, after_prepared = Prepared.of(before), Prepared.of(after)
        focus: set[Node] | None = None
        if not full:
            touched = set().union(*(d.changed_subjects for d in diffs)) if diffs else set()
            focus = affected_nodes(before_prepared.data, touched) | affected_nodes(
                after_prepared.data, touched
            )
        report_before = validate_state(before, lang, focus, expand=False, prepared=before_prepared)
        report_after = validate_state(after, lang, focus, expand=False, prepared=after_prepared)
        added = new_violations(report_before, report_after)
        if added:
            raise WriteRejected(report_after, added, lang)
        ended = _now()
        record = ChangeRecord(
            activity=new_activity_iri(started),
            actor=actor.strip(),
            started_at=started,
            ended_at=ended,
            graphs=names,
            added=sum(d.added for d in diffs),
            removed=sum(d.removed for d in diffs),
        )
        replacements: dict[URIRef, Graph] = {
            name: graph if graph is not None else Graph() for name, graph in changes.items()
        }
        log = log_with(before.triples(PROVENANCE_GRAPH), record)
        _annotate(log, record.activity, approver, comment, source)
        replacements[PROVENANCE_GRAPH] = log
        store.replace_graphs(replacements)
        for name, graph in changes.items():
            if graph is None:
                store.drop_graph(name)
    return WriteOutcome(
        activity=record.activity,
        graphs=names,
        added=record.added,
        removed=record.removed,
        started_at=started,
        ended_at=ended,
        report=report_after,
        full_validation=full,
    )


def _annotate(
    log: Graph, activity: URIRef, approver: str | None, comment: str | None, source: str | None
) -> None:
    if approver and approver.strip():
        agent = agent_iri(approver.strip())
        log.add((activity, DCTERMS.contributor, agent))
        log.add((agent, RDF.type, PROV.Agent))
        log.add((agent, RDFS.label, Literal(approver.strip())))
    if comment and comment.strip():
        log.add((activity, RDFS.comment, Literal(comment.strip())))
    if source and source.strip():
        value = source.strip()
        log.add((activity, DCTERMS.source, URIRef(value) if value.startswith("https://") else Literal(value)))


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
