"""The Prüfbericht as a planner reads it: counts grouped by severity, kind of entry and lead office first,
then the findings per entry, filterable by severity (``?schwere=``), office (``?stelle=``) and kind
(``?art=``). The filters work without JavaScript (a GET form); the JSON twin holds the same model."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import Request

from api.context import entry_href, lang_of, state
from api.tables import Column, Item, Table
from isrp_graph.analyses.basis import ISRP, Facts
from isrp_graph.analyses.common import Labeller
from isrp_graph.analyses.plain import plain_names, term_label
from isrp_graph.messages import register, t
from isrp_graph.namespaces import PREFIXES
from isrp_graph.xlsx_safe import Sheet

register(
    {
        "web.validation.filters": {"de": "Befunde eingrenzen", "en": "Narrow the findings"},
        "web.validation.filter_severity": {"de": "Schwere", "en": "Severity"},
        "web.validation.filter_office": {"de": "Federführende Stelle", "en": "Lead office"},
        "web.validation.filter_kind": {"de": "Art des Eintrags", "en": "Kind of entry"},
        "web.validation.filter_all": {"de": "alle", "en": "all"},
        "web.validation.filter_apply": {"de": "Anzeigen", "en": "Show"},
        "web.validation.no_office": {"de": "ohne federführende Stelle", "en": "without lead office"},
        "web.validation.by_kind": {"de": "Befunde nach Art des Eintrags", "en": "Findings by kind of entry"},
        "web.validation.by_office": {
            "de": "Befunde nach federführender Stelle",
            "en": "Findings by lead office",
        },
        "web.validation.findings": {"de": "Befunde", "en": "Findings"},
        "web.validation.table": {"de": "Befunde der Prüfung", "en": "Findings of the check"},
        "web.validation.col.entry": {"de": "Eintrag", "en": "Entry"},
        "web.validation.col.field": {"de": "Angabe", "en": "Field"},
        "web.validation.col.message": {"de": "Befund", "en": "Finding"},
        "web.validation.col.concerns": {"de": "Betrifft", "en": "Concerns"},
        "web.validation.shown": {
            "de": "Angezeigt: {n} von {total} Einträgen mit Befunden.",
            "en": "Shown: {n} of {total} entries with findings.",
        },
    }
)

ISRP_OFFICE = ISRP + "responsibleOrganization"
SEVERITY_RANK = {"Violation": 0, "Warning": 1, "Info": 2}
NO_OFFICE = ""


def _kind(label: str, lang: str) -> str:
    """A kind shown as a bare class name (``Membership``) gets the label of the reused term."""
    if label and " " not in label:
        for namespace in PREFIXES.values():
            found = term_label(str(namespace) + label, lang)
            if found:
                return found
    return label


def _finding(result: Any, lang: str) -> dict[str, Any]:
    return {
        "severity": result.severity,
        "path": str(result.path) if result.path else None,
        "path_label": plain_names(str(result.path_label or ""), lang),
        "message": plain_names(str(result.message or ""), lang),
        "focus": str(result.focus),
        "focus_label": result.focus_label,
        "value": str(result.value) if result.value is not None else None,
        "source_shape": str(result.source_shape),
    }


def validation_model(request: Request, report: Any) -> dict[str, Any]:
    """Grouped counts, the filter choices and the (filtered) findings per entry."""
    lang = lang_of(request)
    store = state(request).store
    groups: dict[str, dict[str, Any]] = {}
    for result in report.results:
        entry = groups.setdefault(
            str(result.entry),
            {
                "iri": str(result.entry),
                "label": result.entry_label,
                "type": _kind(str(result.focus_type_label or ""), lang),
                "findings": [],
            },
        )
        entry["findings"].append(result)
    facts = Facts(store, groups)
    labeller = Labeller(store, lang)
    offices: dict[str, str] = {}
    for iri, group in groups.items():
        office = sorted(facts[iri].links.get("office", set()))
        group["office"] = office[0] if office else NO_OFFICE
    labeller.prime([g["office"] for g in groups.values() if g["office"]])
    for group in groups.values():
        office = group["office"]
        offices[office] = labeller.ref(office).label if office else t("web.validation.no_office", lang)
        group["office_label"] = offices[office]

    wanted_severity = request.query_params.get("schwere") or ""
    wanted_office = request.query_params.get("stelle")
    if wanted_office == "-":
        wanted_office = NO_OFFICE
    wanted_kind = request.query_params.get("art") or ""
    by_kind: Counter[str] = Counter()
    by_office: Counter[str] = Counter()
    for group in groups.values():
        by_kind[str(group["type"])] += len(group["findings"])
        by_office[group["office"]] += len(group["findings"])

    def keep(group: dict[str, Any]) -> bool:
        if wanted_kind and str(group["type"]) != wanted_kind:
            return False
        return wanted_office is None or wanted_office == "*" or group["office"] == wanted_office

    shown = []
    for group in groups.values():
        if not keep(group):
            continue
        findings = [f for f in group["findings"] if not wanted_severity or f.severity == wanted_severity]
        if findings:
            findings.sort(key=lambda f: (SEVERITY_RANK.get(f.severity, 3), str(f.path_label)))
            shown.append({**group, "findings": [_finding(f, lang) for f in findings]})
    shown.sort(key=lambda g: (SEVERITY_RANK.get(g["findings"][0]["severity"], 3), str(g["label"]).casefold()))
    return {
        "pending": False,
        "conforms": report.conforms,
        "counts": report.counts,
        "generated_at": report.generated_at,
        "by_kind": sorted(by_kind.items(), key=lambda item: (-item[1], item[0].casefold())),
        "by_office": sorted(
            ({"office": o, "label": offices[o], "count": n} for o, n in by_office.items()),
            key=lambda item: (-item["count"], item["label"].casefold()),
        ),
        "filters": {"schwere": wanted_severity, "stelle": wanted_office or "", "art": wanted_kind},
        "total_entries": len(groups),
        "entries": shown,
    }


def findings_table(request: Request, model: dict[str, Any]) -> Table:
    """The shown findings as one table (one row per finding, in the page's order), for the downloads."""
    lang = lang_of(request)
    keys = ("entry", "type", "office", "severity", "field", "message", "concerns")
    labels = (
        t("web.validation.col.entry", lang),
        t("web.validation.filter_kind", lang),
        t("web.validation.filter_office", lang),
        t("web.validation.severity", lang),
        t("web.validation.col.field", lang),
        t("web.validation.col.message", lang),
        t("web.validation.col.concerns", lang),
    )
    table = Table(
        t("web.validation.table", lang), [Column(k, label) for k, label in zip(keys, labels, strict=True)]
    )
    for entry in model.get("entries", []):
        for finding in entry["findings"]:
            concerns = finding["focus_label"] if finding["focus"] != entry["iri"] else ""
            cells = {
                "entry": [Item(str(entry["label"]), entry_href(request, entry["iri"]))],
                "type": [Item(str(entry["type"]))] if entry["type"] else [],
                "office": [Item(str(entry["office_label"]))],
                "severity": [Item(t("web.severity." + finding["severity"], lang))],
                "field": [Item(finding["path_label"])] if finding["path_label"] else [],
                "message": [Item(finding["message"])] if finding["message"] else [],
                "concerns": [Item(str(concerns))] if concerns else [],
            }
            table.rows.append(cells)
    return table


def validation_sheets(request: Request, model: dict[str, Any], findings: Table) -> list[Sheet]:
    """The Prüfbericht as a workbook: the findings, then the counts by severity, kind and office."""
    lang = lang_of(request)
    number = t("web.validation.number", lang)
    severity = Sheet(
        t("web.validation.counts", lang),
        [t("web.validation.severity", lang), number],
        [[t("web.severity." + sev, lang), n] for sev, n in model["counts"].items()],
        row_headers=True,
    )
    counted = t("web.validation.findings", lang)
    by_kind = Sheet(
        t("web.validation.by_kind", lang),
        [t("web.validation.filter_kind", lang), counted],
        [[kind, n] for kind, n in model["by_kind"]],
        row_headers=True,
    )
    by_office = Sheet(
        t("web.validation.by_office", lang),
        [t("web.validation.filter_office", lang), counted],
        [[o["label"], o["count"]] for o in model["by_office"]],
        row_headers=True,
    )
    return [findings.to_sheet(base=str(request.base_url)), severity, by_kind, by_office]
