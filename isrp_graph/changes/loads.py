"""``isrp load`` as a recorded change: files loaded into a store that already holds a registry become
one changeset (kind ``load``), applied with the record in one update. The first build of an empty
store is the baseline and is not recorded (it would only double the store)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime

from rdflib import Graph, URIRef

from isrp_graph.changes.commit import _lines, commit
from isrp_graph.changes.delta import graph_deltas
from isrp_graph.changes.model import Changeset
from isrp_graph.provenance import new_activity_iri
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri
from isrp_graph.validation.graphs import is_record_graph


def load_actor() -> str:
    return os.environ.get("ISRP_ACTOR") or os.environ.get("USER") or "isrp load"


def store_graphs(store: Store, graphs: Mapping[URIRef, Graph], *, source: str | None = None) -> None:
    """Replace ``graphs`` (empty graph: drop it) in ``store``, recorded as a changeset unless the
    store is empty. Record graphs in ``graphs`` (a restored backup) are written as they are."""
    if not store.graphs() or getattr(store, "engine", None) == "virtuoso":
        # Virtuoso takes no blank nodes in SPARQL Update (its limit SP031), and a changeset is written
        # as one update: there a load goes through the Graph Store Protocol and is not recorded
        store.replace_graphs(graphs)
        return
    from isrp_graph.writes import _WRITE_LOCK

    with _WRITE_LOCK:
        started = datetime.now(UTC)
        records = {name: g for name, g in graphs.items() if is_record_graph(name)}
        data = {name: g for name, g in graphs.items() if not is_record_graph(name)}
        deltas = []
        contents: dict[URIRef, set | None] = {}
        for name, graph in data.items():
            found = graph_deltas(name, set(store.get_graph(name)), set(graph))
            if found:
                deltas += found
                contents[name] = set(graph) if len(graph) else None
        if records:
            operations = [f"DROP SILENT GRAPH {iri(str(n))}" for n in records]
            body = "".join(
                f"GRAPH {iri(str(n))} {{\n{_lines(g, f'r{i}')}}}\n"
                for i, (n, g) in enumerate(records.items())
            )
            store.update(" ;\n".join(operations) + " ;\nINSERT DATA {\n" + body + "}")
        if not deltas:
            return
        cs = Changeset(
            iri=new_activity_iri(started),
            actor=load_actor(),
            started_at=started,
            ended_at=datetime.now(UTC),
            kind="load",
            source=source,
            deltas=tuple(deltas),
        )
        commit(store, cs, contents, whole=set(contents))
