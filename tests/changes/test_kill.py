"""kill -9 during writes leaves each change with its record, or neither (a real subprocess writing
to an on-disk store, killed at random moments, a bounded number of times)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from isrp_graph.changes.history import changes_since
from isrp_graph.store.embedded import EmbeddedStore
from tests.validation.conftest import DATA_GRAPH

ROOT = Path(__file__).resolve().parents[2]
PLAN_ISRP = URIRef("https://w3id.org/isrp/erfurt/plan/isrp")
ROUNDS = 4

WRITER = textwrap.dedent(
    """
    import sys
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS
    from isrp_graph.store.embedded import EmbeddedStore
    from isrp_graph.writes import apply_write
    from tests.validation.conftest import DATA_GRAPH, FIXTURES, ONTOLOGY, ONTOLOGY_GRAPH, SHAPES_GRAPH, parse

    store = EmbeddedStore(sys.argv[1])
    if not store.graphs():
        store.replace_graphs({ONTOLOGY_GRAPH: parse(ONTOLOGY), SHAPES_GRAPH: parse(FIXTURES / "shapes.ttl"),
                              DATA_GRAPH: parse(FIXTURES / "data.ttl")})
    plan = URIRef("https://w3id.org/isrp/erfurt/plan/isrp")
    n = int(sys.argv[2])
    while True:
        graph = store.get_graph(DATA_GRAPH)
        graph.add((plan, RDFS.comment, Literal(f"note {n}")))
        apply_write(store, {DATA_GRAPH: graph}, "Schreiber")
        print(n, flush=True)
        n += 1
    """
)


def _check(path: Path) -> int:
    store = EmbeddedStore(path)
    try:
        notes = {str(o) for o in store.get_graph(DATA_GRAPH).objects(PLAN_ISRP, RDFS.comment)}
        recorded = set()
        for cs in changes_since(store, None):
            for delta in cs.deltas:
                recorded |= {str(v) for (p, v) in delta.added_pairs if p == RDFS.comment}
        assert notes == recorded  # every applied note has its changeset, and no changeset lacks its note
        return len(notes)
    finally:
        store.close()


def test_kill_during_writes_leaves_both_or_neither(tmp_path):
    path = tmp_path / "store"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(9)
    done = 0
    for _ in range(ROUNDS):
        process = subprocess.Popen(
            [sys.executable, str(script), str(path), str(done + 1000 * (_ + 1))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        assert process.stdout is not None
        line = process.stdout.readline()  # one write has committed
        assert line, process.stderr.read() if process.stderr else ""
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        done = _check(path)
    assert done >= ROUNDS
    _ = Literal
