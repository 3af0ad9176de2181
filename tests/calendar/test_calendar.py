"""The process calendar: the .ics parses with icalendar and holds the 45 steps of the shipped process
with their dates; statuses and the "ohne Status, Monat vergangen" flag; the web routes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from rdflib import Graph, URIRef

from api.app import create_app
from isrp_graph import entries
from isrp_graph.calendar import build_calendar, step_states, step_statuses, uid_for
from isrp_graph.registry import build_registry
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore, Store

FIXTURE = Path(__file__).parent / "fixtures" / "steps.ttl"
TODAY = date(2024, 5, 20)
SCHEDULES = """
SELECT ?step ?begin ?end WHERE {
  ?step a isrp:ProcessStep ; isrp:schedule ?s .
  OPTIONAL { ?s time:hasBeginning/time:inXSDDate ?begin }
  ?s time:hasEnd/time:inXSDDate ?end .
}
"""


def events(calendar: Calendar) -> list:
    parsed = Calendar.from_ical(calendar.to_ical())  # what a subscriber's client reads
    return [c for c in parsed.walk("VEVENT")]


def states_for(store: Store, process: entries.Process, today: date):  # type: ignore[no-untyped-def]
    return step_states([(s.iri, s.end) for s in process.steps], step_statuses(store), today)


def test_the_shipped_process_as_ics_has_all_45_steps_with_their_dates(built_registry: Store) -> None:
    process = entries.process(built_registry)
    calendar = build_calendar(process, states_for(built_registry, process, TODAY))
    found = events(calendar)
    steps = {str(e["uid"]): e for e in found if str(e["summary"]).startswith("Schritt ")}
    assert len(steps) == 45
    expected = {
        str(r["step"]): (date.fromisoformat(str(r["begin"] or r["end"])), date.fromisoformat(str(r["end"])))
        for r in built_registry.select(SCHEDULES).rows
    }
    assert len(expected) == 45
    for iri, (begin, end) in expected.items():
        event = steps[uid_for(iri)]
        assert event.decoded("dtstart") == begin, iri
        assert event.decoded("dtend") == end + timedelta(days=1), iri  # DTEND is exclusive
    first = steps[uid_for("https://w3id.org/isrp/erfurt/step/01")]
    assert str(first["summary"]) == "Schritt 1: Planerrunde Dezernat 05"
    assert first.decoded("dtstart") == date(2021, 3, 1) and first.decoded("dtend") == date(2021, 4, 1)
    assert "Zeitplanung laut Quelle: 03/2021" in str(first["description"])
    deadline = steps[uid_for("https://w3id.org/isrp/erfurt/step/03")]  # "bis zum 21.05.2021": that day
    assert deadline.decoded("dtstart") == date(2021, 5, 21) and deadline.decoded("dtend") == date(2021, 5, 22)
    assert len({str(e["uid"]) for e in found}) == len(found)  # every UID once
    milestones = [e for e in found if str(e["summary"]).startswith("Meilenstein ")]
    assert milestones and all(e.decoded("dtstart") for e in milestones)


def test_uids_are_stable_and_erfurt_steps_have_no_invented_status(built_registry: Store) -> None:
    process = entries.process(built_registry)
    first = build_calendar(process, {}).to_ical()
    second = build_calendar(process, {}).to_ical()
    uids = [str(e["uid"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert uids == [str(e["uid"]) for e in Calendar.from_ical(second).walk("VEVENT")]
    assert step_statuses(built_registry) == {}  # the seed gives no status: none is claimed
    states = states_for(built_registry, process, date(2026, 12, 4))
    assert all(s.flagged and s.text == "ohne Status, Monat vergangen" for s in states.values())


def test_a_body_calendar_holds_only_its_steps(built_registry: Store) -> None:
    process = entries.process(built_registry)
    body = "interfraktionelle-arbeitsgruppe"
    found = events(build_calendar(process, {}, body=body))
    own = [s for s in process.steps if s.body and s.body.iri.endswith("/" + body) and (s.begin or s.end)]
    steps = [e for e in found if str(e["summary"]).startswith("Schritt ")]
    assert len(steps) == len(own) > 0
    assert "Interfraktionelle" in str(
        Calendar.from_ical(build_calendar(process, {}, body=body).to_ical())["x-wr-calname"]
    )


@pytest.fixture
def status_store() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(None)
    build_registry(store)
    store.replace_graph(URIRef("https://w3id.org/isrp/graph/data/test/steps"), Graph().parse(FIXTURE))
    yield store
    store.close()


def test_status_and_flag(status_store: EmbeddedStore) -> None:
    process = entries.process(status_store)
    states = states_for(status_store, process, TODAY)
    base = "https://w3id.org/isrp/test/step/"
    done, past, current, postponed = (states[base + n] for n in "1234")
    assert (done.label, done.flagged) == ("erledigt", False)
    assert (postponed.label, postponed.flagged) == ("verschoben", False)
    assert past.flagged and past.text == "ohne Status, Monat vergangen"
    assert not current.flagged and current.text == "ohne Status"  # its month is not over yet
    english = step_states(
        [(s.iri, s.end) for s in process.steps], step_statuses(status_store, "en"), TODAY, "en"
    )
    assert english[base + "1"].label == "done" and english[base + "2"].text == "no status, month has passed"
    calendar = Calendar.from_ical(build_calendar(process, states).to_ical())
    by_uid = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert str(by_uid[uid_for(base + "4")]["status"]) == "TENTATIVE"
    assert str(by_uid[uid_for(base + "1")]["status"]) == "CONFIRMED"
    assert "status" not in by_uid[uid_for(base + "2")]
    assert "Stand: ohne Status, Monat vergangen" in str(by_uid[uid_for(base + "2")]["description"])


def test_web_routes(built_registry: Store) -> None:
    client = TestClient(create_app(Settings(store="memory"), store=built_registry))
    response = client.get("/prozess.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    parsed = Calendar.from_ical(response.content)
    assert sum(str(e["summary"]).startswith("Schritt ") for e in parsed.walk("VEVENT")) == 45
    assert all(str(e["url"]).startswith("http") for e in parsed.walk("VEVENT"))
    body = client.get("/prozess.ics", params={"gremium": "stadtrat"})
    assert body.status_code == 200 and 0 < len(Calendar.from_ical(body.content).walk("VEVENT")) < 45
    missing = client.get(
        "/prozess.ics", params={"gremium": "gibt-es-nicht"}, headers={"Accept": "application/json"}
    )
    assert missing.status_code == 404
    assert "gibt-es-nicht" in missing.json()["error"] and "stadtrat" in missing.json()["error"]
    page = client.get("/prozess", headers={"Accept": "text/html"}).text
    assert "ohne Status, Monat vergangen" in page
    assert 'href="/prozess.ics"' in page and "gremium=stadtrat" in page
    assert "<th" in page and ">Stand<" in page
    data = client.get("/prozess", params={"format": "json"}).json()
    assert len(data["step_status"]) == 45
    assert all(v["flagged"] and v["status"] is None for v in data["step_status"].values())
    csv = client.get("/prozess", params={"format": "csv"}).text
    assert csv.splitlines()[0].split(",")[4] == "Stand" and "ohne Status, Monat vergangen" in csv
