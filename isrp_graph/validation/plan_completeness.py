"""How complete each Fachplanung is, measured by the shapes themselves.

The recommended fields of a plan are the property shapes of the SectoralPlan node shape (the shape with
``sh:targetClass isrp:SectoralPlan``, or ``isrp:SectoralPlan`` itself as an implicit-class shape) that
have ``sh:severity sh:Warning`` and ask for a value (``sh:minCount`` ≥ 1). A plan fills a field when it
has at least one value on the field's ``sh:path`` (counting values inferred through
``rdfs:subPropertyOf``). Changing a shape changes the score: nothing is hard-coded here.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.paths import AlternativePath, InvPath, MulPath, Path, SequencePath
from rdflib.term import Node

from isrp_graph.messages import normalise_lang
from isrp_graph.namespaces import ISRP
from isrp_graph.store.base import Store
from isrp_graph.validation.check import Prepared
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.labels import label, shape_field_name
from isrp_graph.validation.model import CompletenessScore

PLAN_CLASS = ISRP.SectoralPlan


@dataclass(frozen=True)
class Field:
    """One recommended field: its path (as rdflib path) and its name."""

    path: URIRef | Path
    name: str
    order: float


def completeness(store: Store, lang: str = "de") -> dict[URIRef, CompletenessScore]:
    """For every isrp:SectoralPlan (subclasses included) the share of recommended fields it fills,
    ordered by plan label."""
    return completeness_of(Prepared.of(GraphState.from_store(store)), lang)


def completeness_of(prepared: Prepared, lang: str = "de") -> dict[URIRef, CompletenessScore]:
    lang = normalise_lang(lang)
    fields = recommended_fields(prepared.shapes, prepared.data, lang)
    data = prepared.data
    plans = sorted(
        (p for p in set(data.subjects(RDF.type, PLAN_CLASS)) if isinstance(p, URIRef)),
        key=lambda p: (label(data, p, lang).casefold(), str(p)),
    )
    scores: dict[URIRef, CompletenessScore] = {}
    for plan in plans:
        missing = [f.name for f in fields if not _has_value(data, plan, f.path)]
        total = len(fields)
        filled = total - len(missing)
        scores[plan] = CompletenessScore(
            filled=filled,
            total=total,
            share=(filled / total) if total else 1.0,
            missing=missing,
            label=label(data, plan, lang),
        )
    return scores


def plan_shapes(shapes: Graph) -> list[Node]:
    """The node shapes that target exactly isrp:SectoralPlan."""
    found = set(shapes.subjects(SH.targetClass, PLAN_CLASS))
    if (PLAN_CLASS, RDF.type, SH.NodeShape) in shapes:
        found.add(PLAN_CLASS)
    return sorted(found)


def recommended_fields(shapes: Graph, data: Graph, lang: str) -> list[Field]:
    """The Warning-level property shapes that ask for a value, one field per distinct path."""
    fields: dict[object, Field] = {}
    for node_shape in plan_shapes(shapes):
        for prop in shapes.objects(node_shape, SH.property):
            if shapes.value(prop, SH.severity) != SH.Warning:
                continue
            min_count = shapes.value(prop, SH.minCount)
            if not isinstance(min_count, Literal) or int(min_count.toPython()) < 1:
                continue
            raw_path = shapes.value(prop, SH.path)
            if raw_path is None:
                continue
            path = to_rdflib_path(shapes, raw_path)
            order = shapes.value(prop, SH.order)
            name = shape_field_name(shapes, data, prop, raw_path, lang)
            fields.setdefault(
                path,
                Field(path=path, name=name, order=float(order) if order is not None else 1e9),
            )
    return sorted(fields.values(), key=lambda f: (f.order, f.name.casefold()))


def to_rdflib_path(shapes: Graph, path: Node) -> URIRef | Path:
    """A SHACL property path as an rdflib path, for ``Graph.objects``."""
    if isinstance(path, URIRef):
        return path
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return InvPath(to_rdflib_path(shapes, inverse))
    for prop, mod in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = shapes.value(path, prop)
        if inner is not None:
            return MulPath(to_rdflib_path(shapes, inner), mod)
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return AlternativePath(*(to_rdflib_path(shapes, p) for p in shapes.items(alternatives)))
    return SequencePath(*(to_rdflib_path(shapes, p) for p in shapes.items(path)))


def _has_value(data: Graph, node: Node, path: URIRef | Path) -> bool:
    return next(iter(data.objects(node, path)), None) is not None  # type: ignore[arg-type]
