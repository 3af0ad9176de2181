"""RDF names in free text (editorial notes, validation messages) in plain words for planners.

Editorial notes were written by people who think in the vocabulary ("Keine isrp:assignedPlan"); a
planner reads „zugeordnete Planung“ instead. Names of the ISRP ontology get their German or English
``rdfs:label`` from ontology/isrp.ttl (read once); other reused terms (``skos:editorialNote``) get the
label registered as message ``term.<IRI>`` where the web app has one; anything else loses its prefix."""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from isrp_graph.messages import MESSAGES, normalise_lang, register, t
from isrp_graph.namespaces import PREFIXES
from isrp_graph.resources import ontology_dir

# reused classes that validation reports name as the kind of an entry
register(
    {
        "plain.term.http://www.w3.org/ns/org#Membership": {"de": "Mitgliedschaft", "en": "membership"},
        "plain.term.http://data.europa.eu/eli/ontology#LegalResourceSubdivision": {
            "de": "Rechtsvorschrift (Paragraf)",
            "en": "legal provision (section)",
        },
        "plain.term.http://data.europa.eu/eli/ontology#LegalResource": {"de": "Gesetz", "en": "law"},
    }
)
_ENTRY_PREFIXES = ("erfurt", "vocab", "law", "isrps")  # entries, not terms: left as written
_NAME = re.compile(r"(?<![\w/#:.-])([a-z][a-z0-9]*):([A-Za-z_][A-Za-z0-9_]*)")


@lru_cache(maxsize=1)
def _ontology_labels() -> dict[str, dict[str, str]]:
    graph = Graph()
    try:
        graph.parse(ontology_dir() / "isrp.ttl")
    except (OSError, ValueError):  # no ontology shipped: names only lose their prefix
        return {}
    labels: dict[str, dict[str, str]] = {}
    for subject, label in graph.subject_objects(RDFS.label):
        if isinstance(label, Literal):
            labels.setdefault(str(subject), {}).setdefault(label.language or "", str(label))
    return labels


def term_label(iri: str, lang: str = "de") -> str | None:
    """The label of an ontology or reused vocabulary term, or None."""
    lang = normalise_lang(lang)
    found = _ontology_labels().get(iri)
    if found:
        return found.get(lang) or found.get("de") or next(iter(found.values()))
    for key in (f"term.{iri}", f"plain.term.{iri}"):
        if key in MESSAGES:
            return t(key, lang)
    return None


def plain_names(text: str, lang: str = "de") -> str:
    """``isrp:legalBasis`` -> „Rechtsgrundlage“ (German quotes) / 'legal basis' (English)."""
    lang = normalise_lang(lang)
    opening, closing = ("„", "“") if lang == "de" else ("'", "'")

    def replace(match: re.Match[str]) -> str:
        prefix, local = match.group(1), match.group(2)
        namespace = PREFIXES.get(prefix)
        if namespace is None or prefix in _ENTRY_PREFIXES:
            return match.group(0)
        label = term_label(str(namespace) + local, lang)
        return f"{opening}{label}{closing}" if label else local

    return _NAME.sub(replace, text)
