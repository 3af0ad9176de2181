"""/sparql under concurrent clients (issue 10's benchmark, the SPARQL part): req/s and p50/p95/p99 of
cheap queries, alone and while runaway queries hit the time limit, and how many requests got 503
(Retry-After) from the bounded worker pool. Printed, not asserted.

    python benchmarks/bench_sparql_concurrency.py [--clients 8] [--seconds 20] [--runaways 2]

The registry is built in memory from the shipped data; uvicorn runs on 127.0.0.1 and a free port.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.app import create_app
from isrp_graph.registry import build_registry
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import LiveServer

CHEAP = [
    "SELECT ?plan ?label WHERE { ?plan a isrp:SectoralPlan ; rdfs:label ?label } ORDER BY ?label",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "ASK { ?x a isrp:SectoralPlan }",
    "CONSTRUCT WHERE { ?c a owl:Class ; rdfs:label ?l }",
]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def get(url: str, query: str) -> tuple[int, float]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{url}?{urllib.parse.urlencode({'query': query})}", timeout=120) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.perf_counter() - start


def run(url: str, clients: int, seconds: float, runaways: int) -> None:
    stop = time.monotonic() + seconds
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def client(index: int) -> None:
        n = index
        while time.monotonic() < stop:
            status, took = get(url, CHEAP[n % len(CHEAP)])
            n += 1
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200:
                    latencies.append(took)

    def runaway() -> None:
        while time.monotonic() < stop:
            status, _ = get(url, RUNAWAY)
            with lock:
                statuses[-status] = statuses.get(-status, 0) + 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    threads += [threading.Thread(target=runaway) for _ in range(runaways)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    ok = len(latencies)
    quantiles = statistics.quantiles(latencies, n=100) if ok > 1 else [0.0] * 99
    cheap = {k: v for k, v in statuses.items() if k > 0}
    heavy = {-k: v for k, v in statuses.items() if k < 0}
    print(
        f"clients={clients} runaways={runaways}: {ok / elapsed:.1f} ok req/s, "
        f"p50 {quantiles[49] * 1000:.0f} ms, p95 {quantiles[94] * 1000:.0f} ms, "
        f"p99 {quantiles[98] * 1000:.0f} ms; cheap statuses {cheap}; "
        f"runaway statuses {heavy}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--runaways", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=3.0, help="query_timeout of the app")
    args = parser.parse_args()
    store = EmbeddedStore(None, query_timeout=args.timeout)
    build_registry(store)
    app = create_app(Settings(store="memory", query_timeout=args.timeout, result_limit=10000), store=store)
    with LiveServer(app) as server:
        url = f"{server.url}/sparql"
        for query in CHEAP:
            get(url, query)  # warm-up: worker processes start, snapshot loads
        run(url, args.clients, args.seconds, 0)
        run(url, args.clients, args.seconds, args.runaways)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
