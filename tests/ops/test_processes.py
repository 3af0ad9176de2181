"""The production shape, really started: two web processes against one ``oxigraph serve`` (a write
through one is visible through the other at once), and kill -9 of a real server during writes (a
bounded number of kills): no acknowledged write is lost or half-applied."""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from rdflib import Graph, URIRef

from isrp_graph.store import EmbeddedStore
from isrp_graph.store.remote import RemoteStore
from tests.api.conftest import DATA_GRAPH, HERE, SHAPES_GRAPH, TOKEN
from tests.ops.processes import oxigraph_serve, web_app

KILLS = 4
PLAN = """@prefix isrp: <https://w3id.org/isrp/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/isrp/erfurt/plan/{name}> a isrp:SectoralPlan ;
  rdfs:label "Planung {name}"@de ;
  isrp:responsibleOrganization <https://w3id.org/isrp/erfurt/org/amt-fuer-soziales> .
"""


def registry() -> dict[URIRef, Graph]:
    return {
        DATA_GRAPH: Graph().parse(HERE / "registry.ttl"),
        SHAPES_GRAPH: Graph().parse(HERE / "shapes.ttl"),
    }


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def upload(base: str, name: str, timeout: float = 30) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{base}/api/v1/upload?filename={name}.ttl&graph={name}",
        data=PLAN.format(name=name).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


def plan_labels(base: str) -> list[str]:
    status, body = get(f"{base}/api/v1/plans?lang=de")
    assert status == 200, body
    return [item["text"] for plan in json.loads(body)["plans"] for item in plan["plan"]]


def test_two_web_processes_share_one_server_store(tmp_path: Path) -> None:
    server, url = oxigraph_serve(tmp_path / "oxigraph")
    processes = [server]
    try:
        RemoteStore(url + "/query", url + "/update", url + "/store").replace_graphs(registry())
        env = {
            "ISRP_STORE": url + "/query",
            "ISRP_SPARQL_UPDATE_URL": url + "/update",
            "ISRP_GSP_URL": url + "/store",
            "ISRP_EDITOR_TOKENS": f"anna={TOKEN}",
        }
        writer, writer_url = web_app(env, tmp_path / "writer.log")
        processes.append(writer)
        reader, reader_url = web_app(env, tmp_path / "reader.log")
        processes.append(reader)
        assert "Planung zweiworker" not in plan_labels(reader_url)  # the reader's cache is warm
        status, body = upload(writer_url, "zweiworker")
        assert status == 200 and body["accepted"] is True, body
        assert "Planung zweiworker" in plan_labels(reader_url)
        status, page = get(f"{reader_url}/erfurt/plan/zweiworker")
        assert status == 200 and "Planung zweiworker" in page
    finally:
        for process in reversed(processes):
            process.stop()


def test_kill_9_during_writes_loses_no_acknowledged_write(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = EmbeddedStore(folder)
    store.replace_graphs(registry())
    store.close()
    env = {"ISRP_STORE_PATH": str(folder), "ISRP_EDITOR_TOKENS": f"anna={TOKEN}"}
    acknowledged: dict[str, str] = {}  # import name -> activity IRI
    attempted: list[str] = []
    rng = random.Random(10)
    log = tmp_path / "server.log"
    for round_number in range(KILLS):
        server, base = web_app(env, log)
        stop = threading.Event()

        def write(base: str = base, round_number: int = round_number, stop: threading.Event = stop) -> None:
            for index in range(1000):
                if stop.is_set():
                    return
                name = f"k{round_number}-{index}"
                attempted.append(name)
                try:
                    status, body = upload(base, name, timeout=10)
                except OSError:  # the server went away mid-request: not acknowledged
                    return
                if status == 200:
                    acknowledged[name] = body["activity"]

        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(1.0 + rng.random() * 2.0)
        server.kill()
        stop.set()
        writer.join(30)
    assert acknowledged, "no write was acknowledged before the kills"
    print(f"kills: {KILLS}, writes attempted: {len(attempted)}, acknowledged: {len(acknowledged)}")
    store = EmbeddedStore(folder)
    try:
        graphs = {str(g): len(store.get_graph(g)) for g in store.graphs()}
        expected = len(Graph().parse(data=PLAN.format(name="x"), format="turtle"))
        for name in attempted:
            graph = f"https://w3id.org/isrp/graph/import/{name}"
            count = graphs.get(graph, 0)
            assert count in (0, expected), f"half-applied write {name}: {count} of {expected} triples"
            if name in acknowledged:
                assert count == expected, f"acknowledged write {name} lost"
                activity = acknowledged[name]
                assert store.ask(f"ASK {{ <{activity}> ?p ?o }}"), f"log entry of {name} lost"
    finally:
        store.close()
