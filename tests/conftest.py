"""Shared fixtures for every test module.

Stores
- ``memory_store``: a fresh, empty in-memory embedded store (function scope).
- ``disk_store``: a fresh, empty on-disk embedded store in a temp folder (function scope).
- ``any_store``: parametrised over memory, on-disk and a REAL remote SPARQL server (``oxigraph serve``):
  request it to run a test against every backend. Empty at the start of each test.
- ``built_registry``: ONE in-memory store built from the shipped ontology + data (session scope).
  Shared by all tests: read from it, never write to it (build your own with ``registry_store``).
- ``registry_store``: a fresh in-memory store built from the shipped ontology + data (function scope).
- ``oxigraph_server``: base URL of a running ``oxigraph serve`` (session scope); endpoints are
  ``/query``, ``/update`` and ``/store`` (Graph Store Protocol).
- ``virtuoso_server``: a running Virtuoso 7.2 (Debian package, session scope; ``.sparql``, ``.gsp``);
  ``any_store`` runs on it too (param ``virtuoso``), restricted to the test graphs (its system graphs
  stay out of every whole-store operation).

Settings and CLI
- ``memory_settings`` / ``disk_settings``: ``Settings`` for a memory store / an on-disk store in tmp_path.
- ``cli``: runs ``isrp`` in-process with a clean environment and an on-disk store in tmp_path:
  ``result = cli("stats", "--format", "json")`` -> ``result.code``, ``result.out``, ``result.err``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from virtuoso_server import Virtuoso, running_virtuoso
from virtuoso_server import binaries as virtuoso_binaries

from benchmarks.servers import oxigraph_serve
from isrp_graph.registry import build_registry
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore, RemoteStore, Store

# --- embedded stores -------------------------------------------------------------------------------


@pytest.fixture
def memory_store() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(query_timeout=30)
    yield store
    store.close()


@pytest.fixture
def disk_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "store", query_timeout=30)
    yield store
    store.close()


@pytest.fixture(scope="session")
def built_registry() -> Iterator[Store]:
    """The shipped ontology and data in one in-memory store, shared by the whole session (read only)."""
    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    yield store
    store.close()


@pytest.fixture
def registry_store() -> Iterator[Store]:
    """A private in-memory store built from the shipped ontology and data (safe to modify)."""
    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    yield store
    store.close()


# --- a real remote SPARQL server -------------------------------------------------------------------


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``oxigraph serve`` on a free port with the union default graph; yield its base URL."""
    if shutil.which("oxigraph") is None:
        message = "the oxigraph server binary is not installed (pip install oxigraph)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with oxigraph_serve(tmp_path_factory.mktemp("oxigraph")) as base:
        yield base


def remote_store_for(base: str, *, gsp: bool = True) -> RemoteStore:
    return RemoteStore(
        base + "/query", base + "/update", (base + "/store") if gsp else None, query_timeout=30
    )


TEST_GRAPH_BASES = ("http://example.org/", "https://w3id.org/isrp/graph/", "urn:g")
"""Graph names the tests write; on Virtuoso the store is limited to them (its own graphs stay out)."""


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """Start Virtuoso (Debian ``virtuoso-opensource``) with a fresh database on free loopback ports."""
    if virtuoso_binaries() is None:
        message = "Virtuoso is not installed (apt-get install virtuoso-opensource)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def virtuoso_store_for(server: Virtuoso) -> RemoteStore:
    return RemoteStore(server.sparql, gsp_url=server.gsp, query_timeout=60, graph_base=TEST_GRAPH_BASES)


def empty_remote(store: RemoteStore) -> None:
    """Drop the test's graphs (``DROP ALL`` drops nothing on Virtuoso, so one by one)."""
    names = store.graphs()
    if names:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in names))


@pytest.fixture(
    params=[
        "memory",
        "disk",
        pytest.param("remote", marks=pytest.mark.remote),
        pytest.param("virtuoso", marks=pytest.mark.remote),
    ]
)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Every backend in turn, each empty at the start of the test."""
    store: Store
    if request.param == "memory":
        store = EmbeddedStore(query_timeout=30)
    elif request.param == "disk":
        store = EmbeddedStore(tmp_path / "store", query_timeout=30)
    elif request.param == "virtuoso":
        store = virtuoso_store_for(request.getfixturevalue("virtuoso_server"))
        empty_remote(store)
    else:
        base = request.getfixturevalue("oxigraph_server")
        store = remote_store_for(base)
        store.update("DROP ALL")
    yield store
    if request.param == "remote":
        store.update("DROP ALL")
    elif request.param == "virtuoso":
        empty_remote(store)  # type: ignore[arg-type]
    store.close()


# --- settings and the CLI --------------------------------------------------------------------------


@pytest.fixture
def memory_settings(tmp_path: Path) -> Settings:
    return Settings(store="memory", store_path=tmp_path / "store")


@pytest.fixture
def disk_settings(tmp_path: Path) -> Settings:
    return Settings(store="embedded", store_path=tmp_path / "store")


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., CliResult]:
    """Run ``isrp`` in-process: no ISRP_* variables from outside, cwd = tmp_path (so no isrp.toml is
    picked up), the embedded store in ``tmp_path/store``. Extra env vars: ``cli(..., env={...})``."""
    for name in list(os.environ):
        if name.startswith("ISRP_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ISRP_STORE_PATH", str(tmp_path / "store"))

    from isrp_graph.cli import main

    def run(*args: str, env: dict[str, str] | None = None) -> CliResult:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """In CI nothing may be skipped: a skip there means a missing component (Chromium, the oxigraph
    server, the shapes) that .ci/run must install, so it counts as a failure."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"in CI übersprungen / skipped in CI: {report.longrepr}"
