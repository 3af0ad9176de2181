"""The SPARQL page (/abfrage): an accessible editor (a labelled textarea, no JavaScript needed) with the
named queries of ``queries/`` as examples, the list of predeclared prefixes, results as a table, and
downloads (CSV as W3C SPARQL CSV, "CSV für Excel", JSON, Turtle). Queries run like those of
``/sparql``: checked first, then in a killable worker process (``api.sparql_run``).

Why not YASGUI: its CodeMirror editor traps the Tab key and is hard to use with a screen reader
(BITV 2.0), it needs JavaScript for everything and weighs about 2 MB; a textarea and a server-rendered
result table do the job for planners and researchers alike, and ``/sparql`` serves any other client."""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

import api.i18n_sparql  # noqa: F401  (registers the texts)
from api.context import entry_href, lang_of, state
from api.errors import HttpError, status_of
from api.library import Unavailable, function
from api.negotiation import choose_format, rdf_response, respond
from api.sparql_run import public_query
from api.sparql_xlsx import OUTPUTS, page_xlsx
from api.tables import Column, Item, Table
from isrp_graph.analyses.basis import number_text
from isrp_graph.messages import LocalizedError, register, t
from isrp_graph.namespaces import PREFIXES
from isrp_graph.store.base import SelectResult
from isrp_graph.store.results import select_to_json
from isrp_graph.store.sparql_text import bind_values, query_form
from isrp_graph.store.terms import from_ox

router = APIRouter()

register(
    {
        "web.sparql.title": {"de": "Abfragen mit SPARQL", "en": "Queries with SPARQL"},
        "web.sparql.intro": {
            "de": "Hier lassen sich eigene Fragen an das Register stellen – in der Abfragesprache SPARQL. "
            "Am einfachsten: ein Beispiel wählen, ‚Beispiel laden‘, dann ‚Abfrage ausführen‘. Die "
            "üblichen Präfixe (isrp:, skos:, rdfs: …) sind schon bekannt (Liste unten).",
            "en": "Ask the registry your own questions here – in the query language SPARQL. Easiest: "
            "choose an example, 'Load example', then 'Run query'. The common prefixes (isrp:, skos:, "
            "rdfs: …) are predeclared (list below).",
        },
        "web.sparql.examples": {"de": "Beispiele (benannte Abfragen)", "en": "Examples (named queries)"},
        "web.sparql.choose": {"de": "Beispiel wählen", "en": "Choose an example"},
        "web.sparql.load": {"de": "Beispiel laden", "en": "Load example"},
        "web.sparql.query": {"de": "SPARQL-Abfrage", "en": "SPARQL query"},
        "web.sparql.run": {"de": "Abfrage ausführen", "en": "Run query"},
        "web.sparql.hint": {
            "de": "Tastatur: Strg+Eingabe führt die Abfrage aus. Höchstens {limit} Zeilen, "
            "höchstens {seconds} Sekunden.",
            "en": "Keyboard: Ctrl+Enter runs the query. At most {limit} rows, at most {seconds} seconds.",
        },
        "web.sparql.result": {"de": "Ergebnis", "en": "Result"},
        "web.sparql.result_caption": {"de": "Ergebnis der Abfrage", "en": "Result of the query"},
        "web.sparql.ask_true": {"de": "Antwort: ja (true)", "en": "Answer: yes (true)"},
        "web.sparql.ask_false": {"de": "Antwort: nein (false)", "en": "Answer: no (false)"},
        "web.sparql.endpoint": {
            "de": "Für Programme: SPARQL-1.1-Endpunkt {url} (GET/POST, Ergebnisse als JSON, XML, CSV, TSV "
            "oder RDF).",
            "en": "For programs: SPARQL 1.1 endpoint {url} (GET/POST, results as JSON, XML, CSV, TSV or "
            "RDF).",
        },
        "web.sparql.subject": {"de": "Subjekt", "en": "Subject"},
        "web.sparql.predicate": {"de": "Prädikat", "en": "Predicate"},
        "web.sparql.object": {"de": "Objekt", "en": "Object"},
        "web.sparql.unknown_example": {
            "de": "Das Beispiel {name} gibt es nicht.",
            "en": "There is no example {name}.",
        },
    }
)

DEFAULT_QUERY = """SELECT ?plan ?label WHERE {
  ?plan a isrp:SectoralPlan ;
        rdfs:label ?label .
  FILTER(LANG(?label) = "de")
}
ORDER BY ?label
LIMIT 50"""


def _limit_text(limit: int) -> dict[str, str]:
    """The result limit in each language's number format (10.000 / 10,000)."""
    return {"de": number_text(limit, "de"), "en": number_text(limit, "en")}


class TooBig(LocalizedError):
    key = "web.sparql.too_big"
    status = 400


class ReadOnly(LocalizedError):
    key = "web.sparql.update_refused"
    status = 403


def examples(lang: str) -> list[dict[str, Any]]:
    """The named queries as examples: name, title, description, text with the defaults bound."""
    try:
        catalogue = function("isrp_graph.queries", "catalogue")
        bindings_for = function("isrp_graph.queries", "bindings_for")
    except Unavailable:
        return []
    found = []
    for query in catalogue():
        try:
            text = bind_values(
                query.text, bindings_for(query, {"lang": lang} if query.parameter("lang") else {}, lang)
            )
        except (LocalizedError, ValueError, KeyError):
            text = query.text  # a required parameter without default: show the query as written
        found.append(
            {
                "name": query.name,
                "title": query.title_in(lang),
                "description": query.description_in(lang),
                "text": text.strip(),
            }
        )
    return found


def _cell(request: Request, node: Node | None) -> list[Item]:
    if node is None:
        return []
    if isinstance(node, URIRef):
        return [Item(_compact(str(node)), entry_href(request, str(node)), title=str(node))]
    if isinstance(node, BNode):
        return [Item(f"_:{node}")]
    if isinstance(node, Literal):
        return [Item(str(node))]
    return [Item(str(node))]


def _compact(iri: str) -> str:
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def run(request: Request, text: str) -> dict[str, Any]:
    """Run ``text`` for the page: a table for SELECT and CONSTRUCT, a yes/no for ASK."""
    app = state(request)
    lang = lang_of(request)
    form = query_form(text)
    limit = app.settings.result_limit
    if form == "UPDATE":
        raise ReadOnly()
    if form == "ASK":
        body, _ = public_query(request, text, "application/sparql-results+json")
        answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        return {"form": form, "boolean": bool(answer)}
    if form in ("CONSTRUCT", "DESCRIBE"):
        body, _ = public_query(request, text, "application/n-triples")
        graph = Graph().parse(data=body.decode("utf-8"), format="nt")
        if len(graph) > limit:
            raise TooBig(limit=_limit_text(limit))
        table = Table(
            t("web.sparql.result_caption", lang),
            [
                Column("s", t("web.sparql.subject", lang)),
                Column("p", t("web.sparql.predicate", lang)),
                Column("o", t("web.sparql.object", lang)),
            ],
        )
        for s, p, o in sorted(graph):
            table.rows.append({"s": _cell(request, s), "p": _cell(request, p), "o": _cell(request, o)})
        return {"form": form, "graph": graph, "table": table}
    result = _select(request, text)
    if len(result.rows) > limit:
        raise TooBig(limit=_limit_text(limit))
    table = Table(t("web.sparql.result_caption", lang), [Column(v, v) for v in result.variables])
    for row in result.rows:
        table.rows.append({v: _cell(request, row.get(v)) for v in result.variables})
    return {"form": "SELECT", "result": result, "table": table}


def _select(request: Request, text: str) -> SelectResult:
    body, _ = public_query(request, text, "application/sparql-results+json")
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if isinstance(parsed, ox.QueryBoolean):
        return SelectResult(variables=[], rows=[])
    variables = [v.value for v in parsed.variables]
    rows: list[dict[str, Node | None]] = [
        {name: (None if v is None else from_ox(v)) for name, v in zip(variables, solution, strict=True)}
        for solution in parsed
    ]
    return SelectResult(variables=variables, rows=rows)


def excel_csv(result: SelectResult) -> str:
    """The "CSV für Excel" download: the one call point for the Excel form of a result (semicolons,
    byte-order mark, and whatever protection against formulas ``isrp_graph.queries.to_csv`` adds).
    The plain CSV download stays W3C SPARQL 1.1 CSV, unchanged."""
    return str(function("isrp_graph.queries", "to_csv")(result, excel=True))


def page_csv(result: SelectResult) -> str:
    """The page's plain CSV download: comma-separated like SPARQL CSV, but a download for people, so
    cells a spreadsheet would read as formulas are neutralised (``/sparql`` keeps W3C CSV exactly)."""
    return str(function("isrp_graph.queries", "to_csv")(result, excel=False))


@router.get("/abfrage", name="sparql_page", include_in_schema=False)
def sparql_page(request: Request) -> Response:
    lang = lang_of(request)
    app = state(request)
    found = examples(lang)
    query = request.query_params.get("query")
    example = request.query_params.get("example")
    outcome: dict[str, Any] | None = None
    error: str | None = None
    status = 200
    if query:  # "Run query" sends the text; "Load example" only the example's name
        try:
            outcome = run(request, query)
        except LocalizedError as exc:
            error, status = exc.message(lang), status_of(exc)
    elif example:
        chosen = next((e for e in found if e["name"] == example), None)
        if chosen is None:
            raise HttpError(404, "web.sparql.unknown_example", name=example)
        query = chosen["text"]
    fmt = choose_format(request, ("html", "json", "csv", "xlsx", "ttl"))
    output = OUTPUTS.get(request.query_params.get("ausgabe") or "")  # the form's "Ergebnis als" choice
    if output and outcome is not None and "result" in outcome:
        fmt = output[0]
    if outcome is not None and fmt == "xlsx" and "result" in outcome:
        return page_xlsx(request, outcome["result"], query or "")
    if outcome is not None and fmt == "csv" and "result" in outcome:
        excel = request.query_params.get("excel") in ("1", "true", "ja") or bool(output and output[1])
        return Response(
            excel_csv(outcome["result"]) if excel else page_csv(outcome["result"]),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="ergebnis.csv"'},
        )
    if outcome is not None and fmt == "json" and "result" in outcome:
        return Response(
            _json(select_to_json(outcome["result"])), media_type="application/sparql-results+json"
        )
    if outcome is not None and fmt in ("ttl", "json") and "graph" in outcome:
        return rdf_response(outcome["graph"], "ttl" if fmt == "ttl" else "jsonld")
    model = {
        "query": query or DEFAULT_QUERY,
        "examples": found,
        "selected": example or "",
        "error": error,
        "form": outcome["form"] if outcome else None,
        "boolean": outcome.get("boolean") if outcome else None,
        "limit": app.settings.result_limit,
        "seconds": app.settings.query_timeout,
        "endpoint": str(request.url_for("sparql_get")),
        "prefixes": sorted(PREFIXES.items()),
    }
    table = outcome.get("table") if outcome else None
    fmt = "json" if fmt in ("json", "csv", "xlsx", "ttl") else "html"
    return respond(
        request,
        "sparql.html",
        model,
        table=table,
        status_code=status,
        fmt=fmt,
        title=t("web.sparql.title", lang),
        formats=("html", "json"),
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
