"""``isrp load`` of an import into a registry is recorded as a changeset; the first build is not."""

from __future__ import annotations

from rdflib import URIRef

from isrp_graph.changes.history import changes_since, entry_history
from isrp_graph.loading import load_files
from isrp_graph.store.embedded import EmbeddedStore

TTL = """@prefix isrp: <https://w3id.org/isrp/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/isrp/erfurt/plan/neu> a isrp:SectoralPlan ; rdfs:label "Neue Planung"@de .
"""


def test_a_load_into_a_filled_store_is_recorded(fixture_store, tmp_path):
    path = tmp_path / "neu.ttl"
    path.write_text(TTL, encoding="utf-8")
    load_files(fixture_store, [path])
    [cs] = changes_since(fixture_store, None)
    assert cs.kind == "load" and cs.source == "neu.ttl"
    assert [c.iri for c in entry_history(fixture_store, URIRef("https://w3id.org/isrp/erfurt/plan/neu"))] == [
        cs.iri
    ]
    load_files(fixture_store, [path])  # the same again: nothing changed, nothing recorded
    assert len(changes_since(fixture_store, None)) == 1


def test_the_first_build_of_an_empty_store_is_the_baseline(tmp_path):
    path = tmp_path / "neu.ttl"
    path.write_text(TTL, encoding="utf-8")
    store = EmbeddedStore(None)
    load_files(store, [path])
    assert changes_since(store, None) == []
