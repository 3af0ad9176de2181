"""``isrp validate`` through the real command line (in-process), on a store filled with the fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

from isrp_graph.store.embedded import EmbeddedStore

from .conftest import DATA_GRAPH, FIXTURES, ONTOLOGY, ONTOLOGY_GRAPH, SHAPES_GRAPH, parse


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """The CLI's store folder (tmp_path/store) with ontology, fixture shapes and fixture data."""
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs(
        {
            ONTOLOGY_GRAPH: parse(ONTOLOGY),
            SHAPES_GRAPH: parse(FIXTURES / "shapes.ttl"),
            DATA_GRAPH: parse(FIXTURES / "data.ttl"),
        }
    )
    store.close()
    return tmp_path / "store"


def test_text_report_and_exit_code_1_on_violations(cli, filled):
    result = cli("validate")
    assert result.code == 1
    assert result.out.startswith("Prüfbericht\n")
    assert "Verstöße: 8 · Warnungen: 7 · Hinweise: 2" in result.out
    assert "■ Einseitige Schnittstelle (Schnittstelle)" in result.out


def test_json_with_severity_filter(cli, filled):
    result = cli("validate", "--format", "json", "--severity", "Warning")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["counts"] == {"Violation": 8, "Warning": 7, "Info": 0}
    assert {r["severity"] for r in data["results"]} == {"Violation", "Warning"}


def test_turtle(cli, filled):
    result = cli("validate", "--format", "ttl", "--severity", "Violation")
    assert result.code == 1
    graph = Graph().parse(data=result.out, format="turtle")
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert len(list(graph.objects(report, SH.result))) == 8


def test_turtle_with_two_jobs_keeps_the_results(cli, filled):
    """The parts of a partitioned run return findings only; Turtle needs pyshacl's results graph, so
    ``--format ttl`` validates in one run whatever ``--jobs`` says."""
    result = cli("validate", "--format", "ttl", "--severity", "Violation", "--jobs", "2")
    assert result.code == 1
    graph = Graph().parse(data=result.out, format="turtle")
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert len(list(graph.objects(report, SH.result))) == 8


def test_completeness_in_english(cli, filled):
    result = cli("--lang", "en", "validate", "--completeness")
    assert result.code == 1
    assert result.out.startswith("Validation report\n")
    assert "Completeness of the sectoral plans (recommended fields)" in result.out
    assert "Integrierte Sozialraumplanung: 2 of 4 (50 %) – missing: cross-cutting topic, legal basis" in (
        result.out
    )


def test_completeness_in_json(cli, filled):
    data = json.loads(cli("validate", "--format", "json", "--completeness").out)
    assert data["completeness"]["https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"] == {
        "filled": 4,
        "total": 4,
        "share": 1.0,
        "missing": [],
    }


def test_exit_code_0_without_violations(cli, tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs({ONTOLOGY_GRAPH: parse(ONTOLOGY), SHAPES_GRAPH: parse(FIXTURES / "shapes.ttl")})
    store.close()
    result = cli("validate")
    assert result.code == 0
    assert "Ergebnis: Alle Pflichtregeln sind erfüllt." in result.out


def test_help_is_german(cli):
    result = cli("validate", "--help")
    assert result.code == 0
    assert "nur Befunde ab dieser Schwere zeigen" in result.out
