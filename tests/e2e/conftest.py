"""End-to-end tests in a real headless Chromium (Debian's /usr/bin/chromium) against a running uvicorn
server on the shipped Erfurt registry. Each test saves a screenshot to tests/artifacts/<page>.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.app import create_app
from tests.api.conftest import LiveServer, settings

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def server(built_registry) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    with LiveServer(create_app(settings(result_limit=10000), store=built_registry)) as live:
        yield live


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server: LiveServer) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="de-DE")
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            (outside.append(route.request.url) or route.abort())
            if not route.request.url.startswith(server.url) and not route.request.url.startswith("data:")
            else route.continue_()
        ),
    )
    tab = context.new_page()
    tab.base = server.url  # type: ignore[attr-defined]
    yield tab
    context.close()
    assert outside == [], f"requests to outside the app: {outside}"


def shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
