"""The commands queries, run-query, analyse and report through the real ``isrp`` entry point."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def _load(cli, *names: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("load", *(str(FIXTURES / f"{n}.ttl") for n in names))
    assert result.code == 0, result.err


def test_queries_lists_the_catalogue(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("queries")
    assert result.code == 0
    assert "gaps-needs\n    Bedarfe ohne Planung oder Maßnahme" in result.out
    assert "--param plan=… (iri; Pflichtangabe)" in result.out
    assert result.out.rstrip().endswith("27 benannte Abfragen")
    english = json.loads(cli("--lang", "en", "queries", "--format", "json").out)
    needs = next(q for q in english if q["name"] == "gaps-needs")
    assert needs["title"] == "Needs no plan or measure addresses"
    assert [p["name"] for p in needs["parameters"]] == ["date", "examples", "kommune", "lang"]


def test_run_query_with_parameters_and_formats(cli) -> None:  # type: ignore[no-untyped-def]
    _load(cli, "vocab", "gaps")
    csv = cli("run-query", "plans-ended", "--param", "date=2025-06-30", "--format", "csv")
    assert csv.code == 0, csv.err
    lines = csv.out.split("\r\n")
    assert lines[0] == "plan,planLabel,end,originalEnd,extendedTo,status,statusLabel,municipality"
    assert [line.split(",")[1] for line in lines[1:3]] == ["Altenhilfeplan", "Familienförderplan"]
    table = cli("run-query", "plans-ended", "-p", "date=2022-06-30")
    assert table.out.strip() == "Keine Treffer."
    data = json.loads(cli("run-query", "gaps-needs", "-p", "date=2025-06-30", "--format", "json").out)
    assert len(data["results"]["bindings"]) == 2


def test_run_query_errors_name_the_problem(cli) -> None:  # type: ignore[no-untyped-def]
    bad = cli("run-query", "plans-ended", "--param", "date=30.06.2025")
    assert bad.code == 3
    assert "Parameter date: '30.06.2025' ist kein gültiges Datum" in bad.err
    assert cli("--lang", "en", "run-query", "plans-ended", "-p", "date").code == 2
    unknown = cli("run-query", "gibt-es-nicht")
    assert unknown.code == 3 and "Keine benannte Abfrage 'gibt-es-nicht'" in unknown.err


def test_analyse_prints_tables_csv_json(cli) -> None:  # type: ignore[no-untyped-def]
    _load(cli, "vocab", "overlaps")
    text = cli("analyse", "overlaps")
    assert text.code == 0, text.err
    assert text.out.startswith("Nicht erklärte Schnittstellen\n")
    csv = cli("analyse", "overlaps", "--table", "overlaps-undeclared", "--format", "csv")
    assert csv.out.split("\r\n")[1].startswith("1,Kita-Bedarfsplan,Schulnetzplan,mittel,,4,")
    data = json.loads(
        cli(
            "analyse", "interfaces", "--plan", "https://w3id.org/isrp/testa/plan/senioren", "--format", "json"
        ).out
    )
    assert [d["partner"]["label"] for d in data["delimitations"]] == ["Quartierskonzept Rieth"]
    wrong = cli("analyse", "overlaps", "--table", "nope")
    assert wrong.code == 2 and "overlaps-undeclared, overlaps-contained, overlaps-all" in wrong.err


def test_report_command_writes_the_folder(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _load(cli, "vocab", "overlaps")
    result = cli("report", "-o", str(tmp_path / "out"), "--date", "2025-06-30")
    assert result.code == 0, result.err
    assert (tmp_path / "out" / "index.html").is_file()
    assert (tmp_path / "out" / "overlaps-undeclared.csv").read_bytes().count(b"\r\n") == 4
    assert "Bericht geschrieben" in result.err
