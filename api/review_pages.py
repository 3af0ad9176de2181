"""Änderungsvorschläge in the browser: the open proposals (Prüfen), one proposal as a field-by-field
diff, approve (applied atomically, attributed to proposer and reviewer; a conflict shows both
versions) or reject with a reason. The proposer sees their own proposals and the outcome."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from api import auth
from api.context import entry_href, lang_of, state
from api.negotiation import render_html
from isrp_graph import review
from isrp_graph.auth import Principal, Role
from isrp_graph.entries import labels
from isrp_graph.messages import register, t

router = APIRouter()

register(
    {
        "web.review.title": {"de": "Änderungsvorschläge", "en": "Change proposals"},
        "web.review.intro": {
            "de": "Vorschläge der Fachplaner:innen, die auf die Prüfung warten. Jede Zeile zeigt ein Feld "
            "vorher und nachher.",
            "en": "Proposals by the planners awaiting review. Each row shows one field before and after.",
        },
        "web.review.one": {"de": "Änderungsvorschlag", "en": "Change proposal"},
        "web.review.by": {"de": "von {name}, {date}", "en": "by {name}, {date}"},
        "web.review.none": {"de": "Keine offenen Vorschläge.", "en": "No open proposals."},
        "web.review.field": {"de": "Feld", "en": "Field"},
        "web.review.before": {"de": "bisher", "en": "before"},
        "web.review.after": {"de": "vorgeschlagen", "en": "proposed"},
        "web.review.current": {"de": "jetzt im Register", "en": "now in the registry"},
        "web.review.comment": {"de": "Kommentar", "en": "Comment"},
        "web.review.status": {"de": "Stand", "en": "Status"},
        "web.review.approve": {"de": "Annehmen und veröffentlichen", "en": "Approve and publish"},
        "web.review.reject": {"de": "Ablehnen", "en": "Reject"},
        "web.review.reason": {"de": "Begründung der Ablehnung", "en": "Reason for the rejection"},
        "web.review.note": {"de": "Hinweis (optional)", "en": "Note (optional)"},
        "web.review.approved": {
            "de": "Angenommen und veröffentlicht (Protokoll {activity}).",
            "en": "Approved and published (log {activity}).",
        },
        "web.review.rejected": {"de": "Abgelehnt.", "en": "Rejected."},
        "web.review.reviewed": {"de": "geprüft von {name}", "en": "reviewed by {name}"},
        "web.review.new_entry": {"de": "neuer Eintrag", "en": "new entry"},
    }
)


def _view(
    request: Request, proposal: review.Proposal, current: dict[str, Any] | None = None
) -> dict[str, Any]:
    lang = lang_of(request)
    store = state(request).store
    names = labels(store, [str(s) for s in proposal.subjects], lang)
    parts = []
    for delta in proposal.deltas:
        rows = review.field_changes(store, delta.subject, delta.before, delta.after, lang)
        now = (current or {}).get(str(delta.subject))
        now_rows = (
            {r.path: r.after for r in review.field_changes(store, delta.subject, delta.before, now, lang)}
            if now is not None
            else None
        )
        parts.append(
            {
                "entry": str(delta.subject),
                "href": entry_href(request, str(delta.subject)),
                "label": names.get(str(delta.subject), str(delta.subject)),
                "new": not delta.before,
                "fields": [
                    {
                        "field": r.field,
                        "before": list(r.before),
                        "after": list(r.after),
                        "current": list(now_rows.get(r.path, r.before)) if now_rows is not None else None,
                    }
                    for r in rows
                ],
            }
        )
    return {
        "id": proposal.id,
        "iri": str(proposal.iri),
        "proposer": proposal.proposer,
        "created": proposal.created.strftime("%d.%m.%Y %H:%M"),
        "status": proposal.status,
        "status_label": t(f"review.status.{proposal.status}", lang),
        "comment": proposal.comment,
        "source": proposal.source,
        "reviewer": proposal.reviewer,
        "review_note": proposal.review_note,
        "entries": parts,
    }


def _json(request: Request) -> bool:
    return request.query_params.get("format") == "json" or "application/json" in request.headers.get(
        "accept", ""
    )


def _may_see(person: Principal, proposal: review.Proposal) -> bool:
    return person.has(Role.PRUEFEN) or (bool(person.key) and person.key == proposal.proposer_key)


@router.get("/vorschlaege", include_in_schema=False)
def proposals(request: Request) -> Response:
    auth.require(request, Role.PRUEFEN)
    lang = lang_of(request)
    items = [_view(request, p) for p in review.listing(state(request).store, status=review.OPEN)]
    model = {"proposals": items}
    if _json(request):
        return JSONResponse(model)
    return render_html(request, "proposals.html", title=t("web.review.title", lang), model=model)


def _page(request: Request, model: dict[str, Any], status_code: int = 200, **extra: Any) -> Response:
    if _json(request):
        return JSONResponse({**model, **extra}, status_code=status_code)
    title = t("web.review.one", lang_of(request))
    return render_html(request, "proposal.html", status_code=status_code, title=title, model=model, **extra)


@router.get("/vorschlaege/{proposal_id}", include_in_schema=False)
def proposal_page(request: Request, proposal_id: str) -> Response:
    person = auth.require(request, Role.LESEN)
    found = review.get(state(request).store, proposal_id)
    if not _may_see(person, found):
        auth.require(request, Role.PRUEFEN)
    return _page(request, _view(request, found), can_review=person.has(Role.PRUEFEN))


@router.post("/vorschlaege/{proposal_id}/annehmen", include_in_schema=False)
async def approve(request: Request, proposal_id: str) -> Response:
    form = await request.form()
    person = auth.require(request, Role.PRUEFEN, str(form.get("token") or ""))
    auth.check_csrf(request, form)
    lang = lang_of(request)
    store = state(request).store
    found = await run_in_threadpool(review.get, store, proposal_id)
    publish = request.app.state.auth.config.publish_directly
    if found.proposer_key == person.key and not publish and not person.has(Role.VERWALTEN):
        raise auth.AuthError(403, "review.self")
    try:
        # validation and storing run off the event loop: readers are served meanwhile
        outcome = await run_in_threadpool(
            review.approve, store, proposal_id, person, lang, str(form.get("note") or "")
        )
    except review.Conflict as conflict:
        current = {str(d.subject): now for d, now in conflict.versions}
        model = _view(request, conflict.proposal, current)
        return _page(request, model, 409, conflict=t("review.conflict", lang), can_review=True)
    except Exception as exc:
        if type(exc).__name__ == "WriteRejected":
            from api.writes import _rejected

            return _rejected(request, exc.new_violations, lang)  # type: ignore[attr-defined]
        raise
    request.app.state.version.bump()
    message = t("web.review.approved", lang, activity=outcome.activity)
    if _json(request):
        return JSONResponse({"approved": True, "activity": str(outcome.activity), "message": message})
    decided = await run_in_threadpool(review.get, store, proposal_id)
    return _page(request, _view(request, decided), message=message, can_review=True)


@router.post("/vorschlaege/{proposal_id}/ablehnen", include_in_schema=False)
async def reject(request: Request, proposal_id: str) -> Response:
    form = await request.form()
    person = auth.require(request, Role.PRUEFEN, str(form.get("token") or ""))
    auth.check_csrf(request, form)
    done = await run_in_threadpool(
        review.reject, state(request).store, proposal_id, person, str(form.get("reason") or "")
    )
    if _json(request):
        return JSONResponse({"rejected": True, "reason": done.review_note})
    return RedirectResponse(f"/vorschlaege/{proposal_id}", status_code=303)
