"""The named-query catalogue: every ``queries/<name>.rq`` file is one documented question.

Each file starts with ``#+`` decorator lines (grlc/BASIL convention, a YAML subset; format in
queries/README.md): German and English title and description, tags and typed parameters. A parameter
``name`` is referenced in the query as ``?_name`` (a literal) or ``?_name_iri`` (an IRI).

``run_named(store, name, params)`` checks every value against its declared type and hands it to the
store as an RDF term through ``bindings`` — never pasted into the query text. Renderers turn the
result into CSV, SPARQL 1.1 results JSON or a plain-text table.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from isrp_graph import csv_safe
from isrp_graph.messages import LocalizedError, normalise_lang, t
from isrp_graph.namespaces import PREFIXES
from isrp_graph.resources import queries_dir
from isrp_graph.scope.sparql import KOMMUNE_VARIABLE, bind_kommune, without_scope
from isrp_graph.store.base import SelectResult, Store
from isrp_graph.store.results import select_to_json

PARAM_TYPES = ("iri", "string", "date", "integer", "boolean")
TODAY = "today"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARAM_NAME = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_PARAM_VAR = re.compile(r"[?$](_[A-Za-z0-9_]+)")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")
_TRUE = {"true", "1", "ja", "yes", "wahr"}
_FALSE = {"false", "0", "nein", "no", "falsch"}


class QueryCatalogueError(LocalizedError, ValueError):
    """A .rq file's header cannot be read (``queries.header``)."""

    key = "queries.header"


class UnknownQuery(LocalizedError, KeyError):
    """No named query of that name (``queries.unknown``)."""

    key = "queries.unknown"

    def __str__(self) -> str:  # KeyError would add quotes
        return self.args[0] if self.args else ""


class ParameterError(LocalizedError, ValueError):
    """A parameter value is missing, unknown or not of its type (``queries.param_*``)."""

    key = "queries.param_invalid"


@dataclass(frozen=True)
class Parameter:
    """One typed parameter of a named query."""

    name: str
    type: str
    default: str | None = None
    description: str = ""
    description_en: str = ""
    values: tuple[str, ...] = ()

    @property
    def variable(self) -> str:
        """The query variable (without ``?``) the value is bound to."""
        return f"_{self.name}_iri" if self.type == "iri" else f"_{self.name}"

    @property
    def required(self) -> bool:
        return self.default is None

    @property
    def optional(self) -> bool:
        """``default: ""``: no value means no binding (the variable stays free, e.g. ``kommune``: every
        municipality, each joined only with itself)."""
        return self.default == ""

    def describe(self, lang: str = "de") -> str:
        return (
            self.description_en if normalise_lang(lang) == "en" and self.description_en else self.description
        )


@dataclass(frozen=True)
class NamedQuery:
    """One ``queries/<name>.rq`` file with its decorators."""

    name: str
    title: str
    title_en: str
    description: str
    description_en: str
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    text: str
    path: Path

    def title_in(self, lang: str = "de") -> str:
        return self.title_en if normalise_lang(lang) == "en" and self.title_en else self.title

    def description_in(self, lang: str = "de") -> str:
        english = normalise_lang(lang) == "en" and self.description_en
        return self.description_en if english else self.description

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


# --- the decorator header (a strict YAML subset) -------------------------------------------------


def _scalar(raw: str, where: str) -> str:
    """A plain or double-quoted YAML scalar. Plain scalars may not hold ': ' or ' #' (YAML would
    misread them), so such text must be quoted."""
    value = raw.strip()
    if value.startswith('"'):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as exc:
            raise QueryCatalogueError(where=where, reason=f"bad quoted text: {exc}") from exc
        if not isinstance(parsed, str):
            raise QueryCatalogueError(where=where, reason="quoted value is not text")
        return parsed
    if ": " in value or " #" in value or value[:1] in "[]{}&*!|>'%@`,":
        raise QueryCatalogueError(where=where, reason=f"put the value in double quotes: {value}")
    return value


def _flow_list(raw: str, where: str) -> tuple[str, ...]:
    value = raw.strip()
    if not (value.startswith("[") and value.endswith("]")):
        raise QueryCatalogueError(where=where, reason="expected a list [a, b]")
    inner = value[1:-1].strip()
    return tuple(_scalar(item, where) for item in inner.split(",")) if inner else ()


def _header_lines(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            body = line[2:]
            if body and not body.startswith(" "):
                continue
            lines.append(body[1:] if body.startswith(" ") else body)
        elif line.strip() and not line.startswith("#"):
            break
    return lines


_TOP_KEYS = ("summary", "summary_en", "description", "description_en", "tags", "params")
_PARAM_KEYS = ("type", "default", "description", "description_en", "values")


def parse_header(text: str, where: str) -> dict[str, object]:
    """The decorators of a query as ``{key: str | tuple | {param: {field: value}}}``."""
    header: dict[str, object] = {}
    params: dict[str, dict[str, object]] = {}
    section: str | None = None
    current: dict[str, object] | None = None
    for line in _header_lines(text):
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        key, sep, rest = line.strip().partition(":")
        if not sep:
            raise QueryCatalogueError(where=where, reason=f"expected 'key: value', got {line.strip()!r}")
        if indent == 0:
            if key not in _TOP_KEYS:
                raise QueryCatalogueError(where=where, reason=f"unknown decorator {key!r}")
            section, current = key, None
            if key == "params":
                if rest.strip():
                    raise QueryCatalogueError(where=where, reason="params: needs indented entries")
                header["params"] = params
            elif key == "tags":
                header["tags"] = (
                    _flow_list(rest, where)
                    if rest.strip().startswith("[")
                    else tuple(tag.strip() for tag in _scalar(rest, where).split(",") if tag.strip())
                )
            else:
                header[key] = _scalar(rest, where)
        elif section == "params" and indent == 2:
            if rest.strip() or not _PARAM_NAME.match(key):
                raise QueryCatalogueError(where=where, reason=f"bad parameter name line {line.strip()!r}")
            current = params.setdefault(key, {})
        elif section == "params" and indent == 4 and current is not None:
            if key not in _PARAM_KEYS:
                raise QueryCatalogueError(where=where, reason=f"unknown parameter field {key!r}")
            current[key] = _flow_list(rest, where) if key == "values" else _scalar(rest, where)
        else:
            raise QueryCatalogueError(where=where, reason=f"unexpected indentation: {line!r}")
    return header


def _parameter(name: str, fields: Mapping[str, object], where: str) -> Parameter:
    kind = str(fields.get("type", "string"))
    if kind not in PARAM_TYPES:
        raise QueryCatalogueError(where=where, reason=f"parameter {name}: type must be one of {PARAM_TYPES}")
    default = fields.get("default")
    values = fields.get("values", ())
    return Parameter(
        name=name,
        type=kind,
        default=None if default is None else str(default),
        description=str(fields.get("description", "")),
        description_en=str(fields.get("description_en", "")),
        values=tuple(values) if isinstance(values, tuple) else (),
    )


def parse_query_file(path: Path) -> NamedQuery:
    """Read one .rq file; checks titles and that declared parameters and ``?_`` variables agree."""
    where = path.name
    name = path.stem
    if not _NAME.match(name):
        raise QueryCatalogueError(where=where, reason="file name must be lower-case words joined by '-'")
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, where)
    for key in ("summary", "summary_en"):
        if not header.get(key):
            raise QueryCatalogueError(where=where, reason=f"missing #+ {key}:")
    raw_params = header.get("params", {})
    assert isinstance(raw_params, dict)
    parameters = tuple(_parameter(n, f, where) for n, f in raw_params.items())
    used = set(_PARAM_VAR.findall(_strip_comments(text)))
    declared = {p.variable for p in parameters}
    if used - declared:
        missing = ", ".join(sorted(used - declared))
        raise QueryCatalogueError(where=where, reason=f"variables without #+ params entry: {missing}")
    if declared - used:
        unused = ", ".join(sorted(declared - used))
        raise QueryCatalogueError(where=where, reason=f"declared parameters not used in the query: {unused}")
    for parameter in parameters:
        if parameter.default is not None and not parameter.optional:
            try:
                to_term(parameter, parameter.default)
            except ParameterError as exc:
                raise QueryCatalogueError(where=where, reason=f"bad default: {exc}") from exc
    tags = header.get("tags", ())
    return NamedQuery(
        name=name,
        title=str(header["summary"]),
        title_en=str(header["summary_en"]),
        description=str(header.get("description", "")),
        description_en=str(header.get("description_en", "")),
        tags=tuple(tags) if isinstance(tags, tuple) else (),
        parameters=parameters,
        text=text,
        path=path,
    )


def _strip_comments(text: str) -> str:
    """The query without its whole-line comments (where the decorators live)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


# --- catalogue ---------------------------------------------------------------------------------


def catalogue(directory: str | Path | None = None) -> list[NamedQuery]:
    """Every named query in ``directory`` (default: the shipped queries/), sorted by name."""
    folder = Path(directory) if directory is not None else queries_dir()
    return [parse_query_file(path) for path in sorted(folder.glob("*.rq"))]


def get_query(name: str, directory: str | Path | None = None) -> NamedQuery:
    """One named query; unknown or malformed names raise ``UnknownQuery``."""
    folder = Path(directory) if directory is not None else queries_dir()
    if not _NAME.match(name) or not (folder / f"{name}.rq").is_file():
        known = ", ".join(q.stem for q in sorted(folder.glob("*.rq")))
        raise UnknownQuery("queries.unknown", name=name, known=known)
    return parse_query_file(folder / f"{name}.rq")


# --- parameters --------------------------------------------------------------------------------


def expand_iri(value: str) -> str:
    """``<full IRI>``, a full IRI or a prefixed name (``erfurt:plan/x``) -> the full IRI string."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        text = PREFIXES[prefix] + local
    return text


def to_term(parameter: Parameter, value: str, lang: str = "de") -> Node:
    """The checked RDF term for ``value``; ``ParameterError`` names the parameter and the reason."""

    def fail(reason_key: str) -> ParameterError:
        return ParameterError(
            "queries.param_invalid",
            name=parameter.name,
            value=value,
            reason={"de": t(reason_key, "de"), "en": t(reason_key, "en")},
        )

    text = value.strip()
    kind = parameter.type
    if parameter.values and text not in parameter.values:
        raise ParameterError(
            "queries.param_choice", name=parameter.name, value=value, choices=", ".join(parameter.values)
        )
    if kind == "iri":
        full = expand_iri(text)
        if not _IRI.match(full):
            raise fail("queries.reason_iri")
        return URIRef(full)
    if kind == "date":
        if text.lower() == TODAY:
            return Literal(date.today().isoformat(), datatype=XSD.date)
        try:
            if not _DATE.match(text):
                raise ValueError(text)
            parsed = date.fromisoformat(text)
        except ValueError:
            raise fail("queries.reason_date") from None
        return Literal(parsed.isoformat(), datatype=XSD.date)
    if kind == "integer":
        if not _INTEGER.match(text):
            raise fail("queries.reason_integer")
        return Literal(str(int(text)), datatype=XSD.integer)
    if kind == "boolean":
        lowered = text.lower()
        if lowered in _TRUE:
            return Literal("true", datatype=XSD.boolean)
        if lowered in _FALSE:
            return Literal("false", datatype=XSD.boolean)
        raise fail("queries.reason_boolean")
    if any(ord(ch) < 0x20 and ch not in "\t\n\r" for ch in value):
        raise fail("queries.reason_string")
    return Literal(value)


def bindings_for(query: NamedQuery, params: Mapping[str, str], lang: str = "de") -> dict[str, Node]:
    """Validate ``params`` against the query's parameters (defaults filled in, ``lang`` for a ``lang``
    parameter not given) and return ``{variable: term}``."""
    known = {p.name for p in query.parameters}
    unknown = sorted(set(params) - known)
    if unknown:
        raise ParameterError(
            "queries.param_unknown",
            name=", ".join(unknown),
            query=query.name,
            known=", ".join(sorted(known)) or "-",
        )
    bindings: dict[str, Node] = {}
    for parameter in query.parameters:
        if parameter.name in params:
            value: str | None = params[parameter.name]
        elif parameter.name == "lang":
            value = normalise_lang(lang)
        else:
            value = parameter.default
        if value is None:
            raise ParameterError("queries.param_missing", name=parameter.name, query=query.name)
        if value == "" and parameter.optional:
            continue
        bindings[parameter.variable] = to_term(parameter, value, lang)
    return bindings


def run_named(
    store: Store,
    name: str,
    params: Mapping[str, str] | None = None,
    lang: str = "de",
    *,
    directory: str | Path | None = None,
    rewrite: Callable[[str], str] | None = None,
) -> SelectResult:
    """Run the named query with checked parameters bound as RDF terms. A store that knows it answers
    this query wrongly (a remote engine's limit) refuses it with a message naming the limit.
    ``rewrite`` (text -> text) changes the query before it is scoped, e.g. leaves out its labels
    (``isrp_graph.analyses.common.without_labels``)."""
    query = get_query(name, directory)
    check = getattr(store, "check_named_query", None)
    if check is not None:
        check(name)
    bindings = bindings_for(query, params or {}, lang)
    text = query.text if rewrite is None else rewrite(query.text)
    kommune = bindings.pop(KOMMUNE_VARIABLE, None)
    if kommune is not None:  # bound in every group that uses it, sub-SELECTs too (isrp_graph.scope)
        text = bind_kommune(text, str(kommune))
    elif query.parameter("kommune") is not None:  # every municipality: no restricting patterns
        text = without_scope(text)
    if rewrite is not None:  # parameters the rewritten text no longer uses are not bound
        bindings = {k: v for k, v in bindings.items() if re.search(rf"[?$]{re.escape(k)}\b", text)}
    return store.select(text, bindings=bindings)


# --- renderers ---------------------------------------------------------------------------------


def to_csv(result: SelectResult, *, excel: bool = False) -> str:
    """The result as CSV for spreadsheet users: header of variable names, CRLF, plain values, and every
    cell a spreadsheet would take for a formula neutralised (``isrp_graph.csv_safe``). ``excel=True``
    gives the form German Excel opens directly: semicolon separator, preceded by a UTF-8 byte-order
    mark. The unchanged W3C SPARQL CSV is ``isrp_graph.store.results.select_to_csv``."""
    buffer = io.StringIO()
    writer = csv_safe.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_text(row.get(v)) for v in result.variables])
    return ("\ufeff" if excel else "") + buffer.getvalue()


def _csv_text(node: Node | None) -> str:
    if node is None:
        return ""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def to_json(result: SelectResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    return json.dumps(select_to_json(result), ensure_ascii=False, indent=1)


_SORTED_PREFIXES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def compact(value: str) -> str:
    """An IRI as a prefixed name where a project prefix fits (``vocab:target-group/kinder``)."""
    for prefix, namespace in _SORTED_PREFIXES:
        if value.startswith(namespace) and len(value) > len(namespace):
            return f"{prefix}:{value[len(namespace) :]}"
    return value


def cell_text(node: Node | None, lang: str = "de") -> str:
    """A term for people: IRIs compacted, booleans as ja/nein, lists of IRIs compacted item by item."""
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return compact(str(node))
    if isinstance(node, Literal) and node.datatype == XSD.boolean:
        return t("cli.yes" if str(node).lower() in ("true", "1") else "cli.no", lang)
    text = str(node)
    tokens = text.split()
    if tokens and all(_IRI.match(part.split("|", 1)[0]) for part in tokens):
        return " ".join("|".join(compact(x) for x in part.split("|")) for part in tokens)
    return text


def to_table(result: SelectResult, lang: str = "de", *, max_width: int = 60) -> str:
    """An aligned plain-text table for a terminal (cells cut at ``max_width`` with '…')."""
    if not result.rows:
        return t("queries.no_rows", lang)

    def cut(text: str) -> str:
        text = text.replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    rows = [[cut(cell_text(row.get(v), lang)) for v in result.variables] for row in result.rows]
    widths = [max(len(v), *(len(r[i]) for r in rows)) for i, v in enumerate(result.variables)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(list(result.variables)), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    out.append(t("cli.query.rows", lang, n=len(rows)))
    return "\n".join(out)
