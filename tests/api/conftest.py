"""Fixtures for the web tests: a small registry (registry.ttl + shapes.ttl) in a memory store, a
TestClient on it, and a really running uvicorn server for protocol tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef

from api.app import create_app
from benchmarks.servers import free_port
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore

HERE = Path(__file__).parent
DATA_GRAPH = URIRef("https://w3id.org/isrp/graph/data/test/registry")
SHAPES_GRAPH = URIRef("https://w3id.org/isrp/graph/ontology/shapes/test")
TOKEN = "geheim-123"
BASE = "https://w3id.org/isrp/"


def fixture_store(query_timeout: float = 10.0) -> EmbeddedStore:
    store = EmbeddedStore(None, query_timeout=query_timeout)
    store.replace_graphs(
        {
            DATA_GRAPH: Graph().parse(HERE / "registry.ttl"),
            SHAPES_GRAPH: Graph().parse(HERE / "shapes.ttl"),
        }
    )
    return store


def settings(**changes: object) -> Settings:
    values: dict[str, object] = {"store": "memory", "editor_tokens": (f"anna={TOKEN}",), "result_limit": 100}
    extra = dict(changes.pop("extra", {}) or {})  # type: ignore[call-overload]
    values.update(changes)
    values["extra"] = {"cookie_secure": False, **extra}  # tests speak http://, not https://
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    s = fixture_store()
    yield s
    s.close()


@pytest.fixture
def client(store: EmbeddedStore) -> TestClient:
    return TestClient(create_app(settings(), store=store))


def csrf(client: TestClient) -> str:
    """The CSRF value a browser would put in a form (the cookie set by any page)."""
    if not client.cookies.get("isrp_csrf"):
        client.get("/konto")
    return str(client.cookies.get("isrp_csrf"))


class LiveServer:
    """uvicorn in a thread on 127.0.0.1 and a free port."""

    def __init__(self, app: object) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    store = fixture_store(query_timeout=1.0)
    with LiveServer(create_app(settings(result_limit=100, query_timeout=1.0), store=store)) as server:
        yield server
    store.close()
