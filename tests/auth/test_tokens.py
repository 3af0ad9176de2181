"""Personal tokens: the CLI (create prints once, --quiet only the token, list, revoke), hashes only in
the token file, expiry and revocation → 401, the old shared editor tokens refused when malformed, and
the read guard that ``/favicon.icoX`` must not slip past."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from isrp_graph.auth import Role, TokenStore
from isrp_graph.settings import SettingsError
from tests.api.conftest import fixture_store, settings

ROOT = Path(__file__).resolve().parents[2]


def _isrp(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "ISRP_STORE_PATH": str(tmp_path / "store")}
    return subprocess.run(
        [sys.executable, "-m", "isrp_graph", *args], cwd=tmp_path, env=env, capture_output=True, text=True
    )


def test_cli_creates_lists_and_revokes_tokens_and_stores_only_hashes(tmp_path: Path) -> None:
    made = _isrp(tmp_path, "token", "create", "Anna Berg", "--role", "bearbeiten", "--org",
                 "https://w3id.org/isrp/erfurt/org/jugendamt", "--expires", "31.12.2099")
    assert made.returncode == 0, made.stderr
    secret = made.stdout.strip().splitlines()[-1]
    assert secret.startswith("isrp_") and "nur dieses eine Mal" in made.stdout
    quiet = _isrp(tmp_path, "token", "create", "skript", "--role", "lesen", "--quiet")
    assert quiet.returncode == 0 and quiet.stdout.count("\n") == 1 and quiet.stdout.startswith("isrp_")
    db = tmp_path / "isrp-auth.sqlite"  # beside the store folder
    assert db.exists() and (db.stat().st_mode & 0o077) == 0
    raw = db.read_bytes()
    assert secret.encode() not in raw and quiet.stdout.strip().encode() not in raw
    listed = _isrp(tmp_path, "token", "list")
    assert "Anna Berg\tBearbeiten\tgültig\t31.12.2099" in listed.stdout and "isrp_" not in listed.stdout
    assert _isrp(tmp_path, "token", "revoke", "Anna Berg").returncode == 0
    assert "widerrufen" in _isrp(tmp_path, "token", "list").stdout
    store = TokenStore(db)
    assert store.lookup(secret).state() == "revoked"  # type: ignore[union-attr]
    store.close()


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--role", "bearbeiten"], "mindestens eine Organisation"),
        (["--role", "lesen", "--expires", "01.01.2001"], "in der Zukunft"),
        (["--role", "lesen", "--expires", "morgen"], "TT.MM.JJJJ"),
        (["--role", "bearbeiten", "--org", "jugendamt"], "keine IRI"),
    ],
)
def test_cli_refuses_bad_tokens(tmp_path: Path, args: list[str], text: str) -> None:
    result = _isrp(tmp_path, "token", "create", "x", *args)
    assert result.returncode != 0 and text in result.stderr


def test_expired_and_revoked_tokens_are_401() -> None:
    app = create_app(settings(editor_tokens=()), store=fixture_store())
    people = app.state.auth.tokens
    secret = people.create("alt", Role.VERWALTEN, expires=date(2099, 1, 1))
    people._db.execute("UPDATE tokens SET expires = '2001-01-01' WHERE name = 'alt'")
    client = TestClient(app)
    response = client.post("/api/v1/upload", content=b"", headers={"authorization": f"Bearer {secret}"})
    assert response.status_code == 401 and "abgelaufen" in response.text


@pytest.mark.parametrize("entry", ["anna=", "=", "=geheim", "nur-ein-schluessel"])
def test_malformed_shared_tokens_refuse_the_start(entry: str) -> None:
    with pytest.raises(SettingsError) as refused:
        create_app(settings(editor_tokens=(entry,)), store=fixture_store())
    assert "isrp token create" in str(refused.value)


def test_shared_tokens_are_migrated_with_a_name() -> None:
    app = create_app(settings(editor_tokens=("anna=geheim-123",)), store=fixture_store())
    verdict = app.state.auth.verify("geheim-123")
    assert verdict.principal is not None and verdict.principal.name == "anna"


def test_favicon_lookalikes_do_not_skip_the_read_check() -> None:
    app = create_app(settings(extra={"read_requires_token": True}), store=fixture_store())
    client = TestClient(app)
    assert client.get("/favicon.ico").status_code == 200
    for path in ("/favicon.icoX", "/favicon.ico.json", "/favicon.icox/../uebersicht"):
        assert client.get(path).status_code == 401, path
    assert client.get("/uebersicht").status_code == 401
    assert client.get("/static/css/isrp.css").status_code == 200
    ok = client.get("/uebersicht", headers={"authorization": "Bearer geheim-123"})
    assert ok.status_code == 200


def test_token_file_has_no_secret_column() -> None:
    store = TokenStore()
    store.create("x", Role.LESEN)
    columns = [row[1] for row in store._db.execute("PRAGMA table_info(tokens)")]
    assert "hash" in columns and "secret" not in columns and "token" not in columns
    assert isinstance(store._db, sqlite3.Connection)
    store.close()
