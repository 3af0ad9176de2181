"""Restricting a query to municipalities, always through ``isrp:municipality`` (never an IRI pattern).

Two ways, one rule (the variable is bound by a ``VALUES`` block of safely serialised IRIs):

- ``in_municipalities(query, "need", kommunen)``: entries bound to ``?need`` whose ``isrp:municipality`` is
  one of ``kommunen`` (a ``VALUES`` block and one triple pattern at the start of the outermost group);
- ``without_scope(query)``: the query for every municipality — the lines marked ``# scope`` (patterns that
  only restrict one entry to ``?_kommune_iri``) left out;
- ``bind_kommune(query, kommune)``: a named query's optional parameter ``?_kommune_iri`` (see
  queries/README.md) bound in *every* ``WHERE`` and ``OPTIONAL`` group that uses it, sub-SELECTs
  included, so the store starts from that municipality's entries instead of filtering a result computed
  for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from isrp_graph.scope.municipalities import MUNICIPALITY_TYPE, values_block
from isrp_graph.store.sparql_text import iri as sparql_iri

KOMMUNE_VARIABLE = "_kommune_iri"
SCOPE_MARK = re.compile(r"#\s*scope\s*$")
_IRI = re.compile(r'<[^\s<>"{}|^`\\]*>')
_GROUP = re.compile(r"(?:WHERE|OPTIONAL)\s*\{", re.IGNORECASE)


def in_municipalities(query: str, variable: str, kommunen: Iterable[str] = ()) -> str:
    """``query`` limited to entries whose ``isrp:municipality`` is one of ``kommunen``, or unchanged."""
    block = values_block("_kommune", kommunen)
    if not block:
        return query
    return query.replace(
        "WHERE {",
        f"WHERE {{\n  {block}\n  ?{variable} <https://w3id.org/isrp/def#municipality> ?_kommune .",
        1,
    )


def without_scope(query: str, variable: str = KOMMUNE_VARIABLE) -> str:
    """``query`` without its lines marked ``# scope`` (a triple pattern that only restricts entries to
    the municipality ``?variable``): what a named query runs when no municipality is asked for. Such a
    free pattern would only ask that each entry names some municipality, and oxigraph joins it at a cost
    that grows faster than the store; a pattern that *pairs* two entries by municipality is not marked."""
    token = f"?{variable}"
    return "\n".join(line for line in query.split("\n") if not (token in line and SCOPE_MARK.search(line)))


def _code_mask(text: str) -> list[bool]:
    """For each character: True where it is query code (not inside a string, an IRI or a comment)."""
    mask = [True] * len(text)
    index = 0
    while index < len(text):
        char = text[index]
        if char == "#":
            end = text.find("\n", index)
            end = len(text) if end < 0 else end
        elif char in "\"'":
            end = index + 1
            while end < len(text) and text[end] != char:
                end += 2 if text[end] == "\\" else 1
            end += 1
        elif char == "<" and (match := _IRI.match(text, index)):
            end = match.end()
        else:
            index += 1
            continue
        for position in range(index, min(end, len(text))):
            mask[position] = False
        index = end
    return mask


def where_groups(query: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the body of every ``WHERE { … }`` group (outermost and sub-SELECTs) and every
    ``OPTIONAL { … }`` group."""
    mask = _code_mask(query)
    groups = []
    for match in _GROUP.finditer(query):
        if not mask[match.start()]:
            continue
        depth = 0
        for position in range(match.end() - 1, len(query)):
            if not mask[position]:
                continue
            if query[position] == "{":
                depth += 1
            elif query[position] == "}":
                depth -= 1
                if depth == 0:
                    groups.append((match.end(), position))
                    break
    return groups


def bind_kommune(query: str, kommune: str, variable: str = KOMMUNE_VARIABLE) -> str:
    """``query`` with ``?variable`` bound to the municipality ``kommune`` in every ``WHERE`` and
    ``OPTIONAL`` group whose body uses it (a ``VALUES`` block of one checked IRI, so nothing but an IRI
    enters the text). The same as binding it once at the top — the value is the same everywhere — but
    the store then starts from that municipality in each group it computes on its own."""
    block = f" VALUES ?{variable} {{ {sparql_iri(kommune)} }}"
    token = re.compile(rf"\?{re.escape(variable)}\b")
    starts = [start for start, end in where_groups(query) if token.search(query, start, end)]
    parts, last = [], 0
    for start in sorted(starts):
        parts += [query[last:start], block]
        last = start
    parts.append(query[last:])
    return "".join(parts)


def own_or_shared(variable: str, kommunen: Iterable[str] = ()) -> str:
    """Graph patterns (to put inside a ``WHERE`` group that binds ``?variable``) keeping the entries of
    ``kommunen`` and the shared ones: an entry linked by ``isrp:municipality`` to one of them, or linked
    to none and not itself another municipality. ``""`` when ``kommunen`` is empty (no restriction)."""
    iris = [sparql_iri(k) for k in kommunen]
    if not iris:
        return ""
    listed = ", ".join(iris)
    v = f"?{variable}"
    return (
        f"OPTIONAL {{ {v} <https://w3id.org/isrp/def#municipality> ?_own_m }}\n"
        f"  OPTIONAL {{ {v} <https://w3id.org/isrp/def#organizationType> ?_own_t . "
        f"FILTER(?_own_t = {sparql_iri(MUNICIPALITY_TYPE)}) }}\n"
        f"  FILTER(IF(BOUND(?_own_m), ?_own_m IN ({listed}), !BOUND(?_own_t) || {v} IN ({listed})))"
    )
