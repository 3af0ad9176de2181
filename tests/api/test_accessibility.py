"""Every page of the app on the shipped Erfurt registry: BITV/WCAG checks that can be read from the HTML
(lang, one h1, labelled form controls, tables with headers and captions, images with alt, a skip link,
focusable and named scroll boxes) and no script, style, font or image loaded from outside the app.

Also what a planner would notice first: the network page has the site's header and navigation, no
bare vocabulary IRI stands where a word belongs, the reports speak German, the heat map and the
timeline can be read, the validation report shows up, and the style sheet's text colours keep 4.5:1."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import settings

START_PAGES = [
    "/",
    "/uebersicht",
    "/schnittstellen",
    "/luecken",
    "/ueberschneidungen",
    "/pruefung",
    "/prozess",
    "/abfrage",
    "/bearbeiten",
    "/netzwerk",
    "/uebersicht?lang=en",
    "/prozess?lang=en",
    "/abfrage?query=SELECT+*+WHERE+%7B%3Fs+a+%3Ft%7D+LIMIT+5",
]
ASSET_TAGS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "link": "href"}


class PageFacts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.h1 = 0
        self.controls: list[dict[str, str]] = []
        self.label_for: set[str] = set()
        self.tables: list[dict[str, int]] = []
        self.images_without_alt = 0
        self.assets: list[str] = []
        self.links: list[str] = []
        self.inline_urls: list[str] = []
        self.ids: set[str] = set()
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit", "button"):
            if not self.in_label:  # a control inside its <label> is labelled by it
                self.controls.append(a)
        elif tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        elif tag == "table":
            self.tables.append({"th": 0, "caption": 0})
        elif tag == "th" and self.tables:
            self.tables[-1]["th"] += 1
        elif tag == "caption" and self.tables:
            self.tables[-1]["caption"] += 1
        elif tag == "img" and "alt" not in a:
            self.images_without_alt += 1
        if (
            tag in ASSET_TAGS
            and a.get(ASSET_TAGS[tag])
            and (tag != "link" or a.get("rel") in ("stylesheet", "icon", "preload"))
        ):
            self.assets.append(a[ASSET_TAGS[tag]])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if "style" in a and "url(" in a["style"]:
            self.inline_urls.append(a["style"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self.in_label:
            self.in_label -= 1


@pytest.fixture(scope="module")
def erfurt_client(built_registry) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(create_app(settings(result_limit=10000), store=built_registry))


@pytest.fixture(scope="module")
def crawled(erfurt_client: TestClient) -> dict[str, str]:
    found = pages(erfurt_client)
    found["/gibt/es/nicht"] = erfurt_client.get("/gibt/es/nicht", headers={"accept": "text/html"}).text
    return found


def pages(client: TestClient) -> dict[str, str]:
    """The start pages and every entry page they link to (one of each kind of path)."""
    found: dict[str, str] = {}
    queue = list(START_PAGES)
    kinds: set[str] = set()
    while queue:
        path = queue.pop(0)
        if path in found:
            continue
        response = client.get(path, headers={"accept": "text/html"})
        if response.status_code == 404 and path not in START_PAGES:
            continue  # an IRI the data links to but does not describe (the 404 page is checked too)
        assert response.status_code == 200, (path, response.text[-300:])
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue  # a download the page links to (e.g. the calendar /prozess.ics), not a page
        found[path] = response.text
        facts = PageFacts()
        facts.feed(response.text)
        for link in facts.links:
            parsed = urlparse(link)
            if (
                parsed.scheme
                or not parsed.path.startswith("/")
                or parsed.path.startswith(("/static", "/docs"))
                or parsed.path.endswith((".pdf", ".html"))  # documents: tests/reporting checks them
            ):
                continue
            kind = "/".join(parsed.path.split("/")[:3])
            if kind not in kinds and parsed.path not in START_PAGES and "format=" not in link:
                kinds.add(kind)
                queue.append(link)
    return found


def test_every_page_meets_the_html_checks(crawled: dict[str, str]) -> None:
    assert len(crawled) > 25  # the start pages and entry pages of many kinds
    problems: list[str] = []
    for path, html in crawled.items():
        facts = PageFacts()
        facts.feed(html)
        if facts.lang not in ("de", "en"):
            problems.append(f"{path}: lang={facts.lang}")
        if facts.h1 != 1:
            problems.append(f"{path}: {facts.h1} h1")
        for control in facts.controls:
            if control.get("id") not in facts.label_for and not control.get("aria-label"):
                problems.append(f"{path}: control without label {control}")
        for table in facts.tables:
            if not table["th"] or not table["caption"]:
                problems.append(f"{path}: table without th or caption {table}")
        if facts.images_without_alt:
            problems.append(f"{path}: img without alt")
        if 'href="#inhalt"' not in html or 'id="inhalt"' not in html:
            problems.append(f"{path}: no skip link")
    assert problems == []


def test_no_asset_comes_from_outside_the_app(erfurt_client: TestClient, crawled: dict[str, str]) -> None:
    outside: list[str] = []
    for path, html in {**crawled, "/docs": erfurt_client.get("/docs").text}.items():
        facts = PageFacts()
        facts.feed(html)
        for asset in facts.assets:
            parsed = urlparse(asset)
            if parsed.scheme or parsed.netloc or asset.startswith("//"):
                outside.append(f"{path}: {asset}")
            elif not asset.startswith("data:"):
                assert erfurt_client.get(asset).status_code == 200, (path, asset)
        outside += [f"{path}: {u}" for u in facts.inline_urls if "http" in u]
    assert outside == []


def test_generated_network_page_file_is_self_contained(built_registry, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from isrp_graph.network import build_network
    from isrp_graph.network_page import write_network_page

    path = write_network_page(build_network(built_registry, "de"), tmp_path / "netz.html", "de")
    facts = PageFacts()
    facts.feed(path.read_text(encoding="utf-8"))
    assert [a for a in facts.assets if urlparse(a).scheme or a.startswith("//")] == []


# --- structure that a planner would miss ---------------------------------------------------------


class Elements(HTMLParser):
    """Start tags with their attributes, and the text inside each element id'd or classed as asked."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip and data.strip():
            self.text.append(data.strip())


def elements(html: str) -> Elements:
    parsed = Elements()
    parsed.feed(html)
    return parsed


def nav_links(html: str) -> list[str]:
    block = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', html, re.S)
    assert block, "no main navigation"
    return re.findall(r'<a href="([^"]+)"', block.group(1))


def test_network_page_has_the_site_header_navigation_and_skip_link(crawled: dict[str, str]) -> None:
    html = crawled["/netzwerk"]
    assert html.index('class="skip-link" href="#inhalt"') < html.index('<header class="site-header"')
    assert '<main id="inhalt"' in html and '<footer class="site-footer"' in html
    assert nav_links(html) == nav_links(crawled["/uebersicht"])  # the same navigation as every page
    assert re.search(r'<a href="/netzwerk" aria-current="page">', html)
    assert "/static/css/isrp.css" in html and 'class="lang-switch" href="/netzwerk?lang=en"' in html


def test_network_page_in_english_keeps_the_language_in_its_links(erfurt_client: TestClient) -> None:
    html = erfurt_client.get("/netzwerk", params={"lang": "en"}, headers={"accept": "text/html"}).text
    assert "Skip to content" in html and '<html lang="en">' in html
    assert nav_links(html)[1] == "/uebersicht?lang=en"
    assert 'class="lang-switch" href="/netzwerk?lang=de"' in html


def test_network_page_starts_readable_at_erfurt_size(crawled: dict[str, str]) -> None:
    """≈ 85 nodes: plans, bodies and networks at first, the other kinds one click away; names link
    to the entries."""
    html = crawled["/netzwerk"]
    boxes = {a["value"]: "checked" in a for tag, a in elements(html).tags if a.get("name") == "kind"}
    assert boxes == {
        "plan": True,
        "organisation": False,
        "network": True,
        "body": True,
        "format": False,
        "funding": False,
    }
    assert 'id="start-view"' in html and 'id="reset"' in html and 'id="zoom-in"' in html
    assert '<a href="/erfurt/body/begleitgremium">Begleitgremium</a>' in html
    data = json.loads(
        re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html, re.S).group(1)
    )
    # positions come from the server's layout: no physics in the browser, the same picture every time
    assert data["options"]["physics"] == {"enabled": False}
    assert all(isinstance(node["x"], float) and isinstance(node["y"], float) for node in data["nodes"])
    assert data["startKinds"] == ["plan", "network", "body"]
    sizes = {node["font"]["size"] for node in data["nodes"]}
    assert len(sizes) >= 3  # well-linked nodes carry larger labels, shown first


def test_network_page_for_one_plan_shows_every_kind(erfurt_client: TestClient) -> None:
    html = erfurt_client.get(
        "/netzwerk",
        params={"plan": "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"},
        headers={"accept": "text/html"},
    ).text
    boxes = [("checked" in a) for tag, a in elements(html).tags if a.get("name") == "kind"]
    assert boxes and all(boxes)


def test_scroll_boxes_are_focusable_and_named(crawled: dict[str, str]) -> None:
    problems = []
    for path, html in crawled.items():
        for _, attrs in elements(html).tags:
            classes = attrs.get("class", "").split()
            boxed = "table-wrap" in classes or "timeline" in classes
            named = attrs.get("role") == "region" and bool(attrs.get("aria-label"))
            if boxed and (attrs.get("tabindex") != "0" or not named):
                problems.append(f"{path}: {attrs}")
    assert problems == []
    assert 'class="table-wrap tall" role="region" tabindex="0"' in crawled["/uebersicht"]


def test_no_vocabulary_iri_where_a_word_belongs(crawled: dict[str, str]) -> None:
    """Row headings of the facts and the 'refers as' column of entry pages are words, never IRIs."""
    problems = []
    for path, html in crawled.items():
        if not path.startswith("/erfurt/"):
            continue
        for heading in re.findall(r'<tr><th scope="row">([^<]*)</th>', html):
            if heading.startswith(("http://", "https://")):
                problems.append(f"{path}: {heading}")
        for via in re.findall(r"</a></th><td>([^<]*)</td></tr>", html):
            if via.startswith(("http://", "https://")):
                problems.append(f"{path}: {via}")
    assert problems == []


def test_entry_pages_name_reused_vocabulary_terms(erfurt_client: TestClient) -> None:
    html = erfurt_client.get("/erfurt/step/07", headers={"accept": "text/html"}).text
    assert "http://purl.org/dc/terms/isPartOf" not in elements(html).text
    assert "Teil von" in html and "Titel" in html and "wasAssociatedWith" not in elements(html).text


def test_gap_and_overlap_reports_speak_german(crawled: dict[str, str]) -> None:
    for path in ("/luecken", "/ueberschneidungen"):
        html = crawled[path]
        headings = re.findall(r'<th scope="col">([^<]*)</th>', html)
        assert "Grundlage" in headings, path  # every finding says what it rests on
        untranslated = [label for label in headings if re.search(r"[a-z][A-Z]", label)]
        assert untranslated == [], path
        assert "Stichtag: " in html, path
        cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
        assert "true" not in cells and "false" not in cells, path
    overlaps = crawled["/ueberschneidungen"]
    assert ">Planung A</th>" in overlaps or "Keine Treffer" in overlaps


def test_heat_map_is_readable(crawled: dict[str, str]) -> None:
    """Numbered columns (full names for screen readers and as tooltip), a colour scale, empty cells
    instead of rows of zeros, and every count leads to evidence that exists on the page."""
    html = crawled["/schnittstellen"]
    table = re.search(r'<table class="data-table heatmap".*?</table>', html, re.S).group(0)
    assert "col-label" not in table and "writing-mode" not in html
    # abbreviated plan names as column heads, the full name on focus (link title, hidden text) and in a key
    heads = re.findall(
        r'<th scope="col" title="([^"]+)"><a href="#key-(\d+)"[^>]*><span aria-hidden="true">([^<]+)</span>',
        table,
    )
    assert heads and all(len(short) <= 19 for _, _, short in heads)
    assert ("Kita-Bedarfsplan", "Bedarfsplan Kindertageseinrichtungen/Kindertagespflege") in {
        (short, full) for full, _, short in heads
    }
    assert all(f'id="key-{n}"' in html for _, n, _ in heads)
    # one triangle: no count below the diagonal; interfaces and delimitations told apart by letters
    assert 'class="heat-mirror"' in table
    assert re.search(r'aria-hidden="true">\d+ [SA]( · \d+ [SA])?</span>', table)
    assert 'class="heat-scale"' in html
    assert ">0</a>" not in table
    ids = set(re.findall(r' id="([^"]+)"', html))
    targets = re.findall(r'<a href="#(pair-[^"]+)"', table)
    assert targets and set(targets) <= ids


def test_timeline_has_legend_first_and_names_at_the_bars(crawled: dict[str, str]) -> None:
    html = crawled["/prozess"]
    assert html.index('class="legend"') < html.index('<svg id="timeline"')
    svg = re.search(r'<svg id="timeline".*?</svg>', html, re.S).group(0)
    bars = svg.count("<rect ")
    assert bars >= 40 and svg.count('class="bar-label"') == bars
    assert "<a " not in svg  # no link inside role="img" (nested interactive); the table links every step
    assert 'role="img"' in svg and 'aria-labelledby="timeline-title timeline-desc"' in svg


def test_validation_page_shows_the_report_on_a_fresh_app(built_registry) -> None:  # type: ignore[no-untyped-def]
    """Right after start the report is still being computed; the page waits for it instead of
    answering 'being computed'."""
    with TestClient(create_app(settings(result_limit=10000), store=built_registry)) as fresh:
        response = fresh.get("/pruefung", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "Befunde nach Schwere" in response.text and "wird gerade berechnet" not in response.text


def test_missing_external_address_points_to_the_web_page(erfurt_client: TestClient) -> None:
    response = erfurt_client.get(
        "/eintrag", params={"iri": "https://example.org/quelle"}, headers={"accept": "text/html"}
    )
    assert response.status_code == 404
    assert '<a href="https://example.org/quelle" rel="external noopener">' in response.text


# --- colours -------------------------------------------------------------------------------------

CSS = Path(__file__).resolve().parents[2] / "api" / "static" / "css" / "isrp.css"


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_colours_of_the_style_sheet_keep_4_5_to_1() -> None:
    css = CSS.read_text(encoding="utf-8")
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", css))
    pairs = [
        ("text", "bg"),
        ("text", "soft"),
        ("muted", "bg"),
        ("muted", "soft"),
        ("link", "bg"),
        ("link", "soft"),
        ("visited", "bg"),
        ("error", "bg"),
        ("warn", "bg"),
        ("ok", "bg"),
        ("brand-dark", "bg"),  # the current page in the navigation
        ("text", "focus"),  # focused links
    ]
    low = [(f, b, round(contrast(var[f], var[b]), 2)) for f, b in pairs if contrast(var[f], var[b]) < 4.5]
    white_on = [c for c in ("brand", "brand-dark") if contrast("#ffffff", var[c]) < 4.5]  # header, nav
    assert low == [] and white_on == []
    assert contrast(var["warn"], "#fff4d6") >= 4.5  # the "example" badge


def test_heat_map_and_timeline_colours_keep_their_contrast() -> None:
    from api.analysis_pages import heat_style
    from api.process_page import PALETTE

    for count in range(1, 6):
        style = dict(part.split(":") for part in heat_style(count, 5).split(";"))
        assert contrast(style["background"], style["color"]) >= 4.5, style
    assert all(contrast(colour, "#ffffff") >= 3 for colour in PALETTE)  # bars are graphics: 3:1


def test_focus_is_always_visible() -> None:
    css = CSS.read_text(encoding="utf-8")
    assert re.search(r":focus-visible \{[^}]*outline: 3px solid", css)
    assert "outline: none" not in css.replace("main:focus { outline: none; }", "")


def test_validation_page_while_the_report_is_computed(built_registry, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A report that is not there yet: a page that says so, links to itself and checks again by
    itself (no meta refresh), while the JSON twin answers 503."""
    import threading

    from api import findings, pages

    release = threading.Event()
    original = findings.Reports._work

    def held(run, validate, store, lang):  # type: ignore[no-untyped-def]
        release.wait()
        original(run, validate, store, lang)

    monkeypatch.setattr(findings.Reports, "_work", staticmethod(held))
    monkeypatch.setattr(pages, "REPORT_WAIT_SECONDS", 0.0)
    try:
        client = TestClient(create_app(settings(result_limit=10000), store=built_registry))
        response = client.get("/pruefung", headers={"accept": "text/html"})
        assert response.status_code == 503
        assert 'id="validation-pending"' in response.text and 'role="status"' in response.text
        assert 'href="/pruefung"' in response.text and "http-equiv" not in response.text
        assert client.get("/pruefung", params={"format": "json"}).status_code == 503
    finally:
        release.set()
