"""The SPARQL endpoint as a researcher uses it: SPARQLWrapper against a really running uvicorn server."""

from __future__ import annotations

import csv
import io
import urllib.error

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.api.conftest import LiveServer

PLANS = """PREFIX isrp: <https://w3id.org/isrp/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?plan ?label WHERE { ?plan a isrp:SectoralPlan ; rdfs:label ?label FILTER(LANG(?label) = "de") }
ORDER BY ?label"""


def endpoint(server: LiveServer, fmt: str = JSON) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(f"{server.url}/sparql")
    wrapper.setReturnFormat(fmt)
    return wrapper


def test_select_json(live_server: LiveServer) -> None:
    sparql = endpoint(live_server)
    sparql.setQuery(PLANS)
    rows = sparql.queryAndConvert()["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["Jugendhilfeplanung", "Sozialplanung"]


def test_select_xml_and_csv(live_server: LiveServer) -> None:
    sparql = endpoint(live_server, XML)
    sparql.setQuery(PLANS)
    document = sparql.queryAndConvert()
    assert len(document.getElementsByTagName("result")) == 2
    sparql = endpoint(live_server, CSV)
    sparql.setQuery(PLANS)
    table = list(csv.reader(io.StringIO(sparql.queryAndConvert().decode("utf-8"))))
    assert table[0] == ["plan", "label"] and len(table) == 3


def test_construct_turtle(live_server: LiveServer) -> None:
    sparql = endpoint(live_server, TURTLE)
    sparql.setQuery(
        "CONSTRUCT { ?p a <https://w3id.org/isrp/def#SectoralPlan> } "
        "WHERE { ?p a <https://w3id.org/isrp/def#SectoralPlan> }"
    )
    body = sparql.queryAndConvert()
    graph = Graph().parse(data=body, format="turtle")
    assert len(graph) == 2


def test_ask_and_post(live_server: LiveServer) -> None:
    sparql = endpoint(live_server)
    sparql.setMethod(POST)
    sparql.setQuery("ASK { ?r a <https://w3id.org/isrp/def#Delimitation> }")
    assert sparql.queryAndConvert()["boolean"] is True
    sparql.setQuery(PLANS)
    assert len(sparql.queryAndConvert()["results"]["bindings"]) == 2


def test_syntax_error_is_reported(live_server: LiveServer) -> None:
    sparql = endpoint(live_server)
    sparql.setQuery("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed):
        sparql.queryAndConvert()


def test_result_cap_gives_clear_error(live_server: LiveServer) -> None:
    sparql = endpoint(live_server)
    sparql.setQuery("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryBadFormed) as caught:
        sparql.queryAndConvert()
    assert "mehr als 100" in str(caught.value) and "LIMIT" in str(caught.value)


def test_timeout_gives_clear_error(live_server: LiveServer) -> None:
    sparql = endpoint(live_server)
    sparql.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    with pytest.raises(urllib.error.HTTPError) as caught:  # SPARQLWrapper passes 503 through as is
        sparql.queryAndConvert()
    assert caught.value.code == 503
    assert "abgebrochen" in caught.value.read().decode("utf-8")


def test_update_is_refused(live_server: LiveServer) -> None:
    sparql = endpoint(live_server)
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 403
    assert "schreibgeschützt" in caught.value.read().decode("utf-8")
