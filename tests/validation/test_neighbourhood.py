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
    from isrp_graph.validation.schema_cache import _backward_names

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


def test_a_class_typed_by_range_in_the_data_is_typed_so_in_the_extract(fixture_store):
    """A data triple pointing at a class with a ranged property (``?m isrp:assignedPlan isrp:Interface``
    makes the class a sectoral plan by range, so the plan shapes apply to it): the check of an entry of
    that class, whose neighbourhood has the class but not the measure, finds on the class what a full
    validation finds (the triple is read with the schema, not by asking what points at a class with
    100,000 instances)."""
    from isrp_graph.namespaces import ISRP
    from tests.validation.conftest import DATA_GRAPH

    measure = URIRef(E + "measure/quartiersmanagement")
    graph = fixture_store.get_graph(DATA_GRAPH)
    graph.add((measure, ISRP.assignedPlan, ISRP.Interface))
    fixture_store.replace_graph(DATA_GRAPH, graph)
    full = validate(fixture_store)
    assert any(r.focus == ISRP.Interface for r in full.results)  # the plan shapes found it
    _check(fixture_store, [URIRef(E + "interface/bildung")])


def test_a_write_that_types_a_class_by_range_is_validated_in_full(fixture_store):
    """Such a triple is part of what the write path reads once with the schema: adding it is a change
    of the schema (validated in full, the schema read again), like a change of the class hierarchy."""
    from isrp_graph.namespaces import ISRP
    from isrp_graph.validation.neighbourhood import SCHEMA_CACHE
    from isrp_graph.writes import apply_write
    from tests.validation.conftest import DATA_GRAPH

    measure = URIRef(E + "measure/quartiersmanagement")
    typing = (measure, ISRP.measureType, ISRP.Interface)  # the class becomes a skos:Concept by range
    assert ISRP.Interface not in SCHEMA_CACHE.schema(fixture_store.ox_store).into_terms
    graph = fixture_store.get_graph(DATA_GRAPH)
    graph.add(typing)
    outcome = apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Test")
    assert outcome.full_validation
    assert typing in SCHEMA_CACHE.schema(fixture_store.ox_store).into_terms[ISRP.Interface]
    graph.remove(typing)
    assert apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Test").full_validation
    assert ISRP.Interface not in SCHEMA_CACHE.schema(fixture_store.ox_store).into_terms
    graph.add((measure, ISRP.measureType, URIRef("https://w3id.org/isrp/vocab/measure-type/operativ")))
    assert not apply_write(fixture_store, {DATA_GRAPH: graph}, actor="Test").full_validation


def test_only_a_class_or_property_is_typed_by_range_not_a_literal_equal_to_a_label(fixture_store):
    """A note whose text equals a class's label is no change of the schema (a literal is typed by
    nothing)."""
    from rdflib import Literal
    from rdflib.namespace import SKOS

    from isrp_graph.namespaces import ISRP
    from isrp_graph.validation.neighbourhood import SCHEMA_CACHE

    schema = SCHEMA_CACHE.schema(fixture_store.ox_store)
    label = next(t for t in schema.terms if isinstance(t, Literal))
    ranged = next(p for p in sorted(schema.ranged) if str(p).startswith(str(ISRP)))
    assert schema.types_a_term(ranged, ISRP.Interface)
    assert not schema.types_a_term(ranged, label)
    assert not schema.types_a_term(SKOS.editorialNote, ISRP.Interface)  # no range: types nothing


def test_a_hub_is_asked_once_which_predicates_point_at_it(built_registry):
    """On a store with more municipalities (whose plans use the same concepts) one entry's check
    looks up no more (node, property) pairs than on Erfurt alone: on the in-memory store a lookup of a
    property that does not point at a hub walks all of the hub's incoming quads."""
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

    class Recording(View):
        """The real view, noting every (node, property) it looks up."""

        def __init__(self, store) -> None:  # type: ignore[no-untyped-def]
            super().__init__(store)
            self.asked: list[tuple] = []

        def one_incoming(self, node, predicate):  # type: ignore[no-untyped-def]
            self.asked.append((node, predicate))
            return super().one_incoming(node, predicate)

        def incoming_via(self, node, predicate):  # type: ignore[no-untyped-def]
            self.asked.append((node, predicate))
            return super().incoming_via(node, predicate)

    lookups = []
    for store in (built_registry, big):
        view = Recording(store.ox_store)
        focus = affected_in(view, {plan}, store.ox_store)
        view.asked.clear()
        local_state(view, focus, store.ox_store, {plan})
        lookups.append(len(view.asked))
    big.close()
    assert lookups[1] <= lookups[0], lookups


def test_local_validation_equals_the_full_one_on_a_store_of_several_municipalities():
    """With synthetic municipalities beside Erfurt the concepts, schemes and laws are hubs (asked once
    which predicates point at them): the findings are still those of the full validation."""
    import pyoxigraph as ox

    from benchmarks.synthetic import generate
    from isrp_graph.namespaces import GRAPH
    from isrp_graph.registry import build_registry
    from isrp_graph.store.embedded import EmbeddedStore
    from isrp_graph.validation.neighbourhood import SCHEMA_CACHE

    store = EmbeddedStore(None)
    build_registry(store)
    synthetic = ox.NamedNode(str(GRAPH["data/synthetic"]))
    store.ox_store.load("".join(generate(4)).encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=synthetic)
    terms = SCHEMA_CACHE.schema(store.ox_store).terms  # a change of a term is validated in full
    rows = store.select("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a ?c } FILTER(isIRI(?s)) }").rows
    subjects = sorted(s for s in (URIRef(str(r["s"])) for r in rows) if s not in terms)
    synthetic_ones = [s for s in subjects if "/synth-" in str(s)]
    assert len(synthetic_ones) > 100
    view = View(store.ox_store)  # a concept: more municipalities' plans point at it than are read
    concept = URIRef("https://w3id.org/isrp/vocab/topic/bildung")
    assert "https://w3id.org/isrp/def#topic" in view.incoming_predicates(concept)
    assert view.hubs == 1
    sample = random.Random(7)
    _check(store, sample.sample(synthetic_ones, 12) + sample.sample(subjects, 8))
    store.close()


def test_views_of_one_write_ask_a_hub_once_and_each_sees_its_own_graphs(built_registry):
    """The views before and after a write share what points at a hub (asked once), and each still
    leaves out the graphs it sees with other content."""
    from isrp_graph.store.terms import to_ox

    city = URIRef(E + "org/stadt-erfurt")
    store = built_registry.ox_store
    graphs = {URIRef(q.graph_name.value) for q in store.quads_for_pattern(None, None, to_ox(city), None)}
    hubs: dict = {}
    before = View(store, hubs=hubs)
    pointing = before.incoming_predicates(city)
    assert before.hubs == 1 and "https://w3id.org/isrp/def#municipality" in pointing
    after = View(store, {g: set() for g in graphs}, hubs=hubs)  # every graph pointing at it emptied
    assert after.incoming_predicates(city) == frozenset()
    assert after.hubs == 0  # the store was not asked again
