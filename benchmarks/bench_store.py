"""Benchmark: build the registry in the embedded store (memory and on disk) beside plain rdflib.

Prints load time, triple count, peak Python memory (tracemalloc) and process peak RSS, and the time of
a simple query, with the rdflib figures and the ratio next to them. Nothing is asserted.

    python3 benchmarks/bench_store.py [--repeat 3] [--scale 1]

``--scale N`` loads the shipped files N times into separate graphs, to see how figures grow.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rdflib import Dataset, URIRef

from isrp_graph.loading import graph_name_for, load_files, rdf_format
from isrp_graph.namespaces import GRAPH, sparql_prefixes
from isrp_graph.registry import shipped_files
from isrp_graph.store import EmbeddedStore

QUERY = """
SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)
"""
RDFLIB_FORMATS = {
    "ttl": "turtle",
    "trig": "trig",
    "nt": "nt",
    "nq": "nquads",
    "jsonld": "json-ld",
    "xml": "xml",
}


def measure(action: Callable[[], Any]) -> tuple[float, int, Any]:
    """(seconds, peak bytes allocated by Python, result): timed on a first run without tracing (tracing
    slows Python down), memory measured on a second run under tracemalloc."""
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    second = action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if hasattr(second, "close"):
        second.close()
    return seconds, peak, result


def names_for(files: list[Path], scale: int) -> list[dict[Path, URIRef]]:
    return [
        {f: URIRef(str(graph_name_for(f)) + (f"/copy{i}" if i else "")) for f in files} for i in range(scale)
    ]


def load_embedded(path: Path | None, files: list[Path], scale: int) -> EmbeddedStore:
    store = EmbeddedStore(path, query_timeout=None)
    for names in names_for(files, scale):
        load_files(store, files, graph_names=names)
    return store


def load_rdflib(files: list[Path], scale: int) -> Dataset:
    dataset = Dataset()
    for names in names_for(files, scale):
        for file in files:
            dataset.graph(names[file]).parse(file, format=RDFLIB_FORMATS[rdf_format(file).name])
    return dataset


def timed_query(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    files = shipped_files()
    print(f"{len(files)} files × {args.scale}, graphs under {GRAPH}")

    rows = []
    t_mem, peak_mem, memory = measure(lambda: load_embedded(None, files, args.scale))
    q_mem = timed_query(lambda: memory.select(QUERY), args.repeat)
    rows.append(("pyoxigraph in memory", t_mem, len(memory), peak_mem, q_mem))

    with tempfile.TemporaryDirectory() as folder:
        runs = iter(range(2))
        t_disk, peak_disk, disk = measure(
            lambda: load_embedded(Path(folder) / f"store{next(runs)}", files, args.scale)
        )
        q_disk = timed_query(lambda: disk.select(QUERY), args.repeat)
        rows.append(("pyoxigraph on disk", t_disk, len(disk), peak_disk, q_disk))
        disk.close()

    t_rdf, peak_rdf, dataset = measure(lambda: load_rdflib(files, args.scale))
    query = sparql_prefixes() + QUERY
    dataset.default_union = True
    q_rdf = timed_query(lambda: list(dataset.query(query)), args.repeat)
    quads = sum(len(graph) for graph in dataset.graphs())
    rows.append(("rdflib Dataset (reference)", t_rdf, quads, peak_rdf, q_rdf))

    print(
        f"{'backend':<28} {'load s':>8} {'triples':>9} {'peak MiB':>9} {'query ms':>9}"
        f" {'load ×':>7} {'query ×':>8}"
    )
    for name, load_s, triples, peak, query_s in rows:
        print(
            f"{name:<28} {load_s:>8.3f} {triples:>9} {peak / 2**20:>9.1f} {query_s * 1000:>9.2f}"
            f" {t_rdf / load_s:>7.1f} {q_rdf / query_s:>8.1f}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MiB   (× = how many times faster than rdflib)")
    memory.close()


if __name__ == "__main__":
    main()
