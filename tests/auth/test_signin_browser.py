"""Sign-in end to end: a real OpenID Connect provider (npm oidc-provider, tests/oidc/provider.mjs) on
loopback, the app in uvicorn, Debian's Chromium driving the login — no mock of the provider.

Covers: the PKCE redirect of ``/anmelden``; a Bearbeiter:in (group isrp-jugendamt) signs in, makes a
personal token on her page (shown once, listed, revocable → 401) and uses it; an expired session in
the middle of the edit form keeps the input across the re-login; a group that maps to no role is
read-only and told so; ``/abmelden`` signs out."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from api.app import create_app
from tests.api.conftest import LiveServer, fixture_store, free_port, settings
from tests.e2e.conftest import ARGS, CHROMIUM

pytestmark = pytest.mark.browser
OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"
YOUTH_PLAN = "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"
GROUPS = {
    "isrp-jugendamt": {"role": "bearbeiten", "orgs": ["https://w3id.org/isrp/erfurt/org/jugendamt"]},
    "isrp-sozialplanung": {"role": "pruefen"},
}


@pytest.fixture(scope="module")
def provider_and_app() -> Iterator[tuple[str, LiveServer]]:
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("run `npm ci` in tests/oidc (.ci/run does)")
    node = shutil.which("node")
    assert node, "node is needed for the OIDC provider (.ci/run installs nodejs)"
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    app = create_app(
        settings(
            editor_tokens=(),
            extra={
                "oidc_issuer": issuer,
                "oidc_client_id": "isrp",
                "oidc_client_secret": "isrp-test-secret",
                "oidc_scope": "openid profile email groups",
                "oidc_group_roles": GROUPS,
                "cookie_secure": False,
            },
        ),
        store=fixture_store(),
    )
    live = LiveServer(app)
    process = subprocess.Popen(
        [node, str(OIDC_DIR / "provider.mjs"), str(port), f"{live.url}/anmelden/zurueck"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        for _ in range(20):
            line = process.stdout.readline()
            if not line or line.strip() == "ready":
                break
        assert line.strip() == "ready", "the OIDC provider did not start"
        with live:
            yield issuer, live
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    assert CHROMIUM.exists(), "Chromium is needed (apt-get install chromium; .ci/run installs it)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


def _login(page, live: LiveServer, who: str, start: str = "/anmelden") -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + start)
    _provider_steps(page, who)


def _provider_steps(page, who: str) -> None:  # type: ignore[no-untyped-def]
    """Log in at the provider (any password) and grant consent, until we are back at the app."""
    for _ in range(4):
        if page.locator("input[name=login]").count():
            page.fill("input[name=login]", who)
            page.fill("input[name=password]", "egal")
            page.click("button[type=submit]")
        elif page.locator("button[type=submit]").count() and "/interaction/" in page.url:
            page.click("button[type=submit]")
        else:
            return
        page.wait_for_load_state()


def test_signin_redirects_to_the_provider_with_a_pkce_challenge(provider_and_app) -> None:  # type: ignore[no-untyped-def]
    issuer, live = provider_and_app
    response = httpx.get(live.url + "/anmelden", follow_redirects=False)
    assert response.status_code in (302, 303, 307)
    target = urlparse(response.headers["location"])
    query = parse_qs(target.query)
    assert f"{target.scheme}://{target.netloc}" == issuer
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43
    assert query["response_type"] == ["code"] and query["client_id"] == ["isrp"]
    cookie = response.headers["set-cookie"]
    assert "isrp_session=" in cookie and "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()


def test_editor_signs_in_makes_a_token_and_revokes_it(provider_and_app, chromium) -> None:  # type: ignore[no-untyped-def]
    _, live = provider_and_app
    context = chromium.new_context(locale="de-DE")  # type: ignore[attr-defined]
    page = context.new_page()
    _login(page, live, "anna")
    assert urlparse(page.url).path == "/konto"
    assert "Anna Jugendamt" in page.inner_text("#person")
    assert page.inner_text("#role") == "Bearbeiten" and "Jugendamt" in page.inner_text("main")
    page.fill("#token-name", "Skript")
    page.fill("#token-expires", "31.12.2099")
    page.click("button:has-text('Schlüssel anlegen')")
    secret = page.inner_text("#new-token").strip()
    assert secret.startswith("isrp_")
    assert "Anna Jugendamt: Skript" in page.inner_text("#tokens")
    upload = httpx.post(
        live.url + "/api/v1/upload",
        params={"filename": "neu.ttl"},
        content=(
            b"@prefix isrp: <https://w3id.org/isrp/def#> .\n"
            b"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            b"<https://w3id.org/isrp/erfurt/plan/aus-skript> a isrp:SectoralPlan ;"
            b' rdfs:label "Aus Skript"@de ;'
            b" isrp:responsibleOrganization <https://w3id.org/isrp/erfurt/org/jugendamt> ."
        ),
        headers={"authorization": f"Bearer {secret}"},
    )
    assert upload.status_code == 202, upload.text
    page.goto(live.url + "/konto")
    assert secret not in page.content()  # shown once only
    page.click("#tokens button[type=submit]")
    assert "widerrufen" in page.inner_text("#tokens")
    again = httpx.post(
        live.url + "/api/v1/upload", content=b"", headers={"authorization": f"Bearer {secret}"}
    )
    assert again.status_code == 401
    page.goto(live.url + "/abmelden")
    assert "abgemeldet" in page.inner_text("main")
    assert "Anna" not in page.inner_text("nav")
    context.close()


def test_expired_session_mid_form_keeps_the_input(provider_and_app, chromium) -> None:  # type: ignore[no-untyped-def]
    _, live = provider_and_app
    context = chromium.new_context(locale="de-DE")  # type: ignore[attr-defined]
    page = context.new_page()
    _login(page, live, "anna", "/anmelden?next=/konto")
    page.goto(f"{live.url}/bearbeiten/eintrag?iri={YOUTH_PLAN}")
    tasks = page.get_by_label("Aufgaben", exact=True)
    tasks.fill("Bestand erheben\nBedarf ermitteln\nNach der Pause getippt")
    page.fill("#comment", "Mit Pause")
    context.clear_cookies(name="isrp_session")  # the session ran out while typing
    page.click("button:has-text('Prüfen und speichern')")
    _provider_steps(page, "anna")
    assert "/bearbeiten/eintrag" in page.url
    assert "wiederhergestellt" in page.inner_text("main")
    assert "Nach der Pause getippt" in page.get_by_label("Aufgaben", exact=True).input_value()
    assert page.input_value("#comment") == "Mit Pause"
    page.click("button:has-text('Prüfen und speichern')")
    assert "wartet auf die Prüfung" in page.inner_text("main")
    context.close()


def test_a_group_without_role_is_read_only_and_told_so(provider_and_app, chromium) -> None:  # type: ignore[no-untyped-def]
    _, live = provider_and_app
    context = chromium.new_context(locale="de-DE")  # type: ignore[attr-defined]
    page = context.new_page()
    _login(page, live, "otto")
    notice = page.inner_text("#unmapped")
    assert "keiner Rolle zugeordnet" in notice and "kantine" in notice
    assert page.inner_text("#role") == "Lesen"
    account = json.loads(page.evaluate("fetch('/konto?format=json').then(r => r.text())"))
    assert account["unmapped"] is True and account["role_slug"] == "lesen"
    page.goto(f"{live.url}/bearbeiten/eintrag?iri={YOUTH_PLAN}")
    page.click("button:has-text('Prüfen und speichern')")
    assert "Rolle Bearbeiten" in page.inner_text("main")
    context.close()
