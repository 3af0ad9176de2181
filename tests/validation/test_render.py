"""The three views of a report: text, JSON, Turtle."""

from __future__ import annotations

import json

from rdflib import Graph
from rdflib.namespace import RDF, SH

from isrp_graph.namespaces import ISRP, ORG
from isrp_graph.validation import completeness, render_json, validate
from isrp_graph.validation.render import JSON_RESULT_KEYS


def test_json_has_stable_keys_and_values(fixture_store):
    data = json.loads(validate(fixture_store).to_json())
    assert list(data) == ["conforms", "no_violations", "generated_at", "lang", "scope", "counts", "results"]
    assert data["conforms"] is False
    assert data["no_violations"] is False
    assert data["lang"] == "de"
    assert data["scope"] == "all"
    assert data["counts"] == {"Violation": 8, "Warning": 7, "Info": 2}
    assert len(data["results"]) == 17
    for result in data["results"]:
        assert tuple(result) == JSON_RESULT_KEYS
    member = next(r for r in data["results"] if r["path"] == "http://www.w3.org/ns/org#member")
    assert member["focus"].startswith("_:")
    assert member["entry"] == "https://w3id.org/isrp/erfurt/body/begleitgremium"
    assert member["entry_label"] == "Begleitgremium"
    assert member["severity"] == "Violation"
    assert member["node_shape"] == "https://w3id.org/isrp/shapes#MembershipShape"
    assert member["constraint"] == "http://www.w3.org/ns/shacl#MinCountConstraintComponent"
    assert member["message"] == "»Mitglied« fehlt."
    source = next(r for r in data["results"] if r["value"] == "Prozessvorschlag")
    assert source["path"] == "http://purl.org/dc/terms/source"


def test_json_message_language_follows_lang(fixture_store):
    german = json.loads(validate(fixture_store, lang="de").to_json())
    english = json.loads(validate(fixture_store, lang="en").to_json())

    def pick(data):
        label = "http://www.w3.org/2000/01/rdf-schema#label"
        return next(r["message"] for r in data["results"] if r["path"] == label)

    assert pick(german) == "Die Fachplanung braucht einen Namen."
    assert pick(english) == "The sectoral plan needs a name."
    assert english["lang"] == "en"


def test_json_with_completeness(fixture_store):
    text = render_json(validate(fixture_store), completeness(fixture_store))
    data = json.loads(text)
    assert data["completeness"]["https://w3id.org/isrp/erfurt/plan/isrp"] == {
        "filled": 2,
        "total": 4,
        "share": 0.5,
        "missing": ["Querschnittsthema", "Rechtsgrundlage"],
    }


def test_text_is_german_and_grouped_by_entry_then_severity(fixture_store):
    text = validate(fixture_store).to_text()
    lines = text.splitlines()
    assert lines[0] == "Prüfbericht"
    assert "Ergebnis: Pflichtregeln sind verletzt." in lines
    assert "Verstöße: 8 · Warnungen: 7 · Hinweise: 2" in lines
    start = lines.index("■ Integrierte Sozialraumplanung (Integrierte Planung)")
    block = lines[start : start + 11]
    assert block == [
        "■ Integrierte Sozialraumplanung (Integrierte Planung)",
        "  https://w3id.org/isrp/erfurt/plan/isrp",
        "  Verstöße:",
        "    - »federführende Stelle« fehlt.",
        "  Warnungen:",
        "    - »Fortschreibungszyklus« hat zu viele Angaben (höchstens 1).",
        "    - »Querschnittsthema« fehlt.",
        "    - »Rechtsgrundlage« fehlt.",
        "  Hinweise:",
        "    - »zuletzt fortgeschrieben« fehlt.",
        "",
    ]
    assert "    - [Membership] »Mitglied« fehlt." in lines
    assert "    - Name: Die Fachplanung braucht einen Namen." in lines


def test_text_in_english(fixture_store):
    text = validate(fixture_store, lang="en").to_text()
    assert text.startswith("Validation report\n")
    assert "Violations: 8 · Warnings: 7 · Infos: 2" in text
    assert "  Warnings:" in text


def test_text_without_findings(memory_store):
    text = validate(memory_store).to_text()
    assert "Ergebnis: Alle Pflichtregeln sind erfüllt." in text
    assert text.rstrip().endswith("Keine Befunde.")


def results_in(turtle: str) -> tuple[Graph, list]:
    graph = Graph().parse(data=turtle, format="turtle")
    reports = list(graph.subjects(RDF.type, SH.ValidationReport))
    assert len(reports) == 1
    return graph, list(graph.objects(reports[0], SH.result))


def test_turtle_is_the_standard_report(fixture_store):
    graph, results = results_in(validate(fixture_store).to_turtle())
    assert len(results) == 17
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert graph.value(report, SH.conforms).toPython() is False
    severities = sorted(str(graph.value(r, SH.resultSeverity)).rsplit("#", 1)[1] for r in results)
    assert severities == ["Info"] * 2 + ["Violation"] * 8 + ["Warning"] * 7


def test_filtered_turtle_keeps_only_those_results(fixture_store):
    graph, results = results_in(validate(fixture_store).filtered("Violation").to_turtle())
    assert len(results) == 8
    assert {graph.value(r, SH.resultSeverity) for r in results} == {SH.Violation}
    # the blank focus node of the membership result is still described
    member = next(r for r in results if graph.value(r, SH.resultPath) == ORG.member)
    assert (graph.value(member, SH.focusNode), RDF.type, ORG.Membership) in graph


def test_turtle_of_a_conforming_store(memory_store):
    graph, results = results_in(validate(memory_store).to_turtle())
    assert results == []
    report = next(graph.subjects(RDF.type, SH.ValidationReport))
    assert graph.value(report, SH.conforms).toPython() is True
    assert graph.value(report, ISRP.noViolations).toPython() is True
