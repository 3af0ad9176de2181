"""Pages of the change model: "Änderungen seit …" (HTML, JSON, CSV, Atom), restoring an entry's
version, the releases (Stand) and the difference between two of them. The entry page's "Verlauf" is
built in :mod:`api.entries` from :func:`isrp_graph.changes.views.entry_history_view`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api import auth
from api.context import entry_href, lang_of, state
from api.errors import HttpError
from api.negotiation import choose_format, jsonable, render_html, respond, rows_download
from isrp_graph.changes import texts as _texts  # noqa: F401  (registers the texts)
from isrp_graph.changes.history import restore
from isrp_graph.changes.releases import list_releases, release_diff
from isrp_graph.changes.since import changes_since_date, default_since, parse_day
from isrp_graph.changes.views import diff_view, when
from isrp_graph.messages import LocalizedError, register, t

router = APIRouter()
CHANGES_FORMATS = ("html", "json", "csv", "xlsx", "atom")
TABLE_FORMATS = ("html", "json", "csv", "xlsx")

register(
    {
        "web.changes.title": {"de": "Änderungen seit {since}", "en": "Changes since {since}"},
        "web.changes.title_all": {"de": "Alle verzeichneten Änderungen", "en": "All recorded changes"},
        "web.changes.since_release": {
            "de": "Vorgabe: seit dem letzten Stand »{name}«.",
            "en": "Default: since the last release »{name}«.",
        },
        "web.changes.since_all": {
            "de": "Noch kein Stand angelegt: alle verzeichneten Änderungen.",
            "en": "No release yet: all recorded changes.",
        },
        "web.changes.filter": {"de": "Filtern", "en": "Filter"},
        "web.changes.since_field": {"de": "seit (TT.MM.JJJJ)", "en": "since (DD.MM.YYYY)"},
        "web.changes.office": {"de": "Amt", "en": "Office"},
        "web.changes.kind": {"de": "Art des Eintrags", "en": "Kind of entry"},
        "web.changes.person": {"de": "Person", "en": "Person"},
        "web.changes.all": {"de": "alle", "en": "all"},
        "web.changes.none": {
            "de": "Keine Änderungen in diesem Zeitraum.",
            "en": "No changes in this period.",
        },
        "web.changes.count": {"de": "{n} geänderte Einträge", "en": "{n} changed entries"},
        "web.changes.group": {"de": "{kind} – {office}", "en": "{kind} – {office}"},
        "web.changes.no_office": {"de": "ohne federführendes Amt", "en": "no responsible office"},
        "web.changes.no_kind": {"de": "sonstige", "en": "other"},
        "web.changes.status.added": {"de": "neu", "en": "added"},
        "web.changes.status.removed": {"de": "entfernt", "en": "removed"},
        "web.changes.status.changed": {"de": "geändert", "en": "changed"},
        "web.changes.field": {"de": "Feld", "en": "Field"},
        "web.changes.before": {"de": "vorher", "en": "before"},
        "web.changes.after": {"de": "nachher", "en": "after"},
        "web.changes.by": {
            "de": "geändert von {people}, zuletzt {time}",
            "en": "changed by {people}, last {time}",
        },
        "web.changes.feed": {"de": "Atom-Feed", "en": "Atom feed"},
        "web.changes.bad_date": {
            "de": "Das Datum »{value}« ist ungültig; bitte TT.MM.JJJJ angeben.",
            "en": "The date »{value}« is invalid; please give DD.MM.YYYY.",
        },
        "web.history.title": {"de": "Verlauf", "en": "History"},
        "web.history.none": {
            "de": "Für diesen Eintrag ist noch keine Änderung verzeichnet.",
            "en": "No change of this entry has been recorded yet.",
        },
        "web.history.change": {"de": "{time} – {actor} ({kind})", "en": "{time} – {actor} ({kind})"},
        "web.history.approved": {"de": "freigegeben von {name}", "en": "approved by {name}"},
        "web.history.restore": {"de": "Diesen Stand wiederherstellen", "en": "Restore this version"},
        "web.history.restored": {
            "de": "Wiederhergestellt als neue Änderung {id}.",
            "en": "Restored as the new change {id}.",
        },
        "web.releases.title": {"de": "Stände des Registers", "en": "Releases of the registry"},
        "web.releases.none": {
            "de": "Noch kein Stand angelegt (isrp release create NAME).",
            "en": "No release yet (isrp release create NAME).",
        },
        "web.releases.name": {"de": "Stand", "en": "Release"},
        "web.releases.date": {"de": "angelegt", "en": "created"},
        "web.releases.note": {"de": "Notiz", "en": "Note"},
        "web.releases.show": {"de": "ansehen", "en": "view"},
        "web.releases.compare": {"de": "Vergleichen", "en": "Compare"},
        "web.releases.from": {"de": "von", "en": "from"},
        "web.releases.to": {"de": "bis", "en": "to"},
        "web.releases.today": {"de": "heute", "en": "today"},
        "web.releases.diff_title": {"de": "Von »{old}« zu »{new}«", "en": "From »{old}« to »{new}«"},
        "web.releases.diff_counts": {
            "de": "{added} neu, {removed} entfernt, {changed} geändert",
            "en": "{added} added, {removed} removed, {changed} changed",
        },
        "web.stand.showing": {
            "de": "Sie sehen den Stand »{name}«, nicht den heutigen Stand des Registers.",
            "en": "You are viewing the release »{name}«, not today's registry.",
        },
        "web.stand.today": {"de": "Zum heutigen Stand", "en": "To today's registry"},
    }
)


def _since(request: Request, lang: str) -> tuple[Any, str]:
    raw = request.query_params.get("seit")
    if raw:
        try:
            return parse_day(raw), "given"
        except ValueError:
            raise HttpError(400, "web.changes.bad_date", value=raw) from None
    return default_since(state(request).store)


@router.get("/aenderungen", summary="Änderungen seit … / changes since …", tags=["Änderungen"])
async def changes_page(request: Request) -> Response:
    """The changed entries since ``seit`` (TT.MM.JJJJ; default: the last release), grouped by kind and
    office, with the field diff per entry; filters ``amt``, ``art``, ``person``; ``format`` html,
    json, csv (Excel) or atom."""
    lang = lang_of(request)
    since, source = _since(request, lang)
    params = request.query_params
    result = await run_in_threadpool(
        changes_since_date,
        state(request).store,
        since,
        lang,
        office=params.get("amt") or None,
        kind=params.get("art") or None,
        person=params.get("person") or None,
        since_source=source,
    )
    fmt = "atom" if params.get("format") == "atom" else choose_format(request, TABLE_FORMATS)
    title = (
        t("web.changes.title", lang, since=since.strftime("%d.%m.%Y") if lang == "de" else since.isoformat())
        if since
        else t("web.changes.title_all", lang)
    )
    if fmt == "atom":
        return Response(_atom(request, result, title, lang), media_type="application/atom+xml; charset=utf-8")
    if fmt in ("csv", "xlsx"):
        return _csv(request, fmt, result, lang, title)
    model = {
        "title": title,
        "since": since.isoformat() if since else None,
        "since_source": source,
        "entries": [_entry_json(i, lang) for i in result.entries],
        "groups": [
            {
                "kind": kind or t("web.changes.no_kind", lang),
                "office": office or t("web.changes.no_office", lang),
                "entries": [_entry_json(i, lang) for i in items],
            }
            for kind, office, items in result.groups()
        ],
        "offices": [{"iri": i, "label": label} for i, label in result.offices],
        "kinds": [{"iri": i, "label": label} for i, label in result.kinds],
        "people": result.people,
    }
    return respond(request, "changes.html", model, formats=CHANGES_FORMATS, fmt=fmt, title=title)


def _entry_json(item: Any, lang: str) -> dict[str, Any]:
    return {
        **diff_view(item.diff),
        "status": item.status,
        "status_label": t(f"web.changes.status.{item.status}", lang),
        "kind": item.kind,
        "kind_iri": item.kind_iri,
        "office": item.office,
        "office_iri": item.office_iri,
        "people": item.people,
        "last_change": item.last_change.isoformat() if item.last_change else None,
        "last_change_text": when(item.last_change, lang),
        "changes": item.changes,
    }


def _csv(request: Request, fmt: str, result: Any, lang: str, title: str) -> Response:
    header = [t(k, lang) for k in ("web.changes.kind", "web.changes.office")] + [
        "Eintrag" if lang == "de" else "Entry",
        "Status",
        t("web.changes.field", lang),
        t("web.changes.before", lang),
        t("web.changes.after", lang),
        t("web.changes.person", lang),
        "IRI",
    ]
    rows = []
    for item in result.entries:
        for f in item.diff.fields or []:
            rows.append(
                [
                    item.kind,
                    item.office,
                    item.diff.label,
                    t(f"web.changes.status.{item.status}", lang),
                    f.label,
                    " | ".join(f.removed),
                    " | ".join(f.added),
                    ", ".join(item.people),
                    item.diff.entry,
                ]
            )
    return rows_download(request, fmt, header, rows, title=title, filename="aenderungen")


def _atom(request: Request, result: Any, title: str, lang: str) -> str:
    base = str(request.base_url).rstrip("/")
    updated = max((i.last_change for i in result.entries if i.last_change), default=datetime.now(UTC))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<title>{escape(title)}</title>",
        f"<id>{escape(base + '/aenderungen')}</id>",
        f'<link rel="self" href="{escape(str(request.url))}"/>',
        f"<updated>{updated.isoformat()}</updated>",
    ]
    for item in result.entries:
        link = base + entry_href(request, item.diff.entry)
        summary = "; ".join(
            f"{f.label}: {', '.join(f.removed) or '–'} → {', '.join(f.added) or '–'}"
            for f in item.diff.fields
        )
        stamp = (item.last_change or updated).isoformat()
        status = t("web.changes.status." + item.status, lang)
        parts += [
            "<entry>",
            f"<title>{escape(item.diff.label)} ({escape(status)})</title>",
            f"<id>{escape(item.diff.entry)}#{escape(item.changes[-1] if item.changes else '')}</id>",
            f'<link href="{escape(link)}"/>',
            f"<updated>{stamp}</updated>",
            f"<author><name>{escape(', '.join(item.people) or '–')}</name></author>",
            f"<summary>{escape(summary)}</summary>",
            "</entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts)


@router.get("/aenderungen.atom", include_in_schema=False)
async def changes_feed(request: Request) -> Response:
    lang = lang_of(request)
    since, source = _since(request, lang)
    result = await run_in_threadpool(
        changes_since_date, state(request).store, since, lang, since_source=source
    )
    title = (
        t("web.changes.title_all", lang) if since is None else t("web.changes.title", lang, since=str(since))
    )
    return Response(_atom(request, result, title, lang), media_type="application/atom+xml; charset=utf-8")


@router.post("/aenderungen/wiederherstellen", include_in_schema=False)
async def restore_version(request: Request) -> Response:
    """ "Diesen Stand wiederherstellen": the entry's version after a change, as a new validated change."""
    lang = lang_of(request)
    form = await request.form()
    actor = auth.editor(request, str(form.get("token") or ""))
    iri = str(form.get("iri") or "")
    change = str(form.get("change") or "")
    latest = str(form.get("latest") or "") or None
    try:
        outcome = await run_in_threadpool(
            restore, state(request).store, iri, change, actor, lang, expected_latest=latest
        )
    except LocalizedError as exc:
        if type(exc).__name__ == "WriteRejected":
            from api.writes import _rejected

            return _rejected(request, exc.new_violations, lang)  # type: ignore[attr-defined]
        raise HttpError(409, exc.key, **exc.params) from exc
    request.app.state.version.bump()
    return render_html(
        request,
        "write_result.html",
        title=t("web.history.restore", lang),
        accepted=True,
        message=t("web.history.restored", lang, id=str(outcome.activity).rsplit("/", 1)[-1]),
        violations=[],
        errors=[],
        back=iri,
    )


@router.get("/staende", summary="Stände / releases", tags=["Änderungen"])
def releases_page(request: Request) -> Response:
    lang = lang_of(request)
    releases = list_releases(state(request).store)
    model = {
        "releases": [
            {
                "name": r.name,
                "iri": str(r.iri),
                "issued": r.issued.isoformat(),
                "issued_text": when(r.issued, lang),
                "note": r.note,
                "actor": r.actor,
            }
            for r in reversed(releases)
        ]
    }
    return respond(request, "releases.html", model, title=t("web.releases.title", lang))


@router.get(
    "/staende/vergleich",
    summary="Unterschied zweier Stände / release diff",
    tags=["Änderungen"],
    responses={404: {"description": "Unbekannter Stand (die bekannten werden genannt) / unknown release"}},
)
async def release_diff_page(request: Request, a: str, b: str = "heute") -> Response:
    """Added, removed and changed entries from release ``a`` to ``b`` (names or ``heute``)."""
    lang = lang_of(request)
    diff = await run_in_threadpool(release_diff, state(request).store, a, b, lang)
    fmt = choose_format(request, TABLE_FORMATS)
    title = t("web.releases.diff_title", lang, old=a, new=b)
    if fmt in ("csv", "xlsx"):
        header = ["Art", "Eintrag", "Klasse", "Feld", "vorher", "nachher", "IRI"]
        return rows_download(request, fmt, header, list(diff.rows()), title=title, filename="stand-vergleich")
    model = {
        **jsonable(diff.to_json()),
        "title": title,
        "releases": [r.name for r in list_releases(state(request).store)],
    }
    return respond(request, "release_diff.html", model, formats=TABLE_FORMATS, fmt=fmt, title=title)
