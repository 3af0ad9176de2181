"""SPARQL text that the stores write themselves: safely serialised terms, the one-request atomic
"replace these graphs" update, parameter bindings as a VALUES block, and a light look at a query's form.

Nothing here pastes user text into a query: every value is turned into a SPARQL term with its
characters checked (IRIs) or escaped (literals), and variable names are checked against a strict pattern.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from isrp_graph.namespaces import PREFIXES
from isrp_graph.store.errors import BindingError
from isrp_graph.store.terms import XSD_STRING

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BNODE_SAFE = re.compile(r"^[A-Za-z0-9_]+$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ESCAPE_RE = re.compile(r'[\\"\n\r\t\b\f]')


def iri(value: str) -> str:
    """``<value>``; raises ``ValueError`` if the IRI holds characters SPARQL forbids in an IRI."""
    if not value or _IRI_FORBIDDEN.search(value):
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def string_literal(value: str) -> str:
    return '"' + _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], value) + '"'


def literal(node: Literal) -> str:
    text = string_literal(str(node))
    if node.language:
        if not _LANG.match(node.language):
            raise ValueError(f"not a valid language tag: {node.language!r}")
        return f"{text}@{node.language}"
    if node.datatype is None or str(node.datatype) == XSD_STRING:
        return text
    return f"{text}^^{iri(str(node.datatype))}"


def bnode_label(node: BNode, scope: str = "") -> str:
    """``_:label`` unique within ``scope`` (so two graphs in one request never share a blank node)."""
    raw = str(node)
    safe = ("n" + raw) if _BNODE_SAFE.match(raw) else ("h" + hashlib.sha1(raw.encode()).hexdigest()[:20])
    return f"_:{scope}{safe}"


def term(node: Node, bnode_scope: str | None = None) -> str:
    """One rdflib term as SPARQL text. Blank nodes only where ``bnode_scope`` is given (INSERT DATA)."""
    if isinstance(node, URIRef):
        return iri(str(node))
    if isinstance(node, Literal):
        return literal(node)
    if isinstance(node, BNode) and bnode_scope is not None:
        return bnode_label(node, bnode_scope)
    raise ValueError(f"unsupported RDF term: {node!r}")


def triples_block(graph: Graph, bnode_scope: str) -> str:
    """N-Triples-like lines for an INSERT DATA block."""
    return "".join(
        f"{term(s, bnode_scope)} {term(p, bnode_scope)} {term(o, bnode_scope)} .\n" for s, p, o in graph
    )


def replace_graphs_update(graphs: Mapping[URIRef, Graph]) -> str:
    """One SPARQL Update request that drops each graph and inserts its new triples: servers run a
    request as one unit, so the replacement is all or nothing. Empty graphs are just dropped."""
    parts = [f"DROP SILENT GRAPH {iri(str(name))}" for name in graphs]
    blocks = [
        f"GRAPH {iri(str(name))} {{\n{triples_block(graph, f'g{index}')}}}\n"
        for index, (name, graph) in enumerate(graphs.items())
        if len(graph)
    ]
    if blocks:
        parts.append("INSERT DATA {\n" + "".join(blocks) + "}")
    return " ;\n".join(parts)


# --- a light tokenizer: enough to find the query form and the outermost WHERE group -------------

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<name>[A-Za-z_\u00c0-\uffff][\w.\-\u00b7]*(?::[\w.\-%:\u00b7]*)?|:[\w.\-%:]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def _tokens(text: str) -> Iterable[tuple[str, str, int]]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield kind, match.group(), match.start()


def query_form(text: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``ASK``, ``DESCRIBE``, ``UPDATE`` or ``None`` if not recognisable."""
    for kind, value, _ in _tokens(text):
        if kind != "name":
            continue
        word = value.upper()
        if word in QUERY_FORMS:
            return word
        if word in UPDATE_WORDS:
            return "UPDATE"
    return None


def _where_group_start(text: str) -> int | None:
    """Offset just after the ``{`` that opens the outermost WHERE group, or None."""
    form: str | None = None
    depth = 0
    parens = 0
    previous_where = False
    template_seen = False
    for kind, value, start in _tokens(text):
        word = value.upper() if kind == "name" else ""
        if form is None:
            if word in QUERY_FORMS:
                form = word
            continue
        if kind == "open":
            if depth == 0 and parens == 0:
                if previous_where:
                    return start + 1
                if form == "CONSTRUCT" and not template_seen:
                    template_seen = True
                elif form in ("SELECT", "ASK", "DESCRIBE"):
                    return start + 1
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "lparen":
            parens += 1
        elif kind == "rparen":
            parens -= 1
        if depth == 0 and parens == 0 and word == "WHERE":
            if form == "CONSTRUCT" and not template_seen:
                return None  # CONSTRUCT WHERE { } short form: its group is also the template
            previous_where = True
        elif kind != "open":
            previous_where = previous_where and kind == "name" and word == "WHERE"
    return None


def check_variable(name: str) -> str:
    bare = name[1:] if name[:1] in "?$" else name
    if not _VARNAME.match(bare):
        raise BindingError(name=name, reason="invalid variable name")
    return bare


def values_block(bindings: Mapping[str, Node]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` from checked names and safely serialised terms."""
    names: list[str] = []
    values: list[str] = []
    for name, value in bindings.items():
        names.append("?" + check_variable(name))
        if isinstance(value, BNode):
            raise BindingError(name=name, reason="blank nodes cannot be parameters")
        try:
            values.append(term(value))
        except ValueError as exc:
            raise BindingError(name=name, reason=str(exc)) from exc
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(values)}) }}"


def bind_values(query: str, bindings: Mapping[str, Node] | None) -> str:
    """The query with ``bindings`` joined in as a VALUES block at the start of the outermost WHERE
    group (so FILTERs and OPTIONALs see them), or as a trailing VALUES clause where no such group
    exists. Equivalent to substitution for the usual parameterised query."""
    if not bindings:
        return query
    block = values_block(bindings)
    position = _where_group_start(query)
    if position is None:
        return f"{query.rstrip()}\n{block}\n"
    return f"{query[:position]} {block} {query[position:]}"


_DECLARED = re.compile(r"PREFIX\s+([A-Za-z_][\w.\-]*)?\s*:", re.IGNORECASE)


def with_prefixes(text: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """Prepend PREFIX lines for the project prefixes the text does not declare itself."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)}
    missing = [f"PREFIX {p}: {iri(ns)}\n" for p, ns in prefixes.items() if p not in declared]
    return "".join(missing) + text


def names_dataset(text: str) -> bool:
    """True when the query names its dataset (``FROM`` / ``FROM NAMED``)."""
    return any(kind == "name" and value.upper() == "FROM" for kind, value, _ in _tokens(text))
