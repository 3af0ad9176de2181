"""The edit form planners can trust: a refused save keeps everything typed and shows each error at
its field (WCAG 3.3.1/3.3.3); concept lists are checkboxes; numbers and dates in German forms."""

from __future__ import annotations

import re

from api import edit_form
from isrp_graph.entries import EditField
from tests.api.conftest import csrf
from tests.auth.helpers import YOUTH_PLAN, form_values, world

HTML = {"accept": "text/html"}


def _fields(html: str) -> dict[str, str]:
    found = {label: fid for fid, label in re.findall(r'<label for="(f\d+)">([^<]+)</label>', html)}
    group = r'<fieldset class="field choices[^"]*" id="(f\d+)"[^>]*>\s*<legend>([^<]+)</legend>'
    groups = re.findall(group, html)
    return {**found, **{label: fid for fid, label in groups}}


def test_refused_save_keeps_the_input_and_names_the_field() -> None:
    w = world()
    html = w.client.get("/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, headers=HTML).text
    fields = _fields(html)
    data: dict[str, object] = dict(form_values(html))
    data[fields["Aufgaben"]] = "Bestand erheben\nGerade getippt"
    data.pop(fields["Federführung"], None)  # no office any more: a Violation
    data.update({"token": w.tokens["verwalten"], "csrf": csrf(w.client), "comment": "mein Kommentar"})
    response = w.client.post("/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, data=data, headers=HTML)
    assert response.status_code == 422
    page = response.text
    assert "Gerade getippt" in page and "mein Kommentar" in page  # nothing typed is lost
    office = fields["Federführung"]
    block = page.split(f'id="{office}"')[1].split("</fieldset>")[0]
    assert f'id="{office}-error"' in block and "federführende Stelle" in block
    assert f'aria-describedby="{office}-error"' in page.split(f'id="{office}"')[0][-200:] + block[:200]
    assert 'role="alert"' in page and f'href="#{office}"' in page  # the summary links to the field
    jugendliche = 'value="https://w3id.org/isrp/vocab/target-group/jugendliche" checked'
    assert jugendliche in page  # the other choices as they were sent


def test_german_numbers_and_dates_are_read_and_bad_ones_named() -> None:
    number = EditField("p", "Betrag", "number", None, None, [])
    assert str(edit_form.parse_value(number, "1.234,5", "de")) == "1234.5"
    day = EditField("p", "Beschluss", "date", None, None, [])
    assert str(edit_form.parse_value(day, "01.04.2021", "de")) == "2021-04-01"
    assert edit_form.display(day, "2021-04-01") == "01.04.2021"
    try:
        edit_form.parse_value(day, "32.13.2021", "de")
    except edit_form.FieldProblem as problem:
        assert "TT.MM.JJJJ" in problem.message
    else:
        raise AssertionError("a bad date must be refused")
    assert edit_form.duration_parts("P5Y6M") == ("5", "6")


def test_sources_are_edited_as_web_addresses() -> None:
    source = EditField("http://purl.org/dc/terms/source", "Quelle", "readonly", None, None, ["https://erfurt.de/x"])
    edit_form.as_links([source])
    assert source.kind == "links"
    assert str(edit_form.parse_value(source, "https://erfurt.de/y", "de")) == "https://erfurt.de/y"
    try:
        edit_form.parse_value(source, "keine Adresse", "de")
    except edit_form.FieldProblem as problem:
        assert "keine Internetadresse" in problem.message
    else:
        raise AssertionError("a bad address must be refused")


def test_term_is_edited_as_two_dates() -> None:
    from rdflib import Literal
    from rdflib.namespace import XSD

    w = world()
    html = w.client.get("/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, headers=HTML).text
    term = re.search(r'<fieldset class="field interval[^"]*" id="(f\d+)"', html)
    assert term is not None, "Laufzeit is not editable"
    key = term.group(1)
    assert 'value="01.01.2023"' in html and 'value="31.12.2027"' in html
    data: dict[str, object] = dict(form_values(html))
    data.update({f"{key}-begin": "31.02.2024", "token": w.tokens["verwalten"], "csrf": csrf(w.client)})
    bad = w.client.post("/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, data=data, headers=HTML)
    assert bad.status_code == 422 and 'value="31.02.2024"' in bad.text and "TT.MM.JJJJ" in bad.text
    data.update({f"{key}-begin": "01.01.2024", f"{key}-end": "31.12.2028"})
    good = w.client.post("/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, data=data, headers=HTML)
    assert good.status_code == 200, good.text[-500:]
    quads = w.store.dataset_quads()  # type: ignore[attr-defined]
    # the change log keeps the old dates as records (reified statements); the data must not
    dates = {
        str(o)
        for _, p, o, g in quads
        if isinstance(o, Literal) and o.datatype == XSD.date and "/graph/changeset/" not in str(g)
    }
    assert {"2024-01-01", "2028-12-31"} <= dates and "2023-01-01" not in dates
