"""The shipped questions through a real remote server: queries always go as queries, whatever their
comments say (regression: SPARQLWrapper's comment stripper missed the ``#+`` header and took
"addresses" for the update keyword ADD, so gaps-needs was POSTed to the update endpoint)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from isrp_graph.queries import run_named
from isrp_graph.registry import build_registry
from isrp_graph.store import RemoteStore, Store

pytestmark = pytest.mark.remote


@pytest.fixture(scope="module")
def loaded_remote(oxigraph_server: str) -> Iterator[RemoteStore]:
    store = RemoteStore(oxigraph_server + "/query", oxigraph_server + "/update", query_timeout=60)
    store.update("DROP ALL")
    build_registry(store)
    yield store
    store.update("DROP ALL")


@pytest.mark.parametrize("name", ["gaps-needs", "gaps-target-groups", "gaps-topics"])
def test_gap_queries_with_update_words_in_comments(
    loaded_remote: RemoteStore, built_registry: Store, name: str
) -> None:
    remote = run_named(loaded_remote, name, {"date": "2026-06-30"})
    local = run_named(built_registry, name, {"date": "2026-06-30"})
    assert remote.variables == local.variables
    assert len(local) > 0
    assert sorted(map(_plain, remote.rows)) == sorted(map(_plain, local.rows))


def _plain(row: dict[str, object]) -> tuple[str, ...]:
    """A row as text; GROUP_CONCAT lists compared as sets (their order is the engine's choice)."""
    return tuple(sorted(f"{key}={sorted(str(value).split())}" for key, value in row.items()))


def test_comment_with_update_words_is_still_a_query(loaded_remote: RemoteStore) -> None:
    text = "#+ summary: adds, drops, inserts, loads, moves and copies\n# DELETE this\nASK { ?s ?p ?o }"
    assert loaded_remote.ask(text) is True


@pytest.mark.parametrize(
    "args",
    [("run-query", "gaps-needs"), ("run-query", "gaps-topics"), ("analyse", "gaps")],
    ids=["run-query-gaps-needs", "run-query-gaps-topics", "analyse-gaps"],
)
def test_cli_on_a_remote_store(loaded_remote: RemoteStore, cli, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    env = {"ISRP_STORE": loaded_remote.query_url, "ISRP_SPARQL_UPDATE_URL": loaded_remote.update_url}
    result = cli(*args, "--format", "json", env=env)
    assert result.code == 0, result.err
    assert result.out.strip().startswith(("{", "["))
