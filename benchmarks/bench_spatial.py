"""Cost of the map: /karte and its GeoJSON export on Erfurt (53 Ortsteile, points) and on a synthetic
spatial system of 1,250 / 2,500 / 5,000 square polygons, each as a ratio to the /uebersicht page
(goal: ≤ 2 on Erfurt, and growing linearly with the number of polygons).

    python benchmarks/bench_spatial.py [--runs 5]

In-process (FastAPI TestClient) on the registry built in memory, after the background validation has
finished. "warm" is a request as users mostly see it (results cached per store version, the page still
rendered); "cold" empties the map's cache entries first, so the map model is built anew (the reference
/uebersicht is always warm). Medians of ``--runs``."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from api.app import create_app
from isrp_graph.registry import build_registry
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore

GEO = Namespace("http://www.opengis.net/ont/geosparql#")
ISRP = Namespace("https://w3id.org/isrp/def#")
SYN = "https://w3id.org/isrp/synthetisch/"
CRS84 = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> "


def synthetic_system(n: int) -> Graph:
    """``n`` squares of 0.002° in a grid near Erfurt, each a unit with a population and a boundary."""
    graph = Graph()
    system = URIRef(f"{SYN}{n}/system")
    graph.add((system, RDF.type, ISRP.SpatialSystem))
    graph.add((system, RDFS.label, Literal(f"Synthetische Gliederung ({n})", lang="de")))
    graph.add((system, SKOS.definition, Literal("Benchmark", lang="de")))
    columns = 100
    for i in range(n):
        x, y = 10.9 + (i % columns) * 0.002, 50.9 + (i // columns) * 0.002
        unit = URIRef(f"{SYN}{n}/unit/{i}")
        geom = URIRef(f"{SYN}{n}/unit/{i}/grenze")
        graph.add((unit, RDF.type, ISRP.SpatialUnit))
        graph.add((unit, RDFS.label, Literal(f"Einheit {i}", lang="de")))
        graph.add((unit, ISRP.inSpatialSystem, system))
        graph.add((unit, ISRP.population, Literal(1000 + i)))
        graph.add((unit, GEO.hasGeometry, geom))
        wkt = f"POLYGON(({x} {y},{x + 0.002} {y},{x + 0.002} {y + 0.002},{x} {y + 0.002},{x} {y}))"
        graph.add((geom, GEO.asWKT, Literal(CRS84 + wkt, datatype=GEO.wktLiteral)))
    return graph


SPATIAL_KEYS = {"map", "map-html", "geojson", "spatial-systems"}


def timed(client: TestClient, app, url: str, runs: int, cold: bool = False) -> float:  # type: ignore[no-untyped-def]
    client.get(url)  # warm-up
    times = []
    for _ in range(runs):
        if cold:
            with app.state.cache.lock:
                for key in [k for k in app.state.cache.items if k and k[0] in SPATIAL_KEYS]:
                    del app.state.cache.items[key]
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    store = EmbeddedStore(query_timeout=120)
    build_registry(store)
    sizes = (1250, 2500, 5000)
    for n in sizes:
        store.replace_graph(URIRef(f"https://w3id.org/isrp/graph/import/benchmark-{n}"), synthetic_system(n))
    app = create_app(Settings(store="memory", result_limit=100000), store=store)
    client = TestClient(app)
    client.get("/uebersicht")
    for run in list(app.state.reports.runs.values()):
        run["done"].wait(900)  # no background validation competing for the interpreter
    base = timed(client, app, "/uebersicht", args.runs)
    print(f"/uebersicht (reference): {base * 1000:.0f} ms")
    rows = [
        ("Erfurt /karte", "/karte"),
        ("Erfurt /karte?format=geojson", "/karte?format=geojson"),
    ]
    for n in sizes:
        system = f"{SYN}{n}/system"
        rows.append((f"{n} polygons /karte", f"/karte?basis={system}"))
        rows.append((f"{n} polygons geojson", f"/karte?format=geojson&system={system}"))
    per_polygon: dict[str, list[float]] = {"/karte": [], "geojson": []}
    for label, url in rows:
        warm = timed(client, app, url, args.runs)
        cold = timed(client, app, url, args.runs, cold=True)
        print(
            f"{label:30s} warm {warm * 1000:7.0f} ms (ratio {warm / base:5.2f})"
            f"   cold {cold * 1000:7.0f} ms (ratio {cold / base:5.2f})"
        )
        if "polygons" in label:
            n = int(label.split()[0])
            per_polygon["/karte" if "/karte" in label else "geojson"].append(cold / n * 1000)
    for kind, values in per_polygon.items():
        print(
            f"{kind}: ms per polygon at {', '.join(map(str, sizes))}: "
            + ", ".join(f"{v:.3f}" for v in values)
        )
    store.close()


if __name__ == "__main__":
    main()
