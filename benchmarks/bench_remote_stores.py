"""The registry on three stores: the embedded pyoxigraph store, a real ``oxigraph serve`` and a real
Virtuoso 7.2 (Debian ``virtuoso-opensource``), both started here on free loopback ports in a temp
folder and stopped at the end. Prints, per store, the time to load the shipped registry, to validate
it and to run every named query, as ratios to the embedded store, and per query whether the answer
is the embedded store's (same), a named engine limit (limit, not timed) or different (DIFF, never
expected).

    python -m benchmarks.bench_remote_stores

Every analysis and named query on a large synthetic registry (1M quads), remote against embedded:
``python -m benchmarks.bench_remote_analyses --triples 1000000 --timeout 0``.

Not a test: nothing is asserted; the figures depend on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from virtuoso_server import running_virtuoso

from isrp_graph.namespaces import GRAPH
from isrp_graph.queries import catalogue, get_query, run_named
from isrp_graph.registry import build_registry
from isrp_graph.store import EmbeddedStore, RemoteStore, Store
from isrp_graph.store.engines import EngineLimit
from isrp_graph.validation import validate

PARAMS = {
    "date": "2026-06-30",
    "measure": "https://w3id.org/isrp/erfurt/measure/nachhaltigkeitsstrategie-massnahmen",
    "plan": "https://w3id.org/isrp/erfurt/plan/isrp",
}


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def _plain(row: dict) -> tuple[str, ...]:
    return tuple(sorted(f"{k}={sorted(str(v).split())}" for k, v in row.items()))


def measure(store: Store) -> dict[str, object]:
    load, _ = _timed(lambda: build_registry(store))
    check, report = _timed(lambda: validate(store))
    answers: dict[str, object] = {}
    total = 0.0
    for query in catalogue():
        params = {k: v for k, v in PARAMS.items() if get_query(query.name).parameter(k)}
        try:
            seconds, result = _timed(lambda q=query.name, p=params: run_named(store, q, p))
        except EngineLimit:
            answers[query.name] = "limit"
            continue
        total += seconds
        answers[query.name] = sorted(map(_plain, result.rows))  # type: ignore[attr-defined]
    return {"load": load, "validate": check, "queries": total, "answers": answers, "counts": report.counts}  # type: ignore[attr-defined]


def _oxigraph(folder: Path, port: int) -> subprocess.Popen[bytes]:
    binary = shutil.which("oxigraph")
    assert binary, "pip install oxigraph"
    args = [
        binary,
        "serve",
        "--location",
        str(folder),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("oxigraph serve did not start")


def main() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    results: dict[str, dict[str, object]] = {}
    embedded = EmbeddedStore(query_timeout=120)
    results["embedded"] = measure(embedded)
    with tempfile.TemporaryDirectory() as tmp:
        process = _oxigraph(Path(tmp) / "ox", port)
        try:
            base = f"http://127.0.0.1:{port}"
            remote = RemoteStore(
                base + "/query", base + "/update", base + "/store", query_timeout=120, graph_base=str(GRAPH)
            )
            results["oxigraph serve"] = measure(remote)
        finally:
            process.terminate()
            process.wait()
        folder = Path(tmp) / "virtuoso"
        folder.mkdir()
        with running_virtuoso(folder) as server:
            virtuoso = RemoteStore(
                server.sparql, gsp_url=server.gsp, query_timeout=120, graph_base=str(GRAPH)
            )
            results["virtuoso"] = measure(virtuoso)
    reference = results["embedded"]
    print(f"{'store':16} {'load':>8} {'×':>6} {'validate':>9} {'×':>6} {'queries':>8} {'×':>6}  findings")
    for name, r in results.items():
        print(
            f"{name:16} {r['load']:8.2f} {r['load'] / reference['load']:6.1f} {r['validate']:9.2f} "  # type: ignore[operator]
            f"{r['validate'] / reference['validate']:6.1f} {r['queries']:8.2f} "  # type: ignore[operator]
            f"{r['queries'] / reference['queries']:6.1f}  {r['counts']}"  # type: ignore[operator]
        )
    print()
    for query in reference["answers"]:  # type: ignore[union-attr]
        marks = []
        for name in ("oxigraph serve", "virtuoso"):
            answer = results[name]["answers"][query]  # type: ignore[index]
            marks.append(
                "limit" if answer == "limit" else "same" if answer == reference["answers"][query] else "DIFF"
            )  # type: ignore[index]
        print(f"{query:32} oxigraph: {marks[0]:5}  virtuoso: {marks[1]}")


if __name__ == "__main__":
    main()
