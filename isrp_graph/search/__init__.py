"""Full-text search over the registry (SQLite FTS5, see ``index``): ``build_index(store)``,
``update_index(store, touched_iris)`` and ``search(store, query, lang, limit)``.

Each store gets one index, built lazily at its first search. A commit listener
(``isrp_graph.writes.add_commit_listener``) notes the entries every write touched; the next search reads
only those entries again before it answers. No web code here.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable

from rdflib import URIRef

from isrp_graph.changes.commit import add_commit_listener
from isrp_graph.entries import labels
from isrp_graph.messages import MESSAGES, normalise_lang, t
from isrp_graph.namespaces import ISRP
from isrp_graph.search import texts as _texts  # noqa: F401  (registers search.* messages)
from isrp_graph.search.index import Row, SearchIndex
from isrp_graph.search.normalise import tokens, variants
from isrp_graph.search.results import Group, Hit, Results, mark, matches, window
from isrp_graph.store.base import Store

__all__ = [
    "MAX_QUERY",
    "MAX_WORDS",
    "Results",
    "SearchIndex",
    "build_index",
    "index_for",
    "search",
    "update_index",
]

MAX_QUERY = 200
MAX_WORDS = 10
MAX_LIMIT = 200
CANDIDATES = 400  # re-ranked by how well the names match; the rest only counts
_indexes: weakref.WeakKeyDictionary[Store, SearchIndex] = weakref.WeakKeyDictionary()
_guard = threading.Lock()
# where a hit is shown from when it is not in the name, in this order
_SNIPPET_ORDER = ("alt", "identifier", "description", "notes")


def _on_commit(touched: frozenset[URIRef], version: int) -> None:
    with _guard:
        live = list(_indexes.values())
    for index in live:
        if index.built:
            with index.lock:
                index.pending.update(str(i) for i in touched)


add_commit_listener(_on_commit)


def index_for(store: Store) -> SearchIndex:
    """The store's index (empty and unbuilt at first)."""
    with _guard:
        index = _indexes.get(store)
        if index is None:
            index = _indexes[store] = SearchIndex()
        return index


def build_index(store: Store) -> SearchIndex:
    """Build (or rebuild) the store's index from the whole store."""
    index = index_for(store)
    with index.lock:
        index.build(store)
    return index


def update_index(store: Store, touched_iris: Iterable[URIRef | str]) -> int:
    """Bring the entries ``touched_iris`` up to date (added, changed or removed); builds the index first
    if it has never been built. The number of entries read again."""
    index = index_for(store)
    with index.lock:
        if not index.built:
            index.build(store)
            return 0
        return index.update(store, touched_iris)


def _ready(store: Store) -> SearchIndex:
    index = index_for(store)
    with index.lock:
        if not index.built:
            index.build(store)
        elif index.pending:
            touched, index.pending = set(index.pending), set()
            index.update(store, touched)
    return index


INFIX = 4  # query prefixes this long are also found inside words (compounds); shorter ones at a word start


def _quoted(prefix: str) -> str:
    # words hold only letters and digits; quotes are doubled anyway, so nothing is read as FTS5 syntax
    text = prefix if len(prefix) >= INFIX else " " + prefix
    return '"' + text.replace('"', '""') + '"'


def _expression(words: list[str]) -> str:
    parts = []
    for word in words:
        options = variants(word)
        parts.append(
            _quoted(options[0]) if len(options) == 1 else "(" + " OR ".join(map(_quoted, options)) + ")"
        )
    return " AND ".join(parts)


def _pick(texts: list[tuple[str, str, str]], name: str, lang: str) -> list[str]:
    chosen = [x for f, lg, x in texts if f == name and lg == lang]
    chosen += [x for f, lg, x in texts if f == name and lg in ("", "de") and lg != lang]
    chosen += [x for f, lg, x in texts if f == name and lg not in ("", "de", lang)]
    return chosen


def _primary_kind(row: Row) -> str | None:
    """The kind a hit is grouped under: its own ontology class, else a concept's scheme, else any class."""
    own = [k for k in row.kinds if k.startswith(str(ISRP))]
    if own:
        return own[0]
    if row.schemes:
        return row.schemes[0]
    return (row.kinds or [None])[0]


def _kind_labels(store: Store, index: SearchIndex, kinds: set[str], lang: str) -> dict[str, str]:
    """German/English names of kinds: the catalogue's (``search.kind.<IRI>``) or the store's labels,
    cached in the index until the next write."""
    cache = index.kind_labels.setdefault(lang, {})
    missing = {k for k in kinds if k not in cache}
    catalogued = {k: t("search.kind." + k, lang) for k in missing if "search.kind." + k in MESSAGES}
    cache.update(catalogued)
    if missing - set(catalogued):
        cache.update(labels(store, missing - set(catalogued), lang))
    return cache


def _hit(row: Row, stems: list[str], lang: str, kind_labels: dict[str, str]) -> Hit:
    names = _pick(row.texts, "label", lang)
    label_text = names[0] if names else row.iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    label, in_label = mark(label_text, stems)
    kind = _primary_kind(row)
    hit = Hit(
        iri=row.iri,
        label=label,
        kind=kind,
        kind_label=kind_labels.get(kind or "", t("search.kind.other", lang)),
        illustrative=row.illustrative,
        score=row.rank,
    )
    if in_label:
        return hit
    for name in ("label", *_SNIPPET_ORDER):
        for text in _pick(row.texts, name, lang):
            if name == "label" and text == label_text:
                continue
            if mark(text, stems)[1]:
                hit.where, hit.field_label = name, t(f"search.field.{name}", lang)
                hit.snippet = window(text, stems)
                return hit
    return hit


def _name_quality(row: Row, words: list[str], stems: list[str]) -> int:
    """How well the entry's names match: 3 a name word is a query word, 2 a name word starts with a
    query word's stem, 1 a name contains it, 0 only other texts do (ranked before bm25)."""
    best = 0
    for name, _lang, text in row.texts:
        if name != "label":
            continue
        for word in tokens(text):
            if word in words:
                return 3
            if any(word.startswith(s) for s in stems):
                best = 2
            elif best < 1 and matches(word, stems):
                best = 1
    return best


def search(store: Store, query: str, lang: str = "de", limit: int = 50) -> Results:
    """The entries matching every word of ``query`` (as a prefix, German word forms folded), best first,
    grouped by kind. Input that cannot be searched gives no hits and a ``notice``, never an error."""
    lang = normalise_lang(lang)
    query = query or ""
    results = Results(query=query, lang=lang)
    if not query.strip():
        return results
    if len(query) > MAX_QUERY:
        results.notice = t("search.too_long", lang, max=MAX_QUERY)
        return results
    words = list(dict.fromkeys(tokens(query)))[:MAX_WORDS]
    if not words:
        results.notice = t("search.no_words", lang)
        return results
    words = [w for w in words if len(w) > 1]  # a single letter cannot be searched (and says little)
    results.words = words
    if not words:
        results.notice = t("search.too_short", lang)
        return results
    stems = [v for w in words for v in variants(w)]
    index = _ready(store)
    limit = max(1, min(limit, MAX_LIMIT))
    total, rows = index.match(_expression(words), CANDIDATES)
    results.total = total
    rows = sorted(rows, key=lambda row: (-_name_quality(row, words, stems), row.rank))[:limit]
    kinds = {k for row in rows if (k := _primary_kind(row))}
    kind_labels = _kind_labels(store, index, kinds, lang)
    groups: dict[str, Group] = {}  # by the kind's name: two classes may share one
    for row in rows:
        hit = _hit(row, stems, lang, kind_labels)
        group = groups.get(hit.kind_label)
        if group is None:
            group = groups[hit.kind_label] = Group(hit.kind, hit.kind_label, [])
        group.hits.append(hit)
    results.groups = list(groups.values())  # in the order of each group's best hit
    return results
