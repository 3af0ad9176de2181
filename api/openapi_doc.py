"""The complete OpenAPI contract of ``/api/v1/*``, the upload route and the service routes: every
parameter, request body, media type and status code the routes really answer with (schemathesis checks
the contract in ``tests/ops/test_schemathesis.py``). ``/sparql`` is documented by its own module.

FastAPI derives parameters and the 200/422 answers from the route functions; what it cannot see — the
raw upload body, the ``format=csv`` twin of a named query, the errors raised by the library, the
bearer token — is added here to the generated schema."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from isrp_graph.xlsx_safe import MEDIA_TYPE as XLSX_MEDIA

ERROR = {"$ref": "#/components/schemas/Error"}
ERROR_SCHEMA = {
    "type": "object",
    "title": "Error",
    "description": "Fehlermeldung (Sprache nach ?lang=) / error message (language by ?lang=)",
    "properties": {"error": {"type": "string"}, "status": {"type": "integer"}},
    "required": ["error", "status"],
}
UPLOAD_RESULT = {
    "type": "object",
    "title": "UploadResult",
    "properties": {
        "accepted": {"type": "boolean"},
        "message": {"type": "string"},
        "activity": {"type": "string", "description": "IRI des Protokolleintrags / log entry IRI"},
        "added": {"type": "integer"},
        "removed": {"type": "integer"},
        "graphs": {"type": "array", "items": {"type": "string"}},
        "changes": {"type": "object", "additionalProperties": {"type": "integer"}},
    },
    "required": ["accepted", "message"],
}
REJECTED = {
    "type": "object",
    "title": "UploadRejected",
    "properties": {
        "accepted": {"type": "boolean", "enum": [False]},
        "message": {"type": "string"},
        "violations": {"type": "array", "items": {"type": "object"}},
        "errors": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["accepted", "message"],
}
UPLOAD_TYPES = (
    "text/turtle",
    "application/trig",
    "application/n-triples",
    "application/n-quads",
    "application/ld+json",
    "application/rdf+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "text/csv",
    "application/octet-stream",
)


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


READ_ERRORS = {
    "400": _error("Ungültige Eingabe / invalid input"),
    "401": _error("Lesen nur mit Schlüssel (read_requires_token) / reading needs a token"),
    "503": _error("Speicher nicht erreichbar oder Zeitlimit / store unreachable or time limit"),
}
UPLOAD_ERRORS = {
    "400": _error("Unlesbare Datei oder unbekanntes Format (Datei und Zeile genannt) / unreadable file"),
    "401": _error("Kein Schlüssel der Redaktion / no editor token"),
    "403": _error(
        "Falscher Schlüssel, Graph nicht schreibbar, fremde Website / wrong token, graph "
        "not writable, cross-site form"
    ),
    "413": _error("Über einer Grenze (Größe, Tripel, Zeilen, entpackte Größe) / over a limit"),
    "422": {
        "description": "Abgelehnt: neue Verstöße oder fehlerhafte Zellen / rejected: new violations or "
        "bad cells",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UploadRejected"}}},
    },
    "503": _error("Speicher nicht erreichbar / store unreachable"),
}


def _upload(operation: dict[str, Any]) -> None:
    operation["requestBody"] = {
        "required": True,
        "description": "Die Datei selbst (Bytes); das Format sagt die Endung von ?filename= / the file's "
        "bytes; its format is told by the extension of ?filename=",
        "content": {media: {"schema": {"type": "string", "format": "binary"}} for media in UPLOAD_TYPES},
    }
    operation["security"] = [{"bearer": []}]
    responses = operation.setdefault("responses", {})
    responses["200"] = {
        "description": "Gespeichert oder keine Änderung / stored or unchanged",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UploadResult"}}},
    }
    responses.update(UPLOAD_ERRORS)
    for parameter in operation.get("parameters", []):
        if parameter["name"] == "filename":
            parameter["description"] = (
                "Dateiname; die Endung sagt das Format: .ttl .trig .nt .nq .jsonld .rdf .xlsx .csv / "
                "file name; its extension tells the format"
            )
        elif parameter["name"] == "graph":
            parameter["description"] = "Name des Imports (graph/import/<Name>) / name of the import graph"
    operation.setdefault("parameters", []).append(
        {
            "name": "rdf_format",
            "in": "query",
            "required": False,
            "description": "Format statt der Endung (ttl, trig, nt, nq, jsonld, xml) / format instead of "
            "the extension",
            "schema": {"type": "string"},
        }
    )


def _named_query(operation: dict[str, Any]) -> None:
    operation.setdefault("parameters", []).append(
        {
            "name": "format",
            "in": "query",
            "required": False,
            "description": "json (SPARQL-JSON, Vorgabe), csv (für Tabellen, Formeln entschärft) oder xlsx "
            "(Excel-Arbeitsmappe, Zellen als Text oder Zahl, nie als Formel) / json (default), csv (for "
            "spreadsheets, formulas neutralised) or xlsx (Excel workbook, cells typed as text or number, "
            "never as formulas); further query parameters are the named query's own parameters "
            "(GET /api/v1/queries lists them)",
            "schema": {"type": "string", "enum": ["json", "csv", "xlsx"]},
        }
    )
    operation["responses"]["200"] = {
        "description": "Ergebnis / result",
        "content": {
            "application/sparql-results+json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
            XLSX_MEDIA: {"schema": {"type": "string", "format": "binary"}},
        },
    }


TABLE_PATHS = ("/aenderungen", "/staende/vergleich")
TABLE_FORMAT = {
    "name": "format",
    "in": "query",
    "required": False,
    "description": "html, json, csv oder xlsx (Tabelle für Excel); csv mit excel=1: Semikolon und UTF-8 "
    "mit BOM für deutsches Excel, excel=0: Komma / html, json, csv or xlsx (table for Excel); csv with "
    "excel=1: semicolons and UTF-8 with BOM for German Excel, excel=0: commas",
    "schema": {"type": "string", "enum": ["html", "json", "csv", "xlsx"]},
}
EXCEL_FLAG = {
    "name": "excel",
    "in": "query",
    "required": False,
    "description": "1: CSV für deutsches Excel (Semikolon, BOM), 0: CSV mit Komma / 1: CSV for German "
    "Excel (semicolons, BOM), 0: comma-separated CSV",
    "schema": {"type": "string", "enum": ["0", "1"]},
}
TABLE_CONTENT = {
    "text/html": {"schema": {"type": "string"}},
    "application/json": {"schema": {"type": "object"}},
    "text/csv": {"schema": {"type": "string"}},
    XLSX_MEDIA: {"schema": {"type": "string", "format": "binary"}},
}


def _table_download(operation: dict[str, Any]) -> None:
    """A page whose table is offered as CSV and XLSX (the change list, the release diff)."""
    parameters = operation.setdefault("parameters", [])
    known = {p.get("name") for p in parameters}
    parameters += [p for p in (TABLE_FORMAT, EXCEL_FLAG) if p["name"] not in known]
    responses = operation.setdefault("responses", {})
    refused = _error("Format nicht angeboten (die möglichen stehen dabei) / format not offered")
    responses.setdefault("406", refused)
    ok = responses.setdefault("200", {"description": "OK"})
    ok["content"] = {
        **TABLE_CONTENT,
        **{k: v for k, v in ok.get("content", {}).items() if k not in TABLE_CONTENT},
    }


def complete(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the completed schema (computed once)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {}).update(
            {"Error": ERROR_SCHEMA, "UploadResult": UPLOAD_RESULT, "UploadRejected": REJECTED}
        )
        components.setdefault("securitySchemes", {})["bearer"] = {
            "type": "http",
            "scheme": "bearer",
            "description": "Schlüssel der Redaktion (editor_tokens) oder zum Lesen (reader_tokens) / "
            "editor or reader token",
        }
        for path, operations in schema.get("paths", {}).items():
            if path in TABLE_PATHS and "get" in operations:
                _table_download(operations["get"])
            if not path.startswith(("/api/v1/", "/healthz", "/readyz")):
                continue
            for method, operation in operations.items():
                if path == "/api/v1/upload" and method == "post":
                    _upload(operation)
                    continue
                responses = operation.setdefault("responses", {})
                if path.startswith("/api/v1/"):
                    for code, response in READ_ERRORS.items():
                        responses.setdefault(code, response)
                    if "{" in path:
                        responses.setdefault("404", _error("Nicht im Register / not in the registry"))
                if path == "/api/v1/queries/{name}":
                    _named_query(operation)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
