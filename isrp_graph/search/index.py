"""The full-text index: one SQLite FTS5 table (stdlib ``sqlite3``, in memory) beside the store.

Every entry (an IRI with a label, description, note or identifier, outside the shapes, the ontology's
own terms and the change records) is one row with five columns: label, alternative labels,
description/definition, notes (editorial notes too) and identifiers (e.g. a Drucksache number). The
columns hold the folded words (``normalise.index_text``); the original texts are kept beside them for
the snippets. A query's words are folded, lightly stemmed and matched as quoted prefixes, so user input
never reaches FTS5 as syntax. The trigram tokenizer lets a word be found inside a compound
("Planung" finds "Jugendhilfeplanung"); words of two or three letters match only at a word start.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from isrp_graph.changes.model import is_record_graph
from isrp_graph.entries import DESCRIPTION_PROPERTIES, LABEL_PROPERTIES
from isrp_graph.namespaces import ISRP, SCHEMA
from isrp_graph.registry import is_shapes_graph
from isrp_graph.search.normalise import index_text
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

FIELDS = ("label", "alt", "description", "notes", "identifier")
FIELD_PROPERTIES: dict[str, tuple[URIRef, ...]] = {
    "label": LABEL_PROPERTIES,
    "alt": (SKOS.altLabel, SKOS.hiddenLabel),
    "description": DESCRIPTION_PROPERTIES,
    "notes": (SKOS.note, SKOS.editorialNote, SKOS.scopeNote, SKOS.example, SKOS.historyNote, SKOS.changeNote),
    "identifier": (DCTERMS.identifier, SKOS.notation, SCHEMA.identifier),
}
# bm25 weight per column: a hit in the name counts most, then identifiers and alternative names
WEIGHTS = (10.0, 6.0, 2.0, 1.0, 8.0)
# the ontology's and the shapes' own terms are not registry entries
SCHEMA_TYPES = {
    OWL.Class,
    RDFS.Class,
    RDF.Property,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.Ontology,
    SH.NodeShape,
    SH.PropertyShape,
    SH.PropertyGroup,
}
_FIELD_OF = {str(p): name for name, props in FIELD_PROPERTIES.items() for p in props}
_CHUNK = 200


@dataclass
class IndexedEntry:
    iri: str
    kinds: set[str] = field(default_factory=set)
    schemes: set[str] = field(default_factory=set)
    illustrative: bool = False
    texts: list[tuple[str, str, str]] = field(default_factory=list)  # (field, lang, text)

    def indexable(self) -> bool:
        return bool(self.texts) and not any(URIRef(k) in SCHEMA_TYPES for k in self.kinds)


def _query(subjects: list[str] | None) -> str:
    props = " ".join(
        sparql_iri(p) for p in (*_FIELD_OF, str(RDF.type), str(SKOS.inScheme), str(ISRP.illustrative))
    )
    values = ""
    if subjects is not None:
        values = "VALUES ?s { " + " ".join(sparql_iri(s) for s in subjects) + " } "
    return (
        f"SELECT ?s ?p ?o ?g WHERE {{ {values}VALUES ?p {{ {props} }} "
        "GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) }"
    )


def read_entries(store: Store, subjects: Iterable[str] | None = None) -> dict[str, IndexedEntry]:
    """The indexable facts of ``subjects`` (all entries when ``None``), read from the store."""
    found: dict[str, IndexedEntry] = {}
    batches: Iterator[list[str] | None]
    if subjects is None:
        batches = iter([None])
    else:
        wanted = sorted({str(s) for s in subjects})
        batches = (wanted[i : i + _CHUNK] for i in range(0, len(wanted), _CHUNK))
    for batch in batches:
        for row in store.select(_query(batch)).rows:
            graph, subject, prop, value = row.get("g"), row.get("s"), str(row.get("p")), row.get("o")
            if graph is None or is_shapes_graph(graph) or is_record_graph(graph):  # type: ignore[arg-type]
                continue
            item = found.setdefault(str(subject), IndexedEntry(str(subject)))
            if prop == str(RDF.type):
                item.kinds.add(str(value))
            elif prop == str(SKOS.inScheme):
                item.schemes.add(str(value))
            elif prop == str(ISRP.illustrative):
                item.illustrative = item.illustrative or (
                    isinstance(value, Literal) and value.toPython() is True
                )
            elif isinstance(value, Literal) and str(value).strip():
                entry_text = (_FIELD_OF[prop], value.language or "", str(value))
                if entry_text not in item.texts:
                    item.texts.append(entry_text)
    return {iri: item for iri, item in found.items() if item.indexable()}


@dataclass
class Row:
    iri: str
    kinds: list[str]
    schemes: list[str]
    illustrative: bool
    texts: list[tuple[str, str, str]]
    rank: float


class SearchIndex:
    """The index of one store. Thread-safe; ``pending`` collects entries touched by writes until the next
    search brings them up to date (only those entries are read again)."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(
            "CREATE TABLE entry(id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL, kinds TEXT NOT NULL, "
            "illustrative INTEGER NOT NULL, texts TEXT NOT NULL);"
            "CREATE VIRTUAL TABLE fts USING fts5(" + ", ".join(FIELDS) + ", "
            "tokenize = 'trigram');"
        )
        self.lock = threading.RLock()
        self.built = False
        self.pending: set[str] = set()
        self.kind_labels: dict[str, dict[str, str]] = {}
        self.builds = 0  # how often the whole store was read (observable for tests and benchmarks)
        self.last_update = 0  # how many entries the last update read again

    def __len__(self) -> int:
        with self.lock:
            return int(self._db.execute("SELECT count(*) FROM entry").fetchone()[0])

    def _put(self, item: IndexedEntry) -> None:
        columns = {name: [] for name in FIELDS}  # type: dict[str, list[str]]
        for name, _lang, text in item.texts:
            columns[name].append(index_text(text))
        # a space before every word: " wo" finds a word start, "wort" anywhere (compounds)
        cursor = self._db.execute(
            "INSERT INTO entry(iri, kinds, illustrative, texts) VALUES (?, ?, ?, ?)",
            (
                item.iri,
                json.dumps([sorted(item.kinds), sorted(item.schemes)]),
                int(item.illustrative),
                json.dumps(item.texts),
            ),
        )
        self._db.execute(
            "INSERT INTO fts(rowid, " + ", ".join(FIELDS) + ") VALUES (?, ?, ?, ?, ?, ?)",
            (cursor.lastrowid, *(" " + " ".join(columns[name]) + " " for name in FIELDS)),
        )

    def _remove(self, iris: Iterable[str]) -> None:
        for iri in iris:
            row = self._db.execute("SELECT id FROM entry WHERE iri = ?", (iri,)).fetchone()
            if row:
                self._db.execute("DELETE FROM fts WHERE rowid = ?", (row[0],))
                self._db.execute("DELETE FROM entry WHERE id = ?", (row[0],))

    def build(self, store: Store) -> int:
        """(Re)build from the whole store; the number of entries indexed."""
        items = read_entries(store)
        with self.lock, self._db:
            self._db.execute("DELETE FROM fts")
            self._db.execute("DELETE FROM entry")
            for item in items.values():
                self._put(item)
            self.built = True
            self.builds += 1
            self.pending.clear()
            self.kind_labels.clear()
        return len(items)

    def update(self, store: Store, touched: Iterable[str]) -> int:
        """Read the ``touched`` entries again (removing those that are gone); the number re-read."""
        wanted = {str(i) for i in touched}
        if not wanted:
            return 0
        items = read_entries(store, wanted)
        with self.lock, self._db:
            self.kind_labels.clear()
            self.last_update = len(wanted)
            self._remove(wanted)
            for item in items.values():
                self._put(item)
        return len(wanted)

    def match(self, expression: str, limit: int) -> tuple[int, list[Row]]:
        """The total number of matches and the best ``limit`` rows for an FTS5 ``expression``."""
        weights = ", ".join(str(w) for w in WEIGHTS)
        with self.lock:
            total = int(
                self._db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()[0]
            )
            rows = self._db.execute(
                f"SELECT e.iri, e.kinds, e.illustrative, e.texts, bm25(fts, {weights}) AS score "
                "FROM fts JOIN entry e ON e.id = fts.rowid WHERE fts MATCH ? ORDER BY score LIMIT ?",
                (expression, limit),
            ).fetchall()
        return total, [
            Row(iri, *json.loads(kinds), bool(ill), [tuple(x) for x in json.loads(texts)], score)  # type: ignore[misc]
            for iri, kinds, ill, texts, score in rows
        ]
