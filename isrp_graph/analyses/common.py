"""What every analysis shares: labelled references, evidence pairs, label look-up, parsing of the list
cells the named queries return, and German-friendly sorting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from isrp_graph.messages import normalise_lang
from isrp_graph.queries import get_query, run_named
from isrp_graph.store.base import SelectResult, Store
from isrp_graph.store.sparql_text import iri as sparql_iri

REGISTRY_BASE = "https://w3id.org/isrp/"


@dataclass(frozen=True, order=True)
class Ref:
    """An entry of the registry: its IRI and its label in the analysis language."""

    iri: str
    label: str

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Match:
    """Evidence that two things meet: the same concept/area (``a == b``) or two concepts/areas where one
    is broader than or contains the other (``a`` belongs to the first plan, ``b`` to the second)."""

    a: Ref
    b: Ref

    @property
    def exact(self) -> bool:
        return self.a.iri == self.b.iri

    def __str__(self) -> str:
        return self.a.label if self.exact else f"{self.a.label} ↔ {self.b.label}"


_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "a", "Ö": "o", "Ü": "u"})


@lru_cache(maxsize=65536)
def sort_key(text: str) -> str:
    """Sort German labels as a German reader expects (Ä with A, not after Z), case-insensitive."""
    return text.translate(_UMLAUTS).casefold()


def ref_key(ref: Ref) -> tuple[str, str]:
    return (sort_key(ref.label), ref.iri)


def iri_list(node: Node | None) -> list[str]:
    """The IRIs of a space-separated list cell (empty for None or '')."""
    return [] if node is None else str(node).split()


def match_list(node: Node | None) -> list[tuple[str, str]]:
    """``A`` or ``A|B`` items of a list cell as ``(a, b)`` pairs (``a == b`` for an exact match)."""
    pairs = []
    for item in iri_list(node):
        a, _, b = item.partition("|")
        pairs.append((a, b or a))
    return pairs


def value(node: Node | None) -> str | None:
    return None if node is None else str(node)


def as_bool(node: Node | None) -> bool:
    return node is not None and str(node).lower() in ("true", "1")


def as_date(node: Node | None) -> date | None:
    if node is None:
        return None
    try:
        return date.fromisoformat(str(node)[:10])
    except ValueError:
        return None


def local_name(iri: str) -> str:
    """The last segment of an IRI, the fallback label."""
    stripped = iri.rstrip("/#")
    for separator in ("#", "/"):
        if separator in stripped:
            stripped = stripped.rsplit(separator, 1)[1]
    return stripped or iri


# One VALUES block and a FILTER: pyoxigraph joins two VALUES blocks before the triple pattern, which
# made label look-ups about 14 times slower (measured on 500 IRIs).
_LABELS = """
SELECT ?thing ?property ?label WHERE {{
  VALUES ?thing {{ {values} }}
  ?thing ?property ?label .
  FILTER (?property IN ({properties}))
}}
"""
# short citation forms first (untagged), then the usual labels by language, then long titles
_SHORT = ("https://w3id.org/isrp/def#provisionLabel", "http://data.europa.eu/eli/ontology#title_short")
_LABEL_PROPERTIES = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://data.europa.eu/eli/ontology#title",
)
_CHUNK = 500


def _best_label(options: list[tuple[str, str, str]], lang: str) -> str | None:
    """Pick from ``(property, language, text)``: a short citation form, else a label in ``lang``, in
    German, untagged, any — rdfs:label before skos:prefLabel before eli:title at each step."""
    for prop in _SHORT:
        for option in options:
            if option[0] == prop:
                return option[2]
    for wanted in (lang, "de", ""):
        for prop in _LABEL_PROPERTIES:
            for option in options:
                if option[0] == prop and option[1] == wanted:
                    return option[2]
    return options[0][2] if options else None


def fetch_labels(store: Store, iris: Iterable[str], lang: str = "de") -> dict[str, str]:
    """A label for each IRI (see ``_best_label``; fallback: the local name). IRIs are serialised safely
    (checked) into a VALUES block; nothing else is put in the query."""
    wanted = sorted({i for i in iris if i})
    lang = normalise_lang(lang)
    properties = ", ".join(sparql_iri(p) for p in (*_SHORT, *_LABEL_PROPERTIES))
    found: dict[str, list[tuple[str, str, str]]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = []
        for item in wanted[start : start + _CHUNK]:
            try:
                chunk.append(sparql_iri(item))
            except ValueError:
                continue
        if not chunk:
            continue
        result = store.select(_LABELS.format(values=" ".join(chunk), properties=properties))
        for row in result.rows:
            label = row["label"]
            if isinstance(label, Literal):
                tag = (label.language or "").lower()[:2]
                found.setdefault(str(row["thing"]), []).append((str(row["property"]), tag, str(label)))
    labels = {}
    for item in wanted:
        options = sorted(found.get(item, []))
        labels[item] = _best_label(options, lang) or local_name(item)
    return labels


@dataclass
class SharedLookups:
    """Labels (per language), entry facts (``basis.EntryFacts`` by IRI) and named-query results
    (``run``) of one store, fetched once for all analyses of one run (``shared_lookups``): most entries
    (plans, offices, concepts) appear in several analyses, and some queries serve two of them."""

    store: Store
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    results: dict[tuple[object, ...], SelectResult] = field(default_factory=dict)  # of ``run``


_SHARED: ContextVar[SharedLookups | None] = ContextVar("isrp_shared_lookups", default=None)


@contextmanager
def shared_lookups(store: Store) -> Iterator[SharedLookups]:
    """Within this block every ``Labeller`` and ``basis.Facts`` of ``store`` share what they fetched
    (in this thread or task only; nested blocks for the same store share the outer one). Use it around
    analyses that read the same store state, e.g. ``registry.run_all``."""
    current = _SHARED.get()
    if current is not None and current.store is store:
        yield current
        return
    lookups = SharedLookups(store)
    token = _SHARED.set(lookups)
    try:
        yield lookups
    finally:
        _SHARED.reset(token)


def lookups_for(store: Store) -> SharedLookups | None:
    """The lookups shared in the current ``shared_lookups`` block of ``store`` (else None)."""
    current = _SHARED.get()
    return current if current is not None and current.store is store else None


class Labeller:
    """Collects IRIs while rows are read, then resolves all labels with one query (labels fetched before
    in the same ``shared_lookups`` block are reused)."""

    def __init__(self, store: Store, lang: str) -> None:
        self.store = store
        self.lang = normalise_lang(lang)
        shared = lookups_for(store)
        self._fetched: dict[str, str] = shared.labels.setdefault(self.lang, {}) if shared else {}
        self._named: dict[str, str] = {}  # labels given by the analysis, never shared

    def prime(self, iris: Iterable[str]) -> None:
        fetched, named = self._fetched, self._named
        missing = [i for i in iris if i and i not in fetched and i not in named]
        if missing:
            fetched.update(fetch_labels(self.store, missing, self.lang))

    def name(self, iri: str, label: str) -> None:
        """Use ``label`` for ``iri`` (e.g. a municipality node standing for "city-wide")."""
        self._named[iri] = label

    def ref(self, iri: str) -> Ref:
        label = self._named.get(iri)
        if label is None:
            label = self._fetched.get(iri)
            if label is None:
                self.prime([iri])
                label = self._fetched[iri]
        return Ref(iri, label)

    def maybe(self, node: Node | None) -> Ref | None:
        return None if node is None or str(node) == "" else self.ref(str(node))

    def refs(self, iris: Iterable[str]) -> tuple[Ref, ...]:
        items = list(dict.fromkeys(iris))
        self.prime(items)
        return tuple(sorted((self.ref(i) for i in items), key=ref_key))

    def matches(self, pairs: Iterable[tuple[str, str]]) -> tuple[Match, ...]:
        items = list(dict.fromkeys(pairs))
        self.prime([x for pair in items for x in pair])
        found = (Match(self.ref(a), self.ref(b)) for a, b in items)
        return tuple(sorted(found, key=lambda m: (not m.exact, ref_key(m.a), ref_key(m.b))))


_KEY_BIND = re.compile(r"^\s*BIND\(COALESCE\(\?\w+, <urn:isrp:none>\) AS \?(\w+Key)\)\s*$")
_KEY_LABEL = re.compile(r"^\s*OPTIONAL \{ \?(\w+Key) [^{}]*\}\s*$")
_LABEL_BIND = re.compile(r"^\s*BIND\(.* AS \?(\w+Label0)\)\s*$")
_LABEL_SAMPLE = re.compile(r"\(SAMPLE\(\?(\w+Label0)\) AS \?(\w+Label)\)")
_ORDER = re.compile(r"^ORDER BY (.*)$", re.MULTILINE)
_VARIABLE = re.compile(r"[?$](\w+)")


@lru_cache(maxsize=64)
def without_labels(text: str) -> str:
    """A named query without its label columns (``?xLabel``, from the ``?xKey`` label lines of
    queries/README.md): the analyses label their findings themselves (``Labeller``), and the label
    joins are about a quarter of a query's time. Only the label lines, their ``SAMPLE`` columns and
    their ``ORDER BY`` keys go; the query is kept whole when it is not grouped (a label join could
    then repeat rows) or when anything else uses a variable the label lines made."""
    if "GROUP BY" not in text.rsplit("}", 1)[-1]:
        return text
    kept, made = [], set()
    for line in text.split("\n"):
        match = _KEY_BIND.match(line) or _LABEL_BIND.match(line)
        if match:
            made.add(match.group(1))
            continue
        if _KEY_LABEL.match(line):
            made.update(_VARIABLE.findall(line))
            continue
        kept.append(line)
    rewritten = "\n".join(kept)
    for match in _LABEL_SAMPLE.finditer(rewritten):
        made.update(match.groups())
    rewritten = _LABEL_SAMPLE.sub("", rewritten)

    def order(match: re.Match[str]) -> str:
        keys = [k for k in match.group(1).split() if k.lstrip("?$") not in made]
        return f"ORDER BY {' '.join(keys)}" if keys else ""

    rewritten = _ORDER.sub(order, rewritten)
    made = {m for m in made if not m.startswith("_")}  # parameters (?_lang) stay bound where used
    if made & set(_VARIABLE.findall(rewritten)):
        return text  # something else needs a label variable: keep the query as written
    return rewritten


def run(
    store: Store,
    name: str,
    lang: str,
    params: Mapping[str, str] | None = None,
    kommunen: Sequence[str] = (),
    *,
    labels: bool = False,
) -> SelectResult:
    """Run a named query (the analyses' only way to ask the store something, besides labels) without
    its label columns (``without_labels``; ``labels=True``: as written). With ``kommunen``
    (municipality IRIs) a query with the parameter ``kommune`` runs once per municipality (bound in
    each of its groups, so each run costs what that municipality holds) and the rows are joined; empty
    ``kommunen``: one run over every municipality, each compared only with itself. In a
    ``shared_lookups`` block the same call returns the result of the first (callers never change it)."""
    shared = lookups_for(store)
    key = (name, normalise_lang(lang), tuple(sorted((params or {}).items())), tuple(kommunen), labels)
    if shared is not None and key in shared.results:
        return shared.results[key]
    rewrite = None if labels else without_labels
    if not kommunen or get_query(name).parameter("kommune") is None:
        result = run_named(store, name, dict(params or {}), lang, rewrite=rewrite)
    else:
        result = merged_rows(
            run_named(store, name, {**dict(params or {}), "kommune": kommune}, lang, rewrite=rewrite)
            for kommune in dict.fromkeys(kommunen)
        )
    if shared is not None:
        shared.results[key] = result
    return result


def merged_rows(results: Iterable[SelectResult]) -> SelectResult:
    """One result of the rows of ``results`` (one per municipality), each distinct row once, in order."""
    merged: SelectResult | None = None
    seen: set[tuple[tuple[str, object], ...]] = set()
    for result in results:
        if merged is None:
            merged = SelectResult(list(result.variables))
        for row in result.rows:
            key = tuple(sorted(row.items(), key=lambda item: item[0]))
            if key not in seen:
                seen.add(key)
                merged.rows.append(row)
    assert merged is not None, "at least one result"
    return merged


def municipality_name(iri: str) -> str:
    """A municipality node's short name for "gesamtstädtisch (…)": its registry path segment in title
    case (``…/erfurt/org/stadt`` -> ``Erfurt``), as the analyses have always written it."""
    if iri.startswith(REGISTRY_BASE):
        segment = iri[len(REGISTRY_BASE) :].split("/", 1)[0]
        return segment.replace("-", " ").title()
    return local_name(iri)


def iri_of(node: Node | None) -> str:
    return str(node) if isinstance(node, URIRef) else ""
