"""One consistent picture of the store for export and import: every named graph as an rdflib Graph
(shapes apart), their union, and the look-ups the workbook needs (labels of concepts and classes,
schemes, the class hierarchy, which IRIs are known entries).

Taken once per export or import from ``Store.dataset_quads()`` (one read), so the diff and the graphs
written back are computed from the same state.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from isrp_graph.registry import is_shapes_graph
from isrp_graph.store.base import Store
from isrp_graph.store.terms import new_graph


@dataclass
class Snapshot:
    """Named graphs (without shapes), their union, and the shapes."""

    graphs: dict[URIRef, Graph]
    shapes: Graph
    union: Graph = field(init=False)

    def __post_init__(self) -> None:
        self.union = new_graph()
        for graph in self.graphs.values():
            self.union += graph

    @classmethod
    def from_store(cls, store: Store) -> Snapshot:
        graphs: dict[URIRef, Graph] = defaultdict(new_graph)
        shapes = new_graph()
        for s, p, o, g in store.dataset_quads():
            (shapes if is_shapes_graph(g) else graphs[g]).add((s, p, o))
        return cls(graphs=dict(graphs), shapes=shapes)

    @classmethod
    def from_graphs(cls, graphs: dict[URIRef, Graph]) -> Snapshot:
        data = {name: g for name, g in graphs.items() if not is_shapes_graph(name)}
        shapes = new_graph()
        for name, g in graphs.items():
            if is_shapes_graph(name):
                shapes += g
        return cls(graphs=data, shapes=shapes)

    def graphs_with(
        self, subject: Node, predicate: Node | None = None, obj: Node | None = None
    ) -> list[URIRef]:
        """Names of the graphs holding a triple of ``subject`` (with that predicate/object), sorted."""
        return sorted(name for name, g in self.graphs.items() if (subject, predicate, obj) in g)

    @cached_property
    def lookup(self) -> Lookup:
        return Lookup(self.union)


class Lookup:
    """Labels, schemes and classes read from the union graph (rdflib's graph API, no SPARQL)."""

    def __init__(self, union: Graph) -> None:
        self.union = union
        self.concept_labels: dict[URIRef, dict[str, str]] = defaultdict(dict)
        self.concept_schemes: dict[URIRef, set[URIRef]] = defaultdict(set)
        self.scheme_concepts: dict[URIRef, set[URIRef]] = defaultdict(set)
        for concept, label in union.subject_objects(SKOS.prefLabel):
            if isinstance(concept, URIRef) and isinstance(label, Literal):
                self.concept_labels[concept].setdefault(label.language or "", str(label))
        for predicate in (SKOS.inScheme, SKOS.topConceptOf):
            for concept, scheme in union.subject_objects(predicate):
                if isinstance(concept, URIRef) and isinstance(scheme, URIRef):
                    self.concept_schemes[concept].add(scheme)
                    self.scheme_concepts[scheme].add(concept)
        self.known: set[URIRef] = {s for s in union.subjects(RDF.type) if isinstance(s, URIRef)}
        self._super: dict[URIRef, set[URIRef]] = {}

    # --- labels ----------------------------------------------------------------------------------

    def label(self, node: Node, lang: str) -> str | None:
        """rdfs:label (or skos:prefLabel) in ``lang``, else German, else any; ``None`` if none."""
        found: dict[str, str] = {}
        for predicate in (RDFS.label, SKOS.prefLabel):
            for value in self.union.objects(node, predicate):
                if isinstance(value, Literal):
                    found.setdefault(value.language or "", str(value))
            if found:
                break
        for key in (lang, "de", "", "en"):
            if key in found:
                return found[key]
        return next(iter(found.values()), None)

    def concept_label(self, concept: URIRef, lang: str) -> str | None:
        labels = self.concept_labels.get(concept, {})
        return labels.get(lang) or labels.get("de") or labels.get("") or next(iter(labels.values()), None)

    # --- classes ---------------------------------------------------------------------------------

    def superclasses(self, cls: URIRef) -> set[URIRef]:
        """``cls`` and everything it is rdfs:subClassOf, transitively."""
        if cls not in self._super:
            seen = {cls}
            todo = [cls]
            while todo:
                for parent in self.union.objects(todo.pop(), RDFS.subClassOf):
                    if isinstance(parent, URIRef) and parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            self._super[cls] = seen
        return self._super[cls]

    def subclasses(self, cls: URIRef) -> set[URIRef]:
        """``cls`` and every class below it (declared classes and classes used as types)."""
        candidates = {c for c in self.union.subjects(RDFS.subClassOf) if isinstance(c, URIRef)}
        candidates |= {c for c in self.union.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        candidates |= {c for c in self.union.objects(None, RDF.type) if isinstance(c, URIRef)}
        return {c for c in candidates if cls in self.superclasses(c)} | {cls}

    def types(self, node: Node) -> set[URIRef]:
        return {t for t in self.union.objects(node, RDF.type) if isinstance(t, URIRef)}
