"""The registry as a whole: build it from the shipped ontology and data, and summarise it.

``build_registry(store)`` (re)loads ontology/ (with vocabularies/ and shapes/) and data/ in one atomic
step; graphs of shipped files that no longer exist are dropped in the same step, imports stay.
``summary(store, lang)`` counts the entries per class of the ISRP ontology.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from isrp_graph.loading import LoadReport, ProgressCallback, graph_name_for, load_files, rdf_files
from isrp_graph.messages import normalise_lang
from isrp_graph.namespaces import GRAPH, ISRP
from isrp_graph.resources import ResourceMissing, data_dir, ontology_dir, resource_root
from isrp_graph.scope import own_or_shared
from isrp_graph.settings import Settings
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import string_literal
from isrp_graph.store.terms import new_graph

SHIPPED_GRAPH_PREFIXES = (str(GRAPH["ontology/"]), str(GRAPH["data/"]))
SHAPES_MARKER = "/shapes/"

_CLASSES = f"""
SELECT ?class ?label ?lang WHERE {{
  VALUES ?kind {{ owl:Class rdfs:Class }}
  ?class a ?kind .
  FILTER(isIRI(?class) && STRSTARTS(STR(?class), {string_literal(str(ISRP))}))
  OPTIONAL {{ ?class rdfs:label ?label BIND(LANG(?label) AS ?lang) }}
}}
"""

_COUNTS = f"""
SELECT ?class (COUNT(DISTINCT ?entry) AS ?n) WHERE {{
  ?entry a ?class .
  FILTER(isIRI(?class) && STRSTARTS(STR(?class), {string_literal(str(ISRP))}))
  #SCOPE#
}} GROUP BY ?class
"""

_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def shipped_files() -> list[Path]:
    """Every RDF file of ontology/ and data/ (data/ may be absent in a bare checkout)."""
    files = rdf_files(ontology_dir())
    with contextlib.suppress(ResourceMissing):
        files += rdf_files(data_dir())
    return files


def build_registry(store: Store, *, progress: ProgressCallback | None = None) -> LoadReport:
    """Load the shipped ontology, vocabularies, shapes and data into ``store``, all or nothing."""
    files = shipped_files()
    root = resource_root()
    fresh = {graph_name_for(f, root) for f in files}
    stale = [g for g in store.graphs() if str(g).startswith(SHIPPED_GRAPH_PREFIXES) and g not in fresh]
    return load_files(store, files, root=root, drop=stale, progress=progress)


def open_registry(settings: Settings) -> Store:
    """The store the settings name, ready to read: a memory store lives only in this process and starts
    empty, so it is filled from the shipped ontology and data first."""
    from isrp_graph.store import open_store

    store = open_store(settings)
    if settings.is_memory:
        build_registry(store)
    return store


def is_shapes_graph(name: URIRef) -> bool:
    return SHAPES_MARKER in str(name)


def shapes_graph_names(store: Store) -> list[URIRef]:
    """Graphs that hold SHACL shapes (their IRI contains ``/shapes/``)."""
    return [g for g in store.graphs() if is_shapes_graph(g)]


def data_graph_names(store: Store) -> list[URIRef]:
    """Every other graph: ontology, vocabularies, data and imports (what validation checks)."""
    return [g for g in store.graphs() if not is_shapes_graph(g)]


def merged_graph(store: Store, names: Iterable[URIRef]) -> Graph:
    """The triples of some graphs as one rdflib Graph (e.g. data without shapes, for pyshacl)."""
    graph = new_graph()
    for name in names:
        graph += store.get_graph(name)
    return graph


def summary(store: Store, lang: str = "de", kommunen: Iterable[str] = ()) -> dict[str, Any]:
    """Counts for an overview::

        {"lang": "de", "triples": 1234, "graph_count": 9, "entries": 321,
         "graphs": [{"graph": IRI, "triples": n}, ...],
         "classes": [{"class": IRI, "curie": "isrp:Plan", "label": "Fachplanung", "count": n}, ...]}

    Classes are those of the ISRP ontology (``isrp:``), sorted by label; an entry counts for the
    classes it is directly typed with. ``kommunen`` (municipality IRIs): the class counts of those
    municipalities' entries and the shared ones (laws, concepts: no ``isrp:municipality``); the triples
    and graphs are the store's."""
    language = normalise_lang(lang)
    labels: dict[str, dict[str, str]] = {}
    for row in store.select(_CLASSES).rows:
        per_lang = labels.setdefault(str(row["class"]), {})
        if isinstance(row.get("label"), Literal):
            per_lang.setdefault(str(row.get("lang") or ""), str(row["label"]))
    counts: dict[str, int] = {}
    for row in store.select(_COUNTS.replace("#SCOPE#", own_or_shared("entry", kommunen))).rows:
        counts[str(row["class"])] = int(str(row["n"]))
        labels.setdefault(str(row["class"]), {})
    classes = [
        {
            "class": iri,
            "curie": "isrp:" + iri[len(str(ISRP)) :],
            "label": _pick_label(iri, names, language),
            "count": counts.get(iri, 0),
        }
        for iri, names in labels.items()
    ]
    classes.sort(key=lambda item: (str(item["label"]).casefold(), item["class"]))
    graphs = [
        {"graph": str(row["g"]), "triples": int(str(row["n"]))}
        for row in store.select(_GRAPH_SIZES).rows
        if isinstance(row["g"], URIRef)
    ]
    return {
        "lang": language,
        "triples": sum(g["triples"] for g in graphs),
        "graph_count": len(graphs),
        "entries": sum(counts.values()),
        "graphs": graphs,
        "classes": classes,
    }


def _pick_label(iri: str, names: dict[str, str], lang: str) -> str:
    for key in (lang, "de", "en", ""):
        if names.get(key):
            return names[key]
    return iri.rsplit("#", 1)[-1]
