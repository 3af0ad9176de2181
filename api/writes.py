"""Writes: upload of RDF (Turtle, TriG, JSON-LD, …) or a registry workbook (.xlsx/.csv), and the edit
form of an entry generated from its SHACL shapes. Only editors (bearer token, or the token in the
form's password field) may write. Every change goes through ``isrp_graph.writes.apply_write``: validated
first, rejected as a whole with HTTP 422 and the report when it would add a Violation, recorded with
who and when (PROV) when accepted."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from api import auth
from api.context import lang_of, state
from api.errors import HttpError
from api.library import function
from api.negotiation import render_html
from isrp_graph import entries, limits
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


def _apply(
    request: Request,
    changes: dict[URIRef, Any],
    actor: str,
    lang: str,
    back: str | None = None,
    **record: str,
) -> Response:
    apply_write = function("isrp_graph.writes", "apply_write")
    try:
        outcome = apply_write(state(request).store, changes, actor, lang, **record)
    except LocalizedError as exc:
        if type(exc).__name__ == "WriteRejected":
            return _rejected(request, exc.new_violations, lang)
        raise
    return _accepted(request, outcome, lang, back)


def _upload_rdf(
    request: Request, data: bytes, filename: str, graph: str | None, actor: str, lang: str
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
    return _apply(request, graphs, actor, lang, kind="upload", source=Path(filename).name)


def _safe_name(filename: str) -> str:
    """A plain file name for the temporary copy (messages name it; it never leaves the temp folder)."""
    stem, suffix = Path(filename).stem, Path(filename).suffix.lower()
    clean = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem).strip("._") or "upload"
    return clean[:80] + (suffix if suffix in (".xlsx", ".csv", ".tsv", ".txt") else ".xlsx")


def _upload_workbook(request: Request, data: bytes, filename: str, actor: str, lang: str) -> Response:
    import_file = function("isrp_graph.spreadsheets.apply", "import_file")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / _safe_name(filename)
        path.write_bytes(data)
        result = import_file(state(request).store, path, lang=lang, apply=True, actor=actor)
    if result.plan.errors:
        errors = limits.capped([e.line(lang) for e in result.plan.errors], lang)
        return _refused(request, t("web.edit.sheet_errors", lang), lang, errors=errors)
    if result.report is not None:
        return _rejected(request, result.rejected, lang)
    request.app.state.version.bump()
    counts = result.plan.counts()
    message = (
        t("web.edit.unchanged", lang)
        if not result.applied
        else ", ".join(f"{k}: {v}" for k, v in counts.items())
    )
    if _wants_json(request):
        return JSONResponse({"accepted": True, "message": message, "changes": counts})
    return render_html(
        request,
        "write_result.html",
        title=t("web.edit.title", lang),
        accepted=True,
        message=message,
        violations=[],
        errors=[],
    )


@router.get("/bearbeiten", include_in_schema=False)
def upload_page(request: Request) -> Response:
    lang = lang_of(request)
    return render_html(request, "upload.html", title=t("web.edit.title", lang))


@router.post("/bearbeiten/hochladen", include_in_schema=False)
async def upload_form(request: Request) -> Response:
    lang = lang_of(request)
    form = await request.form()
    actor = auth.editor(request, str(form.get("token") or ""))
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise HttpError(400, "web.edit.no_file")
    data = await upload.read()
    # validation and storing run off the event loop: readers are served meanwhile
    if upload.filename.lower().endswith(WORKBOOK_SUFFIXES):
        return await run_in_threadpool(_upload_workbook, request, data, upload.filename, actor, lang)
    graph = str(form.get("graph") or "") or None
    return await run_in_threadpool(_upload_rdf, request, data, upload.filename, graph, actor, lang)


@router.post("/api/v1/upload", tags=["API"], summary="RDF oder Arbeitsmappe hochladen (Redaktion) / upload")
async def upload_api(request: Request, filename: str = "upload.ttl", graph: str | None = None) -> Response:
    """Body: the file's bytes; ``filename`` tells the format by its extension (.ttl, .trig, .jsonld,
    .rdf, .nt, .xlsx, .csv). Needs ``Authorization: Bearer <editor token>``. 422 with the violations when
    the change is rejected."""
    lang = lang_of(request)
    actor = auth.editor(request)
    data = await request.body()
    if filename.lower().endswith(WORKBOOK_SUFFIXES):
        return await run_in_threadpool(_upload_workbook, request, data, filename, actor, lang)
    return await run_in_threadpool(_upload_rdf, request, data, filename, graph, actor, lang)


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
    return render_html(
        request,
        "edit.html",
        title=t("web.edit.entry_title", lang, label=found.label),
        entry=found,
        fields=fields,
    )


def _parse_value(field: entries.EditField, raw: str, lang: str) -> Node | None:
    raw = raw.strip()
    if not raw:
        return None
    if field.kind == "choice":
        return URIRef(raw)
    if field.kind == "date":
        return Literal(raw, datatype=XSD.date)
    if field.kind == "boolean":
        return Literal(raw == "true", datatype=XSD.boolean)
    if field.kind == "number":
        return Literal(raw, datatype=URIRef(field.datatype) if field.datatype else XSD.decimal)
    if field.datatype and field.datatype != str(XSD.string) and "langString" not in field.datatype:
        return Literal(raw, datatype=URIRef(field.datatype))
    if field.datatype == str(XSD.string):
        return Literal(raw)
    return Literal(raw, lang=lang)


@router.post("/bearbeiten/eintrag", include_in_schema=False)
async def edit_submit(request: Request, iri: str) -> Response:
    lang = lang_of(request)
    form = await request.form()
    actor = auth.editor(request, str(form.get("token") or ""))
    store = state(request).store
    _entry_or_404(request, iri)
    changes: dict[str, list[Node]] = {}
    # field names are f<position in the form>, readonly fields included (they have no input)
    for index, field in enumerate(entries.edit_fields(store, iri, lang)):
        if field.kind == "readonly":
            continue
        key = f"f{index}"
        raws = [str(v) for v in form.getlist(key)]
        if field.kind == "text":
            raws = [line for raw in raws for line in raw.splitlines()]
        values = [v for raw in raws if (v := _parse_value(field, raw, lang)) is not None]
        if sorted(str(v) for v in values) != sorted(field.values):
            changes[field.path] = values
    graphs = [g for g in entries.entry_graphs(store, iri) if "/graph/provenance" not in str(g)]
    if not graphs:
        raise HttpError(409, "web.edit.no_graph")
    if not changes:
        return render_html(
            request,
            "write_result.html",
            title=t("web.edit.title", lang),
            accepted=True,
            message=t("web.edit.unchanged", lang),
            violations=[],
            errors=[],
            back=iri,
        )
    target = graphs[0]
    edited = entries.edited_graph(store, iri, target, changes, lang)
    return await run_in_threadpool(_apply, request, {target: edited}, actor, lang, iri, kind="form")
