"""The working cycle on the invented fixture: exact rankings, flow counts, chain and filters; examples
(the fixture marks every entry) never count unless asked for."""

from __future__ import annotations

from decimal import Decimal

from isrp_graph.cycle import FlowFilters, compare_sessions, impact_flow, measure_chain, session_rankings

T = "https://w3id.org/isrp/test/"


def test_examples_are_left_out_by_default_and_listed(cycle_store):
    flow = impact_flow(cycle_store)
    assert flow.needs == [] and flow.measures == [] and flow.links == []
    assert f"{T}need/familientreff-nord" in {r.iri for r in flow.examples}
    assert len(flow.examples) == 6  # three needs and three measures
    assert session_rankings(cycle_store) == []


def test_rankings_per_session_by_rank_then_score(cycle_store):
    first, second = session_rankings(cycle_store, include_examples=True)
    assert first.session.iri == f"{T}session/2022-11" and first.held_on.isoformat() == "2022-11-15"
    assert [(r.need.label, r.position, r.rank, r.total) for r in first.needs] == [
        ("Familientreff im Norden", 1, 1, Decimal(8)),
        ("Seniorenberatung im Süden", 2, 2, Decimal(6)),
        ("Spielplatz im Norden", 3, None, Decimal(2)),
    ]
    assert [c.criterion.label for c in first.criteria] == ["Dringlichkeit", "Reichweite"]
    assert first.body.label == "Begleitgremium (Beispiel)" and first.step.label == "Schritt 26 (Beispiel)"
    compared = compare_sessions(first, second)
    assert [(c.label, c.first, c.second, c.change) for c in compared] == [
        ("Seniorenberatung im Süden", 2, 1, 1),
        ("Familientreff im Norden", 1, 2, -1),
        ("Spielplatz im Norden", 3, None, None),
    ]


def test_flow_counts_every_stage(cycle_store):
    flow = impact_flow(cycle_store, include_examples=True)
    assert [n.need.label for n in flow.needs_without_measure] == ["Spielplatz im Norden"]
    assert [m.measure.label for m in flow.measures_without_need] == ["Sozialraumorientierung"]
    assert set(flow.links) == {
        ("origin", "Sozialraumforum Nord (Beispiel)", "priority", "priorisiert", 2),
        ("origin", "Herkunft nicht erfasst", "priority", "priorisiert", 1),
        ("priority", "priorisiert", "measure", "mit Maßnahme", 2),
        ("priority", "priorisiert", "measure", "ohne Maßnahme", 1),
        ("measure", "mit Maßnahme", "decision", "einer Fachplanung zugeordnet", 1),
        ("measure", "mit Maßnahme", "decision", "gesondert bearbeitet", 1),
        ("measure", "Maßnahme ohne Bedarf", "decision", "noch nicht entschieden", 1),
        ("decision", "einer Fachplanung zugeordnet", "state", "umgesetzt", 1),
        ("decision", "gesondert bearbeitet", "state", "geplant", 1),
        ("decision", "noch nicht entschieden", "state", "Stand nicht erfasst", 1),
    }
    assert flow.priorities[f"{T}need/familientreff-nord"].position == 2  # latest session: 2023-11


def test_filters_by_area_target_group_and_office(cycle_store):
    south = impact_flow(cycle_store, filters=FlowFilters(area=f"{T}area/sued"), include_examples=True)
    assert [n.need.label for n in south.needs] == ["Seniorenberatung im Süden"]
    assert [m.measure.label for m in south.measures] == ["Seniorenberatung Süd"]
    children = impact_flow(
        cycle_store,
        filters=FlowFilters(target_group="https://w3id.org/isrp/vocab/target-group/kinder"),
        include_examples=True,
    )
    assert [n.need.label for n in children.needs] == ["Spielplatz im Norden"] and children.measures == []
    office = impact_flow(cycle_store, filters=FlowFilters(office=f"{T}org/jugendamt"), include_examples=True)
    assert [m.measure.label for m in office.measures] == ["Familientreff Nord"]
    assert len(office.needs) == 3  # the office filter narrows measures, not needs


def test_chain_of_one_measure(cycle_store):
    chain = measure_chain(cycle_store, f"{T}measure/familientreff")
    m = chain.measure
    assert [n.need.label for n in chain.needs] == ["Familientreff im Norden"]
    assert chain.needs[0].origin.label == "Sozialraumforum Nord (Beispiel)"
    assert chain.priorities[f"{T}need/familientreff-nord"].session.iri == f"{T}session/2023-11"
    assert m.decision == "plan" and m.plan.label == "Familienförderplan (Beispiel)"
    assert m.reason == "Familienangebot nach § 16 SGB VIII."
    assert [(s.state.label, s.since.isoformat()) for s in m.states] == [
        ("in Umsetzung", "2023-03-01"),
        ("umgesetzt", "2024-06-30"),
    ]
    assert m.state.state.label == "umgesetzt"
    assert m.budget_total == Decimal(22000) and [b.year for b in m.budget] == ["2023", "2024"]
    assert m.budget[0].budget_line == "3.63.01"
    (target,) = m.targets
    assert (target.baseline, target.target, target.latest.value) == (Decimal(100), Decimal(200), Decimal(180))
    assert target.share == 0.8
    assert [e.achievement.label for e in m.evaluations] == ["teilweise erreicht"]
    assert [s.iri for s in m.sessions] == [f"{T}session/2022-11"]


def test_chain_of_something_that_is_no_measure(cycle_store):
    assert measure_chain(cycle_store, f"{T}need/familientreff-nord") is None


def test_scoped_to_a_municipality_keeps_only_its_needs_measures_and_sessions():
    from rdflib import Graph, URIRef

    from isrp_graph.loading import load_files
    from isrp_graph.store import EmbeddedStore
    from tests.cycle.conftest import HERE

    city_a, city_b = f"{T}org/stadt-a", f"{T}org/stadt-b"
    links = Graph().parse(
        data=f"""
        @prefix isrp: <https://w3id.org/isrp/def#> .
        <{T}need/familientreff-nord> isrp:municipality <{city_a}> .
        <{T}measure/familientreff> isrp:municipality <{city_a}> .
        <{T}session/2022-11> isrp:municipality <{city_a}> .
        <{T}need/seniorenberatung-sued> isrp:municipality <{city_b}> .
        """,
        format="turtle",
    )
    store = EmbeddedStore(None, query_timeout=None)
    try:
        load_files(store, [HERE / "fixtures" / "cycle.ttl"])
        store.replace_graph(URIRef("https://w3id.org/isrp/graph/test/links"), links)
        flow = impact_flow(store, filters=FlowFilters(kommunen=(city_a,)), include_examples=True)
        assert [n.need.label for n in flow.needs] == ["Familientreff im Norden"]
        assert [m.measure.label for m in flow.measures] == ["Familientreff Nord"]
        sessions = session_rankings(store, include_examples=True, kommunen=(city_a,))
        assert [s.session.iri for s in sessions] == [f"{T}session/2022-11"]
        both = impact_flow(store, filters=FlowFilters(kommunen=(city_a, city_b)), include_examples=True)
        assert {n.need.label for n in both.needs} == {"Familientreff im Norden", "Seniorenberatung im Süden"}
        assert len(impact_flow(store, include_examples=True).needs) == 3  # unscoped: every need
    finally:
        store.close()
