"""The RDFS closure, computed with SPARQL Update on pyoxigraph instead of pyshacl's own inference.

pyshacl's ``inference="rdfs"`` runs owlrl's RDFS rules in Python (about a second on the Erfurt
registry). The same rules as SPARQL updates on an in-memory pyoxigraph store take a few milliseconds
each; they are applied until nothing new appears (two or three rounds). The rules are exactly those
owlrl applies for pyshacl (no axiomatic triples, no datatype axioms):

- once, on the stated triples: rdfs4a/b – every subject and every non-literal object ``a rdfs:Resource``
- instances: rdfs9 (subclass types), rdfs7 (subproperty triples), rdfs2 (domain), rdfs3 (range)
- schema: rdf1 (predicates are ``rdf:Property``), rdfs5/rdfs11 (transitivity), rdfs6/rdfs10
  (reflexivity), rdfs8 (classes ⊑ ``rdfs:Resource``), rdfs12 (container membership), datatypes ⊑
  ``rdfs:Literal``

The only triples owlrl derives and these rules cannot are the ones with a literal as subject
(``"Text"@de a rdf:langString``), which RDF (and SPARQL) cannot state; ``mirror.build_mirror`` adds
them in Python. ``tests/validation`` checks that the closure equals owlrl's on every corpus, and that
validation with it equals pyshacl's.
The store that computed the closure is kept as the data graph's mirror (see ``mirror``).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from isrp_graph.store.terms import to_ox
from isrp_graph.validation.graphs import Triple

_PREFIXES = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
)

RESOURCES = (
    _PREFIXES
    + """
INSERT { ?n a rdfs:Resource . }
WHERE { { SELECT DISTINCT ?n WHERE { { ?n ?p ?o . } UNION { ?s ?p ?n . FILTER(!isLiteral(?n)) } } } }
"""
)

INSTANCE_RULES = (
    _PREFIXES
    + """
INSERT { ?x a ?c . ?s ?q ?o . }
WHERE {
  { ?t rdfs:subClassOf+ ?c . ?x a ?t . }
  UNION { ?p rdfs:subPropertyOf+ ?q . ?s ?p ?o . }
  UNION { ?q0 rdfs:domain ?d . ?p rdfs:subPropertyOf* ?q0 . ?x ?p ?y . ?d rdfs:subClassOf* ?c . }
  UNION { ?q0 rdfs:range ?r . ?p rdfs:subPropertyOf* ?q0 . ?y ?p ?x . FILTER(!isLiteral(?x))
          ?r rdfs:subClassOf* ?c . }
}
"""
)

SCHEMA_RULES = (
    _PREFIXES
    + """
INSERT { ?p a rdf:Property . ?k rdfs:subClassOf ?kk . ?e rdfs:subPropertyOf ?ee . }
WHERE {
  { SELECT DISTINCT ?p WHERE { ?s ?p ?o } }
  UNION { ?e a rdf:Property . BIND(?e AS ?ee) }
  UNION { ?k a rdfs:Class . VALUES ?kk { rdfs:Resource } }
  UNION { ?k a rdfs:Class . BIND(?k AS ?kk) }
  UNION { ?k rdfs:subClassOf/rdfs:subClassOf+ ?kk . }
  UNION { ?e rdfs:subPropertyOf/rdfs:subPropertyOf+ ?ee . }
  UNION { ?e a rdfs:ContainerMembershipProperty . VALUES ?ee { rdfs:member } }
  UNION { ?k a rdfs:Datatype . VALUES ?kk { rdfs:Literal } }
}
"""
)

MAX_ROUNDS = 20


def load_ox(triples: Iterable[Triple]) -> ox.Store:
    """An in-memory pyoxigraph store holding ``triples`` in its default graph."""
    store = ox.Store()
    default = ox.DefaultGraph()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), default) for s, p, o in triples)  # type: ignore[arg-type]
    return store


def close(store: ox.Store) -> int:
    """Add the RDFS closure of the default graph of ``store`` to it; returns the number of rounds."""
    store.update(RESOURCES)
    for rounds in range(1, MAX_ROUNDS + 1):
        before = len(store)
        store.update(INSTANCE_RULES)
        store.update(SCHEMA_RULES)
        if len(store) == before:
            return rounds
    raise RuntimeError("RDFS closure did not reach a fixpoint")  # pragma: no cover
