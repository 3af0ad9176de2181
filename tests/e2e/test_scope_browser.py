"""The municipality select in a real Chromium with JavaScript switched off: a planner on an
installation of two municipalities picks one by label, and the findings page says whom it covers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from kommunen_fixture import two_municipality_store

from api.app import create_app
from tests.api.conftest import LiveServer, settings
from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_server() -> Iterator[LiveServer]:
    store = two_municipality_store()
    with LiveServer(create_app(settings(), store=store)) as live:
        yield live
    store.close()


@pytest.mark.parametrize("path", ["/luecken", "/wirkung", "/schnittstellen"])
def test_choosing_a_municipality_without_javascript(browser, two_server: LiveServer, path: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        tab = context.new_page()
        tab.goto(two_server.url + path)
        tab.get_by_label("Kommune", exact=True).select_option(label="Stadt Musterstadt")
        with tab.expect_navigation():
            tab.get_by_label("Kommune", exact=True).locator("xpath=ancestor::form").locator(
                "button[type=submit]"
            ).click()
        assert "kommune=musterstadt" in tab.url
        assert "für: Stadt Musterstadt" in tab.locator(".scope-covers").inner_text()
        assert tab.get_by_label("Kommune", exact=True).input_value() == "musterstadt"
        shot(tab, "kommune" + path.replace("/", "-"))
    finally:
        context.close()
