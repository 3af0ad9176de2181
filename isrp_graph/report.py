"""The report folder: every analysis at once, for people who open files rather than run queries.

``write_report(store, directory)`` writes

- ``index.html`` — one self-contained page (inline CSS, no scripts, no external assets; ``lang="de"``),
  with a summary chart (inline SVG with title and description), a table of contents and every table
  (``<caption>``, ``<th scope="col">`` / ``<th scope="row">``), each linking its CSV file;
- ``<table>.csv`` — one file per table for German Excel: UTF-8 with byte-order mark, semicolon as
  separator, CRLF line ends (Excel in German settings opens it by double-click with umlauts intact);
- ``findings.json`` — every finding as data (IRIs and labels), for researchers and other tools.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path

from isrp_graph import __version__
from isrp_graph.analyses import texts as _texts  # noqa: F401  (registers the texts)
from isrp_graph.analyses.basis import BASES, basis_label, german_date, number_text
from isrp_graph.analyses.registry import ANALYSES, AnalysisOptions, Report, jsonable, run_all
from isrp_graph.analyses.table import Table
from isrp_graph.messages import normalise_lang, t
from isrp_graph.store.base import Store

INDEX = "index.html"
FINDINGS = "findings.json"


@dataclass(frozen=True)
class WrittenReport:
    directory: Path
    files: tuple[Path, ...]
    counts: Mapping[str, int]  # table name -> rows, for the tables that list findings

    @property
    def index(self) -> Path:
        return self.directory / INDEX


def write_report(
    store: Store,
    directory: str | Path,
    lang: str = "de",
    options: AnalysisOptions | None = None,
    *,
    now: datetime | None = None,
) -> WrittenReport:
    """Run every analysis and write the report folder (created if missing; our files are replaced)."""
    lang = normalise_lang(lang)
    options = options or AnalysisOptions()
    day = options.reference_date or date.today()
    options = AnalysisOptions(
        reference_date=day,
        reference_system=options.reference_system,
        candidates=options.candidates,
        include_examples=options.include_examples,
        kommunen=options.kommunen,
    )
    reports = run_all(store, lang, options)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).replace(microsecond=0)
    written: list[Path] = []
    tables = {name: report.tables() for name, report in reports.items()}
    for table in (tb for group in tables.values() for tb in group):
        path = folder / f"{table.name}.csv"
        path.write_bytes(table.to_csv().encode("utf-8"))
        written.append(path)
    findings = {
        "generator": f"isrp-graph {__version__}",
        "generated": stamp.isoformat(),
        "lang": lang,
        "reference_date": day.isoformat(),
        "reference_system": options.reference_system,
        "include_examples": options.include_examples,
        "kommunen": list(options.kommunen),
        "basis": {b: basis_label(b, lang) for b in BASES},
        "basis_legend": t("analysis.basis.legend", lang),
        "analyses": {name: jsonable(report) for name, report in reports.items()},
    }
    json_path = folder / FINDINGS
    json_path.write_text(json.dumps(findings, ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(json_path)
    index = folder / INDEX
    index.write_text(render_html(reports, tables, lang, day, stamp), encoding="utf-8")
    written.insert(0, index)
    counts = {tb.name: len(tb) for group in tables.values() for tb in group if tb.finding}
    return WrittenReport(directory=folder, files=tuple(written), counts=counts)


# --- HTML ------------------------------------------------------------------------------------------

_CSS = """
:root { --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --accent: #005a8c; --warn: #fde8c8;
        --head: #eef3f7; }
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0;
       line-height: 1.5; }
header, main, footer, nav { max-width: 80rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin-top: 1.75rem; }
a { color: var(--accent); }
a:focus, .scroll:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.meta, .description { color: var(--muted); }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
tbody th { font-weight: 600; background: #fafafa; }
td.warn { background: var(--warn); }
td.diagonal { background: #eee; text-align: center; }
.empty { font-style: italic; color: var(--muted); }
.chart { max-width: 100%; height: auto; } /* reflows down to 320 px (WCAG 1.4.10) */
.chart text { font-size: 13px; fill: var(--ink); }
.chart .bar { fill: var(--accent); }
.chart .zero { fill: #9bb8cc; }
footer { color: var(--muted); font-size: .85rem; padding: 2rem 1.25rem; }
@media print { .scroll { overflow: visible; } a { color: var(--ink); } }
"""


def _cell_class(table: Table, text: str) -> str:
    if table.name == "interface-matrix":
        if text == "—":
            return ' class="diagonal"'
        if "!" in text:
            return ' class="warn"'
    return ""


def _table_html(table: Table, lang: str) -> str:
    heading_id = f"tbl-{table.name}"
    parts = [
        f'<section aria-labelledby="{heading_id}">',
        f'<h3 id="{heading_id}">{escape(table.title)}</h3>',
    ]
    if table.description:
        parts.append(f'<p class="description">{escape(table.description)}</p>')
    for note in table.notes:
        parts.append(f'<p class="description">{escape(note)}</p>')
    rows = rows_text(len(table), lang)
    parts.append(
        f'<p><a href="{escape(table.name)}.csv">{escape(t("report.csv_link_rows", lang, rows=rows))}</a></p>'
    )
    if not table.rows:
        parts.append(f'<p class="empty">{escape(t("analysis.none", lang))}</p></section>')
        return "\n".join(parts)
    caption = t("report.caption_rows", lang, title=table.title, rows=rows)
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    body = []
    for row in table.rows:
        cells = []
        for index, text in enumerate(row):
            if index == 0 and table.row_headers:
                cells.append(f'<th scope="row">{escape(text)}</th>')
            else:
                cells.append(f"<td{_cell_class(table, text)}>{escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    parts += [
        f'<div class="scroll" role="region" tabindex="0" aria-label="{escape(table.title)}">',
        f"<table><caption>{escape(caption)}</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>" + "\n".join(body) + "</tbody></table></div></section>",
    ]
    return "\n".join(parts)


def rows_text(n: int, lang: str) -> str:
    """ "1 Zeile" / "1.234 Zeilen" (German number format)."""
    if n == 1:
        return t("analysis.rows_one", lang)
    return t("analysis.rows_many", lang, n=number_text(n, lang))


def _chart_svg(counts: list[tuple[str, str, int]], lang: str) -> str:
    """Horizontal bars: one per finding table (label, anchor, count). Accessible by title/desc; the same
    numbers follow in a table, so nothing is only in the picture."""
    label_width, bar_width, row = 430, 320, 26
    height = row * len(counts) + 10
    largest = max((c for _, _, c in counts), default=0) or 1
    width = label_width + bar_width + 60
    lines = [
        f'<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(t("report.chart.title", lang))}</title>',
        f'<desc id="chart-desc">{escape(t("report.chart.description", lang))}</desc>',
    ]
    for index, (label, _, count) in enumerate(counts):
        y = 5 + index * row
        bar = max(2, round(bar_width * count / largest)) if count else 2
        css = "bar" if count else "zero"
        short = label if len(label) <= 58 else label[:57] + "…"
        lines += [
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end">{escape(short)}</text>',
            f'<rect class="{css}" x="{label_width}" y="{y + 4}" width="{bar}" height="{row - 8}"/>',
            f'<text x="{label_width + bar + 6}" y="{y + 17}">{number_text(count, lang)}</text>',
        ]
    lines.append("</svg>")
    return "\n".join(lines)


def render_html(
    reports: Mapping[str, Report],
    tables: Mapping[str, list[Table]],
    lang: str,
    day: date,
    stamp: datetime,
) -> str:
    """The whole page as text (German by default)."""
    findings = [
        (tb.title, f"tbl-{tb.name}", len(tb))
        for name in ANALYSES
        for tb in tables.get(name, [])
        if tb.finding
    ]
    toc = "".join(
        f'<li><a href="#{name}">{escape(t(f"report.section.{name}", lang))}</a></li>' for name in reports
    )
    glance_rows = "".join(
        f'<tr><th scope="row"><a href="#{anchor}">{escape(title)}</a></th>'
        f"<td>{number_text(count, lang)}</td></tr>"
        for title, anchor, count in findings
    )
    sections = []
    for name in reports:
        body = "\n".join(_table_html(tb, lang) for tb in tables[name])
        sections.append(
            f'<section id="{name}" aria-labelledby="h-{name}">\n'
            f'<h2 id="h-{name}">{escape(t(f"report.section.{name}", lang))}</h2>\n'
            f"<p>{escape(t(f'report.intro.{name}', lang))}</p>\n{body}\n</section>"
        )
    title = t("report.title", lang)
    included = any(getattr(r, "include_examples", False) for r in reports.values())
    examples_key = "analysis.examples.included" if included else "report.examples_excluded"
    generated = stamp.strftime("%d.%m.%Y %H:%M" if lang == "de" else "%Y-%m-%d %H:%M")
    meta = t("report.meta", lang, date=german_date(day, lang), generated=generated)
    glance, files = escape(t("report.glance", lang)), escape(t("report.files", lang))
    question, count = escape(t("report.glance.question", lang)), escape(t("report.glance.count", lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p class="meta">{escape(meta)}</p>
<p>{escape(t("report.purpose", lang))}</p>
<p>{escape(t("analysis.basis.legend", lang))}</p>
<p>{escape(t(examples_key, lang))}</p>
</header>
<nav aria-labelledby="toc-heading">
<h2 id="toc-heading">{escape(t("report.contents", lang))}</h2>
<ol><li><a href="#glance">{glance}</a></li>{toc}<li><a href="#files">{files}</a></li></ol>
</nav>
<main>
<section id="glance" aria-labelledby="h-glance">
<h2 id="h-glance">{glance}</h2>
<p>{escape(t("report.glance.text", lang))}</p>
{_chart_svg(findings, lang)}
<table><caption>{escape(t("report.glance.caption", lang))}</caption>
<thead><tr><th scope="col">{question}</th><th scope="col">{count}</th></tr></thead>
<tbody>{glance_rows}</tbody></table>
</section>
{chr(10).join(sections)}
<section id="files" aria-labelledby="h-files">
<h2 id="h-files">{files}</h2>
<p>{escape(t("report.files.csv", lang))}</p>
<p><a href="{FINDINGS}">{escape(t("report.files.json", lang))}</a></p>
</section>
</main>
<footer><p>{escape(t("report.footer", lang, version=__version__))}</p></footer>
</body>
</html>
"""
