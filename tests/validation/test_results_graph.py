"""The native validator keeps its findings as records; the ``sh:ValidationReport`` graph written from
them on demand is pyshacl's own (same triples up to the results' blank nodes, ``sh:detail`` included)."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from isrp_graph.validation import native
from isrp_graph.validation.check import Prepared, _copy, validate_state
from isrp_graph.validation.engine import run_fast
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.index import IndexedGraph
from isrp_graph.validation.results import ResultsGraph


def assert_same_report_graph(state: GraphState) -> int:
    prepared = Prepared.of(state)
    ours = native.run(prepared.data, prepared.shapes)
    assert isinstance(ours, ResultsGraph)
    _conforms, theirs = run_fast(_copy(prepared.data), prepared.shapes, mirror=prepared.mirror)
    assert len(ours) == len(theirs)
    assert isomorphic(ours, theirs)
    return len(list(ours.objects(None, SH.result)))


def test_fixture_store_report_graph(fixture_store):
    assert assert_same_report_graph(GraphState.from_store(fixture_store)) == 17


def test_erfurt_report_graph(built_registry):
    assert assert_same_report_graph(GraphState.from_store(built_registry)) > 0


NESTED_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:ex:> .
ex:PlanShape a sh:NodeShape ; sh:targetClass ex:Plan ;
    sh:property [ sh:path ex:term ; sh:node ex:TermShape ; sh:message "Zeitraum fehlerhaft"@de ] ;
    sh:property [ sh:path ex:owner ; sh:node ex:OwnerShape ] ;
    sh:property [ sh:path ex:member ; sh:qualifiedValueShape ex:OwnerShape ; sh:qualifiedMinCount 1 ;
                  sh:qualifiedMaxCount 1 ; sh:qualifiedValueShapesDisjoint true ] ;
    sh:property [ sh:path ex:member ; sh:qualifiedValueShape ex:CodeShape ; sh:qualifiedMinCount 1 ;
                  sh:qualifiedValueShapesDisjoint true ; sh:severity sh:Info ] ;
    sh:property [ sh:path [ sh:inversePath ex:plan ] ; sh:node ex:OwnerShape ; sh:maxCount 1 ] .
ex:CodeShape a sh:NodeShape ; sh:property [ sh:path ex:code ; sh:minCount 1 ; sh:severity sh:Warning ] .
ex:TermShape a sh:NodeShape ;
    sh:property [ sh:path ex:begin ; sh:minCount 1 ] ;
    sh:property [ sh:path ex:end ; sh:node ex:DayShape ] .
ex:DayShape a sh:NodeShape ; sh:property [ sh:path ex:day ; sh:minCount 1 ; sh:severity sh:Warning ] .
ex:OwnerShape a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""
NESTED_DATA = """
@prefix ex: <urn:ex:> .
ex:p1 a ex:Plan ; ex:term [ ex:end [ ex:other 1 ] ] ; ex:owner ex:o1 .
ex:p2 a ex:Plan ; ex:term [ ex:begin 1 ; ex:end [ ex:day 2 ] ] ; ex:owner ex:o1, ex:o2 .
ex:o2 ex:name "O" .
ex:p1 ex:member ex:o1, ex:o2, ex:o3 .
ex:p2 ex:member ex:o2, ex:o4 .
ex:o3 ex:name "N" ; ex:code 3 .
ex:o4 ex:code 4 .
ex:d1 ex:plan ex:p1 . ex:d2 ex:plan ex:p1 ; ex:name "D" . ex:d3 ex:plan ex:p2 .
"""


def test_nested_node_shape_details_as_pyshacl_writes_them():
    """sh:node results carry the nested results as sh:detail (several levels, value nodes shared by
    several focus nodes); qualified value shapes (disjoint siblings, Warning-level nested findings
    that still conform) and inverse paths count as in pyshacl."""
    shapes = Graph().parse(data=NESTED_SHAPES, format="turtle")
    stated = Graph().parse(data=NESTED_DATA, format="turtle")
    ours = native.run(IndexedGraph(stated), shapes)
    _conforms, theirs = run_fast(_copy(stated), shapes)
    assert len(ours) == len(theirs)
    assert isomorphic(ours, theirs)
    assert len(list(ours.triples((None, SH.detail, None)))) >= 4
    assert len(list(ours.objects(None, SH.result))) == 8


def test_report_model_does_not_write_the_graph(fixture_store):
    report = validate_state(GraphState.from_store(fixture_store))
    assert isinstance(report.results_graph, ResultsGraph)
    assert report.results_graph._graph is None
    assert "sh:ValidationReport" in report.to_turtle()
    assert report.results_graph._graph is not None


def test_the_cycle_collector_runs_again_after_overlapping_validations():
    import gc

    from isrp_graph.validation.results import paused_gc

    assert gc.isenabled()
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_node_kind_of_every_kind_as_pyshacl_finds_it():
    rules = ["IRI", "BlankNode", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral"]
    shapes_text = "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix ex: <urn:ex:> .\n"
    shapes_text += "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:v ;\n"
    shapes_text += " ;\n".join(f"  sh:property [ sh:path ex:v ; sh:nodeKind sh:{rule} ]" for rule in rules)
    shapes_text += " .\n"
    data_text = '@prefix ex: <urn:ex:> .\nex:a ex:v ex:iri .\nex:b ex:v [ ex:w 1 ] .\nex:c ex:v "text", 3 .\n'
    shapes = Graph().parse(data=shapes_text, format="turtle")
    stated = Graph().parse(data=data_text, format="turtle")
    ours = native.run(IndexedGraph(stated), shapes)
    _conforms, theirs = run_fast(_copy(stated), shapes)
    assert isomorphic(ours, theirs)
    # each value breaks the three rules that exclude its kind
    assert len(list(ours.objects(None, SH.result))) == 4 * 3


OR_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <urn:ex:> .
ex:S a sh:NodeShape ; sh:targetClass ex:Plan ;
    sh:or ( [ sh:path ex:a ; sh:minCount 1 ] [ sh:path ex:b ; sh:minCount 1 ; sh:severity sh:Warning ] ) ;
    sh:property [ sh:path ex:part ; sh:or ( ex:Named [ sh:path ex:code ; sh:minCount 1 ; sh:maxCount 1 ] ) ] ;
    sh:property [ sh:path ex:part ;
                  sh:or ( [ sh:path ex:sub ; sh:property [ sh:path ex:name ; sh:minCount 1 ] ] ex:Named ) ] .
ex:Named a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
"""
OR_DATA = """
@prefix ex: <urn:ex:> .
ex:p1 a ex:Plan ; ex:a 1 ; ex:part ex:x1, ex:x2 .
ex:p2 a ex:Plan ; ex:part ex:x2, ex:x3, ex:x4 .
ex:p3 a ex:Plan ; ex:b 1 .
ex:x1 ex:name "X" . ex:x2 ex:code 1, 2 . ex:x3 ex:code 3 ; ex:sub [ ex:name "S" ] . ex:x4 ex:sub ex:x1 .
"""


def test_or_members_as_pyshacl_decides_them():
    """sh:or members: property shapes (a Warning-level one still does not conform), node shapes,
    and a property shape with property shapes of its own (pyshacl's per-node way)."""
    shapes = Graph().parse(data=OR_SHAPES, format="turtle")
    stated = Graph().parse(data=OR_DATA, format="turtle")
    ours = native.run(IndexedGraph(stated), shapes)
    _conforms, theirs = run_fast(_copy(stated), shapes)
    assert isomorphic(ours, theirs)
    assert len(list(ours.objects(None, SH.result))) == 3
