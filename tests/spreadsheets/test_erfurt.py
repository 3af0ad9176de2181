"""The shipped Erfurt registry survives the workbook: export, import untouched -> no change; one edited
cell -> exactly that change, accepted by the validated write path."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from rdflib.compare import isomorphic

from isrp_graph.registry import build_registry, shapes_graph_names
from isrp_graph.spreadsheets import apply_plan, export_workbook, plan_import
from isrp_graph.store import EmbeddedStore


@pytest.fixture(scope="module")
def erfurt_book(tmp_path_factory):
    store = EmbeddedStore(None)
    build_registry(store)
    if not shapes_graph_names(store):
        pytest.skip("no SHACL shapes shipped yet")
    path = tmp_path_factory.mktemp("erfurt") / "erfurt.xlsx"
    export_workbook(store, path)
    yield store, path
    store.close()


def test_untouched_erfurt_workbook_changes_nothing(erfurt_book):
    store, path = erfurt_book
    _, plan = plan_import(store, path)
    assert (plan.errors, plan.warnings, plan.changes) == ([], [], [])
    assert not plan.additions and not plan.removals


def test_one_english_label_edited_is_one_change_and_applies(erfurt_book, tmp_path):
    store, path = erfurt_book
    workbook = load_workbook(path)
    ws = workbook["Fachplanungen"]
    header = [c.value for c in ws[1]]
    column = header.index("Bezeichnung (en)") + 1
    iri, old = ws.cell(row=2, column=1).value, ws.cell(row=2, column=column).value
    ws.cell(row=2, column=column).value = "A new English name"
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    before = {g: store.get_graph(g) for g in store.graphs()}
    snapshot, plan = plan_import(store, edited)
    assert plan.errors == []
    assert [(c.action, c.fields[0].name_de, c.fields[0].old, c.fields[0].new) for c in plan.changes] == [
        ("modified", "Bezeichnung (en)", old or "", "A new English name")
    ]
    assert len(plan.new_graphs(snapshot)) == 1
    apply_plan(store, snapshot, plan, actor="test")
    changed = next(iter(plan.new_graphs(snapshot)))
    for name, graph in before.items():
        if name != changed and "provenance" not in str(name):
            assert isomorphic(graph, store.get_graph(name)), name
    assert iri  # the edited row is an entry
    _, again = plan_import(store, edited)
    assert again.changes == []
