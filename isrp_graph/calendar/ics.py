"""The process schedule as an iCalendar file (RFC 5545, written with the ``icalendar`` library), so a
body such as the Interfraktionelle Arbeitsgruppe can subscribe to it.

One all-day VEVENT per dated process step (DTSTART its first day, DTEND the day after its last: a
step planned for "03/2021" spans the whole month) and one per dated milestone (the day its step
ends). UIDs derive from the entry IRIs, so they stay the same across exports and a calendar client
updates an event instead of adding a copy. Summaries are the steps' labels in the chosen language
(German by default); the description names body, schedule as stated, roles, agenda and status.
VEVENT STATUS: verschoben → TENTATIVE, geplant/erledigt → CONFIRMED, no status → none.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from isrp_graph import entries
from isrp_graph.calendar import texts as _texts  # noqa: F401  (registers the message keys)
from isrp_graph.calendar.status import DONE, PLANNED, POSTPONED, StepState
from isrp_graph.messages import LocalizedError, normalise_lang, t

PRODID = "-//isrp-graph//Prozessablauf ISRP//DE"
UID_DOMAIN = "w3id.org"
_ICAL_STATUS = {str(PLANNED): "CONFIRMED", str(DONE): "CONFIRMED", str(POSTPONED): "TENTATIVE"}


class UnknownBody(LocalizedError, LookupError):
    """The body asked for does not hold any step of the process."""


def uid_for(iri: str) -> str:
    """A stable UID from an entry IRI: ``isrp-erfurt-step-01@w3id.org`` for …/isrp/erfurt/step/01."""
    path = iri.split("://", 1)[-1]
    path = path.split("/", 1)[1] if "/" in path else path
    return "-".join(part for part in path.replace("#", "/").split("/") if part) + "@" + UID_DOMAIN


def body_id(iri: str) -> str:
    """The short name of a body in URLs: the last segment of its IRI (``interfraktionelle-ag``)."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def bodies(process: entries.Process) -> dict[str, entries.Link]:
    """``{body id: body}`` for every body or format that holds a step."""
    found: dict[str, entries.Link] = {}
    for step in process.steps:
        if step.body:
            found.setdefault(body_id(step.body.iri), step.body)
    return dict(sorted(found.items()))


def _day(value: str) -> date:
    return date.fromisoformat(value[:10])


def build_calendar(
    process: entries.Process,
    states: Mapping[str, StepState],
    *,
    lang: str = "de",
    body: str | None = None,
    link: Mapping[str, str] | None = None,
    stand: date | None = None,
    now: datetime | None = None,
) -> Calendar:
    """The calendar of all dated steps and milestones, or only those of ``body`` (a body id).
    ``link`` maps entry IRIs to their page URLs (event URL). Raises ``UnknownBody``."""
    lang = normalise_lang(lang)
    known = bodies(process)
    if body is not None and body not in known:
        raise UnknownBody("calendar.unknown_body", body=body, known=", ".join(known) or "–")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = t("calendar.name_body", lang, body=known[body].label) if body else t("calendar.name", lang)
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    description = t("calendar.description", lang, stand=(stand or stamp.date()).strftime("%d.%m.%Y"))
    calendar.add("x-wr-caldesc", description)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    links = link or {}
    chosen = [s for s in process.steps if body is None or (s.body and body_id(s.body.iri) == body)]
    for step in chosen:
        if not (step.begin or step.end):
            continue
        event = Event()
        event.add("uid", uid_for(step.iri))
        event.add("dtstamp", stamp)
        event.add("summary", step.label)
        event.add("dtstart", _day(step.begin or step.end or ""))
        event.add("dtend", _day(step.end or step.begin or "") + timedelta(days=1))
        lines = []
        if step.body:
            lines.append(t("calendar.body", lang, body=step.body.label))
            event.add("categories", [step.body.label])
        if step.schedule_label:
            lines.append(t("calendar.schedule", lang, when=step.schedule_label))
        if step.roles:
            roles = "; ".join(r.agent.label + (f" ({r.role.label})" if r.role else "") for r in step.roles)
            lines.append(t("calendar.roles", lang, roles=roles))
        if step.agenda:
            lines.append(t("calendar.agenda", lang, items="; ".join(step.agenda)))
        state = states.get(step.iri)
        if state is not None:
            lines.append(t("calendar.status", lang, status=state.text))
            if state.status in _ICAL_STATUS:
                event.add("status", _ICAL_STATUS[state.status])
        if step.iri in links:
            event.add("url", links[step.iri])
            lines.append(links[step.iri])
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    chosen_iris = {s.iri for s in chosen}
    for milestone in process.milestones:
        if not milestone.date or not milestone.step or milestone.step.iri not in chosen_iris:
            continue
        event = Event()
        event.add("uid", uid_for(milestone.iri))
        event.add("dtstamp", stamp)
        event.add("summary", t("calendar.milestone", lang, n=milestone.order or "", label=milestone.label))
        event.add("dtstart", _day(milestone.date))
        event.add("dtend", _day(milestone.date) + timedelta(days=1))
        lines = [t("calendar.milestone_step", lang, step=milestone.step.label)]
        if milestone.iri in links:
            event.add("url", links[milestone.iri])
            lines.append(links[milestone.iri])
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar
