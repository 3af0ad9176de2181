"""The pieces behind the fast path: the pyoxigraph mirror (closure, literals), the SPARQL bridge that
answers pyshacl's queries on it, and the memoising shapes store."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS, XSD

from isrp_graph.validation.fast_graph import read_mostly_graph
from isrp_graph.validation.mirror import build_mirror, literal_aliases, rdfs_closure
from isrp_graph.validation.sparql import OxigraphQueriedGraph

from .conftest import ROOT

EX = "https://example.org/"
A, B, C = URIRef(EX + "a"), URIRef(EX + "b"), URIRef(EX + "c")
P, Q = URIRef(EX + "p"), URIRef(EX + "q")
PERSON, AGENT = URIRef(EX + "Person"), URIRef(EX + "Agent")


def test_closure_of_a_small_graph():
    one = Literal("01", datatype=XSD.positiveInteger)
    stated = {
        (PERSON, RDFS.subClassOf, AGENT),
        (P, RDFS.subPropertyOf, Q),
        (P, RDFS.range, PERSON),
        (A, P, B),
        (A, P, one),
    }
    derived = rdfs_closure(stated)
    assert (B, RDF.type, PERSON) in derived  # rdfs3
    assert (B, RDF.type, AGENT) in derived  # rdfs3 + rdfs9
    assert (A, Q, B) in derived  # rdfs7
    assert (A, Q, one) in derived  # rdfs7 with the literal exactly as stated
    assert (one, RDF.type, PERSON) in derived  # owlrl types literals through rdfs:range, too
    assert (A, RDF.type, RDFS.Resource) in derived  # rdfs4a
    assert (P, RDF.type, RDF.Property) in derived  # rdf1
    assert (P, RDFS.subPropertyOf, P) in derived  # rdfs6
    # pyoxigraph would store "01"^^xsd:positiveInteger as "1"^^xsd:integer: no such literal appears
    assert not any(Literal("1", datatype=XSD.integer) in triple for triple in derived)


def test_literal_aliases_map_stored_forms_back():
    one = Literal("01", datatype=XSD.positiveInteger)
    year = Literal("P12M", datatype=XSD.duration, normalize=False)  # as a store returns it
    text = Literal("Jugendhilfe", lang="de")
    aliases = literal_aliases([one, year, text, Literal("2", datatype=XSD.integer)])
    assert aliases == {
        ("1", str(XSD.integer)): one,
        ("P1Y", str(XSD.duration)): year,
    }
    # two stated literals with the same stored form: ambiguous, left as stored
    clash = literal_aliases([one, Literal("1", datatype=XSD.int)])
    assert clash == {("1", str(XSD.integer)): None}


def queried(triples) -> tuple[Graph, OxigraphQueriedGraph]:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    mirror, _derived = build_mirror(set(triples))
    return graph, OxigraphQueriedGraph.wrap(graph, mirror)


def rows(result) -> set[tuple]:
    return {tuple(sorted((str(k), v) for k, v in row.asdict().items())) for row in result}


def test_bridge_answers_like_rdflib():
    node = BNode("held")
    one = Literal("01", datatype=XSD.positiveInteger)
    triples = [(A, P, node), (node, Q, one), (B, P, C), (C, Q, Literal("x"))]
    graph, bridge = queried(triples)
    cases = [
        # projected variable bound to a blank node: pyoxigraph substitution
        ("SELECT $this ?v WHERE { $this <https://example.org/q> ?v }", {"this": node}),
        # variable used but not projected: written into the query
        ("SELECT ?v WHERE { $this <https://example.org/p> ?x . ?x <https://example.org/q> ?v }", {"this": A}),
        # variable not mentioned at all (pyshacl binds $currentShape, $shapesGraph): ignored
        ("SELECT ?s WHERE { ?s <https://example.org/p> ?o }", {"currentShape": URIRef(EX + "Shape")}),
        ("ASK { $this <https://example.org/p> ?o }", {"this": B}),
    ]
    for text, bindings in cases:
        mine = bridge.query(text, initBindings=bindings)
        theirs = graph.query(text, initBindings=bindings)
        if mine.type == "ASK":
            assert mine.askAnswer == theirs.askAnswer is True
        else:
            assert rows(mine) == rows(theirs), text
    assert bridge.fallbacks == 0
    # the literal comes back exactly as stated, not as pyoxigraph's "1"^^xsd:integer
    answer = bridge.query(
        "SELECT $this ?v WHERE { $this <https://example.org/q> ?v }", initBindings={"this": node}
    )
    assert [row[Variable("v")] for row in answer] == [one]


def test_bridge_falls_back_to_rdflib_for_an_unprojected_blank_node():
    node = BNode("held")
    _graph, bridge = queried([(A, P, node), (node, Q, Literal("x"))])
    text = "SELECT ?v WHERE { $this <https://example.org/q> ?v }"
    result = bridge.query(text, initBindings={"this": node})
    assert [row[Variable("v")] for row in result] == [Literal("x")]
    assert bridge.fallbacks == 1


def test_read_mostly_store_stays_correct_after_changes():
    graph = read_mostly_graph()
    graph.add((A, P, B))
    assert list(graph.objects(A, P)) == [B]
    graph.add((A, P, C))  # a change clears the remembered answers
    assert set(graph.objects(A, P)) == {B, C}
    graph.add((A, P, C))  # adding what is there changes nothing
    graph.remove((A, P, B))
    assert list(graph.objects(A, P)) == [C]
    assert len(graph) == 1


def test_closure_when_instances_derive_schema():
    """The bulk closure (schema computed apart, then the instance triples) meets the rules that turn
    instance triples into schema: a derived rdfs:Class, a property under rdfs:subClassOf, rdf:type
    under another property, a cycle of classes; it equals the worklist closure and owlrl's."""
    from isrp_graph.validation.closure import python_closure, worklist_closure
    from tests.validation.test_fast_path import owlrl_closure

    declares, narrower, tagged, kind = (URIRef(EX + n) for n in ("declares", "narrower", "tagged", "Kind"))
    stated = {
        (declares, RDFS.range, RDFS.Class),  # B becomes a class: B ⊑ rdfs:Resource, B ⊑ B
        (A, declares, B),
        (C, RDF.type, B),
        (narrower, RDFS.subPropertyOf, RDFS.subClassOf),  # B ⊑ AGENT through rdfs7
        (B, narrower, AGENT),
        (AGENT, RDFS.subClassOf, PERSON),
        (PERSON, RDFS.subClassOf, AGENT),  # a cycle
        (RDF.type, RDFS.subPropertyOf, tagged),  # every type triple is also a tagged triple
        (tagged, RDFS.domain, kind),
        (P, RDFS.range, PERSON),
        (A, P, Literal("x", lang="de")),
        (Q, RDFS.subPropertyOf, P),
        (B, Q, Literal("2", datatype=XSD.integer)),
    }
    bulk = python_closure(stated)
    assert bulk == worklist_closure(stated) == owlrl_closure(stated)
    assert (C, RDF.type, PERSON) in bulk and (C, tagged, AGENT) in bulk and (C, RDF.type, kind) in bulk
    assert (Literal("2", datatype=XSD.integer), RDF.type, AGENT) in bulk
    assert (B, RDFS.subClassOf, RDFS.Resource) in bulk


def test_bulk_closure_equals_the_worklist_on_synthetic_municipalities():
    from benchmarks.synthetic import generate
    from isrp_graph.validation.closure import python_closure, worklist_closure

    graph = Graph().parse(data="".join(generate(2)), format="nt")
    graph.parse(ROOT / "ontology" / "isrp.ttl", format="turtle")
    stated = set(graph)
    bulk = python_closure(stated)
    assert bulk == worklist_closure(stated) and len(bulk) > 1000
