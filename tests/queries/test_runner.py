"""Running named queries: values are checked against their type and bound as RDF terms (never pasted),
errors name the parameter in German and English, renderers give standard formats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from isrp_graph.queries import (
    ParameterError,
    bindings_for,
    catalogue,
    get_query,
    run_named,
    to_csv,
    to_json,
    to_table,
)
from isrp_graph.store.base import SelectResult

ECHO = """#+ summary: Echo
#+ summary_en: Echo
#+ params:
#+   text:
#+     type: string
#+     default: x
#+     description: Text
#+     description_en: Text
#+   thing:
#+     type: iri
#+     default: isrp:Measure
#+     description: Ding
#+     description_en: Thing
#+   day:
#+     type: date
#+     default: today
#+     description: Tag
#+     description_en: Day
#+   count:
#+     type: integer
#+     default: "3"
#+     description: Zahl
#+     description_en: Number
#+   flag:
#+     type: boolean
#+     default: "nein"
#+     description: Schalter
#+     description_en: Switch
SELECT ?text ?thing ?day ?count ?flag ?triples WHERE {
  { SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o } }
  BIND(?_text AS ?text) BIND(?_thing_iri AS ?thing) BIND(?_day AS ?day)
  BIND(?_count AS ?count) BIND(?_flag AS ?flag)
}
"""


@pytest.fixture
def echo_dir(tmp_path: Path) -> Path:
    (tmp_path / "echo.rq").write_text(ECHO, encoding="utf-8")
    return tmp_path


def test_values_become_typed_terms(any_store, echo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    params = {"text": "Kinder", "thing": "erfurt:plan/x", "day": "2025-01-31", "count": "-7", "flag": "ja"}
    result = run_named(any_store, "echo", params, directory=echo_dir)
    assert result.rows == [
        {
            "text": Literal("Kinder"),
            "thing": URIRef("https://w3id.org/isrp/erfurt/plan/x"),
            "day": Literal("2025-01-31", datatype=XSD.date),
            "count": Literal("-7", datatype=XSD.integer),
            "flag": Literal("true", datatype=XSD.boolean),
            "triples": Literal("0", datatype=XSD.integer),
        }
    ]


def test_defaults_today_and_lang(echo_dir: Path) -> None:
    query = get_query("echo", echo_dir)
    bound = bindings_for(query, {})
    assert bound["_day"] == Literal(date.today().isoformat(), datatype=XSD.date)
    assert bound["_thing_iri"] == URIRef("https://w3id.org/isrp/def#Measure")
    assert bound["_flag"] == Literal("false", datatype=XSD.boolean)
    overview = get_query("plans-overview")
    assert bindings_for(overview, {}, lang="en")["_lang"] == Literal("en")
    assert bindings_for(overview, {"lang": "de"}, lang="en")["_lang"] == Literal("de")


def test_injection_attempt_is_only_a_string(any_store, echo_dir: Path) -> None:  # type: ignore[no-untyped-def]
    any_store.update('INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> "c" } }')
    attack = 'x" ) } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o #'
    result = run_named(any_store, "echo", {"text": attack}, directory=echo_dir)
    assert [row["text"] for row in result.rows] == [Literal(attack)]
    assert result.rows[0]["triples"] == Literal("1", datatype=XSD.integer)
    assert len(any_store) == 1  # nothing was dropped


@pytest.mark.parametrize(
    ("name", "value", "reason_de", "reason_en"),
    [
        ("thing", "https://x.org/a> } DROP ALL {", "keine gültige IRI", "not a valid IRI"),
        ("thing", "kein iri", "keine gültige IRI", "not a valid IRI"),
        ("day", "31.01.2025", "kein gültiges Datum", "not a valid date"),
        ("day", "2025-02-30", "kein gültiges Datum", "not a valid date"),
        ("count", "3.5", "keine ganze Zahl", "not a whole number"),
        ("flag", "vielleicht", "kein Wahrheitswert", "not a truth value"),
        ("text", "a\x00b", "Steuerzeichen", "control characters"),
    ],
)
def test_bad_values_name_the_parameter(
    echo_dir: Path, name: str, value: str, reason_de: str, reason_en: str
) -> None:
    query = get_query("echo", echo_dir)
    with pytest.raises(ParameterError) as caught:
        bindings_for(query, {name: value})
    assert caught.value.message("de").startswith(f"Parameter {name}: ")
    assert reason_de in caught.value.message("de")
    assert reason_en in caught.value.message("en")


def test_unknown_missing_and_restricted_parameters() -> None:
    with pytest.raises(ParameterError) as unknown:
        bindings_for(get_query("gaps-needs"), {"datum": "2025-01-01"})
    assert unknown.value.message("de") == (
        "Unbekannter Parameter datum für die Abfrage gaps-needs (bekannt: date, examples, kommune, lang)"
    )
    with pytest.raises(ParameterError) as missing:
        bindings_for(get_query("plan-interfaces"), {})
    assert missing.value.message("en") == "Query plan-interfaces needs the parameter plan"
    with pytest.raises(ParameterError) as choice:
        bindings_for(get_query("plans-overview"), {"lang": "fr"})
    assert "de, en" in choice.value.message("de")


def test_every_query_runs_on_the_erfurt_registry(built_registry) -> None:  # type: ignore[no-untyped-def]
    plans = run_named(built_registry, "plans-overview")
    assert len(plans) > 0
    plan = str(plans.rows[0]["plan"])
    measures = built_registry.select("SELECT ?m WHERE { ?m a <https://w3id.org/isrp/def#Measure> } LIMIT 1")
    measure = str(measures.rows[0]["m"]) if measures.rows else "https://w3id.org/isrp/erfurt/measure/none"
    for query in catalogue():
        office = "https://w3id.org/isrp/erfurt/org/jugendamt"
        params = {"plan": plan, "measure": measure, "entry": plan, "organisation": office}
        given = {p.name: params[p.name] for p in query.parameters if p.required}
        for lang in ("de", "en"):
            result = run_named(built_registry, query.name, given, lang)
            assert result.variables, query.name
            keys = [
                tuple(row.get(v) for v in result.variables if not v.endswith("Label")) for row in result.rows
            ]
            assert len(keys) == len(set(keys)), f"{query.name}: duplicate rows"
            labels = [v for v in result.variables if v.endswith("Label")]
            for row in result.rows:  # a label column is filled wherever its entity is
                for label in labels:
                    entity = label.removesuffix("Label")
                    if entity in row and row[entity] is not None:
                        assert row[label] is not None and str(row[label]), (query.name, label)


RESULT = SelectResult(
    variables=["plan", "label", "ok", "items"],
    rows=[
        {
            "plan": URIRef("https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"),
            "label": Literal('Jugendhilfe; "Planung"', lang="de"),
            "ok": Literal("true", datatype=XSD.boolean),
            "items": Literal(
                "https://w3id.org/isrp/vocab/topic/armut https://w3id.org/isrp/vocab/topic/bildung"
            ),
        },
        {"plan": URIRef("https://example.org/x"), "label": None, "ok": None, "items": None},
    ],
)


def test_csv_standard_and_excel() -> None:
    assert to_csv(RESULT) == (
        "plan,label,ok,items\r\n"
        'https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung,"Jugendhilfe; ""Planung""",true,'
        "https://w3id.org/isrp/vocab/topic/armut https://w3id.org/isrp/vocab/topic/bildung\r\n"
        "https://example.org/x,,,\r\n"
    )
    excel = to_csv(RESULT, excel=True)
    assert excel.startswith("\ufeffplan;label;ok;items\r\n")
    assert '"Jugendhilfe; ""Planung"""' in excel


def test_json_is_sparql_results_json() -> None:
    data = json.loads(to_json(RESULT))
    assert data == {
        "head": {"vars": ["plan", "label", "ok", "items"]},
        "results": {
            "bindings": [
                {
                    "plan": {"type": "uri", "value": "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"},
                    "label": {"type": "literal", "value": 'Jugendhilfe; "Planung"', "xml:lang": "de"},
                    "ok": {
                        "type": "literal",
                        "value": "true",
                        "datatype": "http://www.w3.org/2001/XMLSchema#boolean",
                    },
                    "items": {"type": "literal", "value": RESULT.rows[0]["items"].toPython()},
                },
                {"plan": {"type": "uri", "value": "https://example.org/x"}},
            ]
        },
    }


def test_table_for_people() -> None:
    lines = to_table(RESULT, "de").splitlines()
    assert lines[0].split() == ["plan", "label", "ok", "items"]
    assert lines[2].split("  ")[0] == "erfurt:plan/jugendhilfeplanung"
    assert "ja" in lines[2] and "vocab:topic/armut vocab:topic/bildung" in lines[2]
    assert lines[-1] == "2 Zeilen"
    assert to_table(SelectResult(variables=["x"], rows=[]), "en") == "No results."
