"""The full-text index on Erfurt: fields, German word forms, identifiers, hostile input, and the write
path (commit listener, incremental update)."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from isrp_graph.namespaces import GRAPH
from isrp_graph.registry import build_registry
from isrp_graph.search import build_index, index_for, search, update_index
from isrp_graph.search.normalise import fold, stem, tokens, variants
from isrp_graph.store import EmbeddedStore
from isrp_graph.writes import apply_write

E = "https://w3id.org/isrp/erfurt/"
JHP = E + "plan/jugendhilfeplanung"
HZE = E + "plan/massnahmeplan-hilfen-zur-erziehung"
PLANS = URIRef(GRAPH["data/erfurt/plans"])


def iris(results) -> list[str]:
    return [hit.iri for group in results.groups for hit in group.hits]


def hit_of(results, iri):
    return next(hit for group in results.groups for hit in group.hits if hit.iri == iri)


def test_normalisation_spells_out_umlauts_and_folds_case():
    assert fold("Förderplan") == fold("FOERDERPLAN") == "foerderplan"
    assert fold("Straße") == "strasse"
    assert tokens("DS 2151/10 – Hilfen_zur") == ["ds", "2151", "10", "hilfen", "zur"]
    assert stem("planungen") == "planung" and stem("senioren") == "senior" and stem("kita") == "kita"


def test_prefix_finds_the_compound(erfurt):
    found = search(erfurt, "Jugendhilfe")
    assert JHP in iris(found)
    assert "Jugendhilfeplanung" in [text for text, marked in hit_of(found, JHP).label if marked]


def test_word_inside_a_compound_and_short_words_at_a_word_start(erfurt):
    found = search(erfurt, "Planung", limit=200)
    assert JHP in iris(found)  # "Jugendhilfeplanung"
    assert search(erfurt, "Planung").groups[0].hits[0].label == [("gemeinsame ", False), ("Planung", True)]
    assert search(erfurt, "a").notice and not search(erfurt, "a").groups
    # two letters match a word start only: "ds" is in "DS 2151/10" but not inside "Beschlussfassung"
    assert all(
        fold(w).startswith("ds") for g in search(erfurt, "ds").groups for h in g.hits for w, m in h.label if m
    )


def test_word_inside_a_description_with_snippet(erfurt):
    found = search(erfurt, "Krisenintervention")
    assert iris(found) == [HZE]
    hit = hit_of(found, HZE)
    assert hit.where == "description" and hit.field_label == "Beschreibung"
    assert ("Krisenintervention", True) in hit.snippet


def test_drucksache_number(erfurt):
    found = search(erfurt, "2516/18")
    assert found.total >= 1
    assert any("2516/18" in "".join(t for t, _ in h.label + h.snippet) for g in found.groups for h in g.hits)
    assert search(erfurt, "DS 2151/10").total >= 1


def test_umlaut_free_spelling_and_word_forms(erfurt):
    spelled_out = search(erfurt, "Foerderplan")
    with_umlaut = search(erfurt, "Förderplan")
    assert iris(spelled_out) == iris(with_umlaut)
    assert any(
        marked and text.startswith("Förderplan")
        for g in spelled_out.groups
        for h in g.hits
        for text, marked in h.label
    )
    assert search(erfurt, "Senioren").total > 0
    # "Planungen" is cut to "planung" and finds the singular
    assert search(erfurt, "Jugendhilfeplanungen").total >= search(erfurt, "Jugendhilfeplanung").total > 0


def test_umlaut_plurals_find_the_singular(erfurt):
    assert variants("foerderplaene") == ["foerderplaen", "foerderplan"]
    plurals = iris(search(erfurt, "Förderpläne"))
    assert set(iris(search(erfurt, "Förderplan"))) <= set(plurals)
    assert search(erfurt, "Beschlüsse").total > 0


def test_results_grouped_by_german_kind_and_examples_marked(erfurt):
    found = search(erfurt, "Jugendhilfe")
    names = [g.label for g in found.groups]
    assert "Fachplanung" in names and "Gesetz" in names
    assert len(names) == len(set(names))
    examples = search(erfurt, "Beispiel")
    assert examples.total and any(h.illustrative for g in examples.groups for h in g.hits)


def test_editorial_notes_are_indexed(erfurt):
    rows = erfurt.select(
        "SELECT ?s ?n WHERE { ?s <http://www.w3.org/2004/02/skos/core#editorialNote> ?n ; a ?t } LIMIT 1"
    ).rows
    subject, note = str(rows[0]["s"]), str(rows[0]["n"])
    words = sorted(tokens(note), key=len)[-2:]  # the two longest words of the note
    assert subject in iris(search(erfurt, " ".join(words), limit=200))


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "a OR b", '"x" AND', "^", "col:x", "\x00", "((", "-"])
def test_hostile_queries_neither_raise_nor_inject(erfurt, query):
    found = search(erfurt, query)  # an FTS5 syntax error would raise sqlite3.OperationalError here
    assert found.notice or found.words
    assert not found.words or all(w.isalnum() for w in found.words)
    assert search(erfurt, "x" * 500).notice


def test_operator_words_are_searched_as_words(erfurt):
    # "OR" would widen an FTS5 query; here it is just a word that must occur too
    assert search(erfurt, "Jugendhilfeplanung OR Krisenintervention").total == 0


def test_write_makes_a_label_findable_and_a_removed_one_unfindable():
    store = EmbeddedStore(query_timeout=60)
    try:
        build_registry(store)
        index = build_index(store)
        assert search(store, "Zauberwortplanung").total == 0
        graph = store.get_graph(PLANS)
        graph.add((URIRef(JHP), SKOS.altLabel, Literal("Zauberwortplanung", lang="de")))
        apply_write(store, {PLANS: graph}, "Sozialplanung")
        assert index.pending  # the listener noted the touched entries
        found = search(store, "zauberwort")
        assert iris(found) == [JHP]
        assert hit_of(found, JHP).where == "alt"
        assert index.builds == 1 and 0 < index.last_update < len(index) / 4  # incremental, not rebuilt

        graph = store.get_graph(PLANS)
        graph.remove((URIRef(JHP), SKOS.altLabel, None))
        graph.remove((URIRef(JHP), RDFS.label, Literal("Jugendhilfeplanung", lang="de")))
        graph.add((URIRef(JHP), RDFS.label, Literal("Kinder- und Jugendhilfeplanung", lang="de")))
        apply_write(store, {PLANS: graph}, "Sozialplanung")
        assert search(store, "Zauberwortplanung").total == 0
        assert JHP in iris(search(store, "Kinder Jugendhilfeplanung"))
        assert index.builds == 1
    finally:
        store.close()


def test_update_index_removes_entries_that_are_gone():
    store = EmbeddedStore(query_timeout=60)
    try:
        build_registry(store)
        assert search(store, "Krisenintervention").total == 1
        store.update(f"DELETE WHERE {{ GRAPH ?g {{ <{HZE}> ?p ?o }} }}")
        assert update_index(store, [URIRef(HZE)]) == 1
        assert search(store, "Krisenintervention").total == 0
        assert index_for(store).builds == 1
    finally:
        store.close()
