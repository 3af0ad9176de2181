"""The ``isrp`` command: help, core commands, exit codes. In-process via ``main([...])`` (fixture
``cli``) and once as a real subprocess."""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import URIRef

from isrp_graph import cli as cli_module
from isrp_graph.cli_commands import core
from isrp_graph.cli_commands.common import ExitCode
from isrp_graph.loading import FORMATS, parse_file
from isrp_graph.namespaces import GRAPH

FIXTURES = Path(__file__).parent / "store" / "fixtures"


def test_help_is_german_and_names_every_core_command(cli) -> None:
    result = cli("--help")
    assert result.code == ExitCode.OK
    assert result.out.startswith("Aufruf: isrp")
    for word in ("Befehle", "Optionen", "run", "load", "stats", "query", "export", "Rückgabewerte"):
        assert word in result.out
    assert "(The ISRP planning-system registry" in result.out  # English in the description


def test_help_in_english(cli) -> None:
    result = cli("--lang", "en", "--help")
    assert result.code == ExitCode.OK
    assert result.out.startswith("usage: isrp")
    assert "commands" in result.out and "Exit codes" in result.out


@pytest.mark.parametrize("command", ["run", "load", "stats", "query", "export"])
def test_every_command_has_german_help(cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.code == ExitCode.OK
    assert "diese Hilfe zeigen und beenden" in result.out


def test_command_modules_all_import() -> None:
    assert cli_module.COMMAND_MODULES[0] == "isrp_graph.cli_commands.core"
    for name in cli_module.COMMAND_MODULES:
        importlib.import_module(name)
    cli_module.build_parser()


def test_usage_errors_exit_2(cli) -> None:
    assert cli("bogus").code == ExitCode.USAGE
    none = cli()
    assert none.code == ExitCode.USAGE and "isrp run" in none.err
    assert cli("export", "--format", "yaml").code == ExitCode.USAGE
    missing = cli("query")
    assert missing.code == ExitCode.USAGE and "Abfrage" in missing.err


def test_bad_settings_exit_2(cli) -> None:
    result = cli("stats", env={"ISRP_LANG": "fr"})
    assert result.code == ExitCode.USAGE
    assert "ISRP" not in result.out


def test_load_then_stats(cli) -> None:
    loaded = cli("load")
    assert loaded.code == ExitCode.OK
    assert "Geladen:" in loaded.err
    stats = cli("stats")
    assert stats.code == ExitCode.OK
    assert stats.out.startswith("ISRP-Register – Übersicht")
    assert "Klasse" in stats.out and "Einträge" in stats.out and "Tripel gesamt:" in stats.out
    graphs = cli("stats", "--graphs")
    assert "graph/ontology/isrp" in graphs.out or "<https://w3id.org/isrp/graph/ontology/isrp>" in graphs.out
    data = json.loads(cli("stats", "--format", "json").out)
    assert data["triples"] > 0 and data["classes"]
    english = cli("--lang", "en", "stats")
    assert english.out.startswith("ISRP registry – overview")


def test_stats_on_an_empty_store(cli) -> None:
    result = cli("stats")
    assert result.code == ExitCode.OK
    assert "isrp load" in result.out


def test_load_files_as_imports_and_syntax_errors_exit_3(cli, tmp_path: Path) -> None:
    good = tmp_path / "liste.ttl"
    good.write_text('<http://example.org/a> <http://example.org/p> "x" .\n', encoding="utf-8")
    assert cli("load", str(good)).code == ExitCode.OK
    listed = cli("query", "--format", "csv", "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert str(GRAPH["import/liste"]) in listed.out
    bad = tmp_path / "kaputt.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:p "offen .\n', encoding="utf-8")
    result = cli("load", str(good), str(bad))
    assert result.code == ExitCode.INPUT
    assert f"Syntaxfehler in {bad}, Zeile 2" in result.err
    english = cli("--lang", "en", "load", str(bad))
    assert f"Syntax error in {bad}, line 2" in english.err
    assert cli("load", str(tmp_path / "fehlt.ttl")).code == ExitCode.INPUT
    assert cli("load", "--format", "nt", str(good)).code == ExitCode.OK


def test_query_formats(cli, tmp_path: Path) -> None:
    cli("load", str(FIXTURES / "formats" / "sample.ttl"))
    text = "SELECT ?p ?o WHERE { <http://example.org/a> ?p ?o } ORDER BY ?p"
    table = cli("query", text)
    assert table.code == ExitCode.OK
    assert table.out.splitlines()[0].split() == ["p", "o"]
    assert "4 Zeilen" in table.out
    rows = list(csv.reader(io.StringIO(cli("query", "--format", "csv", text).out)))
    assert rows[0] == ["p", "o"] and len(rows) == 5
    data = json.loads(cli("query", "--format", "json", text).out)
    assert data["head"]["vars"] == ["p", "o"] and len(data["results"]["bindings"]) == 4
    limited = cli("query", "--limit", "2", text)
    assert "2 Zeilen" in limited.out and "gekürzt" in limited.err
    assert cli("query", "ASK { ?s ?p ?o }").out.strip() == "ja"
    assert cli("--lang", "en", "query", "ASK { <http://x> ?p ?o }").out.strip() == "no"
    built = cli("query", "CONSTRUCT WHERE { <http://example.org/a> <http://example.org/text> ?o }")
    assert "<http://example.org/a>" in built.out and "Zeilen" in built.out  # Turtle of the text
    query_file = tmp_path / "frage.rq"
    query_file.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    assert cli("query", "--format", "csv", str(query_file)).out.splitlines()[1] == "5"
    assert cli("query", "--format", "csv", "--file", str(query_file)).out.splitlines()[1] == "5"


def test_query_errors(cli) -> None:
    broken = cli("query", "SELECT ?s WHERE { ?s ?p }")
    assert broken.code == ExitCode.INPUT and "fehlerhaft" in broken.err
    update = cli("query", "DROP ALL")
    assert update.code == ExitCode.INPUT and "keine Änderungen" in update.err


def test_store_unreachable_exits_4(cli) -> None:
    result = cli("--store", "http://127.0.0.1:9/sparql", "stats")
    assert result.code == ExitCode.STORE
    assert "nicht erreichbar" in result.err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_every_format(cli, tmp_path: Path, fmt: str) -> None:
    cli("load", str(FIXTURES / "formats" / "sample.trig"))
    target = tmp_path / f"abzug.{fmt}"
    result = cli("export", "--format", fmt, "-o", str(target))
    assert result.code == ExitCode.OK
    parsed = parse_file(target, URIRef("http://example.org/default"), fmt)
    assert sum(len(g) for g in parsed.values()) == 5


def test_export_guesses_format_and_can_pick_graphs(cli, tmp_path: Path) -> None:
    cli("load", str(FIXTURES / "formats" / "sample.trig"))
    target = tmp_path / "nur-g2.nq"
    result = cli("export", "-o", str(target), "--graph", "http://example.org/g2")
    assert result.code == ExitCode.OK and "3 Tripel" in result.err
    assert all(line.endswith("<http://example.org/g2> .") for line in target.read_text().splitlines())
    to_stdout = cli("export", "--format", "nt")
    assert len(to_stdout.out.strip().splitlines()) == 5


def test_run_no_serve_builds_and_prints_the_summary(cli) -> None:
    result = cli("run", "--no-serve")
    assert result.code == ExitCode.OK
    assert "ISRP-Register – Übersicht" in result.out
    assert "Tripel gesamt:" in result.out


def test_run_serves_the_web_app_when_it_exists(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple] = []
    monkeypatch.setattr(core, "web_app_factory", lambda: lambda settings: ("app", settings))
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, host, port: calls.append((app[0], host, port)))
    result = cli("run", "--port", "8123")
    assert result.code == ExitCode.OK
    assert calls == [("app", "127.0.0.1", 8123)]
    assert "http://127.0.0.1:8123/" in result.err


def test_run_without_web_app_just_ends(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core, "web_app_factory", lambda: None)
    result = cli("run")
    assert result.code == ExitCode.OK
    assert "noch nicht eingebaut" in result.err


def test_real_subprocess(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ISRP_")}
    env["ISRP_STORE"] = "memory"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    done = subprocess.run(
        [sys.executable, "-m", "isrp_graph", "run", "--no-serve"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "ISRP-Register – Übersicht" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "isrp_graph", "query", "SELECT"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert bad.returncode == ExitCode.INPUT
