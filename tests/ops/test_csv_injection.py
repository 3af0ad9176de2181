"""CSV formula injection (OWASP): labels such as ``=HYPERLINK(…)``, ``@SUM(…)``, ``+…``, ``-…`` leave
every CSV route for tables and Excel with a leading ``'``; the W3C SPARQL CSV of ``/sparql`` stays as
the specification says (values unchanged)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from api.app import create_app
from isrp_graph import csv_safe
from isrp_graph.analyses.table import Table
from isrp_graph.report import write_report
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import DATA_GRAPH, fixture_store, settings

EVIL = ('=HYPERLINK("http://evil.invalid","x")', "@SUM(1+1)", "+1+1", "-2+3", "\tTAB", "\rCR")
LABEL_QUERY = "SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"


def poisoned_store() -> EmbeddedStore:
    """The web test registry with every label turned into a formula."""
    store = fixture_store()
    graph = store.get_graph(DATA_GRAPH)
    labelled = sorted({(s, p, o) for p in (RDFS.label, SKOS.prefLabel) for s, o in graph.subject_objects(p)})
    for index, (s, p, o) in enumerate(labelled):
        graph.remove((s, p, o))
        lang = o.language if isinstance(o, Literal) else None
        graph.add((s, p, Literal(EVIL[index % len(EVIL)] + str(o), lang=lang)))
    store.replace_graphs({DATA_GRAPH: graph})
    return store


@pytest.fixture(scope="module")
def evil_store() -> Iterator[EmbeddedStore]:
    store = poisoned_store()
    yield store
    store.close()


@pytest.fixture(scope="module")
def evil_client(evil_store: EmbeddedStore) -> TestClient:
    return TestClient(create_app(settings(), store=evil_store))


def cells(text: str) -> list[str]:
    text = text.lstrip("\ufeff")
    delimiter = ";" if text.split("\r\n", 1)[0].count(";") > text.split("\r\n", 1)[0].count(",") else ","
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


def assert_neutralised(text: str) -> None:
    found = cells(text)
    dangerous = [c for c in found if c.startswith(csv_safe.FORMULA_STARTS) and csv_safe.neutralise(c) != c]
    assert dangerous == []
    assert any(c.startswith(("'=", "'@", "'+", "'-", "'\t", "'\r")) for c in found), found[:20]


def test_neutralise_and_restore() -> None:
    for evil in EVIL:
        assert csv_safe.neutralise(evil) == "'" + evil
        assert csv_safe.restore(csv_safe.neutralise(evil)) == evil
    for plain in ("-3", "+1,5", "-0.25", "1.234,5", "12%", "Amt", "", "'quoted"):
        assert csv_safe.neutralise(plain) == plain
        assert csv_safe.restore(plain) == plain


@pytest.mark.parametrize(
    "path,params",
    [
        ("/uebersicht", {"format": "csv"}),
        ("/uebersicht", {"format": "csv", "excel": "1"}),
        ("/schnittstellen", {"format": "csv"}),
        ("/prozess", {"format": "csv"}),
        ("/abfrage", {"query": LABEL_QUERY, "format": "csv"}),
        ("/abfrage", {"query": LABEL_QUERY, "format": "csv", "excel": "1"}),
    ],
)
def test_page_csv_is_neutralised(evil_client: TestClient, path: str, params: dict[str, str]) -> None:
    response = evil_client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert_neutralised(response.text)


def test_named_query_csv_is_neutralised(evil_client: TestClient) -> None:
    names = [q["name"] for q in evil_client.get("/api/v1/queries").json()]
    bodies = []
    for name in names:
        response = evil_client.get(f"/api/v1/queries/{name}", params={"format": "csv"})
        if response.status_code == 200:
            bodies.append(response.text)
            found = cells(response.text)
            assert [c for c in found if csv_safe.neutralise(c) != c] == []
    assert any("'=" in body or "'@" in body for body in bodies)


def test_sparql_protocol_csv_stays_w3c(evil_client: TestClient) -> None:
    response = evil_client.get("/sparql", params={"query": LABEL_QUERY}, headers={"accept": "text/csv"})
    assert response.status_code == 200
    assert any(c.startswith("=HYPERLINK") for c in cells(response.text))


def test_report_folder_csv_is_neutralised(evil_store: EmbeddedStore, tmp_path) -> None:  # type: ignore[no-untyped-def]
    write_report(evil_store, tmp_path)
    texts = [p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv")]
    assert texts
    for text in texts:
        assert [c for c in cells(text) if csv_safe.neutralise(c) != c] == []
    table = Table("t", "T", ("a",), (("=1+1",), ("-5",)))
    assert cells(table.to_csv()) == ["a", "'=1+1", "-5"]
