"""The annual Sozialplanungsreport: German HTML with every chapter, and a tagged PDF/UA-1 — structure
tree, document language de, title, bookmarks, heading and table tags, an alternative text on every
figure — whose pages render to PNG without an empty page (pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from isrp_graph.reporting import collect, render_html, write_pdf, write_report_file
from isrp_graph.reporting.collect import add_duration

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
STICHTAG = date(2025, 12, 31)


@pytest.fixture(scope="module")
def report_html(built_registry) -> str:  # type: ignore[no-untyped-def]
    return render_html(collect(built_registry, 2025, "de", STICHTAG))


@pytest.fixture(scope="module")
def report_pdf(report_html: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spr") / "sozialplanungsreport-2025.pdf"
    write_pdf(report_html, path)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(path, ARTIFACTS / "sozialplanungsreport-2025.pdf")
    return path


def _tags(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found: list[pikepdf.Dictionary] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot.K)
    return found


def test_html_has_every_chapter_in_german(report_html: str) -> None:
    assert '<html lang="de">' in report_html
    for heading in (
        "Planungssystematik",
        "Maßnahmen",
        "Indikatoren je Gebiet",
        "Lücken, Überschneidungen und Schnittstellen",
        "Beteiligung und Prozess",
        "Veränderungen seit dem Vorjahresbericht",
        "Stichtag und Quellen",
    ):
        assert heading in report_html
    assert "Stichtag: 31.12.2025" in report_html
    assert "Für das Vorjahr 2024 ist kein Stand festgehalten" in report_html  # no release recorded
    assert "Integrierter Sozialraumplan" in report_html
    assert "<script" not in report_html
    # every chart is an SVG image with a text alternative and a table beside it
    assert report_html.count('<div class="figure-pair">') == 4
    assert report_html.count('src="data:image/svg+xml;base64,') == 4
    assert 'alt=""' not in report_html
    # examples are not counted in the report's own chapters (the gap analyses decide for themselves)
    own = report_html.split('id="plans-h"')[1].split('id="gaps-h"')[0]
    assert "Beispiel:" not in own


def test_examples_are_left_out_and_counted_apart(built_registry) -> None:  # type: ignore[no-untyped-def]
    data = collect(built_registry, 2025, "de", STICHTAG)
    assert data.examples_left_out > 0
    assert all(not m.label.startswith("Beispiel") for m in data.measures)
    assert data.plans and data.steps and data.sources
    assert {s.state for s in data.steps} <= {"done", "due", "overdue", "planned", "unknown"}


def test_update_due_adds_the_cycle() -> None:
    assert add_duration(date(2022, 8, 1), "P1Y") == date(2023, 8, 1)
    assert add_duration(date(2020, 1, 31), "P1M") == date(2020, 2, 28)
    assert add_duration(date(2020, 1, 1), "P5Y") == date(2025, 1, 1)
    assert add_duration(date(2020, 1, 1), "unklar") is None


def test_pdf_is_tagged_pdf_ua_with_language_title_bookmarks_and_alt_texts(report_pdf: Path) -> None:
    with pikepdf.open(report_pdf) as pdf:
        assert str(pdf.Root.Lang) == "de"
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo.Title) == "Sozialplanungsreport 2025"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert b"pdfuaid" in pdf.Root.Metadata.read_bytes()  # declares PDF/UA
        outline_titles = []
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            while stack:
                item = stack.pop(0)
                outline_titles.append(item.title)
                stack.extend(item.children)
        assert "2 Planungssystematik" in outline_titles and "8 Stichtag und Quellen" in outline_titles
        tags = _tags(pdf)
        kinds = Counter(str(tag.S) for tag in tags)
        assert kinds["/H1"] == 1 and kinds["/H2"] >= 8 and kinds["/H3"] >= 3
        assert kinds["/Table"] >= 10 and kinds["/TH"] > 50 and kinds["/TR"] > 100
        figures = [tag for tag in tags if tag.S == "/Figure"]
        assert len(figures) == 4
        assert all(str(f.get("/Alt", "")).startswith("Balkendiagramm") for f in figures)


def test_pdf_pages_render_with_no_empty_page(report_pdf: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(report_pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert 10 <= len(pages) <= 80
    for page in pages:
        image = Image.open(page).convert("L")
        dark = image.histogram()[:160]
        dark = sum(dark)
        assert dark > 0.002 * image.width * image.height, f"{page.name} is (nearly) empty"
    text = subprocess.run(
        ["pdftotext", "-layout", str(report_pdf), "-"], check=True, capture_output=True
    ).stdout
    assert "Seite 3 von" in text.decode("utf-8")  # page numbers and Stichtag in the footer
    assert "Stichtag 31.12.2025" in text.decode("utf-8")


def test_write_report_file_html(built_registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_report_file(built_registry, 2025, tmp_path / "bericht.html", reference_date=STICHTAG)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_writes_the_pdf_and_refuses_a_bad_target(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("load").code == 0
    bad = cli("sozialplanungsreport", "--jahr", "2025", "-o", str(tmp_path / "bericht.docx"))
    assert bad.code == 2 and ".pdf" in bad.err
    result = cli("sozialplanungsreport", "--jahr", "2025", "-o", str(tmp_path / "bericht.pdf"))
    assert result.code == 0, result.err
    with pikepdf.open(tmp_path / "bericht.pdf") as pdf:
        assert str(pdf.Root.Lang) == "de" and len(pdf.pages) > 5


def test_download_page_and_files(built_registry) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from api.app import create_app
    from tests.api.conftest import settings

    client = TestClient(create_app(settings(result_limit=10000), store=built_registry))
    page = client.get("/sozialplanungsreport", params={"jahr": "2025"}, headers={"accept": "text/html"})
    assert page.status_code == 200 and "/sozialplanungsreport.pdf?jahr=2025" in page.text
    assert client.get("/sozialplanungsreport", params={"jahr": "1850"}).status_code == 422
    html = client.get("/sozialplanungsreport.html", params={"jahr": "2025"})
    assert html.status_code == 200 and "Sozialplanungsreport 2025" in html.text
    pdf = client.get("/sozialplanungsreport.pdf", params={"jahr": "2025"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "sozialplanungsreport-2025.pdf" in pdf.headers["content-disposition"]
