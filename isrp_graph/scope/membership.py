"""Which entries belong to which municipality (by ``isrp:municipality``): the number of entries per
municipality, and the entries of a list that belong to another municipality than the ones asked for
(to keep a result to the asked municipalities; shared entries such as laws and concepts have no
municipality and always stay)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

_BATCH = 400
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')

_COUNTS = """
SELECT ?m (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e isrp:municipality ?m . FILTER(isIRI(?e)) } GROUP BY ?m
"""

_MEMBERS = """
SELECT DISTINCT ?e WHERE { VALUES ?k { #KOMMUNEN# } #ENTRIES# ?e isrp:municipality ?k . }
"""

_FOREIGN = """
SELECT DISTINCT ?e WHERE {
  VALUES ?e { #ENTRIES# }
  ?e isrp:municipality ?m .
  FILTER NOT EXISTS { VALUES ?k { #KOMMUNEN# } ?e isrp:municipality ?k }
}
"""


def entry_counts(store: Store) -> dict[str, int]:
    """Municipality IRI -> number of registry entries linked to it by ``isrp:municipality``."""
    return {str(row["m"]): int(row["n"].toPython()) for row in store.select(_COUNTS).rows}  # type: ignore[union-attr]


def members(store: Store, kommunen: Iterable[str], iris: Iterable[str] | None = None) -> set[str]:
    """The entries linked by ``isrp:municipality`` to one of ``kommunen`` (all of them, or those of
    ``iris``). Starts from the municipalities, so it costs their entries, not the store."""
    wanted = [str(k) for k in kommunen]
    if not wanted:
        return set()
    block = " ".join(sparql_iri(k) for k in wanted)
    if iris is None:
        query = _MEMBERS.replace("#KOMMUNEN#", block).replace("#ENTRIES#", "")
        return {str(row["e"]) for row in store.select(query).rows}
    candidates = sorted({str(i) for i in iris if _is_registry_iri(str(i))})
    found: set[str] = set()
    for start in range(0, len(candidates), _BATCH):
        chunk = " ".join(sparql_iri(i) for i in candidates[start : start + _BATCH])
        query = _MEMBERS.replace("#KOMMUNEN#", block).replace("#ENTRIES#", f"VALUES ?e {{ {chunk} }}")
        found.update(str(row["e"]) for row in store.select(query).rows)
    return found


def foreign_entries(store: Store, iris: Iterable[str], kommunen: Iterable[str]) -> set[str]:
    """Those of ``iris`` that belong to a municipality and to none of ``kommunen``. Empty ``kommunen``
    restricts nothing (an empty set)."""
    wanted = [str(k) for k in kommunen]
    if not wanted:
        return set()
    candidates = sorted({str(i) for i in iris if _is_registry_iri(str(i))})
    block = " ".join(sparql_iri(k) for k in wanted)
    found: set[str] = set()
    for start in range(0, len(candidates), _BATCH):
        chunk = " ".join(sparql_iri(i) for i in candidates[start : start + _BATCH])
        query = _FOREIGN.replace("#ENTRIES#", chunk).replace("#KOMMUNEN#", block)
        found.update(str(row["e"]) for row in store.select(query).rows)
    return found


def _is_registry_iri(text: str) -> bool:
    return text.startswith(("http://", "https://")) and not _IRI_FORBIDDEN.search(text)
