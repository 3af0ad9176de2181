"""Geometry import onto the test city's Ortsteile: every format, the EPSG:25832 transform, every error
path by row, and that a file with any problem stores nothing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import Polygon, mapping

from isrp_graph.provenance import PROVENANCE_GRAPH
from isrp_graph.spatial import SpatialError, export_geojson, import_geometries, units_of_system
from isrp_graph.spatial.importer import geometry_graph_name

from .fixtures import ORTSTEILE, SQUARES, collection, feature, make_store, squares_geojson, write


@pytest.fixture
def store():
    store = make_store()
    yield store
    store.close()


def to_utm(geom):
    transformer = Transformer.from_crs("OGC:CRS84", 25832, always_xy=True)
    return shapely.transform(geom, lambda c: np.column_stack(transformer.transform(c[:, 0], c[:, 1])))


def boundaries(store) -> dict[str, Polygon]:
    return {u.label: u.boundary for u in units_of_system(store, ORTSTEILE) if u.boundary is not None}


def test_geojson_in_crs84_is_matched_by_name_and_stored_with_provenance(store, tmp_path: Path):
    report = import_geometries(
        store, squares_geojson(tmp_path / "ot.geojson"), ORTSTEILE, "name", actor="test", apply=True
    )
    assert report.problems == []
    assert [m.unit.label for m in report.matched] == ["Anger", "Berg", "Chaussee", "Dorf"]
    assert report.applied and report.activity
    stored = boundaries(store)
    assert set(stored) == set(SQUARES)
    assert stored["Anger"].normalize().equals_exact(SQUARES["Anger"].normalize(), 1e-7)
    provenance = store.get_graph(PROVENANCE_GRAPH)
    assert any(str(o) == "test" for o in provenance.objects())
    exported = export_geojson(store, ORTSTEILE)
    kinds = {f["properties"]["name"]: f["properties"]["geometryKind"] for f in exported["features"]}
    assert kinds == dict.fromkeys(SQUARES, "boundary")


def test_match_by_key_code(store, tmp_path: Path):
    report = import_geometries(
        store, squares_geojson(tmp_path / "ot.geojson"), ORTSTEILE, "nr", actor="t", apply=False
    )
    assert [m.unit.label for m in report.matched] == ["Anger", "Berg", "Chaussee", "Dorf"]
    assert not report.applied
    assert geometry_graph_name(ORTSTEILE) not in store.graphs()


def test_epsg_25832_geojson_is_transformed_to_crs84(store, tmp_path: Path):
    data = collection(
        [feature(n, mapping(to_utm(g))) for n, g in SQUARES.items()], "urn:ogc:def:crs:EPSG::25832"
    )
    report = import_geometries(
        store, write(tmp_path / "utm.geojson", data), ORTSTEILE, "name", actor="t", apply=True
    )
    assert report.problems == []
    assert boundaries(store)["Dorf"].normalize().equals_exact(SQUARES["Dorf"].normalize(), 1e-6)


def _ogr(path: Path, crs: str, transform) -> Path:
    names = list(SQUARES)
    geometries = np.array([shapely.to_wkb(transform(SQUARES[n])) for n in names], dtype=object)
    fields = [np.array(names, dtype=object)]
    pyogrio.raw.write(str(path), geometries, fields, fields=["name"], geometry_type="Polygon", crs=crs)
    return path


@pytest.mark.parametrize(
    "suffix,crs", [(".shp", "EPSG:25832"), (".gpkg", "EPSG:25832"), (".gpkg", "EPSG:4326")]
)
def test_shapefile_and_geopackage(store, tmp_path: Path, suffix: str, crs: str):
    transform = to_utm if crs.endswith("25832") else (lambda g: g)
    path = _ogr(tmp_path / f"ot{suffix}", crs, transform)
    report = import_geometries(store, path, ORTSTEILE, "name", actor="t", apply=True)
    assert report.problems == [], [p.message() for p in report.problems]
    assert boundaries(store)["Berg"].normalize().equals_exact(SQUARES["Berg"].normalize(), 1e-6)


def _problems(store, tmp_path: Path, features, crs=None) -> list[tuple[str, int]]:
    path = write(tmp_path / "bad.geojson", collection(features, crs))
    report = import_geometries(store, path, ORTSTEILE, "name", actor="t", apply=True)
    assert not report.applied
    assert geometry_graph_name(ORTSTEILE) not in store.graphs()  # nothing stored
    for problem in report.problems:  # every message in both languages, naming file and row
        assert "bad.geojson" in problem.message("de") and "bad.geojson" in problem.message("en")
        assert problem.message("de") != problem.message("en")
    return [(p.key, p.params.get("row")) for p in report.problems]


def test_every_feature_problem_is_reported_by_row_and_nothing_is_stored(store, tmp_path: Path):
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[11.0, 50.97], [11.01, 50.98], [11.01, 50.97], [11.0, 50.98], [11.0, 50.97]]],
    }
    paris = mapping(Polygon([(2.3, 48.8), (2.4, 48.8), (2.4, 48.9), (2.3, 48.8)]))
    features = [
        feature("Anger", mapping(SQUARES["Anger"])),  # 1 fine
        feature("Berg", bowtie),  # 2 invalid
        feature("Chaussee", None),  # 3 empty
        feature("Dorf", paris),  # 4 outside Germany
        feature("Nirgendwo", mapping(SQUARES["Dorf"])),  # 5 unmatched
        feature("Doppelname", mapping(SQUARES["Dorf"])),  # 6 ambiguous: Berg and Dorf
        feature("anger", mapping(SQUARES["Anger"])),  # 7 duplicate of row 1
        {"type": "Feature", "properties": {}, "geometry": mapping(SQUARES["Dorf"])},  # 8 no key
        feature("Dorf", {"type": "LineString", "coordinates": [[11.0, 50.97], [11.01, 50.98]]}),  # 9 type
    ]
    assert _problems(store, tmp_path, features) == [
        ("spatial.geometry_invalid", 2),
        ("spatial.geometry_empty", 3),
        ("spatial.outside_germany", 4),
        ("spatial.unmatched", 5),
        ("spatial.ambiguous", 6),
        ("spatial.duplicate", 7),
        ("spatial.key_missing", 8),
        ("spatial.geometry_type", 9),
    ]


def test_metre_coordinates_without_crs_are_a_crs_mismatch(store, tmp_path: Path):
    features = [feature("Anger", mapping(to_utm(SQUARES["Anger"])))]
    assert _problems(store, tmp_path, features) == [("spatial.crs_mismatch", 1)]


def test_unsupported_crs_and_bad_files_raise(store, tmp_path: Path):
    data = collection([feature("Anger", mapping(SQUARES["Anger"]))], "EPSG:3857")
    with pytest.raises(SpatialError) as err:
        import_geometries(store, write(tmp_path / "web.geojson", data), ORTSTEILE, "name", actor="t")
    assert err.value.key == "spatial.crs_unsupported" and "EPSG:3857" in err.value.message("en")
    (tmp_path / "broken.geojson").write_text("{not json", encoding="utf-8")
    with pytest.raises(SpatialError) as err:
        import_geometries(store, tmp_path / "broken.geojson", ORTSTEILE, "name", actor="t")
    assert err.value.key == "spatial.geojson_syntax"
    with pytest.raises(SpatialError) as err:
        import_geometries(
            store, squares_geojson(tmp_path / "ot.geojson"), ORTSTEILE + "-gibt-es-nicht", "name", actor="t"
        )
    assert err.value.key == "spatial.system_unknown"
    (tmp_path / "x.gpkg").write_bytes(b"no geopackage")
    with pytest.raises(SpatialError) as err:
        import_geometries(store, tmp_path / "x.gpkg", ORTSTEILE, "name", actor="t")
    assert err.value.key == "spatial.ogr_unreadable"


def test_reimport_replaces_the_system_geometry_graph(store, tmp_path: Path):
    import_geometries(
        store, squares_geojson(tmp_path / "ot.geojson"), ORTSTEILE, "name", actor="t", apply=True
    )
    only_anger = write(tmp_path / "a.geojson", collection([feature("Anger", mapping(SQUARES["Berg"]))]))
    import_geometries(store, only_anger, ORTSTEILE, "name", actor="t", apply=True)
    stored = boundaries(store)
    assert set(stored) == {"Anger"} and stored["Anger"].normalize().equals_exact(
        SQUARES["Berg"].normalize(), 1e-7
    )
