"""Times every named query and every analysis on the Erfurt registry and on synthetic multi-municipality
registries (benchmarks/synthetic.py) on pyoxigraph, and the named queries on plain rdflib at the small
size for the ratio. Prints a table, names the slowest query and what limits it.

    python -m benchmarks.bench_analyses                      # Erfurt, 10k, 100k, 1M triples
    python -m benchmarks.bench_analyses --sizes 10000,100000 --repeat 3 --rdflib-timeout 120

Times are wall-clock seconds (best of ``--repeat`` runs) for the full call through the Store (query,
conversion to rdflib terms) or the analysis function (queries + labels + Python). Not a test: nothing
is asserted; the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from benchmarks import synthetic
from isrp_graph.analyses.funding import funding_overview
from isrp_graph.analyses.gaps import find_gaps
from isrp_graph.analyses.interfaces import interface_matrix, plan_interfaces
from isrp_graph.analyses.overlaps import find_overlaps
from isrp_graph.analyses.spatial import spatial_overview
from isrp_graph.loading import load_files, rdf_files
from isrp_graph.queries import NamedQuery, bindings_for, catalogue, run_named
from isrp_graph.registry import build_registry
from isrp_graph.resources import ontology_dir
from isrp_graph.store import EmbeddedStore

DAY = date(2025, 6, 30)
ERFURT_REFERENCE = "https://w3id.org/isrp/erfurt/spatial-system/ortsteile"
SYNTH_REFERENCE = "https://w3id.org/isrp/synth-0001/spatial-system/ortsteile"

# What drives the cost of each query (checked against the figures; see queries/README.md).
NOTES = {
    "overlaps-target-topic": "plan pairs of one municipality are joined on a key computed from the IRI "
    "(https://w3id.org/isrp/<municipality>/); oxigraph joins a computed key by nested loop, so the cost "
    "grows with (all plans)² (11,625 plans at 1M: ~135M comparisons), then per pair the target-group/topic "
    "checks. A municipality node in the data, or one query per municipality, would make it linear",
    "overlaps-funding": "the same plan pairs as overlaps-target-topic, then schemes used directly or through "
    "measures",
    "spatial-nesting": "every unit of every plan's spatial system checked against the reference system with "
    "transitive geo:sfWithin in both directions and geo:sfOverlaps",
    "funding-coordination": "pairs of funded items (measures, facilities, plans) in equal or nested areas; "
    "shared Land/federal schemes meet in every municipality",
    "measure-plan-fit": "plans of all municipalities that share a target group or topic with the measure are "
    "found before the municipality filter keeps the measure's own",
    "plans-overview": "one row per plan with six optional facts and three labels (11,625 rows at 1M)",
    "gaps-target-groups": "for each concept a NOT EXISTS over every plan/measure naming it, a narrower or a "
    "broader concept, each checked for being in force",
    "areas-high-need-uncovered": "(area, facility/measure) pairs via transitive geo:sfWithin, computed once "
    "in a sub-SELECT, joined with every 'hoch' observation",
}


def _best(call: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return min(times), result


def _params(store: EmbeddedStore, query: NamedQuery, reference: str) -> dict[str, str]:
    plan = store.select(
        "SELECT ?p WHERE { ?p a <https://w3id.org/isrp/def#SectoralPlan> } ORDER BY ?p LIMIT 1"
    ).rows
    measure = store.select(
        "SELECT ?m WHERE { ?m <https://w3id.org/isrp/def#measureType> "
        "<https://w3id.org/isrp/vocab/measure-type/operativ> } ORDER BY ?m LIMIT 1"
    ).rows
    known = {
        "plan": str(plan[0]["p"]) if plan else "https://w3id.org/isrp/none",
        "measure": str(measure[0]["m"]) if measure else "https://w3id.org/isrp/none",
        "date": DAY.isoformat(),
        "reference": reference,
    }
    return {p.name: known[p.name] for p in query.parameters if p.name in known}


def erfurt_store() -> EmbeddedStore:
    store = EmbeddedStore(None, query_timeout=None)
    build_registry(store)
    return store


def synthetic_store(triples: int, folder: Path) -> tuple[EmbeddedStore, int]:
    """Ontology + vocabularies (for labels and the hierarchy) + a synthetic registry of about ``triples``."""
    store = EmbeddedStore(None, query_timeout=None)
    load_files(store, rdf_files(ontology_dir()))
    path = folder / f"synthetic-{triples}.nt"
    municipalities = synthetic.municipalities_for(triples)
    synthetic.write(path, municipalities)
    store.ox_store.bulk_load(
        path=str(path),
        format=ox.RdfFormat.N_TRIPLES,
        to_graph=ox.NamedNode("https://w3id.org/isrp/graph/synthetic"),
    )
    return store, municipalities


def time_queries(store: EmbeddedStore, reference: str, repeat: int) -> dict[str, tuple[float, int]]:
    out = {}
    for query in catalogue():
        params = _params(store, query, reference)
        seconds, result = _best(lambda q=query, p=params: run_named(store, q.name, p), repeat)
        out[query.name] = (seconds, len(result))  # type: ignore[arg-type]
    return out


def time_analyses(store: EmbeddedStore, reference: str, repeat: int) -> dict[str, tuple[float, int]]:
    plan = _params(store, next(q for q in catalogue() if q.name == "plan-interfaces"), reference)["plan"]
    calls: dict[str, Callable[[], object]] = {
        "find_overlaps": lambda: find_overlaps(store),
        "interface_matrix": lambda: interface_matrix(store),
        "plan_interfaces": lambda: plan_interfaces(store, plan),
        "find_gaps": lambda: find_gaps(store, DAY),
        "funding_overview": lambda: funding_overview(store),
        "spatial_overview": lambda: spatial_overview(store, reference),
    }
    out = {}
    for name, call in calls.items():
        seconds, report = _best(call, repeat)
        findings = sum(len(t) for t in report.tables() if t.finding)  # type: ignore[attr-defined]
        out[name] = (seconds, findings)
    return out


# --- plain rdflib, in a child process so a runaway query can be stopped -------------------------


def _rdflib_worker(nt_files: list[str], jobs: list[tuple[str, str, dict]], queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from rdflib import Graph, Variable

    graph = Graph()
    for path in nt_files:
        graph.parse(path)
    for name, text, bindings in jobs:
        start = time.perf_counter()
        try:
            rows: int | str = len(
                list(graph.query(text, initBindings={Variable(k): v for k, v in bindings.items()}))
            )
        except Exception as exc:  # rdflib fails on some valid queries; report, do not stop
            rows = f"error: {type(exc).__name__}"
        queue.put((name, time.perf_counter() - start, rows))


def time_rdflib(
    store: EmbeddedStore, triples_file: Path, reference: str, timeout: float
) -> dict[str, tuple[float | None, int | str | None]]:
    """Each named query on an rdflib Graph of the same triples (rdflib's own SPARQL engine)."""
    ontology = [str(p) for p in rdf_files(ontology_dir())]
    jobs = []
    for query in catalogue():
        bound = bindings_for(query, _params(store, query, reference))
        jobs.append((query.name, query.text, bound))
    results: dict[str, tuple[float | None, int | str | None]] = {name: (None, None) for name, _, _ in jobs}
    remaining = list(jobs)
    while remaining:
        queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
        worker = mp.Process(target=_rdflib_worker, args=([*ontology, str(triples_file)], remaining, queue))
        worker.start()
        done = set()
        deadline = time.monotonic() + timeout * len(remaining) + 120
        while len(done) < len(remaining) and time.monotonic() < deadline:
            try:
                name, seconds, rows = queue.get(timeout=timeout + 60)
            except Exception:
                break
            results[name] = (seconds, rows)
            done.add(name)
        worker.terminate()
        worker.join()
        if len(done) == len(remaining):
            break
        stuck = remaining[len(done)]
        results[stuck[0]] = (None, None)  # timed out
        remaining = remaining[len(done) + 1 :]
    return results


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="synthetic sizes in triples")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    parser.add_argument("--rdflib-timeout", type=float, default=300.0, help="seconds per rdflib query")
    parser.add_argument("--no-rdflib", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]

    columns: list[str] = []
    query_times: dict[str, dict[str, tuple[float, int]]] = {}
    analysis_times: dict[str, dict[str, tuple[float, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = erfurt_store()
        label = f"Erfurt ({len(store):,} q)"
        columns.append(label)
        print(f"measuring {label} …", file=sys.stderr)
        query_times[label] = time_queries(store, ERFURT_REFERENCE, args.repeat)
        analysis_times[label] = time_analyses(store, ERFURT_REFERENCE, args.repeat)
        store.close()
        rdflib_times: dict[str, tuple[float | None, int | str | None]] = {}
        for index, size in enumerate(sizes):
            start = time.perf_counter()
            store, municipalities = synthetic_store(size, folder)
            label = f"{len(store):,} q ({municipalities} M.)"
            columns.append(label)
            print(f"measuring {label} (built in {time.perf_counter() - start:.1f} s) …", file=sys.stderr)
            repeat = args.repeat if size <= 200_000 else 1
            query_times[label] = time_queries(store, SYNTH_REFERENCE, repeat)
            analysis_times[label] = time_analyses(store, SYNTH_REFERENCE, repeat)
            if index == 0 and not args.no_rdflib:
                print(f"measuring rdflib at {label} …", file=sys.stderr)
                rdflib_times = time_rdflib(
                    store, folder / f"synthetic-{size}.nt", SYNTH_REFERENCE, args.rdflib_timeout
                )
                rdflib_label = label
            store.close()

    names = sorted(query_times[columns[0]])
    header = ["named query", *columns]
    if rdflib_times:
        header += [f"rdflib {rdflib_label}", "rdflib ÷ oxigraph"]
    rows = []
    for name in names:
        cells = [name] + [f"{_fmt(query_times[c][name][0])} / {query_times[c][name][1]}" for c in columns]
        if rdflib_times:
            seconds, count = rdflib_times[name]
            ox_seconds, ox_count = query_times[rdflib_label][name]
            if isinstance(count, str):
                cells += [count, "—"]
            else:
                same = "" if count is None or count == ox_count else f" (rows {count}≠{ox_count})"
                cells.append(_fmt(seconds) + same)
                cells.append("—" if seconds is None else f"{seconds / max(ox_seconds, 1e-6):,.0f}×")
        rows.append(cells)
    rows.append(["—"] * len(header))
    for name in analysis_times[columns[0]]:
        cells = [f"{name}()"] + [
            f"{_fmt(analysis_times[c][name][0])} / {analysis_times[c][name][1]}" for c in columns
        ]
        rows.append(cells + ([""] * (len(header) - len(cells))))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    print("\ncells: time (best of runs) / rows (queries) or findings (analyses); q = quads")

    largest = columns[-1]
    slowest = sorted(names, key=lambda n: -query_times[largest][n][0])[:3]
    print(f"\nslowest named queries at {largest}:")
    for name in slowest:
        print(f"  {name}: {_fmt(query_times[largest][name][0])} — {NOTES.get(name, 'simple pattern match')}")
    if rdflib_times:
        ratios = [
            seconds / max(query_times[rdflib_label][n][0], 1e-6)
            for n, (seconds, rows) in rdflib_times.items()
            if seconds is not None and not isinstance(rows, str)
        ]
        timed_out = [n for n, (s, _) in rdflib_times.items() if s is None]
        failed = [n for n, (_, rows) in rdflib_times.items() if isinstance(rows, str)]
        if failed:
            print(f"rdflib could not run: {', '.join(failed)}")
        if ratios:
            print(
                f"\nrdflib ÷ oxigraph at {rdflib_label}: median {statistics.median(ratios):,.0f}×, "
                f"max {max(ratios):,.0f}×; timed out (> {args.rdflib_timeout:.0f} s): "
                f"{', '.join(timed_out) or 'none'}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
