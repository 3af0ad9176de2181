"""``isrp graph`` writes the page and prints the measures."""

from __future__ import annotations

import json

from isrp_graph.cli import main
from isrp_graph.loading import load_files
from isrp_graph.namespaces import GRAPH
from isrp_graph.resources import ontology_dir
from isrp_graph.store import EmbeddedStore
from tests.network.conftest import FIXTURES


def _store_folder(tmp_path):
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        load_files(store, sorted(FIXTURES.rglob("*.ttl")), root=FIXTURES)
        ontology = ontology_dir() / "isrp.ttl"
        load_files(store, [ontology], graph_names={ontology: GRAPH["ontology/isrp"]})
    return str(folder)


def test_graph_page_and_metrics(tmp_path, capsys):
    store = _store_folder(tmp_path)
    page = tmp_path / "netz.html"
    assert main(["--store", store, "graph", "-o", str(page)]) == 0
    assert "17 Knoten, 22 Verbindungen" in capsys.readouterr().err
    assert "Jugendhilfeplanung" in page.read_text(encoding="utf-8")

    assert main(["--store", store, "graph", "-o", str(page), "--plan", "erfurt:plan/jugendhilfeplanung",
                 "--kind", "plan,network"]) == 0  # fmt: skip
    assert "4 Knoten, 3 Verbindungen" in capsys.readouterr().err

    assert main(["--store", store, "graph", "--metrics", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["node_count"] == 17 and len(data["isolated_plans"]) == 2

    assert main(["--store", store, "graph", "--metrics"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("17 Knoten, 22 Verbindungen, Dichte ")
    assert "Planungen ohne Schnittstelle, Abgrenzung oder gemeinsames Netzwerk: " in out


def test_graph_needs_output_or_metrics_and_a_known_plan(tmp_path, capsys):
    store = _store_folder(tmp_path)
    assert main(["--store", store, "graph"]) == 2
    assert main(["--store", store, "graph", "--metrics", "--plan", "erfurt:plan/gibt-es-nicht"]) == 2
    assert "Keine Planung mit der IRI erfurt:plan/gibt-es-nicht" in capsys.readouterr().err
