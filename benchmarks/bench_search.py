"""Search latency on Erfurt as a ratio to plain pages, and the cost of one incremental index update
against a full build.

    python benchmarks/bench_search.py [--rounds 30]

In-process (FastAPI TestClient, no port). The registry is built in memory from the shipped ontology and
data; each URL is requested once as a warm-up (the index is built lazily at the first search, caches
fill) and then ``rounds`` times; the medians are compared. Goal: search ÷ plain page ≤ 1."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from api.app import create_app
from isrp_graph.namespaces import GRAPH
from isrp_graph.registry import build_registry
from isrp_graph.search import build_index, index_for, search, update_index
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore
from isrp_graph.writes import apply_write

QUERIES = ("Jugendhilfe", "Foerderplan", "Senioren", "2516/18", "Planungen", "Hilfen zur Erziehung", "Kita")
PAGES = ("/", "/uebersicht")
JHP = URIRef("https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung")
PLANS = URIRef(GRAPH["data/erfurt/plans"])


def median_ms(client: TestClient, url: str, rounds: int) -> float:
    client.get(url)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000


def timed(fn, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    client = TestClient(create_app(Settings(store="memory"), store=store))

    pages = {url: median_ms(client, url, args.rounds) for url in PAGES}
    searches = {q: median_ms(client, f"/suche?q={q}", args.rounds) for q in QUERIES}
    baseline = min(pages.values())
    print(f"Erfurt: {len(index_for(store))} entries indexed")
    for url, ms in pages.items():
        print(f"  page {url:<28} {ms:7.1f} ms")
    for q, ms in searches.items():
        hits = search(store, q).total
        print(f"  /suche?q={q:<22} {ms:7.1f} ms  ({hits} hits)  ratio to fastest page {ms / baseline:5.2f}")
    worst = max(searches.values())
    typical = statistics.median(searches.values())
    print(f"search median of queries ÷ fastest plain page: {typical / baseline:.2f}")
    print(f"slowest search ÷ fastest plain page: {worst / baseline:.2f} (goal ≤ 1)")

    full = timed(lambda: build_index(store))
    one = timed(lambda: update_index(store, [JHP]), rounds=20)
    print(f"full build {full:.1f} ms, update of one entry {one:.2f} ms: ratio full ÷ one {full / one:.0f}")

    # the write path: apply_write, then the first search pays the incremental update
    graph = store.get_graph(PLANS)
    graph.add((JHP, SKOS.altLabel, Literal("Benchmarkplanung", lang="de")))
    apply_write(store, {PLANS: graph}, "Benchmark")
    pending = len(index_for(store).pending)
    start = time.perf_counter()
    assert search(store, "Benchmarkplanung").total == 1
    first = (time.perf_counter() - start) * 1000
    warm = timed(lambda: search(store, "Benchmarkplanung"), rounds=20)
    print(
        f"after a write ({pending} touched entries): first search {first:.1f} ms, warm {warm:.1f} ms, "
        f"ratio {first / warm:.2f}; builds so far {index_for(store).builds}"
    )
    store.close()


if __name__ == "__main__":
    main()
