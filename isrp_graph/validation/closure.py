"""The part of the RDFS closure the shapes need, computed once with SPARQL on pyoxigraph.

pyshacl's own ``inference="rdfs"`` runs owlrl's complete RDFS closure in Python (slow: it also derives
every ``rdf:type rdfs:Resource`` and the axiomatic triples). What changes SHACL results is much less:
the types and triples that follow from the ontology's own ``rdfs:subClassOf``, ``rdfs:subPropertyOf``,
``rdfs:domain`` and ``rdfs:range`` statements. One CONSTRUCT derives them all in one pass (the rules are
closed under each other because the property paths ``*``/``+`` already follow the hierarchies):

- rdfs9  ``x a C . C subClassOf+ D``                    → ``x a D``
- rdfs7  ``s p o . p subPropertyOf+ q``                 → ``s q o``
- rdfs2  ``x p y . p subPropertyOf* q . q domain C . C subClassOf* D`` → ``x a D``
- rdfs3  ``x p y . p subPropertyOf* q . q range C . C subClassOf* D``  → ``y a D`` (y not a literal)

``tests/validation/test_fast_path.py`` checks that validating with this closure gives exactly the
results of pyshacl with ``inference="rdfs"`` on every fixture and on the Erfurt registry.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from isrp_graph.store.terms import from_ox, to_ox
from isrp_graph.validation.graphs import Triple

CLOSURE_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
CONSTRUCT { ?x rdf:type ?c . ?s ?q ?o . }
WHERE {
  { ?t rdfs:subClassOf+ ?c . ?x rdf:type ?t . }
  UNION
  { ?p rdfs:subPropertyOf+ ?q . ?s ?p ?o . }
  UNION
  { ?q0 rdfs:domain ?d . ?p rdfs:subPropertyOf* ?q0 . ?x ?p ?y . ?d rdfs:subClassOf* ?c . }
  UNION
  { ?q0 rdfs:range ?r . ?p rdfs:subPropertyOf* ?q0 . ?y ?p ?x . FILTER(!isLiteral(?x))
    ?r rdfs:subClassOf* ?c . }
}
"""


def load_ox(triples: Iterable[Triple]) -> ox.Store:
    """An in-memory pyoxigraph store holding ``triples`` in its default graph."""
    store = ox.Store()
    default = ox.DefaultGraph()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), default) for s, p, o in triples)  # type: ignore[arg-type]
    return store


def inferred_triples(store: ox.Store) -> set[Triple]:
    """The triples the four rules add to the default graph of ``store`` (not already stated)."""
    result = store.query(CLOSURE_QUERY)
    derived: set[Triple] = set()
    for triple in result:  # type: ignore[union-attr]
        if ox.Quad(triple.subject, triple.predicate, triple.object, ox.DefaultGraph()) in store:
            continue
        derived.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
    return derived


def rdfs_closure(triples: Iterable[Triple]) -> set[Triple]:
    """The triples the four rules add to ``triples``."""
    return inferred_triples(load_ox(triples))
