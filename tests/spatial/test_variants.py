"""Variant scores on the test city, with exact expected numbers: populations, coefficient of variation,
contiguity from polygons and from neighbour lists, nesting of the other systems, (un)assigned units."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from isrp_graph.spatial import import_geometries, read_variants, score_variants
from isrp_graph.spatial.errors import SpatialError
from isrp_graph.spatial.report import scores_json, variant_lines
from isrp_graph.spatial.variants import parse_text

from .fixtures import ORTSTEILE, make_store, squares_geojson

V1 = "Gebiet;Ortsteil\nNord;Chaussee, Dorf\nSüd;Anger\nSüd;Berg\n"
V2 = 'Gebiet,Ortsteil\nDiagonal,"Anger, Dorf"\nRest,"Berg, Chaussee"\nExtra,Chaussee\nX,Nirgendwo\n'


@pytest.fixture(scope="module")
def store():
    store = make_store()
    yield store
    store.close()


def files(tmp_path: Path) -> list[Path]:
    (tmp_path / "v1.csv").write_text(V1, encoding="utf-8")
    (tmp_path / "v2.csv").write_text(V2, encoding="utf-8")
    return [tmp_path / "v1.csv", tmp_path / "v2.csv"]


def by_area(score):
    return {a.name: a for a in score.areas}


def test_scores_from_neighbour_lists(store, tmp_path: Path):
    v1, v2 = score_variants(store, [v for f in files(tmp_path) for v in read_variants(f)], ORTSTEILE)
    assert (v1.population_min, v1.population_max, v1.population_cv) == (3000, 7000, 0.4)
    assert v1.population_dates == ("2021-12-31", "2022-12-31")
    assert {n: (a.population, a.contiguous) for n, a in by_area(v1).items()} == {
        "Nord": (7000, "yes"),
        "Süd": (3000, "yes"),
    }
    assert v1.unassigned == [] and v1.assigned_twice == [] and v1.unknown_names == []
    fits = {f.label: f for f in v1.systems}
    assert (fits["Bezirke"].units, fits["Bezirke"].nesting, fits["Bezirke"].cutting) == (
        2,
        0,
        ["Ost", "West"],
    )
    assert not fits["Bezirke"].adoptable
    assert (fits["Quergebiete"].nesting, fits["Quergebiete"].cutting) == (1, [])
    assert fits["Quergebiete"].adoptable
    # V2: Anger and Dorf meet only at a corner; their neighbour lists are known, so: not contiguous
    assert {n: (a.population, a.contiguous) for n, a in by_area(v2).items()} == {
        "Diagonal": (5000, "no"),
        "Rest": (5000, "no"),
        "Extra": (3000, "yes"),
    }
    assert (v2.population_min, v2.population_max, v2.population_cv) == (3000, 5000, 0.2176)
    assert v2.assigned_twice == ["Chaussee"] and v2.unassigned == []
    assert [(p.key, p.params["row"], p.params["value"]) for p in v2.unknown_names] == [
        ("spatial.variant.unknown_unit", 5, "Nirgendwo")
    ]
    assert {f.label: f.nesting for f in v2.systems} == {"Bezirke": 0, "Quergebiete": 0, "Stadt": 1}


def test_polygons_decide_contiguity_where_every_member_has_one(tmp_path: Path):
    store = make_store()
    try:
        import_geometries(
            store, squares_geojson(tmp_path / "ot.geojson"), ORTSTEILE, "name", actor="t", apply=True
        )
        (score,) = score_variants(
            store, [parse_text("Probe", "Quer: Anger, Dorf\nLinks: Anger, Chaussee")], ORTSTEILE
        )
        assert {a.name: a.contiguous for a in score.areas} == {"Quer": "no", "Links": "yes"}
        assert score.unassigned == ["Berg"] and score.assigned_twice == ["Anger"]
    finally:
        store.close()


def test_unknown_contiguity_when_a_member_has_no_sourced_neighbours(store):
    # Dorf states no neighbours of its own but is named by Berg and Chaussee; Anger–Dorf is not named
    (score,) = score_variants(store, [parse_text("x", "A: Anger, Dorf")], ORTSTEILE)
    assert score.areas[0].contiguous == "no"


def test_workbook_sheets_are_variants_and_text_and_json_reports(store, tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Zwei Hälften"
    for row in [("Gebiet", "Ortsteil"), ("West", "Anger, Chaussee"), ("Ost", "Berg, Dorf")]:
        sheet.append(row)
    book.save(tmp_path / "v.xlsx")
    (variant,) = read_variants(tmp_path / "v.xlsx")
    assert variant.name == "Zwei Hälften"
    (score,) = score_variants(store, [variant], ORTSTEILE)
    fits = {f.label: f for f in score.systems}
    assert fits["Bezirke"].adoptable and fits["Bezirke"].nesting == 2
    assert not fits["Quergebiete"].adoptable  # the strip lies in both halves
    lines = variant_lines([score], "de")
    assert "Variante „Zwei Hälften“: 2 Gebiete" in lines[0]
    assert "Variationskoeffizient 0,200" in lines[1] and "31.12.2021–31.12.2022" in lines[1]
    data = scores_json([score], "en")
    assert data[0]["population_min"] == 4000 and data[0]["population_max"] == 6000


def test_bad_variant_files(tmp_path: Path):
    (tmp_path / "a.csv").write_text("Name;Wert\nx;y\n", encoding="utf-8")
    with pytest.raises(SpatialError) as err:
        read_variants(tmp_path / "a.csv")
    assert err.value.key == "spatial.variant.columns" and "a.csv" in err.value.message("en")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SpatialError) as err:
        read_variants(tmp_path / "b.txt")
    assert err.value.key == "spatial.variant.format"


def test_cli_variants_json_on_the_shipped_registry(tmp_path: Path):
    path = tmp_path / "erfurt.csv"
    path.write_text("Gebiet;Ortsteil\nNord;Berliner Platz, Rieth\nMitte;Altstadt\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "isrp_graph",
            "--store",
            "memory",
            "spatial",
            "variants",
            str(path),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    (score,) = json.loads(done.stdout)
    assert {a["name"]: a["population"] for a in score["areas"]} == {"Nord": 12285, "Mitte": 18228}
