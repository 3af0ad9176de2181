"""What only the remote store does: HTTP errors, Graph Store Protocol or not, raw results passthrough."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic

from isrp_graph.settings import Settings
from isrp_graph.store import QuerySyntaxError, RemoteStore, StoreUnreachable, open_store
from isrp_graph.store.terms import new_graph

pytestmark = pytest.mark.remote

G = URIRef("http://example.org/graph")


def _graph() -> object:
    graph = new_graph()
    blank = BNode()
    graph.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), blank))
    graph.add((blank, URIRef("http://example.org/name"), Literal("Größe", lang="de")))
    return graph


def test_unreachable_server() -> None:
    store = RemoteStore("http://127.0.0.1:9/query", query_timeout=2)
    with pytest.raises(StoreUnreachable) as info:
        store.select("SELECT * WHERE { ?s ?p ?o }")
    assert "nicht erreichbar" in str(info.value)
    with pytest.raises(StoreUnreachable):
        store.update("DROP ALL")


@pytest.mark.parametrize("gsp", [True, False], ids=["graph-store-protocol", "sparql-only"])
def test_replace_and_read_graphs_with_and_without_gsp(oxigraph_server: str, gsp: bool) -> None:
    store = RemoteStore(
        oxigraph_server + "/query", oxigraph_server + "/update", (oxigraph_server + "/store") if gsp else None
    )
    store.update("DROP ALL")
    try:
        graph = _graph()
        store.replace_graph(G, graph)  # type: ignore[arg-type]
        assert isomorphic(store.get_graph(G), graph)  # type: ignore[arg-type]
        assert len(store.get_graph(URIRef("http://example.org/none"))) == 0
        store.replace_graph(G, new_graph())
        assert store.graphs() == []
    finally:
        store.update("DROP ALL")


def test_server_syntax_error_is_a_query_syntax_error(oxigraph_server: str) -> None:
    store = RemoteStore(oxigraph_server + "/query", oxigraph_server + "/update")
    with pytest.raises(QuerySyntaxError):
        store.query_raw("SELECT * WHERE { ?s ", "application/sparql-results+json")


def test_open_store_for_a_url() -> None:
    store = open_store(
        Settings(store="http://example.org/sparql", sparql_update_url="http://example.org/update")
    )
    assert isinstance(store, RemoteStore)
    assert store.update_url == "http://example.org/update"
    assert store.gsp_url is None


@pytest.mark.parametrize("gsp", [True, False], ids=["graph-store-protocol", "sparql-only"])
def test_graphs_lists_only_graphs_that_hold_triples(oxigraph_server: str, gsp: bool) -> None:
    """The graph list checks each named graph for a triple (not a scan of every quad): a cleared graph,
    which oxigraph keeps as an empty named graph, is not listed; staging graphs are not either."""
    store = RemoteStore(
        oxigraph_server + "/query", oxigraph_server + "/update", (oxigraph_server + "/store") if gsp else None
    )
    store.update("DROP ALL")
    try:
        kept, cleared = URIRef("http://example.org/kept"), URIRef("http://example.org/cleared")
        store.replace_graphs({kept: _graph(), cleared: _graph()})  # type: ignore[dict-item]
        store.update(f"CLEAR GRAPH <{cleared}> ; CREATE SILENT GRAPH <http://example.org/created>")
        store.update("INSERT DATA { GRAPH <urn:isrp:staging:x> { <urn:a> <urn:b> <urn:c> } }")
        assert store.select("SELECT ?g WHERE { GRAPH ?g { } }").rows  # the server lists empty graphs
        assert store.graphs() == [kept]
        assert len(store) == 2
    finally:
        store.update("DROP ALL")
