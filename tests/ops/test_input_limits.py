"""Bad and oversized input: every case gets a clear 4xx in German and English naming the file, sheet,
row or cell, never a 500, never a server path, and the store stays as it was."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from api.app import create_app
from isrp_graph.spreadsheets.export import export_workbook
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import TOKEN, fixture_store, settings

AUTH = {"authorization": f"Bearer {TOKEN}"}
TTL = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"


def quads(store: EmbeddedStore) -> list[str]:
    return sorted(map(str, store.dataset_quads()))


def workbook(store: EmbeddedStore, folder: Path) -> Path:
    path = folder / "mappe.xlsx"
    export_workbook(store, path)
    return path


def upload(client: TestClient, name: str, data: bytes, lang: str = "de"):  # type: ignore[no-untyped-def]
    return client.post(
        "/api/v1/upload", params={"filename": name, "lang": lang}, content=data, headers=AUTH
    )


def limited_client(store: EmbeddedStore, **limits: int) -> TestClient:
    return TestClient(create_app(settings(**limits), store=store))


@pytest.mark.parametrize("cached", [False, True])
def test_formula_cells_are_refused_by_cell(client: TestClient, store, tmp_path, cached) -> None:  # type: ignore[no-untyped-def]
    """openpyxl writes formulas without a cached value: they were read as empty and deleted the label.
    With a cached value (as Excel saves it) they are refused as well: a formula is never a value."""
    path = workbook(store, tmp_path)
    book = load_workbook(path)
    sheet = book["Fachplanung"]
    assert sheet["B2"].value == "Integrierter Sozialraumplan"
    sheet["B2"] = '="Integrierter "&"Sozialraumplan"'
    book.save(path)
    data = path.read_bytes()
    if cached:  # put a cached result into the cell's XML as Excel would
        data = _with_cached_value(data, "Integrierter Sozialraumplan")
    before = quads(store)
    for lang, word in (("de", "Formel"), ("en", "formula")):
        response = upload(client, "mappe.xlsx", data, lang)
        assert response.status_code == 422, response.text
        errors = response.json()["errors"]
        assert any("Fachplanung" in e and "B" in e and "2" in e and word in e for e in errors), errors
    assert quads(store) == before


def _with_cached_value(xlsx: bytes, value: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet") and b"<f>" in content:
                content = content.replace(b"</f><v></v>", b"</f>").replace(
                    b"</f>", b"</f><v>" + value.encode() + b"</v>", 1
                ).replace(b't="str"', b't="str"', 1)
            target.writestr(info, content)
    return out.getvalue()


def test_broken_crc_is_a_clear_4xx(client: TestClient, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(workbook(store, tmp_path).read_bytes())
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF  # damage the compressed sheet in place
    before = quads(store)
    response = upload(client, "kaputt.xlsx", bytes(data))
    assert response.status_code in (400, 422), response.text
    assert "kaputt.xlsx" in response.json()["error"] and "/tmp" not in response.json()["error"]
    assert quads(store) == before


@pytest.mark.parametrize(
    "name,data",
    [
        ("leer.xlsx", b""),
        ("text.xlsx", b"not a zip at all"),
        ("fremd.xlsx", _zip := (lambda: (lambda b: (zipfile.ZipFile(b, "w").writestr("a.txt", "x"), b)[1])(
            io.BytesIO()
        ))().getvalue()),
        ("x.ttl", b"<a> <b> ."),
        ("x.ttl", TTL.encode() + b'<https://w3id.org/isrp/x> rdfs:label "\xff" .'),
        ("x.nq", b'<http://a> <http://b> "c" <not an iri> .'),
        ("x.jsonld", b'{"@id": 5}'),
        ("x.rdf", b"<rdf:RDF"),
        ("x.unknown", b"whatever"),
        ("../../etc/passwd.xlsx", b"PK\x03\x04"),
        ("x.csv", b"IRI;Fachplanung\n<http://a b>;x\n"),
        ("x.csv", b"IRI;Fachplanung\nhttp://exa mple.org/\x00;x\n"),
    ],
)
def test_bad_input_is_4xx_never_500(client: TestClient, store, name, data) -> None:  # type: ignore[no-untyped-def]
    before = quads(store)
    for lang in ("de", "en"):
        response = upload(client, name, data, lang)
        assert 400 <= response.status_code < 500, (response.status_code, response.text)
        text = response.text
        assert "/tmp/" not in text and "Traceback" not in text and "Errno" not in text
    assert quads(store) == before


def test_request_body_limit(store) -> None:  # type: ignore[no-untyped-def]
    client = limited_client(store, max_request_bytes=1000)
    before = quads(store)
    response = upload(client, "gross.ttl", TTL.encode() + b"#" * 2000)
    assert response.status_code == 413
    assert "max_request_bytes" in response.json()["error"] and "1000" in response.json()["error"]

    def chunks():  # no Content-Length: counted while it streams in
        yield TTL.encode()
        for _ in range(10):
            yield b"#" * 500

    streamed = client.post(
        "/api/v1/upload", params={"filename": "gross.ttl"}, content=chunks(), headers=AUTH
    )
    assert streamed.status_code == 413
    form = client.post(
        "/bearbeiten/hochladen",
        data={"token": TOKEN},
        files={"file": ("gross.ttl", b"#" * 5000, "text/turtle")},
    )
    assert form.status_code == 413 and "max_request_bytes" in form.text
    assert quads(store) == before


def test_triples_per_upload_limit(store) -> None:  # type: ignore[no-untyped-def]
    client = limited_client(store, max_upload_triples=5)
    body = TTL + "".join(f'<https://w3id.org/isrp/x/{i}> rdfs:label "x{i}" .\n' for i in range(6))
    before = quads(store)
    response = upload(client, "viele.ttl", body.encode(), "en")
    assert response.status_code == 413
    assert "viele.ttl" in response.json()["error"] and "max_upload_triples" in response.json()["error"]
    assert quads(store) == before


def test_sheet_rows_limit(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client = limited_client(store, max_sheet_rows=2)
    response = upload(client, "mappe.xlsx", workbook(store, tmp_path).read_bytes())
    assert response.status_code == 413
    error = response.json()["error"]
    assert "Fachplanung" in error and "max_sheet_rows" in error
    csv_rows = "IRI;Fachplanung\n" + "".join(f"erfurt:plan/p{i};P{i}\n" for i in range(3))
    assert upload(client, "liste.csv", csv_rows.encode()).status_code == 413


def test_zip_bomb_is_refused_before_it_is_unpacked(store) -> None:  # type: ignore[no-untyped-def]
    client = limited_client(store, max_workbook_unpacked_bytes=1_000_000)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 5_000_000)
    assert len(bomb.getvalue()) < 20_000
    response = upload(client, "bombe.xlsx", bomb.getvalue())
    assert response.status_code == 413
    assert "bombe.xlsx" in response.json()["error"]


def test_error_list_is_capped(store) -> None:  # type: ignore[no-untyped-def]
    client = limited_client(store, max_listed_errors=3)
    rows = "IRI;Fachplanung\n" + "".join(f"kein iri {i};P{i}\n" for i in range(10))
    response = upload(client, "fehler.csv", rows.encode())
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert len(errors) == 4 and "weitere" in errors[-1] and "max_listed_errors" in errors[-1]


def test_limits_are_settings(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from isrp_graph.settings import SettingsError, load_settings

    loaded = load_settings({"ISRP_MAX_REQUEST_BYTES": "1234", "ISRP_MAX_SHEET_ROWS": "7"}, config_path=None)
    assert loaded.max_request_bytes == 1234 and loaded.max_sheet_rows == 7
    with pytest.raises(SettingsError):
        load_settings({"ISRP_MAX_UPLOAD_TRIPLES": "0"})


def test_fresh_store_fixture_is_not_shared() -> None:
    assert len(fixture_store()) > 0


# --- fuzzing: random CSV cells and RDF bytes never give a 500 ------------------------------------

FUZZ = hypothesis_settings(
    max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["erfurt:plan/isrp", "<http://a b>", "http://x/\x00", "urn:", "erfurt:", "=1+1", "-"]),
)


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=4), max_size=5))
def test_fuzzed_csv_upload_never_500(rows) -> None:  # type: ignore[no-untyped-def]
    store = fixture_store()
    client = TestClient(create_app(settings(), store=store))
    lines = ["IRI;Fachplanung;Aufgaben"] + [";".join(r) for r in rows]
    response = upload(client, "fuzz.csv", "\n".join(lines).encode("utf-8", "surrogatepass"))
    assert response.status_code < 500, response.text
    store.close()


@FUZZ
@given(
    data=st.binary(max_size=200),
    suffix=st.sampled_from([".ttl", ".trig", ".nq", ".nt", ".jsonld", ".rdf", ".xlsx", ".csv"]),
)
def test_fuzzed_rdf_and_workbook_bytes_never_500(data: bytes, suffix: str) -> None:
    store = fixture_store()
    client = TestClient(create_app(settings(), store=store))
    response = upload(client, "fuzz" + suffix, data)
    assert response.status_code < 500, response.text
    store.close()
