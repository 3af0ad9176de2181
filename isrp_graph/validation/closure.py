"""The RDFS closure, computed once per state instead of pyshacl's own inference.

pyshacl's ``inference="rdfs"`` runs owlrl's RDFS rules in Python over rdflib (about a second on the
Erfurt registry). :func:`python_closure` applies the same rules with a worklist on plain sets
(~0.1 s); :func:`close` is the same rules as SPARQL updates on pyoxigraph, applied until nothing new
appears. The rules are exactly those owlrl applies for pyshacl (no axiomatic triples, no datatype
axioms):

- once, on the stated triples: rdfs4a/b – every subject and every non-literal object ``a rdfs:Resource``
- instances: rdfs9 (subclass types), rdfs7 (subproperty triples), rdfs2 (domain), rdfs3 (range)
- schema: rdf1 (predicates are ``rdf:Property``), rdfs5/rdfs11 (transitivity), rdfs6/rdfs10
  (reflexivity), rdfs8 (classes ⊑ ``rdfs:Resource``), rdfs12 (container membership), datatypes ⊑
  ``rdfs:Literal``

The only triples owlrl derives and these rules cannot are the ones with a literal as subject
(``"Text"@de a rdf:langString``), which RDF (and SPARQL) cannot state; :func:`python_closure`
derives them too. ``tests/validation`` checks that the closure equals owlrl's on every corpus, and that
validation with it equals pyshacl's.
The store that computed the closure is kept as the data graph's mirror (see ``mirror``).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Literal
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

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


_TYPE = RDF.type
_SUBCLASS = RDFS.subClassOf
_SUBPROPERTY = RDFS.subPropertyOf
_DOMAIN = RDFS.domain
_RANGE = RDFS.range
_CLASS_AXIOMS: dict[Node, tuple[tuple[Node, Node | None], ...]] = {
    # x a <key>  =>  x <predicate> <object> (None: x itself)
    RDFS.Class: ((_SUBCLASS, RDFS.Resource), (_SUBCLASS, None)),
    RDF.Property: ((_SUBPROPERTY, None),),
    RDFS.ContainerMembershipProperty: ((_SUBPROPERTY, RDFS.member),),
    RDFS.Datatype: ((_SUBCLASS, RDFS.Literal),),
}


def python_closure(stated: Iterable[Triple]) -> set[Triple]:
    """The triples the rules above add to ``stated``, computed in Python, with the literal-subject
    triples ``mirror.build_mirror`` documents: the same set as :func:`close` plus that step, without a
    round trip through pyoxigraph.

    The schema (subclass and subproperty closures, domains, ranges) is small; the instance triples
    are many. So the schema is computed apart, and each instance triple is processed with what its
    predicate (or, for a type triple, its class) implies in the current schema. Processing a derived
    triple may derive schema triples (class axioms, rdfs5/11, a derived ``rdfs:domain``); then the
    schema is computed again, and the triples of every predicate and class whose implications
    changed are processed again, until nothing changes: the least fixpoint of the same rules, as
    :func:`worklist_closure` computes it triple by triple."""
    known: set[Triple] = set(stated)
    by_predicate: dict[Node, list[Triple]] = {}
    resources: set[Node] = set()
    for triple in known:
        group = by_predicate.get(triple[1])
        if group is None:
            group = by_predicate[triple[1]] = []
        group.append(triple)
        resources.add(triple[0])
        resources.add(triple[2])
    again: list[Triple] = list(known)  # known triples to process (again)
    resource = RDFS.Resource
    work = [(node, _TYPE, resource) for node in resources]  # rdfs4a/b, on the stated triples
    del resources
    derived: list[Triple] = []
    predicate_effects: dict[Node, tuple] = {}
    class_effects: dict[Node, tuple] = {}
    schema = _Schema(by_predicate)
    while True:
        _apply(again, work, known, derived, by_predicate, schema, predicate_effects, class_effects)
        schema = _Schema(by_predicate)
        work = list(schema.closure_triples())
        again = []
        for p, effect in list(predicate_effects.items()):
            if schema.predicate_effect(p) != effect:
                del predicate_effects[p]
                again.extend(by_predicate.get(p, ()))
        for c, effect in list(class_effects.items()):
            if schema.class_effect(c) != effect:
                del class_effects[c]
                again.extend((s, _TYPE, c) for s in schema.instances.get(c, ()))
        if not again and all(t in known for t in work):
            return set(derived)


class _Schema:
    """The subclass/subproperty closures, domains and ranges of the triples in ``by_predicate``
    (schema triples with a literal subject or object are not used, as in :func:`worklist_closure`)."""

    def __init__(self, by_predicate: dict[Node, list[Triple]]) -> None:
        self.supers = {rel: _transitive(by_predicate.get(rel, ())) for rel in (_SUBCLASS, _SUBPROPERTY)}
        self.domains = _relation(by_predicate.get(_DOMAIN, ()))
        self.ranges = _relation(by_predicate.get(_RANGE, ()))
        instances: dict[Node, list[Node]] = {}
        for s, _p, o in by_predicate.get(_TYPE, ()):
            found = instances.get(o)
            if found is None:
                found = instances[o] = []
            found.append(s)
        self.instances = instances

    def closure_triples(self) -> Iterable[Triple]:
        """rdfs5/rdfs11: the transitive subclass and subproperty pairs."""
        for rel, supers in self.supers.items():
            for node, ups in supers.items():
                for up in ups:
                    yield (node, rel, up)

    def predicate_effect(self, p: Node) -> tuple[frozenset[Node], frozenset[Node], frozenset[Node], bool]:
        """(superproperties but p, domains, ranges, whether p is rdf:type) of ``p``."""
        ups = self.supers[_SUBPROPERTY].get(p, ())
        return (
            frozenset(q for q in ups if q != p),
            frozenset(self.domains.get(p, ())),
            frozenset(self.ranges.get(p, ())),
            p == _TYPE,
        )

    def class_effect(self, c: Node) -> frozenset[Node]:
        """The superclasses of ``c`` but c."""
        return frozenset(d for d in self.supers[_SUBCLASS].get(c, ()) if d != c)


def _relation(triples: Iterable[Triple]) -> dict[Node, set[Node]]:
    found: dict[Node, set[Node]] = {}
    for s, _p, o in triples:
        if not isinstance(s, Literal) and not isinstance(o, Literal):
            found.setdefault(s, set()).add(o)
    return found


def _transitive(triples: Iterable[Triple]) -> dict[Node, set[Node]]:
    """node -> every node reachable over one or more edges."""
    edges = _relation(triples)
    closure: dict[Node, set[Node]] = {}
    for start in edges:
        reached: set[Node] = set()
        frontier = list(edges[start])
        while frontier:
            node = frontier.pop()
            if node not in reached:
                reached.add(node)
                frontier.extend(edges.get(node, ()))
        closure[start] = reached
    return closure


def _apply(
    again: list[Triple],
    work: list[Triple],
    known: set[Triple],
    derived: list[Triple],
    by_predicate: dict[Node, list[Triple]],
    schema: _Schema,
    predicate_effects: dict[Node, tuple],
    class_effects: dict[Node, tuple],
) -> None:
    """Process the known triples ``again``, the triples of ``work`` and every new triple that
    derives, with ``schema``: adds the new ones to ``known``, ``derived`` and ``by_predicate``."""
    queue: list[Triple] = again
    prop = RDF.Property

    def emit(triple: Triple) -> None:
        if triple not in known:
            known.add(triple)
            derived.append(triple)
            group = by_predicate.get(triple[1])
            if group is None:
                group = by_predicate[triple[1]] = []
                emit((triple[1], _TYPE, prop))  # rdf1 for a new predicate
            group.append(triple)
            queue.append(triple)

    for triple in work:
        emit(triple)
    for p in list(by_predicate):
        emit((p, _TYPE, prop))  # rdf1
    index = 0
    while index < len(queue):  # the queue grows while it is read: a worklist
        s, p, o = queue[index]
        index += 1
        effect = predicate_effects.get(p)
        if effect is None:
            effect = predicate_effects[p] = schema.predicate_effect(p)
        ups, domains, ranges, is_type = effect
        for q in ups:  # rdfs7
            emit((s, q, o))
        for d in domains:  # rdfs2
            emit((s, _TYPE, d))
        for r in ranges:  # rdfs3 (a literal object: a generalised triple)
            emit((o, _TYPE, r))
        if is_type:
            supers = class_effects.get(o)
            if supers is None:
                supers = class_effects[o] = schema.class_effect(o)
            for c in supers:  # rdfs9
                emit((s, _TYPE, c))
            axioms = _CLASS_AXIOMS.get(o)
            if axioms is not None and not isinstance(s, Literal):
                for predicate, obj in axioms:  # rdfs6, 8, 10, 12, 13
                    emit((s, predicate, s if obj is None else obj))


def worklist_closure(stated: Iterable[Triple]) -> set[Triple]:
    """:func:`python_closure` triple by triple (a worklist to the fixpoint; slower on big
    registries): the yardstick its tests compare with."""
    known: set[Triple] = set(stated)
    stated_set = frozenset(known)
    by_predicate: dict[Node, dict[Node, set[Node]]] = {}  # p -> s -> objects (for rules on p)
    supers: dict[Node, dict[Node, set[Node]]] = {_SUBCLASS: {}, _SUBPROPERTY: {}}  # x -> its supers
    subs: dict[Node, dict[Node, set[Node]]] = {_SUBCLASS: {}, _SUBPROPERTY: {}}  # x -> its subs
    instances: dict[Node, set[Node]] = {}
    domains: dict[Node, set[Node]] = {}
    ranges: dict[Node, set[Node]] = {}
    work: list[Triple] = []
    derived: set[Triple] = set()

    def add(triple: Triple) -> None:
        if triple not in known:
            known.add(triple)
            derived.add(triple)
            work.append(triple)

    resources = set()
    for s, _p, o in stated_set:
        resources.add(s)
        resources.add(o)
    for triple in stated_set:
        work.append(triple)
    for node in resources:
        add((node, _TYPE, RDFS.Resource))
    while work:
        s, p, o = work.pop()
        by_predicate.setdefault(p, {}).setdefault(s, set()).add(o)
        literal_subject = isinstance(s, Literal)
        add((p, _TYPE, RDF.Property))  # rdf1
        for q in supers[_SUBPROPERTY].get(p, ()):  # rdfs7
            add((s, q, o))
        for d in domains.get(p, ()):  # rdfs2
            add((s, _TYPE, d))
        for r in ranges.get(p, ()):  # rdfs3 (a literal object: a generalised triple)
            add((o, _TYPE, r))
        if p == _TYPE:
            instances.setdefault(o, set()).add(s)
            for c in supers[_SUBCLASS].get(o, ()):  # rdfs9
                add((s, _TYPE, c))
            if not literal_subject:
                for predicate, obj in _CLASS_AXIOMS.get(o, ()):  # rdfs6, 8, 10, 12, 13
                    add((s, predicate, s if obj is None else obj))
        elif literal_subject or isinstance(o, Literal):
            pass
        elif p in (_SUBCLASS, _SUBPROPERTY):
            up, down = supers[p], subs[p]
            up.setdefault(s, set()).add(o)
            down.setdefault(o, set()).add(s)
            for a in list(down.get(s, ())):  # rdfs11 / rdfs5: a ⊑ s ⊑ o
                add((a, p, o))
            for b in list(up.get(o, ())):
                add((s, p, b))
            if p == _SUBCLASS:
                for x in list(instances.get(s, ())):  # rdfs9
                    add((x, _TYPE, o))
            else:
                for x, objects in list(by_predicate.get(s, {}).items()):  # rdfs7
                    for y in list(objects):
                        add((x, o, y))
        elif p == _DOMAIN:
            domains.setdefault(s, set()).add(o)
            for x in list(by_predicate.get(s, {})):
                add((x, _TYPE, o))
        elif p == _RANGE:
            ranges.setdefault(s, set()).add(o)
            for objects in list(by_predicate.get(s, {}).values()):
                for y in list(objects):
                    add((y, _TYPE, o))
    return derived
