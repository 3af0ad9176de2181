"""The report folder on the fixture graphs: files, accessible self-contained HTML, Excel CSV, JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from isrp_graph.analyses.registry import AnalysisOptions
from isrp_graph.report import write_report

OPTIONS = AnalysisOptions(
    reference_date=date(2025, 6, 30), reference_system="https://w3id.org/isrp/tests/spatial-system/ortsteile"
)
TABLES = {
    "interface-matrix",
    "interface-pairs",
    "overlaps-undeclared",
    "overlaps-contained",
    "overlaps-all",
    "overlaps-examples",
    "gaps-examples",
    "gaps-target-groups",
    "gaps-topics",
    "gaps-needs",
    "gaps-mandatory",
    "gaps-ended",
    "gaps-overdue",
    "gaps-unassigned",
    "gaps-guidelines",
    "gaps-incomplete",
    "gaps-high-need",
    "funding-matrix",
    "funding-coordination",
    "funding-unfunded",
    "spatial-systems",
    "spatial-non-nesting",
    "spatial-crosswalk",
}


class _Audit(HTMLParser):
    """Collects what an accessibility check looks at."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang: str | None = None
        self.tags: list[str] = []
        self.th_without_scope = 0
        self.tables = 0
        self.captions = 0
        self.external: list[str] = []
        self.headings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.html_lang = values.get("lang")
        if tag == "th" and values.get("scope") not in ("col", "row"):
            self.th_without_scope += 1
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag in ("h1", "h2", "h3"):
            self.headings.append(tag)
        for name in ("src", "href"):
            link = values.get(name) or ""
            if "://" in link or link.startswith("//"):
                self.external.append(link)


def _store(fixture_store):  # type: ignore[no-untyped-def]
    return fixture_store("vocab", "overlaps", "gaps", "funding", "spatial")


def test_folder_has_page_csv_and_json(fixture_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    written = write_report(
        _store(fixture_store), tmp_path / "bericht", options=OPTIONS, now=datetime(2025, 7, 1, 9, 30)
    )
    names = {p.name for p in (tmp_path / "bericht").iterdir()}
    assert names == {"index.html", "findings.json"} | {f"{t}.csv" for t in TABLES}
    assert written.index == tmp_path / "bericht" / "index.html"
    assert written.counts["overlaps-undeclared"] == 3
    assert written.counts["gaps-unassigned"] == 2
    assert "interface-matrix" not in written.counts  # an overview, not a list of findings


def test_html_is_german_accessible_and_self_contained(fixture_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    written = write_report(_store(fixture_store), tmp_path, options=OPTIONS)
    page = written.index.read_text(encoding="utf-8")
    audit = _Audit()
    audit.feed(page)
    assert audit.html_lang == "de"
    assert audit.headings[0] == "h1" and audit.headings.count("h1") == 1
    assert audit.th_without_scope == 0
    assert audit.tables == audit.captions and audit.tables > 5
    assert audit.external == []
    assert "script" not in audit.tags and "link" not in audit.tags and "img" not in audit.tags
    assert "<title>ISRP-Analysen: Planungssystem auf einen Blick</title>" in page
    assert '<svg class="chart" role="img" aria-labelledby="chart-title chart-desc"' in page
    assert (
        '<th scope="row">1</th><td>Kita-Bedarfsplan</td><td>Schulnetzplan</td><td>mittel</td><td></td>'
        "<td>4</td>" in page
    )
    assert "Stichtag 30.06.2025" in page
    assert "nicht im Register erfasst" in page and "Beispiele (nicht gezählt)" in page
    assert '<a href="overlaps-undeclared.csv">' in page


def test_csv_for_german_excel(fixture_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_report(_store(fixture_store), tmp_path, options=OPTIONS)
    raw = (tmp_path / "gaps-overdue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").split("\r\n") == [
        "Planung;Ausgangsdatum;Ausgangsdatum ist;Fortschreibungszyklus;Fälligkeit nach;fällig seit;"
        "Tage überfällig;Grundlage;Hinweis der Redaktion",
        "Altenhilfeplan;01.01.2020;letzte Fortschreibung;1 Jahr 6 Monate;Fortschreibungszyklus;01.07.2021;"
        "1.460;nicht im Register erfasst;",
        "Familienförderplan;01.01.2021;Beginn der Laufzeit;2 Jahre;Fortschreibungszyklus;01.01.2023;911;"
        "nicht im Register erfasst;",
        "Kita-Bedarfsplan;01.05.2019;letzte Fortschreibung;5 Jahre;Fortschreibungszyklus;01.05.2024;425;"
        "nicht im Register erfasst;",
        "",
    ]


def test_json_holds_every_finding(fixture_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_report(_store(fixture_store), tmp_path, "en", OPTIONS, now=datetime(2025, 7, 1, 9, 30))
    data = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert (data["lang"], data["reference_date"], data["generated"]) == (
        "en",
        "2025-06-30",
        "2025-07-01T09:30:00",
    )
    assert set(data["analyses"]) == {"interfaces", "overlaps", "gaps", "funding", "spatial"}
    first = data["analyses"]["overlaps"]["overlaps"][0]
    assert (first["plan_a"]["iri"], first["plan_b"]["iri"], first["strength"]) == (
        "https://w3id.org/isrp/testa/plan/kita",
        "https://w3id.org/isrp/testa/plan/schule",
        4,
    )
    assert first["plan_a"]["label"] == "childcare needs plan"
    overdue = data["analyses"]["gaps"]["overdue_plans"]
    assert [(p["plan"]["label"], p["due"]) for p in overdue] == [
        ("old-age care plan", "2021-07-01"),
        ("family support plan", "2023-01-01"),
        ("childcare needs plan", "2024-05-01"),
    ]
    assert '<html lang="en">' in (tmp_path / "index.html").read_text(encoding="utf-8")
