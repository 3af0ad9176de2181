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


def _uri(value: str) -> URIRef:
    """An rdflib IRI from an IRI the store returned, without rdflib's IRI check (the store only holds
    valid IRIs; the check costs about four times the construction)."""
    return _new_str(URIRef, value)


@lru_cache(maxsize=65536)
def _named_node(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


_new_str = str.__new__
try:  # rdflib's own steps of ``Literal(lexical, lang, datatype, normalize=False)``, without re-checks
    from rdflib.term import (  # type: ignore[attr-defined]
        _XSD_NORMALISED_STRING,
        _XSD_TOKEN,
        _castLexicalToPython,
        _check_well_formed_types,
        _toPythonMapping,
        _well_formed_by_value,
    )

    _FAST_LITERALS = True
except ImportError:  # another rdflib: the public constructor
    _FAST_LITERALS = False


@lru_cache(maxsize=256)
def _datatype(value: str) -> tuple[URIRef, bool]:
    """The datatype IRI and whether the fast construction keeps rdflib's result (not for the two
    datatypes whose lexical forms rdflib rewrites even without normalisation)."""
    datatype = URIRef(value)
    return datatype, _FAST_LITERALS and datatype not in (_XSD_NORMALISED_STRING, _XSD_TOKEN)


def _string(lexical: str, language: str | None) -> Literal:
    """What ``Literal(lexical, lang=language, normalize=False)`` builds for a string from the store (a
    valid language tag): rdflib's value of a string is the lexical form itself."""
    literal = _new_str(Literal, lexical)
    literal._language = language
    literal._datatype = None
    literal._value = lexical
    literal._ill_typed = None
    return literal


def _typed(lexical: str, datatype: URIRef) -> Literal:
    """What ``Literal(lexical, datatype=datatype, normalize=False)`` builds (not for the datatypes whose
    lexical forms rdflib rewrites, see ``_datatype``)."""
    literal = _new_str(Literal, lexical)
    value = _castLexicalToPython(lexical, datatype)
    ill_typed = None
    if datatype in _toPythonMapping:
        checker = _check_well_formed_types.get(datatype, _well_formed_by_value)
        ill_typed = not checker(lexical, value)
    literal._language = None
    literal._datatype = datatype
    literal._value = value
    literal._ill_typed = ill_typed
    return literal


_NamedNode, _Literal, _BlankNode = ox.NamedNode, ox.Literal, ox.BlankNode
# typed literals (dates, durations, numbers, booleans) repeat across rows and parsing their values is
# the dear part: the converted ones are kept (rdflib literals are immutable), a bounded number
_TYPED: dict[tuple[str, str], Literal] = {}
_TYPED_MAX = 65536


def from_ox(term: OxTerm) -> Node:
    """pyoxigraph term -> rdflib term (the same as rdflib's constructors build, made faster: results of
    many thousand rows are converted term by term)."""
    kind = type(term)
    if kind is _NamedNode:
        return _new_str(URIRef, term.value)
    if kind is _Literal:
        language = term.language
        if language:
            if _FAST_LITERALS:
                return _string(term.value, language)
            return Literal(term.value, lang=language, normalize=False)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            if _FAST_LITERALS:
                return _string(term.value, None)
            return Literal(term.value, normalize=False)
        lexical = term.value
        known = _TYPED.get((lexical, datatype))
        if known is not None:
            return known
        iri, fast = _datatype(datatype)
        literal = _typed(lexical, iri) if fast else Literal(lexical, datatype=iri, normalize=False)
        if len(_TYPED) >= _TYPED_MAX:
            _TYPED.clear()
        _TYPED[(lexical, datatype)] = literal
        return literal
    if kind is _BlankNode:
        return BNode(term.value)
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):  # a subclass: the slow way
        return _from_ox_checked(term)
    raise ValueError(f"unsupported RDF term (RDF-star is not supported): {term!r}")


def _from_ox_checked(term: OxTerm) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    return BNode(term.value)


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
