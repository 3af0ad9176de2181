"""The start page's counts, the process (/prozess, /api/v1/process) and the map (/karte) per
municipality, on a store with Erfurt and the invented Musterstadt (tests/kommunen_fixture.ttl) plus,
for these tests only, an invented Musterstadt process step and spatial system (marked as examples)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import settings
from fastapi.testclient import TestClient
from kommunen_fixture import ERFURT, MUSTERSTADT, two_municipality_store
from rdflib import Graph, URIRef

from api.app import create_app
from isrp_graph.analyses.basis import example_counts, number_text
from isrp_graph.entries import process
from isrp_graph.registry import summary
from isrp_graph.store import EmbeddedStore

EXTRA = """
@prefix isrp: <https://w3id.org/isrp/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@base <https://w3id.org/isrp/musterstadt/> .

<step/1> a isrp:ProcessStep ; isrp:municipality <org/stadt-musterstadt> ; isrp:stepNumber 1 ;
    rdfs:label "Musterstadt-Schritt: Planerrunde"@de ; isrp:scheduleLabel "03/2025" ;
    isrp:illustrative true ; skos:editorialNote "Erfunden für die Tests des Kommunen-Filters."@de ;
    dcterms:source <source/testdaten> .
<spatial-system/ortsteile> a isrp:SpatialSystem ; isrp:municipality <org/stadt-musterstadt> ;
    rdfs:label "Musterstadt-Ortsteile"@de ;
    isrp:illustrative true ; skos:editorialNote "Erfunden für die Tests des Kommunen-Filters."@de ;
    dcterms:source <source/testdaten> .
<area/musterdorf> a isrp:SpatialUnit ; isrp:municipality <org/stadt-musterstadt> ;
    rdfs:label "Musterstadt-Musterdorf"@de ; isrp:inSpatialSystem <spatial-system/ortsteile> ;
    isrp:illustrative true ; skos:editorialNote "Erfunden für die Tests des Kommunen-Filters."@de ;
    dcterms:source <source/testdaten> .
"""
MUSTER_SYSTEM = "https://w3id.org/isrp/musterstadt/spatial-system/ortsteile"
MUSTER_STEP = "Musterstadt-Schritt: Planerrunde"


@pytest.fixture(scope="module")
def store() -> Iterator[EmbeddedStore]:
    made = two_municipality_store()
    made.replace_graph(URIRef("https://w3id.org/isrp/graph/tests/kommunen_extra"), Graph().parse(data=EXTRA))
    yield made
    made.close()


@pytest.fixture(scope="module")
def both(store: EmbeddedStore) -> TestClient:
    return TestClient(create_app(settings(), store=store))


@pytest.fixture(scope="module")
def erfurt(store: EmbeddedStore) -> TestClient:
    return TestClient(create_app(settings(kommune=("erfurt",)), store=store))


def _counts(store: EmbeddedStore, kommunen: tuple[str, ...] = ()) -> dict[str, int]:
    return {c["curie"]: c["count"] for c in summary(store, "de", kommunen)["classes"] if c["count"]}


def test_the_counts_of_one_municipality(store: EmbeddedStore) -> None:
    every, erfurt, muster = _counts(store), _counts(store, (ERFURT,)), _counts(store, (MUSTERSTADT,))
    assert every["isrp:SectoralPlan"] == erfurt["isrp:SectoralPlan"] + muster["isrp:SectoralPlan"]
    assert muster["isrp:SectoralPlan"] >= 2 and "isrp:ProcessStep" in muster
    # shared entries (funding schemes have no municipality) count for each
    assert every["isrp:FundingScheme"] == erfurt["isrp:FundingScheme"] == muster["isrp:FundingScheme"]
    assert sum(example_counts(store, (ERFURT,)).values()) < sum(example_counts(store).values())


def test_the_start_page_counts_the_installation(
    both: TestClient, erfurt: TestClient, store: EmbeddedStore
) -> None:
    """Every Musterstadt entry is an example: an Erfurt installation counts fewer examples apart."""

    def examples(kommunen: tuple[str, ...]) -> str:
        counts, marked = _counts(store, kommunen), example_counts(store, kommunen)
        n = sum(marked.get("https://w3id.org/isrp/def#" + c[5:], 0) for c in counts)
        return f"Dazu {number_text(n, 'de')} als Beispiel markierte Einträge"

    assert examples((ERFURT,)) != examples(())
    assert examples((ERFURT,)) in erfurt.get("/").text
    assert examples(()) in both.get("/").text


def test_the_process_of_one_municipality(store: EmbeddedStore) -> None:
    every = {s.label for s in process(store, "de").steps}
    erfurt = {s.label for s in process(store, "de", (ERFURT,)).steps}
    muster = {s.label for s in process(store, "de", (MUSTERSTADT,)).steps}
    assert MUSTER_STEP in every and MUSTER_STEP not in erfurt and muster == {MUSTER_STEP}
    assert erfurt == every - muster and len(process(store, "de", (ERFURT,)).phases) > 0


def test_the_process_pages_keep_to_the_scope(both: TestClient, erfurt: TestClient) -> None:
    assert MUSTER_STEP in both.get("/prozess").text
    assert MUSTER_STEP not in erfurt.get("/prozess").text
    steps = both.get("/api/v1/process/steps", params={"kommune": "musterstadt"})
    assert steps.status_code == 200 and [s["label"] for s in steps.json()] == [MUSTER_STEP]
    assert MUSTER_STEP not in erfurt.get("/api/v1/process").text
    assert erfurt.get("/api/v1/process/steps", params={"kommune": "musterstadt"}).status_code == 404


def test_the_map_keeps_to_the_scope(both: TestClient, erfurt: TestClient) -> None:
    chosen = both.get("/karte", params={"kommune": "musterstadt"})
    assert chosen.status_code == 200 and "Musterstadt-Musterdorf" in chosen.text
    assert "Musterstadt-Musterdorf" not in both.get("/karte", params={"kommune": "erfurt"}).text
    asked = erfurt.get("/karte", params={"basis": MUSTER_SYSTEM})
    assert asked.status_code == 200 and "Musterstadt-Musterdorf" not in asked.text
    shapes = erfurt.get("/karte", params={"format": "geojson", "system": MUSTER_SYSTEM})
    assert shapes.status_code == 200 and shapes.json()["features"] == []


def test_the_start_page_and_the_process_say_what_they_cover(both: TestClient, erfurt: TestClient) -> None:
    assert "Angaben für: Landeshauptstadt Erfurt" in erfurt.get("/").text
    assert "Angaben für: Landeshauptstadt Erfurt" in erfurt.get("/prozess").text
    process = both.get("/prozess")
    assert '<select id="kommune" name="kommune">' in process.text
    assert "Angaben für: Landeshauptstadt Erfurt, Stadt Musterstadt" in process.text
    chosen = both.get("/prozess", params={"kommune": "musterstadt"}).text
    assert "Angaben für: Stadt Musterstadt" in chosen and '<option value="musterstadt" selected>' in chosen


def test_the_map_of_erfurt_offers_no_musterstadt_plan(both: TestClient, erfurt: TestClient) -> None:
    assert "Musterstadt-Familienplan" in both.get("/karte", params={"kommune": "musterstadt"}).text
    assert "Musterstadt-" not in erfurt.get("/karte").text
