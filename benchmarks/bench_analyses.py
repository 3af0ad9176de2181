"""Times every named query and every analysis on the Erfurt registry and on synthetic multi-municipality
registries (benchmarks/synthetic.py) on pyoxigraph, and the named queries on plain rdflib at the small
size for the ratio. Prints a table, names the slowest query and what limits it, and the scaling ratios
of issue 17:

- all analyses at the largest size ÷ at the size nearest 100k (linear: about the ratio of the sizes);
- one municipality's analyses (``kommunen=(synth-0001,)``) on the largest store ÷ the same municipality
  alone in a store (goal ≤ 2: the cost of a municipality does not depend on the others);
- the wall time of all analyses at the largest size, and the finding counts per size (a faster analysis
  that finds less would show here).

    python -m benchmarks.bench_analyses                      # Erfurt, 10k, 100k, 1M triples
    python -m benchmarks.bench_analyses --sizes 100000,300000 --repeat 1 --no-rdflib

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
from isrp_graph.analyses.registry import ANALYSES, AnalysisOptions, run_all
from isrp_graph.analyses.spatial import spatial_overview
from isrp_graph.loading import load_files, rdf_files
from isrp_graph.queries import NamedQuery, bindings_for, catalogue, run_named
from isrp_graph.registry import build_registry
from isrp_graph.resources import ontology_dir
from isrp_graph.store import EmbeddedStore

DAY = date(2025, 6, 30)
ERFURT_REFERENCE = "https://w3id.org/isrp/erfurt/spatial-system/ortsteile"
SYNTH_REFERENCE = "https://w3id.org/isrp/synth-0001/spatial-system/ortsteile"
SYNTH_FIRST = "https://w3id.org/isrp/synth-0001/org/stadt"

# What drives the cost of each query (checked against the figures; see queries/README.md).
NOTES = {
    "overlaps-target-topic": "candidate pairs (same spatial system, nested scopes, or city-wide) come from "
    "small sub-SELECTs of plans with their isrp:municipality, hash-joined on the municipality: the pairs "
    "grow with the sum over municipalities of (its plans)², i.e. linearly in the number of municipalities; "
    "then per pair the target-group/topic checks. With kommune= every sub-SELECT starts from that "
    "municipality (isrp_graph.scope.bind_kommune)",
    "overlaps-funding": "the same per-municipality plan pairs as overlaps-target-topic, then schemes used "
    "directly or through measures (a shared Land/federal scheme pairs plans of one municipality only)",
    "spatial-nesting": "every unit of every plan's spatial system checked against the reference system with "
    "transitive geo:sfWithin in both directions and geo:sfOverlaps",
    "funding-coordination": "pairs of funded items (measures, facilities, plans) in equal or nested areas of "
    "one municipality (two sub-SELECTs joined on isrp:municipality); shared Land/federal schemes meet in "
    "every municipality, one row per municipality",
    "measure-plan-fit": "plans of all municipalities that share a target group or topic with the measure are "
    "found before the join on the measure's isrp:municipality keeps its own",
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


def _best_cpu(call: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """Best wall time, best CPU time of this process (the steadier figure on a shared machine), result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


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
        "entry": str(plan[0]["p"]) if plan else "https://w3id.org/isrp/none",
        "organisation": SYNTH_FIRST,
    }
    return {p.name: known[p.name] for p in query.parameters if p.name in known}


def erfurt_store() -> EmbeddedStore:
    store = EmbeddedStore(None, query_timeout=None)
    build_registry(store)
    return store


def synthetic_store(
    triples: int, folder: Path, municipalities: int | None = None
) -> tuple[EmbeddedStore, int]:
    """Ontology + vocabularies (for labels and the hierarchy) + a synthetic registry of about ``triples``
    (or of exactly ``municipalities``; the first ones are the same whatever the number)."""
    store = EmbeddedStore(None, query_timeout=None)
    load_files(store, rdf_files(ontology_dir()))
    municipalities = municipalities or synthetic.municipalities_for(triples)
    path = folder / f"synthetic-{triples}-{municipalities}.nt"
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


def time_all(
    store: EmbeddedStore, reference: str, repeat: int, kommunen: tuple[str, ...] = ()
) -> tuple[float, float, dict[str, int]]:
    """All analyses as the CLI, the report and the web app run them (``run_all``, overlaps once): wall
    and CPU seconds, and the finding count of each."""
    options = AnalysisOptions(reference_date=DAY, reference_system=reference, kommunen=kommunen)
    seconds, cpu, reports = _best_cpu(lambda: run_all(store, "de", options), repeat)
    counts = {
        name: sum(len(t) for t in report.tables() if t.finding)  # type: ignore[attr-defined]
        for name, report in reports.items()  # type: ignore[attr-defined]
    }
    return seconds, cpu, counts


def _matrix_cells(store: EmbeddedStore, reference: str, kommunen: tuple[str, ...] = ()) -> int:
    options = AnalysisOptions(reference_date=DAY, reference_system=reference, kommunen=kommunen)
    return len(run_all(store, "de", options, names=("interfaces",))["interfaces"].cells)  # type: ignore[attr-defined]


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
    all_times: dict[str, tuple[float, dict[str, int], int]] = {}  # label -> (seconds, counts, quads)
    all_cpu: dict[str, float] = {}  # label -> CPU seconds of all analyses
    scoped: dict[str, tuple[float, float, dict[str, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = erfurt_store()
        label = f"Erfurt ({len(store):,} q)"
        columns.append(label)
        print(f"measuring {label} …", file=sys.stderr)
        query_times[label] = time_queries(store, ERFURT_REFERENCE, args.repeat)
        analysis_times[label] = time_analyses(store, ERFURT_REFERENCE, args.repeat)
        seconds, all_cpu[label], counts = time_all(store, ERFURT_REFERENCE, args.repeat)
        all_times[label] = (seconds, counts, len(store))
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
            seconds, all_cpu[label], counts = time_all(store, SYNTH_REFERENCE, repeat)
            all_times[label] = (seconds, counts, len(store))
            if index == len(sizes) - 1:
                print(f"measuring one municipality on {label} and alone …", file=sys.stderr)
                first = (SYNTH_FIRST,)
                scoped["shared"] = time_all(store, SYNTH_REFERENCE, args.repeat, first)
                cells_shared = _matrix_cells(store, SYNTH_REFERENCE, first)
                alone, _ = synthetic_store(size, folder, municipalities=1)
                scoped["alone"] = time_all(alone, SYNTH_REFERENCE, args.repeat)
                cells_alone = _matrix_cells(alone, SYNTH_REFERENCE)
                alone_quads = len(alone)
                alone.close()
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

    print("\nall analyses (run_all: overlaps once, as the CLI, report and web app run them):")
    for label, (seconds, counts, _quads) in all_times.items():
        found = ", ".join(f"{n} {counts.get(n, 0)}" for n in ANALYSES)
        print(f"  {label}: {_fmt(seconds)} (CPU {_fmt(all_cpu[label])}) — findings: {found}")
    synthetic_labels = columns[1:]
    if len(synthetic_labels) >= 2:
        base = min(synthetic_labels, key=lambda c: abs(all_times[c][2] - 100_000))
        top = synthetic_labels[-1]
        if base != top:
            size_ratio = all_times[top][2] / all_times[base][2]
            time_ratio = all_times[top][0] / max(all_times[base][0], 1e-9)
            cpu_ratio = all_cpu[top] / max(all_cpu[base], 1e-9)
            print(
                f"\nall analyses at {top} ÷ at {base}: {time_ratio:.1f}× wall, {cpu_ratio:.1f}× CPU for "
                f"{size_ratio:.1f}× the quads (goal ≤ 12 for 1M ÷ 100k, i.e. linear)"
            )
            for name in analysis_times[top]:
                ratio = analysis_times[top][name][0] / max(analysis_times[base][name][0], 1e-9)
                print(f"  {name}(): {ratio:.1f}×")
    if scoped:
        shared_s, shared_cpu, shared_counts = scoped["shared"]
        alone_s, alone_cpu, alone_counts = scoped["alone"]
        same = (
            "same findings"
            if shared_counts == alone_counts and cells_shared == cells_alone
            else (f"DIFFERENT findings: {shared_counts} vs {alone_counts}")
        )
        print(
            f"\none municipality (synth-0001) on {columns[-1]}: {_fmt(shared_s)}; alone in a store "
            f"({alone_quads:,} q): {_fmt(alone_s)} — ratio {shared_s / max(alone_s, 1e-9):.2f}× wall, "
            f"{shared_cpu / max(alone_cpu, 1e-9):.2f}× CPU (goal ≤ 2); "
            f"{same}; matrix cells {cells_shared}/{cells_alone}"
        )
        print(
            f"wall time of all analyses at {columns[-1]}: {_fmt(all_times[columns[-1]][0])} "
            f"(CPU {_fmt(all_cpu[columns[-1]])})"
        )

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
