"""pyshacl's simple constraint components with their per-value work cut down, same results.

Used by :mod:`.native` in place of pyshacl's ``evaluate`` of the same class:

- ``sh:nodeKind``: pyshacl compares the rule with three IRIs for every value node (rdflib's ``==``
  in Python); here the three answers (blank node, literal, IRI allowed?) are computed once per call.
"""

from __future__ import annotations

from typing import Any

from pyshacl.consts import (
    SH_IRI,
    SH_BlankNode,
    SH_BlankNodeOrIRI,
    SH_BlankNodeORLiteral,
    SH_IRIOrLiteral,
    SH_Literal,
)
from rdflib import BNode, Literal
from rdflib.term import Identifier


def evaluate_node_kind(
    self: Any, executor: Any, target_graph: Any, focus_value_nodes: dict, _evaluation_path: list
) -> tuple[bool, list]:
    """``NodeKindConstraintComponent.evaluate``."""
    rule = self.nodekind_rule
    blank = rule in (SH_BlankNode, SH_BlankNodeORLiteral, SH_BlankNodeOrIRI)
    literal = rule in (SH_Literal, SH_BlankNodeORLiteral, SH_IRIOrLiteral)
    iri = rule in (SH_IRI, SH_IRIOrLiteral, SH_BlankNodeOrIRI)
    reports = []
    non_conformant = False
    for f, value_nodes in focus_value_nodes.items():
        for v in value_nodes:
            if isinstance(v, BNode):
                match = blank
            elif isinstance(v, Literal):
                match = literal
            else:
                match = iri and isinstance(v, Identifier)
            if not match:
                non_conformant = True
                reports.append(self.make_v_result(target_graph, f, value_node=v))
    return (not non_conformant), reports
