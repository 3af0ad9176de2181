"""Media types of SPARQL results and RDF, and content negotiation on an Accept header."""

from __future__ import annotations

import pyoxigraph as ox

from isrp_graph.store.errors import UnsupportedFormat

# media type -> pyoxigraph format, first entry = default
RESULTS_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/x-turtle": ox.RdfFormat.TURTLE,
}
TEXT_TYPES = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain"}
# generic or legacy names a client may ask for -> the registered media type we answer with
CANONICAL = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
    "application/x-turtle": "text/turtle",
}


def _parse_accept(accept: str) -> list[tuple[str, float, int]]:
    ranges: list[tuple[str, float, int]] = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality, index))
    return ranges


def negotiate(accept: str | None, offered: list[str]) -> str:
    """The offered media type that best matches ``accept`` (q-values, ``type/*``, ``*/*``);
    the first offered one for an empty header. Raises ``UnsupportedFormat`` if none matches."""
    if not accept or not accept.strip():
        return offered[0]
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for media, quality, _ in _parse_accept(accept):
        if quality <= 0:
            continue
        for rank, candidate in enumerate(offered):
            major = candidate.split("/")[0]
            if media in (candidate, "*/*", f"{major}/*"):
                specificity = 2 if media == candidate else (1 if media != "*/*" else 0)
                key = (quality, specificity, -rank)
                if best is None or key > best:
                    best, chosen = key, candidate
    if chosen is None:
        raise UnsupportedFormat(accept=accept, offered=", ".join(offered))
    return chosen


def content_type(media: str) -> str:
    """The Content-Type header value for a chosen media type: always the registered type (an Accept of
    ``application/json`` gets ``application/sparql-results+json``), text types with their charset."""
    media = CANONICAL.get(media, media)
    return f"{media}; charset=utf-8" if media in TEXT_TYPES else media
