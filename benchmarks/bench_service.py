"""The web app as a service under load: 50 concurrent clients against a real uvicorn process on the
embedded on-disk store (the production shape of the README's "Betrieb"), over /, /uebersicht, an entry
page, /netzwerk, /api/v1/plans and /sparql — then the same with one writer saving once a second — and
the cost of one save on a store whose log holds 5,000 changes against one on a fresh store.

    python benchmarks/bench_service.py [--seconds 60] [--clients 50] [--rounds 2] [--log-entries 5000]
        [--triples 100000]

Printed, not asserted: req/s and p50/p95/p99 per URL, reads p95 with the writer ÷ without, and
save(5,000 logged changes) ÷ save(fresh). The first request of each URL is a warm-up and not counted.
The 5,000 log entries are stored the way writes store them (changesets and provenance entries), in
batches rather than 5,000 validated saves. Finally one write on a synthetic registry (benchmarks/
synthetic.py) ÷ the same write on Erfurt, and the three ratios on one summary line."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # conftest imports virtuoso_server

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from isrp_graph.namespaces import GRAPH
from isrp_graph.registry import build_registry
from isrp_graph.store import EmbeddedStore
from isrp_graph.store.base import Store
from tests.ops.processes import web_app

TOKEN = "bench-token"
SPARQL = (
    "PREFIX isrp: <https://w3id.org/isrp/def#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?plan ?label WHERE { ?plan a isrp:SectoralPlan ; rdfs:label ?label } ORDER BY ?label"
)
TARGETS = {
    "/": ("/", "text/html"),
    "/uebersicht": ("/uebersicht", "text/html"),
    "entry page": ("/erfurt/plan/jugendhilfeplanung", "text/html"),
    "/netzwerk": ("/netzwerk", "text/html"),
    "/api/v1/plans": ("/api/v1/plans", "application/json"),
    "/sparql": ("/sparql?" + urllib.parse.urlencode({"query": SPARQL}), "application/sparql-results+json"),
}
BENCH_GRAPH = "bench-writer"


def fetch(url: str, accept: str) -> float:
    start = time.perf_counter()
    request = urllib.request.Request(url, headers={"Accept": accept, "Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
    except urllib.error.HTTPError as error:
        error.read()
    return time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def load(base: str, clients: int, seconds: float) -> dict[str, list[float]]:
    """``clients`` threads, each cycling through the URLs, for ``seconds``."""
    times: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()
    end = time.monotonic() + seconds
    names = list(TARGETS)

    def client(offset: int) -> None:
        i = offset
        while time.monotonic() < end:
            name = names[i % len(names)]
            path, accept = TARGETS[name]
            elapsed = fetch(base + path, accept)
            with lock:
                times[name].append(elapsed)
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times


def writer(base: str, stop: threading.Event, saves: list[float]) -> None:
    """Saves once a second: the same small import graph, with a new label each time."""
    n = 0
    while not stop.is_set():
        n += 1
        body = (
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            f'<https://w3id.org/isrp/erfurt/bench/note> rdfs:label "Stand {n}"@de .\n'
        )
        request = urllib.request.Request(
            f"{base}/api/v1/upload?filename=bench.ttl&graph={BENCH_GRAPH}",
            data=body.encode(),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"},
            method="POST",
        )
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                response.read()
        except urllib.error.HTTPError as error:
            error.read()
        saves.append(time.perf_counter() - start)
        stop.wait(max(0.0, 1.0 - (time.perf_counter() - start)))


def report(title: str, times: dict[str, list[float]], seconds: float) -> None:
    total = sum(len(v) for v in times.values())
    print(f"\n{title}: {total / seconds:.1f} req/s in total")
    print(f"{'URL':16} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for name in TARGETS:
        values = times.get(name, [])
        print(
            f"{name:16} {len(values) / seconds:7.1f} {percentile(values, 0.5) * 1000:8.0f} "
            f"{percentile(values, 0.95) * 1000:8.0f} {percentile(values, 0.99) * 1000:8.0f}"
        )


def fill_log(store: Store, entries: int) -> None:
    """``entries`` changes of other entries in the log, stored the way writes store them (a changeset
    graph and a provenance entry each, appended in batches of 250 update requests)."""
    from isrp_graph.changes.commit import update_text
    from isrp_graph.changes.delta import EntryDelta, freeze
    from isrp_graph.changes.model import Changeset
    from isrp_graph.namespaces import ISRP

    start = datetime(2026, 1, 1, tzinfo=UTC)
    texts: list[str] = []
    for n in range(entries):
        entry = URIRef(f"https://w3id.org/isrp/erfurt/bench/logged-{n}")
        graph_name = GRAPH[f"import/bench-{n % 50}"]
        value = Literal(f"Stand {n}", lang="de")
        delta = EntryDelta(graph_name, entry, (), freeze({(ISRP.status, value): 1}))
        when = start + timedelta(minutes=n)
        cs = Changeset(
            URIRef(f"https://w3id.org/isrp/activity/bench-{n}"), "benchmark", when, when, deltas=(delta,)
        )
        texts.append(update_text(cs, {graph_name: [(entry, ISRP.status, value)]}))
        if len(texts) == 250 or n == entries - 1:
            store.update(" ;\n".join(texts))
            texts = []


def save_once(store: Store, n: int) -> float:
    """One save of the small import graph (a new label each time), timed."""
    from isrp_graph.writes import apply_write

    change = Graph()
    subject = URIRef("https://w3id.org/isrp/erfurt/bench/save")
    change.add((subject, RDFS.label, Literal(f"Stand {n}", lang="de")))
    start = time.perf_counter()
    apply_write(store, {GRAPH["import/bench-save"]: change}, "benchmark")
    return time.perf_counter() - start


def log_ratio_of(entries: int, repeat: int) -> tuple[float, float]:
    """Median save on a fresh store and on one with ``entries`` logged changes, each warmed up by one
    save first, the saves of the two interleaved."""
    fresh, logged = EmbeddedStore(None, query_timeout=60), EmbeddedStore(None, query_timeout=60)
    for store in (fresh, logged):
        build_registry(store)
    fill_log(logged, entries)
    times: list[list[float]] = [[], []]
    for n in range(repeat + 1):
        for k, store in enumerate((fresh, logged)):
            elapsed = save_once(store, n)
            if n:
                times[k].append(elapsed)
    fresh.close()
    logged.close()
    return statistics.median(times[0]), statistics.median(times[1])


def phases(rounds: int) -> list[str]:
    """Load phases without and with the writer, in the order A B B A A B …: the machine may be shared,
    and alternating cancels a drift of its load."""
    order: list[str] = []
    for n in range(rounds):
        order += ["quiet", "busy"] if n % 2 == 0 else ["busy", "quiet"]
    return order


def service_phase(args: argparse.Namespace) -> float:
    """The load phases against a real uvicorn: reads p95 with the writer ÷ without."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store"
        store = EmbeddedStore(path)
        build_registry(store)
        print(f"store: {len(store)} quads on disk; {args.clients} clients, {args.seconds:.0f} s per phase")
        store.close()
        env = {"ISRP_STORE_PATH": str(path), "ISRP_EDITOR_TOKENS": f"bench={TOKEN}"}
        server, base = web_app(env, seconds=300)
        try:
            for path_, accept in TARGETS.values():
                fetch(base + path_, accept)
            quiet: dict[str, list[float]] = defaultdict(list)
            busy: dict[str, list[float]] = defaultdict(list)
            saves: list[float] = []
            for phase in phases(args.rounds):
                if phase == "quiet":
                    for name, values in load(base, args.clients, args.seconds).items():
                        quiet[name].extend(values)
                    continue
                stop = threading.Event()
                thread = threading.Thread(target=writer, args=(base, stop, saves))
                thread.start()
                for name, values in load(base, args.clients, args.seconds).items():
                    busy[name].extend(values)
                stop.set()
                thread.join()
            report("reads alone", quiet, args.seconds * args.rounds)
            report("reads with one writer saving once a second", busy, args.seconds * args.rounds)
            median = statistics.median(saves) * 1000 if saves else float("nan")
            print(f"saves: {len(saves)}, median {median:.0f} ms")
            all_quiet = [v for values in quiet.values() for v in values]
            all_busy = [v for values in busy.values() for v in values]
            reads_ratio = percentile(all_busy, 0.95) / percentile(all_quiet, 0.95)
            print(f"reads p95 with writer ÷ without: {reads_ratio:.2f}")
            for name in TARGETS:
                ratio = percentile(busy[name], 0.95) / percentile(quiet[name], 0.95)
                print(f"  {name:16} p95 ratio {ratio:.2f}")
        finally:
            server.stop()
    return reads_ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="seconds per load phase")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2, help="pairs of phases without and with the writer")
    parser.add_argument("--log-entries", type=int, default=5000)
    parser.add_argument("--saves", type=int, default=5, help="saves timed per store in the log phase")
    parser.add_argument("--triples", type=int, default=100_000, help="size of the synthetic store")
    args = parser.parse_args()
    reads_ratio = service_phase(args) if args.seconds > 0 else float("nan")
    fresh_time, logged_time = log_ratio_of(args.log_entries, args.saves)
    log_ratio = logged_time / fresh_time
    print(
        f"\nsave on a fresh store: {fresh_time * 1000:.0f} ms; with {args.log_entries} logged changes: "
        f"{logged_time * 1000:.0f} ms; ratio {log_ratio:.2f}"
    )
    size_ratio = store_size_ratio(args.triples, args.saves)
    print(
        f"\nsummary: reads p95 with writer ÷ without {reads_ratio:.2f} (goal ≤ 1.5); save with "
        f"{args.log_entries} logged changes ÷ fresh {log_ratio:.2f} (goal ≤ 1.2); one write on "
        f"{args.triples // 1000}k ÷ on Erfurt {size_ratio:.2f} (goal ≈ 1)"
    )


def store_size_ratio(triples: int, repeat: int) -> float:
    """The same one-entry write (a note on a plan, its graph re-sent whole) on Erfurt and on a
    synthetic registry of ``triples`` quads: median times, runs of the two interleaved."""
    from benchmarks.bench_changes import Writer, entries_of, synthetic_store

    erfurt = EmbeddedStore(None, query_timeout=120)
    build_registry(erfurt)
    big = synthetic_store(triples)
    writers = [(Writer(s), *entries_of(s, 1)[0]) for s in (erfurt, big)]
    for writer, entry, graph_name in writers:
        writer.note(entry, graph_name)  # warm caches
    times: list[list[float]] = [[], []]
    for _ in range(repeat):
        for n, (writer, entry, graph_name) in enumerate(writers):
            start = time.perf_counter()
            writer.note(entry, graph_name)
            times[n].append(time.perf_counter() - start)
    small, large = (statistics.median(t) for t in times)
    print(
        f"one write on Erfurt ({len(erfurt)} quads): {small * 1000:.0f} ms; on the synthetic registry "
        f"({len(big)} quads): {large * 1000:.0f} ms; ratio {large / small:.2f}"
    )
    erfurt.close()
    big.close()
    return large / small


if __name__ == "__main__":
    main()
