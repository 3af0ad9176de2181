"""The municipalities of a store and the resolution of the names a user gives (slug, label or IRI)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import isrp_graph.scope.texts  # noqa: F401  (registers the texts)
from isrp_graph.messages import LocalizedError
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

MUNICIPALITY_TYPE = "https://w3id.org/isrp/vocab/organisation-type/kommune"
_REGISTRY_BASE = "https://w3id.org/isrp/"

_QUERY = """
SELECT ?m (SAMPLE(?de) AS ?label_de) (SAMPLE(?any) AS ?label_any) WHERE {
  ?m isrp:organizationType <#TYPE#> .
  OPTIONAL { ?m rdfs:label ?de . FILTER(LANGMATCHES(LANG(?de), "de")) }
  OPTIONAL { ?m rdfs:label ?any }
}
GROUP BY ?m
""".replace("#TYPE#", MUNICIPALITY_TYPE)


class ScopeError(LocalizedError, ValueError):
    key = "scope.unknown"


@dataclass(frozen=True, order=True)
class Municipality:
    """``slug``: the registry's path segment (``erfurt`` for ``https://w3id.org/isrp/erfurt/org/…``),
    used only to let people type a short name; the link between entries and the municipality is
    ``isrp:municipality``."""

    label: str
    iri: str
    slug: str


def _slug(iri: str) -> str:
    if iri.startswith(_REGISTRY_BASE):
        return iri[len(_REGISTRY_BASE) :].split("/", 1)[0]
    return iri.rstrip("/").rsplit("/", 1)[-1]


def municipalities(store: Store) -> list[Municipality]:
    """Every organisation of type ``kommune`` in the store, sorted by label."""
    found = []
    for row in store.select(_QUERY).rows:
        iri = str(row["m"])
        label = row.get("label_de") or row.get("label_any")
        found.append(Municipality(str(label) if label is not None else _slug(iri), iri, _slug(iri)))
    return sorted(found)


def resolve_kommunen(store: Store, names: Iterable[str], lang: str = "de") -> tuple[str, ...]:
    """The IRIs of the municipalities ``names`` gives (each a slug, a label, an alternative spelling in
    any case, or the IRI), in the order given and without repeats; an unknown name -> ``ScopeError``."""
    wanted = [name.strip() for name in names if name and name.strip()]
    if not wanted:
        return ()
    return resolve_among(municipalities(store), wanted)


def resolve_among(known: Sequence[Municipality], names: Iterable[str]) -> tuple[str, ...]:
    """The IRIs of ``known`` that ``names`` give (slug, label or IRI, in any case), in the order given and
    without repeats; a name that is none of them -> ``ScopeError`` listing the slugs of ``known``."""
    index: dict[str, str] = {}
    for m in known:
        for key in (m.iri, m.slug, m.label):
            index.setdefault(key.casefold(), m.iri)
    resolved: list[str] = []
    for name in names:
        iri = index.get(name.casefold())
        if iri is None:
            listing = ", ".join(m.slug for m in known)
            raise ScopeError(name=name, known=listing or "–")
        if iri not in resolved:
            resolved.append(iri)
    return tuple(resolved)


def values_block(variable: str, kommunen: Iterable[str]) -> str:
    """``VALUES ?variable { <iri> … }`` for a query that binds ``?variable`` to the municipality; an
    empty string when ``kommunen`` is empty (no restriction)."""
    iris = list(kommunen)
    if not iris:
        return ""
    return f"VALUES ?{variable} {{ {' '.join(sparql_iri(i) for i in iris)} }}"
