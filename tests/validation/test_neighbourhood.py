"""Write-path validation on the neighbourhood of the touched entries: the same affected nodes and the
same findings as the full validation, on the fixture corpus and on the Erfurt registry."""

from __future__ import annotations

import random

from rdflib import URIRef

from isrp_graph.validation import validate
from isrp_graph.validation.check import Prepared, validate_state
from isrp_graph.validation.focus import affected_nodes
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.neighbourhood import View, affected_in, local_state

E = "https://w3id.org/isrp/erfurt/"


def _check(store, subjects) -> None:
    full = validate(store)
    data = Prepared.of(GraphState.from_store(store)).data
    for subject in subjects:
        view = View(store.ox_store)
        focus = affected_in(view, {subject}, store.ox_store)
        assert focus == affected_nodes(data, {subject}), subject
        state = local_state(view, focus, store.ox_store, {subject})
        local = validate_state(state, focus_nodes=focus, expand=False)
        expected = {r for r in full.results if r.focus in focus}
        assert set(local.results) == expected, subject


def test_local_validation_equals_the_full_one_on_the_fixtures(fixture_store):
    data = Prepared.of(GraphState.from_store(fixture_store)).data
    subjects = sorted(s for s in data.subjects() if isinstance(s, URIRef) and str(s).startswith(E))
    assert len(subjects) > 5
    _check(fixture_store, subjects)


def test_local_validation_equals_the_full_one_on_erfurt(built_registry):
    rows = built_registry.select(
        "SELECT DISTINCT ?s WHERE { ?s a ?c . FILTER(STRSTARTS(STR(?s), 'https://w3id.org/isrp/erfurt/')) }"
    ).rows
    subjects = sorted(URIRef(str(r["s"])) for r in rows)
    assert len(subjects) > 100
    _check(built_registry, random.Random(13).sample(subjects, 25))


def test_only_predicates_followed_into_this_are_looked_back():
    from isrp_graph.validation.neighbourhood import _backward_names

    assert _backward_names("SELECT $this WHERE { FILTER NOT EXISTS { $this isrp:topic ?t } }") == []
    assert _backward_names("SELECT $this WHERE { FILTER NOT EXISTS { ?p isrp:hasEdition $this } }") == [
        "isrp:hasEdition"
    ]
    assert _backward_names("SELECT $this WHERE { $this ^isrp:relatesPlan ?x }") == ["isrp:relatesPlan"]
    assert _backward_names("SELECT $this WHERE { ?x ?p $this }") is None  # unclear: all it mentions


def test_a_shared_concept_does_not_pull_in_the_plans_of_other_municipalities(built_registry):
    """One entry's extract on a store with more municipalities (which use the same concepts and
    offices) is as large as on Erfurt alone: the write check costs what the entry costs."""
    import pyoxigraph as ox

    from benchmarks.synthetic import generate
    from isrp_graph.namespaces import GRAPH
    from isrp_graph.registry import build_registry
    from isrp_graph.store.embedded import EmbeddedStore

    plan = URIRef(E + "plan/jugendhilfeplanung")
    big = EmbeddedStore(None)
    build_registry(big)
    synthetic = ox.NamedNode(str(GRAPH["data/synthetic"]))
    big.ox_store.load("".join(generate(8)).encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=synthetic)
    sizes = []
    for store in (built_registry, big):
        view = View(store.ox_store)
        focus = affected_in(view, {plan}, store.ox_store)
        sizes.append(len(set(local_state(view, focus, store.ox_store, {plan}).data_triples())))
    big.close()
    assert sizes[1] <= sizes[0] * 1.1, sizes
