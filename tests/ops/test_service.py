"""The service shape: security headers and CSP on every response, cross-origin form posts refused,
gzip, /healthz and /readyz, a 500 without internals, backup/restore verified and atomic, and an empty
store that is never served or validated without a word."""

from __future__ import annotations

import gzip
import tarfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from isrp_graph.cli_commands import serve as serve_command
from isrp_graph.cli_commands.common import ExitCode
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import TOKEN, settings

PAGES = ["/", "/uebersicht", "/schnittstellen", "/prozess", "/abfrage", "/bearbeiten", "/docs", "/netzwerk"]


@pytest.mark.parametrize("path", [*PAGES, "/api/v1/plans", "/static/css/isrp.css", "/gibt-es-nicht"])
def test_security_headers_everywhere(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code < 500
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script(client: TestClient, path: str) -> None:
    import re

    html = client.get(path, headers={"accept": "text/html"}).text
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attrs or "application/json" in attrs, (path, body[:80])
    assert not re.search(r"\son[a-z]+=", html)


def test_cross_origin_form_post_is_refused(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    before = len(store)
    ttl = b"<https://w3id.org/isrp/x> <http://www.w3.org/2000/01/rdf-schema#label> 'x' ."
    files = {"file": ("x.ttl", ttl)}
    foreign = ({"origin": "https://evil.example"}, {"referer": "https://evil.example/p"}, {"origin": "null"})
    for header in foreign:
        response = client.post("/bearbeiten/hochladen", data={"token": TOKEN}, files=files, headers=header)
        assert response.status_code == 403, header
        assert "anderen Website" in response.text
    same = client.post(
        "/bearbeiten/hochladen", data={"token": "falsch"}, files=files, headers={"origin": "http://testserver"}
    )
    assert same.status_code == 401 and "anderen Website" not in same.text  # the token check, not the origin
    no_origin = client.post("/bearbeiten/hochladen", data={"token": "falsch"}, files=files)
    assert "anderen Website" not in no_origin.text
    sparql = client.post(
        "/sparql",
        data={"query": "ASK {}"},
        headers={"origin": "https://other.example", "accept": "application/json"},
    )
    assert sparql.status_code == 200
    assert len(store) == before


def test_gzip_for_text(client: TestClient) -> None:
    response = client.get("/uebersicht", headers={"accept": "text/html", "accept-encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"
    plain = client.get("/uebersicht", headers={"accept": "text/html", "accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["store_reachable"] is True and ready.json()["registry_loaded"] is True
    paths = client.get("/openapi.json").json()["paths"]
    assert "/healthz" in paths and "503" in paths["/readyz"]["get"]["responses"]


def test_readyz_on_a_loaded_and_an_empty_store() -> None:
    from isrp_graph.registry import build_registry

    empty = EmbeddedStore(None)
    assert TestClient(create_app(settings(), store=empty)).get("/readyz").status_code == 503
    build_registry(empty)
    answer = TestClient(create_app(settings(), store=empty)).get("/readyz", params={"lang": "en"})
    assert answer.status_code == 200 and answer.json()["message"] == "ready"
    empty.close()


def test_internal_error_shows_no_internals(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import api.writes

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(2, "No such file or directory", "/tmp/geheim/var/store/000123.sst")

    app = create_app(settings(), store=store)
    monkeypatch.setattr(api.writes, "render_html", broken)
    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/bearbeiten", headers={"accept": "text/html"})
    assert response.status_code == 500
    assert "/tmp" not in response.text and "Errno" not in response.text and "Interner Fehler" in response.text
    assert response.headers["content-security-policy"]


def _load(cli, tmp_path: Path):  # type: ignore[no-untyped-def]
    ttl = tmp_path / "extra.ttl"
    ttl.write_text('<https://w3id.org/isrp/x> <http://www.w3.org/2000/01/rdf-schema#label> "neu" .\n')
    return ttl


def test_backup_and_restore(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("load").code == ExitCode.OK
    before = cli("stats", "--graphs", "--format", "json").out
    dump = tmp_path / "sicherung.isrp"
    made = cli("backup", "-o", str(dump))
    assert made.code == ExitCode.OK and "Gesichert" in made.err
    with tarfile.open(dump) as archive:
        assert sorted(archive.getnames()) == ["dataset.nq.gz", "manifest.json"]
    assert cli("load", str(_load(cli, tmp_path))).code == ExitCode.OK
    assert cli("stats", "--graphs", "--format", "json").out != before
    restored = cli("restore", str(dump))
    assert restored.code == ExitCode.OK and "Wiederhergestellt" in restored.err
    assert cli("stats", "--graphs", "--format", "json").out == before


@pytest.mark.parametrize("damage", ["flip", "truncate", "counts", "not_tar"])
def test_restore_refuses_a_corrupt_dump_and_changes_nothing(cli, tmp_path: Path, damage: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("load").code == ExitCode.OK
    dump = tmp_path / "sicherung.isrp"
    assert cli("backup", "-o", str(dump)).code == ExitCode.OK
    assert cli("load", str(_load(cli, tmp_path))).code == ExitCode.OK
    changed = cli("stats", "--graphs", "--format", "json").out
    data = bytearray(dump.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "not_tar":
        data = bytearray(b"hello")
    else:  # a consistent checksum over data that does not match the manifest's counts
        import hashlib
        import io
        import json

        with tarfile.open(dump) as archive:
            manifest = json.loads(archive.extractfile("manifest.json").read())  # type: ignore[union-attr]
            nq = gzip.decompress(archive.extractfile("dataset.nq.gz").read())  # type: ignore[union-attr]
        lines = nq.splitlines(keepends=True)
        payload = gzip.compress(b"".join(lines[:-1]))
        manifest["sha256"] = hashlib.sha256(payload).hexdigest()
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w") as archive:
            members = (("manifest.json", json.dumps(manifest).encode()), ("dataset.nq.gz", payload))
            for name, content in members:
                info = tarfile.TarInfo(name)
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
        data = bytearray(out.getvalue())
    dump.write_bytes(bytes(data))
    result = cli("restore", str(dump))
    assert result.code == ExitCode.INPUT, result.err
    assert "nichts wurde wiederhergestellt" in result.err
    assert cli("stats", "--graphs", "--format", "json").out == changed


def test_validate_on_an_empty_store_says_so(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate")
    assert result.code == ExitCode.INPUT
    assert "leer" in result.err and "Keine Befunde" not in result.out
    english = cli("--lang", "en", "validate")
    assert "empty" in english.err


def test_serve_loads_the_shipped_registry_into_an_empty_store(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import uvicorn

    served: list[object] = []
    monkeypatch.setattr(serve_command, "web_app_factory", lambda: lambda s: ("app", s))
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port: served.append(app))
    result = cli("serve", "--port", "18399")
    assert result.code == ExitCode.OK and served
    assert "leer" in result.err and "geladen" in result.err
    assert '"triples": 0' not in cli("stats", "--format", "json").out
    again = cli("serve", "--port", "18399")
    assert "leer" not in again.err


def test_unreachable_store_shows_no_address_or_os_error() -> None:
    from benchmarks.servers import free_port

    port = free_port()  # nothing listens there
    url = f"http://127.0.0.1:{port}/query"
    client = TestClient(
        create_app(settings(store=url, sparql_update_url=f"http://127.0.0.1:{port}/update")),
        raise_server_exceptions=False,
    )
    for path, accept in (("/uebersicht", "text/html"), ("/api/v1/plans", "application/json")):
        response = client.get(path, headers={"accept": accept})
        assert 400 <= response.status_code < 600 and response.status_code != 500, response.status_code
        assert str(port) not in response.text and "Errno" not in response.text
        assert "refused" not in response.text.lower()
    assert client.get("/readyz").status_code == 503
