"""Every page of the app on the shipped Erfurt registry: BITV/WCAG checks that can be read from the HTML
(lang, one h1, labelled form controls, tables with headers and captions, images with alt, a skip link)
and no script, style, font or image loaded from outside the app."""

from __future__ import annotations

from html.parser import HTMLParser
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
        pending = response.status_code == 503 and path == "/pruefung"  # validation still running
        assert response.status_code == 200 or pending, (path, response.text[-300:])
        found[path] = response.text
        facts = PageFacts()
        facts.feed(response.text)
        for link in facts.links:
            parsed = urlparse(link)
            if (
                parsed.scheme
                or not parsed.path.startswith("/")
                or parsed.path.startswith(("/static", "/docs"))
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
        if 'href="#inhalt"' not in html and path.split("?")[0] != "/netzwerk":
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
