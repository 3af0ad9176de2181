"""The process calendar: the status of each process step (geplant / erledigt / verschoben, and a flag
for steps whose month has passed without a status) and the schedule as iCalendar for subscribing."""

from __future__ import annotations

from isrp_graph.calendar.ics import UnknownBody, bodies, body_id, build_calendar, uid_for
from isrp_graph.calendar.status import StepState, month_passed, step_state, step_states, step_statuses

__all__ = [
    "StepState",
    "UnknownBody",
    "bodies",
    "body_id",
    "build_calendar",
    "month_passed",
    "step_state",
    "step_states",
    "step_statuses",
    "uid_for",
]
