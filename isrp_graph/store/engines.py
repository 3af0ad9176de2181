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
- returns booleans computed in a query (``EXISTS``, comparisons) as ``xsd:integer`` 0/1.
- keeps its own graphs (DAV, virtrdf, ldp, owl, the service description) in every store: the remote
  store lists only the registry's graphs (``graph_base``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from isrp_graph.messages import register
from isrp_graph.store.errors import StoreError

XSD = "http://www.w3.org/2001/XMLSchema#"
_DURATIONS = {XSD + "duration", XSD + "yearMonthDuration", XSD + "dayTimeDuration"}
_NUMBER = re.compile(r"^-?\d+(\.\d*)?$")

# server error code -> message key of the limit it shows
_LIMITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bSR087\b"), "store.limit.date_duration"),
    (re.compile(r"\bSQ156\b"), "store.limit.nested"),
    (re.compile(r"\bSP031\b.*Blank node", re.DOTALL), "store.limit.blank_nodes"),
    (re.compile(r"\bSP030\b.*memory exhausted|exceeded 10000 lines", re.DOTALL), "store.limit.too_large"),
)


class EngineLimit(StoreError):
    """The SPARQL server cannot answer this request correctly; the message names its limit."""

    key = "store.limit"


def engine_of(server_header: str) -> str:
    """``virtuoso``, ``oxigraph``, ``fuseki``, ``graphdb`` or ``unknown`` from an HTTP ``Server`` header."""
    header = server_header.lower()
    for name in ("virtuoso", "oxigraph", "fuseki", "graphdb"):
        if name in header:
            return name
    return "unknown"


def limit_error(detail: str, url: str) -> EngineLimit | None:
    """An ``EngineLimit`` when the server's error text shows one of the known limits, else None."""
    for pattern, key in _LIMITS:
        if pattern.search(detail):
            code = pattern.pattern.split("\\b")[1] if "\\b" in pattern.pattern else ""
            return EngineLimit(key, url=url, code=code, reason=detail[:300])
    return None


def repaired_duration(lexical: str, datatype: str | None) -> str | None:
    """Duration text for a duration a server stored as a number (months, or seconds when it has a
    decimal point); None when nothing needs repairing."""
    if datatype not in _DURATIONS or not _NUMBER.match(lexical):
        return None
    try:
        return _months(int(lexical)) if "." not in lexical else _seconds(Decimal(lexical))
    except (ValueError, InvalidOperation):
        return None


def repair_json_term(item: dict[str, Any]) -> dict[str, Any]:
    """One SPARQL JSON results term, its duration repaired."""
    fixed = repaired_duration(str(item.get("value", "")), item.get("datatype"))
    return item if fixed is None else {**item, "value": fixed}


def repair_ox_term(term: Any) -> Any:
    """One pyoxigraph term, its duration repaired."""
    if isinstance(term, ox.Literal):
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
        "store.limit.too_large": {
            "de": "Der SPARQL-Server {url} nimmt so große SPARQL-Updates nicht an (Virtuoso-Grenze {code}). "
            "Bitte das Graph Store Protocol einstellen: ISRP_GSP_URL=…/sparql-graph-crud.",
            "en": "The SPARQL server {url} refuses SPARQL updates this large (Virtuoso limit {code}). "
            "Please configure the Graph Store Protocol: ISRP_GSP_URL=…/sparql-graph-crud.",
        },
    }
)
