"""Writes: upload of RDF (Turtle, TriG, JSON-LD, …) or a registry workbook (.xlsx/.csv), and the edit
form of an entry generated from its SHACL shapes. Writing needs the role Bearbeiten (a sign-in, a
personal token as bearer or in the form's password field); every form carries a CSRF token.

Who may change what is the rule of ``queries/may-edit.rq`` (403 naming the responsible office). A
Bearbeiter:in's change becomes an Änderungsvorschlag (202, ``isrp_graph.review``); Verwalter:innen —
and Prüfer:innen when ``publish_directly`` is set — write directly through
``isrp_graph.writes.apply_write``: validated first, rejected as a whole with HTTP 422 and the report
when it would add a Violation, recorded with who and when (PROV) when accepted."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from rdflib import URIRef
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api import auth, edit_form
from api.auth import AuthError
from api.context import lang_of, state
from api.errors import HttpError
from api.library import function
from api.negotiation import render_html
from isrp_graph import entries, limits, review
from isrp_graph.auth import Principal, Role
from isrp_graph.auth.permissions import decide
from isrp_graph.messages import LocalizedError, register, t
from isrp_graph.write_policy import check_writable

router = APIRouter()
WORKBOOK_SUFFIXES = (".xlsx", ".csv")

register(
    {
        "web.edit.title": {"de": "Daten hochladen und bearbeiten", "en": "Upload and edit data"},
        "web.edit.intro": {
            "de": "Redaktion: eine RDF-Datei (Turtle, TriG, JSON-LD, RDF/XML, N-Triples) oder die "
            "Arbeitsmappe des Registers (.xlsx oder .csv) hochladen. Jede Änderung wird vor dem "
            "Speichern geprüft; bringt sie einen Verstoß, wird sie ganz abgelehnt und der Prüfbericht "
            "gezeigt. Angenommene Änderungen werden mit Person und Zeit protokolliert.",
            "en": "Editors: upload an RDF file (Turtle, TriG, JSON-LD, RDF/XML, N-Triples) or the "
            "registry workbook (.xlsx or .csv). Every change is checked before it is stored; if it "
            "brings a violation it is rejected as a whole and the report is shown. Accepted changes "
            "are logged with person and time.",
        },
        "web.edit.file": {"de": "Datei", "en": "File"},
        "web.edit.graph": {
            "de": "Name des Imports (nur RDF; ohne Angabe: Dateiname)",
            "en": "Name of the import (RDF only; default: file name)",
        },
        "web.edit.token": {"de": "Schlüssel der Redaktion", "en": "Editor token"},
        "web.edit.upload": {"de": "Hochladen und prüfen", "en": "Upload and check"},
        "web.edit.save": {"de": "Prüfen und speichern", "en": "Check and save"},
        "web.edit.accepted": {
            "de": "Gespeichert: {added} Tripel hinzugefügt, {removed} entfernt (Protokoll {activity}).",
            "en": "Saved: {added} triples added, {removed} removed (log {activity}).",
        },
        "web.edit.unchanged": {"de": "Keine Änderung.", "en": "No change."},
        "web.edit.rejected": {
            "de": "Abgelehnt – nichts wurde gespeichert. Die Änderung brächte diese Verstöße:",
            "en": "Rejected – nothing was stored. The change would bring these violations:",
        },
        "web.edit.sheet_errors": {
            "de": "Die Arbeitsmappe hat Fehler – nichts wurde gespeichert:",
            "en": "The workbook has errors – nothing was stored:",
        },
        "web.edit.entry_title": {"de": "{label} bearbeiten", "en": "Edit {label}"},
        "web.edit.readonly": {
            "de": "nur über die Arbeitsmappe oder eine RDF-Datei änderbar",
            "en": "changeable only through the workbook or an RDF file",
        },
        "web.edit.text_hint": {"de": "ein Wert je Zeile", "en": "one value per line"},
        "web.edit.no_fields": {
            "de": "Für diesen Eintrag gibt es keine Formularfelder (keine SHACL-Form gefunden).",
            "en": "This entry has no form fields (no SHACL shape found).",
        },
        "web.edit.no_file": {"de": "Bitte eine Datei wählen.", "en": "Please choose a file."},
        "web.edit.back": {"de": "Zurück zum Eintrag", "en": "Back to the entry"},
        "web.edit.unknown_entry": {
            "de": "Kein Eintrag {iri} im Register.",
            "en": "No entry {iri} in the registry.",
        },
        "web.edit.workbook": {"de": "Arbeitsmappe herunterladen", "en": "Download the workbook"},
        "web.edit.workbook_hint": {
            "de": "die Einträge, die Sie bearbeiten dürfen, als Excel-Datei (.xlsx); geändert hier wieder "
            "hochladen.",
            "en": "the entries you may edit, as an Excel file (.xlsx); upload it here again when changed.",
        },
        "web.edit.restored": {
            "de": "Ihre Eingaben von vor der Anmeldung sind wiederhergestellt; bitte prüfen und speichern.",
            "en": "Your input from before the sign-in has been restored; please check and save.",
        },
        "web.edit.comment": {
            "de": "Kommentar zur Änderung (für die Prüfung)",
            "en": "Comment on the change (for the review)",
        },
        "web.edit.proposed": {
            "de": "Ihr Änderungsvorschlag wurde geprüft und gespeichert; er wartet auf die Prüfung durch "
            "die Sozialplanung.",
            "en": "Your change proposal was checked and saved; it awaits review by the Sozialplanung.",
        },
        "web.edit.proposal_link": {"de": "Zum Vorschlag", "en": "To the proposal"},
        "web.edit.denied": {
            "de": "Keine Berechtigung – nichts wurde gespeichert.",
            "en": "Not allowed – nothing was stored.",
        },
        "web.edit.proposals_graph": {
            "de": "Vorschläge können nicht hochgeladen werden (Graph {graph}).",
            "en": "Proposals cannot be uploaded (graph {graph}).",
        },
        "web.edit.no_graph": {
            "de": "Der Eintrag steht in keinem änderbaren Graphen.",
            "en": "The entry is in no changeable graph.",
        },
    }
)


def _rejected(request: Request, new_violations: Any, lang: str) -> Response:
    """HTTP 422 with the violations the change would bring (HTML page or JSON)."""
    violations = [
        {
            "entry": str(r.entry),
            "entry_label": r.entry_label,
            "path_label": r.path_label,
            "severity": r.severity,
            "message": r.message,
        }
        for r in new_violations
    ]
    return _refused(request, t("web.edit.rejected", lang), lang, violations=violations)


def _refused(
    request: Request,
    message: str,
    lang: str,
    *,
    violations: list[Any] | None = None,
    errors: list[str] | None = None,
) -> Response:
    """HTTP 422 for a refused write: the new violations or the bad cells (HTML page or JSON)."""
    if _wants_json(request):
        body: dict[str, Any] = {"accepted": False, "message": message}
        body.update({"violations": violations} if violations is not None else {"errors": errors or []})
        return JSONResponse(body, status_code=422)
    return render_html(
        request,
        "write_result.html",
        status_code=422,
        title=t("web.edit.title", lang),
        accepted=False,
        violations=violations or [],
        errors=errors or [],
        message=message,
    )


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def _accepted(request: Request, outcome: Any, lang: str, back: str | None = None) -> Response:
    request.app.state.version.bump()
    message = t(
        "web.edit.accepted", lang, added=outcome.added, removed=outcome.removed, activity=outcome.activity
    )
    if _wants_json(request):
        return JSONResponse(
            {
                "accepted": True,
                "message": message,
                "activity": str(outcome.activity),
                "added": outcome.added,
                "removed": outcome.removed,
                "graphs": [str(g) for g in outcome.graphs],
            }
        )
    return render_html(
        request,
        "write_result.html",
        title=t("web.edit.title", lang),
        accepted=True,
        message=message,
        violations=[],
        errors=[],
        back=back,
    )


def publishes_directly(request: Request, person: Principal) -> bool:
    """Verwalter:innen write directly; Prüfer:innen too when the installation says so."""
    direct = request.app.state.auth.config.publish_directly
    return person.has(Role.VERWALTEN) or (direct and person.has(Role.PRUEFEN))


def _submit(
    request: Request,
    changes: dict[URIRef, Any],
    person: Principal,
    lang: str,
    *,
    back: str | None = None,
    comment: str = "",
    source: str = "",
    form_page: Callable[..., Response] | None = None,
    keep: Callable[[Any], bool] | None = None,
    kind: str = "write",
) -> Response:
    """Apply ``changes`` (direct writers) or store them as a proposal; 403 when the person may not
    edit an entry, 422 when the change would add a Violation. ``form_page(status, violations=…,
    general=…)`` shows a refused form again with the input kept."""
    store = state(request).store
    for name in changes:
        if review.is_proposal_graph(str(name)):
            raise HttpError(403, "web.edit.proposals_graph", graph=str(name))
    try:
        if publishes_directly(request, person):
            apply_write = function("isrp_graph.writes", "apply_write")
            outcome = apply_write(
                store, changes, person.name, lang, comment=comment or None, source=source or None, kind=kind
            )
            return _accepted(request, outcome, lang, back)
        proposal = review.propose(store, changes, person, comment, lang, source, keep=keep)
    except review.PermissionDenied as exc:
        if form_page is not None and not _wants_json(request):
            return form_page(403, general=[exc.message(lang)])
        return _denied(request, exc, lang)
    except LocalizedError as exc:
        if type(exc).__name__ == "WriteRejected":
            if form_page is not None and not _wants_json(request):
                return form_page(422, violations=exc.new_violations)  # type: ignore[attr-defined]
            return _rejected(request, exc.new_violations, lang)  # type: ignore[attr-defined]
        raise
    if proposal is None:
        return _unchanged(request, lang, back)
    return _proposed(request, proposal, lang)


def _denied(request: Request, exc: review.PermissionDenied, lang: str) -> Response:
    reason = exc.message(lang)
    if _wants_json(request):
        return JSONResponse(
            {"accepted": False, "error": reason, "offices": list(exc.offices), "status": 403}, status_code=403
        )
    return render_html(
        request,
        "write_result.html",
        status_code=403,
        title=t("web.edit.title", lang),
        accepted=False,
        message=t("web.edit.denied", lang),
        errors=[reason],
        violations=[],
    )


def _unchanged(request: Request, lang: str, back: str | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"accepted": True, "message": t("web.edit.unchanged", lang), "changes": {}})
    return render_html(
        request,
        "write_result.html",
        title=t("web.edit.title", lang),
        accepted=True,
        message=t("web.edit.unchanged", lang),
        violations=[],
        errors=[],
        back=back,
    )


def _proposed(request: Request, proposal: review.Proposal, lang: str) -> Response:
    link = f"/vorschlaege/{proposal.id}"
    message = t("web.edit.proposed", lang)
    if _wants_json(request):
        return JSONResponse(
            {
                "accepted": False,
                "proposed": True,
                "proposal": proposal.id,
                "status": proposal.status,
                "href": link,
                "entries": [str(s) for s in proposal.subjects],
                "message": message,
            },
            status_code=202,
        )
    return render_html(
        request,
        "write_result.html",
        status_code=202,
        title=t("web.edit.title", lang),
        accepted=True,
        message=message,
        violations=[],
        errors=[],
        proposal_link=link,
    )


def _upload_rdf(
    request: Request,
    data: bytes,
    filename: str,
    graph: str | None,
    person: Principal,
    lang: str,
    comment: str,
) -> Response:
    rdf_format = function("isrp_graph.loading", "rdf_format")
    import_graph_name = function("isrp_graph.loading", "import_graph_name")
    parse_data = function("isrp_graph.loading", "parse_data")
    info = rdf_format(filename, request.query_params.get("rdf_format"))
    name = import_graph_name((graph or Path(filename).stem).strip())
    graphs = parse_data(data, info.name, name, source=Path(filename).name)
    limits.check_triples(graphs, Path(filename).name)
    for graph_name in graphs:
        check_writable(graph_name, lang)
    return _submit(request, graphs, person, lang, comment=comment, source=Path(filename).name, kind="upload")


def _safe_name(filename: str) -> str:
    """A plain file name for the temporary copy (messages name it; it never leaves the temp folder)."""
    stem, suffix = Path(filename).stem, Path(filename).suffix.lower()
    clean = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem).strip("._") or "upload"
    return clean[:80] + (suffix if suffix in (".xlsx", ".csv", ".tsv", ".txt") else ".xlsx")


def _upload_workbook(
    request: Request, data: bytes, filename: str, person: Principal, lang: str, comment: str
) -> Response:
    plan_import = function("isrp_graph.spreadsheets.apply", "plan_import")
    store = state(request).store
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / _safe_name(filename)
        path.write_bytes(data)
        snapshot, plan = plan_import(store, path, lang=lang)
    if plan.errors:
        errors = limits.capped([e.line(lang) for e in plan.errors], lang)
        return _refused(request, t("web.edit.sheet_errors", lang), lang, errors=errors)
    if not plan.has_changes:
        return _unchanged(request, lang)
    keep = None
    if not person.has(Role.PRUEFEN):  # "Arbeitsmappe herunterladen" holds only the person's own entries

        def keep(delta: Any) -> bool:
            return bool(delta.after) or decide(store, person, str(delta.subject), lang).allowed

    graphs = plan.new_graphs(snapshot)
    return _submit(
        request, graphs, person, lang, comment=comment, source=Path(filename).name, keep=keep, kind="workbook"
    )


@router.get("/bearbeiten/arbeitsmappe", include_in_schema=False)
def workbook_download(request: Request) -> Response:
    """The registry workbook with the entries this person may edit (everything for Prüfen)."""
    person = auth.require(request, Role.BEARBEITEN)
    lang = lang_of(request)
    store = state(request).store
    snapshot_of = function("isrp_graph.spreadsheets.snapshot", "Snapshot")
    load_schema = function("isrp_graph.spreadsheets.schema", "load_schema")
    write_workbook = function("isrp_graph.spreadsheets.export", "write_workbook")
    snapshot = snapshot_of.from_store(store)
    only = None
    if not person.has(Role.PRUEFEN):

        def only(entry: URIRef) -> bool:
            return decide(store, person, str(entry), lang).allowed

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "register.xlsx"
        write_workbook(snapshot, load_schema(snapshot), path, lang, only)
        data = path.read_bytes()
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": 'attachment; filename="register.xlsx"', "Cache-Control": "no-store"},
    )


@router.get("/bearbeiten", include_in_schema=False)
def upload_page(request: Request) -> Response:
    lang = lang_of(request)
    return render_html(request, "upload.html", title=t("web.edit.title", lang))


@router.post("/bearbeiten/hochladen", include_in_schema=False)
async def upload_form(request: Request) -> Response:
    lang = lang_of(request)
    form = await request.form()
    person = auth.require(request, Role.BEARBEITEN, str(form.get("token") or ""))
    auth.check_csrf(request, form)
    comment = str(form.get("comment") or "")
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise HttpError(400, "web.edit.no_file")
    data = await upload.read()
    # validation and storing run off the event loop: readers are served meanwhile
    if upload.filename.lower().endswith(WORKBOOK_SUFFIXES):
        return await run_in_threadpool(
            _upload_workbook, request, data, upload.filename, person, lang, comment
        )
    graph = str(form.get("graph") or "") or None
    return await run_in_threadpool(_upload_rdf, request, data, upload.filename, graph, person, lang, comment)


@router.post("/api/v1/upload", tags=["API"], summary="RDF oder Arbeitsmappe hochladen (Redaktion) / upload")
async def upload_api(
    request: Request, filename: str = "upload.ttl", graph: str | None = None, comment: str = ""
) -> Response:
    """Body: the file's bytes; ``filename`` tells the format by its extension (.ttl, .trig, .jsonld,
    .rdf, .nt, .xlsx, .csv). Needs ``Authorization: Bearer <personal token>`` with the role Bearbeiten
    or more. 200 when written directly (Verwalten), 202 when stored as a proposal (``comment`` goes with
    it), 401 without or with an unknown/revoked/expired token, 403 for an entry of another office, 422
    with the violations when the change is rejected."""
    lang = lang_of(request)
    person = auth.require(request, Role.BEARBEITEN)
    data = await request.body()
    if filename.lower().endswith(WORKBOOK_SUFFIXES):
        return await run_in_threadpool(_upload_workbook, request, data, filename, person, lang, comment)
    return await run_in_threadpool(_upload_rdf, request, data, filename, graph, person, lang, comment)


def _entry_or_404(request: Request, iri: str) -> entries.Entry:
    found = entries.entry(state(request).store, iri, lang_of(request))
    if found is None:
        raise HttpError(404, "web.edit.unknown_entry", iri=iri)
    return found


@router.get("/bearbeiten/eintrag", include_in_schema=False)
def edit_page(request: Request, iri: str) -> Response:
    lang = lang_of(request)
    found = _entry_or_404(request, iri)
    fields = entries.edit_fields(state(request).store, iri, lang)
    edit_form.as_links(fields)
    edit_form.as_intervals(entries.describe(state(request).store, iri), URIRef(iri), fields)
    from api import signin

    kept = signin.kept_form(request, str(request.url.path) + "?" + str(request.url.query))
    typed = edit_form.FormState()
    if kept is not None:
        for index, field in enumerate(fields):
            key = f"f{index}"
            if field.kind != "readonly" and (key in kept or f"{key}-y" in kept):
                if edit_form.is_duration(field):
                    years, months = kept.get(f"{key}-y", [""])[0], kept.get(f"{key}-m", [""])[0]
                    typed.raw[key] = [f"P{years or 0}Y{months or 0}M"] if years or months else []
                else:
                    typed.raw[key] = [v for raw in kept.get(key, []) for v in raw.splitlines() if v.strip()]
        edit_form.apply_state(fields, typed)
    return _form_page(
        request, found, fields, typed, comment=(kept or {}).get("comment", [""])[0], restored=kept is not None
    )


def _form_page(
    request: Request,
    found: entries.Entry,
    fields: list[entries.EditField],
    state: edit_form.FormState,
    *,
    status_code: int = 200,
    comment: str = "",
    restored: bool = False,
) -> Response:
    lang = lang_of(request)
    return render_html(
        request,
        "edit.html",
        status_code=status_code,
        title=t("web.edit.entry_title", lang, label=found.label),
        entry=found,
        fields=fields,
        comment=comment,
        restored=restored,
        form_errors=state.errors,
        general_errors=state.general,
        error_count=state.count,
        show=edit_form.display,
        date_field=edit_form._DATE_FIELD,
        is_duration=edit_form.is_duration,
        duration_parts=edit_form.duration_parts,
    )


def _person_for_form(request: Request, form: Any, next_url: str) -> Principal | Response:
    """The writer of a form post. A form whose session expired (no token, OIDC configured) is kept in
    the new session and the person is sent to sign in again; the form comes back filled in."""
    try:
        person = auth.require(request, Role.BEARBEITEN, str(form.get("token") or ""))
    except AuthError as exc:
        from api import signin

        relogin = exc.status == 401 and not form.get("token") and signin.enabled(request)
        if relogin and not _wants_json(request):
            return signin.relogin_keeping(request, form, next_url)
        raise
    auth.check_csrf(request, form)
    return person


@router.post("/bearbeiten/eintrag", include_in_schema=False)
async def edit_submit(request: Request, iri: str) -> Response:
    lang = lang_of(request)
    form = await request.form()
    person = _person_for_form(request, form, str(request.url.path) + "?" + str(request.url.query))
    if isinstance(person, Response):
        return person
    # reading the entry, validating and storing run off the event loop: readers are served meanwhile
    return await run_in_threadpool(_edit_submit, request, iri, form, person, lang)


def _edit_submit(request: Request, iri: str, form: Any, person: Principal, lang: str) -> Response:
    store = state(request).store
    found = _entry_or_404(request, iri)
    fields = entries.edit_fields(store, iri, lang)
    edit_form.as_links(fields)
    edit_form.as_intervals(entries.describe(store, iri), URIRef(iri), fields)
    changes, typed = edit_form.read_form(fields, form, lang)
    comment = str(form.get("comment") or "")

    def again(status: int, violations: Any = (), general: list[str] | None = None) -> Response:
        errors = {k: list(v) for k, v in typed.errors.items()}
        shown = edit_form.FormState(typed.raw, errors, [*(general or [])])
        edit_form.place_violations(fields, violations, shown)
        edit_form.apply_state(fields, shown)
        return _form_page(request, found, fields, shown, status_code=status, comment=comment)

    if typed.errors:
        if _wants_json(request):
            errors = [f"{fields[int(k[1:])].name}: {m}" for k, ms in typed.errors.items() for m in ms]
            return _refused(request, t("web.form.errors", lang, n=typed.count), lang, errors=errors)
        return again(422)
    graphs = [g for g in entries.entry_graphs(store, iri) if "/graph/provenance" not in str(g)]
    graphs = [g for g in graphs if not review.is_proposal_graph(str(g))]
    if not graphs:
        raise HttpError(409, "web.edit.no_graph")
    if not changes and not typed.intervals:
        return _unchanged(request, lang, back=iri)
    target = graphs[0]
    edited = {target: entries.edited_graph(store, iri, target, changes, lang)}
    for begin, end in typed.intervals.values():
        edit_form.replace_interval(edited[target], URIRef(iri), begin, end)
    return _submit(
        request,
        edited,
        person,
        lang,
        back=iri,
        comment=comment,
        source="Formular",
        form_page=again,
        kind="form",
    )
