"""The network page and /api/v1/network: computed once per store version (in the background),
served from the cache, recomputed after a save; the previous version is shown with a note while the
new one is being computed; the page's script is a file (strict CSP)."""

from __future__ import annotations

import re
import time

from fastapi.testclient import TestClient

from api.app import create_app
from api.network_page import render_page
from tests.api.conftest import settings


def _wait_current(client: TestClient, deadline: float = 60.0) -> dict:
    end = time.monotonic() + deadline
    while True:
        data = client.get("/netzwerk", params={"format": "json"}).json()
        if data["current"] or time.monotonic() > end:
            return data
        time.sleep(0.05)


def test_network_is_cached_per_store_version(built_registry) -> None:
    app = create_app(settings(result_limit=10000), store=built_registry)
    with TestClient(app) as client:
        first = _wait_current(client)
        assert first["current"] is True
        cache = app.state.network
        result = cache.latest("de", False)
        client.get("/netzwerk", headers={"accept": "text/html"})
        client.get("/api/v1/network")
        assert cache.latest("de", False) is result  # nothing recomputed
        app.state.version.bump()  # what every save does
        again = client.get("/netzwerk", params={"format": "json"}).json()
        # the old picture at once (with a note), the new one in the background; the refresh after a
        # save is quick, so the note is checked on the page served while it runs, not by timing
        assert "wird nach der letzten Änderung gerade neu berechnet" in render_page(result, "de", None, False)
        assert _wait_current(client)["current"] is True
        assert cache.latest("de", False) is not result
        assert len(again["graph"]["nodes"]) == len(first["graph"]["nodes"])


def test_network_page_has_no_inline_script_and_serves_its_script(built_registry) -> None:
    app = create_app(settings(result_limit=10000), store=built_registry)
    with TestClient(app) as client:
        html = client.get("/netzwerk", headers={"accept": "text/html"}).text
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        for attrs, body in scripts:
            assert 'type="application/json"' in attrs or (body.strip() == "" and "src=" in attrs)
