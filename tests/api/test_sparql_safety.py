"""/sparql is safe to expose: crash queries are refused before pyoxigraph sees them, SERVICE makes no
outbound connection unless allowed, a timed-out query's worker process is gone, and the number of
concurrent queries is bounded (503 with Retry-After)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.sparql_run import pool_of
from tests.api.conftest import fixture_store, settings

ROOT = Path(__file__).resolve().parents[2]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"

CRASH_QUERIES = {
    "nested-groups": "SELECT * WHERE " + "{ " * 2500 + "?s ?p ?o" + " }" * 2500,
    "nested-parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "many-patterns": "SELECT * WHERE { " + " ".join(f"?s ?p{i} ?o{i} ." for i in range(20000)) + " }",
    "negations": "ASK { FILTER(" + "!" * 20000 + "true) }",
}

# Runs in a subprocess: before the guard, these queries segfaulted the whole process.
_CHILD = """
import json, sys
from fastapi.testclient import TestClient
from api.app import create_app
from tests.api.conftest import fixture_store, settings
client = TestClient(create_app(settings(), store=fixture_store()))
query = open(sys.argv[1], encoding="utf-8").read()
get = client.post("/sparql", content=query.encode(), headers={"content-type": "application/sparql-query"})
page = client.post("/sparql", data={"query": query})
print(json.dumps({"status": [get.status_code, page.status_code], "text": get.text}))
"""


@pytest.mark.parametrize("name", sorted(CRASH_QUERIES))
def test_crash_queries_get_400_and_the_server_survives(name: str, tmp_path: Path) -> None:
    query_file = tmp_path / "query.rq"
    query_file.write_text(CRASH_QUERIES[name], encoding="utf-8")
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(query_file)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert child.returncode == 0, f"the server process died ({child.returncode}): {child.stderr[-500:]}"
    answer = json.loads(child.stdout.strip().splitlines()[-1])
    assert answer["status"] == [400, 400]
    assert "Abfrage" in answer["text"] and "query" in answer["text"]  # German (English)


def test_crash_query_is_refused_by_the_library_too(tmp_path: Path) -> None:
    """``isrp query`` and every library caller go through the same guard."""
    code = (
        "from isrp_graph.store import EmbeddedStore\n"
        "from isrp_graph.sparql.guard import QueryRefused\n"
        f"q = {CRASH_QUERIES['nested-groups']!r}\n"
        "try:\n    EmbeddedStore(None).select(q)\nexcept QueryRefused as e:\n    print('refused', e)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.returncode == 0 and "refused" in child.stdout and "ISRP_SPARQL_MAX_DEPTH" in child.stdout


def test_limits_are_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    client = TestClient(create_app(settings(extra={"sparql_max_depth": 3}), store=fixture_store()))
    deep = "SELECT * WHERE { { { { ?s ?p ?o } } } }"
    assert client.get("/sparql", params={"query": deep}).status_code == 400
    shallow = "SELECT * WHERE { { ?s ?p ?o } } LIMIT 1"
    assert client.get("/sparql", params={"query": shallow}).status_code == 200
    monkeypatch.setenv("ISRP_SPARQL_MAX_LENGTH", "20")
    refused = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert refused.status_code == 400 and "ISRP_SPARQL_MAX_LENGTH" in refused.text


class Listener:
    """A loopback TCP server that records every connection and answers garbage."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: 4\r\nConnection: close\r\n\r\noops")
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(2)
        self.sock.close()


def test_service_is_refused_without_any_connection() -> None:
    listener = Listener()
    try:
        client = TestClient(create_app(settings(), store=fixture_store()))
        for query in (
            f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
            f"PREFIX r: <{listener.url[:-6]}> SELECT * WHERE {{ SERVICE SILENT r:sparql {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ BIND(<{listener.url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        ):
            response = client.get("/sparql", params={"query": query})
            assert response.status_code == 400, response.text
            assert "SERVICE" in response.text and "ISRP_SPARQL_SERVICE_ALLOW" in response.text
        page = client.get("/abfrage", params={"query": query}, headers={"accept": "text/html"})
        assert page.status_code == 400
        time.sleep(0.5)  # a connection attempt, had there been one, would have arrived by now
        assert listener.connections == 0
    finally:
        listener.close()


def test_allowed_service_is_fetched_and_its_failure_is_not_500() -> None:
    listener = Listener()
    try:
        app = create_app(settings(extra={"sparql_service_allow": [listener.url]}), store=fixture_store())
        response = TestClient(app).get(
            "/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"}
        )
        assert listener.connections >= 1
        assert response.status_code == 502
        assert "föderierte Endpunkt" in response.text and "federated endpoint" in response.text
    finally:
        listener.close()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for_busy_worker(app: object) -> int:
    pool = pool_of(app)  # type: ignore[arg-type]
    assert pool is not None
    for _ in range(400):
        if pool.busy_pids():
            return pool.busy_pids()[0]
        time.sleep(0.05)
    raise AssertionError("no worker started the query")


def test_timed_out_query_releases_its_worker_process() -> None:
    app = create_app(settings(query_timeout=2.0), store=fixture_store(query_timeout=2.0))
    client = TestClient(app)
    outcome: dict[str, object] = {}
    thread = threading.Thread(
        target=lambda: outcome.update(response=client.get("/sparql", params={"query": RUNAWAY}))
    )
    thread.start()
    pid = _wait_for_busy_worker(app)
    time.sleep(0.5)
    assert _cpu_seconds(pid) > 0.1  # the worker really computes
    thread.join(60)
    response = outcome["response"]
    assert response.status_code == 503  # type: ignore[attr-defined]
    assert "abgebrochen" in response.text  # type: ignore[attr-defined]
    assert not Path(f"/proc/{pid}").exists()  # killed and reaped: no CPU, no memory left behind
    after = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert after.status_code == 200 and "true" in after.text  # a fresh worker answers


def test_concurrency_is_bounded_with_503_and_retry_after() -> None:
    extra = {"sparql_workers": 1, "sparql_queue_wait": 0.2}
    app = create_app(settings(query_timeout=5.0, extra=extra), store=fixture_store(query_timeout=5.0))
    client = TestClient(app)
    thread = threading.Thread(target=lambda: client.get("/sparql", params={"query": RUNAWAY}))
    thread.start()
    _wait_for_busy_worker(app)
    busy = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert busy.status_code == 503
    assert busy.headers["retry-after"] == "1"
    assert "gleichzeitig" in busy.text and "at once" in busy.text
    thread.join(60)


def test_a_save_loads_the_new_state_into_idle_workers_before_the_next_query() -> None:
    # regression: after every save the first /sparql query copied the store and loaded the copy into
    # its worker on the request path; now the save starts that in the background
    app = create_app(settings(query_timeout=5.0), store=fixture_store(query_timeout=5.0))
    client = TestClient(app)
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    pool = pool_of(app)  # type: ignore[arg-type]
    assert pool is not None
    loaded_before = {w.pid: w.version for w in list(pool.idle.queue) if w is not None}
    assert loaded_before
    app.state.version.bump()  # what every write through the app does
    wanted = pool.version()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        versions = [w.version for w in list(pool.idle.queue) if w is not None]
        if versions and all(v == wanted for v in versions):
            break
        time.sleep(0.05)
    assert [w.version for w in list(pool.idle.queue) if w is not None] == [wanted] * len(loaded_before)
    assert all(v != wanted for v in loaded_before.values())
    answer = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert answer.status_code == 200 and "true" in answer.text
