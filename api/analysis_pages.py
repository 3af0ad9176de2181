"""Analysis pages: the interface matrix as a heat map, the gaps and the overlaps reports.

The matrix counts the declared interfaces and delimitations between each pair of plans; every cell has
its number, a colour (darker = more) and a text, and links to its evidence (the relations). Gaps and
overlaps are the named queries tagged ``Lücken`` / ``Überschneidungen`` in ``queries/``, each shown as a
table with its German or English title and description."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.analysis_views import analysis_page, options_of
from api.context import entry_href, lang_of, state
from api.library import function
from api.negotiation import respond
from api.results_view import result_table
from api.scope import cache_part, outside_scope, scope_model, scope_of, scoped_rows
from api.tables import Column, Item, Table
from isrp_graph import entries
from isrp_graph.analyses.basis import Facts, abbreviation
from isrp_graph.analyses.common import Labeller, sort_key
from isrp_graph.messages import MESSAGES, LocalizedError, register, t
from isrp_graph.queries import run_named

router = APIRouter()

register(
    {
        "web.matrix.title": {"de": "Schnittstellen-Matrix", "en": "Interface matrix"},
        "web.matrix.intro": {
            "de": "Jede Zelle zählt die erklärten Schnittstellen und Abgrenzungen zwischen zwei Planungen. "
            "Je dunkler, desto mehr. Die Zahl führt zu den Belegen darunter; die Tabelle der Belege "
            "nennt jede Beziehung einzeln.",
            "en": "Each cell counts the declared interfaces and delimitations between two plans. The "
            "darker, the more. The number leads to the evidence below; the evidence table lists every "
            "relation.",
        },
        "web.matrix.caption": {
            "de": "Zahl der Schnittstellen und Abgrenzungen je Planungspaar (Zeile × Spalte)",
            "en": "Number of interfaces and delimitations per pair of plans (row × column)",
        },
        "web.matrix.cell": {
            "de": "{n} Beziehung(en) zwischen {a} und {b}",
            "en": "{n} relation(s) between {a} and {b}",
        },
        "web.matrix.evidence": {"de": "Belege", "en": "Evidence"},
        "web.matrix.cell2": {
            "de": "{a} und {b}: {interfaces} Schnittstelle(n), {delimitations} Abgrenzung(en), "
            "{examples} Beispiel(e)",
            "en": "{a} and {b}: {interfaces} interface(s), {delimitations} delimitation(s), "
            "{examples} example(s)",
        },
        "web.matrix.summary2": {
            "de": "{plans} Planungen, davon {connected} mit erklärten Beziehungen; {relations} erklärte "
            "Beziehungen. Am stärksten verbunden: {top}.",
            "en": "{plans} plans, {connected} of them with declared relations; {relations} declared "
            "relations. Most connected: {top}.",
        },
        "web.matrix.how2": {
            "de": "Jede Planung ist eine Zeile; die Spalten tragen dieselben Planungen, abgekürzt (der volle "
            "Name steht im Schlüssel darunter und erscheint beim Zeigen oder Fokussieren). Jedes Paar steht "
            "einmal, oberhalb der Diagonale. „S“ zählt Schnittstellen, „A“ Abgrenzungen, „B“ Beispiele (nur "
            "auf Wunsch, nicht gezählt); die Farbe wird mit der Zahl dunkler. Leere Felder: keine Beziehung "
            "erklärt.",
            "en": "Each plan is a row; the columns carry the same plans, abbreviated (the full name is in "
            "the key below and appears on hover or focus). Each pair appears once, above the diagonal. "
            "'I' counts interfaces, 'D' delimitations, 'E' examples (only on request, not counted); the "
            "colour darkens with the number. Empty cells: no relation declared.",
        },
        "web.matrix.key": {"de": "Schlüssel der Abkürzungen", "en": "Key to the abbreviations"},
        "web.matrix.short": {"de": "Abkürzung", "en": "Abbreviation"},
        "web.matrix.examples_switch": {
            "de": "Beispiel-Beziehungen zeigen (markiert, nicht gezählt)",
            "en": "Show example relations (marked, not counted)",
        },
        "web.matrix.evidence_caption": {
            "de": "Alle erklärten Beziehungen zwischen Planungen",
            "en": "All declared relations between plans",
        },
        "web.matrix.plan": {"de": "Planung", "en": "Plan"},
        "web.matrix.other": {"de": "Partnerplanung", "en": "Partner plan"},
        "web.matrix.kind": {"de": "Art", "en": "Kind"},
        "web.matrix.relation": {"de": "Beziehung", "en": "Relation"},
        "web.matrix.interface": {"de": "Schnittstelle", "en": "interface"},
        "web.matrix.delimitation": {"de": "Abgrenzung", "en": "delimitation"},
        "web.matrix.empty": {
            "de": "Im Register sind noch keine Schnittstellen oder Abgrenzungen erklärt.",
            "en": "The registry declares no interfaces or delimitations yet.",
        },
        "web.matrix.summary": {
            "de": "{plans} Planungen mit Beziehungen, {relations} erklärte Beziehungen. Am stärksten "
            "verbunden: {top}.",
            "en": "{plans} plans with relations, {relations} declared relations. Most connected: {top}.",
        },
        "web.gaps.title": {"de": "Planungslücken", "en": "Planning gaps"},
        "web.gaps.intro": {
            "de": "Wo fehlt Planung? Jede Tabelle beantwortet eine Frage aus dem Abfragekatalog; die "
            "Abfrage selbst steht auf der SPARQL-Seite zum Nachprüfen.",
            "en": "Where is planning missing? Each table answers one question from the query "
            "catalogue; the query itself is on the SPARQL page for checking.",
        },
        "web.overlaps.title": {"de": "Überschneidungen", "en": "Overlaps"},
        "web.overlaps.intro": {
            "de": "Wo planen mehrere Planungen für dieselben Menschen, Themen, Räume, Netzwerke oder "
            "Fördermittel? Abgeleitete Überschneidungen sind Hinweise auf mögliche Schnittstellen.",
            "en": "Where do several plans plan for the same people, topics, areas, networks or funding? "
            "Derived overlaps hint at possible interfaces.",
        },
        "web.report.show_query": {"de": "Abfrage ansehen", "en": "View query"},
        "web.report.no_rows": {"de": "Keine Treffer.", "en": "No matches."},
        "web.report.failed": {
            "de": "Diese Abfrage schlug fehl: {reason}",
            "en": "This query failed: {reason}",
        },
    }
)


# Column headings of the gap and overlap reports: the queries' variable names in words. A variable
# without an entry keeps its name (the SPARQL page always shows the names as written).
REPORT_COLUMNS: dict[str, tuple[str, str]] = {
    "area": ("Gebiet", "Area"),
    "areas": ("Gebiete", "Areas"),
    "areaMatch": ("Gebiet passt", "Area matches"),
    "assigned": ("zugeordnet", "Assigned"),
    "base": ("Ausgangsdatum", "Base date"),
    "basis": ("Grundlage", "Basis"),
    "concept": ("Begriff", "Concept"),
    "due": ("fällig seit", "Due since"),
    "end": ("Laufzeit bis", "Term until"),
    "expiredPlans": ("nicht mehr wirksame Planungen", "Plans no longer in force"),
    "group": ("Zielgruppe", "Target group"),
    "groupMatch": ("Zielgruppe passt", "Target group matches"),
    "guideline": ("Leitlinie", "Guideline"),
    "hasBudgetItem": ("Haushaltsbezug", "Budget item"),
    "hasFunding": ("Förderung", "Funding"),
    "hasIndicator": ("Indikator", "Indicator"),
    "indicator": ("Indikator", "Indicator"),
    "indicators": ("Indikatoren", "Indicators"),
    "kind": ("Art", "Kind"),
    "law": ("Gesetz", "Law"),
    "measure": ("Maßnahme", "Measure"),
    "namingPlan": ("nennende Planung", "Naming plan"),
    "need": ("Bedarf", "Need"),
    "network": ("Netzwerk", "Network"),
    "networks": ("Netzwerke", "Networks"),
    "observation": ("Beobachtung", "Observation"),
    "observations": ("Beobachtungen", "Observations"),
    "office": ("Federführende Stelle", "Lead office"),
    "partner": ("Partnerplanung", "Partner plan"),
    "plan": ("Planung", "Plan"),
    "planA": ("Planung A", "Plan A"),
    "planB": ("Planung B", "Plan B"),
    "planClass": ("Planart", "Kind of plan"),
    "plansUsing": ("nutzende Planungen", "Plans using it"),
    "provision": ("Vorschrift", "Provision"),
    "reference": ("Bezugsgliederung", "Reference system"),
    "relation": ("Beziehung", "Relation"),
    "scheme": ("Förderprogramm", "Funding scheme"),
    "schemeA": ("Förderprogramm A", "Funding scheme A"),
    "schemeB": ("Förderprogramm B", "Funding scheme B"),
    "schemes": ("Förderprogramme", "Funding schemes"),
    "scopes": ("Geltungsbereiche", "Scopes"),
    "spaces": ("gemeinsamer Raum", "Shared space"),
    "status": ("Stand", "Status"),
    "system": ("Raumgliederung", "Spatial system"),
    "targetGroups": ("Zielgruppen", "Target groups"),
    "topic": ("Thema", "Topic"),
    "topics": ("Themen", "Topics"),
    "unit": ("Raumeinheit", "Spatial unit"),
    "unitCount": ("Zahl der Raumeinheiten", "Number of units"),
    "updateCycle": ("Fortschreibungszyklus", "Update cycle"),
}
register({f"web.report.col.{k}": {"de": de, "en": en} for k, (de, en) in REPORT_COLUMNS.items()})


def report_column_label(name: str, lang: str) -> str:
    key = f"web.report.col.{name}"
    return t(key, lang) if key in MESSAGES else name


def heat_style(count: int, maximum: int) -> str:
    """Background from light to dark blue; text colour keeps a contrast of at least 4.5:1."""
    if count <= 0 or maximum <= 0:
        return ""
    share = count / maximum
    steps = [
        ("#dbe9f6", "#0b0c0c"),
        ("#9ecae1", "#0b0c0c"),
        ("#4a90c2", "#000000"),
        ("#1f5f99", "#ffffff"),
        ("#08306b", "#ffffff"),
    ]
    index = min(len(steps) - 1, int(share * (len(steps) - 1) + 0.5))
    background, color = steps[index]
    return f"background:{background};color:{color}"


def _plan_names(request: Request, examples: bool) -> tuple[list[str], dict[str, str], dict[str, str], Any]:
    """Every plan of the registry (also those without any relation; examples only when asked for), by
    label, with full and abbreviated names (unique) and the facts used to mark examples."""
    app = state(request)
    lang = lang_of(request)
    plans = request.app.state.cache.get(
        app.store, ("matrix-plans", lang), lambda: run_named(app.store, "plans-overview", {}, lang)
    )
    iris = sorted({str(r["plan"]) for r in plans.rows})
    outside = outside_scope(request, iris)  # plans of another municipality than the page covers
    iris = [iri for iri in iris if iri not in outside]
    facts = Facts(app.store, iris)
    labeller = Labeller(app.store, lang)
    labeller.prime(iris)
    full = {iri: labeller.ref(iri).label for iri in iris if examples or not facts.illustrative(iri)}
    order = sorted(full, key=lambda iri: (sort_key(full[iri]), iri))
    short: dict[str, str] = {}
    used: dict[str, int] = {}
    for iri in order:
        name = abbreviation(full[iri], facts[iri].alt_labels)
        used[name] = used.get(name, 0) + 1
        short[iri] = name if used[name] == 1 else f"{name} ({used[name]})"
    return order, full, short, facts


def matrix_model(request: Request) -> tuple[dict[str, Any], Table, Table]:
    """One triangle of every plan × plan pair: "2 S · 1 A" (interfaces, delimitations; examples "B"
    only with ?beispiele=1), coloured by the number of relations, each count leading to its evidence."""
    app = state(request)
    lang = lang_of(request)
    _, examples = options_of(request)
    pairs = request.app.state.cache.get(
        app.store, ("pairs", lang), lambda: entries.relation_pairs(app.store, lang)
    )
    order, full, short, facts = _plan_names(request, examples)
    facts.add(p.relation.iri for p in pairs)
    index = {iri: i for i, iri in enumerate(order)}
    kept = [
        p
        for p in pairs
        if p.plan.iri in index
        and p.other.iri in index
        and (examples or not facts.illustrative(p.relation.iri))
    ]
    cells: dict[tuple[str, str], dict[str, int]] = {}
    for pair in kept:
        a, b = sorted((pair.plan.iri, pair.other.iri), key=lambda iri: index[iri])
        if pair.plan.iri != a:
            continue  # each relation once, in the upper triangle
        kind = "example" if facts.illustrative(pair.relation.iri) else pair.kind
        counts = cells.setdefault((a, b), {"interface": 0, "delimitation": 0, "example": 0})
        counts[kind] += 1
    maximum = max((c["interface"] + c["delimitation"] for c in cells.values()), default=0)
    columns = [Column("plan", t("web.matrix.plan", lang), sortable=False)] + [
        Column(f"c{i}", short[iri], numeric=True, sortable=False) for i, iri in enumerate(order)
    ]
    table = Table(t("web.matrix.caption", lang), columns)
    for r, row_iri in enumerate(order):
        row: dict[str, list[Item]] = {"plan": [Item(full[row_iri], entry_href(request, row_iri))]}
        for c, col_iri in enumerate(order):
            if c < r:
                row[f"c{c}"] = [Item("")]  # the other triangle: the same pair is above
                continue
            if c == r:
                row[f"c{c}"] = [Item("–")]
                continue
            counts = cells.get((row_iri, col_iri))
            if not counts:
                continue
            parts = []
            if counts["interface"]:
                parts.append(t("analysis.matrix.interfaces", lang, n=counts["interface"]))
            if counts["delimitation"]:
                parts.append(t("analysis.matrix.delimitations", lang, n=counts["delimitation"]))
            if counts["example"]:
                parts.append(t("analysis.matrix.examples", lang, n=counts["example"]))
            title = t(
                "web.matrix.cell2",
                lang,
                interfaces=counts["interface"],
                delimitations=counts["delimitation"],
                examples=counts["example"],
                a=full[row_iri],
                b=full[col_iri],
            )
            row[f"c{c}"] = [Item(" · ".join(parts), f"#pair-{r}-{c}", title=title)]
            declared = counts["interface"] + counts["delimitation"]
            if declared:
                table.styles[(r, f"c{c}")] = heat_style(declared, maximum)
        table.rows.append(row)
    evidence = Table(
        t("web.matrix.evidence_caption", lang),
        [
            Column("plan", t("web.matrix.plan", lang)),
            Column("other", t("web.matrix.other", lang)),
            Column("kind", t("web.matrix.kind", lang)),
            Column("relation", t("web.matrix.relation", lang)),
        ],
    )
    anchors: list[str] = []
    for pair in kept:
        example = facts.illustrative(pair.relation.iri)
        kind = t(f"web.matrix.{pair.kind}", lang) + (
            f" ({t('analysis.basis.example', lang)})" if example else ""
        )
        evidence.rows.append(
            {
                "plan": [Item(pair.plan.label, entry_href(request, pair.plan.iri))],
                "other": [Item(pair.other.label, entry_href(request, pair.other.iri))],
                "kind": [Item(kind)],
                "relation": [Item(pair.relation.label, entry_href(request, pair.relation.iri))],
            }
        )
        a, b = sorted((index[pair.plan.iri], index[pair.other.iri]))
        anchors.append(f"pair-{a}-{b}")
    degree = {iri: 0 for iri in order}
    for (a, b), counts in cells.items():
        declared = counts["interface"] + counts["delimitation"]
        degree[a] += declared
        degree[b] += declared
    totals = {c["interface"] + c["delimitation"] for c in cells.values()} - {0}
    scale = [{"n": n, "style": heat_style(n, maximum)} for n in sorted(totals)]
    top = [iri for iri in sorted(order, key=lambda iri: -degree[iri])[:3] if degree[iri]]
    connected = sum(1 for iri in order if degree[iri])
    model = {
        "plans": [
            {"iri": iri, "label": full[iri], "short": short[iri], "example": facts.illustrative(iri)}
            for iri in order
        ],
        "pairs": [p for p in kept],
        "anchors": anchors,
        "include_examples": examples,
        "scope": scope_model(request),
        "scale": scale,
        "summary": t(
            "web.matrix.summary2",
            lang,
            plans=len(order),
            connected=connected,
            relations=len({p.relation.iri for p in kept if not facts.illustrative(p.relation.iri)}),
            top=", ".join(f"{full[i]} ({degree[i]})" for i in top) or "–",
        )
        if order
        else None,
    }
    return model, table, evidence


@router.get("/schnittstellen", include_in_schema=False)
def matrix(request: Request) -> Response:
    lang = lang_of(request)
    model, table, evidence = matrix_model(request)
    return respond(
        request,
        "matrix.html",
        model,
        table=evidence,
        filename="schnittstellen",
        title=t("web.matrix.title", lang),
        heat=table,
    )


def tagged_reports(request: Request, tag: str) -> list[dict[str, Any]]:
    """Run every named query with ``tag``; a failing query shows its error, the others still run."""
    app = state(request)
    lang = lang_of(request)
    catalogue = function("isrp_graph.queries", "catalogue")
    run_named = function("isrp_graph.queries", "run_named")
    scope = scope_of(request)
    reports = []
    for query in catalogue():
        # queries that need a value without default (e.g. one measure) belong on the SPARQL page
        if tag not in query.tags or any(p.required for p in query.parameters):
            continue
        item: dict[str, Any] = {
            "name": query.name,
            "title": query.title_in(lang),
            "description": query.description_in(lang),
            "error": None,
            "table": None,
        }
        params = {"kommune": scope[0]} if len(scope) == 1 and "kommune" in names_of(query) else {}
        try:
            result = request.app.state.cache.get(
                app.store,
                ("named", query.name, lang, *cache_part(request)),
                lambda q=query, p=params: scoped_rows(request, run_named(app.store, q.name, p, lang)),
            )
            item["table"] = result_table(request, result, query.title_in(lang))
            for column in item["table"].columns:
                column.label = report_column_label(column.key, lang)
        except LocalizedError as exc:
            item["error"] = t("web.report.failed", lang, reason=exc.message(lang))
        except (KeyError, ValueError) as exc:  # a broken query file must not take the page down
            item["error"] = t("web.report.failed", lang, reason=str(exc))
        reports.append(item)
    return reports


def names_of(query: Any) -> set[str]:
    return {p.name for p in query.parameters}


def _report_page(request: Request, tag: str, key: str) -> Response:
    lang = lang_of(request)
    model = {"reports": tagged_reports(request, tag), "intro": t(f"web.{key}.intro", lang)}
    return respond(request, "reports.html", model, title=t(f"web.{key}.title", lang))


@router.get("/luecken", include_in_schema=False)
def gaps(request: Request) -> Response:
    return analysis_page(request, "gaps", "gaps")


@router.get("/ueberschneidungen", include_in_schema=False)
def overlaps(request: Request) -> Response:
    return analysis_page(request, "overlaps", "overlaps")
