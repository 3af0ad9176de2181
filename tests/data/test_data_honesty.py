"""Data honesty: every registry entry is sourced, examples are marked, labels are German, and
every Erfurt IRI that the data points at is defined somewhere in data/.

Loads every Turtle file under data/ with rdflib (no dependency on the store code). The checks
over all of data/ apply to every data file, whoever writes it; the checks marked "seed files"
apply to the files written from the seed document.

Blank nodes (OWL-Time intervals and instants, PROV associations, postal addresses) are structure
inside a registry entry, not entries: the source of the entry covers them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
ISRP = Namespace("https://w3id.org/isrp/def#")
ERFURT = "https://w3id.org/isrp/erfurt/"
SEED_SOURCE = URIRef(ERFURT + "source/prozessvorschlag-isrp")
SEED_FILES = tuple(
    DATA / "erfurt" / f"{n}.ttl"
    for n in ("sources", "organisations", "participation", "process", "facilities")
)

# Who writes which kind of Erfurt registry entry (docs/conventions.md, "Data files")
OWNER_BY_KIND = {
    "area": "data/erfurt/spatial.ttl",
    "spatial-system": "data/erfurt/spatial.ttl",
    "plan": "data/erfurt/plans.ttl",
    "edition": "data/erfurt/plans.ttl",
    "decision": "data/erfurt/plans.ttl",
    "network": "data/erfurt/networks.ttl",
    "interface": "data/erfurt/relations.ttl",
    "delimitation": "data/erfurt/relations.ttl",
    "measure": "data/erfurt/measures.ttl",
    "need": "data/erfurt/measures.ttl",
    "guideline": "data/erfurt/measures.ttl",
    "indicator": "data/erfurt/measures.ttl",
    "observation": "data/erfurt/measures.ttl",
    "budget": "data/erfurt/measures.ttl",
    "org": "data/erfurt/organisations(-further).ttl",
}


def _parse(paths) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def data() -> Graph:
    return _parse(sorted(DATA.rglob("*.ttl")))


@pytest.fixture(scope="module")
def seed_files() -> Graph:
    return _parse(SEED_FILES)


def _typed_iris(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}


# ---------------------------------------------------------------------------------------------
# All data files
# ---------------------------------------------------------------------------------------------


def test_every_typed_subject_has_a_source(data):
    missing = sorted(str(s) for s in _typed_iris(data) if not list(data.objects(s, DCTERMS.source)))
    assert not missing, f"{len(missing)} typed subjects without dcterms:source: {missing[:20]}"


def test_sources_are_iris(data):
    bad = sorted(
        {(str(s), str(o)) for s, o in data.subject_objects(DCTERMS.source) if not isinstance(o, URIRef)}
    )
    assert not bad, f"dcterms:source must be an IRI (web page or seed source record): {bad[:20]}"


def test_illustrative_entries_say_why(data):
    bare = sorted(
        str(s)
        for s in data.subjects(ISRP.illustrative, Literal(True))
        if not list(data.objects(s, SKOS.editorialNote))
    )
    assert not bare, f"isrp:illustrative true without skos:editorialNote: {bare}"


def test_every_label_has_a_german_version(data):
    subjects = set(data.subjects(RDFS.label, None))
    no_de = sorted(
        str(s)
        for s in subjects
        if not any(isinstance(o, Literal) and o.language == "de" for o in data.objects(s, RDFS.label))
    )
    assert not no_de, f"rdfs:label without @de: {no_de[:20]}"


def test_every_erfurt_iri_used_is_defined(data):
    """The integrity check: an Erfurt IRI used as an object must be a typed entry somewhere in data/."""
    typed = _typed_iris(data)
    missing: dict[str, set[str]] = defaultdict(set)
    for o in data.objects():
        if isinstance(o, URIRef) and str(o).startswith(ERFURT) and o not in typed:
            kind = str(o)[len(ERFURT) :].split("/", 1)[0]
            missing[OWNER_BY_KIND.get(kind, f"(kind '{kind}')")].add(str(o)[len(ERFURT) :])
    report = "; ".join(f"{owner}: {sorted(iris)}" for owner, iris in sorted(missing.items()))
    assert not missing, f"Erfurt IRIs used but not defined (by expected file): {report}"


# ---------------------------------------------------------------------------------------------
# Seed files (sources, organisations, participation, process, facilities)
# ---------------------------------------------------------------------------------------------


def test_seed_files_entries_have_german_and_english_labels(seed_files):
    missing = []
    for s in _typed_iris(seed_files):
        langs = {o.language for o in seed_files.objects(s, RDFS.label) if isinstance(o, Literal)}
        if not {"de", "en"} <= langs:
            missing.append(str(s))
    assert not missing, f"entries without both @de and @en rdfs:label: {sorted(missing)}"


def test_seed_files_cite_described_sources(seed_files):
    """Every source cited in the seed files is described (typed, titled) in sources.ttl."""
    sources = _parse([DATA / "erfurt" / "sources.ttl"])
    described = _typed_iris(sources)
    cited = set(seed_files.objects(None, DCTERMS.source))
    assert SEED_SOURCE in cited
    undescribed = sorted(str(c) for c in cited if c not in described)
    assert not undescribed, f"sources cited but not described in sources.ttl: {undescribed}"


def test_seed_files_web_sources_only_where_needed(seed_files):
    """Entries written from the seed cite it; an entry with only web sources must not be a seed
    body, step, membership or milestone."""
    for s in _typed_iris(seed_files):
        rel = str(s)[len(ERFURT) :] if str(s).startswith(ERFURT) else ""
        if rel.split("/", 1)[0] in {
            "body",
            "format",
            "step",
            "membership",
            "milestone",
            "phase",
            "content",
            "instrument",
        }:
            assert SEED_SOURCE in set(seed_files.objects(s, DCTERMS.source)), s


# ASCII spellings of German umlauts/ß that must not appear in German text
_TRANSLITERATIONS = re.compile(
    r"\b(?:fuer|ueber|Buerger\w*|\w*buerger\w*|Massnahm\w*|\w*strasse|oeffentlich\w*|Traeger\w*|Aemter|"
    r"Thueringen|Suedost|Gruendung|Behoerde\w*|Buero\w*|Laender|Aenderung\w*|Rueck\w*|Uebersicht)\b"
)


def test_seed_files_german_text_has_umlauts(seed_files):
    bad = sorted(
        {
            str(o)
            for o in seed_files.objects()
            if isinstance(o, Literal) and o.language == "de" and _TRANSLITERATIONS.search(str(o))
        }
    )
    # "BüroSoziale" is a proper name written with ü; nothing in German text may be transliterated
    assert not bad, f"German literals with transliterated umlauts: {bad}"


def test_illustrative_only_where_the_seed_says_so(seed_files):
    """Illustrative entries of the seed files: the "z.B." memberships and the external moderation."""
    illustrative = {str(s)[len(ERFURT) :] for s in seed_files.subjects(ISRP.illustrative, Literal(True))}
    zb = {
        str(m)[len(ERFURT) :]
        for m, n in seed_files.subject_objects(ISRP.membershipNote)
        if str(n).startswith("z.B.")
    }
    assert illustrative == zb | {"org/externe-moderation"}
