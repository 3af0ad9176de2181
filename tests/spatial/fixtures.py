"""The test city's polygons and a store with the shipped ontology, shapes and vocabularies plus
teststadt.ttl."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from shapely.geometry import box, mapping

from isrp_graph.loading import load_directory
from isrp_graph.resources import ontology_dir
from isrp_graph.store import EmbeddedStore

HERE = Path(__file__).parent
BASE = "https://w3id.org/isrp/teststadt/"
ORTSTEILE = BASE + "system/ortsteile"
BEZIRKE = BASE + "system/bezirke"
# 0.01° squares near Erfurt: A (SW), B (SE), C (NW), D (NE)
X0, Y0, S = 11.00, 50.97, 0.01
SQUARES = {
    "Anger": box(X0, Y0, X0 + S, Y0 + S),
    "Berg": box(X0 + S, Y0, X0 + 2 * S, Y0 + S),
    "Chaussee": box(X0, Y0 + S, X0 + S, Y0 + 2 * S),
    "Dorf": box(X0 + S, Y0 + S, X0 + 2 * S, Y0 + 2 * S),
}


def make_store() -> EmbeddedStore:
    store = EmbeddedStore(query_timeout=60)
    load_directory(store, ontology_dir())
    store.replace_graph(
        URIRef("https://w3id.org/isrp/graph/data/teststadt"), Graph().parse(HERE / "teststadt.ttl")
    )
    return store


def collection(features: list[dict[str, Any]], crs: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    return data


def feature(name: str, geometry: Any, **extra: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": {"name": name, **extra}, "geometry": geometry}


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def squares_geojson(path: Path) -> Path:
    return write(
        path, collection([feature(n, mapping(g), nr=f"0{i}") for i, (n, g) in enumerate(SQUARES.items(), 1)])
    )
