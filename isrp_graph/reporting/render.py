"""The report as HTML (one self-contained file: inline CSS, charts as SVG images with text
alternatives, no scripts) and as tagged PDF/UA-1 via WeasyPrint (document language de, title,
bookmarks from the headings, table headers, alternative texts)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from isrp_graph import __version__
from isrp_graph.analyses.table import Table
from isrp_graph.messages import t
from isrp_graph.reporting.charts import Chart, bar_chart
from isrp_graph.reporting.collect import ReportData

MAX_ROWS = 400  # rows per table in the document; the rest is named (the register holds all)

STEP_STATES = {
    "done": "Erledigt",
    "due": "Fällig",
    "overdue": "Überfällig (kein Status)",
    "planned": "Geplant",
    "unknown": "Ohne Termin",
}

CHAPTERS = (
    ("summary", "1 Das Wichtigste in Kürze"),
    ("plans", "2 Planungssystematik"),
    ("measures", "3 Maßnahmen"),
    ("indicators", "4 Indikatoren je Gebiet"),
    ("gaps", "5 Lücken, Überschneidungen und Schnittstellen"),
    ("process", "6 Beteiligung und Prozess"),
    ("changes", "7 Veränderungen seit dem Vorjahresbericht"),
    ("sources", "8 Stichtag und Quellen"),
)


def _date(day: Any) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def render_table(table: Table) -> Markup:
    """A table with caption, column headers (repeated on every printed page) and row headers."""
    rows = table.rows[:MAX_ROWS]
    out = ["<table>", f"<caption>{escape(table.title)}</caption>", "<thead><tr>"]
    out += [f'<th scope="col">{escape(c)}</th>' for c in table.columns]
    out.append("</tr></thead><tbody>")
    if not rows:
        out.append(f'<tr><td colspan="{len(table.columns)}">Keine Einträge.</td></tr>')
    for row in rows:
        out.append("<tr>")
        for i, cell in enumerate(row):
            if i == 0 and table.row_headers:
                out.append(f'<th scope="row">{escape(cell)}</th>')
            else:
                out.append(f"<td>{escape(cell)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    if len(table.rows) > MAX_ROWS:
        out.append(
            f'<p class="note">Gezeigt sind die ersten {MAX_ROWS} von {len(table.rows)} Zeilen; '
            "alle stehen im Register und in seinen Tabellen-Downloads.</p>"
        )
    return Markup("".join(out))


def figure_pair(chart: Chart, caption: str, label_col: str, value_col: str, items: list) -> Markup:
    """The chart (an SVG image with its text alternative) and the same numbers as a table beside it."""
    table = Table(
        name="chart", title=caption, columns=(label_col, value_col), rows=tuple((k, str(v)) for k, v in items)
    )
    return Markup(
        '<div class="figure-pair"><figure>'
        f'<img src="{chart.data_uri}" alt="{escape(chart.alt)}">'
        f"<figcaption>Abbildung: {escape(caption)} (Werte in der Tabelle daneben)</figcaption>"
        f"</figure>{render_table(table)}</div>"
    )


NAMED_AT_MOST = 12  # more municipalities are counted on the title page, not listed


def covers_line(names: tuple[str, ...]) -> str:
    """The title page's line naming the municipalities the report covers ("" when the store has none)."""
    if not names:
        return ""
    if len(names) == 1:
        return f"Kommune: {names[0]}"
    if len(names) <= NAMED_AT_MOST:
        return "Kommunen: " + ", ".join(names)
    return f"{len(names)} Kommunen"


def render_html(data: ReportData, *, created: datetime | None = None) -> str:
    created = created or datetime.now()
    plan_status = data.counts([p.status for p in data.plans])
    measure_status = data.counts([m.status for m in data.measures])
    step_states = [(STEP_STATES[k], n) for k, n in data.counts([s.state for s in data.steps])]
    gap_counts = [(tbl.title, len(tbl.rows)) for tbl in data.gap_tables]
    charts = {
        "plans": (bar_chart("Planungen nach Stand", plan_status), plan_status),
        "measures": (bar_chart("Maßnahmen nach Umsetzungsstand", measure_status), measure_status),
        "steps": (bar_chart("Prozessschritte nach Stand", step_states), step_states),
        "gaps": (bar_chart("Befunde je Lückenart", gap_counts), gap_counts),
    }

    def pair(key: str, caption: str, label_col: str, value_col: str) -> Markup:
        chart, items = charts[key]
        return figure_pair(chart, caption, label_col, value_col, items)

    plan_table = Table(
        name="plans",
        title=f"Planungen mit Stand, Laufzeit und Fortschreibung (Stichtag {_date(data.reference_date)})",
        columns=(
            "Planung",
            "Federführung",
            "Stand",
            "Laufzeit",
            "Fortschreibungszyklus",
            "Letzte Fortschreibung",
            "Fortschreibung fällig",
        ),
        rows=tuple(
            (
                p.label,
                p.office or "nicht erfasst",
                p.status,
                p.term,
                p.cycle,
                p.last_updated or "nicht erfasst",
                (_date(p.update_due) + (" – überfällig" if p.overdue else ""))
                if p.update_due
                else "nicht berechenbar",
            )
            for p in data.plans
        ),
    )
    measure_table = Table(
        name="measures",
        title="Maßnahmen mit Umsetzungsstand, Haushaltsbezug und Indikatoren",
        columns=("Maßnahme", "Planung", "Umsetzungsstand", "Haushaltsbezug", "Indikatoren"),
        rows=tuple((m.label, m.plan, m.status, m.budget, m.indicators) for m in data.measures),
    )
    indicator_table = Table(
        name="indicators",
        title="Indikatorwerte je Gebiet mit Stichtag der Erhebung",
        columns=("Gebiet", "Indikator", "Wert", "Bedarfsstufe", "Stand der Daten"),
        rows=tuple((o.area, o.indicator, o.value or "–", o.level or "–", o.when) for o in data.observations),
    )
    basis_col = any(r[4] for r in data.relations)
    relation_table = Table(
        name="relations",
        title="Erklärte Schnittstellen und Abgrenzungen zwischen Planungen",
        columns=("Planung", "mit Planung", "Art", "Bezeichnung", *(("Grundlage",) if basis_col else ())),
        rows=tuple(
            (
                a,
                b,
                "Schnittstelle" if kind == "interface" else "Abgrenzung",
                rel,
                *((basis,) if basis_col else ()),
            )
            for a, b, kind, rel, basis in data.relations
        ),
    )
    step_table = Table(
        name="steps",
        title="Prozessschritte mit Zeitraum und Stand",
        columns=("Nr.", "Schritt", "Gremium", "Zeitraum", "Stand"),
        rows=tuple(
            (str(s.number or ""), s.label, s.body or "–", s.period or "–", STEP_STATES[s.state])
            for s in data.steps
        ),
    )
    body_table = Table(
        name="bodies",
        title="Gremien und Beteiligungsformate mit Sitzungsrhythmus",
        columns=("Gremium / Format", "Sitzungsrhythmus"),
        rows=tuple((b, r or "nicht erfasst") for b, r in data.bodies),
    )
    source_table = Table(
        name="sources",
        title="Quellen und Zahl der Einträge, die sich auf sie stützen",
        columns=("Quelle", "Einträge"),
        rows=tuple(
            (s.label if s.label == s.iri else f"{s.label} – {s.iri}", str(s.entries)) for s in data.sources
        ),
    )
    change_tables, change_lines = _changes(data.changes)
    title = f"Sozialplanungsreport {data.year}"
    if data.scoped and data.kommunen:
        title += " – " + ", ".join(data.kommunen)
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("template.html.j2").render(
        t=lambda key, **kw: t(key, "de", **kw) if _known(key) else "ISRP-Register",
        title=title,
        covers=covers_line(data.kommunen),
        # a scoped report is by the chosen municipalities (the site's name may name another)
        author=", ".join(data.kommunen)
        if data.scoped
        else (t("web.site", "de") if _known("web.site") else "ISRP-Register"),
        data=data,
        stichtag=_date(data.reference_date),
        created=created.strftime("%d.%m.%Y, %H:%M Uhr"),
        created_iso=created.isoformat(timespec="seconds"),
        version=__version__,
        chapters=CHAPTERS,
        pair=pair,
        table=render_table,
        plan_table=plan_table,
        measure_table=measure_table,
        indicator_table=indicator_table,
        gap_tables=data.gap_tables,
        overlap_table=data.overlap_table,
        relation_table=relation_table,
        step_table=step_table,
        body_table=body_table,
        source_table=source_table,
        change_tables=change_tables,
        change_lines=change_lines,
        overdue_count=sum(1 for p in data.plans if p.overdue),
        measures_without_budget=sum(1 for m in data.measures if m.budget == "nicht erfasst"),
        measures_without_indicator=sum(1 for m in data.measures if m.indicators == "nicht erfasst"),
        area_count=len({o.area for o in data.observations}),
        gap_count=sum(len(tbl.rows) for tbl in data.gap_tables),
        step_counts=dict(step_states),
    )


def _known(key: str) -> bool:
    from isrp_graph.messages import MESSAGES

    return key in MESSAGES


def _changes(changes: Any) -> tuple[list[Table], list[str]]:
    """The change chapter's tables and its introductory lines (both where the result has them)."""
    if changes is None:
        return [], []
    if isinstance(changes, list | tuple):
        return [], [str(line) for line in changes]
    tables = list(changes.tables()) if hasattr(changes, "tables") else []
    lines = [str(line) for line in changes.lines()] if hasattr(changes, "lines") else []
    if not tables and not lines:
        lines = [str(changes)]
    return tables, lines


def write_pdf(html: str, target: str | Path) -> Path:
    """Tagged PDF/UA-1 from the report's HTML (WeasyPrint)."""
    from weasyprint import HTML

    path = Path(target)
    with _page_references_once():
        HTML(string=html, base_url=str(Path(__file__).parent)).write_pdf(
            path, pdf_variant="pdf/ua-1", custom_metadata=True
        )
    return path


@contextmanager
def _page_references_once() -> Iterator[None]:
    """pydyf (0.13) builds the tuple of all page references anew each time WeasyPrint's tagging asks
    for one page's reference: once per tagged element, so pages × elements (a 300-page report spent a
    quarter of its time there). While a PDF is written, the tuple is kept until a page is added. The
    references are the same either way; another thread writing a PDF meanwhile gets the same answers."""
    import pydyf

    with _PATCH_LOCK:
        _PATCH_USERS[0] += 1
        if _PATCH_USERS[0] == 1:
            _ORIGINAL[0] = pydyf.PDF.__dict__["page_references"]
            pydyf.PDF.page_references = property(_cached_page_references)  # type: ignore[method-assign]
    try:
        yield
    finally:
        with _PATCH_LOCK:
            _PATCH_USERS[0] -= 1
            if _PATCH_USERS[0] == 0:
                pydyf.PDF.page_references = _ORIGINAL[0]  # type: ignore[method-assign]


def _cached_page_references(pdf: Any) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    memo = pdf.__dict__.get("_isrp_page_references")
    if memo is None or memo[0] != len(kids):
        memo = (len(kids), _ORIGINAL[0].fget(pdf))
        pdf.__dict__["_isrp_page_references"] = memo
    return memo[1]


_PATCH_LOCK = threading.Lock()
_PATCH_USERS = [0]
_ORIGINAL: list[Any] = [None]  # pydyf's own property while the faster one is in place
