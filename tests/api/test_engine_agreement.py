"""The researcher's check as a test: the query set of benchmarks/compare_engines.py (aggregates,
OPTIONAL, GRAPH, FROM, property paths, VALUES, CONSTRUCT, DESCRIBE, ASK) gives identical answers in
every result format through /sparql (a running uvicorn) and through a bare ``oxigraph serve`` loaded with
the same N-Quads. Not timed: the overhead ratio is printed by the benchmark script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from api.app import create_app
from benchmarks.compare_engines import CASES, bare_oxigraph, compare
from isrp_graph.registry import build_registry
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import LiveServer, settings


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("engines")
    store = EmbeddedStore(None, query_timeout=60)
    build_registry(store)
    nquads = folder / "registry.nq"
    store.ox_store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    app = create_app(settings(result_limit=100000, query_timeout=60), store=store)
    with LiveServer(app) as ours, bare_oxigraph(Path(nquads), folder) as theirs:
        yield f"{ours.url}/sparql", theirs
    store.close()


def test_at_least_twenty_queries_of_every_kind() -> None:
    assert len(CASES) >= 20
    text = " ".join(case.query.split("PREFIX owl: <http://www.w3.org/2002/07/owl#>", 1)[1] for case in CASES)
    for keyword in (
        "COUNT",
        "OPTIONAL",
        "GRAPH",
        "FROM ",
        "FROM NAMED",
        "+",
        "VALUES",
        "CONSTRUCT",
        "DESCRIBE",
        "ASK",
    ):
        assert keyword in text


def test_sparql_and_bare_oxigraph_agree(servers: tuple[str, str]) -> None:
    ours, theirs = servers
    outcome = compare(ours, theirs)
    assert len(outcome.results) >= 20 * 3
    assert outcome.different == []
