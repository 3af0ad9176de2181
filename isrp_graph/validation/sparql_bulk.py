"""SHACL-SPARQL constraints for many focus nodes at once.

pyshacl runs a constraint's SELECT once per focus node, with ``$this`` pre-bound, and checks and
rewrites the same query text every time. Here the text is prepared once; and when the query binds
``$this`` in the first triple pattern of its top-level group (and has no subquery, grouping, ordering,
slicing or VALUES of its own), the rows for all IRI focus nodes come from one run of the query with
``VALUES $this { … }`` in front: the same rows pre-binding gives, since every later part of the query
sees ``$this`` bound by that pattern either way. The same holds for a top-level group of only triple
patterns and ``FILTER``s whose braces are all ``[NOT] EXISTS { … }`` groups without groups of their own
(the common "none of these properties" check): a filter sees the whole group's solution, each
``VALUES`` row with its ``$this``, and ``EXISTS`` substitutes it into its pattern as pre-binding does.
A query whose ``NOT EXISTS`` part the engine cannot correlate costs what the store costs, so once per
constraint instead of once per focus node keeps a full validation linear. Other queries, blank-node
focus nodes and small focus sets go the per-node way.
The rows are handed to pyshacl's own result code (:func:`validate_sparql_query` replays its
deduplication), so the findings are pyshacl's.
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

BULK_MINIMUM = 16  # fewer IRI focus nodes: per node (a one-entry check must not cost a store scan)
STOREWIDE_MINIMUM = 2000  # this many IRI focus nodes: one run over the store (see _storewide_rows)
_ROWS = "__isrp_rows"
_HEAD = re.compile(
    r"^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*)*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(?P<projection>[^{]*?)"
    r"\s*WHERE\s*\{(?P<first>\s*[$?]this\b)?",
    re.IGNORECASE | re.DOTALL,
)
# strings, IRIs and comments (their braces and words are not syntax), blanked before the scan below
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'.*?\'\'\''  # long strings
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''  # strings
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*',  # IRIs, comments
    re.DOTALL,
)
_GROUP_WORDS = re.compile(r"\b(?:OPTIONAL|MINUS|UNION|GRAPH|BIND|SELECT|SERVICE|VALUES)\b", re.IGNORECASE)
_EXISTS_OPEN = re.compile(r"\bEXISTS\s*$", re.IGNORECASE)
_FORBIDDEN = re.compile(r"\b(?:GROUP\s+BY|HAVING|ORDER\s+BY|LIMIT|OFFSET|VALUES|SERVICE)\b", re.IGNORECASE)
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_THIS = re.compile(r"[$?]this\b")


def bulk_text(text: str) -> str | None:
    """``text`` with a ``VALUES $this`` placeholder after its first ``WHERE {``, when the rows of one
    run equal the rows of pre-bound runs (see the module doc); ``None`` otherwise."""
    head = _HEAD.match(text)
    if head is None or _FORBIDDEN.search(text) or len(_SELECT.findall(text)) != 1:
        return None
    if head.group("first") is None and not _patterns_and_filters_only(text, head.end()):
        return None
    projection = head.group("projection")
    if "*" not in projection and not _THIS.search(projection):
        return None
    at = text.index("{", head.start("projection")) + 1
    return text[:at] + " #VALUES# " + text[at:]


def _patterns_and_filters_only(text: str, body: int) -> bool:
    """True when the group opened just before ``body`` holds only triple patterns and filters, with
    ``{`` only right after ``EXISTS`` and no group inside such an ``EXISTS`` group, and nothing after it."""
    masked = _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)
    depth = 0
    for at in range(body, len(masked)):
        char = masked[at]
        if char == "{":
            if depth > 0 or not _EXISTS_OPEN.search(masked, body, at):
                return False
            depth += 1
        elif char == "}":
            if depth == 0:
                rest = masked[at + 1 :]
                return not _GROUP_WORDS.search(masked, body, at) and not rest.strip()
            depth -= 1
    return False


def evaluate_sparql_constraint(self: Any, sparql_constraint: Any, target_graph: Any, f_v_dict: dict) -> Any:
    """``SPARQLBasedConstraint._evaluate_sparql_constraint`` with the query text prepared once and,
    where it is safe, one query for all IRI focus nodes."""
    if not f_v_dict:
        return False, []
    first = next(iter(f_v_dict))
    template, text = sparql_constraint.pre_bind_variables(first)
    text = sparql_constraint.apply_prefixes(text)
    binds_this = "this" in template
    rows: dict[Node, list[dict]] | None = None
    if binds_this and getattr(target_graph, "mirror", None) is not None:
        rows = _bulk_rows(target_graph, text, template, [f for f in f_v_dict if isinstance(f, URIRef)])
    if rows is not None:  # a focus node without rows yields no result in pyshacl's loop: left out
        f_v_dict = {f: values for f, values in f_v_dict.items() if f not in rows or rows[f]}
    prepared = _PreparedConstraint(sparql_constraint, template, text, binds_this, rows)
    return type(self).__mro__[1]._evaluate_sparql_constraint(self, prepared, target_graph, f_v_dict)


def _bulk_rows(graph: Any, text: str, template: dict, foci: list[URIRef]) -> dict[Node, list[dict]] | None:
    if len(foci) < BULK_MINIMUM:
        return None
    shaped = bulk_text(text)
    if shaped is None:
        return None
    others = {name: term for name, term in template.items() if name != "this" and term is not None}
    if len(foci) >= STOREWIDE_MINIMUM and binds_this_first(text):
        return _storewide_rows(graph, text, others, foci)
    values = "VALUES ?this { " + " ".join(f.n3() for f in foci) + " }"
    found = _rows_by_this(graph, shaped.replace("#VALUES#", values, 1), others)
    if found is None:
        return None
    return {f: found.get(f, []) for f in foci}


def binds_this_first(text: str) -> bool:
    """True when ``text`` goes the bulk way because its first triple pattern binds ``$this``."""
    head = _HEAD.match(text)
    return head is not None and head.group("first") is not None and bulk_text(text) is not None


def _storewide_rows(graph: Any, text: str, others: dict, foci: list[URIRef]) -> dict[Node, list[dict]] | None:
    """The rows of ``foci`` from one run of ``text`` with ``$this`` left free (kept per data graph, so
    the parts of a partitioned validation share it): the query's first pattern binds ``$this``, so its
    rows for a focus node are the rows of the run with that node in ``VALUES``, and a run over the
    whole store is cheaper than joining with thousands of ``VALUES`` rows."""
    cache = graph.__dict__.setdefault("_storewide_rows", {})
    key = (text, tuple(sorted((name, str(term), type(term).__name__) for name, term in others.items())))
    if key not in cache:
        cache[key] = _rows_by_this(graph, text, others)
    found = cache[key]
    if found is None:
        return None
    return {f: found.get(f, []) for f in foci}


def _rows_by_this(graph: Any, query: str, others: dict) -> dict[Node, list[dict]] | None:
    """The answer rows of ``query`` (as pyshacl's result rows) grouped by their ``this``."""
    from isrp_graph.validation.sparql import _NeedsRdflib, _to_rdflib, run_on_mirror

    prefixes = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    unprojected = graph.__dict__.setdefault("_unprojected", {})
    try:
        answer = _to_rdflib(run_on_mirror(graph.mirror, unprojected, query, prefixes, others), graph.mirror)
    except _NeedsRdflib:
        return None
    rows: dict[Node, list[dict]] = {}
    for row in answer:
        found = row.asdict()  # type: ignore[union-attr]
        focus = found.get("this")
        if isinstance(focus, URIRef):
            rows.setdefault(focus, []).append(found)
    return rows


def validate_sparql_query(self: Any, query: str, init_binds: dict, target_graph: Any) -> list:
    """``SPARQLBasedConstraint._validate_sparql_query``, on the bulk rows of the focus node when
    there are some (the same deduplication as pyshacl's)."""
    if _ROWS not in init_binds:
        return type(self).__mro__[1]._validate_sparql_query(self, query, init_binds, target_graph)
    violations: list = []
    dedup: set = set()
    for row in init_binds[_ROWS]:
        var_dict = dict(row)
        failure = var_dict.pop("failure", None)
        if failure is not None:
            if True in dedup:
                continue
            violations.append((True, var_dict))
            dedup.add(True)
            continue
        p = var_dict.pop("path", None)
        v = var_dict.pop("value", None)
        t = var_dict.pop("this", None)
        if (p is not None) or (v is not None) or (t is not None):
            if (t, p, v, var_dict) in violations:
                continue
            violations.append((t, p, v, var_dict))
    return violations


class _PreparedConstraint:
    """A SPARQL constraint's query helper whose pre-binding is computed once (see above)."""

    def __init__(
        self, helper: Any, template: dict, text: str, binds_this: bool, rows: dict[Node, list[dict]] | None
    ) -> None:
        self._template, self._text, self._binds_this, self._rows = template, text, binds_this, rows
        self.messages, self.node = helper.messages, helper.node

    def pre_bind_variables(self, focus: Node) -> tuple[dict, str]:
        binds = dict(self._template)
        if self._binds_this:
            binds["this"] = focus
        if self._rows is not None and focus in self._rows:
            binds[_ROWS] = self._rows[focus]
        return binds, self._text

    def apply_prefixes(self, text: str) -> str:
        return text
