"""Completeness per Fachplanung, derived from the Warning-level property shapes."""

from __future__ import annotations

from rdflib import Graph, URIRef

from isrp_graph.validation import CompletenessScore, completeness

from .conftest import FIXTURES, SHAPES_GRAPH

E = "https://w3id.org/isrp/erfurt/"
JUGENDHILFE = URIRef(E + "plan/jugendhilfeplanung")
PLAN_ISRP = URIRef(E + "plan/isrp")
SCHULNETZ = URIRef(E + "plan/schulnetzplanung")


def test_scores_of_the_fixture_plans(fixture_store):
    scores = completeness(fixture_store)
    # ordered by label; the untyped plan counts because isrp:relatesPlan has range SectoralPlan
    assert list(scores) == [PLAN_ISRP, JUGENDHILFE, SCHULNETZ]
    assert scores[JUGENDHILFE] == CompletenessScore(4, 4, 1.0, [], "Jugendhilfeplanung")
    assert scores[PLAN_ISRP] == CompletenessScore(
        2, 4, 0.5, ["Querschnittsthema", "Rechtsgrundlage"], "Integrierte Sozialraumplanung"
    )
    assert scores[SCHULNETZ] == CompletenessScore(
        0, 4, 0.0, ["Laufzeit", "Querschnittsthema", "Rechtsgrundlage", "Zielgruppe"], "schulnetzplanung"
    )


def test_field_names_in_english(fixture_store):
    scores = completeness(fixture_store, lang="en")
    assert scores[PLAN_ISRP].missing == ["cross-cutting topic", "legal basis"]
    assert scores[JUGENDHILFE].label == "Youth welfare planning"


def edit_shapes(store, old: str, new: str) -> None:
    text = (FIXTURES / "shapes.ttl").read_text(encoding="utf-8")
    assert old in text
    store.replace_graph(SHAPES_GRAPH, Graph().parse(data=text.replace(old, new), format="turtle"))


def test_scores_follow_the_shapes(fixture_store):
    """Raise the topic field from Warning to Violation: it no longer counts as recommended."""
    edit_shapes(
        fixture_store,
        '[ sh:path isrp:topic ; sh:name "Querschnittsthema"@de , "cross-cutting topic"@en ;\n'
        "          sh:severity sh:Warning ;",
        '[ sh:path isrp:topic ; sh:name "Querschnittsthema"@de , "cross-cutting topic"@en ;\n'
        "          sh:severity sh:Violation ;",
    )
    scores = completeness(fixture_store)
    assert scores[PLAN_ISRP] == CompletenessScore(
        2, 3, 2 / 3, ["Rechtsgrundlage"], "Integrierte Sozialraumplanung"
    )


def test_subproperty_values_fill_a_field_and_order_is_respected(fixture_store):
    """A recommended prov:wasAttributedTo is filled by isrp:responsibleOrganization (a subproperty);
    sh:order puts it first."""
    edit_shapes(
        fixture_store,
        "sh:property isrps:SectoralPlan-label ,",
        "sh:property isrps:SectoralPlan-label ,\n"
        '        [ sh:path prov:wasAttributedTo ; sh:name "zuständig"@de ; sh:order 1 ;\n'
        "          sh:severity sh:Warning ; sh:minCount 1 ] ,",
    )
    scores = completeness(fixture_store)
    assert scores[JUGENDHILFE] == CompletenessScore(5, 5, 1.0, [], "Jugendhilfeplanung")
    assert scores[PLAN_ISRP].missing == ["zuständig", "Querschnittsthema", "Rechtsgrundlage"]


def test_no_plans_no_scores(memory_store):
    assert completeness(memory_store) == {}
