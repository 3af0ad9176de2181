"""The funding analysis on fixtures/funding.ttl."""

from __future__ import annotations

from isrp_graph.analyses.funding import funding_overview

F = "https://w3id.org/isrp/testf/"
FS = "https://w3id.org/isrp/funding/"
TG = "https://w3id.org/isrp/vocab/target-group/"


def short(ref):  # type: ignore[no-untyped-def]
    return None if ref is None else ref.iri.removeprefix(F).removeprefix(FS)


def test_scheme_plan_measure_table(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = funding_overview(fixture_store("vocab", "funding"))
    assert [(short(x.scheme), short(x.plan), short(x.measure), short(x.facility)) for x in report.links] == [
        ("landesprogramm-a", "plan/familie", "measure/m1", None),
        ("landesprogramm-a", "plan/familie", None, None),
        ("soziale-stadt-test", None, "measure/m2", None),
        ("soziale-stadt-test", None, None, "facility/qm-rieth"),
        ("stiftung-x", None, None, None),
        ("zukunft-y", None, "measure/m5", None),
    ]


def test_schemes_needing_coordination(fixture_store) -> None:  # type: ignore[no-untyped-def]
    (pair,) = funding_overview(fixture_store("vocab", "funding")).coordination
    assert (short(pair.scheme_a), short(pair.scheme_b)) == ("landesprogramm-a", "soziale-stadt-test")
    assert [(m.a.iri.removeprefix(TG), m.b.iri.removeprefix(TG)) for m in pair.target_groups] == [
        ("familien", "familien"),
        ("alleinerziehende", "familien"),
    ]
    assert [(short(m.a), short(m.b)) for m in pair.areas] == [
        ("area/rieth", "area/rieth"),
        ("area/stadt", "area/rieth"),
    ]
    assert [short(r) for r in pair.funded_a] == ["measure/m1", "plan/familie"]
    assert [short(r) for r in pair.funded_b] == ["measure/m2"]


def test_unfunded_measures_and_tables_in_english(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = funding_overview(fixture_store("vocab", "funding"), "en")
    assert [(short(m.measure), short(m.plan), m.has_budget_item) for m in report.unfunded_measures] == [
        ("measure/m3", "plan/familie", True),
        ("measure/m4", None, False),
    ]
    matrix, _coordination, unfunded = report.tables()
    assert matrix.columns == ("Funding scheme", "Plan", "Measure", "Facility")
    # sorted by the English labels: "Soziale Stadt (Test)" before "state programme A"
    assert matrix.rows[:3] == (
        ("Soziale Stadt (Test)", "", "Familienzentrum Rieth", ""),
        ("Soziale Stadt (Test)", "", "", "QM Rieth"),
        ("state programme A", "Familienförderplan", "Alleinerziehendentreff Rieth", ""),
    )
    assert unfunded.rows == (("Elternkurse", "Familienförderplan", "yes"), ("Ferienspiele", "", "no"))
