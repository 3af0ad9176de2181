"""The entry form in Chromium on the Erfurt registry: it reflows at 320 px, concept lists are
checkboxes (ArrowDown moves no selection), and a refused save keeps the input with the error at its
field. (Refused saves only: the shared registry of these tests stays unchanged.)"""

from __future__ import annotations

import pytest

from tests.api.conftest import TOKEN
from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser
FORM = "/bearbeiten/eintrag?iri=https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"


def _checked(page, legend: str) -> list[str]:  # type: ignore[no-untyped-def]
    group = page.locator("fieldset.choices", has=page.locator(f"legend:text-is('{legend}')"))
    return group.locator("input:checked").evaluate_all("els => els.map(e => e.value)")


def test_form_reflows_at_320_px(page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(page.base + FORM, timeout=90000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 321
    shot(page, "bearbeiten-320")


def test_arrow_down_in_a_concept_list_changes_nothing(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + FORM, timeout=90000)
    before = _checked(page, "Zielgruppe")
    assert len(before) >= 2
    group = page.locator("fieldset.choices", has=page.locator("legend:text-is('Zielgruppe')"))
    group.locator("input").first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert _checked(page, "Zielgruppe") == before
    # the sections come in the order of the entry page
    legends = page.locator("form.edit > fieldset > legend").all_inner_texts()
    assert legends[:3] == ["Grunddaten", "Zuständigkeit und Mitwirkung", "Recht und Laufzeit"]


def test_refused_save_keeps_the_input_in_the_browser(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + FORM, timeout=90000)
    page.get_by_label("Aufgaben", exact=True).fill("Bestand erheben\nIm Browser getippt")
    office = page.locator("fieldset.choices", has=page.locator("legend:text-is('federführende Stelle')"))
    for box in office.locator("input:checked").all():
        box.uncheck()
    page.fill("#token", TOKEN)
    page.click("button:has-text('Prüfen und speichern')")
    assert "Nichts wurde gespeichert" in page.inner_text("#form-errors")
    assert "Im Browser getippt" in page.get_by_label("Aufgaben", exact=True).input_value()
    error = page.locator("fieldset.choices.has-error .field-error")
    assert error.count() >= 1 and "federführende Stelle" in error.first.inner_text()
    shot(page, "bearbeiten-abgelehnt")


def test_sources_are_editable_web_addresses(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + FORM, timeout=90000)
    source = page.get_by_label("Quelle", exact=True)
    assert "erfurt.de" in source.input_value()
    source.fill("keine Adresse")
    page.fill("#token", TOKEN)
    page.click("button:has-text('Prüfen und speichern')")
    assert "keine Internetadresse" in page.inner_text("#form-errors")
    assert page.get_by_label("Quelle", exact=True).input_value() == "keine Adresse"
