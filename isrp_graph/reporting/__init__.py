"""The annual Sozialplanungsreport: the ISRP's yearly report as one German document — the planning
system with status, term and update due; measures with their state, budget and indicators; indicator
values per area; gaps, undeclared overlaps and declared interfaces; participation and the process;
what changed since the previous report; the Stichtag and the sources.

``sozialplanungsreport(store, year)`` gives the HTML; ``write_report_file(store, year, path)`` writes
``.html`` or a tagged ``.pdf`` (PDF/UA-1, WeasyPrint).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from isrp_graph.reporting.collect import ReportData, collect
from isrp_graph.reporting.render import render_html, write_pdf
from isrp_graph.store.base import Store


def sozialplanungsreport(store: Store, year: int, *, reference_date: date | None = None) -> str:
    """The report for ``year`` as one self-contained HTML page (German)."""
    return render_html(collect(store, year, "de", reference_date))


def write_report_file(
    store: Store, year: int, path: str | Path, *, reference_date: date | None = None
) -> Path:
    """Write the report to ``path``: ``.pdf`` (tagged PDF/UA-1) or ``.html``."""
    target = Path(path)
    html = sozialplanungsreport(store, year, reference_date=reference_date)
    if target.suffix.lower() == ".pdf":
        return write_pdf(html, target)
    target.write_text(html, encoding="utf-8")
    return target


__all__ = ["ReportData", "collect", "render_html", "sozialplanungsreport", "write_pdf", "write_report_file"]
