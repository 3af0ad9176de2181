"""The HTML page: nothing from outside, every label, accessible tables; and it renders in Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from isrp_graph.network import build_network
from isrp_graph.network_page import render_network_page, vendor_assets, write_network_page

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        for name in ("src", "href", "data", "poster", "srcset"):
            if values.get(name):
                self.refs.append(values[name])


def _parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def test_page_loads_nothing_from_outside_and_names_every_node(store):
    graph = build_network(store)
    html = render_network_page(graph, "de")
    parser = _parse(html)
    assert [r for r in parser.refs if re.match(r"^(https?:)?//", r)] == []
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)  # no remote CSS image or font
    assert "@import" not in html and "sourceMappingURL" not in html
    for _, data in graph.nodes(data=True):
        assert data["label"].replace("–", "–") in html
    assert '<html lang="de">' in html


def test_page_is_accessible_tables_headings_labelled_controls(store):
    html = render_network_page(build_network(store), "de")
    parser = _parse(html)
    tags = [t for t, _ in parser.tags]
    assert tags.count("table") == 2 and tags.count("caption") == 2
    assert all(attrs.get("scope") in ("col", "row") for tag, attrs in parser.tags if tag == "th")
    assert "h1" in tags and tags.count("h2") >= 4
    assert '<label for="plan-select">' in html
    assert len([a for tag, a in parser.tags if tag == "input" and a.get("name") == "kind"]) == 6
    assert "Planungen ohne Schnittstelle, Abgrenzung oder gemeinsames Netzwerk: " in html
    assert "Integrierte Sozialraumplanung, Sportstättenplanung." in html


def test_page_in_english_and_with_served_assets(store):
    html = render_network_page(
        build_network(store, "en"), "en", embed_assets=False, asset_url="/static/vendor/"
    )
    parser = _parse(html)
    assert set(parser.refs) == {"/static/vendor/vis-network.css", "/static/vendor/vis-network.min.js"}
    assert '<html lang="en">' in html and "ISRP planning network" in html
    assert all(path.is_file() for path in vendor_assets().values())
    assert set(vendor_assets()) == {"vis-network.min.js", "vis-network.css"}


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium")
def test_page_renders_in_headless_chromium(store, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    graph = build_network(store)
    page_file = write_network_page(graph, tmp_path / "netz.html", "de")
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("pageerror", lambda e: errors.append(str(e)))
            outside: list[str] = []
            page.on(
                "request",
                lambda r: outside.append(r.url) if not r.url.startswith(("file:", "data:")) else None,
            )
            page.goto(page_file.as_uri())
            page.wait_for_function("window.isrpReady === true", timeout=60_000)
            assert page.evaluate("window.isrpNodes.length") == graph.number_of_nodes()
            size = page.evaluate(
                "(() => { const c = document.querySelector('#network canvas');"
                " return [c.width, c.height]; })()"
            )
            assert size[0] > 300 and size[1] > 300
            assert page.evaluate("window.isrpVisible()") == {"nodes": 17, "edges": 22}
            page.screenshot(path=str(ARTIFACTS / "network.png"))
            page.select_option("#plan-select", "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung")
            assert page.evaluate("window.isrpVisible()") == {"nodes": 6, "edges": 7}
            page.uncheck('input[name="kind"][value="organisation"]')
            assert page.evaluate("window.isrpVisible()") == {"nodes": 5, "edges": 5}
            page.click("#reset")
            assert page.evaluate("window.isrpVisible()") == {"nodes": 17, "edges": 22}
        finally:
            browser.close()
    assert errors == [] and outside == []
