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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

import pyoxigraph as ox
from rdflib import Literal
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from isrp_graph.store.terms import to_ox
from isrp_graph.validation.closure import load_ox, python_closure
from isrp_graph.validation.graphs import Triple

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
