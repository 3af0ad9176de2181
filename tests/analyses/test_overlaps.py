"""Derived overlaps on fixtures/overlaps.ttl: the full ranked list with evidence and declarations."""

from __future__ import annotations

from isrp_graph.analyses.common import Match, Ref
from isrp_graph.analyses.overlaps import find_overlaps, strength

A = "https://w3id.org/isrp/testa/"
TG = "https://w3id.org/isrp/vocab/target-group/"
TP = "https://w3id.org/isrp/vocab/topic/"
F1 = "https://w3id.org/isrp/funding/f1"


def summary(report):  # type: ignore[no-untyped-def]
    return [
        (
            o.plan_a.iri.removeprefix(A),
            o.plan_b.iri.removeprefix(A),
            o.strength,
            o.kinds,
            [(m.a.iri.removeprefix(TG), m.b.iri.removeprefix(TG)) for m in o.target_groups],
            [r.iri.removeprefix(TP) for r in o.topics],
            [r.iri for r in o.spaces],
            [r.iri for r in o.schemes],
            [r.iri.removeprefix(A) for r in o.networks],
            [r.iri.removeprefix(A) for r in o.declared_by],
        )
        for o in report.overlaps
    ]


def test_full_ranked_list_undeclared_first(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = find_overlaps(fixture_store("vocab", "overlaps"))
    kj, kinder = "kinder-und-jugendliche", "kinder"
    assert summary(report) == [
        # undeclared, by strength, ties by labels (Familienförderplan < Jugendförderplan)
        (
            "plan/kita",
            "plan/schule",
            4,
            ("funding",),
            [(kinder, kinder)],
            [],
            [A + "area/stadt"],
            [F1],
            [],
            [],
        ),
        ("plan/familie", "plan/senioren", 2, ("network",), [], [], [], [], ["network/n2"], []),
        (
            "plan/jugend",
            "plan/quartier-rieth",
            2,
            ("target-topic",),
            [(kj, kinder)],
            ["armut"],
            [A + "area/stadt"],
            [],
            [],
            [],
        ),
        # declared
        (
            "plan/jugend",
            "plan/kita",
            6,
            ("target-topic", "funding", "network"),
            [(kj, kinder)],
            ["bildung"],
            [A + "area/stadt"],
            [F1],
            ["network/n1"],
            ["interface/i1"],
        ),
        (
            "plan/jugend",
            "plan/schule",
            4,
            ("target-topic", "funding"),
            [(kj, kinder)],
            ["armut"],
            [A + "area/stadt"],
            [F1],
            [],
            ["interface/i2"],
        ),
        # no spatial scope on the Seniorenplan: city-wide in its municipality (the node isrp:municipality
        # names, shown as "gesamtstädtisch (Testa)")
        (
            "plan/quartier-rieth",
            "plan/senioren",
            3,
            ("target-topic",),
            [("senioren", "senioren")],
            ["wohnen"],
            [A + "org/stadt"],
            [],
            [],
            ["delimitation/d1"],
        ),
    ]
    assert [(o.plan_a.label, o.plan_b.label) for o in report.undeclared] == [
        ("Kita-Bedarfsplan", "Schulnetzplan"),
        ("Familienförderplan", "Seniorenplan"),
        ("Jugendförderplan", "Quartierskonzept Rieth"),
    ]


def test_what_does_not_overlap(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = find_overlaps(fixture_store("vocab", "overlaps"))
    pairs = {frozenset(o.pair) for o in report.overlaps}
    # the scheme's top concept (Bevölkerung) is no shared target group
    assert frozenset({A + "plan/alle", A + "plan/kita"}) not in pairs
    # Rieth and Herrenberg are disjoint: same group and topic, no shared space
    assert frozenset({A + "plan/quartier-rieth", A + "plan/schule"}) not in pairs
    # other municipality: neither nested scopes nor the same municipality
    assert not any("testb" in iri for pair in pairs for iri in pair)


def test_evidence_names_both_concepts_and_labels_follow_language(fixture_store) -> None:  # type: ignore[no-untyped-def]
    store = fixture_store("vocab", "overlaps")
    german = find_overlaps(store, "de").undeclared[2]
    english = find_overlaps(store, "en").undeclared[2]
    assert str(german.target_groups[0]) == "Kinder und Jugendliche ↔ Kinder"
    assert str(english.target_groups[0]) == "children and young people ↔ children"
    assert (english.plan_a.label, english.plan_b.label) == (
        "youth support plan",
        "Rieth neighbourhood concept",
    )


def test_strength_formula() -> None:
    exact = Match(Ref("x", "X"), Ref("x", "X"))
    broader = Match(Ref("x", "X"), Ref("y", "Y"))
    assert strength([exact, broader], ["t1", "t2"], ["s"], []) == 2 + 1 + 2 + 2
    assert strength([], [], [], ["n1", "n2"]) == 4


def test_tables_undeclared_and_all(fixture_store) -> None:  # type: ignore[no-untyped-def]
    undeclared, contained, every, examples = find_overlaps(fixture_store("vocab", "overlaps")).tables()
    assert undeclared.name == "overlaps-undeclared"
    assert undeclared.title == "Nicht erklärte Schnittstellen"
    assert [row[:7] for row in undeclared.rows] == [
        ("1", "Kita-Bedarfsplan", "Schulnetzplan", "mittel", "", "4", "Förderprogramm"),
        ("2", "Familienförderplan", "Seniorenplan", "mittel", "", "2", "Netzwerk"),
        ("3", "Jugendförderplan", "Quartierskonzept Rieth", "mittel", "", "2", "Zielgruppe + Thema"),
    ]
    assert {row[-1] for row in undeclared.rows} == {"nicht im Register erfasst"}
    assert contained.rows == () and examples.rows == ()
    assert [row[-3] for row in every.rows] == [
        "nicht erklärt",
        "nicht erklärt",
        "nicht erklärt",
        "Übergang Kita–Jugendarbeit",
        "Bildungslandschaft",
        "Abgrenzung Quartier–Senioren",
    ]
