"""Export, import untouched -> nothing changes; edit one cell -> exactly that change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from isrp_graph.namespaces import ERFURT, GRAPH, ISRP, VOCAB
from isrp_graph.spreadsheets import (
    EntryChange,
    FieldChange,
    Snapshot,
    apply_plan,
    export_workbook,
    load_schema,
    plan_import,
    write_sheet_csv,
)
from tests.spreadsheets.helpers import append_row, edit_cells

REGISTRY = GRAPH["data/test/registry"]
RELATIONS = GRAPH["data/test/relations"]
JHP = ERFURT["plan/jugendhilfeplanung"]


def _export(store, tmp_path: Path, lang: str = "de") -> Path:
    path = tmp_path / "register.xlsx"
    export_workbook(store, path, lang)
    return path


def test_untouched_workbook_changes_nothing(store, tmp_path):
    path = _export(store, tmp_path)
    _, plan = plan_import(store, path)
    assert plan.errors == [] and plan.warnings == [] and plan.changes == []
    assert not plan.additions and not plan.removals


def test_untouched_english_workbook_changes_nothing(store, tmp_path):
    path = _export(store, tmp_path, "en")
    _, plan = plan_import(store, path, lang="en")
    assert (plan.errors, plan.warnings, plan.changes) == ([], [], [])


def test_untouched_csv_of_one_sheet_changes_nothing(store, tmp_path):
    snapshot = Snapshot.from_store(store)
    schema = load_schema(snapshot)
    for sheet in schema.sheets:
        path = tmp_path / f"{sheet.name_de}.csv"
        write_sheet_csv(snapshot, schema, sheet, path)
        _, plan = plan_import(store, path)
        assert (plan.errors, plan.warnings, plan.changes) == ([], [], []), sheet.name_de


def test_one_edited_cell_is_exactly_one_change_and_applies(store, tmp_path):
    path = _export(store, tmp_path)
    edit_cells(
        path, [("Fachplanungen", "erfurt:plan/jugendhilfeplanung", "Laufzeit – Ende", dt.date(2028, 12, 31))]
    )
    snapshot, plan = plan_import(store, path)
    assert plan.errors == []
    assert plan.changes == [
        EntryChange("modified", JHP, "Jugendhilfeplanung", "Fachplanungen", "Sectoral plans",
                    (FieldChange("Laufzeit", "term", "2023-01-01 – 2027-12-31", "2023-01-01 – 2028-12-31"),))
    ]  # fmt: skip
    assert set(plan.new_graphs(snapshot)) == {REGISTRY}
    before = store.get_graph(REGISTRY)
    apply_plan(store, snapshot, plan, actor="test")
    after = store.get_graph(REGISTRY)
    expected = before.__class__()
    for s, p, o in before:
        if p == ISRP.term and s == JHP:
            continue
        expected.add((s, p, o))
    # the old interval's blank nodes are gone, a new interval with the new end is there
    assert len(after) == len(before)
    ends = {str(d) for d in after.objects(None, URIRef("http://www.w3.org/2006/time#inXSDDate"))}
    assert "2028-12-31" in ends and "2027-12-31" not in ends
    # and exporting again gives no change
    _, again = plan_import(store, path)
    assert again.changes == [] and again.errors == []


def test_controlled_value_and_text_change_keep_everything_else(store, tmp_path):
    path = _export(store, tmp_path)
    edit_cells(path, [
        ("Fachplanungen", "erfurt:plan/jugendhilfeplanung", "Planart", "Konzept"),
        ("Fachplanungen", "erfurt:plan/jugendhilfeplanung", "Zielgruppen", "Familien | Jugendliche"),
        ("Förderprogramme", "https://w3id.org/isrp/funding/lsz", "kommunaler Eigenanteil", 0.25),
    ])  # fmt: skip
    snapshot, plan = plan_import(store, path)
    assert plan.errors == []
    assert [(c.iri, [f.name_de for f in c.fields]) for c in plan.changes] == [
        (JHP, ["Planart", "Zielgruppen"]),
        (URIRef("https://w3id.org/isrp/funding/lsz"), ["kommunaler Eigenanteil"]),
    ]
    assert {k: sorted(v) for k, v in plan.removals.items() if v} == {
        REGISTRY: sorted([
            (JHP, ISRP.planType, VOCAB["plan-type/bedarfsplan"]),
            (URIRef("https://w3id.org/isrp/funding/lsz"), ISRP.municipalCoFundingShare,
             Literal("0.5", datatype=XSD.decimal)),  # pyoxigraph keeps decimals canonical
        ]),
        RELATIONS: [(JHP, ISRP.targetGroup, VOCAB["target-group/senioren"])],
    }  # fmt: skip
    assert {k: sorted(v) for k, v in plan.additions.items() if v} == {
        REGISTRY: sorted([
            (JHP, ISRP.planType, VOCAB["plan-type/konzept"]),
            (URIRef("https://w3id.org/isrp/funding/lsz"), ISRP.municipalCoFundingShare,
             Literal("0.25", datatype=XSD.decimal)),
        ]),
    }  # fmt: skip
    untouched = ERFURT["spatial-system/planungsraeume"]
    new = plan.new_graphs(snapshot)
    assert (JHP, ISRP.spatialSystem, untouched) in new[REGISTRY]


def test_added_and_removed_entries(store, tmp_path):
    path = _export(store, tmp_path)
    append_row(path, "Organisationen", {
        "IRI": "erfurt:org/gesundheitsamt", "Bezeichnung": "Gesundheitsamt", "Organisationsart": "Amt",
    })  # fmt: skip
    edit_cells(path, [], delete=[("Schnittstellen", "erfurt:interface/jugendhilfe-schulnetz")])
    snapshot, plan = plan_import(store, path)
    assert plan.errors == []
    assert [(c.action, c.iri, c.label) for c in plan.changes] == [
        ("removed", ERFURT["interface/jugendhilfe-schulnetz"], "Schnittstelle Jugendhilfe – Schule"),
        ("added", ERFURT["org/gesundheitsamt"], "Gesundheitsamt"),
    ]
    new = plan.new_graphs(snapshot)
    org = ERFURT["org/gesundheitsamt"]
    added = {(p, o) for p, o in new[REGISTRY].predicate_objects(org)}
    assert added == {
        (RDF.type, URIRef("http://www.w3.org/ns/org#Organization")),
        (RDFS.label, Literal("Gesundheitsamt", lang="de")),
        (ISRP.organizationType, VOCAB["organisation-type/amt"]),
    }
    assert (ERFURT["interface/jugendhilfe-schulnetz"], None, None) not in new[RELATIONS]
    assert (JHP, ISRP.targetGroup, VOCAB["target-group/senioren"]) in new[RELATIONS]


def test_roles_edit_keeps_unchanged_association(store, tmp_path):
    path = _export(store, tmp_path)
    roles = "Koordination: erfurt:org/sozialplanung (Prüfung) | Leitung: erfurt:org/jugendamt"
    edit_cells(path, [("Prozessschritte", "erfurt:step/01", "Rollen", roles)])
    snapshot, plan = plan_import(store, path)
    assert plan.errors == []
    (change,) = plan.changes
    assert change.fields[0].new.endswith("Leitung: erfurt:org/jugendamt")
    graph = plan.new_graphs(snapshot)[REGISTRY]
    step = ERFURT["step/01"]
    prov = "http://www.w3.org/ns/prov#"
    agents = {str(a) for b in graph.objects(step, URIRef(prov + "qualifiedAssociation"))
              for a in graph.objects(b, URIRef(prov + "agent"))}  # fmt: skip
    assert agents == {str(ERFURT["org/sozialplanung"]), str(ERFURT["org/jugendamt"])}
    assert len(graph) == len(store.get_graph(REGISTRY))  # one association out, one in


def test_isomorphic_after_applying_an_untouched_round_trip(store, tmp_path):
    before = {g: store.get_graph(g) for g in store.graphs()}
    path = _export(store, tmp_path)
    snapshot, plan = plan_import(store, path)
    apply_plan(store, snapshot, plan, actor="test")
    for name, graph in before.items():
        assert isomorphic(graph, store.get_graph(name)), name
