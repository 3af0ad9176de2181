"""What is known about particular SPARQL servers, so the remote store can work around a limit where the
answer stays the same, and name the limit where it cannot (never print wrong numbers).

Virtuoso 7.2 (Debian ``virtuoso-opensource``), measured:
- stores ``xsd:duration`` values as a number: the year–month part as months (``"P5Y"`` → ``"60"``),
  the day–time part as seconds (``"P1DT2H"`` → ``"93600.0"``); a duration with both parts keeps only
  the year–month part. Read back, such numbers are turned into duration text again (``"60"`` →
  ``"P5Y"``): a number is never a valid ``xsd:duration``, so the repair cannot change a correct value.
- cannot add a duration to a date (error SR087), fails on some nested queries (SQ156, internal
  compiler error), refuses blank nodes in ``INSERT DATA`` (SP031) and large update requests (SP030
  "memory exhausted", SP031 "generated SQL text has exceeded 10000 lines"): load through the Graph
  Store Protocol (``ISRP_GSP_URL=…/sparql-graph-crud``).
- returns booleans computed in a query (``EXISTS``, comparisons, ``true``) as ``xsd:integer`` 0/1 and
  stored ones as ``"1"^^xsd:boolean``: the variables a query binds to a boolean expression are found
  in its algebra (rdflib) and their 0/1 turned into ``false``/``true`` again.
- keeps its own graphs (DAV, virtrdf, ldp, owl, the service description) in every store: the remote
  store lists only the registry's graphs (``graph_base``).
- stops a query after ``MaxQueryExecutionTime`` (60 s in the packaged virtuoso.ini) with HTTP 500 and
  error SR171 (measured: an error, not partial results): named as that limit, not as an HTTP error.
- returns at most ``ResultSetMaxRows`` rows (10,000 in the packaged virtuoso.ini; a 1M-quad registry has
  11,625 plans) with HTTP 200, naming the limit only in the header ``X-SPARQL-MaxRows``: such an answer
  is refused (``check_complete``), never used. CONSTRUCT answers are cut at the same limit without any
  header (measured: 10,201 triples asked, about 10,000 returned): load and read graphs through the Graph
  Store Protocol.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import Literal as RdfLiteral
from rdflib import Variable
from rdflib.namespace import XSD as XSD_NS
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from isrp_graph.messages import register
from isrp_graph.store.errors import StoreError

XSD = "http://www.w3.org/2001/XMLSchema#"
_DURATIONS = {XSD + "duration", XSD + "yearMonthDuration", XSD + "dayTimeDuration"}
XSD_BOOLEAN = XSD_NS.boolean
XSD_BOOLEAN_TEXT = str(XSD_NS.boolean)
_NUMBER = re.compile(r"^-?\d+(\.\d*)?$")

# server error code -> message key of the limit it shows
_LIMITS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"\bSR087\b"), "store.limit.date_duration", "SR087"),
    (re.compile(r"\bSQ156\b"), "store.limit.nested", "SQ156"),
    (re.compile(r"\bSP031\b.*Blank node", re.DOTALL), "store.limit.blank_nodes", "SP031"),
    (re.compile(r"\bSP030\b.*memory exhausted", re.DOTALL), "store.limit.too_large", "SP030"),
    (re.compile(r"exceeded 10000 lines"), "store.limit.too_large", "SP031"),
    (re.compile(r"\bSR171\b"), "store.limit.time", "MaxQueryExecutionTime"),
    (
        re.compile(r"estimated execution time \d+ \(sec\) exceeds the limit"),
        "store.limit.cost",
        "MaxQueryCostEstimationTime",
    ),
)

# named queries a server is known to answer WRONGLY (measured against the embedded store and oxigraph
# serve; tests/store/test_remote_queries.py checks every entry still differs): refused with the reason.
KNOWN_WRONG: dict[str, dict[str, str]] = {
    "virtuoso": {
        "gaps-target-groups": "FILTER NOT EXISTS nested in FILTER NOT EXISTS with property paths",
        "overlaps-target-topic": "FILTER NOT EXISTS nested in FILTER NOT EXISTS with property paths",
        "measure-plan-fit": "GROUP_CONCAT over unbound values yields separators",
        "funding-coordination": "FILTER EXISTS with a transitive property path between two joined "
        "variables finds no path",
        "overlaps-funding": "FILTER EXISTS with a transitive property path between two joined variables "
        "finds no path",
    }
}


class EngineLimit(StoreError):
    """The SPARQL server cannot answer this request correctly; the message names its limit. The web
    app answers it with HTTP 501 (the server lacks the capability), the CLI with its store exit code."""

    key = "store.limit"
    status = 501


def engine_of(server_header: str) -> str:
    """``virtuoso``, ``oxigraph``, ``fuseki``, ``graphdb`` or ``unknown`` from an HTTP ``Server`` header."""
    header = server_header.lower()
    for name in ("virtuoso", "oxigraph", "fuseki", "graphdb"):
        if name in header:
            return name
    return "unknown"


def limit_error(detail: str, url: str) -> EngineLimit | None:
    """An ``EngineLimit`` when the server's error text shows one of the known limits, else None."""
    for pattern, key, code in _LIMITS:
        if pattern.search(detail):
            return EngineLimit(key, url=url, code=code, reason=detail[:300])
    return None


MAX_ROWS_HEADER = "x-sparql-maxrows"


def check_complete(headers: Mapping[str, str], url: str, rows: int | None = None) -> None:
    """Refuse an answer the server cut short: Virtuoso returns at most ``ResultSetMaxRows`` rows
    (10,000 in the packaged virtuoso.ini) without an error, and says so only in the header
    ``X-SPARQL-MaxRows`` (sent once the answer reaches the limit). ``rows``: the rows received, when
    known (an answer below the limit is complete whatever the header)."""
    cap = next((value for name, value in headers.items() if name.lower() == MAX_ROWS_HEADER), None)
    if cap is None:
        return
    try:
        limit = int(cap.strip())
    except ValueError:
        limit = 0
    if rows is None or rows >= limit:
        raise EngineLimit("store.limit.max_rows", url=url, code="ResultSetMaxRows", rows=cap.strip())


def repaired_duration(lexical: str, datatype: str | None) -> str | None:
    """Duration text for a duration a server stored as a number (months, or seconds when it has a
    decimal point); None when nothing needs repairing."""
    if datatype not in _DURATIONS or not _NUMBER.match(lexical):
        return None
    try:
        return _months(int(lexical)) if "." not in lexical else _seconds(Decimal(lexical))
    except (ValueError, InvalidOperation):
        return None


# Virtuoso types the geo:wktLiteral values it stores as its own geometry type: read back as WKT
VIRTUOSO_GEOMETRY = "http://www.openlinksw.com/schemas/virtrdf#Geometry"
WKT_LITERAL = "http://www.opengis.net/ont/geosparql#wktLiteral"


def repair_json_term(item: dict[str, Any]) -> dict[str, Any]:
    """One SPARQL JSON results term, its duration and geometry type repaired."""
    if item.get("datatype") == VIRTUOSO_GEOMETRY:
        return {**item, "datatype": WKT_LITERAL}
    fixed = repaired_duration(str(item.get("value", "")), item.get("datatype"))
    return item if fixed is None else {**item, "value": fixed}


def repair_ox_term(term: Any) -> Any:
    """One pyoxigraph term, its duration repaired."""
    if isinstance(term, ox.Literal):
        if term.datatype.value == VIRTUOSO_GEOMETRY:
            return ox.Literal(term.value, datatype=ox.NamedNode(WKT_LITERAL))
        fixed = repaired_duration(term.value, term.datatype.value)
        if fixed is not None:
            return ox.Literal(fixed, datatype=term.datatype)
    return term


def repair_ox_triples(triples: Iterable[Any]) -> Iterator[ox.Triple]:
    for triple in triples:
        obj = repair_ox_term(triple.object)
        yield triple if obj is triple.object else ox.Triple(triple.subject, triple.predicate, obj)


def _months(total: int) -> str:
    sign, total = ("-", -total) if total < 0 else ("", total)
    years, months = divmod(total, 12)
    if not years and not months:
        return "P0M"
    return sign + "P" + (f"{years}Y" if years else "") + (f"{months}M" if months else "")


def _seconds(total: Decimal) -> str:
    sign, total = ("-", -total) if total < 0 else ("", total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    time = (f"{int(hours)}H" if hours else "") + (f"{int(minutes)}M" if minutes else "")
    if seconds:
        time += f"{seconds.normalize():f}S"
    text = "P" + (f"{int(days)}D" if days else "") + (f"T{time}" if time else "")
    return sign + (text if text != "P" else "PT0S")


register(
    {
        "store.limit": {
            "de": "Der SPARQL-Server {url} kann diese Anfrage nicht richtig beantworten ({code}): {reason}",
            "en": "The SPARQL server {url} cannot answer this request correctly ({code}): {reason}",
        },
        "store.limit.date_duration": {
            "de": "Der SPARQL-Server {url} kann keine Dauer zu einem Datum addieren "
            "(Virtuoso-Grenze {code}); diese Auswertung braucht das (z. B. ‚Fortschreibung fällig‘). "
            "Sie ist auf diesem Server nicht verfügbar: bitte mit dem eingebetteten Speicher oder "
            "oxigraph serve ausführen.",
            "en": "The SPARQL server {url} cannot add a duration to a date (Virtuoso limit {code}); this "
            "analysis needs it (e.g. 'update due'). It is not available on this server: run it on the "
            "embedded store or oxigraph serve.",
        },
        "store.limit.nested": {
            "de": "Der SPARQL-Server {url} scheitert an dieser verschachtelten Abfrage (Virtuoso-Grenze "
            "{code}, interner Compilerfehler). Sie ist auf diesem Server nicht verfügbar.",
            "en": "The SPARQL server {url} fails on this nested query (Virtuoso limit {code}, internal "
            "compiler error). It is not available on this server.",
        },
        "store.limit.blank_nodes": {
            "de": "Der SPARQL-Server {url} nimmt keine leeren Knoten per SPARQL Update an (Virtuoso-Grenze "
            "{code}). Bitte das Graph Store Protocol einstellen: ISRP_GSP_URL=…/sparql-graph-crud.",
            "en": "The SPARQL server {url} accepts no blank nodes through SPARQL Update (Virtuoso limit "
            "{code}). Please configure the Graph Store Protocol: ISRP_GSP_URL=…/sparql-graph-crud.",
        },
        "store.limit.cost": {
            "de": "Der SPARQL-Server {url} lehnt diese Abfrage ab, weil er sie für zu teuer hält (Grenze "
            "{code} in virtuoso.ini). Sie ist auf diesem Server nicht verfügbar, solange die Grenze nicht "
            "erhöht wird.",
            "en": "The SPARQL server {url} refuses this query as too expensive (limit {code} in "
            "virtuoso.ini). It is not available on this server unless the limit is raised.",
        },
        "store.limit.wrong_answer": {
            "de": "Die Auswertung ‚{query}‘ ist auf diesem SPARQL-Server ({engine}) nicht verfügbar: er "
            "beantwortet sie nachweislich falsch ({reason}). Bitte mit dem eingebetteten Speicher oder "
            "oxigraph serve ausführen.",
            "en": "The analysis '{query}' is not available on this SPARQL server ({engine}): it is known to "
            "answer it wrongly ({reason}). Please run it on the embedded store or oxigraph serve.",
        },
        "store.limit.time": {
            "de": "Der SPARQL-Server {url} hat die Abfrage nach seinem eigenen Zeitlimit abgebrochen "
            "(Grenze {code} in virtuoso.ini, Fehler SR171). Bitte die Grenze erhöhen oder die Auswertung je "
            "Kommune ausführen.",
            "en": "The SPARQL server {url} stopped the query at its own time limit ({code} in virtuoso.ini, "
            "error SR171). Please raise the limit or run the analysis per municipality.",
        },
        "store.limit.max_rows": {
            "de": "Der SPARQL-Server {url} liefert höchstens {rows} Zeilen je Abfrage (Grenze {code} in "
            "virtuoso.ini) und hätte diese Antwort ohne Fehler abgeschnitten; sie wird daher nicht "
            "verwendet. Bitte die Grenze erhöhen (z. B. ResultSetMaxRows = 1000000) oder die Auswertung "
            "je Kommune ausführen.",
            "en": "The SPARQL server {url} returns at most {rows} rows per query (limit {code} in "
            "virtuoso.ini) and would have cut this answer short without an error; it is not used. Please "
            "raise the limit (e.g. ResultSetMaxRows = 1000000) or run the analysis per municipality.",
        },
        "store.limit.too_large": {
            "de": "Der SPARQL-Server {url} nimmt so große SPARQL-Updates nicht an (Virtuoso-Grenze {code}). "
            "Bitte das Graph Store Protocol einstellen: ISRP_GSP_URL=…/sparql-graph-crud.",
            "en": "The SPARQL server {url} refuses SPARQL updates this large (Virtuoso limit {code}). "
            "Please configure the Graph Store Protocol: ISRP_GSP_URL=…/sparql-graph-crud.",
        },
    }
)


# --- booleans a server answered as integers ------------------------------------------------------

_BOOLEAN_EXPRESSIONS = frozenset(
    {
        "Builtin_EXISTS",
        "Builtin_NOTEXISTS",
        "RelationalExpression",
        "ConditionalAndExpression",
        "ConditionalOrExpression",
        "UnaryNot",
        "Builtin_BOUND",
        "Builtin_isIRI",
        "Builtin_isBLANK",
        "Builtin_isLITERAL",
        "Builtin_isNUMERIC",
        "Builtin_REGEX",
        "Builtin_CONTAINS",
        "Builtin_STRSTARTS",
        "Builtin_STRENDS",
        "Builtin_LANGMATCHES",
        "Builtin_sameTerm",
    }
)


@lru_cache(maxsize=256)
def boolean_variables(query: str, seeds: frozenset[str] = frozenset()) -> frozenset[str]:
    """The variables a SELECT query binds to a boolean expression (``BIND(EXISTS {…} AS ?x)``,
    ``(?a < ?b AS ?x)``, ``IF(…, true, false)``, and variables that pass such a value on), starting
    from ``seeds`` (parameters bound to a boolean). Only the seeds when the query does not parse here."""
    try:
        algebra = prepareQuery(query).algebra
    except Exception:  # rdflib raises many kinds; an unparsable query simply gets no repair
        return seeds
    extends: list[tuple[str, Any]] = []
    _collect_extends(algebra, extends, 0)
    found: set[str] = set(seeds)
    changed = True
    while changed:
        changed = False
        for name, expression in extends:
            if name not in found and _is_boolean(expression, found):
                found.add(name)
                changed = True
    return frozenset(found)


def _collect_extends(node: Any, out: list[tuple[str, Any]], depth: int) -> None:
    if depth > 200:
        return
    if isinstance(node, CompValue):
        if node.name == "Extend":
            out.append((str(node["var"]), node["expr"]))
        for value in node.values():
            _collect_extends(value, out, depth + 1)
    elif isinstance(node, list | tuple):
        for value in node:
            _collect_extends(value, out, depth + 1)


def _is_boolean(expression: Any, known: set[str]) -> bool:
    if isinstance(expression, RdfLiteral):
        return expression.datatype == XSD_BOOLEAN
    if isinstance(expression, Variable):
        return str(expression) in known
    name = getattr(expression, "name", None)
    if name in _BOOLEAN_EXPRESSIONS:
        return True
    if name == "Builtin_IF":
        return _is_boolean(expression.get("arg2"), known) and _is_boolean(expression.get("arg3"), known)
    if name == "Builtin_COALESCE":
        args = expression.get("arg") or []
        return bool(args) and all(_is_boolean(a, known) for a in args)
    return False


def repair_booleans(bindings: list[dict[str, Any]], variables: frozenset[str]) -> None:
    """Integer 0/1 answers for boolean variables (and ``"1"^^xsd:boolean``) as ``false``/``true``."""
    for binding in bindings:
        for name, item in list(binding.items()):
            datatype = item.get("datatype")
            value = item.get("value")
            if value not in ("0", "1"):
                continue
            if datatype == XSD_BOOLEAN_TEXT or (name in variables and datatype == XSD + "integer"):
                binding[name] = {
                    **item,
                    "datatype": XSD_BOOLEAN_TEXT,
                    "value": "true" if value == "1" else "false",
                }
