"""The report's chapter "Veränderungen seit dem Vorjahresbericht": a real release made through the
changes API on a temporary store, changes before and after it, grouped by kind and office; without a
release of the previous year the chapter says so plainly; a store error is raised, not hidden."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pikepdf
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from isrp_graph.changes import report_changes
from isrp_graph.changes.releases import create_release
from isrp_graph.namespaces import ISRP
from isrp_graph.reporting import collect, render_html, write_pdf
from isrp_graph.reporting.collect import changes_since
from isrp_graph.store import StoreUnreachable
from isrp_graph.store.remote import RemoteStore
from isrp_graph.writes import apply_write
from tests.validation.conftest import DATA_GRAPH, fixture_store  # noqa: F401

E = "https://w3id.org/isrp/erfurt/"
JHP = URIRef(E + "plan/jugendhilfeplanung")
PLAN_ISRP = URIRef(E + "plan/isrp")
NEW = URIRef(E + "interface/report-neu")
TODAY = date.today()


def _write(store, *add, remove=()):  # type: ignore[no-untyped-def]
    graph = store.get_graph(DATA_GRAPH)
    for triple in remove:
        graph.remove(triple)
    for triple in add:
        graph.add(triple)
    return apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung")


@pytest.fixture
def changed_store(fixture_store):  # type: ignore[no-untyped-def]  # noqa: F811
    """Before the release: a topic on the ISRP plan. After it: the Jugendhilfeplanung renamed and a
    new interface."""
    _write(fixture_store, (PLAN_ISRP, ISRP.topic, URIRef("https://w3id.org/isrp/vocab/topic/armut")))
    create_release(fixture_store, f"Stand Sozialplanungsreport {TODAY.year}", "Prüferin")
    old = (JHP, RDFS.label, Literal("Jugendhilfeplanung", lang="de"))
    _write(
        fixture_store, (JHP, RDFS.label, Literal("Kinder- und Jugendhilfeplanung", lang="de")), remove=[old]
    )
    _write(
        fixture_store,
        (NEW, RDF.type, ISRP.Interface),
        (NEW, RDFS.label, Literal("Schnittstelle Frühe Hilfen", lang="de")),
        (NEW, ISRP.relatesPlan, JHP),
        (NEW, ISRP.relatesPlan, PLAN_ISRP),
        (NEW, DCTERMS.source, URIRef(E + "source/test")),
    )
    return fixture_store


def test_changes_since_the_previous_years_release_grouped_by_kind_and_office(changed_store) -> None:  # type: ignore[no-untyped-def]
    result = report_changes(changed_store, TODAY.year, TODAY)
    assert result.release is not None and result.release.name.startswith("Stand Sozialplanungsreport")
    by_entry = {e.diff.entry: e for e in result.entries}
    # the change before the release is in the release, so not listed
    assert set(by_entry) == {str(JHP), str(NEW)}
    assert by_entry[str(JHP)].status == "changed" and by_entry[str(JHP)].office == "Jugendamt"
    assert by_entry[str(NEW)].status == "added"
    lines = result.lines()
    assert lines[0].startswith("Verglichen wird mit dem Stand »Stand Sozialplanungsreport")
    assert "1 neu, 1 geändert, 0 entfernt" in lines[1]
    summary, *per_kind = result.tables()
    assert summary.columns == ("Art des Eintrags", "Federführung", "neu", "geändert", "entfernt")
    offices = {row[1] for row in summary.rows}
    assert "Jugendamt" in offices and "ohne Federführung" in offices
    assert len(per_kind) == 2  # one table per kind (plan, interface)
    cells = " ".join(c for table in per_kind for row in table.rows for c in row)
    assert "Jugendhilfeplanung → Kinder- und Jugendhilfeplanung" in cells
    assert "Schnittstelle Frühe Hilfen" in cells
    assert "https://" not in cells  # plain German, no IRIs


def test_without_a_release_of_the_previous_year_the_report_says_so(changed_store) -> None:  # type: ignore[no-untyped-def]
    result = report_changes(changed_store, TODAY.year - 1, TODAY)  # the only release is of this year
    assert result.release is None
    assert result.lines()[0] == (
        f"Für das Vorjahr {TODAY.year - 1} ist kein Stand festgehalten; Änderungen seit "
        f"01.01.{TODAY.year} bis zum Stichtag {TODAY.strftime('%d.%m.%Y')}."
    )
    # every change recorded this year counts, the one before the release too
    assert {e.diff.entry for e in result.entries} == {str(JHP), str(NEW), str(PLAN_ISRP)}


def test_changes_after_the_stichtag_belong_to_the_next_report(changed_store) -> None:  # type: ignore[no-untyped-def]
    result = report_changes(changed_store, TODAY.year, TODAY - timedelta(days=1))
    assert result.entries == [] and result.tables() == []
    assert result.lines()[1] == "In diesem Zeitraum ist keine Änderung im Register erfasst."


def test_report_shows_the_change_tables_in_html_and_tagged_pdf(changed_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    html = render_html(collect(changed_store, TODAY.year + 1, "de", TODAY))
    chapter = html.split('id="changes-h"')[1].split('id="sources-h"')[0]
    assert "Keine Vorgängerfassung erfasst" not in chapter
    assert "<caption>Veränderte Einträge nach Art und Federführung</caption>" in chapter
    assert '<th scope="col">Federführung</th>' in chapter
    assert "Kinder- und Jugendhilfeplanung" in chapter
    pdf_path = write_pdf(html, tmp_path / "spr.pdf")
    with pikepdf.open(pdf_path) as pdf:
        kinds = [str(tag.S) for tag in _tags(pdf)]
        assert kinds.count("/Table") >= 3 and "/TH" in kinds
        assert str(pdf.Root.Lang) == "de"


def test_a_store_error_is_raised_not_swallowed() -> None:
    # before: collect.changes_since caught every exception and the report said "no release"
    dead = RemoteStore("http://127.0.0.1:18699/sparql", query_timeout=2)
    with pytest.raises(StoreUnreachable):
        changes_since(dead, TODAY.year)


def _tags(pdf: pikepdf.Pdf) -> list:
    found: list = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot.K)
    return found
