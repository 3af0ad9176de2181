"""The ontology, the SKOS vocabularies and the shapes parse, and every term is named and defined in German and
English. The vocabularies hold exactly the concepts that docs/conventions.md lists ("SKOS schemes")."""

from __future__ import annotations

import re
from functools import cache

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from .helpers import CONVENTIONS, ISRP, ONTOLOGY, SHAPES, VOCAB, VOCABULARIES, base_graph, parse

SCHEME_FILES = {path.stem: path for path in VOCABULARIES}


def texts(graph, node, prop) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for value in graph.objects(node, prop):
        if isinstance(value, Literal):
            found.setdefault(value.language or "", []).append(str(value))
    return found


def assert_de_en(graph, node, prop, what: str) -> None:
    found = texts(graph, node, prop)
    assert "de" in found and "en" in found, f"{what} {node} lacks {prop} in de or en: {found}"
    assert all(t.strip() for ts in found.values() for t in ts), f"{what} {node}: empty {prop}"


@cache
def documented_slugs() -> dict[str, list[str]]:
    """scheme -> concept slugs, from the bullet list in the "SKOS schemes" section of the conventions."""
    text = CONVENTIONS.read_text(encoding="utf-8")
    section = text.split("## SKOS schemes", 1)[1].split("\n## ", 1)[0]
    schemes: dict[str, list[str]] = {}
    current = None
    body: dict[str, str] = {}
    for line in section.splitlines():
        match = re.match(r"^- `([a-z-]+)`(.*)$", line)
        if match:
            current = match.group(1)
            body[current] = match.group(2)
        elif current and line.startswith("  "):
            body[current] += " " + line.strip()
        elif line.strip() == "":
            continue
        else:
            current = None
    for scheme, rest in body.items():
        rest = rest.split(":", 1)[1]  # drop "(roles in process steps):" after the scheme name
        # keep slugs quoted in parentheses ("(top `akteure`)"), drop other remarks in parentheses
        rest = re.sub(r"\(([^()]*)\)", lambda m: " ".join(re.findall(r"`([a-z0-9-]+)`", m.group(1))), rest)
        tokens = re.split(r"[\s,;:›.`]+", rest)
        schemes[scheme] = [t for t in tokens if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", t)]
    return schemes


# --- parsing ----------------------------------------------------------------------------------------


def test_ontology_parses():
    assert len(parse(ONTOLOGY)) > 500


@pytest.mark.parametrize("scheme", sorted(SCHEME_FILES))
def test_vocabulary_parses_and_holds_exactly_its_scheme(scheme):
    graph = parse(SCHEME_FILES[scheme])
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert schemes == {URIRef(VOCAB + scheme)}
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        assert str(concept).startswith(f"{VOCAB}{scheme}/"), concept


def test_shapes_parse():
    assert len(parse(SHAPES)) > 1000


# --- the ontology -----------------------------------------------------------------------------------


def ontology_terms():
    graph = parse(ONTOLOGY)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return graph, sorted({s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(ISRP)})


def test_every_isrp_class_and_property_has_label_and_definition_in_german_and_english():
    graph, terms = ontology_terms()
    assert len(terms) > 100
    for term in terms:
        assert_de_en(graph, term, RDFS.label, "term")
        assert_de_en(graph, term, SKOS.definition, "term")


# --- the vocabularies -------------------------------------------------------------------------------


def test_one_vocabulary_file_per_documented_scheme():
    assert set(SCHEME_FILES) == set(documented_slugs())


@pytest.mark.parametrize("scheme", sorted(documented_slugs()))
def test_vocabulary_has_exactly_the_documented_concepts(scheme):
    graph = parse(SCHEME_FILES[scheme])
    slugs = {str(c).rsplit("/", 1)[1] for c in graph.subjects(RDF.type, SKOS.Concept)}
    documented = documented_slugs()[scheme]
    assert len(documented) == len(set(documented)), "a slug is listed twice"
    assert slugs == set(documented)


def test_every_scheme_has_labels_and_description_in_german_and_english():
    graph = base_graph()
    for scheme in graph.subjects(RDF.type, SKOS.ConceptScheme):
        assert_de_en(graph, scheme, SKOS.prefLabel, "scheme")
        assert_de_en(graph, scheme, RDFS.label, "scheme")
        assert_de_en(graph, scheme, DCTERMS.description, "scheme")
        assert list(graph.objects(scheme, SKOS.hasTopConcept)), scheme


def concepts():
    graph = base_graph()
    return graph, sorted(graph.subjects(RDF.type, SKOS.Concept))


def test_every_concept_has_labels_definition_and_notation():
    graph, found = concepts()
    assert len(found) == sum(len(v) for v in documented_slugs().values())
    for concept in found:
        pref, label = texts(graph, concept, SKOS.prefLabel), texts(graph, concept, RDFS.label)
        assert set(pref) == {"de", "en"} and all(len(v) == 1 for v in pref.values()), concept
        assert label == pref, f"{concept}: rdfs:label differs from skos:prefLabel"
        assert_de_en(graph, concept, SKOS.definition, "concept")
        assert [str(n) for n in graph.objects(concept, SKOS.notation)] == [str(concept).rsplit("/", 1)[1]]


def test_every_concept_is_in_exactly_one_scheme_and_its_broader_concepts_in_the_same():
    graph, found = concepts()
    for concept in found:
        schemes = list(graph.objects(concept, SKOS.inScheme))
        assert len(schemes) == 1, concept
        assert str(concept).startswith(str(schemes[0]) + "/"), concept
        for broader in graph.objects(concept, SKOS.broader):
            assert list(graph.objects(broader, SKOS.inScheme)) == schemes, (concept, broader)


def test_hierarchy_is_consistent_top_concepts_and_narrower_mirror_broader():
    graph, found = concepts()
    for concept in found:
        scheme = graph.value(concept, SKOS.inScheme)
        broader = set(graph.objects(concept, SKOS.broader))
        if broader:
            assert (concept, SKOS.topConceptOf, None) not in graph, concept
        else:
            assert (concept, SKOS.topConceptOf, scheme) in graph, concept
            assert (scheme, SKOS.hasTopConcept, concept) in graph, concept
        for parent in broader:
            assert (parent, SKOS.narrower, concept) in graph, (concept, parent)
        for child in graph.objects(concept, SKOS.narrower):
            assert (child, SKOS.broader, concept) in graph, (concept, child)
    # no cycles
    for concept in found:
        assert concept not in set(graph.transitive_objects(concept, SKOS.broader)) - {concept}


@pytest.mark.parametrize(
    ("child", "parent"),
    [
        ("target-group/kinder", "target-group/kinder-und-jugendliche"),
        ("target-group/junge-volljaehrige", "target-group/kinder-und-jugendliche"),
        ("target-group/kinder-und-jugendliche", "target-group/bevoelkerung"),
        ("target-group/alleinerziehende", "target-group/familien"),
        ("target-group/hochbetagte", "target-group/aeltere-menschen"),
        ("target-group/gefluechtete", "target-group/menschen-mit-migrationsgeschichte"),
        ("target-group/wohnungslose", "target-group/menschen-in-wohnungsnot"),
        ("target-group/langzeitarbeitslose", "target-group/erwerbslose"),
        ("target-group/gesamtbevoelkerung", "target-group/bevoelkerung"),
        ("target-group/ortsteilbuergermeister", "target-group/akteure"),
        ("target-group/kommunalpolitik", "target-group/akteure"),
    ],
)
def test_documented_hierarchy(child, parent):
    assert (URIRef(VOCAB + child), SKOS.broader, URIRef(VOCAB + parent)) in base_graph()


def test_role_labels_use_the_words_of_the_process_proposal():
    graph = base_graph()
    labels = {str(c).rsplit("/", 1)[1]: texts(graph, c, SKOS.prefLabel)["de"][0]
              for c in graph.subjects(SKOS.inScheme, URIRef(VOCAB + "role"))}  # fmt: skip
    assert labels == {
        "leitung": "Leitung",
        "koordination": "Koordination",
        "inhaltliche-vorbereitung": "inhaltliche Vorbereitung",
        "externe-moderation": "externe Moderation/Input",
        "unterstuetzung": "Unterstützung",
        "zustaendig": "zuständig",
        "beteiligt": "beteiligt",
    }


def test_german_labels_keep_their_umlauts():
    """Slugs drop umlauts (ä→ae, ö→oe, ü→ue, ß→ss); the German labels keep them."""
    graph, found = concepts()
    german = {texts(graph, c, SKOS.prefLabel)["de"][0] for c in found}
    expected = {
        "Unterstützung", "zuständig", "ältere Menschen", "Geflüchtete", "Ämter", "Schülerinnen und Schüler",
        "Seniorinnen und Senioren", "Pflegebedürftige", "Menschen mit Behinderungen", "junge Volljährige",
        "Maßnahmeplan", "Förderplan", "Fördervoraussetzung", "Ortsteilbürgermeister/-räte", "freie Träger",
        "Vereine und Verbände", "Beschäftigung", "Mobilität", "Fördergebiet", "Mehrgenerationenhaus",
        "Gesamtbevölkerung", "Bevölkerung", "wirtschaftliche Situation",
    }  # fmt: skip
    assert expected <= german, sorted(expected - german)
    for label in german:
        assert not re.search(r"\b(Ae|Oe|Ue|ae|oe|ue)[a-z]", label), f"label {label!r} spells out an umlaut"
