"""Every table for Excel: each table page offers XLSX, CSV for German Excel (semicolons, UTF-8 with BOM)
and plain CSV with the same header and rows as the table on the page; the workbook's cells are typed
(text stays text, ``=HYPERLINK(…)`` too), its header row is frozen and filtered, and a notes sheet
holds the Stand and the source."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient
from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from api.app import create_app
from api.negotiation import safe_filename
from isrp_graph.loading import load_files
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore
from isrp_graph.xlsx_safe import MEDIA_TYPE, cell_number
from tests.api.conftest import fixture_store, settings
from tests.ops.test_csv_injection import LABEL_QUERY, poisoned_store


def analysis_store(evil: bool = False) -> EmbeddedStore:
    """The analyses' fixture (gaps and overlaps at 30.06.2025); ``evil``: every label a formula."""
    store = EmbeddedStore(None, query_timeout=None)
    load_files(store, [ANALYSES / f"{n}.ttl" for n in ("vocab", "gaps", "overlaps")])
    if evil:
        changed = {}
        for name in store.graphs():
            graph = store.get_graph(name)
            labels = [t for p in (RDFS.label, SKOS.prefLabel) for t in graph.triples((None, p, None))]
            for s, p, o in labels:
                graph.remove((s, p, o))
                graph.add((s, p, Literal(EVIL + str(o), lang=o.language if isinstance(o, Literal) else None)))
            changed[name] = graph
        store.replace_graphs(changed)
    return store


CYCLE = Path(__file__).parents[1] / "cycle"
ANALYSES = Path(__file__).parents[1] / "analyses" / "fixtures"
EVIL = '=HYPERLINK("http://evil.invalid","x")'

SELECT = (
    "SELECT ?label WHERE { ?plan a <https://w3id.org/isrp/def#SectoralPlan> ; "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(lang(?label) = 'de') } ORDER BY ?label"
)


class Tables(HTMLParser):
    """Every ``<table>`` of a page as (header, rows) of whitespace-normalised cell texts; text in
    ``aria-hidden`` parts is left out (it repeats the visually hidden text)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[list[str], list[list[str]]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._hidden = 0
        self._in_head = False
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = ("aria-hidden", "true") in attrs
        if tag in ("span", "a"):
            self._stack.append(hidden)
            self._hidden += hidden
        if tag == "table":
            self.tables.append(([], []))
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "a") and self._stack:
            self._hidden -= self._stack.pop()
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            header, rows = self.tables[-1]
            if self._in_head:
                header.extend(self._row)
            else:
                rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._hidden:
            self._cell.append(data)


def page_tables(html: str) -> list[tuple[list[str], list[list[str]]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def csv_rows(text: str, delimiter: str) -> list[list[str]]:
    return [
        [" ".join(c.split()) for c in row]
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    ]


def sheet_rows(content: bytes, index: int = 0) -> list[list[str]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book.worksheets[index]
    return [
        [" ".join(str(v).split()) if v is not None else "" for v in row]
        for row in sheet.iter_rows(values_only=True)
    ]


def values(rows: list[list[str]]) -> list[list[object]]:
    """Cells compared by value: ``5,0`` in a CSV and the number 5 in a workbook are the same."""

    def value(text: str) -> object:
        number = cell_number(text)
        return float(number) if number is not None else text

    return [[value(c) for c in row] for row in rows]


def same_as_page(html: str, header: list[str], rows: list[list[str]]) -> None:
    """The page has a table with this header and exactly these rows."""
    found = [t for t in page_tables(html) if t[0] == header]
    assert found, (header, [t[0] for t in page_tables(html)])
    assert [r for r in found[0][1]] == rows


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    store = fixture_store()
    yield TestClient(create_app(settings(), store=store))
    store.close()


@pytest.fixture(scope="module")
def cycle_client() -> Iterator[TestClient]:
    store = EmbeddedStore(None, query_timeout=None)
    vocabularies = CYCLE.parents[1] / "ontology" / "vocabularies"
    load_files(
        store,
        [CYCLE / "fixtures" / "cycle.ttl"]
        + [vocabularies / f"{n}.ttl" for n in ("implementation-state", "goal-achievement", "measure-type")],
    )
    yield TestClient(create_app(Settings(store="memory"), store=store))
    store.close()


@pytest.fixture(scope="module")
def analysis_client() -> Iterator[TestClient]:
    store = analysis_store()
    yield TestClient(create_app(Settings(store="memory"), store=store))
    store.close()


@pytest.fixture(scope="module")
def evil_analysis_client() -> Iterator[TestClient]:
    store = analysis_store(evil=True)
    yield TestClient(create_app(Settings(store="memory"), store=store))
    store.close()


@pytest.fixture(scope="module")
def evil_client() -> Iterator[TestClient]:
    store = poisoned_store()
    yield TestClient(create_app(settings(), store=store))
    store.close()


def check_downloads(
    client: TestClient,
    path: str,
    params: dict[str, str],
    html_params: dict[str, str] | None = None,
    sheet: int = 0,
) -> list[list[str]]:
    """CSV (;), CSV (,) and XLSX of ``path`` agree with each other and with the page's table; the page
    links all three. Returns the rows."""
    page = client.get(
        path, params=html_params if html_params is not None else params, headers={"accept": "text/html"}
    )
    assert page.status_code == 200, page.text[:300]
    assert 'data-format="xlsx"' in page.text and 'data-format="csv-excel"' in page.text
    assert (
        "Tabelle für Excel (.xlsx)" in page.text
        and "CSV für Excel (;)" in page.text
        and "CSV (,)" in page.text
    )

    excel = client.get(path, params={**params, "format": "csv", "excel": "1"})
    assert excel.status_code == 200 and excel.headers["content-type"].startswith("text/csv")
    assert excel.text.startswith("\ufeff")
    first_line = excel.text[1:].split("\r\n", 1)[0]
    assert ";" in first_line or len(csv_rows(excel.text[1:], ";")[0]) == 1
    table = csv_rows(excel.text[1:], ";")
    plain = client.get(path, params={**params, "format": "csv", "excel": "0"})
    assert not plain.text.startswith("\ufeff")
    assert csv_rows(plain.text, ",") == table

    xlsx = client.get(path, params={**params, "format": "xlsx"})
    assert xlsx.status_code == 200, xlsx.text[:300]
    assert xlsx.headers["content-type"] == MEDIA_TYPE
    assert re.fullmatch(r'attachment; filename="[A-Za-z0-9._-]+\.xlsx"', xlsx.headers["content-disposition"])
    assert values(sheet_rows(xlsx.content, sheet)) == values(table)
    same_as_page(page.text, table[0], table[1:])
    return table


DAY = {"stichtag": "30.06.2025"}


def first_table_with_rows(client: TestClient, path: str) -> str:
    data = client.get(path, params={"format": "json", **DAY}).json()
    return next(tb["name"] for tb in data["tables"] if tb["rows"])


def test_overview(client: TestClient) -> None:
    rows = check_downloads(client, "/uebersicht", {})
    assert len(rows) > 2 and rows[0][0] == "Fachplanung"


def test_english_workbook(client: TestClient) -> None:
    page = client.get("/uebersicht", params={"lang": "en"}, headers={"accept": "text/html"}).text
    assert "Table for Excel (.xlsx)" in page and "CSV for Excel (;)" in page
    book = openpyxl.load_workbook(
        io.BytesIO(client.get("/uebersicht", params={"lang": "en", "format": "xlsx"}).content)
    )
    assert book.sheetnames[-1] == "Notes"
    notes = dict(book.worksheets[-1].iter_rows(min_row=2, values_only=True))
    assert notes["State of the registry"] == "current (today)" and "ISRP registry" in notes["Source"]
    assert book.worksheets[0]["A1"].value != "Fachplanung"  # the English header


@pytest.mark.parametrize("path", ["/luecken", "/ueberschneidungen"])
def test_analysis_pages(analysis_client: TestClient, path: str) -> None:
    name = first_table_with_rows(analysis_client, path)
    rows = check_downloads(analysis_client, path, {"tabelle": name, **DAY}, html_params=DAY)
    assert len(rows) > 1


def test_analysis_workbook_without_table_holds_every_table_and_the_stichtag(client: TestClient) -> None:
    data = client.get("/luecken", params={"format": "json", "stichtag": "31.12.2025"}).json()
    response = client.get("/luecken", params={"format": "xlsx", "stichtag": "31.12.2025"})
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == len(data["tables"]) + 1
    for sheet, tb in zip(book.worksheets, data["tables"], strict=False):
        assert [c.value for c in sheet[1]] == tb["columns"]
        assert sheet.max_row == len(tb["rows"]) + 1
    notes = {row[0]: row[1] for row in book.worksheets[-1].iter_rows(min_row=2, values_only=True)}
    assert notes["Stichtag"] == "31.12.2025" and notes["Titel"] == "Planungslücken"
    assert notes["Stand des Registers"] == "aktuell (heute)" and "ISRP-Register" in notes["Quelle"]
    assert response.headers["content-disposition"] == 'attachment; filename="luecken.xlsx"'


def test_process_and_map(client: TestClient) -> None:
    assert len(check_downloads(client, "/prozess", {})) > 1
    milestones = check_downloads(client, "/prozess", {"tabelle": "meilensteine"}, html_params={})
    assert milestones[0] == ["Nr.", "Meilenstein", "erreicht durch", "Datum"] and len(milestones) > 1
    book = openpyxl.load_workbook(io.BytesIO(client.get("/prozess", params={"format": "xlsx"}).content))
    assert [s.title for s in book.worksheets][1:] == ["Meilensteine und der Schritt…", "Hinweise"]
    assert sheet_rows(bytes_of(book), 1) == milestones  # steps and milestones in one workbook
    assert check_downloads(client, "/karte", {})[0][0] == "Ortsteil"


def test_matrix_sheets_evidence_and_matrix_csv(client: TestClient) -> None:
    evidence = check_downloads(client, "/schnittstellen", {"beispiele": "1"}, sheet=2)
    assert len(evidence) > 1
    matrix_csv = csv_rows(
        client.get(
            "/schnittstellen", params={"beispiele": "1", "format": "csv", "excel": "1", "tabelle": "matrix"}
        ).text[1:],
        ";",
    )
    book = openpyxl.load_workbook(
        io.BytesIO(client.get("/schnittstellen", params={"beispiele": "1", "format": "xlsx"}).content)
    )
    assert [s.title for s in book.worksheets][1:] == [
        "Schlüssel der Abkürzungen",
        "Alle erklärten Beziehungen…",
        "Hinweise",
    ]
    matrix, key, listed = (sheet_rows(bytes_of(book), i) for i in range(3))
    assert matrix == matrix_csv
    page = client.get("/schnittstellen", params={"beispiele": "1"}).text
    key_rows = next(rows for header, rows in page_tables(page) if header == ["Abkürzung", "Planung"])
    assert key[1:] == key_rows  # the key as on the page
    assert [row[0] for row in matrix[1:]] == [row[1] for row in key_rows]  # row heads: the plans
    assert matrix[0][1:] == [row[0] for row in key_rows]  # column heads: their abbreviations
    assert all(matrix[i][i] == "–" for i in range(1, len(matrix)))  # the diagonal
    assert listed == evidence
    only = {
        name: openpyxl.load_workbook(
            io.BytesIO(
                client.get(
                    "/schnittstellen", params={"beispiele": "1", "format": "xlsx", "tabelle": name}
                ).content
            )
        )
        for name in ("matrix", "belege")
    }
    assert [s.title for s in only["matrix"].worksheets][1:] == ["Schlüssel der Abkürzungen", "Hinweise"]
    assert sheet_rows(bytes_of(only["matrix"])) == matrix and sheet_rows(bytes_of(only["belege"])) == evidence
    assert "tabelle=belege" in page and "tabelle=matrix" in page


def bytes_of(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_validation_report_has_one_row_per_finding(client: TestClient) -> None:
    page = client.get("/pruefung", headers={"accept": "text/html"}).text
    findings = len(re.findall(r'<li class="sev-', page))
    excel = client.get("/pruefung", params={"format": "csv", "excel": "1"})
    rows = csv_rows(excel.text[1:], ";")
    assert excel.text.startswith("\ufeff") and rows[0][:4] == [
        "Eintrag",
        "Art des Eintrags",
        "Federführende Stelle",
        "Schwere",
    ]
    assert len(rows) - 1 == findings > 0
    workbook = client.get("/pruefung", params={"format": "xlsx"}).content
    assert sheet_rows(workbook) == rows
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    assert book.sheetnames[1:] == [
        "Befunde nach Schwere",
        "Befunde nach Art des Eintrags",
        "Befunde nach federführender…",
        "Hinweise",
    ]
    by_severity = {row[0]: row[1] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert sum(by_severity.values()) == findings and by_severity["Verstoß"] >= 1
    assert 'data-format="xlsx"' in page
    only = client.get("/pruefung", params={"format": "xlsx", "schwere": "Violation"})
    kept = sheet_rows(only.content)[1:]
    assert kept and {row[3] for row in kept} == {"Verstoß"}


def test_sparql_page_and_endpoint(client: TestClient) -> None:
    rows = check_downloads(client, "/abfrage", {"query": SELECT})
    assert rows[0] == ["label"] and len(rows) > 1
    chosen = client.get("/abfrage", params={"query": SELECT, "ausgabe": "xlsx"})
    assert chosen.headers["content-type"] == MEDIA_TYPE and sheet_rows(chosen.content) == rows
    semicolons = client.get("/abfrage", params={"query": SELECT, "ausgabe": "csv-excel"}).text
    assert semicolons.startswith("\ufefflabel\r\n")
    for response in (
        client.get("/sparql", params={"query": SELECT, "format": "xlsx"}),
        client.get("/sparql", params={"query": SELECT}, headers={"accept": MEDIA_TYPE}),
    ):
        assert response.status_code == 200 and response.headers["content-type"] == MEDIA_TYPE
        assert sheet_rows(response.content) == rows
    w3c = client.get("/sparql", params={"query": SELECT}, headers={"accept": "text/csv"})
    assert w3c.text.startswith("label\r\n")  # the protocol's CSV is unchanged
    construct = client.get(
        "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "format": "xlsx"}
    )
    assert construct.status_code == 406 and "nur für SELECT" in construct.text


def test_sparql_numbers_are_numbers_and_texts_stay_texts(client: TestClient) -> None:
    query = 'SELECT ?n ?d ?t WHERE { VALUES (?n ?d ?t) { (42 2.5 "007") } }'
    for response in (
        client.get("/abfrage", params={"query": query, "format": "xlsx"}),
        client.get("/sparql", params={"query": query, "format": "xlsx"}),
    ):
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
        n, d, text = sheet[2]
        assert (n.value, n.data_type) == (42, "n") and (d.value, d.data_type) == (2.5, "n")
        assert (text.value, text.data_type) == ("007", "s")


def test_cycle_pages(cycle_client: TestClient) -> None:
    assert len(check_downloads(cycle_client, "/wirkung", {"beispiele": "1"})) > 1
    page = cycle_client.get("/wirkung", params={"beispiele": "1"}, headers={"accept": "text/html"}).text
    book = openpyxl.load_workbook(
        io.BytesIO(cycle_client.get("/wirkung", params={"beispiele": "1", "format": "xlsx"}).content)
    )
    transitions = sheet_rows(bytes_of(book), 1)
    same_as_page(page, transitions[0], transitions[1:])  # the diagram's numbers as a second sheet
    data = cycle_client.get("/prioritaeten", params={"beispiele": "1", "format": "json"}).json()
    assert data["sessions"]
    rows = check_downloads(
        cycle_client, "/prioritaeten", {"beispiele": "1", "tabelle": "1"}, html_params={"beispiele": "1"}
    )
    assert len(rows) > 1
    book = openpyxl.load_workbook(
        io.BytesIO(cycle_client.get("/prioritaeten", params={"beispiele": "1", "format": "xlsx"}).content)
    )
    assert len(book.worksheets) == len(data["sessions"]) + 1  # every session's table, then the notes


# --- formulas stay text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path,params",
    [
        ("/uebersicht", {}),
        ("/schnittstellen", {"beispiele": "1"}),
        ("/prozess", {}),
        ("/pruefung", {}),
        ("/abfrage", {"query": LABEL_QUERY}),
        ("/sparql", {"query": LABEL_QUERY}),
    ],
)
def formula_cells_are_text(content: bytes) -> None:
    """The workbook holds formula-like labels (``=HYPERLINK(…)``, ``+1+1…``), every one a string cell,
    and no formula at all."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    evil = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "@", "+", "-"))]
    assert evil, [c.value for c in cells][:30]  # the poisoned labels reached the workbook
    assert all(c.data_type == "s" for c in evil)
    assert all(c.data_type != "f" for c in cells)
    archive = zipfile.ZipFile(io.BytesIO(content))
    sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and all(b"<f>" not in archive.read(n) for n in sheets)  # no formula element at all


@pytest.mark.parametrize(
    "path,params",
    [
        ("/uebersicht", {}),
        ("/schnittstellen", {"beispiele": "1"}),
        ("/pruefung", {}),
        ("/abfrage", {"query": LABEL_QUERY}),
        ("/sparql", {"query": LABEL_QUERY}),
    ],
)
def test_formula_labels_stay_strings_in_xlsx(
    evil_client: TestClient, path: str, params: dict[str, str]
) -> None:
    response = evil_client.get(path, params={**params, "format": "xlsx"})
    assert response.status_code == 200, response.text[:300]
    formula_cells_are_text(response.content)


@pytest.mark.parametrize("path", ["/luecken", "/ueberschneidungen"])
def test_formula_labels_stay_strings_in_analysis_workbooks(
    evil_analysis_client: TestClient, path: str
) -> None:
    response = evil_analysis_client.get(path, params={"format": "xlsx", **DAY})
    assert response.status_code == 200, response.text[:300]
    formula_cells_are_text(response.content)
    csv_text = evil_analysis_client.get(path, params={"format": "csv", "excel": "1", **DAY}).text
    assert f"'{EVIL}".replace('"', '""') in csv_text  # and the CSV neutralises them with a quote


def test_download_file_names_are_safe() -> None:
    assert safe_filename("Lücken: Übersicht/2025") == "Luecken-Uebersicht-2025"
    assert safe_filename('x"; filename=evil.exe\r\n') == "x-filename-evil.exe"
    assert safe_filename("../..") == "tabelle"


def test_named_query_as_xlsx(client: TestClient) -> None:
    names = [
        q["name"]
        for q in client.get("/api/v1/queries").json()
        if not any(p["default"] is None for p in q["parameters"])
    ]
    name = names[0]
    plain = client.get(f"/api/v1/queries/{name}", params={"format": "csv"})
    book = client.get(f"/api/v1/queries/{name}", params={"format": "xlsx"})
    assert book.status_code == 200 and book.headers["content-type"] == MEDIA_TYPE
    assert values(sheet_rows(book.content)) == values(csv_rows(plain.text, ","))


def test_openapi_documents_the_table_formats(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    sparql = schema["paths"]["/sparql"]["get"]
    assert any(p["name"] == "format" and p["schema"]["enum"] == ["xlsx"] for p in sparql["parameters"])
    assert MEDIA_TYPE in sparql["responses"]["200"]["content"]
    named = schema["paths"]["/api/v1/queries/{name}"]["get"]
    assert "xlsx" in next(p for p in named["parameters"] if p["name"] == "format")["schema"]["enum"]
    for path in ("/aenderungen", "/staende/vergleich"):
        operation = schema["paths"][path]["get"]
        assert "xlsx" in next(p for p in operation["parameters"] if p["name"] == "format")["schema"]["enum"]
        assert MEDIA_TYPE in operation["responses"]["200"]["content"]


def test_changes_and_release_diff() -> None:
    from isrp_graph.changes.releases import create_release
    from tests.api.test_changes_pages import add_task

    store = fixture_store()
    try:
        client = TestClient(create_app(settings(), store=store))
        create_release(store, "Stand 1", "Prüferin", note="vorher")
        add_task(store, '=HYPERLINK("http://evil.invalid","Aufgabe")')
        for path, params in (("/aenderungen", {}), ("/staende/vergleich", {"a": "Stand 1"})):
            page = client.get(path, params=params, headers={"accept": "text/html"}).text
            assert 'data-format="xlsx"' in page and 'data-format="csv"' in page
            excel = client.get(path, params={**params, "format": "csv"})  # Excel CSV stays the default here
            rows = csv_rows(excel.text[1:], ";")
            assert excel.text.startswith("\ufeff") and len(rows) > 1
            assert any(c.startswith("'=HYPERLINK") for row in rows for c in row)
            assert (
                csv_rows(client.get(path, params={**params, "format": "csv", "excel": "0"}).text, ",") == rows
            )
            book = client.get(path, params={**params, "format": "xlsx"})
            assert book.headers["content-type"] == MEDIA_TYPE
            back = sheet_rows(book.content)
            assert len(back) == len(rows) and back[0] == rows[0]
            formula_cells_are_text(book.content)
        at_release = client.get("/uebersicht", params={"stand": "Stand 1", "format": "xlsx"})
        notes = openpyxl.load_workbook(io.BytesIO(at_release.content)).worksheets[-1]
        assert ("Stand des Registers", "Stand 1") in list(notes.iter_rows(values_only=True))
    finally:
        store.close()


def test_map_workbook_holds_every_table_of_the_map_page(built_registry) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(settings(result_limit=10000), store=built_registry))
    page = client.get("/karte", headers={"accept": "text/html"}).text
    book = openpyxl.load_workbook(io.BytesIO(client.get("/karte", params={"format": "xlsx"}).content))
    shown = page_tables(page)
    assert len(book.worksheets) == len(shown) + 1  # every table of the page, then the notes
    for sheet, (header, rows) in zip(book.worksheets, shown, strict=False):
        back = sheet_rows(bytes_of_sheet(sheet))
        # the page lists several items of a cell with commas, the downloads with semicolons
        assert back[0] == header and values(commas(back[1:])) == values(commas(rows))
    assert len(shown[0][1]) >= 50  # the Ortsteile of Erfurt


def commas(rows: list[list[str]]) -> list[list[str]]:
    return [[c.replace("; ", ", ") for c in row] for row in rows]


def bytes_of_sheet(sheet) -> bytes:  # type: ignore[no-untyped-def]
    book = openpyxl.Workbook()
    target = book.active
    for row in sheet.iter_rows(values_only=True):
        target.append(["" if v is None else str(v) for v in row])
    return bytes_of(book)


def test_variants_as_xlsx(built_registry) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(settings(), store=built_registry))
    form = client.get("/karte/varianten").text
    assert "format=xlsx" in form and "Als Tabelle für Excel (.xlsx)" in form
    data = {"text": "Ost: Krämpfervorstadt"}
    plain = client.post("/karte/varianten?format=csv", data=data)
    book = client.post("/karte/varianten?format=xlsx", data=data)
    assert book.status_code == 200 and book.headers["content-type"] == MEDIA_TYPE
    assert values(sheet_rows(book.content)) == values(csv_rows(plain.text, ","))


def test_validation_downloads_while_the_report_runs_say_503(monkeypatch, built_registry) -> None:  # type: ignore[no-untyped-def]
    """A download asked for while the Prüfbericht is still being computed answers 503 like JSON
    (before: 406 "format not offered", as if the page had no table)."""
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
        for fmt in ("csv", "xlsx"):
            assert client.get("/pruefung", params={"format": fmt}).status_code == 503
    finally:
        release.set()


def test_entry_names_link_to_their_pages(client: TestClient) -> None:
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get("/uebersicht", params={"format": "xlsx"}).content)
    ).worksheets[0]
    linked = {c.value: c.hyperlink.target for c in sheet["A"][1:] if c.hyperlink}
    assert linked["Jugendhilfeplanung"] == "http://testserver/erfurt/plan/jugendhilfeplanung"
    assert client.get(linked["Jugendhilfeplanung"], headers={"accept": "text/html"}).status_code == 200
    assert sheet["A2"].font.bold and sheet["A2"].font.underline == "single"
