"""A plan's declared interfaces and the plan × plan interface matrix on fixtures/overlaps.ttl."""

from __future__ import annotations

from isrp_graph.analyses.interfaces import interface_matrix, plan_interfaces

A = "https://w3id.org/isrp/testa/"


def test_plan_interfaces_lists_every_partner(fixture_store) -> None:  # type: ignore[no-untyped-def]
    result = plan_interfaces(fixture_store("vocab", "overlaps"), "https://w3id.org/isrp/testa/plan/jugend")
    assert result.plan.label == "Jugendförderplan"
    assert [
        (
            r.relation.iri.removeprefix(A),
            r.partner.iri.removeprefix(A),
            [t.label for t in r.topics],
            [g.label for g in r.target_groups],
            [f.label for f in r.coordination_forms],
        )
        for r in result.interfaces
    ] == [
        # by partner label: Familienförderplan, Kita-Bedarfsplan, Schulnetzplan
        ("interface/i2", "plan/familie", [], [], ["Datenaustausch"]),
        ("interface/i1", "plan/kita", ["Bildung"], ["Kinder"], ["gemeinsames Gremium"]),
        ("interface/i2", "plan/schule", [], [], ["Datenaustausch"]),
    ]
    assert result.delimitations == ()


def test_delimitation_with_rule_in_english(fixture_store) -> None:  # type: ignore[no-untyped-def]
    store = fixture_store("vocab", "overlaps")
    result = plan_interfaces(store, "https://w3id.org/isrp/testa/plan/senioren", "en")
    assert result.interfaces == ()
    assert [(d.relation.label, d.partner.label, d.rule) for d in result.delimitations] == [
        (
            "neighbourhood vs senior citizens",
            "Rieth neighbourhood concept",
            "The neighbourhood concept plans for Rieth only.",
        )
    ]
    german = plan_interfaces(store, "https://w3id.org/isrp/testa/plan/senioren", "de")
    assert german.delimitations[0].rule == "Das Quartierskonzept plant nur für Rieth."
    (table,) = german.tables()
    assert table.rows == (
        (
            "Abgrenzung Quartier–Senioren",
            "Abgrenzung",
            "Quartierskonzept Rieth",
            "",
            "",
            "",
            "Das Quartierskonzept plant nur für Rieth.",
        ),
    )


def test_plan_given_as_prefixed_name_or_unknown(fixture_store) -> None:  # type: ignore[no-untyped-def]
    store = fixture_store("vocab", "overlaps")
    unknown = plan_interfaces(store, "erfurt:plan/gibt-es-nicht")
    assert unknown.plan.iri == "https://w3id.org/isrp/erfurt/plan/gibt-es-nicht"
    assert unknown.interfaces == () and unknown.delimitations == ()


def test_matrix_cells_and_csv(fixture_store) -> None:  # type: ignore[no-untyped-def]
    matrix = interface_matrix(fixture_store("vocab", "overlaps"))
    assert [p.label for p in matrix.plans] == [
        "Familienförderplan",
        "Jugendförderplan",
        "Jugendplan B",
        "Kita-Bedarfsplan",
        "Kita-Bedarfsplan B",
        "Quartierskonzept Rieth",
        "Schulnetzplan",
        "Seniorenplan",
        "Sozialbericht",
    ]
    assert [
        (
            c.plan_a.iri.removeprefix(A),
            c.plan_b.iri.removeprefix(A),
            [i.iri.removeprefix(A) for i in c.interfaces],
            [d.iri.removeprefix(A) for d in c.delimitations],
            None if c.overlap is None else c.overlap.strength,
        )
        for c in matrix.cells
    ] == [
        ("plan/familie", "plan/jugend", ["interface/i2"], [], None),
        ("plan/familie", "plan/schule", ["interface/i2"], [], None),
        ("plan/familie", "plan/senioren", [], [], 2),
        ("plan/jugend", "plan/kita", ["interface/i1"], [], 6),
        ("plan/jugend", "plan/quartier-rieth", [], [], 2),
        ("plan/jugend", "plan/schule", ["interface/i2"], [], 4),
        ("plan/kita", "plan/schule", [], [], 4),
        ("plan/quartier-rieth", "plan/senioren", [], ["delimitation/d1"], 3),
    ]
    cell = matrix.cell(A + "plan/kita", A + "plan/jugend")
    assert cell is not None and cell.summary("de") == "1 S · Ü 6"
    assert matrix.cell(A + "plan/kita", A + "plan/schule").summary("de") == "Ü! 4"  # type: ignore[union-attr]
    assert matrix.cell(A + "plan/alle", A + "plan/kita") is None

    # one part per municipality (isrp:municipality), each numbered on its own: never a plan of A
    # against a plan of B, and the table is 7 + 2 rows wide squared, not 9 × 9
    assert [(p.municipality.label if p.municipality else None, len(p.plans)) for p in matrix.parts] == [
        ("Stadt A", 7),
        ("Stadt B", 2),
    ]
    lines = matrix.to_csv().split("\r\n")
    assert lines[0] == "\ufeffPlanung;1;2;3;4;5;6;7"
    assert lines[1] == "Kommune: Stadt A;;;;;;;"
    assert lines[2] == "1. Familienförderplan;—;1 S;;;1 S;Ü! 2;"
    assert lines[4] == "3. Kita-Bedarfsplan;;1 S · Ü 6;—;;Ü! 4;;"
    assert lines[9] == "Kommune: Stadt B;;;;;;;"
    assert lines[10] == "1. Jugendplan B;—;;;;;;"
    assert len(lines) == 1 + 2 + 9 + 1  # header, two municipality rows, nine plans, "" after the last CRLF
