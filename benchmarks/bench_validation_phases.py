"""Where a full validation of a synthetic registry spends its time, phase by phase. Prints figures;
asserts nothing.

    python benchmarks/bench_validation_phases.py [--synthetic-triples 300000] [--sizes 100000,300000]

For each size: the preparation (read, RDFS closure, index, mirror), the constraint evaluation
(``native.run``) and the report model (``build_report``), wall and CPU time of this process, with the
finding counts (a faster run that finds less shows here) and a digest of all findings (the same digest
before and after a change means the same findings, field by field). With two sizes it prints the
CPU-time ratio large ÷ small of each phase next to the ratio of the sizes (linear: about equal).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from benchmarks.synthetic import generate, municipalities_for  # noqa: E402
from isrp_graph.namespaces import GRAPH  # noqa: E402
from isrp_graph.registry import build_registry  # noqa: E402
from isrp_graph.store.embedded import EmbeddedStore  # noqa: E402
from isrp_graph.validation import native  # noqa: E402
from isrp_graph.validation.check import Prepared  # noqa: E402
from isrp_graph.validation.graphs import GraphState  # noqa: E402
from isrp_graph.validation.report import build_report  # noqa: E402

SYNTH = ox.NamedNode(str(GRAPH["data/synthetic"]))


def phases(triples: int) -> tuple[int, dict[str, tuple[float, float]]]:
    """(quads, phase -> (wall s, cpu s)) of one cold full validation of about ``triples`` triples."""
    store = EmbeddedStore(query_timeout=600)
    build_registry(store)
    data = "".join(generate(municipalities_for(triples))).encode()
    store.ox_store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=SYNTH)
    figures: dict[str, tuple[float, float]] = {}

    def timed(name: str, work):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        figures[name] = (time.perf_counter() - wall, time.process_time() - cpu)
        return result

    prepared = timed("prepare", lambda: Prepared.of(GraphState.from_store(store)))
    results = timed("native.run", lambda: native.run(prepared.data, prepared.shapes))
    report = timed("build_report", lambda: build_report(results, prepared.data, prepared.shapes))
    digest = hashlib.sha256("\n".join(sorted(repr(r) for r in report.results)).encode()).hexdigest()
    print(f"{len(store):>9} quads  findings {report.counts}  digest {digest[:16]}")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:14} wall {wall:8.2f} s   cpu {cpu:8.2f} s")
    quads = len(store)
    store.close()
    return quads, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--sizes", default="100000", help="comma-separated triple counts, e.g. 100000,300000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    runs = [phases(size) for size in sizes]
    if len(runs) >= 2:
        (small_quads, small), (large_quads, large) = runs[0], runs[-1]
        print(f"ratio large / small: quads {large_quads / small_quads:.2f}")
        for name in small:
            print(f"  {name:14} cpu {large[name][1] / max(small[name][1], 1e-9):6.2f}")


if __name__ == "__main__":
    main()
