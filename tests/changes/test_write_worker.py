"""Writes validated in the worker process (the web app's way) find exactly what the validation in the
web process finds, and the worker ends with the web process, also after a kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from isrp_graph import write_worker
from isrp_graph.namespaces import ISRP, ORG
from isrp_graph.store.embedded import EmbeddedStore
from isrp_graph.writes import WriteRejected, apply_write
from tests.validation.conftest import DATA_GRAPH

E = "https://w3id.org/isrp/erfurt/"
PLAN_ISRP = URIRef(E + "plan/isrp")
GREMIUM = URIRef(E + "body/begleitgremium")
ROOT = Path(__file__).resolve().parents[2]


def _copy(store: EmbeddedStore) -> EmbeddedStore:
    copy = EmbeddedStore(None)
    copy.ox_store.extend(store.ox_store)
    return copy


def _findings(report) -> set[tuple]:  # type: ignore[no-untyped-def]
    return {(r.entry, r.path, r.severity, r.message) for r in report.results}


@pytest.fixture
def in_worker(fixture_store):  # type: ignore[no-untyped-def]
    write_worker.enable(fixture_store)
    yield fixture_store
    write_worker.disable(fixture_store)


def test_an_accepted_write_is_reported_alike_in_the_worker_and_here(in_worker) -> None:
    here = _copy(in_worker)
    before = write_worker.stats()["remote"]
    outcomes = []
    for store in (in_worker, here):
        graph = store.get_graph(DATA_GRAPH)
        graph.add((PLAN_ISRP, SKOS.editorialNote, Literal("Notiz", lang="de")))
        outcomes.append(apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung"))
    assert write_worker.stats()["remote"] > before  # really validated over there
    remote, local = outcomes
    assert remote.report.violations  # the plan's existing Violation, found by both
    assert _findings(remote.report) == _findings(local.report)
    assert remote.report.focus_nodes == local.report.focus_nodes


def test_a_rejected_write_is_rejected_alike_in_the_worker_and_here(in_worker) -> None:
    here = _copy(in_worker)
    rejected = []
    for store in (in_worker, here):
        graph = store.get_graph(DATA_GRAPH)
        membership = BNode()
        graph.add((GREMIUM, ISRP.membership, membership))
        graph.add((membership, RDF.type, ORG.Membership))
        with pytest.raises(WriteRejected) as caught:
            apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung")
        rejected.append(caught.value)
    remote, local = rejected
    assert [(r.entry, r.path) for r in remote.new_violations] == [(GREMIUM, ORG.member)]
    assert [(r.entry, r.path, r.message) for r in remote.new_violations] == [
        (r.entry, r.path, r.message) for r in local.new_violations
    ]


WEB_PROCESS = """
import sys, time
from rdflib import Literal
from rdflib.namespace import SKOS
from isrp_graph import write_worker
from isrp_graph.writes import apply_write
from tests.validation.conftest import DATA_GRAPH, FIXTURES, ONTOLOGY, ONTOLOGY_GRAPH, SHAPES_GRAPH, store_with

if __name__ == "__main__":
    store = store_with({ONTOLOGY_GRAPH: ONTOLOGY, SHAPES_GRAPH: FIXTURES / "shapes.ttl",
                        DATA_GRAPH: FIXTURES / "data.ttl"})
    write_worker.enable(store)
    graph = store.get_graph(DATA_GRAPH)
    graph.add((next(iter(graph.subjects())), SKOS.editorialNote, Literal("Notiz", lang="de")))
    apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung")
    assert write_worker.stats()["remote"] >= 1
    print(write_worker.worker_pid(), flush=True)
    time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie has ended, it only waits to be reaped
        return stat.read().split()[2] != "Z"


def test_the_worker_ends_when_the_web_process_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "web.py"
    script.write_text(WEB_PROCESS)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    web = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, cwd=ROOT, env=env)
    try:
        assert web.stdout is not None
        worker = int(web.stdout.readline().decode().strip())
        assert _alive(worker)
        web.send_signal(signal.SIGKILL)
        web.wait(10)
        deadline = time.monotonic() + 15
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(worker), "the worker outlived the killed web process"
    finally:
        if web.poll() is None:
            web.kill()


def test_a_write_still_succeeds_when_the_worker_was_killed(in_worker) -> None:
    """The worker dies (kill -9, out of memory): the next write is validated all the same (here, or in
    a new worker) and the one after that in a worker again."""
    graph = in_worker.get_graph(DATA_GRAPH)
    graph.add((PLAN_ISRP, SKOS.editorialNote, Literal("eins", lang="de")))
    apply_write(in_worker, {DATA_GRAPH: graph}, "Sozialplanung")
    worker = write_worker.worker_pid()
    assert worker is not None
    os.kill(worker, signal.SIGKILL)
    time.sleep(0.5)
    for text in ("zwei", "drei"):
        graph = in_worker.get_graph(DATA_GRAPH)
        graph.add((PLAN_ISRP, SKOS.editorialNote, Literal(text, lang="de")))
        outcome = apply_write(in_worker, {DATA_GRAPH: graph}, "Sozialplanung")
        assert (PLAN_ISRP, SKOS.editorialNote, Literal(text, lang="de")) in in_worker.get_graph(DATA_GRAPH)
        assert outcome.report.violations  # the plan's existing Violation, still found
    assert write_worker.worker_pid() not in (None, worker)


def test_graphs_the_worker_does_not_hold_are_sent_again(fixture_store) -> None:
    """This process believes the worker holds some graphs it does not (it dropped them, it was
    replaced): the worker says so and gets them in full; the report is the one validated here."""
    from isrp_graph.validation.check import validate_state
    from isrp_graph.validation.graphs import GraphState

    state = GraphState.from_store(fixture_store)
    focus = {PLAN_ISRP, GREMIUM}
    write_worker.warm_up()
    with write_worker._lock:
        write_worker._known.update(write_worker._key(triples) for triples in state.graphs.values())
    before = write_worker.stats()
    remote = write_worker.validate(state, "de", focus)
    assert write_worker.stats()["remote"] == before["remote"] + 1
    assert write_worker.stats()["local"] == before["local"]
    assert _findings(remote) == _findings(validate_state(state, "de", focus, expand=False))
