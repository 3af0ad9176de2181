"""Cost of the working-cycle views: "Vom Bedarf zur Wirkung" (/wirkung) and a measure's chain page, on
the Erfurt registry and on Erfurt plus a synthetic cycle of thousands of needs and measures, each as a
ratio to /uebersicht on the same store (goal ≤ 2), and the growth from half to full synthetic size.

    python benchmarks/bench_cycle.py [--needs 2000] [--repeat 3]

The validation runs to its end first, and the result cache is emptied before every request, so each
figure is the cost of computing the page, not of serving it from the cache or of a validation beside
it. The synthetic entries are invented and exist only in memory."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from api.app import create_app
from isrp_graph.cycle import impact_flow
from isrp_graph.namespaces import ISRP
from isrp_graph.registry import build_registry
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore

BASE = "https://w3id.org/isrp/synth/"
VOCAB = "https://w3id.org/isrp/vocab/"
GROUPS = ("familien", "senioren", "kinder", "jugendliche", "menschen-mit-behinderungen")
STATES = ("geplant", "in-umsetzung", "umgesetzt", "eingestellt")


def synthetic_cycle(needs: int) -> Graph:
    """``needs`` needs from 20 forums in 50 areas, one measure per need (every tenth without), ten
    sessions assessing a share of the needs with two criteria, states, budget, targets, observations."""
    g = Graph()
    u = lambda path: URIRef(BASE + path)  # noqa: E731
    for c in ("dringlichkeit", "reichweite"):
        g.add((u(f"criterion/{c}"), RDF.type, ISRP.PriorityCriterion))
        g.add((u(f"criterion/{c}"), RDFS.label, Literal(c.title(), lang="de")))
        g.add((u(f"criterion/{c}"), ISRP.scaleMinimum, Literal("1", datatype=XSD.decimal)))
        g.add((u(f"criterion/{c}"), ISRP.scaleMaximum, Literal("5", datatype=XSD.decimal)))
    for f in range(20):
        g.add((u(f"format/forum-{f}"), RDF.type, ISRP.ParticipationFormat))
        g.add((u(f"format/forum-{f}"), RDFS.label, Literal(f"Forum {f}", lang="de")))
    for a in range(50):
        g.add((u(f"area/{a}"), RDF.type, ISRP.SpatialUnit))
        g.add((u(f"area/{a}"), RDFS.label, Literal(f"Gebiet {a}", lang="de")))
    for s in range(10):
        session = u(f"session/{s}")
        g.add((session, RDF.type, ISRP.PrioritySession))
        g.add((session, RDFS.label, Literal(f"Sitzung {s}", lang="de")))
        g.add((session, DCTERMS.date, Literal(f"{2022 + s // 4}-0{1 + s % 4}-15", datatype=XSD.date)))
    for n in range(needs):
        need = u(f"need/{n}")
        g.add((need, RDF.type, ISRP.Need))
        g.add((need, RDFS.label, Literal(f"Bedarf {n}", lang="de")))
        g.add((need, PROV.wasGeneratedBy, u(f"format/forum-{n % 20}")))
        g.add((need, DCTERMS.date, Literal("2022-05-10", datatype=XSD.date)))
        g.add((need, ISRP.spatialScope, u(f"area/{n % 50}")))
        g.add((need, ISRP.targetGroup, URIRef(VOCAB + "target-group/" + GROUPS[n % len(GROUPS)])))
        g.add((need, DCTERMS.source, URIRef("https://example.org/synthetisch")))
        if n % 3 == 0:
            assessment = u(f"session/{n % 10}/a/{n}")
            g.add((u(f"session/{n % 10}"), ISRP.assessment, assessment))
            g.add((assessment, RDF.type, ISRP.PriorityAssessment))
            g.add((assessment, ISRP.assessedNeed, need))
            g.add((assessment, ISRP.rank, Literal(n // 30 + 1)))
            score = u(f"session/{n % 10}/a/{n}/s")
            g.add((assessment, ISRP.criterionScore, score))
            g.add((score, ISRP.criterion, u("criterion/dringlichkeit")))
            g.add((score, ISRP.scoreValue, Literal(str(1 + n % 5), datatype=XSD.decimal)))
        if n % 10 == 9:
            continue
        measure = u(f"measure/{n}")
        g.add((measure, RDF.type, ISRP.Measure))
        g.add((measure, RDFS.label, Literal(f"Maßnahme {n}", lang="de")))
        g.add((measure, ISRP.measureType, URIRef(VOCAB + "measure-type/operativ")))
        g.add((measure, ISRP.addressesNeed, need))
        g.add((measure, ISRP.handledSeparately, Literal(n % 2 == 0)))
        record = u(f"measure/{n}/stand")
        g.add((measure, ISRP.implementationRecord, record))
        g.add((record, ISRP.implementationState, URIRef(VOCAB + "implementation-state/" + STATES[n % 4])))
        g.add((record, DCTERMS.date, Literal("2023-03-01", datatype=XSD.date)))
        budget = u(f"measure/{n}/haushalt")
        g.add((measure, ISRP.budgetItem, budget))
        g.add((budget, ISRP.amount, Literal("10000", datatype=XSD.decimal)))
        g.add((budget, ISRP.fiscalYear, Literal("2024", datatype=XSD.gYear)))
        target = u(f"measure/{n}/ziel")
        g.add((measure, ISRP.impactTarget, target))
        g.add((target, ISRP.targetIndicator, u("indicator/besuche")))
        g.add((target, ISRP.baselineValue, Literal("100", datatype=XSD.decimal)))
        g.add((target, ISRP.targetValue, Literal("200", datatype=XSD.decimal)))
        observation = u(f"measure/{n}/wert")
        g.add((observation, ISRP.observedFor, measure))
        g.add((observation, ISRP.indicator, u("indicator/besuche")))
        g.add((observation, ISRP.value, Literal("150", datatype=XSD.decimal)))
    return g


def store_with(needs: int) -> EmbeddedStore:
    store = EmbeddedStore(None, query_timeout=None)
    build_registry(store)
    if needs:
        store.replace_graph(URIRef("https://w3id.org/isrp/graph/import/synth-cycle"), synthetic_cycle(needs))
    return store


def cold(client: TestClient, path: str, repeat: int) -> float:
    """Median seconds of ``path`` with the result cache emptied before each request."""
    times = []
    for _ in range(repeat):
        client.app.state.cache.clear()
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times)


def measure_size(label: str, needs: int, repeat: int) -> dict[str, float]:
    store = store_with(needs)
    client = TestClient(create_app(Settings(store="memory"), store=store))
    client.app.state.reports.start(client.app, "de")  # the background validation, finished before timing
    while client.get("/pruefung", params={"format": "json"}).json().get("pending"):
        time.sleep(0.5)
    chain = "/synth/measure/0" if needs else "/erfurt/measure/familienangebot-oststadt"
    figures = {
        "uebersicht": cold(client, "/uebersicht", repeat),
        "wirkung": cold(client, "/wirkung", repeat),
        "chain": cold(client, chain, repeat),
    }
    started = time.perf_counter()
    impact_flow(store)
    figures["library"] = time.perf_counter() - started
    print(
        f"{label:<24} {len(store):>7} quads  /uebersicht {figures['uebersicht'] * 1000:6.0f} ms  "
        f"/wirkung {figures['wirkung'] * 1000:6.0f} ms (÷ {figures['wirkung'] / figures['uebersicht']:.2f})  "
        f"chain {figures['chain'] * 1000:6.0f} ms (÷ {figures['chain'] / figures['uebersicht']:.2f})  "
        f"impact_flow() {figures['library'] * 1000:6.0f} ms"
    )
    store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    measure_size("Erfurt", 0, args.repeat)
    half = measure_size(f"Erfurt + {args.needs // 2} needs", args.needs // 2, args.repeat)
    full = measure_size(f"Erfurt + {args.needs} needs", args.needs, args.repeat)
    print(
        f"growth for 2x needs: /wirkung {full['wirkung'] / half['wirkung']:.2f}x, "
        f"impact_flow() {full['library'] / half['library']:.2f}x (linear: about 2)"
    )


if __name__ == "__main__":
    main()
