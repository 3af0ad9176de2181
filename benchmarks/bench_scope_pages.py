"""One municipality's Sozialplanungsreport (HTML), network, process and start-page counts on a shared
synthetic store (benchmarks/synthetic.py) ÷ the same municipality alone in a store (issue 17: the cost
of a municipality should not depend on the others; goal ≤ 2), and on the shared store the scoped call
÷ the unscoped one (what the scope saves).

    python -m benchmarks.bench_scope_pages                      # 100k triples
    python -m benchmarks.bench_scope_pages --size 1000000 --repeat 1

Wall-clock seconds, best of ``--repeat``. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.bench_analyses import SYNTH_FIRST, synthetic_store
from isrp_graph.analyses.basis import example_counts
from isrp_graph.entries import process
from isrp_graph.network import build_network
from isrp_graph.registry import summary
from isrp_graph.reporting import sozialplanungsreport
from isrp_graph.store import EmbeddedStore

DAY = date(2025, 12, 31)


def calls(kommunen: tuple[str, ...]) -> dict[str, Callable[[EmbeddedStore], object]]:
    return {
        "Sozialplanungsreport (HTML)": lambda s: sozialplanungsreport(
            s, 2025, reference_date=DAY, kommunen=kommunen
        ),
        "network": lambda s: build_network(s, kommunen=kommunen),
        "process": lambda s: process(s, "de", kommunen),
        "start-page counts": lambda s: (summary(s, "de", kommunen), example_counts(s, kommunen)),
    }


def best(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="shared store size in triples")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    first = (SYNTH_FIRST,)
    with tempfile.TemporaryDirectory() as tmp:
        shared, count = synthetic_store(args.size, Path(tmp))
        alone, _ = synthetic_store(args.size, Path(tmp), municipalities=1)
        print(
            f"shared: {len(shared):,} quads ({count} municipalities); alone: {len(alone):,} quads",
            file=sys.stderr,
        )
        print(f"{'call':30} {'shared, 1 M.':>13} {'alone':>9} {'÷ alone':>8} {'all M.':>9} {'1 ÷ all':>8}")
        for name, call in calls(first).items():
            on_shared = best(lambda c=call: c(shared), args.repeat)
            on_alone = best(lambda c=call: c(alone), args.repeat)
            everything = best(lambda n=name: calls(())[n](shared), 1)
            print(
                f"{name:30} {on_shared:12.2f}s {on_alone:8.2f}s {on_shared / on_alone:8.1f} "
                f"{everything:8.2f}s {on_shared / everything:8.2f}"
            )
        shared.close()
        alone.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
