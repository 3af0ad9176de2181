"""The ontology as one document: ``…/def#Term`` is a hash IRI, so a client that dereferences it asks
for ``…/def`` and expects the whole vocabulary there (the graph that declares the ``owl:Ontology``),
and a person expects a page with an anchor per term."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from isrp_graph.namespaces import PREFIXES
from isrp_graph.store.base import Store

_ONTOLOGY_GRAPHS = """
SELECT DISTINCT ?g WHERE { GRAPH ?g { ?ontology a <http://www.w3.org/2002/07/owl#Ontology> } }
"""
KINDS = (
    ("class", OWL.Class),
    ("object_property", OWL.ObjectProperty),
    ("datatype_property", OWL.DatatypeProperty),
    ("annotation_property", OWL.AnnotationProperty),
)


@dataclass
class Term:
    iri: str
    anchor: str
    label: str
    definition: str | None
    kind: str
    parents: list[str] = field(default_factory=list)
    domain: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)


@dataclass
class Vocabulary:
    iri: str
    title: str
    definition: str | None
    terms: list[Term]


def vocabulary_graph(store: Store, ontology_iri: str) -> Graph:
    """Every triple of the graph(s) that declare ``ontology_iri`` as an ``owl:Ontology``."""
    graph = Graph()
    rows = store.select(_ONTOLOGY_GRAPHS, {"ontology": URIRef(ontology_iri)}).rows
    for row in rows:
        name = row["g"]
        if isinstance(name, URIRef):
            graph += store.get_graph(name)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _text(graph: Graph, node: URIRef, predicate: URIRef, lang: str) -> str | None:
    values = [v for v in graph.objects(node, predicate) if isinstance(v, Literal)]
    for wanted in (lang, "de", "en", None):
        for value in values:
            if value.language == wanted:
                return str(value)
    return str(values[0]) if values else None


def vocabulary(graph: Graph, ontology_iri: str, lang: str = "de") -> Vocabulary:
    """The terms of the vocabulary in ``graph`` (those in the ontology's namespace), sorted by label."""
    namespace = ontology_iri + "#"
    names: dict[str, str] = {}
    found: list[Term] = []
    for kind, rdf_type in KINDS:
        for node in sorted(set(graph.subjects(RDF.type, rdf_type))):
            if not isinstance(node, URIRef) or not str(node).startswith(namespace):
                continue
            iri = str(node)
            label = _text(graph, node, RDFS.label, lang) or iri[len(namespace) :]
            names[iri] = label
            found.append(
                Term(
                    iri=iri,
                    anchor=iri[len(namespace) :],
                    label=label,
                    definition=_text(graph, node, SKOS.definition, lang),
                    kind=kind,
                )
            )
    for term in found:
        node = URIRef(term.iri)
        parent_property = RDFS.subClassOf if term.kind == "class" else RDFS.subPropertyOf
        term.parents = sorted(str(p) for p in graph.objects(node, parent_property) if isinstance(p, URIRef))
        term.domain = sorted(str(p) for p in graph.objects(node, RDFS.domain) if isinstance(p, URIRef))
        term.range = sorted(str(p) for p in graph.objects(node, RDFS.range) if isinstance(p, URIRef))
    ontology = URIRef(ontology_iri)
    title = _text(graph, ontology, RDFS.label, lang) or ontology_iri
    order = {kind: index for index, (kind, _) in enumerate(KINDS)}
    found.sort(key=lambda term: (order[term.kind], term.label.casefold()))
    return Vocabulary(ontology_iri, title, _text(graph, ontology, SKOS.definition, lang), found)


def compact(iri: str) -> str:
    """``prov:Plan`` for a term of a known namespace, else the IRI."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri
