"""The catalogue of named queries: every .rq file parses, is documented in German and English, declares
exactly the parameters it uses, and keeps its decorator block valid YAML (so grlc can read it too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from isrp_graph.queries import (
    PARAM_TYPES,
    QueryCatalogueError,
    UnknownQuery,
    catalogue,
    get_query,
    parse_header,
    parse_query_file,
)
from isrp_graph.resources import queries_dir

EXPECTED = {
    "area-within",
    "concept-broader",
    "plans-in-force",
    "areas-high-need-uncovered",
    "funding-coordination",
    "funding-matrix",
    "gaps-mandatory-provisions",
    "gaps-needs",
    "gaps-target-groups",
    "gaps-topics",
    "guidelines-unimplemented",
    "measure-plan-fit",
    "measures-incomplete",
    "measures-unassigned",
    "measures-unfunded",
    "may-edit",
    "overlaps-funding",
    "overlaps-network",
    "overlaps-target-topic",
    "plan-interfaces",
    "plan-relations",
    "plan-spatial-systems",
    "plans-ended",
    "plans-overview",
    "plans-update-overdue",
    "spatial-crosswalk",
    "spatial-nesting",
}


def test_every_file_is_in_the_catalogue_with_both_languages() -> None:
    queries = catalogue()
    assert {q.name for q in queries} == EXPECTED
    assert {p.stem for p in queries_dir().glob("*.rq")} == EXPECTED
    for query in queries:
        assert query.title and query.title_en and query.title != query.title_en, query.name
        assert query.description and query.description_en, query.name
        assert query.tags, query.name
        for parameter in query.parameters:
            assert parameter.type in PARAM_TYPES
            assert parameter.description and parameter.description_en, (query.name, parameter.name)
            assert f"?{parameter.variable}" in query.text


def test_titles_in_the_asked_language() -> None:
    query = get_query("gaps-needs")
    assert query.title_in("de") == "Bedarfe ohne Planung oder Maßnahme"
    assert query.title_in("en") == "Needs no plan or measure addresses"
    assert query.title_in("fr") == query.title  # unknown language: German
    assert [(p.name, p.type, p.default, p.required) for p in query.parameters] == [
        ("date", "date", "today", False),
        ("examples", "boolean", "false", False),
        ("kommune", "iri", "", False),
        ("lang", "string", "de", False),
    ]
    fit = get_query("measure-plan-fit")
    assert [(p.name, p.variable, p.required) for p in fit.parameters] == [
        ("measure", "_measure_iri", True),
        ("date", "_date", False),
        ("lang", "_lang", False),
    ]


def test_headers_are_valid_yaml_with_the_same_content() -> None:
    yaml = pytest.importorskip("yaml")
    for path in queries_dir().glob("*.rq"):
        lines = [
            line[3:] if line.startswith("#+ ") else line[2:]
            for line in path.read_text().splitlines()
            if line.startswith("#+")
        ]
        loaded = yaml.safe_load("\n".join(lines))
        parsed = parse_header(path.read_text(), path.name)
        assert loaded["summary"] == parsed["summary"], path.name
        assert loaded["description_en"] == parsed["description_en"], path.name
        assert tuple(loaded["tags"]) == parsed["tags"], path.name
        params = {
            name: {k: (tuple(v) if isinstance(v, list) else str(v)) for k, v in fields.items()}
            for name, fields in (loaded.get("params") or {}).items()
        }
        assert params == parsed.get("params", {}), path.name


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_headers_are_refused(tmp_path: Path) -> None:
    good = "#+ summary: Titel\n#+ summary_en: Title\nSELECT * WHERE { ?s ?p ?o }\n"
    assert parse_query_file(_write(tmp_path, "good", good)).title == "Titel"
    cases = {
        "no-english": "#+ summary: Titel\nSELECT * WHERE { ?s ?p ?o }\n",
        "unquoted-colon": "#+ summary: Titel: mit Doppelpunkt\n#+ summary_en: T\nSELECT * {}\n",
        "undeclared": "#+ summary: T\n#+ summary_en: T\nSELECT * WHERE { ?s ?p ?_x }\n",
        "unused": (
            "#+ summary: T\n#+ summary_en: T\n#+ params:\n#+   x:\n#+     type: string\n"
            "#+     description: d\n#+     description_en: d\nSELECT * WHERE { ?s ?p ?o }\n"
        ),
        "bad-type": (
            "#+ summary: T\n#+ summary_en: T\n#+ params:\n#+   x:\n#+     type: float\n"
            "SELECT * WHERE { ?s ?p ?_x }\n"
        ),
        "bad-default": (
            "#+ summary: T\n#+ summary_en: T\n#+ params:\n#+   day:\n#+     type: date\n"
            "#+     default: gestern\nSELECT * WHERE { ?s ?p ?_day }\n"
        ),
        "unknown-key": "#+ summary: T\n#+ summary_en: T\n#+ endpoint: http://x\nSELECT * {}\n",
    }
    for name, text in cases.items():
        with pytest.raises(QueryCatalogueError) as caught:
            parse_query_file(_write(tmp_path, name, text))
        assert name in caught.value.message("en") or f"{name}.rq" in str(caught.value)
    with pytest.raises(QueryCatalogueError):
        parse_query_file(_write(tmp_path, "Bad_Name", good))


def test_unknown_or_unsafe_names() -> None:
    for name in ("gibt-es-nicht", "../queries/gaps-needs", "gaps-needs.rq", ""):
        with pytest.raises(UnknownQuery) as caught:
            get_query(name)
        assert "gaps-needs" in caught.value.message("de")  # lists what exists
