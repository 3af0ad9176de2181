"""What a finding rests on, and which entries are examples.

**Basis** of a finding (every gap, deadline, ended-term and overlap row says which):

- ``belegt`` (``evidenced``): the registry holds a sourced record of the gap itself — a statement that it
  exists (``isrp:gapEvidence``), a plan recorded as expired (status ``ausgelaufen``), or a deadline for
  the next update set by a decision (``isrp:updateDeadline``) or an extended term (``isrp:termExtendedTo``)
  that has passed;
- ``nicht im Register erfasst`` (``not-recorded``): the finding follows only from a record the registry
  does not hold — no plan or measure naming a group, no edition after the last one found, a due date
  computed from an update cycle. It may mean that data is missing, not that planning is.
- ``Beispiel`` (``example``): the entry is marked ``isrp:illustrative``; it only appears when examples
  are asked for and never counts.

Editorial notes (``skos:editorialNote``, e.g. "eine spätere Fassung wurde nicht gefunden") of the entry a
finding is about are shown beside it. All facts come from one query per analysis over the entries the
findings name (``entry_facts``), so the cost grows with the findings, not with the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rdflib import Literal

from isrp_graph.analyses.common import as_date, lookups_for
from isrp_graph.analyses.plain import plain_names
from isrp_graph.messages import normalise_lang, t
from isrp_graph.scope import own_or_shared
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

EVIDENCED = "evidenced"
NOT_RECORDED = "not-recorded"
EXAMPLE = "example"
BASES = (EVIDENCED, NOT_RECORDED, EXAMPLE)

ISRP = "https://w3id.org/isrp/def#"
DCTERMS = "http://purl.org/dc/terms/"
STATUS = "https://w3id.org/isrp/vocab/status/"
EXPIRED = STATUS + "ausgelaufen"
DRAFTS = (STATUS + "entwurf", STATUS + "in-vorbereitung")
UPDATING = STATUS + "in-fortschreibung"
WHOLE_CITY = "https://w3id.org/isrp/vocab/spatial-unit-type/stadt"

_FACT_PROPERTIES = {
    ISRP + "illustrative": "illustrative",
    "http://www.w3.org/2004/02/skos/core#editorialNote": "note",
    ISRP + "gapEvidence": "gap",
    ISRP + "status": "status",
    ISRP + "termExtendedTo": "extended",
    ISRP + "generalPopulation": "general",
    DCTERMS + "isPartOf": "partOf",
    DCTERMS + "hasPart": "hasPart",
    DCTERMS + "isReplacedBy": "replacedBy",
    DCTERMS + "replaces": "replaces",
    "http://www.w3.org/ns/prov#wasRevisionOf": "revisionOf",
    DCTERMS + "source": "source",
    ISRP + "spatialUnitType": "unitType",
    ISRP + "responsibleOrganization": "office",
    "http://www.w3.org/2004/02/skos/core#altLabel": "altLabel",
}
_FACTS = """
SELECT ?thing ?property ?value WHERE {{
  VALUES ?thing {{ {values} }}
  {{ VALUES ?property {{ {properties} }} ?thing ?property ?value }}
  UNION {{
    ?thing <https://w3id.org/isrp/def#term>/<http://www.w3.org/2006/time#hasEnd>
           /<http://www.w3.org/2006/time#inXSDDate> ?value
    BIND("termEnd" AS ?property)
  }}
}}
"""
_CHUNK = 400


@dataclass
class EntryFacts:
    """The facts of one entry the analyses need to judge a finding's basis."""

    iri: str
    illustrative: bool = False
    notes: dict[str, list[str]] = field(default_factory=dict)  # language -> texts
    gap_evidence: list[str] = field(default_factory=list)
    status: str | None = None
    term_end: date | None = None
    extended_to: date | None = None
    general_population: bool = False
    sourced: bool = False
    unit_type: str | None = None
    alt_labels: list[str] = field(default_factory=list)
    links: dict[str, set[str]] = field(default_factory=dict)  # partOf/hasPart/replacedBy/... -> IRIs

    def notes_in(self, lang: str) -> tuple[str, ...]:
        """The editorial notes in ``lang`` (else German, untagged, any), RDF names in plain words, sorted
        (a store returns several notes of one entry in no fixed order)."""
        for wanted in (lang, "de", ""):
            if self.notes.get(wanted):
                return tuple(sorted(plain_names(n, lang) for n in self.notes[wanted]))
        return tuple(sorted(plain_names(n, lang) for texts in self.notes.values() for n in texts))

    @property
    def end(self) -> date | None:
        """The end of the term, an extension replacing the original end."""
        return self.extended_to or self.term_end

    def expired_at(self, day: date) -> bool:
        if self.status == EXPIRED:
            return True
        return self.end is not None and self.end < day and self.status != UPDATING

    @property
    def draft(self) -> bool:
        return self.status in DRAFTS


class Facts:
    """Facts of many entries, fetched in one query per chunk; unknown IRIs get empty facts. Facts fetched
    before in the same ``common.shared_lookups`` block are reused."""

    def __init__(self, store: Store, iris: Iterable[str] = ()) -> None:
        self.store = store
        shared = lookups_for(store)
        self._known: dict[str, EntryFacts] = shared.facts if shared else {}
        self.add(iris)

    def add(self, iris: Iterable[str]) -> None:
        wanted = sorted({i for i in iris if i and i not in self._known})
        properties = " ".join(sparql_iri(p) for p in _FACT_PROPERTIES)
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            values = []
            for item in chunk:
                self._known[item] = EntryFacts(item)
                try:
                    values.append(sparql_iri(item))
                except ValueError:
                    continue
            if not values:
                continue
            rows = self.store.select(_FACTS.format(values=" ".join(values), properties=properties)).rows
            for row in rows:
                self._record(self._known[str(row["thing"])], str(row["property"]), row["value"])

    @staticmethod
    def _record(facts: EntryFacts, prop: str, node: object) -> None:
        kind = "termEnd" if prop == "termEnd" else _FACT_PROPERTIES.get(prop)
        text = str(node)
        if kind == "illustrative":
            facts.illustrative = facts.illustrative or text.lower() in ("true", "1")
        elif kind == "general":
            facts.general_population = facts.general_population or text.lower() in ("true", "1")
        elif kind == "note":
            tag = (node.language or "").lower()[:2] if isinstance(node, Literal) else ""
            facts.notes.setdefault(tag, []).append(text)
        elif kind == "gap":
            facts.gap_evidence.append(text)
        elif kind == "status":
            facts.status = text
        elif kind == "termEnd":
            end = as_date(node)  # type: ignore[arg-type]
            if end is not None and (facts.term_end is None or end > facts.term_end):
                facts.term_end = end
        elif kind == "extended":
            facts.extended_to = as_date(node)  # type: ignore[arg-type]
        elif kind == "source":
            facts.sourced = True
        elif kind == "unitType":
            facts.unit_type = text
        elif kind == "altLabel":
            facts.alt_labels.append(text)
        elif kind is not None:
            facts.links.setdefault(kind, set()).add(text)

    def __getitem__(self, iri: str) -> EntryFacts:
        if iri not in self._known:
            self.add([iri])
        return self._known.get(iri) or EntryFacts(iri)

    def illustrative(self, iri: str) -> bool:
        return self[iri].illustrative

    def notes(self, iri: str, lang: str) -> tuple[str, ...]:
        return self[iri].notes_in(normalise_lang(lang))


_EXAMPLE_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?entry) AS ?n) WHERE {
  ?entry <https://w3id.org/isrp/def#illustrative> true ; a ?class .
  #SCOPE#
} GROUP BY ?class
"""


def example_counts(store: Store, kommunen: Iterable[str] = ()) -> dict[str, int]:
    """Class IRI -> number of its entries marked ``isrp:illustrative`` (to take them out of counts);
    with ``kommunen`` those of the municipalities' entries and the shared ones only."""
    query = _EXAMPLE_COUNTS.replace("#SCOPE#", own_or_shared("entry", kommunen))
    return {str(r["class"]): int(str(r["n"])) for r in store.select(query).rows}


_FILLER = ("Erfurter", "Der", "Die", "Das")
_TRAILING = ("der", "die", "das", "zur", "zum", "und", "in", "für", "von", "–", "-")
_PARENTHESIS = re.compile(r"\(([^()]+)\)")


def abbreviation(label: str, alt_labels: list[str], limit: int = 18) -> str:
    """A short name for a column head: the shortest alternative label that fits, else a short form in
    parentheses ("(KlimAdapTiT)"), else the label cut after whole words with "…"."""
    candidates = [a for a in alt_labels if 0 < len(a) <= limit]
    candidates += [m for m in _PARENTHESIS.findall(label) if len(m) <= limit]
    if candidates:
        return sorted(candidates, key=lambda a: (len(a), a))[0]
    if len(label) <= limit:
        return label
    words = label.split()
    while len(words) > 1 and words[0] in _FILLER:
        words = words[1:]
    short = ""
    for word in words:
        if len(short) + len(word) + (1 if short else 0) > limit:
            break
        short = f"{short} {word}" if short else word
    kept = short.split()
    while len(kept) > 1 and kept[-1] in _TRAILING:
        kept.pop()
    return (" ".join(kept) or words[0][: limit - 1]) + "…"


def basis_label(basis: str, lang: str) -> str:
    return t(f"analysis.basis.{basis}", lang)


def german_date(day: date | None, lang: str = "de") -> str:
    """01.04.2021 in German, 2021-04-01 in English; empty for None."""
    if day is None:
        return ""
    return day.strftime("%d.%m.%Y") if normalise_lang(lang) == "de" else day.isoformat()


def number_text(value: int | float, lang: str = "de", decimals: int = 0) -> str:
    """1.234 / 1.234,5 in German, 1,234 / 1,234.5 in English."""
    text = f"{value:,.{decimals}f}"
    if normalise_lang(lang) == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def parse_stichtag(text: str) -> date:
    """``TT.MM.JJJJ`` (German) or ``JJJJ-MM-TT``; ``ValueError`` otherwise."""
    value = text.strip()
    if len(value) == 10 and value[2] == "." and value[5] == ".":
        day, month, year = value.split(".")
        return date(int(year), int(month), int(day))
    return date.fromisoformat(value)
