"""Values of one field of one entry, both ways: RDF objects -> cell values, and cell values -> canonical
keys and, for what changed, new RDF objects (with the triples of their blank-node structure).

Round-trip rule: every value has a canonical *key* (an IRI, an ISO date, a normalised number, the text).
The import compares keys; a value whose key did not change keeps its original RDF term (lexical form,
blank node and everything hanging off it), so an untouched workbook changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, TIME, XSD
from rdflib.term import Node

from isrp_graph.namespaces import BASE, ISRP
from isrp_graph.spreadsheets.names import compact, expand
from isrp_graph.spreadsheets.schema import INTEGER_TYPES, LIST_SEPARATOR, Field, FieldKind
from isrp_graph.spreadsheets.snapshot import Lookup

Triple = tuple[Node, Node, Node]
TRUE_WORDS = {"ja", "yes", "wahr", "true", "x", "1"}
FALSE_WORDS = {"nein", "no", "falsch", "false", "0"}
_DE_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ROLE_ITEM = re.compile(r"^(?P<roles>[^:]+?):\s+(?P<agent>\S+)(?:\s*\((?P<note>.*)\))?$")
MAX_LISTED = 30


@dataclass(frozen=True)
class Item:
    """One value: its canonical key, the text (or typed value) per column, the RDF object if stored."""

    key: tuple[str, ...]
    cells: tuple[Any, ...]
    node: Node | None = None

    @property
    def text(self) -> str:
        return " – ".join(_as_text(c) for c in self.cells if c not in (None, ""))


@dataclass(frozen=True)
class Problem:
    """Why a cell cannot be read: a message key and its parameters (values may be {"de":…, "en":…})."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    part: str = "value"


@dataclass
class Context:
    """What parsing needs: labels and known IRIs of the registry, the workbook's own IRIs, the language."""

    lookup: Lookup
    lang: str = "de"
    workbook_iris: set[URIRef] = field(default_factory=set)
    class_labels: dict[URIRef, dict[str, str]] = field(default_factory=dict)
    _indexes: dict[tuple, dict[str, URIRef | None]] = field(default_factory=dict)

    def concept_index(
        self, values: Iterable[URIRef], labels: dict[URIRef, dict[str, str]] | None = None
    ) -> dict[str, URIRef | None]:
        """Lower-cased German and English labels -> value (``None`` where two values share a label)."""
        values = tuple(values)
        cache_key = (values, id(labels))
        if cache_key not in self._indexes:
            index: dict[str, URIRef | None] = {}
            for value in values:
                names = (
                    labels.get(value, {}) if labels is not None else self.lookup.concept_labels.get(value, {})
                )
                for text in {n for n in names.values() if n}:
                    norm = _norm(text)
                    index[norm] = value if index.get(norm, value) == value else None
            self._indexes[cache_key] = index
        return self._indexes[cache_key]

    def known(self, iri: URIRef) -> bool:
        return iri in self.lookup.known or iri in self.workbook_iris


# --- what a field covers ---------------------------------------------------------------------------


def covers(f: Field, node: Node, classes: Iterable[URIRef] = ()) -> bool:
    """Is ``node`` (an object of the field's path) shown in the field's columns?"""
    kind = f.kind
    if kind == FieldKind.LANG_TEXT:
        return isinstance(node, Literal) and node.language == f.lang
    if kind in (
        FieldKind.TEXT,
        FieldKind.DATE,
        FieldKind.NUMBER,
        FieldKind.BOOLEAN,
        FieldKind.LITERAL,
        FieldKind.CHOICE,
    ):
        return isinstance(node, Literal) and not node.language
    if kind == FieldKind.TYPE:
        return node in set(classes)
    if kind in (FieldKind.CONCEPT, FieldKind.REFERENCE):
        return isinstance(node, URIRef)
    if kind in (FieldKind.INTERVAL, FieldKind.ROLES):
        return not isinstance(node, Literal)
    return not isinstance(node, BNode)  # ANY


# --- RDF -> items ----------------------------------------------------------------------------------


def items_from_rdf(f: Field, nodes: Iterable[Node], graph: Graph, ctx: Context) -> list[Item]:
    items = [_item(f, node, graph, ctx) for node in nodes]
    if f.kind == FieldKind.INTERVAL:  # an interval without xsd:date bounds cannot be shown: not covered
        items = [i for i in items if any(i.key)]
    return sorted(items, key=lambda i: (_sort_text(i), i.key))


def _item(f: Field, node: Node, graph: Graph, ctx: Context) -> Item:
    kind = f.kind
    if kind == FieldKind.INTERVAL:
        begin = _instant_date(graph, node, TIME.hasBeginning)
        end = _instant_date(graph, node, TIME.hasEnd)
        return Item((_date_key(begin), _date_key(end)), (_date_cell(begin), _date_cell(end)), node)
    if kind == FieldKind.ROLES:
        return _role_item(f, node, graph, ctx)
    if kind in (FieldKind.CONCEPT, FieldKind.TYPE):
        return Item((str(node),), (_choice_text(f, node, ctx),), node)  # type: ignore[arg-type]
    if isinstance(node, URIRef):
        return Item((str(node),), (compact(str(node)),), node)
    if isinstance(node, Literal):
        if kind == FieldKind.DATE:
            value = node.toPython()
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime) and not node.ill_typed:
                return Item((value.isoformat(),), (value,), node)
        if kind == FieldKind.NUMBER and not node.ill_typed:
            number = _decimal(str(node))
            if number is not None:
                return Item((_number_key(number),), (_number_cell(number, node.datatype),), node)
        if kind == FieldKind.BOOLEAN and str(node) in ("true", "false", "1", "0"):
            truth = str(node) in ("true", "1")
            return Item((str(truth).lower(),), (_bool_word(truth, ctx.lang),), node)
        return Item((_text_key(str(node)),), (str(node),), node)
    return Item((str(node),), (str(node),), node)


def _role_item(f: Field, node: Node, graph: Graph, ctx: Context) -> Item:
    roles = sorted(str(r) for r in graph.objects(node, PROV.hadRole))
    agents = sorted(str(a) for a in graph.objects(node, PROV.agent))
    notes = sorted(
        str(n)
        for n in graph.objects(node, ISRP.roleNote)
        if isinstance(n, Literal) and n.language in ("de", None, "")
    )
    role_text = ", ".join(_choice_text(f, URIRef(r), ctx) for r in roles)
    agent_text = ", ".join(compact(a) for a in agents)
    note = notes[0] if notes else ""
    text = f"{role_text}: {agent_text}" + (f" ({note})" if note else "")
    return Item((",".join(roles), ",".join(agents), _text_key(note)), (text,), node)


def _choice_text(f: Field, value: URIRef, ctx: Context) -> str:
    """A concept's (or class's) label in the language, unless it is outside the field's list or its
    label is ambiguous there: then the compact IRI, which reads back exactly."""
    labels = ctx.class_labels if f.kind == FieldKind.TYPE else None
    allowed = _allowed(f, ctx)
    if value in allowed:
        names = (labels or {}).get(value) if labels is not None else ctx.lookup.concept_labels.get(value)
        names = names or {}
        text = names.get(ctx.lang) or names.get("de") or names.get("")
        if text and ctx.concept_index(allowed, labels).get(_norm(text)) == value:
            return text
    return compact(str(value))


def _allowed(f: Field, ctx: Context) -> tuple[URIRef, ...]:
    return f.concepts


def cell_values(f: Field, items: list[Item]) -> list[Any]:
    """The value per column: the typed value for one item, the texts joined by " | " for several."""
    values: list[Any] = []
    for index in range(len(f.columns)):
        parts = [item.cells[index] for item in items]
        if not parts:
            values.append(None)
        elif len(parts) == 1:
            values.append(parts[0])
        else:
            values.append(LIST_SEPARATOR.join(_as_text(p) for p in parts))
    return values


# --- cells -> items --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadItem:
    key: tuple[str, ...]
    raw: tuple[str, ...]  # text per column as typed

    @property
    def text(self) -> str:
        return " – ".join(r for r in self.raw if r)


def read_items(f: Field, raws: list[Any], ctx: Context) -> list[ReadItem]:
    """Split the cells of a field into values and compute each value's canonical key."""
    columns: list[list[Any]] = []
    for raw in raws:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            columns.append([])
        elif isinstance(raw, str) and f.multiple:
            columns.append([p.strip() for p in raw.split(LIST_SEPARATOR.strip())])
        else:
            columns.append([raw])
    count = max((len(c) for c in columns), default=0)
    items: list[ReadItem] = []
    for i in range(count):
        parts = [c[i] if i < len(c) else "" for c in columns]
        if all(_as_text(p) == "" for p in parts):
            continue
        key = tuple(_read_key(f, col.part, p, ctx) for col, p in zip(f.columns, parts, strict=True))
        if f.kind == FieldKind.ROLES:
            key = _role_key(f, _as_text(parts[0]), ctx)
        items.append(ReadItem(key, tuple(_as_text(p) for p in parts)))
    return items


def _read_key(f: Field, part: str, raw: Any, ctx: Context) -> str:
    kind = f.kind
    if kind in (FieldKind.DATE, FieldKind.INTERVAL):
        parsed = parse_date(raw)
        return parsed.isoformat() if parsed else _as_text(raw)
    if kind == FieldKind.NUMBER:
        number = _decimal(raw)
        return _number_key(number) if number is not None else _as_text(raw)
    if kind == FieldKind.BOOLEAN:
        truth = parse_bool(raw)
        return str(truth).lower() if truth is not None else _as_text(raw)
    text = _as_text(raw)
    if kind in (FieldKind.CONCEPT, FieldKind.TYPE):
        found = _resolve_choice(f, text, ctx)
        return str(found) if found is not None else "?" + text
    if kind == FieldKind.REFERENCE or (kind == FieldKind.ANY and _looks_like_iri(text)):
        iri = expand(text)
        return str(iri) if iri is not None else "?" + text
    return _text_key(text)


def _role_key(f: Field, text: str, ctx: Context) -> tuple[str, ...]:
    match = _ROLE_ITEM.match(text)
    if not match:
        return ("?" + text, "", "")
    roles = [_resolve_choice(f, r.strip(), ctx) for r in match["roles"].split(",")]
    agent = expand(match["agent"])
    if any(r is None for r in roles) or agent is None:
        return ("?" + text, "", "")
    return (",".join(sorted(str(r) for r in roles)), str(agent), _text_key(match["note"] or ""))


def _resolve_choice(f: Field, text: str, ctx: Context) -> URIRef | None:
    allowed = _allowed(f, ctx)
    labels = ctx.class_labels if f.kind == FieldKind.TYPE else None
    found = ctx.concept_index(allowed, labels).get(_norm(text))
    if found is not None:
        return found
    iri = expand(text)
    if iri is not None and (iri in allowed or iri in ctx.lookup.concept_labels or not allowed):
        return iri
    return None


# --- new items -> RDF ------------------------------------------------------------------------------


def build(f: Field, item: ReadItem, ctx: Context) -> tuple[Node, list[Triple]] | list[Problem]:
    """The RDF object (and blank-node triples) for a new or changed value, or what is wrong with it."""
    kind = f.kind
    raw = item.raw[0] if item.raw else ""
    if kind == FieldKind.INTERVAL:
        return _build_interval(f, item)
    if kind == FieldKind.ROLES:
        return _build_roles(f, raw, ctx)
    if kind in (FieldKind.CONCEPT, FieldKind.TYPE):
        found = _resolve_choice(f, raw, ctx)
        if found is None or (_allowed(f, ctx) and found not in _allowed(f, ctx)):
            return [_unknown_choice(f, raw, ctx)]
        return found, []
    if kind == FieldKind.REFERENCE:
        return _build_reference(raw, ctx)
    if kind == FieldKind.LANG_TEXT:
        return Literal(raw, lang=f.lang), []
    if kind == FieldKind.DATE:
        parsed = parse_date(raw)
        if parsed is None:
            return [Problem("sheet.bad_date", {"value": raw})]
        return Literal(parsed.isoformat(), datatype=XSD.date), []
    if kind == FieldKind.NUMBER:
        number = _decimal(raw)
        integer = f.datatype in INTEGER_TYPES
        if number is None or (integer and number != number.to_integral_value()):
            return [Problem("sheet.bad_integer" if integer else "sheet.bad_number", {"value": raw})]
        lexical = str(int(number)) if integer else _number_key(number)
        return Literal(lexical, datatype=f.datatype or XSD.decimal), []
    if kind == FieldKind.BOOLEAN:
        truth = parse_bool(raw)
        if truth is None:
            return [Problem("sheet.bad_boolean", {"value": raw})]
        return Literal("true" if truth else "false", datatype=XSD.boolean), []
    if kind == FieldKind.CHOICE:
        for choice in f.choices:
            if _norm(str(choice)) == _norm(raw):
                return choice, []
        return [
            Problem("sheet.unknown_value", {"value": raw, "allowed": ", ".join(str(c) for c in f.choices)})
        ]
    if kind == FieldKind.LITERAL and f.datatype is not None:
        literal = Literal(raw, datatype=f.datatype)
        if literal.ill_typed:
            return [Problem("sheet.bad_literal", {"value": raw, "datatype": compact(str(f.datatype))})]
        return literal, []
    if kind == FieldKind.ANY and _looks_like_iri(raw):
        return _build_reference(raw, ctx)
    return Literal(raw), []


def _build_reference(raw: str, ctx: Context) -> tuple[Node, list[Triple]] | list[Problem]:
    iri = expand(raw)
    if iri is None:
        return [Problem("sheet.bad_iri", {"value": raw})]
    if str(iri).startswith(BASE) and not ctx.known(iri):
        return [Problem("sheet.unknown_reference", {"value": raw})]
    return iri, []


def _build_interval(f: Field, item: ReadItem) -> tuple[Node, list[Triple]] | list[Problem]:
    problems: list[Problem] = []
    dates: dict[str, dt.date | None] = {}
    for column, raw in zip(f.columns, item.raw, strict=True):
        if not raw:
            dates[column.part] = None
            continue
        dates[column.part] = parse_date(raw)
        if dates[column.part] is None:
            problems.append(Problem("sheet.bad_date", {"value": raw}, column.part))
    begin, end = dates.get("begin"), dates.get("end")
    if not problems and begin and end and end < begin:
        problems.append(
            Problem("sheet.end_before_begin", {"begin": _de_date(begin), "end": _de_date(end)}, "end")
        )
    if problems:
        return problems
    interval = BNode()
    triples: list[Triple] = [(interval, RDF.type, TIME.ProperInterval)]
    for predicate, day in ((TIME.hasBeginning, begin), (TIME.hasEnd, end)):
        if day is not None:
            instant = BNode()
            triples += [
                (interval, predicate, instant),
                (instant, RDF.type, TIME.Instant),
                (instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)),
            ]
    return interval, triples


def _build_roles(f: Field, raw: str, ctx: Context) -> tuple[Node, list[Triple]] | list[Problem]:
    match = _ROLE_ITEM.match(raw)
    if not match:
        return [Problem("sheet.bad_role", {"value": raw})]
    roles: list[URIRef] = []
    for text in match["roles"].split(","):
        found = _resolve_choice(f, text.strip(), ctx)
        if found is None:
            return [_unknown_choice(f, text.strip(), ctx)]
        roles.append(found)
    agent = _build_reference(match["agent"], ctx)
    if isinstance(agent, list):
        return agent
    node = BNode()
    triples: list[Triple] = [(node, RDF.type, PROV.Association), (node, PROV.agent, agent[0])]
    triples += [(node, PROV.hadRole, role) for role in roles]
    if match["note"]:
        triples.append((node, ISRP.roleNote, Literal(match["note"].strip(), lang="de")))
    return node, triples


def _unknown_choice(f: Field, raw: str, ctx: Context) -> Problem:
    allowed = _allowed(f, ctx)
    listed: dict[str, str] = {}
    for lang in ("de", "en"):
        names = sorted({_label_in(f, v, lang, ctx) for v in allowed}, key=str.casefold)
        text = ", ".join(names[:MAX_LISTED])
        if len(names) > MAX_LISTED:
            text += " …"
        listed[lang] = text
    return Problem("sheet.unknown_value", {"value": raw, "allowed": listed})


def _label_in(f: Field, value: URIRef, lang: str, ctx: Context) -> str:
    names = (ctx.class_labels if f.kind == FieldKind.TYPE else ctx.lookup.concept_labels).get(value, {})
    return names.get(lang) or names.get("de") or compact(str(value))


# --- small parsers ---------------------------------------------------------------------------------


def parse_date(raw: Any) -> dt.date | None:
    """A date from an Excel date cell, ``TT.MM.JJJJ`` or ``JJJJ-MM-TT``."""
    if isinstance(raw, dt.datetime):
        return raw.date() if raw.time() == dt.time(0) else None
    if isinstance(raw, dt.date):
        return raw
    text = _as_text(raw)
    match = _DE_DATE.match(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        return None
    return None


def parse_bool(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    text = _norm(_as_text(raw))
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None


def _decimal(raw: Any) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    text = _as_text(raw).replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _number_key(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _number_cell(number: Decimal, datatype: URIRef | None) -> int | Decimal:
    if datatype in INTEGER_TYPES or number == number.to_integral_value():
        return int(number)
    return number


def _text_key(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


def _date_key(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _date_cell(day: dt.date | None) -> dt.date | None:
    return day


def _de_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _instant_date(graph: Graph, interval: Node, predicate: URIRef) -> dt.date | None:
    for instant in graph.objects(interval, predicate):
        for value in graph.objects(instant, TIME.inXSDDate):
            if isinstance(value, Literal) and isinstance(value.toPython(), dt.date):
                return value.toPython()  # type: ignore[no-any-return]
    return None


def _bool_word(truth: bool, lang: str) -> str:
    if lang == "en":
        return "yes" if truth else "no"
    return "ja" if truth else "nein"


def _looks_like_iri(text: str) -> bool:
    return expand(text) is not None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number_key(Decimal(repr(value)))
    if isinstance(value, Decimal):
        return _number_key(value)
    return str(value).replace("\r\n", "\n").strip()


def _sort_text(item: Item) -> str:
    return item.text.casefold()


def as_text(value: Any) -> str:
    """A cell value as plain text (dates ISO, numbers without trailing zeros)."""
    return _as_text(value)
