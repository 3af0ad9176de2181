"""The spatial analysis on fixtures/spatial.ttl (reference system: its Ortsteile)."""

from __future__ import annotations

from isrp_graph.analyses.spatial import spatial_overview

S = "https://w3id.org/isrp/tests/"
REFERENCE = S + "spatial-system/ortsteile"


def short(ref):  # type: ignore[no-untyped-def]
    return None if ref is None else ref.iri.removeprefix(S)


def test_spatial_system_of_each_plan(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = spatial_overview(fixture_store("spatial"), REFERENCE)
    assert [
        (short(p.plan), short(p.system), p.unit_count, [short(s) for s in p.scopes]) for p in report.plans
    ] == [
        ("plan/jugend", "spatial-system/planungsraeume", 2, []),
        ("plan/quartier", "spatial-system/quartiere", 1, []),
        ("plan/schule", "spatial-system/schulbezirke", 3, []),
        ("plan/ohne", None, 0, []),
        ("plan/sozial", "spatial-system/ortsteile", 4, ["area/stadt"]),
    ]


def test_units_that_do_not_nest(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = spatial_overview(fixture_store("spatial"), REFERENCE)
    assert [
        (
            short(u.system),
            short(u.unit),
            u.reason,
            [short(o) for o in u.overlapping],
            [short(p) for p in u.plans],
        )
        for u in report.non_nesting
    ] == [
        ("spatial-system/schulbezirke", "area/sb-1", "overlaps", ["area/ot-b"], ["plan/schule"]),
        ("spatial-system/schulbezirke", "area/sb-2", "overlaps", ["area/ot-b"], ["plan/schule"]),
        ("spatial-system/schulbezirke", "area/sb-3", "unrelated", [], ["plan/schule"]),
    ]


def test_crosswalk_long_and_wide(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = spatial_overview(fixture_store("spatial"), REFERENCE)
    assert [(short(e.reference), short(e.plan), short(e.unit), e.relation) for e in report.crosswalk] == [
        ("area/ot-a", "plan/jugend", "area/pr-1", "within"),
        ("area/ot-a", "plan/schule", "area/sb-1", "within"),
        ("area/ot-b", "plan/jugend", "area/pr-1", "within"),
        ("area/ot-b", "plan/schule", "area/sb-1", "overlaps"),
        ("area/ot-b", "plan/schule", "area/sb-2", "overlaps"),
        ("area/ot-c", "plan/jugend", "area/pr-2", "within"),
        ("area/ot-c", "plan/schule", "area/sb-2", "within"),
        ("area/ot-d", "plan/jugend", "area/pr-2", "within"),
        ("area/ot-d", "plan/quartier", "area/q-1", "contains"),
    ]
    table = report.crosswalk_table()
    assert table.columns == ("Bezugseinheit", "Jugendhilfeplan", "Quartiersplan", "Schulnetzplan")
    assert table.rows == (
        ("Ortsteil A", "Planungsraum 1", "", "Schulbezirk 1"),
        ("Ortsteil B", "Planungsraum 1", "", "Schulbezirk 1 (teilweise); Schulbezirk 2 (teilweise)"),
        ("Ortsteil C", "Planungsraum 2", "", "Schulbezirk 2"),
        ("Ortsteil D", "Planungsraum 2", "Quartier 1 (Teilgebiet)", ""),
    )


def test_other_reference_system_and_labels(fixture_store) -> None:  # type: ignore[no-untyped-def]
    report = spatial_overview(fixture_store("spatial"), S + "spatial-system/planungsraeume", "en")
    assert report.reference_system.label == "planning areas"
    # against the planning areas: Ortsteile and Quartier 1 (in Ortsteil D, in PR 2) nest transitively;
    # the school districts have no recorded relation to any planning area
    assert [(short(u.unit), u.reason) for u in report.non_nesting] == [
        ("area/sb-1", "unrelated"),
        ("area/sb-2", "unrelated"),
        ("area/sb-3", "unrelated"),
    ]
