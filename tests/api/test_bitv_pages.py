"""The pages BITV 2.0 requires: linked from every page's footer, German, the Erfurt defaults marked
"vom Betreiber zu ergänzen", texts per installation from a TOML file; /docs with lang and a contrast
style sheet; the process timeline without links inside its picture (no nested interactive)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.bitv_texts import FOOTER
from tests.api.conftest import settings

PAGES = [f"/{name}" for name, _ in FOOTER]


@pytest.fixture(scope="module")
def client(built_registry) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(create_app(settings(result_limit=10000), store=built_registry))


@pytest.mark.parametrize("path", ["/", "/uebersicht", "/prozess", "/netzwerk", "/barrierefreiheit"])
def test_every_footer_links_the_bitv_pages(client: TestClient, path: str) -> None:
    html = client.get(path, headers={"accept": "text/html"}).text
    footer = html.split("<footer", 1)[1]
    for page in PAGES:
        assert f'href="{page}"' in footer


@pytest.mark.parametrize("path", PAGES)
def test_bitv_pages_have_defaults_marked_for_the_operator(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == 200 and '<html lang="de">' in response.text
    assert "vom Betreiber zu ergänzen" in response.text
    data = client.get(path, params={"format": "json"}).json()
    assert data["title"] and data["paragraphs"]


def test_texts_per_installation(built_registry, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    own = tmp_path / "texte.toml"
    own.write_text(
        '[impressum]\nparagraphs = ["Musterstadt, Rathausplatz 1"]\n'
        '[kontakt]\nemail = "barrieren@musterstadt.invalid"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ISRP_BITV_TEXTS", str(own))
    client = TestClient(create_app(settings(), store=built_registry))
    impressum = client.get("/impressum", headers={"accept": "text/html"}).text
    assert "Musterstadt, Rathausplatz 1" in impressum and "vom Betreiber zu ergänzen" not in impressum
    kontakt = client.get("/kontakt", headers={"accept": "text/html"}).text
    assert 'href="mailto:barrieren@musterstadt.invalid' in kontakt


def test_docs_has_language_and_contrast_sheet(client: TestClient) -> None:
    html = client.get("/docs").text
    assert '<html lang="de">' in html and "/static/css/docs-contrast.css" in html
    assert client.get("/static/css/docs-contrast.css").status_code == 200


def test_process_timeline_has_no_link_inside_its_picture(client: TestClient) -> None:
    html = client.get("/prozess", headers={"accept": "text/html"}).text
    picture = html.split('<svg id="timeline"', 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in picture and "<a " not in picture
