"""The pyoxigraph copy of the data graph with its RDFS closure: it answers the shapes' SPARQL.

pyoxigraph stores typed literals in canonical form: ``"01"^^xsd:positiveInteger`` comes back as
``"1"^^xsd:integer``, ``"P12M"^^xsd:duration`` as ``"P1Y"``. The rdflib data graph keeps the literals
exactly as stated, so the copy is only trusted for what it computes, never as a source of literals:

- the closure's new triples are taken from the copy only when their object is not a literal; the one
  rule that yields literal objects (rdfs7: ``s p "x" . p ⊑ q`` → ``s q "x"``) is applied here in
  Python to the stated literals;
- a literal in a SPARQL answer is mapped back to the stated literal it was stored from
  (:meth:`Mirror.restore`), when exactly one stated literal has that stored form;
- triples with a literal subject (which owlrl derives, see :func:`build_mirror`) exist only in the
  rdflib graph: SPARQL on the mirror does not see them.

A state read straight from an embedded store (``check.Prepared.of_store``) has its literals in the
stored form already: its mirror is copied inside pyoxigraph (:func:`copy_mirror`), with no aliases.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from isrp_graph.store.terms import from_ox, graph_name_from_ox, to_ox
from isrp_graph.validation.closure import load_ox, python_closure
from isrp_graph.validation.graphs import Triple, is_shapes_graph, is_validated_graph

_PLAIN = {None, XSD.string, RDF.langString}


@dataclass
class Mirror:
    """A pyoxigraph store with the data and its RDFS closure; ``aliases`` maps the stored form of a
    literal (lexical form, datatype IRI) back to the stated literal (``None`` when ambiguous)."""

    store: ox.Store = field(repr=False)
    aliases: dict[tuple[str, str], Literal | None]

    def restore(self, term: Node) -> Node:
        if isinstance(term, Literal) and term.datatype is not None and self.aliases:
            original = self.aliases.get((str(term), str(term.datatype)))
            if original is not None:
                return original
        return term


def literal_aliases(literals: Iterable[Literal]) -> dict[tuple[str, str], Literal | None]:
    """Stored form -> stated literal, for the typed literals pyoxigraph stores differently."""
    candidates = sorted({lit for lit in literals if lit.datatype not in _PLAIN and not lit.language})
    if not candidates:
        return {}
    scratch = ox.Store()
    predicate = ox.NamedNode("urn:x-isrp:literal")
    default = ox.DefaultGraph()
    scratch.extend(
        ox.Quad(ox.BlankNode(f"l{index}"), predicate, to_ox(lit), default)  # type: ignore[arg-type]
        for index, lit in enumerate(candidates)
    )
    aliases: dict[tuple[str, str], Literal | None] = {}
    for quad in scratch:
        original = candidates[int(quad.subject.value[1:])]
        stored = quad.object
        key = (stored.value, stored.datatype.value)  # type: ignore[union-attr]
        if key == (str(original), str(original.datatype)):
            continue
        aliases[key] = original if aliases.get(key, original) == original else None
    return aliases


def build_mirror(stated: set[Triple]) -> tuple[Mirror, set[Triple]]:
    """The mirror of ``stated`` with its RDFS closure, and the triples the closure adds.

    Besides the mirror's own triples (those without a literal object), the added triples are the ones
    with literals that only Python can hold: rdfs7 copies of literal values to superproperties, and –
    as owlrl derives them, in generalised RDF – literals as subjects: ``"x" a rdfs:Resource`` (rdfs4b)
    and ``"x" a C`` for the range classes C of the property (rdfs3, with superclasses). pyshacl with
    ``inference="rdfs"`` validates such literals against the shapes of those classes, so the fast path
    has to see them too to find exactly the same.
    """
    derived = python_closure(stated)
    store = load_ox(chain(stated, (t for t in derived if not isinstance(t[0], Literal))))
    literals = {o for _s, _p, o in stated if isinstance(o, Literal)}
    return Mirror(store=store, aliases=literal_aliases(literals)), derived


def rdfs_closure(triples: Iterable[Triple]) -> set[Triple]:
    """The triples the RDFS rules add to ``triples`` (owlrl's closure as pyshacl runs it)."""
    return build_mirror(set(triples))[1]


def _nt(term: Node) -> str:
    """An IRI or blank node read from pyoxigraph (so valid) in N-Triples."""
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"


OxGraph = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


def store_graphs(source: ox.Store) -> tuple[list[OxGraph], list[OxGraph]]:
    """(validated graphs, shapes graphs) of ``source``, as :class:`.graphs.GraphState` splits them."""
    names: list[OxGraph] = list(source.named_graphs())
    if next(iter(source.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        names.append(ox.DefaultGraph())
    validated = [g for g in names if is_validated_graph(graph_name_from_ox(g))]
    shapes = [g for g in names if is_shapes_graph(graph_name_from_ox(g))]
    return validated, shapes


def read_triples(source: ox.Store, graphs: Iterable[OxGraph]) -> set[Triple]:
    """The triples of ``graphs`` in ``source`` as rdflib terms (``GraphState.from_store``'s terms),
    each distinct term converted once (most terms recur: classes, predicates, shared entries)."""
    cache: dict = {}
    found: set[Triple] = set()
    add = found.add
    get = cache.get
    for name in graphs:
        for quad in source.quads_for_pattern(None, None, None, name):
            s, p, o = quad.subject, quad.predicate, quad.object
            rs = get(s)
            if rs is None:
                rs = cache[s] = from_ox(s)
            rp = get(p)
            if rp is None:
                rp = cache[p] = from_ox(p)
            ro = get(o)
            if ro is None:
                ro = cache[o] = from_ox(o)
            add((rs, rp, ro))
    return found


def copy_mirror(source: ox.Store, graphs: Iterable[OxGraph], derived: Iterable[Triple]) -> Mirror:
    """The mirror of the union of ``graphs`` of ``source`` and the ``derived`` triples: the stated
    triples are copied inside pyoxigraph (dumped and parsed, so blank nodes keep their ids). Their
    literals are already in pyoxigraph's stored form, so no literal needs restoring."""
    store = ox.Store()
    triples = ox.RdfFormat.N_TRIPLES
    for name in graphs:
        store.extend(ox.parse(source.dump(format=triples, from_graph=name), format=triples))
    # the derived triples of IRIs and blank nodes (nearly all: types) as N-Triples text, parsed in
    # pyoxigraph; the few with literals term by term
    lines: list[str] = []
    with_literals: list[Triple] = []
    for triple in derived:
        s, p, o = triple
        if type(s) is URIRef and type(o) is URIRef and type(p) is URIRef:
            lines.append(f"<{s}> <{p}> <{o}> .\n")
        elif isinstance(s, Literal):
            continue
        elif isinstance(o, Literal):
            with_literals.append(triple)
        else:
            lines.append(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n")
    default = ox.DefaultGraph()
    try:
        store.extend(ox.parse("".join(lines).encode(), format=triples))
    except SyntaxError:  # an IRI a lenient load let in: term by term, as pyoxigraph holds it
        store.extend(
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), default)  # type: ignore[arg-type]
            for s, p, o in derived
            if not isinstance(s, Literal)
        )
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), default) for s, p, o in with_literals)  # type: ignore[arg-type]
    return Mirror(store=store, aliases={})
