"""The rows of ``gaps-target-groups``, ``gaps-topics`` and ``gaps-mandatory-provisions`` computed in
Python from small queries — the same rows as the named queries (kept for researchers), without their
``FILTER NOT EXISTS`` over the whole store, for which oxigraph picks an erratic plan on a national store.

Per municipality (or once for all when none is asked for):

(a) the plans and measures of the municipality with the target groups, topics and legal bases they
    name, which of them are examples (``isrp:illustrative``) and which are not in force at the date (the
    named queries' rules: ``ausgelaufen``; or a term ended before the date, unless ``in-fortschreibung``
    or extended, ``isrp:termExtendedTo``, to the date or later);
(b) the hierarchy: every ``skos:broader`` and ``eli:is_part_of`` pair;
(c) the candidates: the concepts of the scheme, the provisions with ``obligation/pflichtplanung``.

The labels come from the named query itself: its label part is run on the found rows (a VALUES block),
so labels and order are the query's own. Only ``expiredPlans`` lists its plans sorted (the query's
GROUP_CONCAT has no defined order; the analyses sort them anyway).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.term import Node

from isrp_graph.analyses.common import merged_rows
from isrp_graph.queries import bindings_for, get_query
from isrp_graph.scope import KOMMUNE_VARIABLE
from isrp_graph.store.base import SelectResult, Store
from isrp_graph.store.sparql_text import iri as sparql_iri
from isrp_graph.store.sparql_text import term as sparql_term

ISRP = "https://w3id.org/isrp/def#"
PLAN_TYPES = (f"{ISRP}SectoralPlan", f"{ISRP}IntegratedPlan")
ADDRESSER_TYPES = (*PLAN_TYPES, f"{ISRP}Measure")
PFLICHTPLANUNG = "https://w3id.org/isrp/vocab/obligation/pflichtplanung"
SCHEMES = {
    "gaps-target-groups": ("https://w3id.org/isrp/vocab/target-group", f"{ISRP}targetGroup"),
    "gaps-topics": ("https://w3id.org/isrp/vocab/topic", f"{ISRP}topic"),
}
NAMES = (*SCHEMES, "gaps-mandatory-provisions")

_PREFIXES = """PREFIX isrp: <https://w3id.org/isrp/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
"""
_TYPES = ", ".join(sparql_iri(t) for t in ADDRESSER_TYPES)
_NAMED = (
    _PREFIXES
    + """SELECT DISTINCT ?entry ?type ?property ?object WHERE {{
  {scope}?entry a ?type . FILTER(?type IN ({types}))
  ?entry ?property ?object . FILTER(?property IN (isrp:targetGroup, isrp:topic, isrp:legalBasis))
}}"""
)
_ILLUSTRATIVE = (
    _PREFIXES
    + """SELECT DISTINCT ?entry WHERE {{
  {scope}?entry a ?type . FILTER(?type IN ({types}))
  ?entry isrp:illustrative true .
}}"""
)
_NOT_IN_FORCE = (
    _PREFIXES
    + """SELECT DISTINCT ?entry WHERE {{
  {scope}?entry a ?type . FILTER(?type IN ({types}))
  {{ ?entry isrp:status <https://w3id.org/isrp/vocab/status/ausgelaufen> }}
  UNION {{
    ?entry isrp:term/time:hasEnd/time:inXSDDate ?end .
    FILTER(?end < {date})
    FILTER NOT EXISTS {{ ?entry isrp:status <https://w3id.org/isrp/vocab/status/in-fortschreibung> }}
    FILTER NOT EXISTS {{ ?entry isrp:termExtendedTo ?extension . FILTER(?extension >= {date}) }}
  }}
}}"""
)
_BROADER = "SELECT ?a ?b WHERE { ?a <http://www.w3.org/2004/02/skos/core#broader> ?b }"
_PART_OF = "SELECT ?a ?b WHERE { ?a <http://data.europa.eu/eli/ontology#is_part_of> ?b }"
_IN_SCHEME = (
    "SELECT DISTINCT ?concept WHERE { ?concept <http://www.w3.org/2004/02/skos/core#inScheme>"
    "|<http://www.w3.org/2004/02/skos/core#topConceptOf> {scheme} }"
)
_PROVISIONS = (
    _PREFIXES
    + f"SELECT ?provision ?partOf WHERE {{ ?provision isrp:obligation {sparql_iri(PFLICHTPLANUNG)} ."
    " OPTIONAL { ?provision eli:is_part_of ?partOf } }"
)
# where each query's label part begins (everything after it is kept, run on the found rows)
_LABEL_PART = {
    "gaps-target-groups": "  BIND(COALESCE(?concept, <urn:isrp:none>) AS ?conceptKey)",
    "gaps-topics": "  BIND(COALESCE(?concept, <urn:isrp:none>) AS ?conceptKey)",
    "gaps-mandatory-provisions": "  OPTIONAL { ?provision isrp:provisionLabel ?cited }",
}


@dataclass
class _Entries:
    """What the plans and measures of one scope name, and which of them count at the date."""

    names: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (property, object) -> entries
    plans: set[str] = field(default_factory=set)
    counting: set[str] = field(default_factory=set)


def _entries(store: Store, kommune: str | None, day: Node, examples: bool) -> _Entries:
    scope = f"?entry isrp:municipality {sparql_iri(kommune)} .\n  " if kommune else ""
    form = {"scope": scope, "types": _TYPES, "date": sparql_term(day)}
    found = _Entries()
    every: set[str] = set()
    for row in store.select(_NAMED.format(**form)).rows:
        entry = str(row["entry"])
        every.add(entry)
        found.names.setdefault((str(row["property"]), str(row["object"])), set()).add(entry)
        if str(row["type"]) in PLAN_TYPES:
            found.plans.add(entry)
    ended = {str(r["entry"]) for r in store.select(_NOT_IN_FORCE.format(**form)).rows}
    illustrative = (
        set() if examples else {str(r["entry"]) for r in store.select(_ILLUSTRATIVE.format(**form)).rows}
    )
    found.counting = every - ended - illustrative
    return found


def _pairs(store: Store, query: str) -> dict[str, set[str]]:
    up: dict[str, set[str]] = {}
    for row in store.select(query).rows:
        up.setdefault(str(row["a"]), set()).add(str(row["b"]))
    return up


def _closure(start: str, up: Mapping[str, set[str]]) -> set[str]:
    """Everything reachable from ``start`` by one or more steps up."""
    seen: set[str] = set()
    todo = list(up.get(start, ()))
    while todo:
        item = todo.pop()
        if item not in seen:
            seen.add(item)
            todo.extend(up.get(item, ()))
    return seen


def concept_gap_keys(
    concepts: Iterable[str],
    named: Iterable[str],
    broader: Mapping[str, set[str]],
    exclude: str | None = None,
) -> list[str]:
    """The concepts no entry addresses: not named, no narrower concept named, and no broader concept
    named that itself has a broader one (below the scheme's top); ``exclude`` and what lies below it are
    not checked."""
    named = set(named)
    addressed: set[str] = set()
    for concept in named:
        addressed.add(concept)
        addressed |= _closure(concept, broader)  # the named concept serves part of each broader one
    gaps = []
    for concept in concepts:
        above = _closure(concept, broader)
        if exclude is not None and (concept == exclude or exclude in above):
            continue
        if concept in addressed or any(b in named and broader.get(b) for b in above):
            continue
        gaps.append(concept)
    return gaps


def _labelled(
    store: Store, name: str, rows: list[dict[str, Node | None]], bindings: dict[str, Node]
) -> SelectResult:
    """The named query's label part run on ``rows`` (its own labels, grouping and order)."""
    query = get_query(name)
    text = query.text
    where = text.index("WHERE {\n", text.index("SELECT")) + len("WHERE {\n")
    tail = text.index(_LABEL_PART[name])
    variables = ["concept"] if name in SCHEMES else ["provision", "law", "expiredPlans"]
    if not rows:
        return _empty(name)
    lines = " ".join("(" + " ".join(_cell(r.get(v)) for v in variables) + ")" for r in rows)
    block = f"  VALUES ({' '.join('?' + v for v in variables)}) {{ {lines} }}\n"
    return store.select(text[:where] + block + text[tail:], bindings=bindings)


def _empty(name: str) -> SelectResult:
    if name in SCHEMES:
        return SelectResult(["concept", "conceptLabel"])
    return SelectResult(["provision", "provisionLabel", "law", "lawLabel", "expiredPlans"])


def _cell(node: Node | None) -> str:
    return "UNDEF" if node is None else sparql_term(node)


def gap_rows(
    store: Store,
    name: str,
    params: Mapping[str, str],
    lang: str = "de",
    kommunen: Sequence[str] = (),
) -> SelectResult:
    """The rows of the named query ``name`` (one of ``NAMES``) with ``params``, as ``analyses.common.run``
    gives them: with ``kommunen`` the rows of each municipality joined (without repeats)."""
    query = get_query(name)
    bindings = bindings_for(query, dict(params), lang)
    bindings.pop(KOMMUNE_VARIABLE, None)
    day = bindings["_date"]
    examples = str(bindings["_examples"]).lower() in ("true", "1")
    label_bindings = {k: v for k, v in bindings.items() if k == "_lang"}
    broader = _pairs(store, _BROADER) if name in SCHEMES else {}
    part_of = _pairs(store, _PART_OF) if name not in SCHEMES else {}

    def per_municipality(kommune: str | None) -> SelectResult:
        entries = _entries(store, kommune, day, examples)
        if name in SCHEMES:
            rows = _concept_rows(store, name, entries, broader, bindings)
        else:
            rows = _provision_rows(store, entries, part_of)
        return _labelled(store, name, rows, label_bindings)

    return merged_rows(per_municipality(k) for k in (dict.fromkeys(kommunen) if kommunen else (None,)))


def _concept_rows(
    store: Store, name: str, entries: _Entries, broader: Mapping[str, set[str]], bindings: Mapping[str, Node]
) -> list[dict[str, Node | None]]:
    scheme, prop = SCHEMES[name]
    concepts = [r["concept"] for r in store.select(_IN_SCHEME.replace("{scheme}", sparql_iri(scheme))).rows]
    named = {obj for (p, obj), who in entries.names.items() if p == prop and who & entries.counting}
    exclude = bindings.get("_exclude_iri")
    by_key = {str(c): c for c in concepts if c is not None}
    keys = concept_gap_keys(by_key, named, broader, str(exclude) if exclude is not None else None)
    return [{"concept": by_key[k]} for k in keys]


def _provision_rows(
    store: Store, entries: _Entries, part_of: Mapping[str, set[str]]
) -> list[dict[str, Node | None]]:
    laws: dict[str, Node | None] = {}
    for row in store.select(_PROVISIONS).rows:
        provision = str(row["provision"])
        if laws.get(provision) is None:
            laws[provision] = row.get("partOf")
    naming: dict[str, set[str]] = {}  # provision (or a whole it is part of) -> plans naming it
    prop = f"{ISRP}legalBasis"
    for (p, basis), who in entries.names.items():
        plans = who & entries.plans
        if p != prop or not plans:
            continue
        for target in {basis} | _closure(basis, part_of):
            naming.setdefault(target, set()).update(plans)
    rows: list[dict[str, Node | None]] = []
    for provision, law in laws.items():
        plans = naming.get(provision, set())
        if plans & entries.counting:
            continue
        rows.append(
            {"provision": URIRef(provision), "law": law, "expiredPlans": Literal(" ".join(sorted(plans)))}
        )
    return rows
