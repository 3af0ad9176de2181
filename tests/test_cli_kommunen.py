"""The municipality scope in the CLI: ``isrp kommunen``, ``--kommune`` on the analysis commands, the
setting ``ISRP_KOMMUNE`` as default, and the refusal of unknown names (exit 2, naming the known ones)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import pytest
from kommunen_fixture import ERFURT, FIXTURE, MUSTERSTADT, MUSTERSTADT_MARK, two_municipality_store

from isrp_graph.cli_commands.common import ExitCode
from isrp_graph.cli_commands.kommunen import kommunen_of, names_of
from isrp_graph.scope import ScopeError
from isrp_graph.settings import Settings


@pytest.fixture
def two(cli):  # type: ignore[no-untyped-def]
    """The CLI on an embedded store with Erfurt and the invented Musterstadt."""
    assert cli("load").code == ExitCode.OK
    assert cli("load", str(FIXTURE)).code == ExitCode.OK
    return cli


def test_kommunen_lists_label_slug_and_entries_in_every_format(two) -> None:  # type: ignore[no-untyped-def]
    table = two("kommunen")
    assert table.code == ExitCode.OK
    assert "Landeshauptstadt Erfurt" in table.out and "Stadt Musterstadt" in table.out
    assert "Kurzname" in table.out and "2 Kommune(n)" in table.out
    rows = {r["slug"]: r for r in json.loads(two("municipalities", "--format", "json").out)}
    assert rows["musterstadt"]["entries"] == 8 and rows["musterstadt"]["iri"] == MUSTERSTADT
    assert rows["erfurt"]["entries"] > 400 and rows["erfurt"]["served"] is True
    parsed = list(csv.reader(io.StringIO(two("--lang", "en", "kommunen", "--format", "csv").out)))
    assert parsed[0] == ["Name", "Short name", "Entries", "Served", "IRI"]
    assert ["Stadt Musterstadt", "musterstadt", "8", "yes", MUSTERSTADT] in parsed


def test_kommunen_marks_what_the_setting_serves(two) -> None:  # type: ignore[no-untyped-def]
    listed = two("kommunen", "--format", "json", env={"ISRP_KOMMUNE": "erfurt"})
    rows = {r["slug"]: r for r in json.loads(listed.out)}
    assert rows["erfurt"]["served"] is True and rows["musterstadt"]["served"] is False


def test_an_unknown_municipality_exits_2_naming_the_known_ones(two) -> None:  # type: ignore[no-untyped-def]
    result = two("analyse", "gaps", "--kommune", "Jena")
    assert result.code == ExitCode.USAGE
    assert "Unbekannte Kommune „Jena“" in result.err and "erfurt, musterstadt" in result.err
    english = two("--lang", "en", "report", "-o", "bericht", "--kommune", "erfurt,Jena")
    assert english.code == ExitCode.USAGE and "Unknown municipality 'Jena'" in english.err
    refused = two("analyse", "gaps", env={"ISRP_KOMMUNE": "Atlantis"})
    assert refused.code == ExitCode.USAGE and "„Atlantis“" in refused.err and "ISRP_KOMMUNE" in refused.err


def test_names_are_repeatable_or_comma_separated_and_resolved_against_the_store() -> None:
    store = two_municipality_store()
    try:
        args = argparse.Namespace(kommune=["erfurt, Stadt Musterstadt", "ERFURT"])
        assert names_of(args) == ["erfurt", "Stadt Musterstadt", "ERFURT"]
        assert kommunen_of(args, Settings(), store) == (ERFURT, MUSTERSTADT)
        none = argparse.Namespace(kommune=[])
        assert kommunen_of(none, Settings(), store) == ()
        assert kommunen_of(none, Settings(kommune=("musterstadt",)), store) == (MUSTERSTADT,)
        # --kommune wins over the setting
        given = argparse.Namespace(kommune=["erfurt"])
        assert kommunen_of(given, Settings(kommune=("musterstadt",)), store) == (ERFURT,)
        with pytest.raises(ScopeError):
            kommunen_of(argparse.Namespace(kommune=["weimar"]), Settings(), store)
    finally:
        store.close()


def test_report_records_the_scope_it_was_made_for(two, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = two("report", "-o", str(tmp_path / "bericht"), "--kommune", "erfurt")
    assert made.code == ExitCode.OK, made.err
    findings = json.loads((tmp_path / "bericht" / "findings.json").read_text(encoding="utf-8"))
    assert findings["kommunen"] == [ERFURT]
    assert "Befunde für: Landeshauptstadt Erfurt" in made.err
    everything = two("report", "-o", str(tmp_path / "alle"))
    assert everything.code == ExitCode.OK
    assert json.loads((tmp_path / "alle" / "findings.json").read_text(encoding="utf-8"))["kommunen"] == []


@pytest.mark.parametrize("analysis", ["interfaces", "overlaps", "gaps", "funding", "spatial"])
def test_end_to_end_erfurt_only_analysis_shows_no_entry_of_musterstadt(two, analysis: str) -> None:  # type: ignore[no-untyped-def]
    """Passes once the analyses honour AnalysisOptions.kommunen (helper "analyses")."""
    everything = two("analyse", analysis, "--include-examples", "--format", "json")
    assert everything.code == ExitCode.OK and MUSTERSTADT_MARK in everything.out
    erfurt = two("analyse", analysis, "--include-examples", "--format", "json", "--kommune", "erfurt")
    assert erfurt.code == ExitCode.OK
    assert MUSTERSTADT_MARK not in erfurt.out


def test_sozialplanungsreport_never_mixes_in_another_municipality(two, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An Erfurt-only report on a store with another municipality is made (no refusal) and holds no
    Musterstadt; its title names Erfurt. ``--kommune musterstadt`` names no Erfurt plan."""
    target = tmp_path / "spr.html"
    result = two("sozialplanungsreport", "--jahr", "2025", "-o", str(target), "--kommune", "erfurt")
    assert result.code == ExitCode.OK, result.err
    html = target.read_text(encoding="utf-8")
    assert MUSTERSTADT_MARK not in html
    assert "<h1>Sozialplanungsreport 2025 – Landeshauptstadt Erfurt</h1>" in html
    other = tmp_path / "muster.html"
    result = two("sozialplanungsreport", "--jahr", "2025", "-o", str(other), "--kommune", "musterstadt")
    assert result.code == ExitCode.OK, result.err
    assert "Erfurt" not in other.read_text(encoding="utf-8")


def test_serve_refuses_to_start_for_an_unknown_municipality(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--store", "memory", "serve", "--port", "18201", env={"ISRP_KOMMUNE": "erfurt,Atlantis"})
    assert result.code == ExitCode.USAGE
    assert "„Atlantis“" in result.err and "startet nicht" in result.err and "erfurt" in result.err
