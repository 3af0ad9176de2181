"""``isrp history``, ``isrp revert``, ``isrp release create|list|diff`` on an on-disk store."""

from __future__ import annotations

import json

from rdflib import URIRef

from isrp_graph.namespaces import ISRP
from isrp_graph.store.embedded import EmbeddedStore
from isrp_graph.writes import apply_write
from tests.validation.conftest import DATA_GRAPH, FIXTURES, ONTOLOGY, ONTOLOGY_GRAPH, SHAPES_GRAPH, parse

PLAN_ISRP = "https://w3id.org/isrp/erfurt/plan/isrp"
ARMUT = URIRef("https://w3id.org/isrp/vocab/topic/armut")


def _prepare(tmp_path) -> str:
    store = EmbeddedStore(tmp_path / "store")
    store.replace_graphs(
        {
            ONTOLOGY_GRAPH: parse(ONTOLOGY),
            SHAPES_GRAPH: parse(FIXTURES / "shapes.ttl"),
            DATA_GRAPH: parse(FIXTURES / "data.ttl"),
        }
    )
    graph = store.get_graph(DATA_GRAPH)
    graph.add((URIRef(PLAN_ISRP), ISRP.topic, ARMUT))
    outcome = apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung", comment="Armut")
    store.close()
    return outcome.changeset.id


def test_history_revert_and_releases(cli, tmp_path):
    change = _prepare(tmp_path)
    result = cli("history", PLAN_ISRP)
    assert result.code == 0
    assert "Sozialplanung" in result.out and "Querschnittsthema" in result.out and change in result.out
    data = json.loads(cli("history", PLAN_ISRP, "--format", "json").out)
    assert data[0]["id"] == change and data[0]["entries"][0]["fields"][0]["label"] == "Querschnittsthema"

    unknown = cli("history", "https://w3id.org/isrp/erfurt/plan/gibt-es-nicht")
    assert unknown.code == 0 and "keine Änderung" in unknown.out
    assert json.loads(cli("history", "https://w3id.org/isrp/erfurt/plan/x", "--format", "json").out) == []

    assert cli("release", "create", "Stand A", "--note", "vor der Rücknahme").code == 0
    again = cli("release", "create", "Stand A")
    assert again.code == 3 and "gibt es schon" in again.err

    assert cli("revert", change, "--actor", "Prüferin").code == 0
    conflict = cli("revert", change, "--actor", "Prüferin")
    assert conflict.code == 3 and "Querschnittsthema" in conflict.err

    listed = json.loads(cli("release", "list", "--format", "json").out)
    assert [r["name"] for r in listed] == ["Stand A"]
    diff = cli("release", "diff", "Stand A", "heute")
    assert diff.code == 0 and "1 geändert" in diff.out
    as_json = json.loads(cli("release", "diff", "Stand A", "heute", "--format", "json").out)
    assert as_json["changed"][0]["fields"][0]["removed"]
    as_csv = cli("release", "diff", "Stand A", "heute", "--format", "csv")
    assert as_csv.out.startswith("\ufeffArt;Eintrag;") or "Art;Eintrag" in as_csv.out
    missing = cli("release", "diff", "Stand X", "heute")
    assert missing.code == 3 and "Stand A" in missing.err
