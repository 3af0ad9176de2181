"""What every finding rests on, on fixtures/findings.ttl at a fixed Stichtag: the basis of each gap,
overdue, ended and overlap row; editorial notes beside findings; evidence classes; an umbrella plan and
its sub-plan ("enthalten"); an extended term; an update deadline; examples that never count."""

from __future__ import annotations

from datetime import date

import pytest

from isrp_graph.analyses.basis import EVIDENCED, EXAMPLE, NOT_RECORDED, parse_stichtag
from isrp_graph.analyses.gaps import find_gaps
from isrp_graph.analyses.interfaces import interface_matrix
from isrp_graph.analyses.overlaps import find_overlaps
from isrp_graph.analyses.registry import AnalysisOptions, run_all

DAY = date(2025, 6, 30)
F = "https://w3id.org/isrp/testf/"


@pytest.fixture
def store(fixture_store):  # type: ignore[no-untyped-def]
    return fixture_store("vocab", "findings")


def test_every_gap_row_states_its_basis_and_notes(store) -> None:  # type: ignore[no-untyped-def]
    report = find_gaps(store, DAY)
    assert [(g.provision.label, g.basis, g.notes) for g in report.mandatory_provisions] == [
        ("§ 1 TestF", EVIDENCED, ()),  # a sourced statement that no plan exists
        ("§ 2 TestF", NOT_RECORDED, ("Gesucht im Ratsinformationssystem: kein Plan gefunden.",)),
    ]
    assert [(p.plan.label, p.end, p.original_end, p.extended_to, p.basis) for p in report.ended_plans] == [
        ("Altenhilfeplan", date(2022, 12, 31), date(2022, 12, 31), None, EVIDENCED),  # recorded as expired
        ("Wohnungsplan", date(2025, 3, 31), date(2023, 12, 31), date(2025, 3, 31), NOT_RECORDED),
    ]
    assert [
        (p.plan.label, p.due, p.due_from, p.days_overdue, p.basis, p.notes) for p in report.overdue_plans
    ] == [
        (
            "Teilplan Kita",
            date(2024, 8, 1),
            "updateCycle",
            333,
            NOT_RECORDED,
            ("Eine spätere Fassung wurde nicht gefunden.",),
        ),
        (
            "Seniorenbericht",
            date(2024, 12, 31),
            "updateDeadline",  # a deadline set by a decision, not the end of a term
            181,
            EVIDENCED,
            ("Frist aus dem Stadtratsbeschluss; eine Fortschreibung wurde nicht gefunden.",),
        ),
        # the cycle gave 01.01.2024; the extension of the term postpones the update to its end
        ("Wohnungsplan", date(2025, 3, 31), "termExtendedTo", 91, EVIDENCED, ()),
    ]
    # an update deadline is no term: the Seniorenbericht never appears as ended
    assert "Seniorenbericht" not in [p.plan.label for p in report.ended_plans]
    assert {g.basis for g in report.target_groups} == {NOT_RECORDED}


def test_examples_never_count_and_are_listed_apart(store) -> None:  # type: ignore[no-untyped-def]
    report = find_gaps(store, DAY)
    # the example measure neither counts as unassigned nor addresses refugees
    assert report.unassigned_measures == ()
    assert "Geflüchtete" in [g.label for g in report.target_groups]
    assert [(e.table, e.entry.label) for e in report.examples] == [
        ("gaps-incomplete", "Beispiel: Willkommenscafé"),
        ("gaps-unassigned", "Beispiel: Willkommenscafé"),
    ]
    included = find_gaps(store, DAY, include_examples=True)
    assert "Geflüchtete" not in [g.label for g in included.target_groups]
    assert [(m.measure.label, m.basis) for m in included.unassigned_measures] == [
        ("Beispiel: Willkommenscafé", EXAMPLE)
    ]
    assert included.examples == ()
    examples = report.tables()[-1]
    assert (examples.name, examples.title, examples.finding) == (
        "gaps-examples",
        "Beispiele (nicht gezählt)",
        False,
    )


def test_overlaps_by_evidence_class_with_contained_and_examples_apart(store) -> None:  # type: ignore[no-untyped-def]
    report = find_overlaps(store, "de", DAY)
    assert [
        (o.plan_a.label, o.plan_b.label, o.evidence_class, o.flags, o.basis) for o in report.undeclared
    ] == [
        ("Dachplan Jugend", "Schulplan", "strong", (), NOT_RECORDED),  # the example interface does not count
        ("Schulplan", "Teilplan Kita", "strong", (), NOT_RECORDED),
        ("Pflegeplan", "Seniorenbericht", "medium", ("Pflegeplan nur Entwurf",), NOT_RECORDED),
        ("Stadtentwicklungsplan", "Wohnungsplan", "weak", ("Wohnungsplan nicht mehr wirksam",), NOT_RECORDED),
    ]
    assert [(o.plan_a.label, o.plan_b.label, o.contained_by, o.basis) for o in report.contained] == [
        ("Dachplan Jugend", "Teilplan Kita", ("Teilplan Kita ist Teil von Dachplan Jugend",), EVIDENCED)
    ]
    assert sorted((o.plan_a.label, o.plan_b.label) for o in report.examples) == [
        ("Beispielplan", "Dachplan Jugend"),
        ("Beispielplan", "Schulplan"),
        ("Beispielplan", "Teilplan Kita"),
    ]
    undeclared = report.tables()[0]
    assert [row[3] for row in undeclared.rows] == ["stark", "stark", "mittel", "schwach"]
    with_examples = find_overlaps(store, "de", DAY, include_examples=True)
    school = next(o for o in with_examples.overlaps if o.pair == (F + "plan/dach", F + "plan/schule"))
    assert [r.label for r in school.declared_by] == ["Beispiel-Schnittstelle Schule–Jugend"]
    assert len([o for o in with_examples.overlaps if o.example]) == 3


def test_matrix_has_every_plan_counts_no_example_and_marks_contained(store) -> None:  # type: ignore[no-untyped-def]
    matrix = interface_matrix(store, "de", find_overlaps(store, "de", DAY))
    labels = [p.label for p in matrix.plans]
    assert "Altenhilfeplan" in labels  # a plan without any relation is still a row
    assert "Beispielplan" not in labels
    assert all(not c.interfaces and not c.examples for c in matrix.cells)  # only the example interface exists
    contained = matrix.cell(F + "plan/dach", F + "plan/teil")
    assert contained is not None and contained.summary("de") == "enthalten"
    shown = interface_matrix(
        store, "de", find_overlaps(store, "de", DAY, include_examples=True), include_examples=True
    )
    school = shown.cell(F + "plan/dach", F + "plan/schule")
    assert school is not None and school.summary("de") == "Ü 3 · 1 B"


def test_report_options_and_stichtag_parsing(store) -> None:  # type: ignore[no-untyped-def]
    reports = run_all(store, "de", AnalysisOptions(reference_date=DAY), names=("overlaps", "gaps"))
    assert reports["overlaps"].reference_date == DAY
    assert "Stichtag 30.06.2025" in reports["gaps"].tables()[0].description
    assert parse_stichtag("31.12.2025") == date(2025, 12, 31) == parse_stichtag("2025-12-31")
    with pytest.raises(ValueError):
        parse_stichtag("31.13.2025")


def test_network_metrics_leave_examples_out(store) -> None:  # type: ignore[no-untyped-def]
    from isrp_graph.network import build_network

    graph = build_network(store, "de")
    assert F + "plan/dach" in graph and F + "plan/beispiel" not in graph
    assert not graph.has_edge(F + "plan/dach", F + "plan/schule")  # only an example interface links them


def test_an_extended_term_keeps_the_plan_in_force(store) -> None:  # type: ignore[no-untyped-def]
    # the housing plan's term ended 31.12.2023 but was extended to 31.03.2025
    during = find_gaps(store, date(2024, 6, 30))
    assert "Integration" not in [g.label for g in during.topics]
    assert [p.plan.label for p in during.ended_plans] == ["Altenhilfeplan"]
    after = find_gaps(store, DAY)
    assert "Integration" in [g.label for g in after.topics]


def test_several_notes_of_an_entry_come_in_a_fixed_order() -> None:
    """Regression: the order of several editorial notes followed the store's and changed between runs."""
    from isrp_graph.analyses.basis import EntryFacts

    first = EntryFacts("urn:x", notes={"de": ["Zweite Notiz.", "Erste Notiz."]})
    second = EntryFacts("urn:x", notes={"de": ["Erste Notiz.", "Zweite Notiz."]})
    assert first.notes_in("de") == second.notes_in("de") == ("Erste Notiz.", "Zweite Notiz.")
