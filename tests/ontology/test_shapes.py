"""The SHACL shapes (ontology/shapes/isrp-shapes.ttl): well-formed, documented for forms and sheets, and
proven on fixtures.

Every node shape with a target has a pair of fixtures in tests/ontology/fixtures/: ``<Shape>.good.ttl``
(entries on which the shape reports nothing) and ``<Shape>.bad.ttl`` (entries on which it reports exactly
the findings listed in its ``# expect:`` lines). All good fixtures are validated in one run and all bad
ones in another (with the context fixture, the ontology and the vocabularies); fixtures name their
entries under their own path, so the findings of one shape on one file can be told apart.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from .helpers import (
    CONTEXT,
    FIXTURES,
    ISRP,
    ISRPS,
    VOCAB,
    Finding,
    base_graph,
    compact,
    expected_findings,
    parse,
    shapes_graph,
    validate,
)

ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
ELI = "http://data.europa.eu/eli/ontology#"


def node_shapes(shapes: Graph) -> list[URIRef]:
    return sorted(s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))


def property_shapes(shapes: Graph) -> list[URIRef]:
    return sorted(set(shapes.objects(None, SH.property)))  # type: ignore[arg-type]


def has_target(shapes: Graph, shape: URIRef) -> bool:
    return any(
        (shape, p, None) in shapes
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    )


TARGETED = [compact(s).split(":", 1)[1] for s in node_shapes(shapes_graph()) if has_target(shapes_graph(), s)]


def texts(graph: Graph, node, prop) -> dict[str, str]:
    return {o.language: str(o) for o in graph.objects(node, prop) if isinstance(o, Literal) and o.language}


# --- the shapes graph itself ------------------------------------------------------------------------


def test_shapes_pass_the_meta_shacl_check():
    shapes = shapes_graph()
    conforms, _report, text = pyshacl.validate(shapes, shacl_graph=shapes, meta_shacl=True, advanced=True)
    assert conforms, text


def test_every_node_shape_has_label_name_description_and_message_in_german_and_english():
    shapes = shapes_graph()
    for shape in node_shapes(shapes):
        for prop in (RDFS.label, SH.name, SH.description, SH.message):
            assert {"de", "en"} <= set(texts(shapes, shape, prop)), f"{compact(shape)} lacks {compact(prop)}"
        for label in texts(shapes, shape, RDFS.label).values():
            assert len(label) <= 31, f"sheet name too long: {label!r}"
            assert not set(label) & set("[]:*?/\\"), f"sheet name with a forbidden character: {label!r}"


def test_every_property_shape_has_name_description_message_order_and_group():
    shapes = shapes_graph()
    found = property_shapes(shapes)
    assert found
    for prop in found:
        for text_prop in (SH.name, SH.description, SH.message):
            assert {"de", "en"} <= set(texts(shapes, prop, text_prop)), f"{prop} lacks {compact(text_prop)}"
        assert isinstance(shapes.value(prop, SH.order), Literal), f"{prop} lacks sh:order"
        group = shapes.value(prop, SH.group)
        assert group is not None, f"{prop} lacks sh:group"
        assert (group, RDF.type, SH.PropertyGroup) in shapes


def test_every_sparql_constraint_has_a_message_in_german_and_english_and_declared_prefixes():
    shapes = shapes_graph()
    constraints = list(shapes.objects(None, SH.sparql))
    assert len(constraints) >= 10
    declared = {str(shapes.value(d, SH.prefix)) for d in shapes.objects(None, SH.declare)}
    for constraint in constraints:
        assert {"de", "en"} <= set(texts(shapes, constraint, SH.message))
        assert shapes.value(constraint, SH.prefixes) is not None
        query = str(shapes.value(constraint, SH.select))
        used = {token.split(":")[0] for token in query.split() if ":" in token and not token.startswith("<")}
        assert {u.strip("(,!") for u in used if u.strip("(,!").isalpha()} <= declared, query


def test_property_groups_have_labels_and_distinct_orders():
    shapes = shapes_graph()
    groups = sorted(shapes.subjects(RDF.type, SH.PropertyGroup))
    assert len(groups) >= 7
    orders = [shapes.value(g, SH.order).toPython() for g in groups]  # type: ignore[union-attr]
    assert len(set(orders)) == len(orders)
    german = {texts(shapes, g, RDFS.label)["de"] for g in groups}
    assert {"Grunddaten", "Recht und Laufzeit", "Zielgruppen und Themen", "Raumbezug",
            "Schnittstellen und Netzwerke", "Finanzierung und Wirkung", "Herkunft"} <= german  # fmt: skip
    for group in groups:
        assert {"de", "en"} <= set(texts(shapes, group, RDFS.label))


def test_severities_are_explicit_on_every_constraining_property_shape():
    shapes = shapes_graph()
    constraining = {SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.nodeKind, SH.node, SH["in"],
                    SH.sparql, SH.qualifiedMinCount, SH.hasValue, SH["or"], SH.uniqueLang}  # fmt: skip
    for prop in property_shapes(shapes):
        if any((prop, c, None) in shapes for c in constraining):
            assert shapes.value(prop, SH.severity) in (SH.Violation, SH.Warning, SH.Info), prop


def test_every_ontology_class_and_the_reused_classes_have_a_shape():
    shapes, ontology = shapes_graph(), base_graph()
    targeted = set(shapes.objects(None, SH.targetClass))
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(ISRP)}
    assert len(classes) >= 31  # the shipped classes; each new one needs a shape too
    reused = {
        URIRef(ORG + "Membership"),
        URIRef(ORG + "Organization"),
        URIRef(ELI + "LegalResource"),
        URIRef(ELI + "LegalResourceSubdivision"),
        SKOS.Concept,
    }
    missing = (classes | reused) - targeted
    assert not missing, sorted(compact(c) for c in missing)
    objects_of = set(shapes.objects(None, SH.targetObjectsOf))
    assert URIRef(PROV + "qualifiedAssociation") in objects_of  # prov:Association in steps
    assert {URIRef(ISRP + "term"), URIRef(ISRP + "schedule")} <= objects_of  # time:ProperInterval


def test_one_shape_per_target_class_so_each_sheet_is_one_class():
    shapes = shapes_graph()
    seen: dict = {}
    for shape, cls in shapes.subject_objects(SH.targetClass):
        assert cls not in seen, f"{compact(cls)} targeted by {compact(seen[cls])} and {compact(shape)}"
        seen[cls] = shape
        assert len(list(shapes.objects(shape, SH.targetClass))) == 1


def test_scheme_annotations_name_existing_schemes_and_every_concept_property_is_checked():
    shapes, base = shapes_graph(), base_graph()
    schemes = set(base.subjects(RDF.type, SKOS.ConceptScheme))
    for scheme in shapes.objects(None, URIRef(ISRPS + "scheme")):
        assert scheme in schemes, scheme
    concept_valued = {p for p in base.subjects(RDFS.range, SKOS.Concept) if str(p).startswith(ISRP)}
    checked = set(shapes.objects(URIRef(ISRPS + "ConceptValueShape"), SH.targetSubjectsOf))
    assert concept_valued <= checked, sorted(compact(p) for p in concept_valued - checked)
    assert {URIRef(PROV + "hadRole"), URIRef(ORG + "role")} <= checked


def test_shapes_without_a_target_are_used_through_sh_node():
    shapes = shapes_graph()
    for shape in node_shapes(shapes):
        if not has_target(shapes, shape):
            assert (None, SH.node, shape) in shapes, f"{compact(shape)} has no target and is not used"


def test_inverse_and_alternative_paths_are_well_formed():
    shapes = shapes_graph()
    for prop in property_shapes(shapes):
        path = shapes.value(prop, SH.path)
        assert path is not None, prop
        if isinstance(path, BNode):
            inverse = shapes.value(path, SH.inversePath)
            alternatives = shapes.value(path, SH.alternativePath)
            assert inverse is not None or alternatives is not None, prop
            if alternatives is not None:
                assert len(list(Collection(shapes, alternatives))) >= 2


# --- fixtures ---------------------------------------------------------------------------------------


def fixture(shape: str, kind: str) -> Path:
    return FIXTURES / f"{shape}.{kind}.ttl"


@cache
def good_findings() -> frozenset[Finding]:
    return frozenset(validate(*sorted(FIXTURES.glob("*.good.ttl"))))


@cache
def bad_findings() -> frozenset[Finding]:
    return frozenset(validate(*sorted(FIXTURES.glob("*.bad.ttl"))))


def own_entries(path: Path) -> set[str]:
    """The compact IRIs of the subjects a fixture file describes."""
    return {compact(s) for s in parse(path).subjects() if isinstance(s, URIRef)}


def entry(finding: Finding) -> str:
    return finding.focus.split(">", 1)[0]


def test_fixtures_exist_for_every_targeted_node_shape_and_nothing_else():
    assert len(TARGETED) >= 40
    for shape in TARGETED:
        assert fixture(shape, "good").exists(), f"missing {fixture(shape, 'good').name}"
        assert fixture(shape, "bad").exists(), f"missing {fixture(shape, 'bad').name}"
        expected = expected_findings(fixture(shape, "bad"), f"isrps:{shape}")
        assert expected, f"no '# expect:' line in {shape}.bad.ttl"
    names = {p.name for p in FIXTURES.glob("*.ttl")} - {CONTEXT.name}
    assert names == {f"{s}.{k}.ttl" for s in TARGETED for k in ("good", "bad")}


def test_the_context_fixture_is_a_registry_without_any_finding():
    assert validate() == set()


def test_good_fixtures_have_no_violation_of_any_shape():
    violations = sorted(f for f in good_findings() if f.severity == "Violation")
    assert not violations


@pytest.mark.parametrize("shape", TARGETED)
def test_shape_is_silent_on_its_good_fixture(shape: str):
    mine = own_entries(fixture(shape, "good"))
    found = {f for f in good_findings() if f.shape == f"isrps:{shape}" and entry(f) in mine}
    assert found == set()


@pytest.mark.parametrize("shape", TARGETED)
def test_shape_reports_exactly_the_expected_findings_on_its_bad_fixture(shape: str):
    path = fixture(shape, "bad")
    expected = expected_findings(path, f"isrps:{shape}")
    mine = own_entries(path) | {entry(f) for f in expected}
    found = {f for f in bad_findings() if f.shape == f"isrps:{shape}" and entry(f) in mine}
    assert found == expected


def test_every_severity_is_proven_by_some_fixture():
    severities = {f.severity for f in bad_findings()}
    assert severities == {"Violation", "Warning", "Info"}


def test_the_vocabulary_concepts_pass_the_concept_shape():
    findings = {f for f in good_findings() if f.shape == "isrps:ConceptShape"}
    assert not {f for f in findings if f.focus.startswith("vocab:")}
    assert URIRef(VOCAB + "role/leitung") in set(base_graph().subjects(RDF.type, SKOS.Concept))
