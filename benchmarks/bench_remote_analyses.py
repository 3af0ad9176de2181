"""All analyses and named queries on a REAL remote store against the embedded store, on a synthetic
multi-municipality registry (benchmarks/synthetic.py, e.g. 1M quads; issue 17).

The embedded store (pyoxigraph on disk, as an installation's ``var/store``; ``--memory``: in memory, about
4x faster than RocksDB at 100k quads) gets the ontology and the synthetic registry; its dataset is
dumped as N-Quads, bulk-loaded into a folder with ``oxigraph load`` and served by ``oxigraph serve
--union-default-graph`` on ``--port`` (this helper's range). Both stores then run every analysis
(``run_all``'s steps: overlaps once, the interface matrix reusing them) and every named query, for all
municipalities and for one (``kommunen=(synth-0001,)``), and the script prints per analysis and query the
time remote ÷ embedded (wall and CPU; the remote CPU is this process plus the server's) and whether the
answers AGREE: the normalised JSON of the reports (``isrp_graph.analyses.registry.jsonable``) or the rows
of the query are equal (``same``; a literal is compared as its set of space-separated words, as the order
of ``GROUP_CONCAT`` is undefined in SPARQL and differs between two oxigraph stores), equal but in another
order (``order``), a named error (``error (QueryTimeout)`` …) or different (``DIFF``, never expected).
The finding counts per analysis (rows per query) are printed too. Times are the best of ``--repeat``
runs; a row whose slowest run took at least 5x the CPU of its best (and 0.1 s) says so: oxigraph
chooses its join order anew in each run, so the same query on the same store took 20-40x longer in some
of 12 runs (100k quads, scoped ``gaps-mandatory-provisions`` and ``gaps-target-groups``); at 1M quads,
one run each, scoped ``gaps-mandatory-provisions`` took 0.28 s embedded and 86.6 s remote, and
``gaps-target-groups`` 256 s embedded and 1.9 s remote — opposite ways, so not the store's doing.

    python -m benchmarks.bench_remote_analyses --triples 100000
    nice -n 10 python -m benchmarks.bench_remote_analyses --triples 1000000 --timeout 10
    python -m benchmarks.bench_remote_analyses --triples 100000 --engines oxigraph,virtuoso

``--timeout`` is the query timeout of both stores (default: the setting's default, so the run shows what
an installation sees; 0 = none). Not a test: nothing is asserted; the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal

from benchmarks import synthetic
from benchmarks.servers import cpu_seconds, oxigraph_load, oxigraph_process
from isrp_graph.analyses.registry import ANALYSES, AnalysisOptions, jsonable, run_analysis
from isrp_graph.loading import load_files, rdf_files
from isrp_graph.namespaces import GRAPH
from isrp_graph.queries import NamedQuery, catalogue, run_named
from isrp_graph.resources import ontology_dir
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore, RemoteStore, Store, StoreError

DAY = date(2025, 6, 30)
REFERENCE = "https://w3id.org/isrp/synth-0001/spatial-system/ortsteile"
FIRST = "https://w3id.org/isrp/synth-0001/org/stadt"
SYNTHETIC_GRAPH = "https://w3id.org/isrp/graph/synthetic"
PORT = 18400


@dataclass
class Outcome:
    """One analysis or query on one store: wall and CPU seconds, and its answer (normalised) or the
    error it raised."""

    wall: float
    cpu: float
    answer: Any = None
    error: str | None = None
    findings: int | None = None
    worst_cpu: float = 0.0  # the slowest of the repeated runs (CPU)


@dataclass
class Meter:
    """Wall and CPU clocks of this process (and of a server process, when there is one)."""

    server_pid: int | None = None

    def cpu(self) -> float:
        own = time.process_time()
        return own + (cpu_seconds(self.server_pid) if self.server_pid else 0.0)

    repeat: int = 1

    def timed(self, call: Callable[[], Any]) -> tuple[float, float, Any, str | None, float]:
        """The best wall and CPU time of ``repeat`` calls (oxigraph's join order varies from run to
        run: the same query may take 20x longer in one run), the last answer or the first error, and
        the worst CPU time."""
        walls, cpus = [], []
        for _ in range(self.repeat):
            wall, cpu = time.perf_counter(), self.cpu()
            try:
                value, error = call(), None
            except StoreError as exc:
                value, error = None, f"{type(exc).__name__}: {str(exc)[:160]}"
            walls.append(time.perf_counter() - wall)
            cpus.append(self.cpu() - cpu)
            if error:
                break
        return min(walls), min(cpus), value, error, max(cpus)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _unordered(value: Any) -> Any:
    """The JSON value with every list sorted (to tell "same rows, other order" from a difference)."""
    if isinstance(value, dict):
        return {k: _unordered(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_unordered(v) for v in value), key=_canonical)
    return value


def _term(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, BNode):
        return "_:b"  # blank node labels are the store's own
    if isinstance(value, Literal):  # GROUP_CONCAT's order is undefined (all named queries join with " ")
        return f"{' '.join(sorted(str(value).split(' ')))}|{value.language or ''}|{value.datatype or ''}"
    return str(value)


def first_difference(a: Any, b: Any, path: str = "") -> str:
    """Where two JSON values first differ (``funding.coordination[3].areas``), for the printout."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if _canonical(a.get(key)) != _canonical(b.get(key)):
                return first_difference(a.get(key), b.get(key), f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            if _canonical(x) != _canonical(y):
                return first_difference(x, y, f"{path}[{index}]")
    return f"{path}: {_canonical(a)[:200]} ≠ {_canonical(b)[:200]}"


def agreement(here: Outcome, there: Outcome) -> str:
    if there.error or here.error:
        return f"error ({(there.error or here.error or '').split(':')[0]})"
    if _canonical(here.answer) == _canonical(there.answer):
        return "same"
    if _canonical(_unordered(here.answer)) == _canonical(_unordered(there.answer)):
        return "order"
    return "DIFF"


# --- the stores ----------------------------------------------------------------------------------


def embedded_store(
    triples: int, folder: Path, timeout: float | None, on_disk: bool = True
) -> tuple[EmbeddedStore, int]:
    """Ontology + vocabularies + a synthetic registry of about ``triples``, on disk (RocksDB, as an
    installation's ``var/store``) or in memory."""
    store = EmbeddedStore(folder / "embedded" if on_disk else None, query_timeout=timeout)
    load_files(store, rdf_files(ontology_dir()))
    municipalities = synthetic.municipalities_for(triples)
    path = folder / "synthetic.nt"
    synthetic.write(path, municipalities)
    store.ox_store.bulk_load(
        path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(SYNTHETIC_GRAPH)
    )
    path.unlink()
    return store, municipalities


@contextmanager
def served_copy(
    store: EmbeddedStore, folder: Path, port: int, timeout: float | None
) -> Iterator[tuple[RemoteStore, int, float]]:
    """The embedded store's dataset bulk-loaded into ``oxigraph serve``; yields the remote store, the
    server's process id and the seconds the dump + load took."""
    start = time.perf_counter()
    dump = folder / "dataset.nq"
    store.ox_store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    location = folder / "oxigraph"
    oxigraph_load(location, [dump])
    dump.unlink()
    loaded = time.perf_counter() - start
    with oxigraph_process(location, port, seconds=120) as (base, process):
        remote = RemoteStore(
            base + "/query", base + "/update", base + "/store", query_timeout=timeout, graph_base=str(GRAPH)
        )
        yield remote, process.pid, loaded


# --- what is measured ----------------------------------------------------------------------------


def analyses(store: Store, meter: Meter, kommunen: tuple[str, ...]) -> dict[str, Outcome]:
    """Every analysis as ``run_all`` runs it (overlaps once, reused by the interface matrix)."""
    options = AnalysisOptions(reference_date=DAY, reference_system=REFERENCE, kommunen=kommunen)
    out: dict[str, Outcome] = {}
    overlaps = None
    for name in ("overlaps", *[n for n in ANALYSES if n != "overlaps"]):
        reuse = {"overlaps": overlaps} if name == "interfaces" and overlaps is not None else {}
        wall, cpu, report, error, worst = meter.timed(
            lambda n=name, r=reuse: run_analysis(store, n, "de", options, **r)  # type: ignore[misc]
        )
        if name == "overlaps":
            overlaps = report
        findings = None
        if report is not None:
            findings = sum(len(t) for t in report.tables() if t.finding)
        answer = jsonable(report) if report is not None else None
        out[name] = Outcome(wall, cpu, answer, error, findings, worst)
    return out


def _params(store: Store, query: NamedQuery, kommune: str | None) -> dict[str, str]:
    first = "https://w3id.org/isrp/synth-0001/"
    plan = f"{first}plan/jugendhilfeplanung"
    known = {
        "plan": plan,
        "entry": plan,
        "measure": f"{first}measure/m1",
        "organisation": FIRST,
        "date": DAY.isoformat(),
        "reference": REFERENCE,
    }
    if kommune:
        known["kommune"] = kommune
    return {p.name: known[p.name] for p in query.parameters if p.name in known}


def queries(store: Store, meter: Meter, kommune: str | None) -> dict[str, Outcome]:
    """Every named query (with ``kommune``: only those taking the parameter)."""
    out: dict[str, Outcome] = {}
    for query in catalogue():
        if kommune and query.parameter("kommune") is None:
            continue
        params = _params(store, query, kommune)
        wall, cpu, result, error, worst = meter.timed(lambda q=query, p=params: run_named(store, q.name, p))
        rows = None
        if result is not None:
            rows = sorted(
                [[f"{k}={_term(v)}" for k, v in sorted(row.items())] for row in result.rows], key=_canonical
            )
        out[query.name] = Outcome(wall, cpu, rows, error, None if rows is None else len(rows), worst)
    return out


# --- printing ------------------------------------------------------------------------------------


def _ratio(a: float, b: float) -> str:
    return f"{a / b:6.2f}" if b > 1e-4 else "     —"


def print_table(title: str, here: dict[str, Outcome], there: dict[str, Outcome], engine: str) -> None:
    print(f"\n{title}")
    print(
        f"  {'':30} {'embedded':>9} {engine:>9} {'÷ wall':>7} {'÷ cpu':>7}  {'agree':10} "
        f"{'findings/rows':>13}"
    )
    total = [0.0, 0.0, 0.0, 0.0]
    for name, mine in here.items():
        other = there[name]
        total = [total[0] + mine.wall, total[1] + other.wall, total[2] + mine.cpu, total[3] + other.cpu]
        count = "" if mine.findings is None else str(mine.findings)
        if other.findings is not None and other.findings != mine.findings:
            count += f" ≠ {other.findings}"
        spread = max(mine.worst_cpu / max(mine.cpu, 1e-3), other.worst_cpu / max(other.cpu, 1e-3))
        slowest = max(mine.worst_cpu, other.worst_cpu)  # (below 0.1 s the clock ticks are the spread)
        print(
            f"  {name:30} {mine.wall:9.3f} {other.wall:9.3f} {_ratio(other.wall, mine.wall)} "
            f"{_ratio(other.cpu, mine.cpu)}  {agreement(mine, other):10} {count:>13}"
            + (f"  worst run {spread:.0f}× the best (CPU)" if spread >= 5 and slowest >= 0.1 else "")
        )
        for error in {mine.error, other.error} - {None}:
            print(f"  {'':30} ↳ {error}")
        if agreement(mine, other) in ("order", "DIFF"):
            print(f"  {'':30} ↳ {first_difference(mine.answer, other.answer, name)}")
    print(
        f"  {'all':30} {total[0]:9.3f} {total[1]:9.3f} {_ratio(total[1], total[0])} "
        f"{_ratio(total[3], total[2])}"
    )


def compare(
    embedded: EmbeddedStore, remote: RemoteStore, remote_meter: Meter, engine: str, municipalities: int
) -> None:
    own = Meter(repeat=remote_meter.repeat)
    for label, kommunen in (("all municipalities", ()), ("one municipality (synth-0001)", (FIRST,))):
        print(f"measuring the analyses, {label} …", file=sys.stderr)
        here = analyses(embedded, own, kommunen)
        there = analyses(remote, remote_meter, kommunen)
        print_table(f"analyses, {label} of {municipalities}", here, there, engine)
        print(f"measuring the named queries, {label} …", file=sys.stderr)
        here = queries(embedded, own, kommunen[0] if kommunen else None)
        there = queries(remote, remote_meter, kommunen[0] if kommunen else None)
        print_table(f"named queries, {label}", here, there, engine)


def print_graph_list(embedded: EmbeddedStore, remote: RemoteStore) -> None:
    """The graph list (every whole-store operation starts with it; on Virtuoso every query)."""
    times = []
    for store in (embedded, remote):
        start = time.perf_counter()
        names = store.graphs()
        times.append(time.perf_counter() - start)
    print(f"graph list ({len(names)} graphs): embedded {times[0]:.3f} s, remote {times[1]:.3f} s")


def _server_memory(pid: int) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return line.split(":", 1)[1].strip()
    return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=100_000, help="synthetic size in triples")
    parser.add_argument("--port", type=int, default=PORT, help="port of oxigraph serve (loopback)")
    parser.add_argument("--timeout", type=float, default=Settings().query_timeout, help="0 = none")
    parser.add_argument("--engines", default="oxigraph", help="remote stores: oxigraph,virtuoso")
    parser.add_argument("--memory", action="store_true", help="the embedded store in memory, not on disk")
    parser.add_argument("--repeat", type=int, help="runs per measurement, best kept (default 3, 1 at 1M)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers and drop the temp folder
    timeout = args.timeout or None
    engines = set(args.engines.split(","))
    repeat = args.repeat or (3 if args.triples <= 300_000 else 1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        embedded, municipalities = embedded_store(args.triples, folder, timeout, not args.memory)
        print(f"embedded: {len(embedded):,} quads in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        kind = "in memory" if args.memory else "on disk"
        print(
            f"{len(embedded):,} quads, {municipalities} municipalities; embedded store {kind}; "
            f"query timeout {timeout or 'none'} s; best of {repeat}"
        )
        if "oxigraph" in engines:
            with served_copy(embedded, folder, args.port, timeout) as (remote, pid, loaded):
                print(f"oxigraph serve: dump + oxigraph load {loaded:.1f} s; it holds {len(remote):,} quads")
                print_graph_list(embedded, remote)
                compare(embedded, remote, Meter(pid, repeat), "oxigraph", municipalities)
                print(f"\noxigraph serve peak memory {_server_memory(pid)}")
        if "virtuoso" in engines:
            from benchmarks.bench_remote_virtuoso import compare_virtuoso

            compare_virtuoso(embedded, folder, timeout, municipalities, repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process peak memory {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
