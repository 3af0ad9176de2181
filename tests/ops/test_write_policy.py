"""Uploads may write only data and import graphs: shapes, ontology, vocabularies, provenance and any
other graph named inside a TriG/N-Quads file are refused with 403 naming the graph; nothing changes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import URIRef

from isrp_graph.write_policy import check_writable, is_writable
from isrp_graph.writes import WriteError
from tests.api.conftest import TOKEN

AUTH = {"authorization": f"Bearer {TOKEN}"}
G = "https://w3id.org/isrp/graph/"
TRIPLE = '<https://w3id.org/isrp/x> <http://www.w3.org/2000/01/rdf-schema#label> "x"'


@pytest.mark.parametrize(
    "graph",
    [
        G + "ontology/shapes/test",
        G + "ontology/shapes/isrp-shapes",
        G + "ontology/isrp",
        G + "ontology/vocabularies/topics",
        G + "provenance",
        G + "changesets/1",
        G + "release/2026-01",
        G + "data/",
        G + "import/",
        "http://example.org/mine",
    ],
)
def test_not_writable(graph: str) -> None:
    assert not is_writable(graph)
    with pytest.raises(WriteError) as caught:
        check_writable(URIRef(graph), "en")
    assert graph in caught.value.message("en") and graph in caught.value.message("de")


@pytest.mark.parametrize("graph", [G + "data/erfurt/plans", G + "import/kommune-x"])
def test_writable(graph: str) -> None:
    assert is_writable(graph)
    check_writable(URIRef(graph))


@pytest.mark.parametrize(
    "filename,body",
    [
        ("shapes.nq", f"{TRIPLE} <{G}ontology/shapes/test> .\n"),
        ("shapes.trig", f"<{G}ontology/shapes/test> {{ {TRIPLE} . }}\n"),
        ("prov.nq", f"{TRIPLE} <{G}provenance> .\n"),
        ("onto.trig", f"<{G}ontology/isrp> {{ {TRIPLE} . }}\n"),
        ("other.nq", f"{TRIPLE} <http://example.org/g> .\n"),
    ],
)
def test_upload_naming_a_protected_graph_is_refused(client: TestClient, store, filename, body) -> None:  # type: ignore[no-untyped-def]
    quads = sorted(map(str, store.dataset_quads()))
    response = client.post(
        "/api/v1/upload", params={"filename": filename}, content=body.encode(), headers=AUTH
    )
    assert response.status_code == 403, response.text
    graph = body.split("<")[-1].split(">")[0] if filename.endswith(".nq") else body[1:].split(">")[0]
    assert graph in response.json()["error"]
    assert sorted(map(str, store.dataset_quads())) == quads


def test_form_upload_of_the_shapes_graph_is_refused(client: TestClient, store) -> None:  # type: ignore[no-untyped-def]
    quads = sorted(map(str, store.dataset_quads()))
    response = client.post(  # the API route (a bearer token needs no CSRF field)
        "/api/v1/upload",
        params={"filename": "s.nq"},
        content=f"{TRIPLE} <{G}ontology/shapes/test> .\n".encode(),
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 403
    assert "ontology/shapes/test" in response.text
    assert sorted(map(str, store.dataset_quads())) == quads
