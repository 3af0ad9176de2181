"""SPARQL text the stores write: term serialisation, VALUES placement, query forms, prefixes."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from isrp_graph.store import BindingError
from isrp_graph.store.sparql_text import (
    bind_values,
    iri,
    literal,
    query_form,
    replace_graphs_update,
    with_prefixes,
)


def test_iri_refuses_characters_that_could_end_it() -> None:
    assert iri("https://w3id.org/isrp/def#Plan") == "<https://w3id.org/isrp/def#Plan>"
    for bad in ["http://x>", "http://x y", 'http://x"', "http://x{", "http://x\\u0020", ""]:
        with pytest.raises(ValueError):
            iri(bad)


def test_literals_are_escaped() -> None:
    assert literal(Literal('a"b\\c\nd')) == '"a\\"b\\\\c\\nd"'
    assert literal(Literal("x", lang="de")) == '"x"@de'
    assert literal(Literal("1", datatype=XSD.integer)) == '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert literal(Literal("s", datatype=XSD.string)) == '"s"'
    with pytest.raises(ValueError):
        literal(Literal("x", lang="de } DROP"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("# comment SELECT\nPREFIX ex: <http://ex/select>\nask { ?s ?p ?o }", "ASK"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <http://x>", "DESCRIBE"),
        ("INSERT DATA { <a> <b> <c> }", "UPDATE"),
        ("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }", "UPDATE"),
        ("", None),
    ],
)
def test_query_form(query: str, expected: str | None) -> None:
    assert query_form(query) == expected


def _runs(query: str) -> list:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://ex/a"), ox.NamedNode("http://ex/p"), ox.Literal("v")))
    result = store.query(query)
    return list(result) if not isinstance(result, ox.QueryBoolean) else [bool(result)]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s WHERE { ?s <http://ex/p> ?o }",
        "SELECT ?s { ?s <http://ex/p> ?o }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://ex/p> ?o } GROUP BY ?s",
        "SELECT ?s FROM <http://ex/g> WHERE { ?s <http://ex/p> ?o }",
        "ASK { ?s <http://ex/p> ?o }",
        "CONSTRUCT { ?s <http://ex/q> ?o } WHERE { ?s <http://ex/p> ?o }",
        "CONSTRUCT WHERE { ?s <http://ex/p> ?o }",
        "DESCRIBE ?s WHERE { ?s <http://ex/p> ?o }",
        "SELECT ?s WHERE { ?s <http://ex/p> ?o FILTER(?o = '{ tricky }') } # { comment",
        "SELECT ?s WHERE { ?s <http://ex/p> ?o FILTER(?o != ?_x) }",
    ],
)
def test_bind_values_gives_valid_queries(query: str) -> None:
    bound = bind_values(query, {"o": Literal("v"), "_x": Literal('" } DROP ALL')})
    assert "VALUES (?o ?_x)" in bound
    _runs(bound)  # parses and runs


def test_values_go_into_the_outermost_where_group() -> None:
    bound = bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": Literal("v")})
    assert bound.startswith("CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?o)")
    filtered = bind_values("SELECT ?s WHERE { ?s ?p ?x FILTER(?x = ?v) }", {"v": Literal("v")})
    assert "WHERE { VALUES (?v)" in filtered
    assert _runs(filtered.replace("?p", "<http://ex/p>"))


def test_bind_values_refuses_blank_nodes_and_bad_names() -> None:
    with pytest.raises(BindingError):
        bind_values("SELECT * { ?s ?p ?o }", {"s": BNode()})
    with pytest.raises(BindingError):
        bind_values("SELECT * { ?s ?p ?o }", {"s) } DROP ALL #": URIRef("http://x")})


def test_with_prefixes_adds_only_missing_ones() -> None:
    text = with_prefixes("PREFIX isrp: <http://other/>\nSELECT * { ?s a isrp:X }")
    assert text.count("PREFIX isrp:") == 1
    assert "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>" in text


def test_replace_update_is_one_request_with_separate_blank_nodes() -> None:
    shared = BNode("b")
    one, two = Graph(), Graph()
    one.add((shared, URIRef("http://ex/p"), Literal("1")))
    two.add((shared, URIRef("http://ex/p"), Literal("2")))
    text = replace_graphs_update(
        {URIRef("http://ex/g1"): one, URIRef("http://ex/g2"): two, URIRef("http://ex/g3"): Graph()}
    )
    assert text.count("DROP SILENT GRAPH") == 3
    assert text.count("INSERT DATA") == 1
    store = ox.Store()
    store.update(text)
    assert len(store) == 2
    assert len({q.subject for q in store}) == 2
