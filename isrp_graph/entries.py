"""One registry entry as a page sees it: its label, kinds, facts grouped the way the SHACL shapes say
(``sh:group``, ``sh:order``, ``sh:name``), its interfaces and delimitations, and every entry that links to it
— all in one language. Also the entry's Concise Bounded Description (CBD) with the labels of linked
entries, for the RDF representations of a dereferenced IRI.

Nothing here knows the web: the web app and any other renderer call ``describe`` and ``entry``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, TIME, XSD
from rdflib.term import Node

from isrp_graph.messages import MESSAGES, normalise_lang, register, t
from isrp_graph.namespaces import BASE, ELI, FOAF, ISRP, PREFIXES, SCHEMA
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

# label properties in order of preference
LABEL_PROPERTIES: tuple[URIRef, ...] = (
    SKOS.prefLabel,
    RDFS.label,
    SH.name,
    ISRP.provisionLabel,
    ELI.title_short,
    DCTERMS.title,
    ELI.title,
    FOAF.name,
    SCHEMA.name,
)
DESCRIPTION_PROPERTIES: tuple[URIRef, ...] = (SKOS.definition, DCTERMS.description, RDFS.comment)
# shown at the top of the page, not again among the facts
HEADER_PROPERTIES = {RDF.type, RDFS.label, SKOS.prefLabel, *DESCRIPTION_PROPERTIES}
RELATION_KINDS = (ISRP.Interface, ISRP.Delimitation)
MAX_INCOMING = 500
CBD_DEPTH = 4


@dataclass
class Value:
    """One object of a fact: a literal (text), a link (iri + label) or a nested description (blank node)."""

    text: str
    iri: str | None = None
    lang: str | None = None
    datatype: str | None = None
    nested: list[Fact] | None = None


@dataclass
class Fact:
    property: str
    label: str
    values: list[Value] = field(default_factory=list)
    order: float | None = None


@dataclass
class FactGroup:
    label: str | None
    facts: list[Fact]
    iri: str | None = None
    order: float | None = None


@dataclass
class Link:
    iri: str
    label: str


@dataclass
class Incoming:
    """``source`` refers to the entry by ``property`` (through a blank node when ``via`` is given)."""

    source: Link
    property: Link
    via: Link | None = None


@dataclass
class PlanRelationView:
    """An interface or delimitation the entry (a plan) takes part in."""

    relation: Link
    kind: Link
    others: list[Link]
    details: list[str]


@dataclass
class Entry:
    iri: str
    label: str
    description: str | None
    types: list[Link]
    groups: list[FactGroup]
    relations: list[PlanRelationView]
    incoming: list[Incoming]
    illustrative: bool = False


# Labels for terms of reused vocabularies that the store does not label itself (key: "term." + IRI).
register(
    {
        "term." + str(iri_): {"de": de, "en": en}
        for iri_, de, en in (
            (DCTERMS.source, "Quelle", "source"),
            (DCTERMS.subject, "Thema", "subject"),
            (DCTERMS.spatial, "Raumbezug", "spatial coverage"),
            (RDFS.seeAlso, "siehe auch", "see also"),
            (SKOS.broader, "Oberbegriff", "broader concept"),
            (SKOS.narrower, "Unterbegriff", "narrower concept"),
            (SKOS.inScheme, "gehört zu Schema", "in scheme"),
            (SKOS.editorialNote, "redaktionelle Anmerkung", "editorial note"),
            (SKOS.altLabel, "auch genannt", "also called"),
            (URIRef("http://www.w3.org/ns/prov#qualifiedAssociation"), "Beteiligung", "association"),
            (URIRef("http://www.w3.org/ns/prov#agent"), "Akteur", "agent"),
            (URIRef("http://www.w3.org/ns/prov#hadRole"), "Rolle", "role"),
            (URIRef("http://www.w3.org/ns/prov#wasAttributedTo"), "zugeschrieben", "attributed to"),
            (URIRef("http://www.w3.org/ns/prov#generatedAtTime"), "erstellt am", "generated at"),
            (URIRef("https://w3id.org/isrp/def#membership"), "Mitgliedschaft", "membership"),
            (URIRef("http://www.w3.org/ns/org#member"), "Mitglied", "member"),
            (URIRef("http://www.w3.org/ns/org#role"), "Rolle", "role"),
            (URIRef("http://www.w3.org/ns/org#subOrganizationOf"), "gehört zu", "part of"),
            (URIRef("http://www.w3.org/ns/org#hasSubOrganization"), "Untereinheit", "sub-organisation"),
            (URIRef("http://www.w3.org/ns/org#memberOf"), "Mitglied von", "member of"),
            (ELI.is_part_of, "Teil von", "part of"),
            (ELI.title, "Titel", "title"),
            (ELI.title_short, "Kurztitel", "short title"),
            (RDF.type, "Art", "kind"),
            (RDFS.subClassOf, "Unterklasse von", "subclass of"),
            (TIME.hasBeginning, "Beginn", "beginning"),
            (TIME.hasEnd, "Ende", "end"),
            (URIRef("http://www.opengis.net/ont/geosparql#sfWithin"), "liegt in", "within"),
        )
    }
)


register(
    {
        "entries.col.interfaces": {"de": "Schnittstellen", "en": "Interfaces"},
        "entries.col.delimitations": {"de": "Abgrenzungen", "en": "Delimitations"},
        "entries.yes": {"de": "ja", "en": "yes"},
        "entries.no": {"de": "nein", "en": "no"},
    }
)


def _fallback_label(iri_: str, lang: str) -> str:
    texts = MESSAGES.get("term." + iri_)
    if texts:
        return texts.get(lang, texts["de"])
    # vocabulary terms by their name; other web pages (sources) by their whole address
    return local_name(iri_) if "#" in iri_ or iri_.startswith(BASE) else iri_


# --- queries --------------------------------------------------------------------------------------

_EXISTS = "ASK { { ?entry ?p ?o } UNION { ?s ?entry ?o } }"

_CBD_BRANCHES = (
    "{ ?entry ?p0 ?o0 . BIND(?entry AS ?s) BIND(?p0 AS ?p) BIND(?o0 AS ?o) }",
    "{ ?entry ?p0 ?b1 . FILTER(isBlank(?b1)) ?b1 ?p1 ?o1 . BIND(?b1 AS ?s) BIND(?p1 AS ?p) BIND(?o1 AS ?o) }",
    "{ ?entry ?p0 ?b1 . FILTER(isBlank(?b1)) ?b1 ?p1 ?b2 . FILTER(isBlank(?b2)) ?b2 ?p2 ?o2 ."
    " BIND(?b2 AS ?s) BIND(?p2 AS ?p) BIND(?o2 AS ?o) }",
    "{ ?entry ?p0 ?b1 . FILTER(isBlank(?b1)) ?b1 ?p1 ?b2 . FILTER(isBlank(?b2)) ?b2 ?p2 ?b3 ."
    " FILTER(isBlank(?b3)) ?b3 ?p3 ?o3 . BIND(?b3 AS ?s) BIND(?p3 AS ?p) BIND(?o3 AS ?o) }",
)
# the CBD up to CBD_DEPTH levels of blank nodes (enough for term → interval → instant → date)
_CBD = "CONSTRUCT { ?s ?p ?o } WHERE { " + " UNION ".join(_CBD_BRANCHES[:CBD_DEPTH]) + " }"

_SHAPE_PROPERTIES = """
SELECT ?path ?name ?order ?group ?groupLabel ?groupOrder WHERE {
  ?entry a/rdfs:subClassOf* ?class .
  { ?shape sh:targetClass ?class } UNION { ?class a sh:NodeShape . BIND(?class AS ?shape) }
  ?shape sh:property ?ps .
  ?ps sh:path ?path .
  FILTER(isIRI(?path))
  OPTIONAL { ?ps sh:name ?name }
  OPTIONAL { ?ps sh:order ?order }
  OPTIONAL {
    ?ps sh:group ?group .
    OPTIONAL { ?group rdfs:label ?groupLabel }
    OPTIONAL { ?group sh:order ?groupOrder }
  }
}
"""

_INCOMING = f"""
SELECT DISTINCT ?source ?property ?via WHERE {{
  {{ ?source ?property ?entry . FILTER(isIRI(?source)) }}
  UNION
  {{ ?source ?property ?node . FILTER(isBlank(?node) && isIRI(?source)) ?node ?via ?entry }}
  FILTER(?property NOT IN (isrp:changedEntry, isrp:entryChange))
}} LIMIT {MAX_INCOMING}
"""

_PLAN_RELATIONS = """
SELECT ?relation ?kind ?other ?detail WHERE {
  ?relation isrp:relatesPlan ?entry ; a ?kind .
  FILTER(?kind IN (isrp:Interface, isrp:Delimitation))
  OPTIONAL { ?relation isrp:relatesPlan ?other . FILTER(?other != ?entry) }
  OPTIONAL {
    ?relation ?dp ?detail .
    FILTER(?dp IN (isrp:topic, isrp:targetGroup, isrp:coordinationForm, isrp:delimitationRule))
  }
}
"""


def _values_block(variable: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(sparql_iri(i) for i in sorted(set(iris)))} }}"


# --- labels ---------------------------------------------------------------------------------------


def _pick_literal(literals: Sequence[Literal], lang: str) -> Literal | None:
    """The literal in ``lang``, else German, else untagged, else any."""
    for wanted in (lang, "de", None):
        for item in literals:
            if (item.language or None) == wanted:
                return item
    return literals[0] if literals else None


def local_name(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri.rstrip(sep):
            return iri.rstrip(sep).rsplit(sep, 1)[-1]
    return iri


def labels(store: Store, iris: Iterable[str], lang: str) -> dict[str, str]:
    """The best label in ``lang`` for each IRI (falls back to German, then the IRI's last part)."""
    wanted = sorted({str(i) for i in iris if i})
    result: dict[str, str] = {}
    candidates: dict[str, dict[str, list[Literal]]] = {}
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        props = " ".join(sparql_iri(str(p)) for p in LABEL_PROPERTIES)
        query = (
            f"SELECT ?x ?p ?l WHERE {{ {_values_block('x', chunk)} VALUES ?p {{ {props} }} "
            "?x ?p ?l . FILTER(isLiteral(?l)) }"
        )
        for row in store.select(query).rows:
            x, p, label = row.get("x"), row.get("p"), row.get("l")
            if isinstance(label, Literal):
                candidates.setdefault(str(x), {}).setdefault(str(p), []).append(label)
    for item in wanted:
        found = candidates.get(item, {})
        for prop in LABEL_PROPERTIES:
            picked = _pick_literal(found.get(str(prop), []), lang)
            if picked is not None:
                result[item] = str(picked)
                break
        else:
            result[item] = _fallback_label(item, lang)
    return result


# --- the entry ------------------------------------------------------------------------------------


def exists(store: Store, entry_iri: str) -> bool:
    """True when the store says anything about ``entry_iri`` (as subject or as property)."""
    return store.ask(_EXISTS, {"entry": URIRef(entry_iri)})


def describe(store: Store, entry_iri: str, lang: str | None = None) -> Graph:
    """The CBD of the entry (its triples and the blank nodes hanging off it) plus the labels of every
    IRI it links to, so a client needs no second request to show them. ``lang`` limits those labels."""
    graph = store.construct(_CBD, {"entry": URIRef(entry_iri)})
    linked = {str(o) for o in graph.objects() if isinstance(o, URIRef)}
    linked |= {str(p) for p in graph.predicates()}
    linked.discard(entry_iri)
    if linked:
        wanted_lang = normalise_lang(lang) if lang else None
        props = " ".join(sparql_iri(str(p)) for p in (RDFS.label, SKOS.prefLabel))
        for start in range(0, len(linked), 200):
            chunk = sorted(linked)[start : start + 200]
            query = (
                f"SELECT ?x ?p ?l WHERE {{ {_values_block('x', chunk)} VALUES ?p {{ {props} }} ?x ?p ?l }}"
            )
            for row in store.select(query).rows:
                label = row["l"]
                if (
                    wanted_lang
                    and isinstance(label, Literal)
                    and label.language not in (None, wanted_lang, "de")
                ):
                    continue
                graph.add((row["x"], row["p"], label))  # type: ignore[arg-type]
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def entry(store: Store, entry_iri: str, lang: str = "de") -> Entry | None:
    """Everything a page shows about one entry, or ``None`` when the store knows nothing about it."""
    lang = normalise_lang(lang)
    subject = URIRef(entry_iri)
    graph = store.construct(_CBD, {"entry": subject})
    if len(graph) == 0 and not exists(store, entry_iri):
        return None
    incoming_rows = store.select(_INCOMING, {"entry": subject}).rows
    relation_rows = store.select(_PLAN_RELATIONS, {"entry": subject}).rows
    shape_rows = store.select(_SHAPE_PROPERTIES, {"entry": subject}).rows

    wanted: set[str] = {entry_iri}
    wanted |= {str(n) for triple in graph for n in triple if isinstance(n, URIRef)}
    for row in [*incoming_rows, *relation_rows]:
        wanted |= {str(v) for v in row.values() if isinstance(v, URIRef)}
    names = labels(store, wanted, lang)

    label_literal = _pick_literal(
        [
            o
            for p in (SKOS.prefLabel, RDFS.label)
            for o in graph.objects(subject, p)
            if isinstance(o, Literal)
        ],
        lang,
    )
    description = _pick_literal(
        [o for p in DESCRIPTION_PROPERTIES for o in graph.objects(subject, p) if isinstance(o, Literal)],
        lang,
    )
    types = [Link(str(t), names.get(str(t), local_name(str(t)))) for t in graph.objects(subject, RDF.type)]
    illustrative = any(
        isinstance(o, Literal) and o.toPython() is True for o in graph.objects(subject, ISRP.illustrative)
    )
    return Entry(
        iri=entry_iri,
        label=str(label_literal)
        if label_literal is not None
        else names.get(entry_iri, local_name(entry_iri)),
        description=str(description) if description is not None else None,
        types=sorted(types, key=lambda link: link.label.lower()),
        groups=_groups(graph, subject, shape_rows, names, lang),
        relations=_relations(relation_rows, names),
        incoming=_incoming(incoming_rows, names),
        illustrative=illustrative,
    )


# --- building the parts ---------------------------------------------------------------------------


@dataclass
class _PropertySpec:
    name: str | None = None
    order: float | None = None
    group: str | None = None


def _shape_specs(rows: Sequence[dict[str, Node | None]], lang: str) -> tuple[dict[str, _PropertySpec], dict]:
    names: dict[str, list[Literal]] = {}
    specs: dict[str, _PropertySpec] = {}
    groups: dict[str, dict] = {}
    for row in rows:
        path = str(row["path"])
        spec = specs.setdefault(path, _PropertySpec())
        if isinstance(row.get("name"), Literal):
            names.setdefault(path, []).append(row["name"])  # type: ignore[arg-type]
        order = row.get("order")
        if isinstance(order, Literal) and spec.order is None:
            spec.order = _number(order)
        group = row.get("group")
        if group is not None and spec.group is None:
            spec.group = str(group)
        if group is not None:
            info = groups.setdefault(str(group), {"labels": [], "order": None})
            if isinstance(row.get("groupLabel"), Literal):
                info["labels"].append(row["groupLabel"])
            if isinstance(row.get("groupOrder"), Literal):
                info["order"] = _number(row["groupOrder"])  # type: ignore[arg-type]
    for path, literals in names.items():
        picked = _pick_literal(literals, lang)
        specs[path].name = str(picked) if picked is not None else None
    return specs, groups


def _number(literal: Literal) -> float | None:
    try:
        return float(literal)
    except (TypeError, ValueError):
        return None


def _groups(
    graph: Graph,
    subject: URIRef,
    shape_rows: Sequence[dict[str, Node | None]],
    names: dict[str, str],
    lang: str,
) -> list[FactGroup]:
    specs, group_info = _shape_specs(shape_rows, lang)
    facts: dict[str, Fact] = {}
    for prop in {p for p in graph.predicates(subject, None)} - HEADER_PROPERTIES:
        key = str(prop)
        spec = specs.get(key, _PropertySpec())
        values = _values(graph, list(graph.objects(subject, prop)), names, lang, depth=0)
        facts[key] = Fact(key, spec.name or names.get(key, local_name(key)), values, spec.order)
    for key, spec in specs.items():  # shape properties without a value: shown as "not stated"
        if key not in facts and URIRef(key) not in HEADER_PROPERTIES:
            facts[key] = Fact(key, spec.name or names.get(key, local_name(key)), [], spec.order)

    by_group: dict[str | None, list[Fact]] = {}
    for key, fact in facts.items():
        by_group.setdefault(specs.get(key, _PropertySpec()).group, []).append(fact)
    result: list[FactGroup] = []
    for group, members in by_group.items():
        members.sort(key=lambda f: (f.order is None, f.order or 0, f.label.lower()))
        info = group_info.get(group or "", {})
        picked = _pick_literal(info.get("labels", []), lang)
        label = (
            str(picked) if picked is not None else (names.get(group, local_name(group)) if group else None)
        )
        result.append(FactGroup(label, members, group, info.get("order")))
    # shape groups first (by sh:order), facts without a group last
    result.sort(key=lambda g: (g.iri is None, g.order is None, g.order or 0, (g.label or "").lower()))
    return result


def _filter_language(literals: list[Literal], lang: str) -> list[Literal]:
    tagged = [item for item in literals if item.language]
    if not tagged:
        return literals
    for wanted in (lang, "de"):
        chosen = [item for item in literals if item.language in (None, wanted)]
        if any(item.language == wanted for item in chosen):
            return chosen
    return literals


def _values(graph: Graph, objects: list[Node], names: dict[str, str], lang: str, depth: int) -> list[Value]:
    literals = _filter_language([o for o in objects if isinstance(o, Literal)], lang)
    values: list[Value] = [
        Value(_literal_text(o, lang), lang=o.language, datatype=str(o.datatype) if o.datatype else None)
        for o in literals
    ]
    values += [
        Value(names.get(str(o), local_name(str(o))), iri=str(o)) for o in objects if isinstance(o, URIRef)
    ]
    for node in (o for o in objects if isinstance(o, BNode)):
        values.append(_blank_value(graph, node, names, lang, depth + 1))
    values.sort(key=lambda v: v.text.lower())
    return values


def _literal_text(literal: Literal, lang: str) -> str:
    if literal.datatype == XSD.boolean:
        return t("entries.yes" if str(literal).strip().lower() in ("true", "1") else "entries.no", lang)
    return str(literal)


def _blank_value(graph: Graph, node: BNode, names: dict[str, str], lang: str, depth: int) -> Value:
    interval = _interval_text(graph, node)
    if interval is not None:
        return Value(interval)
    if depth > CBD_DEPTH:
        return Value("…")
    nested: list[Fact] = []
    for prop in sorted({p for p in graph.predicates(node, None)} - {RDF.type}, key=str):
        nested.append(
            Fact(
                str(prop),
                names.get(str(prop), local_name(str(prop))),
                _values(graph, list(graph.objects(node, prop)), names, lang, depth),
            )
        )
    summary = "; ".join(
        ", ".join(v.text for v in fact.values)
        for fact in nested
        if fact.values and fact.values[0].nested is None
    )
    return Value(summary, nested=nested)


def _date_of(graph: Graph, instant: Node) -> str | None:
    for prop in (TIME.inXSDDate, TIME.inXSDDateTimeStamp, TIME.inXSDDateTime, TIME.inXSDgYear):
        value = graph.value(instant, prop)
        if value is not None:
            return str(value)
    return None


def _interval_text(graph: Graph, node: BNode) -> str | None:
    """``2023-01-01 – 2027-12-31`` for an OWL-Time interval (open ends shown as ``…``)."""
    beginning = graph.value(node, TIME.hasBeginning)
    end = graph.value(node, TIME.hasEnd)
    if beginning is None and end is None:
        return None
    start_text = _date_of(graph, beginning) if beginning is not None else None
    end_text = _date_of(graph, end) if end is not None else None
    return f"{start_text or '…'} – {end_text or '…'}"


def _link(node: Node | None, names: dict[str, str]) -> Link | None:
    if node is None:
        return None
    return Link(str(node), names.get(str(node), local_name(str(node))))


def _incoming(rows: Sequence[dict[str, Node | None]], names: dict[str, str]) -> list[Incoming]:
    items: list[Incoming] = []
    for row in rows:
        source, prop = _link(row["source"], names), _link(row["property"], names)
        if source is None or prop is None:
            continue
        items.append(Incoming(source, prop, _link(row.get("via"), names)))
    items.sort(key=lambda i: (i.property.label.lower(), i.source.label.lower()))
    return items


def _relations(rows: Sequence[dict[str, Node | None]], names: dict[str, str]) -> list[PlanRelationView]:
    found: dict[str, PlanRelationView] = {}
    for row in rows:
        relation = _link(row["relation"], names)
        kind = _link(row["kind"], names)
        if relation is None or kind is None:
            continue
        view = found.setdefault(relation.iri, PlanRelationView(relation, kind, [], []))
        other = _link(row.get("other"), names)
        if other is not None and all(o.iri != other.iri for o in view.others):
            view.others.append(other)
        detail = row.get("detail")
        if detail is not None:
            text = names.get(str(detail), str(detail)) if isinstance(detail, URIRef) else str(detail)
            if text not in view.details:
                view.details.append(text)
    return sorted(found.values(), key=lambda v: (v.kind.label, v.relation.label.lower()))


# --- the planning-system overview (all plans, one row each) ---------------------------------------

INTERFACES_COLUMN = "interfaces"
DELIMITATIONS_COLUMN = "delimitations"
# The columns of the seed's "Übersicht Planungssystematik", in its order, then the lead office and status.
PLAN_OVERVIEW_COLUMNS: tuple[tuple[str, URIRef | None], ...] = (
    ("plan", RDFS.label),
    ("tasks", ISRP.task),
    ("legal_bases", ISRP.legalBasis),
    ("term", ISRP["term"]),
    ("target_groups", ISRP.targetGroup),
    ("topics", ISRP.topic),
    ("isrp", ISRP.relevantToISRP),
    (INTERFACES_COLUMN, None),
    (DELIMITATIONS_COLUMN, None),
    ("networks", ISRP.network),
    ("office", ISRP.responsibleOrganization),
    ("status", ISRP.status),
)

_PLANS = """
SELECT DISTINCT ?plan WHERE { ?plan a/rdfs:subClassOf* isrp:SectoralPlan . FILTER(isIRI(?plan)) }
"""
_PLAN_VALUES = """
SELECT ?plan ?value ?begin ?end WHERE {
  ?plan a/rdfs:subClassOf* isrp:SectoralPlan .
  ?plan ?property ?value .
  OPTIONAL { ?value time:hasBeginning/time:inXSDDate ?begin }
  OPTIONAL { ?value time:hasEnd/time:inXSDDate ?end }
}
"""
_PLAN_RELATION_PAIRS = """
SELECT DISTINCT ?plan ?relation ?kind ?other WHERE {
  ?relation isrp:relatesPlan ?plan , ?other ; a ?kind .
  FILTER(?kind IN (isrp:Interface, isrp:Delimitation) && ?other != ?plan)
}
"""
_SHAPE_NAMES = """
SELECT ?path ?name WHERE {
  { ?shape sh:targetClass isrp:SectoralPlan }
  UNION { isrp:SectoralPlan a sh:NodeShape . BIND(isrp:SectoralPlan AS ?shape) }
  ?shape sh:property ?ps . ?ps sh:path ?path ; sh:name ?name .
}
"""
_NARROWER = "SELECT DISTINCT ?concept WHERE { ?concept skos:broader* ?top }"


@dataclass
class OverviewRow:
    iri: str
    cells: dict[str, list[Value]]


@dataclass
class PlanOverview:
    columns: list[tuple[str, str]]  # (key, header in the language)
    rows: list[OverviewRow]


def plan_overview(store: Store, lang: str = "de") -> PlanOverview:
    """Every plan (``isrp:SectoralPlan`` and subclasses) with the seed's overview columns. Headers come
    from the plan shape's ``sh:name`` (falling back to the property's label)."""
    lang = normalise_lang(lang)
    plans = [str(r["plan"]) for r in store.select(_PLANS).rows]
    cells: dict[str, dict[str, list[Value]]] = {
        p: {key: [] for key, _ in PLAN_OVERVIEW_COLUMNS} for p in plans
    }
    wanted: set[str] = set(plans)
    raw: dict[tuple[str, str], list[Node]] = {}
    for key, prop in PLAN_OVERVIEW_COLUMNS:
        if prop is None:
            continue
        for row in store.select(_PLAN_VALUES, {"property": prop}).rows:
            plan = str(row["plan"])
            if plan not in cells:
                continue
            value = row["value"]
            if isinstance(value, BNode):
                begin, end = row.get("begin"), row.get("end")
                if begin is not None or end is not None:
                    text = f"{begin or '…'} – {end or '…'}"
                    cells[plan][key].append(Value(text))
                continue
            raw.setdefault((plan, key), []).append(value)  # type: ignore[arg-type]
            if isinstance(value, URIRef):
                wanted.add(str(value))
    relation_rows = store.select(_PLAN_RELATION_PAIRS).rows
    for row in relation_rows:
        wanted |= {str(row["other"]), str(row["relation"])}
    names = labels(store, wanted, lang)
    for (plan, key), values in raw.items():
        if key == "plan":
            continue
        cells[plan][key] = _values(Graph(), values, names, lang, depth=0)
    for plan in plans:
        cells[plan]["plan"] = [Value(names.get(plan, local_name(plan)), iri=plan)]
    for row in relation_rows:
        plan = str(row["plan"])
        if plan not in cells:
            continue
        key = INTERFACES_COLUMN if row["kind"] == ISRP.Interface else DELIMITATIONS_COLUMN
        other = str(row["other"])
        cells[plan][key].append(Value(names.get(other, local_name(other)), iri=str(row["relation"])))
    for plan in plans:
        for key in (INTERFACES_COLUMN, DELIMITATIONS_COLUMN):
            cells[plan][key].sort(key=lambda v: v.text.casefold())
    return PlanOverview(
        columns=_overview_headers(store, names, lang),
        rows=sorted(
            (OverviewRow(p, cells[p]) for p in plans), key=lambda r: r.cells["plan"][0].text.casefold()
        ),
    )


def _overview_headers(store: Store, names: dict[str, str], lang: str) -> list[tuple[str, str]]:
    shape_names: dict[str, list[Literal]] = {}
    for row in store.select(_SHAPE_NAMES).rows:
        if isinstance(row["name"], Literal):
            shape_names.setdefault(str(row["path"]), []).append(row["name"])
    property_names = labels(store, [str(p) for _, p in PLAN_OVERVIEW_COLUMNS if p is not None], lang)
    headers = []
    for key, prop in PLAN_OVERVIEW_COLUMNS:
        if prop is None:
            headers.append((key, t("entries.col." + key, lang)))
            continue
        picked = _pick_literal(shape_names.get(str(prop), []), lang)
        if picked is not None:
            headers.append((key, str(picked)))
        elif key == "plan":
            headers.append((key, labels(store, [str(ISRP.SectoralPlan)], lang)[str(ISRP.SectoralPlan)]))
        else:
            headers.append((key, property_names[str(prop)]))
    return headers


def narrower_closure(store: Store, concept: str) -> set[str]:
    """The concept and every concept below it (``skos:broader*``), for filters that include subgroups."""
    return {str(r["concept"]) for r in store.select(_NARROWER, {"top": URIRef(concept)}).rows} | {concept}


@dataclass
class RelationPair:
    plan: Link
    other: Link
    relation: Link
    kind: str  # "interface" | "delimitation"


def relation_pairs(store: Store, lang: str = "de") -> list[RelationPair]:
    """Every declared interface or delimitation as ordered plan pairs (both directions), with labels."""
    rows = store.select(_PLAN_RELATION_PAIRS).rows
    names = labels(store, {str(v) for row in rows for v in row.values() if isinstance(v, URIRef)}, lang)
    pairs = [
        RelationPair(
            plan=Link(str(row["plan"]), names[str(row["plan"])]),
            other=Link(str(row["other"]), names[str(row["other"])]),
            relation=Link(str(row["relation"]), names[str(row["relation"])]),
            kind="interface" if row["kind"] == ISRP.Interface else "delimitation",
        )
        for row in rows
    ]
    return sorted(pairs, key=lambda p: (p.plan.label.casefold(), p.other.label.casefold(), p.relation.label))


# --- the ISRP process: steps, milestones, planning cycle -------------------------------------------

_STEPS = """
SELECT ?step ?number ?body ?begin ?end ?when WHERE {
  ?step a isrp:ProcessStep .
  OPTIONAL { ?step isrp:stepNumber ?number }
  OPTIONAL { ?step isrp:body ?body }
  OPTIONAL { ?step isrp:schedule/time:hasBeginning/time:inXSDDate ?begin }
  OPTIONAL { ?step isrp:schedule/time:hasEnd/time:inXSDDate ?end }
  OPTIONAL { ?step isrp:scheduleLabel ?when }
}
"""
_STEP_ROLES = """
SELECT ?step ?agent ?role ?note WHERE {
  ?step a isrp:ProcessStep ; prov:qualifiedAssociation ?association .
  ?association prov:agent ?agent .
  OPTIONAL { ?association prov:hadRole ?role }
  OPTIONAL { ?association isrp:roleNote ?note }
}
"""
_STEP_AGENDA = """
SELECT ?step ?item ?order WHERE {
  ?step a isrp:ProcessStep ; isrp:agendaItem ?item .
  OPTIONAL { ?item isrp:order ?order }
}
"""
_MILESTONES = """
SELECT ?milestone ?order ?step WHERE {
  ?milestone a isrp:Milestone .
  OPTIONAL { ?milestone isrp:order ?order }
  OPTIONAL { ?milestone isrp:achievedBy ?step }
}
"""
_PHASES = """
SELECT ?phase ?order ?period ?next WHERE {
  ?phase a isrp:PlanningCyclePhase .
  OPTIONAL { ?phase isrp:order ?order }
  OPTIONAL { ?phase isrp:periodLabel ?period }
  OPTIONAL { ?phase isrp:nextPhase ?next }
}
"""


@dataclass
class Role:
    agent: Link
    role: Link | None
    note: str | None = None


@dataclass
class Step:
    iri: str
    number: int | None
    label: str
    body: Link | None
    begin: str | None
    end: str | None
    schedule_label: str | None
    roles: list[Role]
    agenda: list[str]


@dataclass
class Milestone:
    iri: str
    order: int | None
    label: str
    step: Link | None
    date: str | None


@dataclass
class Phase:
    iri: str
    order: int | None
    label: str
    period: str | None
    next: Link | None


@dataclass
class Process:
    steps: list[Step]
    milestones: list[Milestone]
    phases: list[Phase]


def _int(node: Node | None) -> int | None:
    try:
        return int(str(node)) if node is not None else None
    except ValueError:
        return None


def _text(node: Node | None) -> str | None:
    return str(node) if node is not None else None


def process(store: Store, lang: str = "de", kommunen: Iterable[str] = ()) -> Process:
    """The process schedule: every step with body, dates, roles and agenda; milestones with the step that
    reaches them; the phases of the planning cycle. ``kommunen`` (municipality IRIs): the steps,
    milestones and phases of those municipalities (by ``isrp:municipality``) and the shared ones only."""
    from isrp_graph.scope import own_or_shared

    lang = normalise_lang(lang)
    kommunen = tuple(kommunen)

    def scoped(query: str, variable: str) -> str:
        body = query.rstrip()
        return body[:-1] + "  " + own_or_shared(variable, kommunen) + "\n}\n" if kommunen else query

    step_rows = store.select(scoped(_STEPS, "step")).rows
    role_rows = store.select(_STEP_ROLES).rows
    agenda_rows = store.select(_STEP_AGENDA).rows
    milestone_rows = store.select(scoped(_MILESTONES, "milestone")).rows
    phase_rows = store.select(scoped(_PHASES, "phase")).rows
    wanted = {
        str(v)
        for rows in (step_rows, role_rows, agenda_rows, milestone_rows, phase_rows)
        for row in rows
        for v in row.values()
        if isinstance(v, URIRef)
    }
    names = labels(store, wanted, lang)
    steps: dict[str, Step] = {}
    for row in step_rows:
        iri = str(row["step"])
        step = steps.setdefault(
            iri, Step(iri, _int(row.get("number")), names[iri], None, None, None, None, [], [])
        )
        step.body = step.body or _link(row.get("body"), names)
        step.begin = step.begin or _text(row.get("begin"))
        step.end = step.end or _text(row.get("end"))
        step.schedule_label = step.schedule_label or _text(row.get("when"))
    for row in role_rows:
        step = steps.get(str(row["step"]))
        agent = _link(row["agent"], names)
        if step is not None and agent is not None:
            step.roles.append(Role(agent, _link(row.get("role"), names), _text(row.get("note"))))
    agenda: dict[str, list[tuple[int, str]]] = {}
    for row in agenda_rows:
        agenda.setdefault(str(row["step"]), []).append((_int(row.get("order")) or 0, names[str(row["item"])]))
    for iri, items in agenda.items():
        if iri in steps:
            steps[iri].agenda = [text for _, text in sorted(items)]
    milestones = []
    for row in milestone_rows:
        iri = str(row["milestone"])
        step_link = _link(row.get("step"), names)
        reached = steps.get(step_link.iri) if step_link else None
        milestones.append(
            Milestone(iri, _int(row.get("order")), names[iri], step_link, reached.end if reached else None)
        )
    phases = [
        Phase(
            str(row["phase"]),
            _int(row.get("order")),
            names[str(row["phase"])],
            _text(row.get("period")),
            _link(row.get("next"), names),
        )
        for row in phase_rows
    ]
    return Process(
        steps=sorted(steps.values(), key=lambda s: (s.number is None, s.number or 0, s.label)),
        milestones=sorted(milestones, key=lambda m: (m.order is None, m.order or 0, m.label)),
        phases=sorted(phases, key=lambda p: (p.order is None, p.order or 0, p.label)),
    )


_INSTANCES = "SELECT DISTINCT ?entry WHERE { ?entry a/rdfs:subClassOf* ?class . FILTER(isIRI(?entry)) }"


def instances(store: Store, class_iri: str, lang: str = "de") -> list[Link]:
    """Every entry of ``class_iri`` (or a subclass) with its label, sorted by label."""
    iris = [str(r["entry"]) for r in store.select(_INSTANCES, {"class": URIRef(class_iri)}).rows]
    names = labels(store, iris, lang)
    return sorted((Link(i, names[i]) for i in iris), key=lambda link: (link.label.casefold(), link.iri))


# --- edit form fields from the shapes ---------------------------------------------------------------

_EDIT_SHAPES = """
SELECT ?ps ?path ?name ?order ?group ?groupLabel ?groupOrder ?datatype ?class ?range ?scheme ?max ?inList
WHERE {
  ?entry a/rdfs:subClassOf* ?target .
  { ?shape sh:targetClass ?target } UNION { ?target a sh:NodeShape . BIND(?target AS ?shape) }
  ?shape sh:property ?ps . ?ps sh:path ?path . FILTER(isIRI(?path))
  OPTIONAL { ?ps sh:name ?name }
  OPTIONAL { ?ps sh:order ?order }
  OPTIONAL {
    ?ps sh:group ?group .
    OPTIONAL { ?group rdfs:label ?groupLabel }
    OPTIONAL { ?group sh:order ?groupOrder }
  }
  OPTIONAL { ?ps sh:datatype ?datatype }
  OPTIONAL { ?ps sh:class ?class }
  OPTIONAL { ?path rdfs:range ?range . FILTER(!STRSTARTS(STR(?range), STR(xsd:))) }
  OPTIONAL { ?ps isrps:scheme ?scheme }
  OPTIONAL { ?ps sh:maxCount ?max }
  OPTIONAL { ?ps sh:in/rdf:rest*/rdf:first ?inList }
}
"""
_SCHEME_CONCEPTS = "SELECT DISTINCT ?concept WHERE { ?concept skos:inScheme|skos:topConceptOf ?scheme }"
_ENTRY_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?entry ?p ?o } }"
EDIT_KINDS = ("text", "choice", "date", "number", "boolean", "readonly")
_NUMBER_TYPES = {XSD.integer, XSD.positiveInteger, XSD.nonNegativeInteger, XSD.decimal, XSD.double, XSD.int}


@dataclass
class EditField:
    path: str
    name: str
    kind: str
    group: str | None
    order: float | None
    values: list[str]  # current values: IRIs for choices, lexical forms for literals
    options: list[Link] = field(default_factory=list)
    multiple: bool = True
    datatype: str | None = None
    group_order: float | None = None


def edit_fields(store: Store, entry_iri: str, lang: str = "de") -> list[EditField]:
    """The fields of the entry's edit form, from its shapes: name, order, group, kind and choices
    (``sh:in``, the SKOS scheme of ``isrps:scheme``, or the entries of ``sh:class``)."""
    lang = normalise_lang(lang)
    subject = URIRef(entry_iri)
    graph = store.construct(_CBD, {"entry": subject})
    rows = store.select(_EDIT_SHAPES, {"entry": subject}).rows
    specs: dict[str, dict[str, Any]] = {}
    for row in rows:
        spec = specs.setdefault(
            str(row["path"]),
            {
                "names": [],
                "groups": [],
                "in": [],
                "order": None,
                "datatype": None,
                "class": None,
                "range": None,
                "scheme": None,
                "max": None,
                "group_order": None,
            },
        )
        for key, target in (("name", "names"), ("groupLabel", "groups")):
            if isinstance(row.get(key), Literal) and row[key] not in spec[target]:
                spec[target].append(row[key])
        if row.get("inList") is not None and row["inList"] not in spec["in"]:
            spec["in"].append(row["inList"])
        for key in ("datatype", "class", "range", "scheme"):
            spec[key] = spec[key] or row.get(key)
        if isinstance(row.get("groupOrder"), Literal):
            spec["group_order"] = _number(row["groupOrder"])  # type: ignore[arg-type]
        if isinstance(row.get("order"), Literal):
            spec["order"] = _number(row["order"])  # type: ignore[arg-type]
        if isinstance(row.get("max"), Literal):
            spec["max"] = _int(row["max"])
    wanted = {str(v) for s in specs.values() for v in s["in"] if isinstance(v, URIRef)} | set(specs)
    choices: dict[str, list[str]] = {}
    for path, spec in specs.items():
        if spec["scheme"] is not None:
            choices[path] = [
                str(r["concept"]) for r in store.select(_SCHEME_CONCEPTS, {"scheme": spec["scheme"]}).rows
            ]
        elif (spec["class"] or spec["range"]) is not None and not spec["in"]:
            # sh:class, else the property's rdfs:range (a pick-list of offices, laws, units, networks)
            kind_of = spec["class"] or spec["range"]
            choices[path] = [link.iri for link in instances(store, str(kind_of), lang)]
        wanted |= set(choices.get(path, []))
    names = labels(store, wanted, lang)
    fields: list[EditField] = []
    for path, spec in specs.items():
        current = list(graph.objects(subject, URIRef(path)))
        if URIRef(path) in DESCRIPTION_PROPERTIES and not current:
            # the description field edits what the entry page shows (e.g. dcterms:description)
            shown = next((p for p in DESCRIPTION_PROPERTIES if list(graph.objects(subject, p))), None)
            if shown is not None and str(shown) not in specs:
                path, current = str(shown), list(graph.objects(subject, shown))
        picked_name = _pick_literal(spec["names"], lang)
        picked_group = _pick_literal(spec["groups"], lang)
        options_iris = [str(v) for v in spec["in"] if isinstance(v, URIRef)] or choices.get(path, [])
        if options_iris:  # a current value is always offered, so saving never drops it unseen
            options_iris += [str(v) for v in current if isinstance(v, URIRef) and str(v) not in options_iris]
            wanted_extra = [i for i in options_iris if i not in names]
            if wanted_extra:
                names.update(labels(store, wanted_extra, lang))
        datatype = spec["datatype"]
        if any(isinstance(v, BNode) for v in current) or URIRef(path) in (ISRP["term"], ISRP.schedule):
            kind = "readonly"
        elif options_iris:
            kind = "choice"
        elif datatype == XSD.date:
            kind = "date"
        elif datatype == XSD.boolean:
            kind = "boolean"
        elif datatype in _NUMBER_TYPES:
            kind = "number"
        elif spec["class"] is not None:
            kind = "readonly"
        elif any(isinstance(v, URIRef) for v in current):
            kind = "readonly"  # links without a class to choose from: never edit them as text
        else:
            kind = "text"
        if kind == "text":
            values = [str(v) for v in _filter_language([v for v in current if isinstance(v, Literal)], lang)]
        else:
            values = [str(v) for v in current if not isinstance(v, BNode)]
        fields.append(
            EditField(
                path=path,
                name=str(picked_name) if picked_name is not None else names.get(path, local_name(path)),
                kind=kind,
                group=str(picked_group) if picked_group is not None else None,
                order=spec["order"],
                values=values,
                options=sorted(
                    (Link(i, names.get(i, local_name(i))) for i in options_iris),
                    key=lambda link: link.label.casefold(),
                ),
                multiple=spec["max"] != 1,
                datatype=str(datatype) if datatype is not None else None,
                group_order=spec["group_order"],
            )
        )
    # the sections in the order of the entry page (sh:order of the groups), then the fields' sh:order
    fields.sort(
        key=lambda f: (
            f.group is None,
            f.group_order if f.group_order is not None else 1e9,
            f.group or "",
            f.order is None,
            f.order or 0,
            f.name,
        )
    )
    return fields


def entry_graphs(store: Store, entry_iri: str) -> list[URIRef]:
    """The named graphs that hold triples about the entry."""
    return [URIRef(str(r["g"])) for r in store.select(_ENTRY_GRAPHS, {"entry": URIRef(entry_iri)}).rows]


def edited_graph(
    store: Store, entry_iri: str, graph_name: URIRef, changes: dict[str, list[Node]], lang: str
) -> Graph:
    """``graph_name`` with the entry's values of each changed property replaced by the new ones. For
    text, only literals in ``lang`` (and untagged ones) are replaced; other languages stay."""
    graph = store.get_graph(graph_name)
    subject = URIRef(entry_iri)
    for path, new_values in changes.items():
        prop = URIRef(path)
        for old in list(graph.objects(subject, prop)):
            if isinstance(old, BNode):
                continue
            if (
                isinstance(old, Literal)
                and old.language
                and old.language != lang
                and any(isinstance(v, Literal) and v.language for v in new_values)
            ):
                continue
            graph.remove((subject, prop, old))
        for value in new_values:
            graph.add((subject, prop, value))
    return graph
