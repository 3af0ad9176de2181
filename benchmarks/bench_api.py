"""Latency of the web app at Erfurt size: p50/p95 of the main pages, the JSON API and /sparql, with
concurrent clients against a real uvicorn server on 127.0.0.1.

    python benchmarks/bench_api.py [--threads 8] [--requests 400]

The registry is built in memory from the shipped ontology and data; the first request of each URL is
a warm-up (caches fill, the background validation starts) and is not counted."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.app import create_app
from isrp_graph.registry import build_registry
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import LiveServer

SPARQL = (
    "PREFIX isrp: <https://w3id.org/isrp/def#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?plan ?label WHERE { ?plan a isrp:SectoralPlan ; rdfs:label ?label } ORDER BY ?label"
)
FAMILIES = "https://w3id.org/isrp/vocab/target-group/familien"
TARGETS = {
    "page /": ("/", "text/html"),
    "page /uebersicht": ("/uebersicht", "text/html"),
    "page /uebersicht?zielgruppe": (
        "/uebersicht?" + urllib.parse.urlencode({"zielgruppe": FAMILIES}),
        "text/html",
    ),
    "page /schnittstellen": ("/schnittstellen", "text/html"),
    "page /prozess": ("/prozess", "text/html"),
    "page /netzwerk": ("/netzwerk", "text/html"),
    "entry (HTML)": ("/erfurt/plan/jugendhilfeplanung", "text/html"),
    "entry (Turtle)": ("/erfurt/plan/jugendhilfeplanung", "text/turtle"),
    "api /api/v1/plans": ("/api/v1/plans", "application/json"),
    "api /api/v1/process/steps": ("/api/v1/process/steps", "application/json"),
    "sparql SELECT json": (
        "/sparql?" + urllib.parse.urlencode({"query": SPARQL}),
        "application/sparql-results+json",
    ),
}


def fetch(url: str, accept: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=120) as r:
        r.read()
    return time.perf_counter() - start


def measure(threads: int, requests: int, url: str, accept: str) -> list[float]:
    """Latencies of ``requests`` GETs of ``url`` from ``threads`` concurrent clients."""
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda _: fetch(url, accept), range(requests)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200, help="requests per URL")
    args = parser.parse_args()
    store = EmbeddedStore(None, query_timeout=60)
    build_registry(store)
    print(f"store: {len(store)} quads; {args.threads} threads, {args.requests} requests per URL")
    with LiveServer(create_app(Settings(store="memory", result_limit=10000), store=store)) as server:
        for path, accept in TARGETS.values():
            fetch(server.url + path, accept)  # warm-up
        print(f"{'target':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7}")
        for name, (path, accept) in TARGETS.items():
            start = time.perf_counter()
            times = measure(args.threads, args.requests, server.url + path, accept)
            wall = time.perf_counter() - start
            ordered = sorted(times)
            p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
            print(
                f"{name:34} {statistics.median(ordered) * 1000:8.1f} {p95 * 1000:8.1f} "
                f"{ordered[-1] * 1000:8.1f} {len(ordered) / wall:7.1f}"
            )
    store.close()


if __name__ == "__main__":
    main()
