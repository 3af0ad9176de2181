"""The facts of the annual Sozialplanungsreport, gathered from the store at a reference date (Stichtag).

Built on the existing analyses (gaps, overlaps, declared relations, the process) plus a few questions
of its own (plans with status and term, measures with state, budget and indicators, indicator values
per area, the sources). Examples (``isrp:illustrative true``) are never counted: they are left out and
their number is said.

``kommunen`` (municipality IRIs; empty = all) limits every section to the entries linked to those
municipalities by ``isrp:municipality`` (never by the IRI's text): plans, measures, bodies, declared
relations and process steps by their own link, indicator values by their area's, the sources by the
entries that rest on them, the gaps and overlaps by the analyses' own scope, the changes by the changed
entry's link (a removed entry by the link it had). Shared entries (laws, funding schemes, concepts) have
no municipality and are named wherever a scoped entry uses them."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rdflib import Literal, URIRef

from isrp_graph.analyses.gaps import duration_text, find_gaps
from isrp_graph.analyses.overlaps import find_overlaps
from isrp_graph.analyses.table import Table
from isrp_graph.entries import LABEL_PROPERTIES, local_name, process
from isrp_graph.messages import normalise_lang
from isrp_graph.scope import in_municipalities, municipalities
from isrp_graph.scope.membership import members
from isrp_graph.store.base import Store

_PLANS = """
SELECT ?plan ?status ?office ?begin ?end ?cycle ?last ?illustrative WHERE {
  ?plan a/rdfs:subClassOf* isrp:SectoralPlan . FILTER(isIRI(?plan))
  OPTIONAL { ?plan isrp:status ?status }
  OPTIONAL { ?plan isrp:responsibleOrganization ?office }
  OPTIONAL { ?plan isrp:term/time:hasBeginning/time:inXSDDate ?begin }
  OPTIONAL { ?plan isrp:term/time:hasEnd/time:inXSDDate ?end }
  OPTIONAL { ?plan isrp:updateCycle ?cycle }
  OPTIONAL { ?plan isrp:lastUpdated ?last }
  OPTIONAL { ?plan isrp:illustrative ?illustrative }
}
"""

_MEASURES = """
SELECT ?measure ?plan ?status ?budget ?amount ?year ?indicator ?illustrative WHERE {
  ?measure a/rdfs:subClassOf* isrp:Measure . FILTER(isIRI(?measure))
  OPTIONAL { ?measure isrp:assignedPlan ?plan }
  OPTIONAL { ?measure isrp:status ?status }
  OPTIONAL { ?measure isrp:budgetItem ?budget
             OPTIONAL { ?budget isrp:amount ?amount } OPTIONAL { ?budget isrp:fiscalYear ?year } }
  OPTIONAL { ?measure isrp:usesIndicator ?indicator }
  OPTIONAL { ?measure isrp:illustrative ?illustrative }
}
"""

_OBSERVATIONS = """
SELECT ?observation ?indicator ?area ?value ?level ?when ?illustrative WHERE {
  ?observation a isrp:IndicatorObservation ; isrp:indicator ?indicator ; isrp:observedArea ?area .
  OPTIONAL { ?observation isrp:value ?value }
  OPTIONAL { ?observation isrp:needLevel ?level }
  OPTIONAL { ?observation isrp:referenceDate ?when }
  OPTIONAL { ?observation isrp:illustrative ?illustrative }
}
"""

_SOURCES = """
SELECT ?source (COUNT(DISTINCT ?entry) AS ?entries) WHERE {
  ?entry dcterms:source ?source . FILTER(isIRI(?entry))
} GROUP BY ?source
"""

# the sources of the entries of some municipalities, of the municipality nodes themselves and of the
# shared entries (no isrp:municipality: laws, funding schemes, geometries, sources) one of their entries
# names — never a shared entry only another municipality uses (its sources, its areas' geometries)
_SCOPED_SOURCES = """
SELECT ?source (COUNT(DISTINCT ?entry) AS ?entries) WHERE {
  { #VALUES# ?entry isrp:municipality ?_kommune }
  UNION { #ENTRIES# }
  UNION {
    #VALUES# ?own isrp:municipality ?_kommune . ?own ?link ?entry .
    FILTER(isIRI(?entry) && ?link != isrp:municipality)
    FILTER NOT EXISTS { ?entry isrp:municipality ?other }
  }
  ?entry dcterms:source ?source . FILTER(isIRI(?entry))
} GROUP BY ?source
"""

_LABELS = """
SELECT ?x ?p ?l WHERE { VALUES ?p { %s } ?x ?p ?l . FILTER(isIRI(?x) && isLiteral(?l)) }
"""
_LABELS_OF = """
SELECT ?x ?p ?l WHERE { VALUES ?x { %s } VALUES ?p { %s } ?x ?p ?l . FILTER(isLiteral(?l)) }
"""
_LABEL_BATCH = 500
_IRI_OK = re.compile(r'^https?://[^\x00-\x20<>"{}|^`\\]+$')

_RELATIONS = """
SELECT ?relation ?kind ?a ?b ?source ?illustrative WHERE {
  VALUES (?class ?kind) { (isrp:Interface "interface") (isrp:Delimitation "delimitation") }
  ?t rdfs:subClassOf* ?class .
  ?relation a ?t ; isrp:relatesPlan ?a , ?b . FILTER(isIRI(?relation) && STR(?a) < STR(?b))
  OPTIONAL { ?relation dcterms:source ?source }
  OPTIONAL { ?relation isrp:illustrative ?illustrative }
}
"""

_BODIES = """
SELECT ?body ?rhythm WHERE {
  ?body a/rdfs:subClassOf* isrp:ParticipationElement . FILTER(isIRI(?body))
  OPTIONAL { ?body isrp:meetingRhythm ?rhythm }
}
"""

MUNICIPALITY = "https://w3id.org/isrp/def#municipality"
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?$")


@dataclass(frozen=True)
class PlanRow:
    iri: str
    label: str
    office: str
    status: str
    term: str
    cycle: str
    last_updated: str
    update_due: date | None
    overdue: bool


@dataclass(frozen=True)
class MeasureRow:
    iri: str
    label: str
    plan: str
    status: str
    budget: str
    indicators: str


@dataclass(frozen=True)
class ObservationRow:
    area: str
    indicator: str
    value: str
    level: str
    when: str


@dataclass(frozen=True)
class StepRow:
    number: int | None
    label: str
    body: str
    period: str
    state: str  # "done" | "due" | "overdue" | "planned" | "unknown"


@dataclass(frozen=True)
class SourceRow:
    iri: str
    label: str
    entries: int


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, in the report's language."""

    year: int
    reference_date: date
    lang: str
    plans: tuple[PlanRow, ...]
    measures: tuple[MeasureRow, ...]
    observations: tuple[ObservationRow, ...]
    gap_tables: tuple[Table, ...]
    overlap_table: Table
    relations: tuple[tuple[str, str, str, str, str], ...]  # plan, other, kind, relation, basis
    steps: tuple[StepRow, ...]
    bodies: tuple[tuple[str, str], ...]
    sources: tuple[SourceRow, ...]
    examples_left_out: int
    changes: Any = None  # the release diff, where isrp_graph.changes provides one
    kommunen: tuple[str, ...] = ()  # the names of the municipalities the report covers (sorted)
    scoped: bool = False  # limited to ``kommunen`` (not every municipality of the store)
    extra: dict[str, Any] = field(default_factory=dict)

    def counts(self, values: list[str]) -> list[tuple[str, int]]:
        return sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))


def _true(node: object) -> bool:
    return isinstance(node, Literal) and node.toPython() is True


def _de_date(value: object) -> str:
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, date):
            return py.strftime("%d.%m.%Y")
        return str(value)
    return ""


def add_duration(start: date, duration: str) -> date | None:
    match = _DURATION.match(duration.strip())
    if not match or not any(match.groups()):
        return None
    months = int(match.group(1) or 0) * 12 + int(match.group(2) or 0)
    year, month = divmod(start.month - 1 + months, 12)
    day = min(start.day, 28) if month + 1 == 2 else min(start.day, 30 if month + 1 in (4, 6, 9, 11) else 31)
    return date(start.year + year, month + 1, day)


def collect(
    store: Store,
    year: int,
    lang: str = "de",
    reference_date: date | None = None,
    kommunen: tuple[str, ...] | list[str] = (),
) -> ReportData:
    """The report for ``year``; Stichtag is 31 December of that year, or today while the year runs.
    ``kommunen`` (IRIs): only the entries of those municipalities (see the module text)."""
    lang = normalise_lang(lang)
    kommunen = tuple(kommunen)
    today = date.today()
    stichtag = reference_date or (date(year, 12, 31) if date(year, 12, 31) < today else today)

    def scoped(query: str, variable: str) -> str:
        return in_municipalities(query, variable, kommunen)

    plan_rows = store.select(scoped(_PLANS, "plan")).rows
    measure_rows = store.select(scoped(_MEASURES, "measure")).rows
    observation_rows = store.select(scoped(_OBSERVATIONS, "area")).rows
    source_rows = store.select(_scoped_sources(kommunen) if kommunen else _SOURCES).rows
    body_rows = store.select(scoped(_BODIES, "body")).rows
    relation_rows = store.select(scoped(_RELATIONS, "relation")).rows
    row_sets = (plan_rows, measure_rows, observation_rows, source_rows, body_rows, relation_rows)
    named = {str(v) for rows in row_sets for row in rows for v in row.values() if isinstance(v, URIRef)}
    names = all_labels(store, lang, named if kommunen else None)

    def name(node: object) -> str:
        return names.get(str(node), local_name(str(node))) if node is not None else ""

    examples: set[str] = set()
    plans = _plans(plan_rows, name, stichtag, lang, examples)
    measures = _measures(measure_rows, name, examples)
    observations = _observations(observation_rows, name, examples)
    gaps = find_gaps(store, stichtag, lang, kommunen=kommunen)
    overlaps = find_overlaps(store, lang, kommunen=kommunen)
    relations = _relations(relation_rows, name, examples)
    steps = tuple(_step(s, stichtag) for s in process(store, lang, kommunen).steps)
    bodies = tuple(
        sorted(((name(r["body"]), str(r.get("rhythm") or "")) for r in body_rows), key=lambda b: b[0])
    )
    bodies = tuple(dict(bodies).items())
    sources = tuple(
        sorted(
            (
                SourceRow(str(r["source"]), name(r["source"]), int(r["entries"].toPython()))
                for r in source_rows
            ),
            key=lambda s: (-s.entries, s.label.casefold()),
        )
    )
    return ReportData(
        year=year,
        reference_date=stichtag,
        lang=lang,
        plans=plans,
        measures=measures,
        observations=observations,
        gap_tables=tuple(t for t in gaps.tables() if t.finding),
        overlap_table=overlaps.tables()[0],
        relations=relations,
        steps=steps,
        bodies=bodies,
        sources=sources,
        examples_left_out=len(examples),
        changes=changes_since(store, year, stichtag, lang, kommunen=kommunen),
        kommunen=_names_of(store, kommunen),
        scoped=bool(kommunen),
    )


def _scoped_sources(kommunen: tuple[str, ...]) -> str:
    from isrp_graph.scope import values_block

    return _SCOPED_SOURCES.replace("#VALUES#", values_block("_kommune", kommunen)).replace(
        "#ENTRIES#", values_block("entry", kommunen)
    )


def _names_of(store: Store, kommunen: tuple[str, ...]) -> tuple[str, ...]:
    """The names of the municipalities ``kommunen`` (all of the store's when empty), sorted."""
    known = municipalities(store)
    return tuple(m.label for m in known if not kommunen or m.iri in kommunen)


def all_labels(store: Store, lang: str, only: Iterable[str] | None = None) -> dict[str, str]:
    """The best label in ``lang`` of every entry, in one pass over the store's labels (linear: a
    VALUES list of thousands of IRIs is far slower on pyoxigraph); or of the entries ``only`` (a
    scoped report: one municipality's entries and the shared ones they name, in batches)."""
    props = " ".join(f"<{p}>" for p in LABEL_PROPERTIES)
    rank = {str(p): i for i, p in enumerate(LABEL_PROPERTIES)}
    best: dict[str, tuple[int, int, str]] = {}
    if only is None:
        rows = store.select(_LABELS % props).rows
    else:
        wanted = sorted({i for i in only if _IRI_OK.match(i)})
        rows = []
        for start in range(0, len(wanted), _LABEL_BATCH):
            block = " ".join(f"<{i}>" for i in wanted[start : start + _LABEL_BATCH])
            rows += store.select(_LABELS_OF % (block, props)).rows
    for row in rows:
        label = row["l"]
        if not isinstance(label, Literal):
            continue
        tongue = label.language or ""
        score = (rank.get(str(row["p"]), 99), 0 if tongue == lang else (1 if tongue in ("de", "") else 2))
        key = str(row["x"])
        if key not in best or score < best[key][:2]:
            best[key] = (*score, str(label))
    return {k: v[2] for k, v in best.items()}


def _relations(rows: list, name: Any, examples: set[str]) -> tuple[tuple[str, str, str, str, str], ...]:
    """Declared interfaces and delimitations, each plan pair once, with the sources they rest on."""
    found: dict[tuple[str, str, str, str], set[str]] = {}
    for row in rows:
        relation = str(row["relation"])
        if _true(row.get("illustrative")):
            examples.add(relation)
            continue
        a, b = sorted((name(row["a"]), name(row["b"])), key=str.casefold)
        sources = found.setdefault((a, b, str(row["kind"]), name(relation)), set())
        if row.get("source") is not None:
            sources.add(name(row["source"]))
    return tuple(
        sorted(
            (
                (a, b, kind, rel, "; ".join(sorted(src)) or "keine Quelle erfasst")
                for (a, b, kind, rel), src in found.items()
            ),
            key=lambda r: (r[0].casefold(), r[1].casefold(), r[3].casefold()),
        )
    )


def _plans(rows: list, name: Any, stichtag: date, lang: str, examples: set[str]) -> tuple[PlanRow, ...]:
    grouped: dict[str, dict[str, set]] = {}
    for row in rows:
        iri = str(row["plan"])
        if _true(row.get("illustrative")):
            examples.add(iri)
        slot = grouped.setdefault(
            iri, {k: set() for k in ("status", "office", "begin", "end", "cycle", "last")}
        )
        for key in slot:
            if row.get(key) is not None:
                slot[key].add(row[key])
    result = []
    for iri, slot in grouped.items():
        if iri in examples:
            continue
        lasts = sorted(v.toPython() for v in slot["last"] if isinstance(v.toPython(), date))
        begins = sorted(v.toPython() for v in slot["begin"] if isinstance(v.toPython(), date))
        cycle = sorted(str(c) for c in slot["cycle"])
        base = lasts[-1] if lasts else (begins[0] if begins else None)
        due = add_duration(base, cycle[0]) if base and cycle else None
        begin = ", ".join(sorted(_de_date(v) for v in slot["begin"]))
        end = ", ".join(sorted(_de_date(v) for v in slot["end"]))
        result.append(
            PlanRow(
                iri=iri,
                label=name(iri),
                office="; ".join(sorted(name(o) for o in slot["office"])),
                status="; ".join(sorted(name(s) for s in slot["status"])) or "nicht erfasst",
                term=f"{begin or '…'} – {end or '…'}" if begin or end else "nicht erfasst",
                cycle=duration_text(cycle[0], lang) if cycle else "nicht erfasst",
                last_updated=_de_date(Literal(lasts[-1])) if lasts else "",
                update_due=due,
                overdue=bool(due and due < stichtag),
            )
        )
    return tuple(sorted(result, key=lambda p: p.label.casefold()))


def _measures(rows: list, name: Any, examples: set[str]) -> tuple[MeasureRow, ...]:
    grouped: dict[str, dict[str, set]] = {}
    for row in rows:
        iri = str(row["measure"])
        if _true(row.get("illustrative")):
            examples.add(iri)
            continue
        slot = grouped.setdefault(iri, {k: set() for k in ("plan", "status", "budget", "indicator")})
        for key in ("plan", "status", "indicator"):
            if row.get(key) is not None:
                slot[key].add(name(row[key]))
        if row.get("budget") is not None:
            amount = row.get("amount")
            text = name(row["budget"])
            if amount is not None:
                text += f" ({_euro(amount)}"
                text += f", {row['year']})" if row.get("year") is not None else ")"
            slot["budget"].add(text)
    return tuple(
        sorted(
            (
                MeasureRow(
                    iri=iri,
                    label=name(iri),
                    plan="; ".join(sorted(s["plan"])) or "keiner Planung zugeordnet",
                    status="; ".join(sorted(s["status"])) or "nicht erfasst",
                    budget="; ".join(sorted(s["budget"])) or "nicht erfasst",
                    indicators="; ".join(sorted(s["indicator"])) or "nicht erfasst",
                )
                for iri, s in grouped.items()
                if iri not in examples
            ),
            key=lambda m: m.label.casefold(),
        )
    )


def _euro(amount: object) -> str:
    try:
        value = float(str(amount))
    except ValueError:
        return str(amount)
    text = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{text.removesuffix(',00')} €"


def _observations(rows: list, name: Any, examples: set[str]) -> tuple[ObservationRow, ...]:
    result = set()
    for row in rows:
        if _true(row.get("illustrative")):
            examples.add(str(row["observation"]))
            continue
        value = row.get("value")
        result.add(
            ObservationRow(
                area=name(row["area"]),
                indicator=name(row["indicator"]),
                value=str(value).replace(".", ",") if value is not None else "",
                level=name(row.get("level")) if row.get("level") is not None else "",
                when=_de_date(row.get("when")) if row.get("when") is not None else "nicht erfasst",
            )
        )
    return tuple(sorted(result, key=lambda o: (o.area.casefold(), o.indicator.casefold())))


def _step(step: Any, stichtag: date) -> StepRow:
    status = getattr(step, "status", None)  # engineer "remote" adds step statuses (geplant / erledigt …)
    begin = _iso(step.begin)
    end = _iso(step.end)
    if status:
        text = str(getattr(status, "label", status)).casefold()
        state = (
            "done"
            if "erledigt" in text or "done" in text
            else ("overdue" if end and end < stichtag else "due")
        )
    elif end and end < stichtag:
        state = "overdue"  # its time has passed and no status says it was done
    elif begin and begin <= stichtag:
        state = "due"
    elif begin:
        state = "planned"
    else:
        state = "unknown"
    period = step.schedule_label or " – ".join(x.strftime("%d.%m.%Y") for x in (begin, end) if x)
    return StepRow(step.number, step.label, step.body.label if step.body else "", period, state)


def _iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def changes_since(
    store: Store, year: int, until: date | None = None, lang: str = "de", kommunen: tuple[str, ...] = ()
) -> Any:
    """What changed since the previous year's release (or, without one, since 1 January of
    ``year``) up to the Stichtag ``until``; with ``kommunen`` only the changes of those
    municipalities' entries. A store error is raised, never hidden."""
    from isrp_graph.changes import report_changes

    changes = report_changes(store, year - 1, until, lang)
    if not kommunen or not changes.entries:
        return changes
    return dataclasses.replace(changes, entries=_own_changes(store, changes.entries, kommunen))


def _own_changes(store: Store, items: list, kommunen: tuple[str, ...]) -> list:
    """The changed entries linked to ``kommunen`` now; a removed entry (no longer in the store) by the
    municipality its removed description named (the diff's field ``isrp:municipality``)."""
    own = members(store, kommunen, (i.diff.entry for i in items))
    names = {m.label for m in municipalities(store) if m.iri in kommunen}
    names |= set(kommunen) | {local_name(k) for k in kommunen}
    kept = []
    for item in items:
        if item.diff.entry in own or (
            item.status == "removed"
            and any(f.path == MUNICIPALITY and set(f.removed) & names for f in item.diff.fields)
        ):
            kept.append(item)
    return kept
