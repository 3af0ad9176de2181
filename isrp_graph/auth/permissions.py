"""The "may edit" rule: may this person change (or propose a change to) this entry?

The rule itself is the named query ``queries/may-edit.rq`` (allow/deny per responsible office, like
datasette's permission checks give a reason). Prüfer:innen and Verwalter:innen may edit everything;
a Bearbeiter:in may edit the entries whose responsible office is one of their organisations or belongs
to one of them. For an entry that does not exist yet, the rule is asked of the proposed triples
together with the organisation hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from isrp_graph.auth import texts as _texts  # noqa: F401
from isrp_graph.auth.roles import Principal, Role
from isrp_graph.messages import t
from isrp_graph.namespaces import ISRP
from isrp_graph.queries import bindings_for, get_query
from isrp_graph.store.base import Store

QUERY = "may-edit"
_ORG_HIERARCHY = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?a ?p ?b . ?o ?lp ?l } WHERE {
  { ?a ?p ?b . VALUES ?p { org:unitOf org:subOrganizationOf } }
  UNION { ?o a org:Organization ; ?lp ?l . VALUES ?lp { skos:prefLabel rdfs:label } }
}
"""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    offices: tuple[str, ...] = ()  # office labels (for messages)
    office_iris: tuple[str, ...] = ()


def _rows(source: Store | Graph, entry: str, org: str, lang: str) -> list[dict[str, Node | None]]:
    query = get_query(QUERY)
    bindings = bindings_for(query, {"entry": entry, "organisation": org}, lang)
    if isinstance(source, Graph):
        result = source.query(query.text, initBindings=bindings)
        return [dict(zip([str(v) for v in result.vars], row, strict=True)) for row in result]
    return list(source.select(query.text, bindings).rows)


def decide(
    source: Store | Graph, principal: Principal, entry: str, lang: str = "de", label: str | None = None
) -> Decision:
    """Whether ``principal`` may edit ``entry`` according to ``source`` (the store, or a graph of the
    would-be state that includes the organisation hierarchy)."""
    if principal.has(Role.PRUEFEN):
        return Decision(True, t("auth.perm.reviewer", lang))
    if not principal.has(Role.BEARBEITEN):
        return Decision(False, t("auth.role.lesen", lang))
    offices: dict[str, str] = {}
    for org in principal.orgs:
        for row in _rows(source, entry, org, lang):
            office = str(row["office"])
            offices.setdefault(office, str(row.get("officeLabel") or office))
            if str(row.get("decision")) == "allow":
                reason = t("auth.perm.office", lang, office=offices[office])
                return Decision(True, reason, (offices[office],), (office,))
    if not offices:
        return Decision(False, t("auth.perm.no_office", lang))
    names = ", ".join(offices.values())
    return Decision(
        False,
        t(
            "auth.perm.denied",
            lang,
            entry=label or entry,
            office=names,
            orgs=", ".join(org_labels(source, principal.orgs, lang)),
        ),
        tuple(offices.values()),
        tuple(offices),
    )


def org_labels(source: Store | Graph, orgs: Iterable[str], lang: str) -> list[str]:
    from isrp_graph.entries import _pick_literal, labels

    if isinstance(source, Graph):
        found = []
        for org in orgs:
            literals = [
                o for p in (SKOS.prefLabel, RDFS.label) for o in source.objects(URIRef(org), p)
                if isinstance(o, Literal)
            ]
            found.append(str(_pick_literal(literals, lang) or org))
        return found
    names = labels(source, list(orgs), lang)
    return [names.get(o, o) for o in orgs]


_RULE_TRIPLES = """
PREFIX isrp: <https://w3id.org/isrp/def#>
CONSTRUCT {{ ?x ?p ?o . ?plan isrp:hasEdition ?x . ?plan isrp:responsibleOrganization ?office . }}
WHERE {{
  {values}
  {{ ?x ?p ?o . VALUES ?p {{ isrp:responsibleOrganization isrp:relatesPlan isrp:hasEdition }} }}
  UNION {{ ?plan isrp:hasEdition ?x . OPTIONAL {{ ?plan isrp:responsibleOrganization ?office }} }}
}}
"""
_RULE_PREDICATES = (ISRP.responsibleOrganization, ISRP.relatesPlan, ISRP.hasEdition)


def would_be_graph(
    store: Store,
    subjects: Iterable[Node],
    before: Iterable[tuple[Node, Node, Node]],
    after: Iterable[tuple[Node, Node, Node]],
) -> Graph:
    """What the rule needs to know about ``subjects`` once ``before`` is replaced by ``after``: their
    offices, editions and plan relations (from the registry, changed as proposed), the offices of the
    plans they name, and the organisation hierarchy with labels. Costs grow with the change, not with
    the store."""
    from isrp_graph.entries import _values_block

    after = list(after)
    wanted = {str(s) for s in subjects if isinstance(s, URIRef)}
    wanted |= {str(o) for _, p, o in after if p in _RULE_PREDICATES and isinstance(o, URIRef)}
    wanted |= {str(s) for s, p, _ in after if p == ISRP.hasEdition and isinstance(s, URIRef)}
    graph = store.construct(_ORG_HIERARCHY)
    if wanted:
        for triple in store.construct(_RULE_TRIPLES.format(values=_values_block("x", wanted))):
            graph.add(triple)
    for triple in before:
        graph.remove(triple)
    for triple in after:
        graph.add(triple)
    return graph
