"""Storing a change: the data delta, the changeset and its provenance entry in ONE SPARQL Update.

pyoxigraph runs one update request as one transaction, a SPARQL server runs one request as one unit:
after a crash the store has the change with its record, or neither. The request only names what
changes: per changed entry a DELETE of its triples (and the blank nodes it holds) in its graph and an
INSERT of its new triples; the changeset graph and the provenance entry are INSERT DATA, so the log is
appended, never read or rewritten. A graph whose loose blank nodes change, or that is removed, is
replaced as a whole (DROP + INSERT).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from rdflib import URIRef

from isrp_graph.changes.delta import Describer, EntryDelta
from isrp_graph.changes.model import Changeset
from isrp_graph.changes.record import changeset_triples, provenance_triples
from isrp_graph.provenance import PROVENANCE_GRAPH
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri, term

Triple = tuple
CBD_DEPTH = 6

_listeners: list[Callable[[frozenset[URIRef], int], None]] = []
_version = 0


def add_commit_listener(fn: Callable[[frozenset[URIRef], int], None]) -> None:
    """``fn(touched entries, version)`` runs after every committed change of this process."""
    if fn not in _listeners:
        _listeners.append(fn)


def remove_commit_listener(fn: Callable[[frozenset[URIRef], int], None]) -> None:
    if fn in _listeners:
        _listeners.remove(fn)


def _notify(touched: frozenset[URIRef]) -> None:
    global _version
    _version += 1
    for fn in list(_listeners):
        fn(touched, _version)


def commit_version() -> int:
    return _version


def _cbd_delete(graph: URIRef, entries: Iterable[URIRef]) -> str:
    """DELETE every triple of ``entries`` in ``graph`` and of the blank nodes they hold."""
    branches = ["{ ?entry ?p ?o . BIND(?entry AS ?s) }"]
    chain = "?entry ?p0 ?b1 . FILTER(isBlank(?b1))"
    for depth in range(1, CBD_DEPTH):
        branches.append(f"{{ {chain} ?b{depth} ?p ?o . BIND(?b{depth} AS ?s) }}")
        chain += f" ?b{depth} ?p{depth} ?b{depth + 1} . FILTER(isBlank(?b{depth + 1}))"
    values = " ".join(iri(str(e)) for e in sorted(entries, key=str))
    return (
        f"DELETE {{ GRAPH {iri(str(graph))} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {iri(str(graph))} {{ "
        f"VALUES ?entry {{ {values} }} {' UNION '.join(branches)} }} }}"
    )


def _lines(triples: Iterable[Triple], scope: str) -> str:
    return "".join(f"{term(s, scope)} {term(p, scope)} {term(o, scope)} .\n" for s, p, o in triples)


def update_text(
    cs: Changeset, new_graphs: Mapping[URIRef, Iterable[Triple] | None], whole: Iterable[URIRef] = ()
) -> str:
    """The one update request for ``cs``. ``new_graphs`` holds the new content of each changed graph
    (``None``: removed); graphs in ``whole`` are replaced as a whole."""
    replaced = set(whole) | {g for g, content in new_graphs.items() if content is None}
    operations: list[str] = [f"DROP SILENT GRAPH {iri(str(g))}" for g in sorted(replaced, key=str)]
    inserts: list[str] = []
    grouped: dict[URIRef, list[EntryDelta]] = {}
    for delta in cs.deltas:
        grouped.setdefault(delta.graph, []).append(delta)
    for index, (graph, deltas) in enumerate(sorted(grouped.items(), key=lambda item: str(item[0]))):
        content = new_graphs.get(graph)
        if graph in replaced:
            if content is not None:
                inserts.append(f"GRAPH {iri(str(graph))} {{\n{_lines(content, f'g{index}x')}}}\n")
            continue
        entries = [d.entry for d in deltas if d.entry is not None]
        if not entries:
            continue
        operations.append(_cbd_delete(graph, entries))
        describer = Describer(content or ())
        triples = [t for e in entries for t in describer.entry_triples(e)]
        if triples:
            inserts.append(f"GRAPH {iri(str(graph))} {{\n{_lines(triples, f'g{index}x')}}}\n")
    inserts.append(f"GRAPH {iri(str(cs.graph))} {{\n{_lines(changeset_triples(cs), 'c')}}}\n")
    inserts.append(f"GRAPH {iri(str(PROVENANCE_GRAPH))} {{\n{_lines(provenance_triples(cs), 'p')}}}\n")
    operations.append("INSERT DATA {\n" + "".join(inserts) + "}")
    return " ;\n".join(operations)


def commit(
    store: Store,
    cs: Changeset,
    new_graphs: Mapping[URIRef, Iterable[Triple] | None],
    whole: Iterable[URIRef] = (),
) -> None:
    """Apply ``cs`` and record it, atomically; then tell the commit listeners."""
    store.update(update_text(cs, new_graphs, whole))
    _notify(cs.entries)
