"""The annual Sozialplanungsreport: the ISRP's yearly report as one German document — the planning
system with status, term and update due; measures with their state, budget and indicators; indicator
values per area; gaps, undeclared overlaps and declared interfaces; participation and the process;
what changed since the previous report; the Stichtag and the sources.

``sozialplanungsreport(store, year)`` gives the HTML; ``write_report_file(store, year, path)`` writes
``.html`` or a tagged ``.pdf`` (PDF/UA-1, WeasyPrint). Both take ``kommunen`` (municipality IRIs): the
report of those municipalities only (every section; the title names them); empty = all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from isrp_graph.reporting.collect import ReportData, collect
from isrp_graph.reporting.render import render_html, write_pdf
from isrp_graph.store.base import Store


def sozialplanungsreport(
    store: Store, year: int, *, reference_date: date | None = None, kommunen: Sequence[str] = ()
) -> str:
    """The report for ``year`` as one self-contained HTML page (German), of ``kommunen`` only if given."""
    return render_html(collect(store, year, "de", reference_date, tuple(kommunen)))


def write_report_file(
    store: Store,
    year: int,
    path: str | Path,
    *,
    reference_date: date | None = None,
    kommunen: Sequence[str] = (),
) -> Path:
    """Write the report to ``path``: ``.pdf`` (tagged PDF/UA-1) or ``.html``."""
    target = Path(path)
    html = sozialplanungsreport(store, year, reference_date=reference_date, kommunen=kommunen)
    if target.suffix.lower() == ".pdf":
        return write_pdf(html, target)
    target.write_text(html, encoding="utf-8")
    return target


__all__ = ["ReportData", "collect", "render_html", "sozialplanungsreport", "write_pdf", "write_report_file"]
