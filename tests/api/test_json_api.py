"""The JSON API under /api/v1: filters, entries, analyses, process, lists, named queries."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_plans_filters(client: TestClient) -> None:
    everything = client.get("/api/v1/plans").json()
    assert everything["count"] == 3
    assert client.get("/api/v1/plans", params={"topic": "vocab:topic/armut"}).json()["count"] == 0
    youth = client.get("/api/v1/plans", params={"target_group": "vocab:target-group/jugendliche"}).json()
    assert [p["plan"][0]["text"] for p in youth["plans"]] == ["Jugendhilfeplanung"]
    office = client.get("/api/v1/plans", params={"office": "erfurt:org/amt-fuer-soziales"}).json()
    assert [p["plan"][0]["text"] for p in office["plans"]] == ["Sozialplanung"]
    assert client.get("/api/v1/plans", params={"q": "sozialbericht"}).json()["count"] == 1
    english = client.get("/api/v1/plans", params={"lang": "en"}).json()
    assert "Youth welfare planning" in [p["plan"][0]["text"] for p in english["plans"]]


def test_plan_by_id_and_404(client: TestClient) -> None:
    plan = client.get("/api/v1/plans/jugendhilfeplanung").json()
    assert plan["label"] == "Jugendhilfeplanung" and plan["relations"]
    missing = client.get("/api/v1/plans/gibt-es-nicht")
    assert missing.status_code == 404 and "Keine Planung" in missing.json()["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/interfaces",
        "/api/v1/overlaps",
        "/api/v1/gaps",
        "/api/v1/process",
        "/api/v1/process/steps",
        "/api/v1/process/milestones",
        "/api/v1/process/cycle",
        "/api/v1/bodies",
        "/api/v1/spatial-units",
        "/api/v1/measures",
        "/api/v1/queries",
        "/api/v1/validation",
        "/api/v1/network",
    ],
)
def test_routes_answer_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[-300:]
    assert response.headers["content-type"].startswith("application/json")


def test_lists_and_process(client: TestClient) -> None:
    steps = client.get("/api/v1/process/steps").json()
    assert [s["number"] for s in steps] == [1, 7]
    assert steps[1]["schedule_label"] == "Anfang 09/2021"
    pairs = client.get("/api/v1/interfaces").json()
    assert {p["kind"] for p in pairs} == {"interface", "delimitation"}


def test_named_queries(client: TestClient) -> None:
    names = [q["name"] for q in client.get("/api/v1/queries").json()]
    assert "plans-overview" in names
    result = client.get("/api/v1/queries/plans-overview")
    assert result.headers["content-type"].startswith("application/sparql-results+json")
    assert len(result.json()["results"]["bindings"]) == 3
    assert client.get("/api/v1/queries/plans-overview", params={"format": "csv"}).text.startswith("plan")
    assert client.get("/api/v1/queries/gibt-es-nicht").status_code == 404
