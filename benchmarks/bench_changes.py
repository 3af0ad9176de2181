"""The cost of the change model (issue 13), printed as ratios measured in one run:

- recording a changeset ÷ the write itself: a validated one-entry write with its changeset and
  provenance entry vs. the same write storing only the data delta (goal ≤ 1.2);
- a release diff on the Erfurt registry and on a 100k-quad synthetic registry (benchmarks/synthetic.py,
  one graph per municipality), after K and 4·K one-entry changes: the diff costs what changed, so the
  ratio of the two is about 4 and the store size hardly matters.

    python benchmarks/bench_changes.py [--repeat 5] [--changes 8] [--triples 100000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import synthetic  # noqa: E402
from isrp_graph.changes import commit as commit_module  # noqa: E402
from isrp_graph.changes.releases import create_release, release_diff  # noqa: E402
from isrp_graph.namespaces import GRAPH, ISRP  # noqa: E402
from isrp_graph.registry import build_registry  # noqa: E402
from isrp_graph.store.embedded import EmbeddedStore  # noqa: E402
from isrp_graph.writes import apply_write  # noqa: E402


def timed(work: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def entries_of(store: EmbeddedStore, limit: int) -> list[tuple[URIRef, URIRef]]:
    """Typed entries (plans first) with the data graph that holds their type."""
    found: list[tuple[URIRef, URIRef]] = []
    for cls in (ISRP.SectoralPlan, ISRP.Measure, ISRP.Interface):
        for quad in store.ox_store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(cls))
        ):
            name = quad.graph_name
            if (
                isinstance(name, ox.NamedNode)
                and "/graph/data/" in name.value
                and isinstance(quad.subject, ox.NamedNode)
            ):
                pair = (URIRef(quad.subject.value), URIRef(name.value))
                if pair in found:
                    continue
                found.append(pair)
                if len(found) >= limit:
                    return found
    return found


class Writer:
    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.counter = 0

    def note(self, entry: URIRef, graph_name: URIRef) -> None:
        graph = self.store.get_graph(graph_name)
        self.counter += 1
        graph.add((entry, SKOS.editorialNote, Literal(f"Benchmark {self.counter}", lang="de")))
        apply_write(self.store, {graph_name: graph}, actor="benchmark")


def recording_ratio(store: EmbeddedStore, repeat: int) -> tuple[float, float]:
    """Median one-entry write with and without its record, runs interleaved (the machine is shared:
    alternating cancels load drift)."""
    writer = Writer(store)
    entry, graph_name = entries_of(store, 1)[0]
    writer.note(entry, graph_name)  # warm caches
    saved = commit_module.changeset_triples, commit_module.provenance_triples
    with_record: list[float] = []
    without: list[float] = []
    for _ in range(repeat):
        with_record.append(timed(lambda: writer.note(entry, graph_name), 1))
        commit_module.changeset_triples = lambda cs: []  # type: ignore[assignment]
        commit_module.provenance_triples = lambda cs: []  # type: ignore[assignment]
        try:
            without.append(timed(lambda: writer.note(entry, graph_name), 1))
        finally:
            commit_module.changeset_triples, commit_module.provenance_triples = saved
    return statistics.median(with_record), statistics.median(without)


def record_share(store: EmbeddedStore) -> tuple[float, float]:
    """The recording work alone (changeset and provenance triples, update text) vs. the whole write."""
    writer = Writer(store)
    entry, graph_name = entries_of(store, 1)[0]
    captured: list = []
    original = commit_module.commit

    def spy(store_, cs, contents, whole=()):  # type: ignore[no-untyped-def]
        captured.append(cs)
        original(store_, cs, contents, whole)

    commit_module_commit = commit_module.commit
    import isrp_graph.writes as writes_module

    writes_module.commit = spy  # type: ignore[assignment]
    try:
        whole_write = timed(lambda: writer.note(entry, graph_name), 3)
    finally:
        writes_module.commit = commit_module_commit  # type: ignore[assignment]
    cs = captured[-1]

    def recording() -> None:
        text = commit_module._lines(commit_module.changeset_triples(cs), "c")
        text += commit_module._lines(commit_module.provenance_triples(cs), "p")
        assert text

    return timed(recording, 20), whole_write


def diff_costs(store: EmbeddedStore, changes: int, label: str) -> dict[str, float]:
    """One release, then K one-entry changes (diff timed), then 3·K more (diff timed again)."""
    writer = Writer(store)
    targets = entries_of(store, 4 * changes)
    entry, graph_name = targets[0]
    one_write = timed(lambda: writer.note(entry, graph_name), 3)
    create_release(store, f"{label} A", "benchmark")
    for entry, graph_name in targets[:changes]:
        writer.note(entry, graph_name)
    small = timed(lambda: release_diff(store, f"{label} A", "heute"), 3)
    for entry, graph_name in targets[changes : 4 * changes]:
        writer.note(entry, graph_name)
    large = timed(lambda: release_diff(store, f"{label} A", "heute"), 3)
    found = len(release_diff(store, f"{label} A", "heute").changed)
    print(
        f"  {label}: {len(store):>7} quads; diff after {changes} changes {small * 1000:7.1f} ms, "
        f"after {4 * changes} {large * 1000:7.1f} ms; ratio {large / small:4.2f} (4x the changes; "
        f"{found} entries changed)"
    )
    print(f"  {label}: one validated one-entry write {one_write * 1000:7.1f} ms")
    return {"small": small, "large": large, "write": one_write, "quads": float(len(store))}


def synthetic_store(triples: int) -> EmbeddedStore:
    store = EmbeddedStore(None, query_timeout=120)
    build_registry(store)  # ontology, vocabularies, shapes (and the Erfurt data)
    municipalities = synthetic.municipalities_for(triples)
    rng = random.Random(1)  # the blocks of synthetic.generate, one named graph per municipality
    writer = synthetic._Writer()
    synthetic.shared(writer)
    blocks = [("synth-shared", writer.lines)]
    for number in range(1, municipalities + 1):
        writer = synthetic._Writer()
        writer._bnodes = number * 1000
        synthetic.municipality(writer, number, rng)
        blocks.append((f"synth-{number:04d}", writer.lines))
    quads = [
        line.rstrip()[:-1].rstrip() + f" <{GRAPH['data/' + name]}> .\n"
        for name, lines in blocks
        for line in lines
        if line.strip()
    ]
    store.ox_store.bulk_load(input="".join(quads).encode(), format=ox.RdfFormat.N_QUADS)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--changes", type=int, default=8)
    parser.add_argument("--triples", type=int, default=100_000)
    args = parser.parse_args()

    erfurt = EmbeddedStore(None, query_timeout=120)
    build_registry(erfurt)
    print("Change model benchmark")
    recording, whole = record_share(erfurt)
    print(
        f"  recording work alone: {recording * 1000:7.2f} ms of a {whole * 1000:7.1f} ms write; "
        f"write with record ÷ without ≈ {(whole) / (whole - recording):5.3f}"
    )
    with_record, without = recording_ratio(erfurt, args.repeat)
    print(
        f"  one-entry write on Erfurt: {with_record * 1000:7.1f} ms with its changeset, "
        f"{without * 1000:7.1f} ms without; ratio {with_record / without:4.2f} (goal <= 1.2)"
    )
    print("Release diff (linear in the number of changes, independent of the store size)")
    small_store = diff_costs(erfurt, args.changes, "Erfurt")
    erfurt.close()
    big = synthetic_store(args.triples)
    large_store = diff_costs(big, args.changes, "synthetic")
    big.close()
    print(
        f"  synthetic ÷ Erfurt ({large_store['quads'] / small_store['quads']:.1f}x the quads): "
        f"diff {large_store['large'] / small_store['large']:4.2f}, one write "
        f"{large_store['write'] / small_store['write']:4.2f}"
    )


if __name__ == "__main__":
    main()
