"""Answers a real server cuts short are refused, never used: Virtuoso returns at most ``ResultSetMaxRows``
rows (10,000 in the packaged virtuoso.ini) with HTTP 200, saying so only in ``X-SPARQL-MaxRows``. The
rows come from VALUES alone (101 × 101 = 10,201), so no data is loaded. oxigraph serve and the embedded
store answer every row."""

from __future__ import annotations

import pytest

from isrp_graph.store import EmbeddedStore, RemoteStore
from isrp_graph.store.engines import EngineLimit
from tests.conftest import remote_store_for, virtuoso_store_for

pytestmark = pytest.mark.remote

NUMBERS = " ".join(str(n) for n in range(101))
MANY = f"SELECT ?a ?b WHERE {{ VALUES ?a {{ {NUMBERS} }} VALUES ?b {{ {NUMBERS} }} }}"
FEW = "SELECT ?a WHERE { VALUES ?a { 1 2 3 } }"


def test_virtuoso_cut_answer_is_refused_with_its_limit(virtuoso_server) -> None:  # type: ignore[no-untyped-def]
    store = virtuoso_store_for(virtuoso_server)
    assert len(store.select(FEW).rows) == 3  # below the limit: the answer is used
    with pytest.raises(EngineLimit) as info:
        store.select(MANY)
    assert info.value.key == "store.limit.max_rows"
    assert "10000" in str(info.value) and "ResultSetMaxRows" in str(info.value)
    assert "Zeilen" in str(info.value)
    with pytest.raises(EngineLimit) as raw:  # the SPARQL endpoint's passthrough too
        store.query_raw(MANY, "application/sparql-results+json")
    assert raw.value.key == "store.limit.max_rows"
    body, _ = store.query_raw(FEW, "application/sparql-results+json")
    assert b'"a"' in body


def test_oxigraph_and_the_embedded_store_answer_every_row(oxigraph_server: str) -> None:
    remote: RemoteStore = remote_store_for(oxigraph_server)
    with EmbeddedStore() as embedded:
        assert len(embedded.select(MANY).rows) == 101 * 101
    assert len(remote.select(MANY).rows) == 101 * 101
    body, _ = remote.query_raw(MANY, "text/tab-separated-values")
    assert body.count(b"\n") == 101 * 101 + 1


def test_virtuoso_own_time_limit_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Virtuoso stops a query after MaxQueryExecutionTime with HTTP 500 and SR171: the error names that
    limit (regression: it was reported as a bare HTTP 500)."""
    from virtuoso_server import binaries, running_virtuoso

    if binaries() is None:
        pytest.skip("Virtuoso is not installed")
    numbers = " ".join(str(n) for n in range(300))
    slow = (
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {numbers} }} VALUES ?b {{ {numbers} }} "
        f"VALUES ?c {{ {numbers} }} FILTER(?a + ?b > ?c) }}"
    )
    with running_virtuoso(tmp_path, settings={("SPARQL", "MaxQueryExecutionTime"): "1"}) as server:
        store = RemoteStore(server.sparql, gsp_url=server.gsp, query_timeout=120, graph_base="urn:g")
        for call in (lambda: store.select(slow), lambda: store.query_raw(slow, "text/csv")):
            with pytest.raises(EngineLimit) as info:
                call()
            assert info.value.key == "store.limit.time"
            assert "MaxQueryExecutionTime" in str(info.value) and "Zeitlimit" in str(info.value)
