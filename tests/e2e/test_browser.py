"""What a planner and a researcher do in the browser: overview → plan → interfaces, the network graph,
the process timeline, the heat map, a query on the SPARQL page. Every test keeps a screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS, shot

pytestmark = pytest.mark.browser


def test_home_page(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/")
    assert page.locator("h1").inner_text() == "Register der integrierten Sozialraumplanung"
    page.keyboard.press("Tab")  # the first Tab reaches the skip link
    assert page.evaluate("document.activeElement.className") == "skip-link"
    shot(page, "start")


def test_overview_to_plan_and_its_interfaces(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/uebersicht")
    table = page.locator("#overview-table")
    assert table.locator("tbody tr").count() >= 5
    shot(page, "uebersicht")
    # the JavaScript filter narrows the rows at once
    page.fill("#f-q", "Jugend")
    shown = page.locator("#overview-table tbody tr:not([hidden])").count()
    assert 0 < shown < table.locator("tbody tr").count()
    page.fill("#f-q", "")
    # a plan that has interfaces
    link = page.locator("#overview-table tbody tr td:nth-child(8) a").first
    plan_row = link.locator("xpath=ancestor::tr")
    plan_row.locator("th a").first.click()
    page.wait_for_selector("h1")
    assert page.locator("#relations").count() == 1
    relation = page.locator("section[aria-labelledby=relations] tbody tr th a").first
    shot(page, "fachplanung")
    relation.click()
    page.wait_for_selector("h1")
    assert "/interface/" in page.url or "/delimitation/" in page.url
    shot(page, "schnittstelle")


def test_network_graph_renders(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/netzwerk", timeout=90000)  # the validation may be running in the background
    page.wait_for_selector("canvas", timeout=90000)
    page.wait_for_function("window.isrpVisible && window.isrpVisible().nodes > 0", timeout=90000)
    counts = page.evaluate("window.isrpVisible()")
    assert counts["nodes"] > 20 and counts["edges"] > 20
    page.wait_for_timeout(1500)
    shot(page, "netzwerk")


def test_process_timeline_and_matrix(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/prozess")
    assert page.locator("#timeline rect").count() >= 40
    assert page.locator("#steps-table tbody tr").count() == 45
    shot(page, "prozess")
    page.locator(".timeline").screenshot(path=str(ARTIFACTS / "prozess-zeitleiste.png"))
    page.goto(page.base + "/schnittstellen")
    assert page.locator("#heatmap").count() == 1
    shot(page, "schnittstellen")
    page.locator("#heatmap").screenshot(
        path=str(shot(page, "schnittstellen").with_name("schnittstellen-matrix.png"))
    )


def test_sparql_page_runs_a_query(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/abfrage")
    page.select_option("#example", "plans-overview")
    page.click("#load-example")
    assert "SELECT" in page.input_value("#query")
    page.click("#run-query")
    page.wait_for_selector("#result-table")
    assert page.locator("#result-table tbody tr").count() >= 5
    shot(page, "abfrage")


def test_english_switch(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/uebersicht")
    page.click("a.lang-switch")
    page.wait_for_selector("html[lang=en]")
    assert page.locator("h1").inner_text() == "Planning overview"
    shot(page, "overview-en")


def test_network_page_keyboard_and_start_view(page) -> None:  # type: ignore[no-untyped-def]
    """The network page has the site's skip link and navigation; at Erfurt size it starts with plans,
    bodies and networks and shows everything on request."""
    page.goto(page.base + "/netzwerk", timeout=90000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator("nav.main-nav a[aria-current=page]").inner_text() == "Netzwerkgraph"
    page.wait_for_function("window.isrpReady === true", timeout=90000)
    start = page.evaluate("window.isrpVisible()")
    page.click("#reset")
    everything = page.evaluate("window.isrpVisible()")
    assert 20 < start["nodes"] < everything["nodes"] and everything["nodes"] >= 80
    page.click("#start-view")
    assert page.evaluate("window.isrpVisible()") == start
    assert page.get_attribute("#network .vis-network", "aria-label")
    page.locator("#picture-heading").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "netzwerk-start.png"))


MOBILE_PAGES = [
    "/",
    "/uebersicht",
    "/schnittstellen",
    "/luecken",
    "/pruefung",
    "/netzwerk",
    "/prozess",
    "/bearbeiten",
    "/erfurt/plan/jugendhilfeplanung",
    "/erfurt/body/begleitgremium",
]


def test_mobile_pages_do_not_scroll_sideways(page) -> None:  # type: ignore[no-untyped-def]
    """On a phone (390 px) only the scroll boxes of wide tables and the timeline move sideways."""
    page.set_viewport_size({"width": 390, "height": 844})
    wide = {}
    for path in MOBILE_PAGES:
        page.goto(page.base + path, timeout=90000)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 391:
            wide[path] = width
    assert wide == {}
    page.goto(page.base + "/schnittstellen")
    page.screenshot(path=str(ARTIFACTS / "schnittstellen-mobil.png"))


CONTRAST_JS = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")


def test_text_contrast_as_rendered(page) -> None:  # type: ignore[no-untyped-def]
    """Every piece of text against its background, as Chromium computes the colours (WCAG 1.4.3)."""
    low = {}
    for path in ("/", "/uebersicht", "/schnittstellen", "/luecken", "/pruefung", "/prozess", "/netzwerk"):
        page.goto(page.base + path, timeout=90000)
        found = page.evaluate(CONTRAST_JS)
        if found:
            low[path] = found[:5]
    assert low == {}
