"""Engine repairs (store/engines.py) on their own: durations stored as numbers, booleans as 0/1."""

from __future__ import annotations

import pytest

from isrp_graph.store.engines import boolean_variables, limit_error, repair_booleans, repaired_duration

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    ("stored", "expected"),
    [("60", "P5Y"), ("14", "P1Y2M"), ("-3", "-P3M"), ("0", "P0M"), ("93600.0", "P1DT2H"), ("1.5", "PT1.5S")],
)
def test_numbers_become_durations_again(stored: str, expected: str) -> None:
    assert repaired_duration(stored, XSD + "duration") == expected


def test_valid_durations_and_other_types_stay() -> None:
    assert repaired_duration("P5Y", XSD + "duration") is None
    assert repaired_duration("60", XSD + "integer") is None


def test_boolean_variables_follow_expressions_and_aliases() -> None:
    query = """SELECT ?a ?b ?c ?n ?d WHERE {
      { SELECT ?s (EXISTS { ?s ?p ?o } AS ?inner) WHERE { ?s ?p ?o } }
      BIND(?inner AS ?a) BIND(?s = ?s AS ?b) BIND(IF(BOUND(?s), true, false) AS ?c)
      BIND(COUNT(?s) AS ?n) BIND(?_flag AS ?d) }"""
    assert boolean_variables(query, frozenset({"_flag"})) == {"inner", "a", "b", "c", "_flag", "d"}
    assert boolean_variables("not sparql", frozenset({"x"})) == {"x"}


def test_repair_booleans_only_where_boolean() -> None:
    rows = [
        {
            "e": {"type": "literal", "datatype": XSD + "integer", "value": "1"},
            "n": {"type": "literal", "datatype": XSD + "integer", "value": "1"},
            "s": {"type": "literal", "datatype": XSD + "boolean", "value": "0"},
        }
    ]
    repair_booleans(rows, frozenset({"e"}))
    assert rows[0]["e"] == {"type": "literal", "datatype": XSD + "boolean", "value": "true"}
    assert rows[0]["n"]["datatype"] == XSD + "integer"
    assert rows[0]["s"]["value"] == "false"


def test_limits_are_named() -> None:
    error = limit_error("Virtuoso 22023 Error SR087: Wrong type of arguments", "http://x/sparql")
    assert error is not None and "SR087" in str(error) and "Dauer" in str(error)
    assert limit_error("some other error", "http://x/sparql") is None
