"""Planning gaps on fixtures/gaps.ttl and fixtures/areas.ttl at fixed reference dates."""

from __future__ import annotations

from datetime import date

from isrp_graph.analyses.gaps import duration_text, find_gaps

G = "https://w3id.org/isrp/testg/"
TG = "https://w3id.org/isrp/vocab/target-group/"
TP = "https://w3id.org/isrp/vocab/topic/"
DAY = date(2025, 6, 30)


def short(refs, prefix=G):  # type: ignore[no-untyped-def]
    return [r.iri.removeprefix(prefix) for r in refs]


def test_uncovered_target_groups_topics_needs(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = find_gaps(fixture_store("vocab", "gaps"), DAY)
    # Senioren is served by a measure; Familien/Alleinerziehende by the plan in Fortschreibung;
    # Kinder und Jugendliche by its narrower Kinder; the actors' branch is not checked.
    assert short(report.target_groups, TG) == [
        "bewohnerschaft",
        "gefluechtete",
        "menschen-mit-migrationsgeschichte",
    ]
    # Gesundheit only in the ended plan, Integration only in the expired one, Pflege nowhere
    assert short(report.topics, TP) == ["gesundheit", "integration", "pflege"]
    assert [(short([n.need])[0], short(n.target_groups, TG), short(n.areas)) for n in report.needs] == [
        ("need/n3", ["gefluechtete"], []),
        ("need/n2", ["senioren"], ["area/rieth"]),
    ]


def test_earlier_reference_date_counts_the_plan_then_in_force(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = find_gaps(fixture_store("vocab", "gaps"), date(2022, 6, 30))
    assert short(report.topics, TP) == ["integration", "pflege"]
    assert short([n.need for n in report.needs]) == ["need/n3"]
    assert report.mandatory_provisions == ()
    assert report.ended_plans == ()
    assert [(short([p.plan])[0], p.due.isoformat(), p.days_overdue) for p in report.overdue_plans] == [
        ("plan/alt", "2021-07-01", 364)
    ]


def test_mandatory_provisions_and_deadlines(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = find_gaps(fixture_store("vocab", "gaps"), DAY)
    # § 1 is covered through its part Abs. 1; § 3 is only a Pflichtaufgabe
    assert [
        (g.provision.label, g.law.label if g.law else None, short(g.expired_plans))
        for g in report.mandatory_provisions
    ] == [("§ 2 TestG", "TestG", ["plan/alt"])]
    assert [
        (short([p.plan])[0], p.end.isoformat(), p.status.label if p.status else None)
        for p in report.ended_plans
    ] == [
        ("plan/alt", "2022-12-31", "beschlossen"),
        ("plan/familie", "2023-12-31", "in Fortschreibung"),
    ]
    assert [
        (
            short([p.plan])[0],
            p.base.isoformat(),
            p.basis_of_base,
            p.update_cycle,
            p.due.isoformat(),
            p.days_overdue,
        )
        for p in report.overdue_plans
    ] == [
        ("plan/alt", "2020-01-01", "lastUpdated", "P1Y6M", "2021-07-01", 1460),  # stored canonically
        ("plan/familie", "2021-01-01", "termBegin", "P2Y", "2023-01-01", 911),
        ("plan/kita", "2019-05-01", "lastUpdated", "P5Y", "2024-05-01", 425),
    ]


def test_unassigned_operational_measures_with_ranked_plans(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = find_gaps(fixture_store("vocab", "gaps"), DAY)
    leseclub, seniorentreff = report.unassigned_measures
    assert short([leseclub.measure, seniorentreff.measure]) == ["measure/m3", "measure/m5"]
    # Kita-Bedarfsplan: Kinder exactly (2) + Bildung (1) + Rieth within the city (1) = 4;
    # Quartierskonzept: Kinder via Kinder und Jugendliche (1) + Rieth (1) = 2
    assert [
        (
            short([c.plan])[0],
            c.score,
            [(m.a.iri.removeprefix(TG), m.b.iri.removeprefix(TG)) for m in c.target_groups],
            short(c.topics, TP),
            [(m.a.iri.removeprefix(G), m.b.iri.removeprefix(G)) for m in c.areas],
        )
        for c in leseclub.candidates
    ] == [
        ("plan/kita", 4, [("kinder", "kinder")], ["bildung"], [("area/rieth", "area/stadt")]),
        ("plan/quartier", 2, [("kinder", "kinder-und-jugendliche")], [], [("area/rieth", "area/rieth")]),
    ]
    assert seniorentreff.candidates == ()  # the only plan for Senioren has ended
    assert "keine passende Planung" in report.tables()[6].rows[1][-3]


def test_python_ranking_agrees_with_the_single_measure_query(fixture_store) -> None:  # type: ignore[no-untyped-def]
    from isrp_graph.analyses.common import Labeller
    from isrp_graph.analyses.plan_fit import Facts, candidate_plans, candidates_for

    store = fixture_store("vocab", "gaps", "overlaps")
    labeller = Labeller(store, "de")
    measures = [
        Facts(
            G + "measure/m3",
            frozenset({TG + "kinder"}),
            frozenset({TP + "bildung"}),
            frozenset({G + "area/rieth"}),
            G + "org/stadt",  # isrp:municipality of the measure: only plans of the same one fit
        ),
        Facts(G + "measure/m5", frozenset({TG + "senioren"}), municipality=G + "org/stadt"),
    ]
    bulk = candidates_for(labeller, measures, DAY, limit=None)
    for measure in measures:
        assert bulk[measure.iri] == candidate_plans(labeller, measure.iri, DAY, limit=None)
    assert [c.plan.iri for c in bulk[G + "measure/m3"]] == [G + "plan/kita", G + "plan/quartier"]
    # the plans of another municipality (testa: Kita-Bedarfsplan also for Kinder/Bildung) never fit
    assert all("/testg/" in c.plan.iri for cs in bulk.values() for c in cs)


def test_guidelines_and_incomplete_measures(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = find_gaps(fixture_store("vocab", "gaps"), DAY)
    assert short(report.unimplemented_guidelines) == ["guideline/l2"]
    assert short(report.measures_without_indicator) == ["measure/m2", "measure/m3"]
    assert short(report.measures_without_budget_item) == ["measure/m3", "measure/m4"]
    assert short(report.measures_without_funding) == ["measure/m2", "measure/m3"]
    assert [m.measure.label for m in report.incomplete_measures] == [
        "Bürgerbus",
        "Leseclub Rieth",
        "Sozialraumorientierung",
    ]


def test_high_need_areas_without_local_provision(fixture_store) -> None:  # type: ignore[no-untyped-def]
    store = fixture_store("areas")
    h = "https://w3id.org/isrp/testh/"
    report = find_gaps(store, DAY)
    assert [
        (a.area.iri.removeprefix(h), [i.label for i in a.indicators]) for a in report.high_need_areas
    ] == [("area/herrenberg", ["Kinderarmut", "SGB-II-Quote"])]
    later = find_gaps(store, date(2027, 1, 1))
    assert [a.area.label for a in later.high_need_areas] == ["Altstadt", "Herrenberg"]
    # before the measure for Planungsraum Süd ended, Herrenberg was covered
    earlier = find_gaps(store, date(2024, 6, 30))
    assert earlier.high_need_areas == ()


def test_tables_and_duration_text(fixture_store) -> None:  # type: ignore[no-untyped-def]
    tables = find_gaps(fixture_store("vocab", "gaps"), DAY, "en").tables()
    assert [t.name for t in tables] == [
        "gaps-target-groups",
        "gaps-topics",
        "gaps-needs",
        "gaps-mandatory",
        "gaps-ended",
        "gaps-overdue",
        "gaps-unassigned",
        "gaps-guidelines",
        "gaps-incomplete",
        "gaps-high-need",
        "gaps-examples",
    ]
    assert tables[5].rows[0] == (
        "old-age care plan",
        "2020-01-01",
        "last update",
        "1 year 6 months",
        "update cycle",
        "2021-07-01",
        "1,460",
        "not recorded in the registry",
        "",
    )
    german = find_gaps(fixture_store("vocab", "gaps"), DAY).tables()[5]
    assert german.rows[0][1:7] == (
        "01.01.2020",
        "letzte Fortschreibung",
        "1 Jahr 6 Monate",
        "Fortschreibungszyklus",
        "01.07.2021",
        "1.460",
    )
    assert duration_text("P5Y") == "5 Jahre"
    assert duration_text("P1M", "en") == "1 month"
    assert duration_text("PT5H") == "PT5H"
