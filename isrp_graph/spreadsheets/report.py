"""The import plan as text lines for a terminal or a log (German or English)."""

from __future__ import annotations

from isrp_graph.messages import t
from isrp_graph.spreadsheets.diff import ImportPlan
from isrp_graph.spreadsheets.names import compact


def plan_lines(plan: ImportPlan, lang: str = "de") -> list[str]:
    lines: list[str] = []
    if plan.errors:
        lines.append(t("sheet.report.errors", lang, n=len(plan.errors)))
        lines += [f"  {e.line(lang)}" for e in plan.errors]
    if plan.warnings:
        lines.append(t("sheet.report.warnings", lang, n=len(plan.warnings)))
        lines += [f"  {w.line(lang)}" for w in plan.warnings]
    if plan.changes:
        lines.append(t("sheet.report.changes", lang))
        for change in plan.changes:
            lines.append(
                "  "
                + t(
                    f"sheet.report.{change.action}",
                    lang,
                    iri=compact(str(change.iri)),
                    label=change.label,
                    sheet=change.sheet(lang),
                )
            )
            for f in change.fields:
                old = f.old or t("sheet.report.empty", lang)
                new = f.new or t("sheet.report.empty", lang)
                lines.append(f"      {f.name(lang)}: {old} → {new}")
    elif not plan.errors:
        lines.append(t("sheet.report.no_changes", lang))
    counts = plan.counts()
    lines.append(t("sheet.report.summary", lang, **counts, errors=len(plan.errors)))
    return lines
