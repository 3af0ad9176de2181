"""Which named graphs a change from outside (web form, upload, workbook, proposal) may write.

Placeholder until engineer "ops" delivers the real module: the ontology, vocabularies, shapes, the
provenance log, changesets and releases are never writable through the web.
"""

from __future__ import annotations

from rdflib import URIRef

from isrp_graph.namespaces import GRAPH

_FORBIDDEN_PREFIXES = (
    str(GRAPH["ontology"]),
    str(GRAPH["provenance"]),
    str(GRAPH["changeset/"]),
    str(GRAPH["release"]),
)


def check_writable(graph_iri: URIRef | str, lang: str = "de") -> None:
    """Raise ``WriteError`` when ``graph_iri`` may never be written through the web."""
    name = str(graph_iri)
    if name.startswith(_FORBIDDEN_PREFIXES):
        from isrp_graph.writes import WriteError

        raise WriteError("write.forbidden_graph", graph=name)
