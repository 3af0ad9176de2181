"""Full validation split by municipality, optionally in parallel processes.

Every finding belongs to the top-level focus node it was found on (results of nested shapes are
details of that one finding), so splitting the focus nodes splits the findings: the run over all
parts finds exactly what one whole run finds. The parts are

- one per municipality: the entries with ``isrp:municipality`` pointing at it, and the blank nodes they
  hold (terms, memberships, role associations);
- one for everything else, validated once: shared entries (laws, provisions, funding schemes,
  concepts), the ontology and vocabularies, sources, and nodes linked to no municipality.

The state is read, closed under RDFS and indexed once, and the targets of every shape are found once
and split by part. The municipalities are joined into ``2 × jobs`` groups of about equal size (fewer,
larger runs; the same focus nodes), and with ``jobs > 1`` the groups are validated in forked worker
processes that share the state (copy-on-write, the state frozen out of garbage collection), each on
the same full state, so a constraint that looks across municipalities still sees everything. With
one process and no municipality chosen there is nothing to split: one run.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from isrp_graph.messages import normalise_lang
from isrp_graph.namespaces import ISRP
from isrp_graph.store.base import Store
from isrp_graph.validation.check import Prepared, validate_prepared
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.index import IndexedGraph
from isrp_graph.validation.model import ValidationReport, ValidationResult
from isrp_graph.validation.report import _sort_key

MUNICIPALITY = ISRP.municipality


def municipality_parts(data: Graph) -> dict[URIRef, set[Node]]:
    """municipality IRI -> its entries and the blank nodes they hold (through blank nodes only)."""
    parts: dict[URIRef, set[Node]] = {}
    for entry, municipality in data.subject_objects(MUNICIPALITY):
        if isinstance(municipality, URIRef) and not isinstance(entry, BNode):
            parts.setdefault(municipality, set()).add(entry)
    held = _held_blank_nodes(data)
    for members in parts.values():
        frontier = list(members)
        while frontier:
            node = frontier.pop()
            for obj in held(node):
                if obj not in members:
                    members.add(obj)
                    frontier.append(obj)
    return parts


def _held_blank_nodes(data: Graph) -> Callable[[Node], Iterable[Node]]:
    """node -> the blank nodes it has as objects (straight from an :class:`IndexedGraph`'s index)."""
    if isinstance(data, IndexedGraph):
        index = data.subject_index()
        empty: dict = {}

        def held(node: Node) -> Iterator[Node]:
            for objects in index.get(node, empty).values():
                for obj in objects:
                    if type(obj) is BNode:
                        yield obj

        return held
    return lambda node: (o for o in data.objects(node, None) if isinstance(o, BNode))


_PREPARED: Prepared | None = None  # the state the forked workers validate
_BUCKETS: list[dict[int, list[Node]]] = []  # per group of parts: the focus nodes of each shape


def _run_part(args: tuple[int, str]) -> tuple[ValidationResult, ...]:
    index, lang = args
    assert _PREPARED is not None
    from isrp_graph.validation import native
    from isrp_graph.validation.report import build_report

    prepared = _PREPARED
    results = native.run(prepared.data, prepared.shapes, None, _BUCKETS[index])
    return build_report(results, prepared.data, prepared.shapes, lang=lang).results


def _run_part_packed(args: tuple[int, str]) -> list[tuple]:
    return pack(_run_part(args))


def pack(results: Iterable[ValidationResult]) -> list[tuple]:
    """Findings as tuples of their fields, each term as a tuple of text (``(kind, text)``; a literal
    with its language and datatype), the same term always as the same tuple: a worker's findings
    cross the process boundary as small pickles (each distinct term and text pickled once), not as
    one ``URIRef`` (checked again on unpickling) per field; and literals keep their lexical form
    (rdflib's own pickling normalises ``"01"^^xsd:integer`` to ``"1"``)."""
    encoded: dict[Node, tuple] = {}
    texts: dict[str, str] = {}
    packed = []
    for result in results:
        row = []
        for value in astuple_shallow(result):
            if type(value) is URIRef or type(value) is BNode:
                term = encoded.get(value)
                if term is None:
                    term = encoded[value] = ("u" if type(value) is URIRef else "b", str(value))
                row.append(term)
            elif isinstance(value, Literal):
                term = encoded.get(value)
                if term is None:
                    datatype = None if value.datatype is None else str(value.datatype)
                    term = encoded[value] = ("l", str(value), value.language, datatype)
                row.append(term)
            elif type(value) is str:
                row.append(texts.setdefault(value, value))
            else:
                row.append(value)
        packed.append(tuple(row))
    return packed


def unpack(packed: Iterable[tuple]) -> list[ValidationResult]:
    """The findings :func:`pack` packed, each distinct term made once."""
    terms: dict[tuple, Node] = {}
    found = []
    for row in packed:
        values = []
        for value in row:
            if type(value) is tuple:
                term = terms.get(value)
                if term is None:
                    term = terms[value] = _term(value)
                values.append(term)
            else:
                values.append(value)
        found.append(ValidationResult(*values))
    return found


def _term(packed: tuple) -> Node:
    kind, text = packed[0], packed[1]
    if kind == "u":
        return URIRef(text)
    if kind == "b":
        return BNode(text)
    datatype = None if packed[3] is None else URIRef(packed[3])
    return Literal(text, lang=packed[2], datatype=datatype, normalize=False)


def astuple_shallow(result: ValidationResult) -> tuple:
    """The fields of ``result`` in order (not copied, unlike ``dataclasses.astuple``)."""
    return tuple(getattr(result, name) for name in _FIELDS)


_FIELDS = tuple(f.name for f in fields(ValidationResult))


def _groups(parts: list[set[Node]], count: int) -> list[set[Node]]:
    """``parts`` joined into ``count`` groups of about equal size (largest first, each to the smallest
    group): fewer, larger runs, the same focus nodes."""
    groups: list[set[Node]] = [set() for _ in range(max(1, min(count, len(parts))))]
    for part in sorted(parts, key=len, reverse=True):
        min(groups, key=len).update(part)
    return groups


def validate_parts(
    state: GraphState,
    lang: str = "de",
    *,
    jobs: int = 1,
    kommunen: Sequence[str] = (),
) -> ValidationReport:
    """Validate ``state`` part by part (see the module doc) in ``jobs`` processes; with ``kommunen``
    (municipality IRIs) only the entries of those municipalities and their blank nodes."""
    return validate_prepared_parts(Prepared.of(state), lang, jobs=jobs, kommunen=kommunen)


def validate_prepared_parts(
    prepared: Prepared,
    lang: str = "de",
    *,
    jobs: int = 1,
    kommunen: Sequence[str] = (),
    with_graph: bool = False,
) -> ValidationReport:
    """:func:`validate_parts` on a state already prepared. ``with_graph``: one run in this process
    whose report keeps pyshacl's results graph (for the Turtle output; the parts return findings
    only)."""
    lang = normalise_lang(lang)
    with frozen_heap():
        return _validate_frozen(prepared, lang, jobs, kommunen, with_graph)


def _validate_frozen(
    prepared: Prepared, lang: str, jobs: int, kommunen: Sequence[str], with_graph: bool
) -> ValidationReport:
    global _PREPARED, _BUCKETS
    from isrp_graph.validation import native

    if not kommunen and (jobs == 1 or with_graph):  # one run: no parts to find
        return validate_prepared(prepared, lang)
    parts = municipality_parts(prepared.data)
    if with_graph or not native.supports(prepared.shapes):  # shapes with rules etc.: one pyshacl run
        focus = {n for iri in kommunen for n in parts.get(URIRef(iri), ())} if kommunen else None
        return validate_prepared(prepared, lang, focus, expand=False)
    chosen = [parts.get(URIRef(iri), set()) for iri in kommunen] if kommunen else list(parts.values())
    groups = _groups(chosen, 2 * jobs) if chosen else []
    owner = {node: index for index, group in enumerate(groups) for node in group}
    rest = None if kommunen else len(groups)  # the shared entries: one more group
    buckets: list[dict[int, list[Node]]] = [{} for _ in range(len(groups) + (rest is not None))]
    for shape_id, nodes in native.targets(prepared.data, prepared.shapes).items():
        for bucket in buckets:
            bucket[shape_id] = []
        for node in nodes:
            index = owner.get(node, rest)
            if index is not None:
                buckets[index][shape_id].append(node)
    _PREPARED, _BUCKETS = prepared, buckets
    try:
        found = _map(len(buckets), lang, jobs)
    finally:
        _PREPARED, _BUCKETS = None, []
    results = sorted((r for part in found for r in part), key=_sort_key)
    return ValidationReport(
        conforms=not any(r.severity == "Violation" for r in results),
        results=tuple(results),
        generated_at=datetime.now(UTC).replace(microsecond=0),
        lang=lang,
        focus_nodes=frozenset(owner) if kommunen else None,
    )


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Meanwhile, the objects that exist now (the prepared state: millions of terms, tuples and
    dictionaries) are left out of garbage collection (``gc.freeze``), and young objects are collected
    less often: otherwise each collection of the oldest generation scans the whole prepared state
    again, and a forked worker that collects writes to (and so copies) every page of it."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _map(count: int, lang: str, jobs: int) -> list[tuple[ValidationResult, ...]]:
    work = [(index, lang) for index in range(count)]
    jobs = max(1, min(jobs, len(work)))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [_run_part(item) for item in work]
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        return [tuple(unpack(part)) for part in pool.map(_run_part_packed, work, chunksize=1)]


def validate_store(
    store: Store, lang: str = "de", *, jobs: int = 1, kommunen: Sequence[str] = ()
) -> ValidationReport:
    """:func:`validate_parts` on the current state of ``store`` (read as :meth:`Prepared.of_store`
    reads it)."""
    return validate_prepared_parts(Prepared.of_store(store), lang, jobs=jobs, kommunen=kommunen)


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
