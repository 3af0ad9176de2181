"""A write costs what it touches: with 5,000 logged changes it neither reads nor rewrites the log,
and the provenance graph is appended to (asserted on operations and quads, not on time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rdflib import Literal, URIRef

from isrp_graph.changes.commit import update_text
from isrp_graph.changes.delta import EntryDelta, freeze
from isrp_graph.changes.model import Changeset
from isrp_graph.namespaces import ISRP
from isrp_graph.provenance import PROVENANCE_GRAPH
from isrp_graph.store.embedded import EmbeddedStore
from isrp_graph.validation import neighbourhood
from isrp_graph.writes import apply_write
from tests.validation.conftest import DATA_GRAPH

E = "https://w3id.org/isrp/erfurt/"
PLAN_ISRP = URIRef(E + "plan/isrp")
LOGGED = 5000


class CountingStore(EmbeddedStore):
    """The embedded store, noting which graphs are read whole and every update text."""

    def __init__(self) -> None:
        super().__init__(None)
        self.graphs_read: list[URIRef] = []
        self.updates: list[str] = []

    def get_graph(self, name):  # type: ignore[no-untyped-def]
        self.graphs_read.append(URIRef(str(name)))
        return super().get_graph(name)

    def graph_triples(self, name):  # type: ignore[no-untyped-def]
        self.graphs_read.append(URIRef(str(name)))
        return super().graph_triples(name)

    def update(self, update: str) -> None:
        self.updates.append(update)
        super().update(update)

    def dataset_quads(self):  # type: ignore[no-untyped-def]
        raise AssertionError("a write must not read the whole store")


def _fill_log(store: EmbeddedStore) -> None:
    """5,000 changesets of other entries, stored the way writes store them (in batches)."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    texts = []
    for n in range(LOGGED):
        entry = URIRef(f"{E}measure/m{n}")
        delta = EntryDelta(URIRef(f"{E}graph-x"), entry, (), freeze({(ISRP.status, Literal(f"s{n}")): 1}))
        when = start + timedelta(minutes=n)
        cs = Changeset(URIRef(f"https://w3id.org/isrp/activity/x{n}"), "Altlast", when, when, deltas=(delta,))
        texts.append(update_text(cs, {delta.graph: [(entry, ISRP.status, Literal(f"s{n}"))]}))
        if len(texts) == 250:
            store.update(" ;\n".join(texts))
            texts = []


def test_a_write_with_5000_logged_changes_does_not_read_the_log(fixture_store):
    store = CountingStore()
    store.ox_store.extend(fixture_store.ox_store)
    _fill_log(store)
    log_before = set(store.ox_store.quads_for_pattern(None, None, None, _ox(PROVENANCE_GRAPH)))
    assert len({q.subject for q in log_before}) >= LOGGED

    views: list[neighbourhood.View] = []
    original = neighbourhood.View.__init__

    def recording_init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        views.append(self)

    neighbourhood.View.__init__ = recording_init  # type: ignore[method-assign]
    try:
        graph = fixture_store.get_graph(DATA_GRAPH)
        graph.add((PLAN_ISRP, ISRP.topic, URIRef("https://w3id.org/isrp/vocab/topic/armut")))
        store.updates.clear()
        outcome = apply_write(store, {DATA_GRAPH: graph}, "Sozialplanung")
    finally:
        neighbourhood.View.__init__ = original  # type: ignore[method-assign]

    # read: only the changed graph, and no quad of the log on the way
    assert store.graphs_read == [DATA_GRAPH]
    assert views and all(view.record_reads == 0 for view in views)
    # written: one update request that only appends to the log
    assert len(store.updates) == 1
    text = store.updates[0]
    assert f"<{PROVENANCE_GRAPH}>" not in text.split("INSERT DATA", 1)[0]
    assert "DROP" not in text
    log_after = set(store.ox_store.quads_for_pattern(None, None, None, _ox(PROVENANCE_GRAPH)))
    assert log_before < log_after
    assert {q.subject.value for q in log_after - log_before} <= {
        str(outcome.activity),
        _agent("Sozialplanung"),
    }


def _ox(name: URIRef):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    return ox.NamedNode(str(name))


def _agent(actor: str) -> str:
    from isrp_graph.provenance import agent_iri

    return str(agent_iri(actor))


MEASURE = URIRef(E + "measure/quartiersmanagement")


def _counting_validations(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """The number of Violations of every validation run a write makes (the real validation runs)."""
    import isrp_graph.writes as writes_module

    runs: list[int] = []
    real = writes_module.validate_state

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        report = real(*args, **kwargs)
        runs.append(len(report.violations))
        return report

    monkeypatch.setattr(writes_module, "validate_state", counted)
    return runs


def _noted(store: EmbeddedStore, entry: URIRef):  # type: ignore[no-untyped-def]
    from rdflib.namespace import SKOS

    graph = store.get_graph(DATA_GRAPH)
    graph.add((entry, SKOS.editorialNote, Literal("Notiz", lang="de")))
    return graph


def test_a_write_into_a_clean_neighbourhood_validates_once(fixture_store, monkeypatch):
    """No Violation after the change: nothing can be new, the state before is not validated at all."""
    runs = _counting_validations(monkeypatch)
    apply_write(fixture_store, {DATA_GRAPH: _noted(fixture_store, MEASURE)}, "Sozialplanung")
    assert runs == [0]


def test_a_write_next_to_an_existing_violation_compares_with_the_state_before(fixture_store, monkeypatch):
    """The plan has a Violation already: the state before is validated too, and the old finding does
    not refuse the write."""
    runs = _counting_validations(monkeypatch)
    outcome = apply_write(fixture_store, {DATA_GRAPH: _noted(fixture_store, PLAN_ISRP)}, "Sozialplanung")
    assert runs == [1, 1]
    assert outcome.report.violations


def test_the_affected_nodes_are_found_in_one_walk_over_both_states(fixture_store, monkeypatch):
    """One walk over the state before and after at once: a node the entry linked to only before the
    change is re-validated too (its findings may depend on the link), a node linked only after as well."""
    walks: list[int] = []
    real = neighbourhood.affected_in

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        walks.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(neighbourhood, "affected_in", counted)
    graph = fixture_store.get_graph(DATA_GRAPH)
    office, body = URIRef(E + "org/jugendamt"), URIRef(E + "body/begleitgremium")
    assert (MEASURE, ISRP.responsibleOrganization, office) in graph
    graph.remove((MEASURE, ISRP.responsibleOrganization, office))  # linked only before
    graph.add((MEASURE, ISRP.responsibleOrganization, body))  # linked only after
    outcome = apply_write(fixture_store, {DATA_GRAPH: graph}, "Sozialplanung")
    assert walks == [1]
    assert {MEASURE, office, body} <= set(outcome.report.focus_nodes)


def test_a_proposal_is_validated_on_the_neighbourhood_not_on_the_whole_store(fixture_store):
    """A Bearbeiter:in's proposal is checked like a write: only the changed graph is read, never the
    whole store with its log (before, every proposal validated all of it: CountingStore refuses that)."""
    from isrp_graph import review
    from isrp_graph.auth import Principal, Role
    from isrp_graph.writes import WriteRejected

    store = CountingStore()
    store.ox_store.extend(fixture_store.ox_store)
    _fill_log(store)
    person = Principal("Vera Verwalterin", Role.VERWALTEN, source="token", key="vera")
    proposal = review.propose(store, {DATA_GRAPH: _noted(store, MEASURE)}, person, "Notiz ergänzt")
    assert proposal is not None and [d.subject for d in proposal.deltas] == [MEASURE]
    broken = store.get_graph(DATA_GRAPH)
    broken.remove((MEASURE, URIRef("http://purl.org/dc/terms/source"), None))
    try:
        review.propose(store, {DATA_GRAPH: broken}, person, "Quelle entfernt")
    except WriteRejected as rejected:
        assert [r.entry for r in rejected.new_violations] == [MEASURE]
    else:
        raise AssertionError("a proposal that removes the required source must be refused")


def test_a_delta_and_an_entry_delta_read_their_graph_once(fixture_store):
    """``apply_delta`` and ``apply_entry_deltas`` read the changed graph under the write lock and hand
    it on (before, the pipeline read it a second time)."""
    from rdflib.namespace import SKOS

    from isrp_graph.writes import apply_delta, apply_entry_deltas

    store = CountingStore()
    store.ox_store.extend(fixture_store.ox_store)
    note = (MEASURE, SKOS.editorialNote, Literal("Notiz", lang="de"), DATA_GRAPH)
    outcome = apply_delta(store, [note], [], "Sozialplanung")
    assert store.graphs_read == [DATA_GRAPH]
    assert note[:3] in store.get_graph(DATA_GRAPH)
    store.graphs_read.clear()
    apply_entry_deltas(store, [d.inverse() for d in outcome.changeset.deltas], "Sozialplanung")
    assert store.graphs_read == [DATA_GRAPH]
    assert note[:3] not in store.get_graph(DATA_GRAPH)


def test_the_graph_a_write_reads_is_the_graph_the_store_returns(fixture_store):
    """``graph_triples`` (what a write reads, without building an rdflib graph) holds exactly the
    triples of ``get_graph``, blank nodes with the same ids."""
    from rdflib import BNode

    triples = fixture_store.graph_triples(DATA_GRAPH)
    assert triples == set(fixture_store.get_graph(DATA_GRAPH))
    assert any(isinstance(s, BNode) for s, _p, _o in triples)
