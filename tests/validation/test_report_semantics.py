"""The report says what SHACL says: sh:conforms only without results (the product's "no Violation"
verdict is isrp:noViolations), and every SHACL path is named in JSON and text (regression: inverse and
alternative paths came out as ``path: null``)."""

from __future__ import annotations

import json

from rdflib import Graph
from rdflib.namespace import RDF, SH

from isrp_graph.namespaces import ISRP
from isrp_graph.validation import validate
from isrp_graph.validation.paths import path_text

from .conftest import DATA_GRAPH, FIXTURES, ONTOLOGY, ONTOLOGY_GRAPH, SHAPES_GRAPH, parse, store_with

P = "https://w3id.org/isrp/def#"
EXPECTED_PATHS = {
    f"^<{P}relatesPlan>",
    "(<http://www.w3.org/2004/02/skos/core#definition>|<http://purl.org/dc/terms/description>)",
    f"<{P}responsibleOrganization>/<http://www.w3.org/2000/01/rdf-schema#label>",
    f"<{P}supersedes>+",
    f"(^<{P}supersedes>)*",
}


def _report():  # type: ignore[no-untyped-def]
    store = store_with(
        {
            ONTOLOGY_GRAPH: ONTOLOGY,
            SHAPES_GRAPH: FIXTURES / "paths-shapes.ttl",
            DATA_GRAPH: FIXTURES / "paths-data.ttl",
        }
    )
    try:
        return validate(store)
    finally:
        store.close()


def test_turtle_conforms_is_false_beside_results_without_violations() -> None:
    report = _report()
    assert report.counts["Violation"] == 0 and len(report.results) == 5
    graph = Graph().parse(data=report.to_turtle(), format="turtle")
    node = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert len(list(graph.objects(node, SH.result))) == 5
    assert list(graph.objects(node, SH.conforms)) == [graph.value(node, SH.conforms)]  # exactly one
    assert graph.value(node, SH.conforms).toPython() is False
    assert graph.value(node, ISRP.noViolations).toPython() is True
    data = json.loads(report.to_json())
    assert data["conforms"] is False and data["no_violations"] is True
    assert report.conforms is True  # the CLI's exit code still follows the product's verdict


def test_a_filtered_report_without_results_conforms() -> None:
    report = _report().filtered("Violation")
    graph = Graph().parse(data=report.to_turtle(), format="turtle")
    node = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert list(graph.objects(node, SH.result)) == []
    assert graph.value(node, SH.conforms).toPython() is True


def test_json_names_every_path() -> None:
    data = json.loads(_report().to_json())
    assert {r["path"] for r in data["results"]} == EXPECTED_PATHS


def test_text_names_every_path() -> None:
    lines = [line for line in _report().to_text().splitlines() if line.startswith("    - ")]
    assert len(lines) == 5
    for words in (
        "^betrifft Planung",
        "definition | description",
        "federführende Stelle / label",
        "supersedes+",
        "^supersedes*",
    ):
        assert sum(words in line for line in lines) == 1, (words, lines)


def test_path_text_refuses_malformed_paths() -> None:
    shapes = parse(FIXTURES / "paths-shapes.ttl")
    paths = [shapes.value(p, SH.path) for p in shapes.objects(None, SH.property)]
    assert {path_text(shapes, p) for p in paths} == EXPECTED_PATHS
    assert path_text(shapes, None) is None
    empty = Graph()
    from rdflib import BNode

    assert path_text(empty, BNode()) is None
