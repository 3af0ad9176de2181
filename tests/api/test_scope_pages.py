"""The municipality scope of the web app and the API, on a store with Erfurt and the invented Musterstadt
(tests/kommunen_fixture.ttl): the installation's set (setting ``kommune``), ``?kommune=`` within it,
the select, the sentence saying what a page covers, the refusals, and the cache keys."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from conftest import settings
from fastapi.testclient import TestClient
from kommunen_fixture import ERFURT, MUSTERSTADT, MUSTERSTADT_MARK, two_municipality_store

from api.app import create_app
from isrp_graph.settings import SettingsError
from isrp_graph.store import EmbeddedStore

FINDINGS_PAGES = ["/luecken", "/ueberschneidungen", "/schnittstellen"]
DATA_PAGES = ["/wirkung", "/prioritaeten", "/uebersicht", "/sozialplanungsreport"]
VALIDATION = "/pruefung"
SELECT = '<select id="kommune" name="kommune">'


@pytest.fixture(scope="module")
def two_store() -> Iterator[EmbeddedStore]:
    store = two_municipality_store()
    yield store
    store.close()


@pytest.fixture(scope="module")
def both(two_store: EmbeddedStore) -> TestClient:
    """An installation that serves every municipality of the store (setting empty)."""
    return TestClient(create_app(settings(), store=two_store))


@pytest.fixture(scope="module")
def erfurt(two_store: EmbeddedStore) -> TestClient:
    """An installation of Erfurt on the shared store (setting kommune = erfurt)."""
    return TestClient(create_app(settings(kommune=("erfurt",)), store=two_store))


@pytest.mark.parametrize("path", FINDINGS_PAGES + DATA_PAGES)
def test_an_installation_of_several_municipalities_offers_a_labelled_select(
    both: TestClient, path: str
) -> None:
    page = both.get(path)
    assert page.status_code == 200
    assert '<label for="kommune">Kommune</label>' in page.text and SELECT in page.text
    assert '<option value="" selected>Alle Kommunen</option>' in page.text
    assert '<option value="musterstadt">Stadt Musterstadt</option>' in page.text
    form = page.text[: page.text.index(SELECT)].rsplit("<form", 1)[1]
    assert 'method="get"' in form  # works without script
    chosen = both.get(path, params={"kommune": "erfurt"})
    assert '<option value="erfurt" selected>Landeshauptstadt Erfurt</option>' in chosen.text


@pytest.mark.parametrize("path", FINDINGS_PAGES + DATA_PAGES)
def test_an_installation_of_one_municipality_shows_no_select_but_says_what_it_covers(
    erfurt: TestClient, path: str
) -> None:
    page = erfurt.get(path)
    assert page.status_code == 200
    assert SELECT not in page.text and "Stadt Musterstadt" not in page.text
    covers = (
        "Befunde für: Landeshauptstadt Erfurt"
        if path in FINDINGS_PAGES
        else "Angaben für: Landeshauptstadt Erfurt"
    )
    assert covers in page.text


def test_the_covered_municipalities_in_both_languages(both: TestClient) -> None:
    assert "Befunde für: Landeshauptstadt Erfurt, Stadt Musterstadt" in both.get("/luecken").text
    english = both.get("/luecken", params={"lang": "en", "kommune": "musterstadt"}).text
    assert (
        "Findings for: Stadt Musterstadt" in english
        and '<label for="kommune">Municipality</label>' in english
    )
    data = both.get("/luecken", params={"kommune": "musterstadt", "format": "json"}).json()
    assert data["scope"]["kommunen"] == [
        {"iri": MUSTERSTADT, "slug": "musterstadt", "label": "Stadt Musterstadt"}
    ]


@pytest.mark.parametrize(
    "path", [*FINDINGS_PAGES, "/wirkung", "/prioritaeten", "/uebersicht", "/api/v1/gaps"]
)
def test_a_municipality_outside_the_installation_is_refused_never_shown(
    erfurt: TestClient, path: str
) -> None:
    for name in ("musterstadt", "Stadt Musterstadt", MUSTERSTADT, "Atlantis"):
        refused = erfurt.get(path, params={"kommune": name, "beispiele": "1"})
        assert refused.status_code == 404, (path, name)
        assert MUSTERSTADT_MARK not in refused.text
    data = erfurt.get(path, params={"kommune": "atlantis", "format": "json"}).json()
    assert (
        data["error"]
        == "Die Kommune „atlantis“ wird hier nicht angeboten (Feld „kommune“). Verfügbar: erfurt."
    )
    english = erfurt.get(path, params={"kommune": "atlantis", "format": "json", "lang": "en"}).json()
    assert "The municipality 'atlantis' is not offered here" in english["error"]


def test_names_in_any_form_narrow_and_commas_give_several(both: TestClient) -> None:
    for name in ("ERFURT", "Landeshauptstadt Erfurt", ERFURT):
        assert both.get("/api/v1/kommunen").status_code == 200
        data = both.get("/luecken", params={"kommune": name, "format": "json"}).json()
        assert [k["iri"] for k in data["scope"]["kommunen"]] == [ERFURT]
    two = both.get("/luecken", params={"kommune": "erfurt,musterstadt", "format": "json"}).json()
    assert [k["slug"] for k in two["scope"]["kommunen"]] == ["erfurt", "musterstadt"]
    assert both.get("/luecken", params={"kommune": ""}).status_code == 200  # "Alle Kommunen"


@pytest.mark.parametrize(
    "path",
    [
        "/schnittstellen?beispiele=1",
        "/wirkung?beispiele=1",
        "/prioritaeten?beispiele=1",
        "/uebersicht",
        "/api/v1/interfaces",
        "/api/v1/gaps",
        "/api/v1/overlaps",
        "/api/v1/plans",
        "/api/v1/measures",
    ],
)
def test_erfurt_only_pages_show_no_entry_of_musterstadt(
    both: TestClient, erfurt: TestClient, path: str
) -> None:
    assert MUSTERSTADT_MARK in both.get(path).text  # the store does hold Musterstadt's entries
    sep = "&" if "?" in path else "?"
    assert MUSTERSTADT_MARK not in both.get(path + sep + "kommune=erfurt").text
    assert MUSTERSTADT_MARK not in erfurt.get(path).text
    only = both.get(path + sep + "kommune=musterstadt").text
    assert MUSTERSTADT_MARK in only and "Jugendhilfeplanung" not in only


def test_the_csv_twin_and_the_links_keep_the_scope(both: TestClient) -> None:
    page = both.get("/luecken", params={"kommune": "erfurt"}).text
    csv_links = [
        part.split('"', 1)[0] for part in page.split('href="')[1:] if "format=csv" in part.split('"', 1)[0]
    ]
    assert csv_links and all("kommune=erfurt" in link for link in csv_links)
    rows = both.get("/wirkung", params={"kommune": "erfurt", "beispiele": "1", "format": "csv"}).text
    assert (
        MUSTERSTADT_MARK not in rows and MUSTERSTADT_MARK in both.get("/wirkung?beispiele=1&format=csv").text
    )


def test_cache_keys_of_analyses_include_the_scope(both: TestClient) -> None:
    both.get("/luecken", params={"kommune": "erfurt"})
    both.get("/luecken", params={"kommune": "musterstadt"})
    both.get("/luecken")
    cache = both.app.state.cache
    state = len(cache.state_key(both.app.state.isrp.store))  # the key ends with the store state
    keys = [k for k in cache.items if k[:2] == ("analysis", "gaps")]
    scopes = {k[k.index("kommunen") + 1 : -state] for k in keys}
    assert {(ERFURT,), (MUSTERSTADT,), ()} <= scopes


def test_api_lists_the_installations_municipalities(both: TestClient, erfurt: TestClient) -> None:
    assert [k["slug"] for k in both.get("/api/v1/kommunen").json()["kommunen"]] == ["erfurt", "musterstadt"]
    assert [k["iri"] for k in erfurt.get("/api/v1/kommunen").json()["kommunen"]] == [ERFURT]
    spec = both.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/v1/gaps"]["get"]["parameters"]}
    assert "kommune" in names and "404" in spec["paths"]["/api/v1/gaps"]["get"]["responses"]
    assert "/api/v1/analyses/{name}" in spec["paths"]
    missing = both.get("/api/v1/analyses/unsinn")
    assert missing.status_code == 404 and "gaps" in missing.json()["error"]


def test_an_unknown_municipality_in_the_setting_refuses_the_start(two_store: EmbeddedStore) -> None:
    with pytest.raises(SettingsError) as caught:
        create_app(settings(kommune=("erfurt", "Atlantis")), store=two_store)
    assert "„Atlantis“" in caught.value.message("de") and "erfurt, musterstadt" in caught.value.message("de")
    assert "does not start" in caught.value.message("en")


def test_the_sozialplanungsreport_never_mixes_in_another_municipality(erfurt: TestClient) -> None:
    """An Erfurt installation on a store with Musterstadt makes the report of Erfurt only (no refusal)."""
    made = erfurt.get("/sozialplanungsreport.html", params={"jahr": "2025"})
    page = erfurt.get("/sozialplanungsreport").text
    assert made.status_code == 200 and MUSTERSTADT_MARK not in made.text
    assert "Sozialplanungsreport 2025 – Landeshauptstadt Erfurt" in made.text
    assert "/sozialplanungsreport.pdf" in page and "nicht auf einzelne Kommunen" not in page


def test_the_sozialplanungsreport_of_every_municipality_is_made(both: TestClient) -> None:
    """Naming every municipality of the store is no narrowing: the report is made (no refusal)."""
    made = both.get("/sozialplanungsreport.html", params={"jahr": "2025", "kommune": "erfurt,musterstadt"})
    assert made.status_code == 200 and "<html" in made.text


def test_the_sozialplanungsreport_of_one_chosen_municipality(both: TestClient) -> None:
    """``?kommune=musterstadt`` on an installation of both: the report of Musterstadt, no Erfurt plan;
    kept apart from the report of both in the cache."""
    one = both.get("/sozialplanungsreport.html", params={"jahr": "2025", "kommune": "musterstadt"})
    assert one.status_code == 200 and "Stadt Musterstadt" in one.text and "Erfurt" not in one.text
    every = both.get("/sozialplanungsreport.html", params={"jahr": "2025"})
    assert every.status_code == 200 and "Landeshauptstadt Erfurt" in every.text


@pytest.mark.parametrize("name", ["interfaces", "overlaps", "gaps", "funding", "spatial"])
def test_end_to_end_erfurt_only_analysis_api_shows_no_entry_of_musterstadt(
    both: TestClient, erfurt: TestClient, name: str
) -> None:
    """Passes once the analyses honour AnalysisOptions.kommunen (helper "analyses")."""
    assert MUSTERSTADT_MARK in both.get(f"/api/v1/analyses/{name}", params={"beispiele": "1"}).text
    scoped = erfurt.get(f"/api/v1/analyses/{name}", params={"beispiele": "1"})
    assert scoped.status_code == 200
    assert MUSTERSTADT_MARK not in scoped.text


@pytest.mark.parametrize("path", ["/luecken", "/ueberschneidungen"])
def test_end_to_end_erfurt_only_findings_pages_show_no_entry_of_musterstadt(
    both: TestClient, erfurt: TestClient, path: str
) -> None:
    """Passes once the analyses honour AnalysisOptions.kommunen (helper "analyses")."""
    assert MUSTERSTADT_MARK in both.get(path, params={"beispiele": "1"}).text
    assert MUSTERSTADT_MARK not in erfurt.get(path, params={"beispiele": "1"}).text
    assert MUSTERSTADT_MARK not in both.get(path, params={"beispiele": "1", "kommune": "erfurt"}).text


@pytest.mark.parametrize("path", FINDINGS_PAGES + DATA_PAGES)
def test_the_select_is_accessible(both: TestClient, path: str) -> None:
    from tests.api.test_accessibility import PageFacts

    html = both.get(path, params={"lang": "en"}).text
    facts = PageFacts()
    facts.feed(html)
    unlabelled = [c for c in facts.controls if c.get("id") not in facts.label_for and not c.get("aria-label")]
    assert unlabelled == [] and "kommune" in facts.label_for
    assert html.count('id="kommune"') == 1


def _ready(client: TestClient, path: str, **params: str):  # type: ignore[no-untyped-def]
    """The validation report once the background run is done (it answers 503 until then)."""
    for _ in range(120):
        response = client.get(path, params=params)
        if response.status_code != 503:
            return response
        time.sleep(1)
    raise AssertionError("the validation report was not ready")


def test_validation_findings_of_another_municipality_are_not_shown(
    both: TestClient, erfurt: TestClient
) -> None:
    everything = _ready(both, "/api/v1/validation")
    assert everything.status_code == 200 and MUSTERSTADT_MARK in everything.text
    page = _ready(both, VALIDATION).text
    assert '<label for="kommune">Kommune</label>' in page
    assert SELECT in page and "Befunde für: Landeshauptstadt Erfurt, Stadt Musterstadt" in page
    assert "Befunde für: Landeshauptstadt Erfurt</strong>" in _ready(erfurt, VALIDATION).text
    for response in (
        _ready(both, "/api/v1/validation", kommune="erfurt"),
        _ready(erfurt, "/api/v1/validation"),
        _ready(erfurt, "/pruefung", format="json"),
        _ready(erfurt, "/pruefung"),
    ):
        assert response.status_code == 200
        assert MUSTERSTADT_MARK not in response.text and "musterstadt/" not in response.text
    assert _ready(erfurt, "/api/v1/validation", kommune="musterstadt").status_code == 404


def test_one_plan_is_looked_up_in_the_installations_municipality(two_store: EmbeddedStore) -> None:
    muster = TestClient(create_app(settings(kommune=("musterstadt",)), store=two_store))
    found = muster.get("/api/v1/plans/musterstadt-sozialplan")
    assert found.status_code == 200 and "Musterstadt-Sozialplan" in found.text
    assert muster.get("/api/v1/plans/jugendhilfeplanung").status_code == 404
    everyone = TestClient(create_app(settings(), store=two_store))
    assert everyone.get("/api/v1/plans/jugendhilfeplanung").status_code == 200  # erfurt as before
    assert (
        everyone.get(
            "/api/v1/plans/musterstadt-sozialplan", params={"municipality": "musterstadt"}
        ).status_code
        == 200
    )
