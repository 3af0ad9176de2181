"""Conversions between rdflib terms (what the rest of isrp_graph sees) and pyoxigraph terms (what the
embedded store and the fast parsers speak). Conversions keep lexical forms exactly (no rdflib
normalisation); note that oxigraph itself stores typed literals by value, so ``"01"^^xsd:integer``
comes back from a store as ``"1"``, and language tags come back in lower case (``de-de``)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from isrp_graph.namespaces import PREFIXES

XSD_STRING = str(XSD.string)
RDF_LANG_STRING = str(RDF.langString)

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
OxGraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


def new_graph() -> Graph:
    """An empty rdflib Graph with exactly the project's prefixes bound (no rdflib extras)."""
    graph = Graph(bind_namespaces="core")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


@lru_cache(maxsize=65536)
def _uri(value: str) -> URIRef:
    return URIRef(value)


@lru_cache(maxsize=65536)
def _named_node(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def from_ox(term: OxTerm) -> Node:
    """pyoxigraph term -> rdflib term."""
    if isinstance(term, ox.NamedNode):
        return _uri(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=_uri(datatype), normalize=False)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise ValueError(f"unsupported RDF term (RDF-star is not supported): {term!r}")


def to_ox(node: Node) -> OxTerm:
    """rdflib term -> pyoxigraph term."""
    if isinstance(node, URIRef):
        return _named_node(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is None or str(node.datatype) == XSD_STRING:
            return ox.Literal(str(node))
        return ox.Literal(str(node), datatype=_named_node(str(node.datatype)))
    if isinstance(node, BNode):
        return ox.BlankNode(_safe_bnode_id(str(node)))
    raise ValueError(f"unsupported RDF term: {node!r}")


def _safe_bnode_id(value: str) -> str:
    try:
        ox.BlankNode(value)
        return value
    except ValueError:
        import hashlib

        return "h" + hashlib.sha1(value.encode("utf-8")).hexdigest()


def graph_name_from_ox(name: OxGraphName) -> URIRef:
    """Named graph of a pyoxigraph quad as rdflib IRI; the default graph becomes rdflib's
    ``DATASET_DEFAULT_GRAPH_ID`` (``urn:x-rdflib:default``)."""
    if isinstance(name, ox.NamedNode):
        return _uri(name.value)
    if isinstance(name, ox.DefaultGraph):
        return DATASET_DEFAULT_GRAPH_ID
    return _uri("urn:x-isrp:bnode-graph:" + name.value)


def graph_name_to_ox(name: URIRef) -> ox.NamedNode | ox.DefaultGraph:
    if name == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return _named_node(str(name))


def triples_to_graph(triples: Iterable[ox.Triple | ox.Quad], graph: Graph | None = None) -> Graph:
    """Collect pyoxigraph triples (or quads, ignoring their graph) into an rdflib Graph."""
    target = new_graph() if graph is None else graph
    add = target.add
    for triple in triples:
        add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))  # type: ignore[arg-type]
    return target


def graph_to_ox_triples(graph: Graph) -> list[ox.Triple]:
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph]  # type: ignore[arg-type]


def graph_to_ox_quads(graph: Graph, name: URIRef) -> list[ox.Quad]:
    ox_name = graph_name_to_ox(name)
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox_name) for s, p, o in graph]  # type: ignore[arg-type]
