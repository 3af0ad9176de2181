"""The Sozialplanungsreport of one municipality on a store that holds two (Erfurt and the invented
Musterstadt of tests/kommunen_fixture.ttl): every section holds only the entries linked to the chosen
municipality by ``isrp:municipality``; the title page names it.

The fixture marks every Musterstadt entry as an example (``isrp:illustrative``), which the report leaves
out anyway; this test loads it *without* those marks, so that Musterstadt's plans, measures, bodies and
steps would be counted like Erfurt's if the scope did not hold them apart."""

from __future__ import annotations

import re
from datetime import date

import pytest
from kommunen_fixture import ERFURT, FIXTURE, GRAPH, MUSTERSTADT, unmarked_two_municipality_store
from rdflib import Graph, Literal, URIRef

from isrp_graph.reporting import collect, sozialplanungsreport
from isrp_graph.store import EmbeddedStore

STICHTAG = date(2025, 12, 31)
ILLUSTRATIVE = URIRef("https://w3id.org/isrp/def#illustrative")


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    return unmarked_two_municipality_store()


def _musterstadt_labels() -> set[str]:
    graph = Graph().parse(FIXTURE)
    return {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}


def test_the_report_of_all_municipalities_holds_musterstadt(store: EmbeddedStore) -> None:
    """The premise of the tests below: unscoped, the Musterstadt entries are in the report."""
    data = collect(store, 2025, "de", STICHTAG)
    assert "Musterstadt-Familienplan" in {p.label for p in data.plans}
    assert data.kommunen == ("Landeshauptstadt Erfurt", "Stadt Musterstadt") and not data.scoped


def test_a_report_for_erfurt_names_no_musterstadt_entry(store: EmbeddedStore) -> None:
    html = sozialplanungsreport(store, 2025, reference_date=STICHTAG, kommunen=(ERFURT,))
    assert "Musterstadt" not in html
    for label in _musterstadt_labels():
        assert label not in html
    assert re.search(r"<h1>Sozialplanungsreport 2025 – Landeshauptstadt Erfurt</h1>", html)
    assert "Kommune: Landeshauptstadt Erfurt" in html
    data = collect(store, 2025, "de", STICHTAG, (ERFURT,))
    assert len(data.plans) > 10 and data.measures and data.steps and data.bodies and data.observations


def test_a_report_for_musterstadt_names_no_erfurt_plan(store: EmbeddedStore) -> None:
    everything = collect(store, 2025, "de", STICHTAG)
    erfurt_plans = {p.label for p in collect(store, 2025, "de", STICHTAG, (ERFURT,)).plans}
    data = collect(store, 2025, "de", STICHTAG, (MUSTERSTADT,))
    assert {p.label for p in data.plans} == {p.label for p in everything.plans} - erfurt_plans
    assert {p.label for p in data.plans} >= {"Musterstadt-Familienplan", "Musterstadt-Sozialplan"}
    html = sozialplanungsreport(store, 2025, reference_date=STICHTAG, kommunen=(MUSTERSTADT,))
    for label in erfurt_plans:
        assert f">{label}<" not in html
    assert "Erfurt" not in html
    assert "<h1>Sozialplanungsreport 2025 – Stadt Musterstadt</h1>" in html


def test_the_sources_count_only_the_scoped_entries(store: EmbeddedStore) -> None:
    erfurt = {s.label for s in collect(store, 2025, "de", STICHTAG, (ERFURT,)).sources}
    musterstadt = {s.label: s.entries for s in collect(store, 2025, "de", STICHTAG, (MUSTERSTADT,)).sources}
    assert "Testdaten Musterstadt (erfunden)" not in erfurt
    # the municipality itself, its office, its plans and the rest of its entries rest on the test source
    assert musterstadt["Testdaten Musterstadt (erfunden)"] >= 4
    assert set(musterstadt) == {"Testdaten Musterstadt (erfunden)"}


def test_both_municipalities_named_are_the_whole_report(store: EmbeddedStore) -> None:
    both = collect(store, 2025, "de", STICHTAG, (ERFURT, MUSTERSTADT))
    everything = collect(store, 2025, "de", STICHTAG)
    assert {p.label for p in both.plans} == {p.label for p in everything.plans}
    assert both.kommunen == everything.kommunen and both.scoped


def test_the_changes_of_one_municipality(store: EmbeddedStore) -> None:
    """Saved changes: an Erfurt plan renamed, a Musterstadt plan renamed and a Musterstadt interface
    removed (no longer in the store: known by the municipality its removed description named)."""
    from rdflib.namespace import RDFS

    from isrp_graph.reporting.collect import changes_since
    from isrp_graph.writes import apply_write

    data = URIRef("https://w3id.org/isrp/graph/data/musterstadt")
    made = Graph()
    for triple in store.get_graph(GRAPH):
        made.add(triple)
    store.replace_graph(data, made)
    store.replace_graph(GRAPH, Graph())
    m = "https://w3id.org/isrp/musterstadt/"
    plan, interface = (
        URIRef(m + "plan/musterstadt-familienplan"),
        URIRef(m + "interface/musterstadt-sozial-jugend"),
    )
    made.remove((plan, RDFS.label, Literal("Musterstadt-Familienplan", lang="de")))
    made.add((plan, RDFS.label, Literal("Musterstadt-Familienplan (neu)", lang="de")))
    for triple in list(made.triples((interface, None, None))):
        made.remove(triple)
    apply_write(store, {data: made}, "Sozialplanung")
    plans = URIRef("https://w3id.org/isrp/graph/data/erfurt/plans")
    erfurt_graph = store.get_graph(plans)
    jhp = URIRef("https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung")
    erfurt_graph.add((jhp, RDFS.label, Literal("Jugendhilfeplanung (Test)", lang="de")))
    apply_write(store, {plans: erfurt_graph}, "Sozialplanung")

    year = date.today().year

    def changed(kommunen: tuple[str, ...]) -> dict[str, str]:
        return {
            i.diff.entry: i.status for i in changes_since(store, year, None, "de", kommunen=kommunen).entries
        }

    assert changed(()) == {str(plan): "changed", str(interface): "removed", str(jhp): "changed"}
    assert changed((ERFURT,)) == {str(jhp): "changed"}
    assert changed((MUSTERSTADT,)) == {str(plan): "changed", str(interface): "removed"}


def test_the_sources_of_shared_entries_an_erfurt_entry_names_are_counted(store: EmbeddedStore) -> None:
    """A law or funding scheme (no municipality) that an Erfurt entry names counts for Erfurt's sources."""
    query = """
    SELECT DISTINCT ?source WHERE {
      ?own isrp:municipality <#K#> ; isrp:fundingScheme ?scheme .
      ?scheme dcterms:source ?source . FILTER NOT EXISTS { ?scheme isrp:municipality ?any }
    }""".replace("#K#", ERFURT)
    wanted = {str(r["source"]) for r in store.select(query).rows}
    assert wanted
    counted = {s.iri for s in collect(store, 2025, "de", STICHTAG, (ERFURT,)).sources}
    assert wanted <= counted
