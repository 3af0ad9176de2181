"""``isrp export --xlsx`` and ``isrp import`` end to end on an on-disk store."""

from __future__ import annotations

import datetime as dt

from isrp_graph.cli import main
from isrp_graph.loading import load_files
from isrp_graph.namespaces import GRAPH
from isrp_graph.resources import ontology_dir
from isrp_graph.store import EmbeddedStore
from tests.spreadsheets.conftest import FIXTURES
from tests.spreadsheets.helpers import edit_cells


def _store_folder(tmp_path):
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        load_files(store, sorted(FIXTURES.rglob("*.ttl")), root=FIXTURES)
        ontology = ontology_dir() / "isrp.ttl"
        load_files(store, [ontology], graph_names={ontology: GRAPH["ontology/isrp"]})
    return str(folder)


def test_export_import_apply_cycle(tmp_path, capsys):
    store = _store_folder(tmp_path)
    book = tmp_path / "register.xlsx"
    assert main(["--store", store, "export", "--xlsx", str(book)]) == 0
    assert "Arbeitsmappe" in capsys.readouterr().err
    assert main(["--store", store, "import", str(book)]) == 0
    assert "Keine Änderungen." in capsys.readouterr().out

    edit_cells(
        book,
        [("Fachplanungen", "erfurt:plan/schulnetzplanung", "zuletzt fortgeschrieben", dt.date(2024, 3, 1))],
    )
    assert main(["--store", store, "import", str(book)]) == 0
    captured = capsys.readouterr()
    assert "Geändert: Schulnetzplanung (erfurt:plan/schulnetzplanung) [Fachplanungen]" in captured.out
    assert "      zuletzt fortgeschrieben: (leer) → 2024-03-01" in captured.out
    assert "--apply" in captured.err
    assert main(["--store", store, "import", str(book), "--apply"]) == 0
    assert "Übernommen: 0 neu, 0 entfernt, 1 geändert." in capsys.readouterr().err
    assert main(["--store", store, "import", str(book)]) == 0
    assert "Keine Änderungen." in capsys.readouterr().out


def test_import_with_bad_cells_exits_3_and_lists_them(tmp_path, capsys):
    store = _store_folder(tmp_path)
    book = tmp_path / "register.xlsx"
    main(["--store", store, "export", "--xlsx", str(book)])
    edit_cells(book, [("Fachplanungen", "erfurt:plan/schulnetzplanung", "Planart", "Plan B")])
    capsys.readouterr()
    assert main(["--store", store, "--lang", "en", "import", str(book), "--apply"]) == 3
    captured = capsys.readouterr()
    assert (
        "  Sheet 'Fachplanungen', row 4, column E (Planart): Unknown value 'Plan B'. "
        "Allowed: concept, needs plan, report" in captured.out
    )
    assert "Not applied because the file has bad cells." in captured.err
