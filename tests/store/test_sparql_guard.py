"""The SPARQL guard (a linear scan before pyoxigraph) and the worker pool's copies of the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from isrp_graph.sparql.guard import QueryLimits, QueryRefused, check_query
from isrp_graph.sparql.pool import Dataset, QueryPool
from isrp_graph.store import EmbeddedStore


def test_strings_iris_and_comments_are_skipped() -> None:
    check_query('SELECT * WHERE { ?s ?p "SERVICE <http://x/> {{{{ ((((" } # SERVICE <http://x/> {{{{\n')
    check_query("SELECT * WHERE { ?s <http://x/SERVICE> ?o }")
    check_query("SELECT ?service WHERE { ?service ?p ?o }")
    check_query("SELECT * WHERE { ?s ?p '''((((((''' }", QueryLimits(max_depth=3))


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://127.0.0.1/> { ?s ?p ?o } }",
        "PREFIX e: <http://127.0.0.1/> SELECT * WHERE { SERVICE e:x { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    ],
)
def test_service_needs_the_allow_list(query: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        check_query(query)
    assert refused.value.status == 400 and "ISRP_SPARQL_SERVICE_ALLOW" in str(refused.value)


def test_allowed_endpoint_passes_only_when_listed() -> None:
    allow = QueryLimits(service_allow=("http://127.0.0.1/x",))
    check_query("PREFIX e: <http://127.0.0.1/> SELECT * WHERE { SERVICE e:x { ?s ?p ?o } }", allow)
    with pytest.raises(QueryRefused):
        check_query("SELECT * WHERE { SERVICE <http://127.0.0.1/y> { ?s ?p ?o } }", allow)


@pytest.mark.parametrize(
    ("query", "limits", "key"),
    [
        ("SELECT * WHERE { { { ?s ?p ?o } } }", QueryLimits(max_depth=2), "sparql.too_deep"),
        ("ASK { FILTER(!!!true) }", QueryLimits(max_depth=2), "sparql.too_deep"),
        ("SELECT * WHERE { ?s ?p ?o }", QueryLimits(max_length=10), "sparql.too_long"),
        ("SELECT * WHERE { ?s ?p ?o }", QueryLimits(max_tokens=4), "sparql.too_many_tokens"),
        (
            "SELECT * WHERE { ?s ?p ?o . ?s ?p ?o . ?s ?p ?o }",
            QueryLimits(max_patterns=1),
            "sparql.too_many_patterns",
        ),
    ],
)
def test_limits(query: str, limits: QueryLimits, key: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        check_query(query, limits)
    assert refused.value.key == key


@pytest.mark.parametrize("on_disk", [False, True])
def test_workers_see_every_write(tmp_path: Path, on_disk: bool) -> None:
    store = EmbeddedStore(tmp_path / "store" if on_disk else None)
    pool = QueryPool(store, lambda: store.generation, size=1)
    try:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert pool.query(count, "text/csv")[0] == b"n\r\n0\r\n"
        store.update("INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> 1 } }")
        assert pool.query(count, "text/csv")[0] == b"n\r\n1\r\n"
        empty = Dataset(default_graphs=["http://x/other"], union=False)
        assert pool.query(count, "text/csv", empty)[0] == b"n\r\n0\r\n"
    finally:
        pool.close()
        store.close()
    if on_disk:
        assert [p.name for p in tmp_path.iterdir()] == ["store"]  # the snapshots are gone
