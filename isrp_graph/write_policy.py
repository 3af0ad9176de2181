"""Which named graphs a change from outside (web upload, edit form, workbook import) may write.

The write model: people change the registry's *data* — the shipped data graphs (``graph/data/…``) and
their own imports (``graph/import/…``). Everything else under the graph base is the product's own and
never writable through a change: the ontology, the vocabularies, the SHACL shapes (replacing them would
switch validation off), the provenance log, and any future changeset or release graph. Graphs outside
the graph base are refused as well, so an N-Quads or TriG upload cannot smuggle in a graph of its own.
Those graphs change only by ``isrp load`` on the server.
"""

from __future__ import annotations

from rdflib import URIRef

from isrp_graph.messages import register
from isrp_graph.namespaces import GRAPH

WRITABLE_PREFIXES: tuple[str, ...] = (str(GRAPH["data/"]), str(GRAPH["import/"]))

register(
    {
        "write.graph_not_writable": {
            "de": "Der Graph {graph} darf über das Web nicht geschrieben werden: änderbar sind nur "
            "Daten ({data}…) und Importe ({imports}…). Ontologie, Begriffslisten, Prüfregeln und "
            "Protokoll ändert nur die Verwaltung des Servers mit „isrp load“.",
            "en": "The graph {graph} may not be written through the web: only data ({data}…) and "
            "imports ({imports}…) can be changed. Ontology, vocabularies, shapes and the log are changed "
            "only by the server's administrators with “isrp load”.",
        },
    }
)


def is_writable(graph_iri: URIRef | str) -> bool:
    """True for data and import graphs (with a non-empty name below their prefix)."""
    name = str(graph_iri)
    return any(name.startswith(prefix) and len(name) > len(prefix) for prefix in WRITABLE_PREFIXES)


def check_writable(graph_iri: URIRef | str, lang: str = "de") -> None:
    """Raise ``isrp_graph.writes.WriteError`` naming the graph when a change may not write it. The error
    carries both languages; ``lang`` is accepted for the shared contract."""
    if is_writable(graph_iri):
        return
    from isrp_graph.writes import WriteError  # writes imports this module: import at call time

    error = WriteError(
        "write.graph_not_writable",
        graph=str(graph_iri),
        data=WRITABLE_PREFIXES[0],
        imports=WRITABLE_PREFIXES[1],
    )
    error.status = 403  # type: ignore[attr-defined]  (the web answers 403 Forbidden)
    raise error
