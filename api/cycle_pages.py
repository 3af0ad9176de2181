"""The working cycle on the web: "Vom Bedarf zur Wirkung" (``/wirkung``: flow diagram, the same numbers
as a table, needs and measures with their chain, CSV of need–measure rows), the priority sessions
(``/prioritaeten``, with the comparison of two sessions) and the chain section of a measure's page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

import api.i18n_cycle  # noqa: F401  (registers the web.cycle.* texts)
from api.context import entry_href, lang_of, state
from api.negotiation import PAGE, TABLE_PAGE, respond
from api.scope import cache_part, scope_model, scope_of
from api.tables import Column, Item, Table
from isrp_graph.cycle import FlowFilters, compare_sessions, impact_flow, measure_chain, session_rankings
from isrp_graph.cycle.flow import STAGES
from isrp_graph.cycle.model import ImpactFlow, MeasureFacts, NeedFacts
from isrp_graph.messages import t

router = APIRouter()


def de_date(day: date | None, lang: str) -> str:
    if day is None:
        return ""
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()


def de_number(value: Decimal | float | int | None, lang: str, places: int = 0) -> str:
    if value is None:
        return ""
    text = f"{float(value):,.{places}f}"
    return text.replace(",", "§").replace(".", ",").replace("§", ".") if lang == "de" else text


def euro(value: Decimal | None, lang: str) -> str:
    return "" if value is None else f"{de_number(value, lang, 2)} €"


def percent(share: float | None, lang: str) -> str:
    return "" if share is None else f"{de_number(share * 100, lang)} %"


def _want_examples(request: Request) -> bool:
    return request.query_params.get("beispiele") in ("1", "ja", "true")


def _filters(request: Request) -> FlowFilters:
    q = request.query_params
    return FlowFilters(
        area=q.get("gebiet") or None,
        target_group=q.get("zielgruppe") or None,
        office=q.get("amt") or None,
        kommunen=scope_of(request),
    )


def _refs(request: Request, refs: Any) -> list[Item]:
    return [Item(r.label, entry_href(request, r.iri)) for r in refs]


def state_text(measure: MeasureFacts, lang: str) -> str:
    current = measure.state
    if current is None:
        return t("cycle.state.unknown", lang)
    return (
        t("web.cycle.state_since", lang, state=current.state.label, since=de_date(current.since, lang))
        if current.since
        else current.state.label
    )


def decision_items(request: Request, measure: MeasureFacts, lang: str) -> list[Item]:
    if measure.plan is not None:
        return [Item(measure.plan.label, entry_href(request, measure.plan.iri))]
    return [Item(t(f"cycle.decision.{measure.decision}", lang))]


def flow_table(request: Request, flow: ImpactFlow, lang: str) -> Table:
    """One row per need–measure pair, then needs without measure and measures without need."""
    columns = [
        Column("need", t("web.cycle.col.need", lang)),
        Column("origin", t("web.cycle.col.origin", lang)),
        Column("identified", t("web.cycle.col.identified", lang)),
        Column("areas", t("web.cycle.col.areas", lang)),
        Column("groups", t("web.cycle.col.groups", lang)),
        Column("priority", t("web.cycle.col.priority", lang)),
        Column("measure", t("web.cycle.col.measure", lang)),
        Column("decision", t("web.cycle.col.decision", lang)),
        Column("office", t("web.cycle.col.office", lang)),
        Column("state", t("web.cycle.col.state", lang)),
        Column("budget", t("web.cycle.col.budget", lang), numeric=True),
        Column("targets", t("web.cycle.col.targets", lang)),
    ]
    table = Table(t("web.cycle.table_caption", lang), columns)
    by_need: dict[str, list[MeasureFacts]] = {}
    for measure in flow.measures:
        for need in measure.needs:
            by_need.setdefault(need.iri, []).append(measure)

    def need_cells(need: NeedFacts) -> dict[str, list[Item]]:
        priority = flow.priorities.get(need.need.iri)
        return {
            "need": [Item(need.need.label, entry_href(request, need.need.iri))],
            "origin": _refs(request, [need.origin] if need.origin else []),
            "identified": [Item(de_date(need.identified_on, lang))] if need.identified_on else [],
            "areas": _refs(request, need.areas),
            "groups": _refs(request, need.target_groups),
            "priority": [
                Item(
                    t("web.cycle.place", lang, n=priority.position, session=priority.session.label),
                    entry_href(request, priority.session.iri),
                )
            ]
            if priority
            else [],
        }

    def measure_cells(measure: MeasureFacts) -> dict[str, list[Item]]:
        return {
            "measure": [Item(measure.measure.label, entry_href(request, measure.measure.iri))],
            "decision": decision_items(request, measure, lang),
            "office": _refs(request, [measure.office] if measure.office else []),
            "state": [Item(state_text(measure, lang))],
            "budget": [Item(euro(measure.budget_total, lang))] if measure.budget_total is not None else [],
            "targets": [Item(target_text(p, lang)) for p in measure.targets],
        }

    for need in flow.needs:
        for measure in by_need.get(need.need.iri, []) or [None]:
            table.rows.append({**need_cells(need), **(measure_cells(measure) if measure else {})})
    for measure in flow.measures_without_need:
        table.rows.append(measure_cells(measure))
    return table


def target_text(progress: Any, lang: str) -> str:
    latest = progress.latest
    parts = [progress.indicator.label]
    if progress.baseline is not None:
        parts.append(
            t(
                "web.cycle.baseline",
                lang,
                value=de_number(progress.baseline, lang, 1),
                on=de_date(progress.baseline_date, lang),
            )
        )
    if progress.target is not None:
        parts.append(
            t(
                "web.cycle.target",
                lang,
                value=de_number(progress.target, lang, 1),
                on=de_date(progress.target_date, lang),
            )
        )
    if latest is not None:
        parts.append(
            t("web.cycle.latest", lang, value=de_number(latest.value, lang, 1), on=de_date(latest.on, lang))
        )
    if progress.share is not None:
        parts.append(t("web.cycle.share", lang, share=percent(progress.share, lang)))
    return ", ".join(p for p in parts if p)


def links_table(flow: ImpactFlow, lang: str) -> Table:
    table = Table(
        t("web.cycle.links_caption", lang),
        [
            Column("from_stage", t("web.cycle.col.from_stage", lang)),
            Column("from", t("web.cycle.col.from", lang)),
            Column("to_stage", t("web.cycle.col.to_stage", lang)),
            Column("to", t("web.cycle.col.to", lang)),
            Column("n", t("web.cycle.col.n", lang), numeric=True),
        ],
    )
    for stage, value, next_stage, next_value, n in flow.links:
        table.rows.append(
            {
                "from_stage": [Item(t(f"cycle.stage.{stage}", lang))],
                "from": [Item(value)],
                "to_stage": [Item(t(f"cycle.stage.{next_stage}", lang))],
                "to": [Item(next_value)],
                "n": [Item(de_number(n, lang))],
            }
        )
    return table


def flow_diagram(flow: ImpactFlow, lang: str) -> dict[str, Any]:
    """Boxes per stage value and bands between them, sized by count (an SVG drawn by the template)."""
    width, box_width, height, gap = 960, 150, 360, 14
    column_gap = (width - box_width) / (len(STAGES) - 1)
    outgoing: dict[tuple[str, str], int] = {}
    incoming: dict[tuple[str, str], int] = {}
    for stage, value, next_stage, next_value, n in flow.links:
        outgoing[(stage, value)] = outgoing.get((stage, value), 0) + n
        incoming[(next_stage, next_value)] = incoming.get((next_stage, next_value), 0) + n
    totals = {key: max(outgoing.get(key, 0), incoming.get(key, 0)) for key in {*outgoing, *incoming}}
    grand = max((sum(v for (s, _), v in totals.items() if s == stage) for stage in STAGES), default=0)
    if not grand:
        return {"boxes": [], "bands": [], "width": width, "height": height}
    usable = height - gap * 4
    scale = usable / grand
    boxes, position = [], {}
    for index, stage in enumerate(STAGES):
        y = 0.0
        for (s, value), total in sorted(totals.items(), key=lambda kv: -kv[1]):
            if s != stage:
                continue
            h = max(total * scale, 4)
            box = {
                "x": index * column_gap,
                "y": y,
                "w": box_width,
                "h": h,
                "label": value,
                "n": de_number(total, lang),
                "stage": t(f"cycle.stage.{stage}", lang),
            }
            boxes.append(box)
            position[(stage, value)] = {"box": box, "out": y, "in": y}
            y += h + gap
    bands = []
    for stage, value, next_stage, next_value, n in flow.links:
        a, b = position[(stage, value)], position[(next_stage, next_value)]
        thickness = n * scale
        y1, y2 = a["out"] + thickness / 2, b["in"] + thickness / 2
        a["out"] += thickness
        b["in"] += thickness
        x1, x2 = a["box"]["x"] + box_width, b["box"]["x"]
        middle = (x1 + x2) / 2
        bands.append(
            {
                "d": f"M{x1:.1f},{y1:.1f} C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} {x2:.1f},{y2:.1f}",
                "w": max(thickness, 1.5),
                "title": f"{value} → {next_value}: {de_number(n, lang)}",
            }
        )
    return {"boxes": boxes, "bands": bands, "width": width, "height": height}


@router.get("/wirkung", include_in_schema=False)
def impact(request: Request) -> Response:
    lang = lang_of(request)
    app = state(request)
    examples = _want_examples(request)
    filters = _filters(request)
    flow = request.app.state.cache.get(
        app.store,
        ("impact-flow", lang, filters, examples),
        lambda: impact_flow(app.store, lang, filters, include_examples=examples),
    )
    table = flow_table(request, flow, lang)
    model = {
        "flow": flow,
        "diagram": flow_diagram(flow, lang),
        "links": links_table(flow, lang),
        "examples_included": examples,
        "filters": filters,
        "summary": t(
            "web.cycle.summary",
            lang,
            needs=len(flow.needs),
            measures=len(flow.measures),
            without_measure=len(flow.needs_without_measure),
            without_need=len(flow.measures_without_need),
            examples=len(flow.examples),
        ),
        "options": filter_options(flow, lang),
        "scope": scope_model(request, "web.scope.covers_data"),
    }
    return respond(
        request,
        "cycle_flow.html",
        model,
        table=table,
        filename="vom-bedarf-zur-wirkung",
        title=t("web.cycle.title", lang),
        formats=TABLE_PAGE,
    )


def filter_options(flow: ImpactFlow, lang: str) -> dict[str, list[tuple[str, str]]]:
    areas = {a.iri: a.label for n in flow.needs for a in n.areas}
    groups = {g.iri: g.label for n in flow.needs for g in n.target_groups}
    offices = {m.office.iri: m.office.label for m in flow.measures if m.office}
    return {
        k: sorted(v.items(), key=lambda kv: kv[1].casefold())
        for k, v in {"areas": areas, "groups": groups, "offices": offices}.items()
    }


@router.get("/prioritaeten", include_in_schema=False)
def priorities(request: Request) -> Response:
    lang = lang_of(request)
    app = state(request)
    examples = _want_examples(request)
    kommunen = scope_of(request)
    rankings = request.app.state.cache.get(
        app.store,
        ("priority-sessions", lang, examples, *cache_part(request)),
        lambda: session_rankings(app.store, lang, include_examples=examples, kommunen=kommunen),
    )
    by_iri = {r.session.iri: r for r in rankings}
    first, second = (
        by_iri.get(request.query_params.get("vergleich", "")),
        by_iri.get(request.query_params.get("mit", "")),
    )
    model = {
        "sessions": rankings,
        "tables": [ranking_table(request, r, lang) for r in rankings],
        "comparison": comparison_table(request, first, second, lang) if first and second else None,
        "examples_included": examples,
        "scope": scope_model(request, "web.scope.covers_data"),
    }
    return respond(
        request, "priorities.html", model, title=t("web.cycle.priorities_title", lang), formats=PAGE
    )


def ranking_table(request: Request, ranking: Any, lang: str) -> Table:
    columns = [
        Column("position", t("web.cycle.col.position", lang), numeric=True),
        Column("need", t("web.cycle.col.need", lang)),
        Column("rank", t("web.cycle.col.rank", lang), numeric=True),
    ]
    columns += [Column(f"c{i}", c.criterion.label, numeric=True) for i, c in enumerate(ranking.criteria)]
    columns.append(Column("total", t("web.cycle.col.total", lang), numeric=True))
    table = Table(t("web.cycle.ranking_caption", lang, session=ranking.session.label), columns)
    for row in ranking.needs:
        cells = {
            "position": [Item(str(row.position))],
            "need": [Item(row.need.label, entry_href(request, row.need.iri))],
            "rank": [Item(str(row.rank))] if row.rank is not None else [],
            "total": [Item(de_number(row.total, lang, 1))] if row.total is not None else [],
        }
        for i, c in enumerate(ranking.criteria):
            score = row.scores.get(c.criterion.iri)
            cells[f"c{i}"] = [Item(de_number(score, lang, 1))] if score is not None else []
        table.rows.append(cells)
    return table


def comparison_table(request: Request, first: Any, second: Any, lang: str) -> Table:
    table = Table(
        t("web.cycle.comparison_caption", lang, first=first.session.label, second=second.session.label),
        [
            Column("need", t("web.cycle.col.need", lang)),
            Column("first", first.session.label, numeric=True),
            Column("second", second.session.label, numeric=True),
            Column("change", t("web.cycle.col.change", lang)),
        ],
    )
    for row in compare_sessions(first, second):
        change = (
            ""
            if row.change is None
            else (
                t("web.cycle.up", lang, n=row.change)
                if row.change > 0
                else t("web.cycle.down", lang, n=-row.change)
                if row.change < 0
                else t("web.cycle.same", lang)
            )
        )
        table.rows.append(
            {
                "need": [Item(row.label, entry_href(request, row.need))],
                "first": [Item(str(row.first))] if row.first else [],
                "second": [Item(str(row.second))] if row.second else [],
                "change": [Item(change)] if change else [],
            }
        )
    return table


def chain_for(request: Request, iri: str, types: Any) -> dict[str, Any] | None:
    """The model of the chain section of a measure's page (None for other entries)."""
    if "https://w3id.org/isrp/def#Measure" not in {str(getattr(ty, "iri", ty)) for ty in types}:
        return None
    lang = lang_of(request)
    app = state(request)
    chain = request.app.state.cache.get(
        app.store, ("measure-chain", iri, lang), lambda: measure_chain(app.store, iri, lang)
    )
    if chain is None:
        return None
    m = chain.measure
    return {
        "chain": chain,
        "state": state_text(m, lang),
        "decision": decision_items(request, m, lang),
        "budget": [(b.item, b.year or "", euro(b.amount, lang), b.budget_line or "") for b in m.budget],
        "budget_total": euro(m.budget_total, lang),
        "states": [(s.state.label, de_date(s.since, lang)) for s in m.states],
        "targets": [target_text(p, lang) for p in m.targets],
        "evaluations": [(e, de_date(e.on, lang)) for e in m.evaluations],
        "needs": [(n, de_date(n.identified_on, lang), chain.priorities.get(n.need.iri)) for n in chain.needs],
        "fitting": chain.fitting_plans,
    }
