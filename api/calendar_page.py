"""The process calendar for subscribing: ``/prozess.ics`` (all dated steps and milestones) and
``/prozess.ics?gremium=<id>`` (only those of one body or format, ``<id>`` = the last segment of its
IRI, e.g. ``interfraktionelle-arbeitsgruppe``). Built by isrp_graph.calendar; cached per store version
and day (the status flag depends on today's month)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.context import entry_href, lang_of, state
from api.errors import HttpError
from api.scope import cache_part, scope_of
from isrp_graph import entries
from isrp_graph.calendar import StepState, UnknownBody, bodies, build_calendar, step_states, step_statuses
from isrp_graph.messages import register

router = APIRouter()

register(
    {
        "web.calendar.unknown_body": {
            "de": "Das Gremium oder Format „{body}“ gibt es im Prozessablauf nicht. Bekannt: {known}.",
            "en": "The body or format '{body}' does not occur in the process schedule. Known: {known}.",
        },
    }
)

ICS_MEDIA = "text/calendar; charset=utf-8"


def process_of(request: Request, lang: str) -> entries.Process:
    """The process of the request's municipalities (and the shared steps), cached per scope."""
    app = state(request)
    scope = scope_of(request)
    return request.app.state.cache.get(
        app.store, ("process", lang, *cache_part(request)), lambda: entries.process(app.store, lang, scope)
    )


def states_of(request: Request, process: entries.Process, lang: str, today: date) -> dict[str, StepState]:
    app = state(request)

    def compute() -> dict[str, StepState]:
        statuses = step_statuses(app.store, lang)
        return step_states([(s.iri, s.end) for s in process.steps], statuses, today, lang)

    return request.app.state.cache.get(
        app.store, ("step-states", lang, today.isoformat(), *cache_part(request)), compute
    )


@router.get(
    "/prozess.ics",
    summary="Prozessablauf als iCalendar / process schedule as iCalendar",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}, 404: {"description": "unknown body"}},
)
def process_calendar(
    request: Request,
    gremium: str | None = Query(None, max_length=200, description="Gremium/Format (letzter Teil der IRI)"),
) -> Response:
    lang = lang_of(request)
    today = date.today()
    process = process_of(request, lang)
    states = states_of(request, process, lang, today)
    base = str(request.base_url).rstrip("/")
    links = {s.iri: base + entry_href(request, s.iri) for s in process.steps}
    links.update({m.iri: base + entry_href(request, m.iri) for m in process.milestones})
    try:
        calendar = build_calendar(process, states, lang=lang, body=gremium or None, link=links, stand=today)
    except UnknownBody as exc:
        raise HttpError(
            404, "web.calendar.unknown_body", body=gremium, known=", ".join(bodies(process))
        ) from exc
    name = f"prozessablauf-{gremium}.ics" if gremium else "prozessablauf.ics"
    return Response(
        calendar.to_ical(),
        media_type=ICS_MEDIA,
        headers={"Content-Disposition": f'inline; filename="{name}"', "Cache-Control": "no-cache"},
    )
