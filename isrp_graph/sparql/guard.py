"""A cheap linear look at a SPARQL query before pyoxigraph parses it.

pyoxigraph's parser and planner recurse: ~2,500 nested groups, 5,000 nested parentheses or 20,000
triple patterns overflow the stack and kill the whole process (a segfault no ``try`` can catch). So
every user query is scanned once here (strings, IRIs and comments skipped by the tokenizer) and refused
with a 400 when it is longer, deeper or bigger than the configured limits. The same scan refuses
``SERVICE`` (federation would let anyone make this server fetch any URL) unless the endpoint is on an
explicit allow list.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import isrp_graph.sparql.texts  # noqa: F401  (registers the messages)
from isrp_graph.messages import LocalizedError, t
from isrp_graph.namespaces import PREFIXES
from isrp_graph.store.sparql_text import tokens

_OPEN = {"{", "(", "["}
_CLOSE = {"}", ")", "]"}
_UNARY = {"!", "-", "+", "^"}


class QueryRefused(LocalizedError, ValueError):
    """The query is refused before it runs (too big, too deep, or federated): HTTP 400."""

    status = 400


@dataclass(frozen=True)
class QueryLimits:
    max_length: int = 100_000
    max_depth: int = 100
    max_tokens: int = 20_000
    max_patterns: int = 1_000
    service_allow: tuple[str, ...] = ()


_ENV = {
    "max_length": "ISRP_SPARQL_MAX_LENGTH",
    "max_depth": "ISRP_SPARQL_MAX_DEPTH",
    "max_tokens": "ISRP_SPARQL_MAX_TOKENS",
    "max_patterns": "ISRP_SPARQL_MAX_PATTERNS",
}
SERVICE_ENV = "ISRP_SPARQL_SERVICE_ALLOW"


def setting(name: str, extra: Mapping[str, Any] | None, default: Any) -> Any:
    """``ISRP_<NAME>`` from the environment, else ``<name>`` from the config file, else ``default``."""
    raw = os.environ.get("ISRP_" + name.upper())
    if raw is not None and raw.strip():
        return raw.strip()
    if extra and name in extra:
        return extra[name]
    return default


def limits_from(extra: Mapping[str, Any] | None = None) -> QueryLimits:
    """The limits from ``ISRP_SPARQL_*`` variables or ``sparql_*`` keys of the config file."""
    defaults = QueryLimits()
    values: dict[str, Any] = {}
    for field, env in _ENV.items():
        raw = setting(env[5:].lower(), extra, getattr(defaults, field))
        try:
            values[field] = max(1, int(raw))
        except (TypeError, ValueError):
            from isrp_graph.settings import SettingsError

            raise SettingsError(
                "settings.invalid", name=env, value=raw, reason=t("settings.number", "de")
            ) from None
    allow = setting("sparql_service_allow", extra, "")
    items = allow if isinstance(allow, list | tuple) else str(allow).split(",")
    values["service_allow"] = tuple(str(i).strip() for i in items if str(i).strip())
    return QueryLimits(**values)


def check_query(text: str, limits: QueryLimits | None = None) -> None:
    """Raise ``QueryRefused`` if ``text`` is over a limit or calls a SERVICE not on the allow list."""
    limits = limits or limits_from()
    if len(text) > limits.max_length:
        raise QueryRefused("sparql.too_long", size=len(text), limit=limits.max_length)
    depth = 0
    unary_run = 0
    count = 0
    patterns = 0
    brace_depth = 0
    prefixes: dict[str, str] = dict(PREFIXES)
    pending: list[tuple[str, str]] = []  # the few tokens after PREFIX / SERVICE
    state = ""
    for kind, value, start in tokens(text):
        count += 1
        if count > limits.max_tokens:
            raise QueryRefused("sparql.too_many_tokens", limit=limits.max_tokens)
        if value in _OPEN:
            depth += 1
            brace_depth += value == "{"
            if depth > limits.max_depth:
                raise QueryRefused("sparql.too_deep", limit=limits.max_depth, offset=start)
        elif value in _CLOSE:
            depth = max(0, depth - 1)
            brace_depth = max(0, brace_depth - (value == "}"))
        if kind == "other" and value in _UNARY:
            unary_run += 1
            if unary_run > limits.max_depth:
                raise QueryRefused("sparql.too_deep", limit=limits.max_depth, offset=start)
        else:
            unary_run = 0
        if brace_depth and kind == "other" and value in ".;,":
            patterns += 1
            if patterns > limits.max_patterns:
                raise QueryRefused("sparql.too_many_patterns", limit=limits.max_patterns)
        word = value.upper() if kind == "name" else ""
        if state:
            pending.append((kind, value))
            state = _after(state, pending, prefixes, limits)
            if not state:
                pending = []
            continue
        if word == "PREFIX":
            state = "prefix"
        elif word == "SERVICE":
            state = "service"


def _after(state: str, pending: list[tuple[str, str]], prefixes: dict[str, str], limits: QueryLimits) -> str:
    """Follow a PREFIX declaration (to resolve prefixed SERVICE names) or a SERVICE call."""
    kind, value = pending[-1]
    if state == "prefix":
        if kind == "iri" and len(pending) >= 2:
            prefixes[pending[0][1].rstrip(":")] = value[1:-1]
            return ""
        return "prefix" if len(pending) < 3 else ""
    if kind == "name" and value.upper() == "SILENT":
        return "service"
    endpoint = _endpoint(kind, value, prefixes)
    if endpoint is None or endpoint not in limits.service_allow:
        allowed = ", ".join(limits.service_allow) or t("sparql.none_allowed", "de")
        raise QueryRefused("sparql.service_refused", endpoint=value, allowed=allowed)
    return ""


def _endpoint(kind: str, value: str, prefixes: Mapping[str, str]) -> str | None:
    if kind == "iri":
        return value[1:-1]
    if kind == "name" and ":" in value:
        prefix, local = value.split(":", 1)
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None  # a variable or anything else: never allowed


def uses_service(text: str) -> bool:
    """True if the query calls SERVICE at all (its failures are reported as the remote's)."""
    return any(kind == "name" and value.upper() == "SERVICE" for kind, value, _ in tokens(text))
