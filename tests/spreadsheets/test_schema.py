"""The workbook layout follows the shapes: sheets, column order by group and order, headers, kinds."""

from __future__ import annotations

from isrp_graph.namespaces import ISRP, ORG
from isrp_graph.spreadsheets import FieldKind, Snapshot, load_schema


def test_sheets_in_preferred_order_with_german_and_english_names(store):
    schema = load_schema(Snapshot.from_store(store))
    assert [(s.name_de, s.name_en) for s in schema.sheets] == [
        ("Fachplanungen", "Sectoral plans"),
        ("Schnittstellen", "Interfaces"),
        ("Förderprogramme", "Funding schemes"),
        ("Prozessschritte", "Process steps"),
        ("Organisationen", "Organisations"),
    ]


def test_plan_columns_follow_groups_and_orders_and_mark_required(store):
    schema = load_schema(Snapshot.from_store(store))
    plans = schema.sheets[0]
    assert [c.header("de", f.required) for f, c in plans.columns] == [
        "IRI *", "Bezeichnung *", "Bezeichnung (en)", "Art", "Planart", "federführende Stelle *",
        "Zielgruppen", "Aufgabe", "Aufgabe (en)", "Stand", "Laufzeit – Beginn", "Laufzeit – Ende",
        "zuletzt fortgeschrieben", "Fortschreibungszyklus", "ISRP-relevant", "Quelle *",
    ]  # fmt: skip
    assert [c.header("en") for _, c in plans.columns][:6] == [
        "IRI", "label (de)", "label (en)", "Kind", "plan type", "responsible organisation",
    ]  # fmt: skip
    kinds = [f.kind for f in plans.fields]
    assert kinds == [
        FieldKind.IRI, FieldKind.LANG_TEXT, FieldKind.LANG_TEXT, FieldKind.TYPE, FieldKind.CONCEPT,
        FieldKind.REFERENCE, FieldKind.CONCEPT, FieldKind.LANG_TEXT, FieldKind.LANG_TEXT, FieldKind.CONCEPT,
        FieldKind.INTERVAL, FieldKind.DATE, FieldKind.LITERAL, FieldKind.BOOLEAN, FieldKind.REFERENCE,
    ]  # fmt: skip
    assert plans.classes == (ISRP.IntegratedPlan, ISRP.SectoralPlan)


def test_roles_interval_via_sh_node_and_concepts_from_data(store):
    schema = load_schema(Snapshot.from_store(store))
    steps = schema.by_name("Prozessschritte")
    assert [f.kind for f in steps.fields][-3:] == [FieldKind.INTERVAL, FieldKind.TEXT, FieldKind.ROLES]
    funding = schema.by_name("funding schemes")  # English name, any case
    level = funding.fields[3]
    assert level.kind == FieldKind.CONCEPT
    assert [str(c).rsplit("/", 1)[1] for c in level.concepts] == ["bund", "land"]
    organisations = schema.by_name("Organisationen")
    assert ORG.Organization in organisations.classes and ISRP.Body in organisations.classes
