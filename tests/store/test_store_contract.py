"""The Store contract, run against every backend: in-memory, on-disk and a real remote SPARQL server."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, XSD

from isrp_graph.store import BindingError, QuerySyntaxError, SelectResult, Store
from isrp_graph.store.terms import new_graph

EX = "http://example.org/"
G1 = URIRef(EX + "graph/one")
G2 = URIRef(EX + "graph/two")
A = URIRef(EX + "a")
B = URIRef(EX + "b")
NAME = URIRef(EX + "name")
EVIL = '" } ; DROP ALL ; INSERT DATA { <http://evil> <http://evil> "x" } #'


def graph_of(*triples: tuple) -> Graph:
    graph = new_graph()
    for triple in triples:
        graph.add(triple)
    return graph


@pytest.fixture
def two_graphs(any_store: Store) -> Store:
    any_store.replace_graphs(
        {
            G1: graph_of((A, NAME, Literal("Anna", lang="de")), (A, RDFS.label, Literal("A"))),
            G2: graph_of((B, NAME, Literal("Bert")), (B, RDFS.seeAlso, A)),
        }
    )
    return any_store


def test_is_a_store(any_store: Store) -> None:
    assert isinstance(any_store, Store)
    assert len(any_store) == 0
    assert any_store.graphs() == []


def test_named_graphs_and_union_default_graph(two_graphs: Store) -> None:
    assert two_graphs.graphs() == [G1, G2]
    assert len(two_graphs) == 4
    # ORDER BY STR(): SPARQL leaves the order of a language-tagged and a plain literal to the engine
    names = two_graphs.select(f"SELECT ?n WHERE {{ ?s <{NAME}> ?n }} ORDER BY STR(?n)")
    assert [str(r["n"]) for r in names.rows] == ["Anna", "Bert"]
    joined = two_graphs.select(f"SELECT ?l WHERE {{ <{B}> rdfs:seeAlso ?x . ?x rdfs:label ?l }}")
    assert [str(r["l"]) for r in joined.rows] == ["A"]  # a join across two graphs
    where = two_graphs.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{B}> ?p ?o }} }}")
    assert {r["g"] for r in where.rows} == {G2}


def test_select_result_shape(two_graphs: Store) -> None:
    result = two_graphs.select(f"SELECT ?s ?missing WHERE {{ ?s <{NAME}> ?n }} ORDER BY ?s")
    assert isinstance(result, SelectResult)
    assert result.variables == ["s", "missing"]
    assert len(result) == 2
    assert result.rows[0] == {"s": A, "missing": None}


def test_get_graph_is_a_copy(two_graphs: Store) -> None:
    copy = two_graphs.get_graph(G1)
    assert len(copy) == 2
    copy.add((A, NAME, Literal("changed")))
    assert len(two_graphs.get_graph(G1)) == 2
    assert len(two_graphs.get_graph(URIRef(EX + "graph/none"))) == 0


def test_replace_graph_replaces_only_that_graph(two_graphs: Store) -> None:
    two_graphs.replace_graph(G1, graph_of((A, NAME, Literal("Anja"))))
    assert {str(o) for o in two_graphs.get_graph(G1).objects()} == {"Anja"}
    assert len(two_graphs.get_graph(G2)) == 2


def test_replace_graphs_with_an_empty_graph_drops_it(two_graphs: Store) -> None:
    two_graphs.replace_graphs({G1: Graph(), URIRef(EX + "graph/three"): graph_of((A, NAME, Literal("3")))})
    assert two_graphs.graphs() == [URIRef(EX + "graph/three"), G2]


def test_drop_graph(two_graphs: Store) -> None:
    two_graphs.drop_graph(G2)
    assert two_graphs.graphs() == [G1]
    two_graphs.drop_graph(G2)  # dropping a missing graph is fine


def test_ask_and_construct(two_graphs: Store) -> None:
    assert two_graphs.ask(f"ASK {{ <{A}> <{NAME}> ?n }}") is True
    assert two_graphs.ask(f"ASK {{ <{A}> <{NAME}> 'nobody' }}") is False
    built = two_graphs.construct(f"CONSTRUCT {{ ?s rdfs:comment ?n }} WHERE {{ ?s <{NAME}> ?n }}")
    assert isinstance(built, Graph)
    assert set(built.objects(None, RDFS.comment)) == {Literal("Anna", lang="de"), Literal("Bert")}
    described = two_graphs.construct(f"DESCRIBE <{A}>")
    assert (A, NAME, Literal("Anna", lang="de")) in described


def test_project_prefixes_need_no_declaration(two_graphs: Store) -> None:
    result = two_graphs.select("SELECT ?s WHERE { ?s rdfs:label ?l . FILTER(?l != isrp:Nothing) }")
    assert [r["s"] for r in result.rows] == [A]
    declared = two_graphs.select(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s WHERE { ?s rdfs:label ?l }"
    )
    assert len(declared) == 1


def test_terms_round_trip(any_store: Store) -> None:
    blank = BNode()
    tricky = Literal('Größe "quoted" \\ back\nnew line\ttab', lang="de")
    number = Literal("12", datatype=XSD.integer)
    graph = graph_of(
        (A, NAME, tricky),
        (A, URIRef(EX + "count"), number),
        (A, URIRef(EX + "next"), blank),
        (blank, NAME, Literal("leer")),
        (A, URIRef(EX + "date"), Literal("2024-01-31", datatype=XSD.date)),
    )
    any_store.replace_graph(G1, graph)
    back = any_store.get_graph(G1)
    assert isomorphic(back, graph)
    assert tricky in set(back.objects(A, NAME))


def test_blank_nodes_of_two_graphs_stay_apart(any_store: Store) -> None:
    shared = BNode("same")
    any_store.replace_graphs(
        {G1: graph_of((shared, NAME, Literal("eins"))), G2: graph_of((shared, NAME, Literal("zwei")))}
    )
    subjects = any_store.select(f"SELECT DISTINCT ?s WHERE {{ ?s <{NAME}> ?n }}")
    assert len(subjects) == 2


def test_bindings_iri_and_literal(two_graphs: Store) -> None:
    by_subject = two_graphs.select(f"SELECT ?s ?n WHERE {{ ?s <{NAME}> ?n }}", {"s": A})
    assert [str(r["n"]) for r in by_subject.rows] == ["Anna"]
    by_value = two_graphs.select(f"SELECT ?s WHERE {{ ?s <{NAME}> ?n }}", {"n": Literal("Bert")})
    assert [r["s"] for r in by_value.rows] == [B]
    assert two_graphs.ask(f"ASK {{ ?s <{NAME}> ?n }}", {"n": Literal("Bert")}) is True
    assert two_graphs.ask(f"ASK {{ ?s <{NAME}> ?n }}", {"n": Literal("Nobody")}) is False
    built = two_graphs.construct(f"CONSTRUCT {{ ?s <{NAME}> ?n }} WHERE {{ ?s <{NAME}> ?n }}", {"s": B})
    assert set(built.subjects()) == {B}


def test_bindings_reach_filters_and_aggregates(two_graphs: Store) -> None:
    filtered = two_graphs.select(
        f"SELECT ?s WHERE {{ ?s <{NAME}> ?n FILTER(STR(?n) = ?_wanted) }}", {"_wanted": Literal("Anna")}
    )
    assert [r["s"] for r in filtered.rows] == [A]
    counted = two_graphs.select(f"SELECT (COUNT(*) AS ?c) WHERE {{ ?s <{NAME}> ?n }}", {"s": B})
    assert int(str(counted.rows[0]["c"])) == 1
    dollar = two_graphs.select(f"SELECT ?n WHERE {{ $s <{NAME}> ?n }}", {"$s": A})
    assert [str(r["n"]) for r in dollar.rows] == ["Anna"]


def test_bindings_cannot_inject(any_store: Store) -> None:
    any_store.replace_graph(G1, graph_of((A, NAME, Literal(EVIL)), (B, NAME, Literal("harmlos"))))
    before = len(any_store)
    found = any_store.select(f"SELECT ?s WHERE {{ ?s <{NAME}> ?n }}", {"n": Literal(EVIL)})
    assert [r["s"] for r in found.rows] == [A]  # matched as one literal value
    in_filter = any_store.ask(f"ASK {{ ?s <{NAME}> ?x FILTER(?x = ?n) }}", {"n": Literal(EVIL)})
    assert in_filter is True
    assert len(any_store) == before
    assert any_store.graphs() == [G1]
    assert not any_store.ask("ASK { <http://evil> ?p ?o }")


@pytest.mark.parametrize(
    "value",
    [URIRef("http://x> } ; DROP ALL ; #"), URIRef("http://x y"), BNode("b")],
    ids=["iri-with-brace", "iri-with-space", "blank-node"],
)
def test_unsafe_binding_values_are_refused(two_graphs: Store, value: object) -> None:
    with pytest.raises(BindingError):
        two_graphs.select("SELECT ?s WHERE { ?s ?p ?o }", {"s": value})  # type: ignore[dict-item]
    assert len(two_graphs) == 4


def test_unsafe_binding_names_are_refused(two_graphs: Store) -> None:
    with pytest.raises(BindingError):
        two_graphs.select("SELECT ?s WHERE { ?s ?p ?o }", {"s } DROP ALL": A})


def test_syntax_errors(two_graphs: Store) -> None:
    with pytest.raises(QuerySyntaxError):
        two_graphs.select("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QuerySyntaxError):
        two_graphs.update("INSERT DATA { <http://a> }")


def test_wrong_query_form(two_graphs: Store) -> None:
    with pytest.raises(QuerySyntaxError):
        two_graphs.select("ASK { ?s ?p ?o }")
    with pytest.raises(QuerySyntaxError):
        two_graphs.ask("SELECT * WHERE { ?s ?p ?o }")


def test_update(any_store: Store) -> None:
    any_store.update(f'INSERT DATA {{ GRAPH <{G1}> {{ <{A}> <{NAME}> "neu" }} }}')
    assert any_store.graphs() == [G1]
    any_store.update(f"DELETE WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert len(any_store) == 0


def test_union_graph_and_dataset_quads(two_graphs: Store) -> None:
    union = two_graphs.union_graph()
    assert len(union) == 4
    quads = set(two_graphs.dataset_quads())
    assert (A, NAME, Literal("Anna", lang="de"), G1) in quads
    assert {q[3] for q in quads} == {G1, G2}


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_query_raw_select(two_graphs: Store, accept: str, media: str) -> None:
    body, content_type = two_graphs.query_raw(f"SELECT ?s ?n WHERE {{ ?s <{NAME}> ?n }} ORDER BY ?s", accept)
    assert content_type.split(";")[0] == media
    text = body.decode("utf-8")
    if media.endswith("json"):
        data = json.loads(text)
        assert data["head"]["vars"] == ["s", "n"]
        assert len(data["results"]["bindings"]) == 2
    elif media.endswith("xml"):
        assert "<sparql" in text and "Anna" in text
    elif media == "text/csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["s", "n"] and rows[1] == [str(A), "Anna"]
    else:
        assert text.splitlines()[0].split("\t") == ["?s", "?n"]


def test_query_raw_ask(two_graphs: Store) -> None:
    body, content_type = two_graphs.query_raw("ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert json.loads(body)["boolean"] is True
    assert content_type.startswith("application/sparql-results+json")


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
    ],
)
def test_query_raw_construct(two_graphs: Store, accept: str, fmt: ox.RdfFormat) -> None:
    body, content_type = two_graphs.query_raw("CONSTRUCT WHERE { ?s ?p ?o }", accept)
    assert content_type.split(";")[0] == accept
    assert len(list(ox.parse(body, format=fmt))) == 4


def test_durations_and_booleans_read_back_as_written(any_store: Store) -> None:
    """Regression (Virtuoso stores "P5Y" as "60" and answers booleans as 0/1)."""
    cycle = Literal("P5Y", datatype=XSD.duration, normalize=False)
    flag = Literal("true", datatype=XSD.boolean)
    any_store.replace_graph(G1, graph_of((A, URIRef(EX + "cycle"), cycle), (A, URIRef(EX + "flag"), flag)))
    assert set(any_store.get_graph(G1).objects(A, URIRef(EX + "cycle"))) == {cycle}
    row = any_store.select(
        f"SELECT ?c ?f (EXISTS {{ ?s <{EX}cycle> ?c }} AS ?e) (?c = ?c AS ?same) "
        f"WHERE {{ ?s <{EX}cycle> ?c ; <{EX}flag> ?f }}"
    ).rows[0]
    assert str(row["c"]) == "P5Y"
    assert row["f"] == flag and str(row["f"]) == "true"
    assert row["e"] == Literal(True) and row["same"] == Literal(True)
