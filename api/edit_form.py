"""The entry form that planners can trust: values shown as planners write them (dates TT.MM.JJJJ,
durations in years and months), each input parsed with a message at its field, and a refused save shown
again with everything typed and every error at its field (WCAG 3.3.1 / 3.3.3)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from isrp_graph import entries
from isrp_graph.messages import register, t

register(
    {
        "web.form.bad_date": {
            "de": "„{value}“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.04.2021.",
            "en": "“{value}” is not a date. Please enter it as DD.MM.YYYY, e.g. 01.04.2021.",
        },
        "web.form.bad_number": {
            "de": "„{value}“ ist keine Zahl. Bitte z. B. 1.234,5 oder 12 eingeben.",
            "en": "“{value}” is not a number. Please enter e.g. 1,234.5 or 12.",
        },
        "web.form.bad_duration": {
            "de": "Bitte Jahre und Monate als ganze Zahlen eingeben.",
            "en": "Please enter years and months as whole numbers.",
        },
        "web.form.errors": {
            "de": "Nichts wurde gespeichert. Bitte {n} Angabe(n) korrigieren – Ihre Eingaben sind erhalten:",
            "en": "Nothing was stored. Please correct {n} field(s) – your input is kept:",
        },
        "web.form.date_hint": {"de": "TT.MM.JJJJ", "en": "DD.MM.YYYY"},
        "web.form.links_hint": {
            "de": "eine Internetadresse (https://…) je Zeile",
            "en": "one web address (https://…) per line",
        },
        "web.form.bad_link": {
            "de": "„{value}“ ist keine Internetadresse (https://…).",
            "en": "“{value}” is not a web address (https://…).",
        },
        "web.form.years": {"de": "Jahre", "en": "years"},
        "web.form.begin": {"de": "Beginn", "en": "Start"},
        "web.form.end": {"de": "Ende", "en": "End"},
        "web.form.months": {"de": "Monate", "en": "months"},
    }
)

_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?$")
_LINK = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
LINK_PATHS = ("http://purl.org/dc/terms/source", "http://www.w3.org/2000/01/rdf-schema#seeAlso")


TERM = "https://w3id.org/isrp/def#term"
TIME = Namespace("http://www.w3.org/2006/time#")


def _instant_date(graph: Graph, node: Node | None) -> str | None:
    value = graph.value(node, TIME.inXSDDate) if node is not None else None
    return str(value) if value is not None else None


def as_intervals(graph: Graph, subject: URIRef, fields: list[entries.EditField]) -> None:
    """A plan's term (Laufzeit) is edited as two dates, when it is one plain interval (or none)."""
    for item in fields:
        if item.path != TERM or item.kind != "readonly":
            continue
        terms = list(graph.objects(subject, URIRef(TERM)))
        if len(terms) > 1 or any(not isinstance(n, BNode) for n in terms):
            continue
        begin = end = ""
        if terms:
            node = terms[0]
            begin = _instant_date(graph, graph.value(node, TIME.hasBeginning)) or ""
            end = _instant_date(graph, graph.value(node, TIME.hasEnd)) or ""
        item.kind = "interval"
        item.values = [begin, end]


def replace_interval(graph: Graph, subject: URIRef, begin: str, end: str) -> None:
    """Swap the subject's term for one from ``begin`` to ``end`` (ISO dates; empty: open)."""
    from isrp_graph.review.proposals import description

    for node in list(graph.objects(subject, URIRef(TERM))):
        for triple in description(graph, node):
            graph.remove(triple)
        graph.remove((subject, URIRef(TERM), node))
    if not begin and not end:
        return
    interval = BNode()
    graph.add((subject, URIRef(TERM), interval))
    graph.add((interval, RDF.type, TIME.ProperInterval))
    for side, day in ((TIME.hasBeginning, begin), (TIME.hasEnd, end)):
        if day:
            instant = BNode()
            graph.add((interval, side, instant))
            graph.add((instant, RDF.type, TIME.Instant))
            graph.add((instant, TIME.inXSDDate, Literal(day, datatype=XSD.date)))


def as_links(fields: list[entries.EditField]) -> None:
    """Sources (web addresses) are edited as text, one per line, instead of shown read-only."""
    for item in fields:
        if item.kind == "readonly" and item.path in LINK_PATHS and all(_LINK.match(v) for v in item.values):
            item.kind = "links"


class FieldProblem(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class FormState:
    """What a refused or restored form shows: raw values per field id, errors per field id, and the
    errors that belong to no field."""

    raw: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    intervals: dict[str, tuple[str, str]] = field(default_factory=dict)  # changed terms: (begin, end)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.errors.values()) + len(self.general)


_DATE_FIELD = entries.EditField("", "", "date", None, None, [])


def is_duration(item: entries.EditField) -> bool:
    return bool(item.datatype and item.datatype.endswith("#duration"))


def display(item: entries.EditField, value: str) -> str:
    """A stored value as the form shows it."""
    if item.kind == "date":
        try:
            return date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return value


def duration_parts(value: str) -> tuple[str, str]:
    match = _DURATION.match(value or "")
    return (match.group(1) or "", match.group(2) or "") if match else ("", "")


def parse_date(raw: str) -> str:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(raw)


def parse_number(raw: str) -> str:
    text = raw.replace(" ", "")
    if "," in text:  # German: 1.234,5
        text = text.replace(".", "").replace(",", ".")
    float(text)
    return text


def parse_value(item: entries.EditField, raw: str, lang: str) -> Node | None:
    """One typed value as RDF; raises ``FieldProblem`` with a message for the field."""
    raw = raw.strip()
    if not raw:
        return None
    if item.kind == "choice":
        return URIRef(raw)
    if item.kind == "links":
        if not _LINK.match(raw):
            raise FieldProblem(t("web.form.bad_link", lang, value=raw))
        return URIRef(raw)
    if item.kind == "date":
        try:
            return Literal(parse_date(raw), datatype=XSD.date)
        except ValueError as exc:
            raise FieldProblem(t("web.form.bad_date", lang, value=raw)) from exc
    if item.kind == "boolean":
        return Literal(raw == "true", datatype=XSD.boolean)
    if item.kind == "number":
        try:
            number = parse_number(raw)
        except ValueError as exc:
            raise FieldProblem(t("web.form.bad_number", lang, value=raw)) from exc
        return Literal(number, datatype=URIRef(item.datatype) if item.datatype else XSD.decimal)
    if item.datatype and item.datatype != str(XSD.string) and "langString" not in item.datatype:
        return Literal(raw, datatype=URIRef(item.datatype))
    if item.datatype == str(XSD.string):
        return Literal(raw)
    return Literal(raw, lang=lang)


def raw_values(item: entries.EditField, key: str, form: Any, lang: str) -> list[str]:
    """The typed strings of one field (durations put together from years and months; a term as its
    begin and end)."""
    if item.kind == "interval":
        return [str(form.get(f"{key}-begin") or "").strip(), str(form.get(f"{key}-end") or "").strip()]
    if is_duration(item):
        years, months = str(form.get(f"{key}-y") or "").strip(), str(form.get(f"{key}-m") or "").strip()
        if not years and not months:
            return [str(v) for v in form.getlist(key) if str(v).strip()]
        if not (years or "0").isdigit() or not (months or "0").isdigit():
            raise FieldProblem(t("web.form.bad_duration", lang))
        return ["P" + (f"{int(years)}Y" if years else "") + (f"{int(months)}M" if months else "")]
    raws = [str(v) for v in form.getlist(key)]
    if item.kind in ("text", "links"):
        raws = [line for raw in raws for line in raw.splitlines()]
    return raws


def read_form(
    fields: list[entries.EditField], form: Any, lang: str
) -> tuple[dict[str, list[Node]], FormState]:
    """The changed properties, and the form state (raw input, field errors)."""
    changes: dict[str, list[Node]] = {}
    state = FormState()
    for index, item in enumerate(fields):
        if item.kind == "readonly":
            continue
        key = f"f{index}"
        try:
            raws = raw_values(item, key, form, lang)
            state.raw[key] = raws
            if item.kind == "interval":
                days = [parse_value(_DATE_FIELD, raw, lang) for raw in raws]
                wanted = [str(d) if d is not None else "" for d in days]
                if wanted != item.values:
                    state.intervals[item.path] = (wanted[0], wanted[1])
                continue
            values = [v for raw in raws if (v := parse_value(item, raw, lang)) is not None]
        except FieldProblem as problem:
            state.raw.setdefault(key, [str(v) for v in form.getlist(key)])
            state.errors.setdefault(key, []).append(problem.message)
            continue
        if sorted(str(v) for v in values) != sorted(item.values):
            changes[item.path] = values
    return changes, state


def place_violations(fields: list[entries.EditField], violations: Any, state: FormState) -> FormState:
    """Put each Violation at the field of its property; the rest above the form."""
    by_path = {item.path: f"f{i}" for i, item in enumerate(fields)}
    for result in violations:
        key = by_path.get(str(result.path)) if result.path is not None else None
        if key is not None:
            state.errors.setdefault(key, []).append(result.message)
        else:
            label = result.path_label
            state.general.append(f"{label}: {result.message}" if label else result.message)
    return state


def apply_state(fields: list[entries.EditField], state: FormState) -> None:
    """Show the typed input instead of the stored values."""
    for index, item in enumerate(fields):
        key = f"f{index}"
        if item.kind == "interval" and key in state.raw:
            item.values = [*state.raw[key], "", ""][:2]
        elif item.kind != "readonly" and key in state.raw:
            item.values = [v for v in state.raw[key] if v.strip()]
