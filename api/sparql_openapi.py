"""The OpenAPI description of ``/sparql`` (parameters, bodies, every status), so clients and fuzzers
(schemathesis) see the SPARQL 1.1 Protocol as it is served. The routes read the request themselves
(strict UTF-8, repeated parameters), so FastAPI cannot infer this from their signatures."""

from __future__ import annotations

from typing import Any

_IRI_LIST = {"type": "array", "items": {"type": "string", "format": "iri"}}
_TEXT = {"text/plain": {"schema": {"type": "string"}}}
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_RESULTS: dict[str, Any] = {
    media: {"schema": {"type": "string"}}
    for media in (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
        "text/turtle",
        "application/n-triples",
        "application/rdf+xml",
        "application/ld+json",
    )
}
_RESULTS[XLSX_MEDIA] = {"schema": {"type": "string", "format": "binary"}}
_FORMAT_PARAM: dict[str, Any] = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "xlsx: das SELECT-Ergebnis als Tabelle für Excel (Zellen als Text oder Zahl, nie als "
    "Formel; 406 für ASK, CONSTRUCT, DESCRIBE), wie Accept: " + XLSX_MEDIA + ". Ohne: die "
    "Ergebnisformate nach Accept, unverändert nach SPARQL 1.1 / xlsx: the SELECT result as a table for "
    "Excel (cells typed as text or number, never formulas; 406 for other forms); without it the W3C "
    "result formats by Accept, unchanged",
    "schema": {"type": "string", "enum": ["xlsx"]},
}
_DATASET_PARAMS: list[dict[str, Any]] = [
    {
        "name": name,
        "in": "query",
        "required": False,
        "description": text,
        "schema": _IRI_LIST,
        "style": "form",
        "explode": True,
    }
    for name, text in (
        ("default-graph-uri", "Graph(en) des Standardgraphs (Graphs of the default graph)"),
        ("named-graph-uri", "Benannte Graphen des Datensatzes (Named graphs of the dataset)"),
    )
]
_STATUS: dict[str, dict[str, Any]] = {
    "200": {
        "description": "Ergebnis (SELECT/ASK: SPARQL-Ergebnisformate; CONSTRUCT/DESCRIBE: RDF) "
        "oder ohne query die Service Description",
        "content": _RESULTS,
    },
    "400": {
        "description": "Fehlerhafte, zu große oder föderierte Abfrage; falsche Parameter",
        "content": _TEXT,
    },
    "403": {"description": "SPARQL Update ist nicht erlaubt (read-only)", "content": _TEXT},
    "406": {
        "description": "Kein passendes Ergebnisformat für Accept; format=xlsx für eine Abfrage ohne SELECT",
        "content": _TEXT,
    },
    "502": {"description": "Ein erlaubter föderierter Endpunkt (SERVICE) ist ausgefallen", "content": _TEXT},
    "503": {
        "description": "Zeitlimit überschritten oder zu viele Abfragen gleichzeitig (Retry-After)",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        "content": _TEXT,
    },
}

GET_DOC: dict[str, Any] = {
    "description": "SPARQL 1.1 Protocol, query via GET. Without `query`: the Service Description.",
    "responses": {**_STATUS, "303": {"description": "Browser: weiter zur SPARQL-Seite /abfrage"}},
    "openapi_extra": {
        "parameters": [
            {
                "name": "query",
                "in": "query",
                "required": False,
                "description": "SPARQL-1.1-Abfrage (SELECT, ASK, CONSTRUCT, DESCRIBE), höchstens einmal",
                "schema": {"type": "string"},
            },
            *_DATASET_PARAMS,
            _FORMAT_PARAM,
        ]
    },
}

POST_DOC: dict[str, Any] = {
    "description": "SPARQL 1.1 Protocol, query via POST: URL-encoded form or the query as the body "
    "(`application/sparql-query`, UTF-8). With a direct body the dataset parameters go in the URL.",
    "responses": {**_STATUS, "415": {"description": "Nicht unterstützter Inhaltstyp", "content": _TEXT}},
    "openapi_extra": {
        "parameters": [*_DATASET_PARAMS, _FORMAT_PARAM],
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "required": ["query"],
                        "properties": {
                            "query": {"type": "string"},
                            "default-graph-uri": _IRI_LIST,
                            "named-graph-uri": _IRI_LIST,
                        },
                    }
                },
                "application/sparql-query": {"schema": {"type": "string"}},
            },
        },
    },
}
