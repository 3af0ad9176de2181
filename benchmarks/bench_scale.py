"""The issue-17 headline on one store: full validation plus all analyses on a registry of about N quads
(Erfurt's registry plus synthetic municipalities, benchmarks/synthetic.py), wall and CPU seconds, in one
process as ``isrp validate --jobs J`` and ``isrp analyse`` would run them. Prints figures; asserts nothing.

    python -m benchmarks.bench_scale                       # 1M quads, --jobs 1 and 2
    python -m benchmarks.bench_scale --triples 100000 --jobs 2

Goal of issue 17: validate + all analyses at 1M quads under 60 s wall on a 2-core machine. CPU time is
this process's own (forked validation workers are counted in wall time only), so on a shared machine
the wall figure is the one to compare with the goal and the CPU figure the steadier one.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from benchmarks.synthetic import generate, municipalities_for
from isrp_graph.analyses.registry import AnalysisOptions, run_all
from isrp_graph.namespaces import GRAPH
from isrp_graph.registry import build_registry
from isrp_graph.store.embedded import EmbeddedStore
from isrp_graph.validation import check
from isrp_graph.validation.partition import validate_store

SYNTH = ox.NamedNode(str(GRAPH["data/synthetic"]))


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def timed(work: Callable[[], object]) -> tuple[Timing, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu), result


def registry_of(triples: int) -> tuple[EmbeddedStore, int]:
    """Erfurt's registry plus about ``triples`` synthetic triples; (store, number of municipalities)."""
    count = municipalities_for(triples)
    store = EmbeddedStore(query_timeout=None)
    build_registry(store)
    store.ox_store.bulk_load("".join(generate(count)).encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=SYNTH)
    return store, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="synthetic triples (about)")
    parser.add_argument("--jobs", default="1,2", help="validation processes to try, comma-separated")
    args = parser.parse_args()

    loaded, (store, count) = timed(lambda: registry_of(args.triples))
    print(
        f"Registry: Erfurt + {count} synthetic municipalities, {len(store):,} quads "
        f"({loaded.wall:.1f} s to load)"
    )
    analyses, reports = timed(lambda: run_all(store, "de", AnalysisOptions()))
    rows = {name: sum(len(t.rows) for t in report.tables()) for name, report in reports.items()}  # type: ignore[union-attr]
    print(f"  all analyses            {analyses.wall:7.1f} s wall {analyses.cpu:7.1f} s cpu  rows {rows}")
    for jobs in (int(j) for j in args.jobs.split(",")):
        check._CACHE.clear()  # a cold run, as `isrp validate` starts
        validation, report = timed(lambda jobs=jobs: validate_store(store, jobs=jobs))
        total = validation.wall + analyses.wall
        print(
            f"  validate --jobs {jobs}       {validation.wall:7.1f} s wall {validation.cpu:7.1f} s cpu  "
            f"findings {report.counts}"  # type: ignore[attr-defined]
        )
        print(f"  validate --jobs {jobs} + analyses: {total:.1f} s wall (goal < 60 s at 1M quads)")
    store.close()


if __name__ == "__main__":
    main()
