"""The status of each process step (``isrp:stepStatus``, scheme ``vocab:step-status``: geplant /
erledigt / verschoben) and the flag for steps whose month has passed without any status.

The flag says only what the registry shows: no status is recorded although the step's last month is
over. It does not claim that the step is overdue (it may well have taken place)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from rdflib import Literal, URIRef

from isrp_graph.calendar import texts as _texts  # noqa: F401  (registers the message keys)
from isrp_graph.messages import normalise_lang, t
from isrp_graph.store.base import Store

STEP_STATUS = "https://w3id.org/isrp/vocab/step-status/"
PLANNED, DONE, POSTPONED = (URIRef(STEP_STATUS + s) for s in ("geplant", "erledigt", "verschoben"))

_STATUSES = """
SELECT ?step ?status ?label WHERE {
  ?step a isrp:ProcessStep ; isrp:stepStatus ?status .
  OPTIONAL { ?status skos:prefLabel ?label }
}
"""


@dataclass(frozen=True)
class StepState:
    """What the page and the calendar show about one step's status."""

    status: str | None  # the concept IRI, or None
    label: str  # "erledigt", or "ohne Status"
    flagged: bool  # no status and the step's last month is over
    flag_label: str  # "ohne Status, Monat vergangen" when flagged, else ""

    @property
    def text(self) -> str:
        return self.flag_label or self.label


def step_statuses(store: Store, lang: str = "de") -> dict[str, tuple[str, str]]:
    """``{step IRI: (status IRI, status label)}`` for every step that has a status."""
    lang = normalise_lang(lang)
    labels: dict[tuple[str, str], dict[str, str]] = {}
    for row in store.select(_STATUSES).rows:
        key = (str(row["step"]), str(row["status"]))
        names = labels.setdefault(key, {})
        label = row.get("label")
        if isinstance(label, Literal):
            names.setdefault(label.language or "", str(label))
    found: dict[str, tuple[str, str]] = {}
    for (step, status), names in sorted(labels.items()):
        label = names.get(lang) or names.get("de") or names.get("") or status.rsplit("/", 1)[-1]
        found.setdefault(step, (status, label))
    return found


def month_passed(end: str | None, today: date) -> bool:
    """True when the month of ``end`` (an ISO date) lies before the month of ``today``."""
    if not end:
        return False
    last = date.fromisoformat(end[:10])
    return (last.year, last.month) < (today.year, today.month)


def step_state(
    step_iri: str, end: str | None, statuses: Mapping[str, tuple[str, str]], today: date, lang: str = "de"
) -> StepState:
    found = statuses.get(step_iri)
    if found is not None:
        return StepState(found[0], found[1], False, "")
    flagged = month_passed(end, today)
    return StepState(
        None,
        t("step_status.none", lang),
        flagged,
        t("step_status.overdue_flag", lang) if flagged else "",
    )


def step_states(
    steps: Iterable[tuple[str, str | None]],
    statuses: Mapping[str, tuple[str, str]],
    today: date,
    lang: str = "de",
) -> dict[str, StepState]:
    """``{step IRI: StepState}`` for ``(step IRI, end date)`` pairs."""
    return {iri: step_state(iri, end, statuses, today, lang) for iri, end in steps}
