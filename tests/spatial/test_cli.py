"""The spatial CLI on the shipped registry (memory store): geodata import dry run with problems by row and
exit code 3, GeoJSON export of the 53 Ortsteile."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from shapely.geometry import box, mapping

from .fixtures import collection, feature, write

ORTSTEILE = "erfurt:spatial-system/ortsteile"


def isrp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "isrp_graph", "--store", "memory", *args], capture_output=True, text=True
    )


def test_import_dry_run_reports_by_row_and_exits_3(tmp_path: Path):
    path = write(
        tmp_path / "ot.geojson",
        collection(
            [
                feature("Altstadt", mapping(box(11.02, 50.97, 11.04, 50.985))),
                feature("Atlantis", mapping(box(11.0, 50.9, 11.01, 50.91))),
            ]
        ),
    )
    done = isrp("import", str(path), "--spatial-system", ORTSTEILE, "--key", "name")
    assert done.returncode == 3, done.stderr
    assert "ot.geojson, Objekt 2: „Atlantis“ passt zu keiner Raumeinheit" in done.stdout
    assert "1 von 2 Objekten zugeordnet, 1 Probleme." in done.stdout
    ok = isrp(
        "--lang",
        "en",
        "import",
        str(
            write(
                tmp_path / "a.geojson",
                collection([feature("Altstadt", mapping(box(11.02, 50.97, 11.04, 50.985)))]),
            )
        ),
        "--spatial-system",
        ORTSTEILE,
        "--key",
        "name",
    )
    assert ok.returncode == 0, ok.stderr
    assert "1 of 1 features matched, 0 problems." in ok.stdout and "Dry run" in ok.stderr


def test_import_needs_system_and_key(tmp_path: Path):
    path = write(tmp_path / "ot.geojson", collection([]))
    done = isrp("import", str(path))
    assert done.returncode == 2 and "--spatial-system" in done.stderr


def test_export_geojson(tmp_path: Path):
    out = tmp_path / "ot.geojson"
    done = isrp("export", "--geojson", "--spatial-system", ORTSTEILE, "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 53
    berliner = next(f for f in data["features"] if f["properties"]["name"] == "Berliner Platz")
    assert (
        berliner["properties"]["population"] == 6000
        and berliner["properties"]["populationDate"] == "2022-12-31"
    )
    assert "https://w3id.org/isrp/erfurt/area/rieth" in berliner["properties"]["touches"]
