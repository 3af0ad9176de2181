"""The map page in the real browser: layers switch, what the map draws matches the table beside it, the
keyboard works, and no request leaves the app (checked by the page fixture)."""

from __future__ import annotations

from tests.e2e.conftest import shot

PATHS = "#karte .leaflet-overlay-pane path.leaflet-interactive"
MARKERS = "#karte .leaflet-marker-pane .leaflet-marker-icon"


def layer(page, name: str):  # type: ignore[no-untyped-def]
    return page.locator(f"#karte-ebenen input[data-layer='{name}']")


def _ready(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + url)
    page.wait_for_selector("#karte[data-ready='1']")


def _counts(page) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return page.locator(PATHS).count(), page.locator(MARKERS).count()


def _table_counts(page) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    rows = page.locator("#karte-tabelle tbody tr")
    located = needs = 0
    for i in range(rows.count()):
        location = rows.nth(i).locator("td.col-location").inner_text().strip()
        need = rows.nth(i).locator("td.col-need").inner_text().strip()
        if location != "keine Angabe":
            located += 1
            needs += bool(need)
    placed = page.locator("#karte-einrichtungen tbody tr td:nth-child(4)")
    points = sum(1 for i in range(placed.count()) if placed.nth(i).inner_text().strip() != "keine Angabe")
    return located, needs, points


def test_map_draws_what_the_table_lists_and_layers_switch(page) -> None:  # type: ignore[no-untyped-def]
    _ready(page, "/karte")
    located, needs, points = _table_counts(page)
    assert located >= 15 and needs >= 1 and points >= 1
    assert _counts(page) == (located, needs + points)
    layer(page, "units").uncheck()
    assert _counts(page) == (0, needs + points)
    layer(page, "points").uncheck()
    assert _counts(page) == (0, needs)
    system = page.locator("#karte-ebenen input[data-layer^='system-']").last
    system.check()
    expected = page.evaluate(
        """() => {
          const data = JSON.parse(document.getElementById('karte-daten').textContent);
          const sys = data.systems[data.systems.length - 1];
          return data.units.filter(u => u.lat !== null)
            .reduce((n, u) => n + u.parts.filter(p => sys.units.includes(p.iri)).length, 0);
        }"""
    )
    assert expected >= 1 and _counts(page)[0] == expected
    shot(page, "karte-gliederung")


def test_plan_coverage_layer_marks_every_located_unit(page) -> None:  # type: ignore[no-untyped-def]
    _ready(page, "/karte?zielgruppe=https://w3id.org/isrp/vocab/target-group/familien")
    located, _, _ = _table_counts(page)
    layer(page, "units").uncheck()
    assert _counts(page)[0] == located  # one reach mark per located Ortsteil
    assert "Keine dieser Planungen erreicht belegt" in page.locator("#karte-zusammenfassung").inner_text()
    shot(page, "karte-reichweite")


def test_keyboard_moves_the_map_and_switches_layers(page) -> None:  # type: ignore[no-untyped-def]
    _ready(page, "/karte")
    pane = page.locator("#karte .leaflet-map-pane")
    before = pane.get_attribute("style")
    page.locator("#karte").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(400)
    assert pane.get_attribute("style") != before
    zoom = page.evaluate("() => document.querySelector('#karte .leaflet-proxy') !== null")
    assert zoom
    box = layer(page, "points")
    box.focus()
    markers = _counts(page)[1]
    page.keyboard.press("Space")
    assert not box.is_checked() and _counts(page)[1] < markers
    # markers are reachable with Tab and carry their name
    page.locator("#karte").focus()
    title = ""
    for _ in range(60):
        page.keyboard.press("Tab")
        title = page.evaluate(
            "() => (document.activeElement.getAttribute('class') || '').includes('leaflet-marker-icon')"
            " ? document.activeElement.getAttribute('title') : ''"
        )
        if title:
            break
    assert ": " in title  # "<Ortsteil>: <need level>"
    shot(page, "karte")


def test_variant_page_scores_typed_variants_with_a_map(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/karte/varianten")
    page.fill("#text", "Nord: Berliner Platz, Rieth, Moskauer Platz\nMitte: Altstadt, Andreasvorstadt")
    page.fill("#name", "Probe")
    page.get_by_role("button", name="Bewerten").click()
    page.wait_for_selector("#varianten-karte[data-ready='1']")
    rows = page.locator("#varianten-gebiete tbody tr")
    assert rows.count() == 2
    assert "35.087" in rows.nth(1).inner_text()  # Altstadt 18.228 + Andreasvorstadt 16.859
    markers = page.locator("#varianten-karte .leaflet-marker-icon")
    located = page.evaluate(
        "() => JSON.parse(document.getElementById('varianten-daten').textContent).units.length"
    )
    assert markers.count() == located
    assert page.locator("#varianten-karte .leaflet-marker-icon[title^='Altstadt: Mitte']").count() == 1
    assert "Alach" in page.locator("#varianten-vergleich").inner_text()  # listed as not assigned
    shot(page, "varianten")


def test_ortsteil_page_shows_its_map(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/eintrag?iri=https://w3id.org/isrp/erfurt/area/ilversgehofen")
    page.wait_for_selector("#einheit-karte[data-ready='1']")
    # the Ortsteil's point and its six sourced neighbours that have a point (Rieth has none)
    assert page.locator("#einheit-karte path.leaflet-interactive").count() == 1 + 5
    page.get_by_role("link", name="Auf der Karte zeigen").click()
    page.wait_for_selector("#karte[data-ready='1']")
    shot(page, "ortsteil-karte")
