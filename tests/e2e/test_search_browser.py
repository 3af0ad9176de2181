"""The search in a real Chromium: reached by keyboard from the header, submitted with Enter (no
JavaScript needed), results under the strict CSP, no sideways scrolling on a phone."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective);
});
"""


def test_header_search_by_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    page.add_init_script(WATCH)
    page.goto(page.base + "/uebersicht", timeout=90000)
    for _ in range(6):  # skip link, site name, then the search field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "suche-kopf":
            break
    assert page.evaluate("document.activeElement.id") == "suche-kopf"
    page.keyboard.type("Foerderplan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/suche?q=Foerderplan*", timeout=90000)
    assert page.locator("h1").inner_text() == "Suche"
    assert page.locator("mark", has_text="Förderplan").count() >= 1
    assert any(h.startswith("Fachplanung") for h in page.locator("h2").all_inner_texts())
    assert page.evaluate("window.__csp") == []
    shot(page, "suche")


def test_search_page_fits_a_phone(page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/", "/suche?q=Jugendhilfe"):
        page.goto(page.base + path, timeout=90000)
        assert page.evaluate("document.documentElement.scrollWidth") <= 391, path
