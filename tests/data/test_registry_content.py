"""Registry content: Erfurt's sectoral plans, law, funding, spatial units, networks, relations and measures.

Checks the files written for the planning overview (plans, spatial, networks, relations, measures,
organisations-further, common/law, common/funding) with rdflib only: references resolve, the hand-listed
sets of plans, provisions, funding schemes, networks and Ortsteile are exactly what the data holds,
relations link at least two distinct plans, every entry is sourced, and no date lies in the future.
The expected sets are written out by hand on purpose: a change to the registry must be a conscious one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS, TIME

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
VOCABULARIES = ROOT / "ontology" / "vocabularies"

ISRP = Namespace("https://w3id.org/isrp/def#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
ERFURT = Namespace("https://w3id.org/isrp/erfurt/")
LAW = "https://w3id.org/isrp/law/"
FUNDING = "https://w3id.org/isrp/funding/"
VOCAB = "https://w3id.org/isrp/vocab/"

REGISTRY_FILES = [
    DATA / "erfurt" / "plans.ttl",
    DATA / "erfurt" / "spatial.ttl",
    DATA / "erfurt" / "networks.ttl",
    DATA / "erfurt" / "relations.ttl",
    DATA / "erfurt" / "measures.ttl",
    DATA / "erfurt" / "organisations-further.ttl",
    DATA / "common" / "law.ttl",
    DATA / "common" / "funding.ttl",
]

# ---------------------------------------------------------------------------------------------
# Hand-listed expectations
# ---------------------------------------------------------------------------------------------

EXPECTED_PLANS = {
    "jugendhilfeplanung",
    "kita-bedarfsplan",
    "massnahmeplan-hilfen-zur-erziehung",
    "kinder-und-jugendfoerderplan",
    "familienfoerderplan",
    "integrierte-jugendhilfeplanung",
    "integrationskonzept",
    "seniorenbericht",
    "massnahmenkatalog-ambulante-pflege",
    "aktionsplan-obdachlosigkeit-und-wohnungsnot",
    "massnahmenplan-un-brk",
    "gesundheitsberichterstattung",
    "schulnetzplan",
    "bildungsberichterstattung",
    "bildungsleitbild",
    "isek",
    "wohnungspolitischer-handlungsrahmen",
    "nahverkehrsplan",
    "sportentwicklungsplan",
    "kulturkonzept",
    "klimaschutzkonzept",
    "nachhaltigkeitsstrategie",
    "klimaanpassung-klimadaptit",
    "frauenfoerderplan",
}

EXPECTED_LAWS = {
    "sgb-viii",
    "sgb-ix",
    "sgb-xi",
    "sgb-xii",
    "thuerkigag",
    "thuerkjhag",
    "kkg",
    "baugb",
    "thuerko",
    "thuerschulg",
    "thueroepnvg",
    "gesdv",
    "thuersenmitwbetg",
    "thuerpsychkg",
    "un-brk",
    "hauptsatzung-erfurt",
}

EXPECTED_PROVISIONS = {
    "sgb-viii/p80",
    "sgb-viii/p16",
    "sgb-viii/p11",
    "sgb-viii/p12",
    "sgb-viii/p13",
    "sgb-viii/p14",
    "thuerkigag/p2",
    "thuerkigag/p20",
    "thuerkjhag/p12",
    "kkg/p3-abs4",
    "sgb-xii/p71",
    "sgb-xii/p67",
    "sgb-xi/p9",
    "sgb-ix/p94",
    "sgb-ix/p95",
    "baugb/p171e",
    "baugb/p1-abs6-nr11",
    "thuerko/p45",
    "thuerschulg/p41",
    "thueroepnvg/p5",
    "hauptsatzung-erfurt/p2",
}

# plan -> the provisions (or laws without a sourced paragraph) a source ties it to
EXPECTED_LEGAL_BASES = {
    "jugendhilfeplanung": {"sgb-viii/p80", "thuerkjhag/p12"},
    "kita-bedarfsplan": {"thuerkigag/p2", "thuerkigag/p20"},
    "familienfoerderplan": {"sgb-viii/p16"},
    "massnahmenplan-un-brk": {"un-brk"},
    "gesundheitsberichterstattung": {"gesdv"},
    "schulnetzplan": {"thuerschulg/p41"},
    "nahverkehrsplan": {"thueroepnvg/p5"},
}
# provisions a plan refers to without a mandate to plan (isrp:refersToProvision, not a legal basis)
EXPECTED_REFERENCED_PROVISIONS = {
    "aktionsplan-obdachlosigkeit-und-wohnungsnot": {"sgb-xii/p67"},
    "isek": {"baugb/p1-abs6-nr11"},
}

EXPECTED_FUNDING_SCHEMES = {
    "lsz",
    "thinka",
    "soziale-stadt-sozialer-zusammenhalt",
    "mehrgenerationenhaus",
    "esf-plus-thueringen",
    "fruehe-hilfen",
}

EXPECTED_NETWORKS = {
    "netzwerk-fruehe-hilfen-und-kinderschutz",
    "gemeindepsychiatrischer-verbund",
    "gesunde-staedte-netzwerk",
    "netzwerk-wohnungsnotfallhilfe",
    "arbeitskreis-wohnungsnot",
    "psychosoziale-arbeitsgemeinschaft",
    "netzwerk-fuer-integration",
    "klimabuendnis-erfurt",
    "runder-tisch-magdeburger-allee",
}

# Hauptsatzung § 2: 25 districts of 1991, 20 villages incorporated in 1994, 8 more
EXPECTED_ORTSTEILE = {
    "altstadt", "loebervorstadt", "bruehlervorstadt", "andreasvorstadt", "berliner-platz", "rieth",
    "johannesvorstadt", "kraempfervorstadt", "hohenwinden", "roter-berg", "daberstedt", "dittelstedt",
    "melchendorf", "wiesenhuegel", "herrenberg", "hochheim", "bischleben-stedten", "moebisburg-rhoda",
    "schmira", "bindersleben", "marbach", "gispersleben", "moskauer-platz", "ilversgehofen",
    "johannesplatz",
    "alach", "ermstedt", "frienstedt", "azmannsdorf", "buessleben", "egstedt", "hochstedt", "kerspleben",
    "kuehnhausen", "linderbach", "mittelhausen", "molsdorf", "schwerborn", "stotternheim", "tiefthal",
    "vieselbach", "wallichen", "waltersleben", "windischholzhausen", "toettelstaedt",
    "niedernissa", "rohda-haarberg", "urbich", "gottstedt", "salomonsborn", "toettleben", "schaderode",
    "sulzer-siedlung",
}  # fmt: skip

# planning area -> the Ortsteile a source places in it (nothing else may be asserted)
EXPECTED_PLANNING_AREA_MEMBERS = {
    "planungsraum-oststadt": {"kraempfervorstadt", "ilversgehofen", "johannesplatz"},
    "planungsraum-laendliche-ortsteile": {"stotternheim", "linderbach"},
    "planungsraum-city": set(),
    "planungsraum-gruenderzeit-suedstadt": set(),
    "planungsraum-gruenderzeit-oststadt": set(),
    "planungsraum-grosswohnsiedlungen-nord": set(),
}

EXPECTED_SPATIAL_SYSTEMS = {
    "ortsteile",
    "statistische-blockgruppen",
    "soziale-planungsraeume-ssa-2012",
    "planungsraeume-jugendhilfe",
    "schulbezirke",
    "siedlungstypologie-isek",
    "foerdergebiete-staedtebaufoerderung",
    "sozialraeume-isrp",
}

# Real end dates that have passed must stay visible (the gap analysis looks for them)
EXPECTED_TERM_ENDS = {
    "kulturkonzept": "2020-12-31",
    "schulnetzplan": "2024-07-31",
    "kita-bedarfsplan": "2023-07-31",
    "nahverkehrsplan": "2024-12-31",
    "kinder-und-jugendfoerderplan": "2027-12-31",
    "familienfoerderplan": "2027-12-31",
}

# Overlaps that are deliberately left undeclared (no relation may link both plans)
UNDECLARED_OVERLAPS = {
    ("seniorenbericht", "gesundheitsberichterstattung"),
    ("kinder-und-jugendfoerderplan", "schulnetzplan"),
    ("klimaanpassung-klimadaptit", "gesundheitsberichterstattung"),
    ("nahverkehrsplan", "seniorenbericht"),
    ("kita-bedarfsplan", "schulnetzplan"),
}

EXPECTED_SOURCED_INTERFACES = 14
EXPECTED_ILLUSTRATIVE_INTERFACES = 2
EXPECTED_DELIMITATIONS = {
    "planungsbereiche-jugendhilfeplanung",
    "seniorenbericht-ersetzt-massnahmenkatalog-pflege",
    "beispiel-eingliederungshilfe-hze-un-brk",
}
EXPECTED_STRATEGIC_SEED_MEASURES = {
    "sozialraumorientierung",
    "wirkungsorientierung",
    "sozialpolitische-leitlinien",
    "gesamtstaedtische-quartiersmanagementstrategie",
}


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------------------------


def _parse(paths) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def registry() -> Graph:
    """The files under test."""
    return _parse(REGISTRY_FILES)


@pytest.fixture(scope="module")
def data() -> Graph:
    """All of data/ (the seed files define the fixed organisations, <plan/isrp>, bodies, formats)."""
    return _parse(sorted(DATA.rglob("*.ttl")))


@pytest.fixture(scope="module")
def vocabularies() -> Graph:
    return _parse(sorted(VOCABULARIES.glob("*.ttl")))


def _typed(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}


def _plans(graph: Graph) -> set[URIRef]:
    return set(graph.subjects(RDF.type, ISRP.SectoralPlan)) | set(
        graph.subjects(RDF.type, ISRP.IntegratedPlan)
    )


def _local(iri: URIRef, prefix: str) -> str:
    assert str(iri).startswith(prefix), iri
    return str(iri)[len(prefix) :]


def _plan(slug: str) -> URIRef:
    return ERFURT["plan/" + slug]


def _term_end(graph: Graph, subject: URIRef) -> str | None:
    for term in graph.objects(subject, ISRP["term"]):
        for end in graph.objects(term, TIME.hasEnd):
            for value in graph.objects(end, TIME.inXSDDate):
                return str(value)
    return None


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------


def test_plan_set_is_exactly_the_hand_listed_one(registry):
    plans = {_local(p, str(ERFURT) + "plan/") for p in _plans(registry)}
    assert plans == EXPECTED_PLANS


def test_every_plan_has_a_defined_responsible_organisation(registry, data):
    defined = _typed(data)
    for plan in _plans(registry):
        orgs = list(registry.objects(plan, ISRP.responsibleOrganization))
        assert orgs, f"{plan} has no isrp:responsibleOrganization"
        undefined = [str(o) for o in orgs if o not in defined]
        assert not undefined, f"{plan}: responsible organisation not defined: {undefined}"


def test_every_plan_has_type_field_labels_and_source(registry):
    for plan in _plans(registry):
        assert list(registry.objects(plan, ISRP.planType)), plan
        assert list(registry.objects(plan, ISRP.policyField)), plan
        assert list(registry.objects(plan, ISRP.task)), plan
        assert list(registry.objects(plan, ISRP.targetGroup)), plan
        assert list(registry.objects(plan, ISRP.topic)), plan
        langs = {o.language for o in registry.objects(plan, RDFS.label)}
        assert {"de", "en"} <= langs, plan


def test_every_legal_basis_is_a_defined_provision_or_law(registry):
    law_entries = set(registry.subjects(RDF.type, ELI.LegalResourceSubdivision)) | set(
        registry.subjects(RDF.type, ELI.LegalResource)
    )
    for subject, target in registry.subject_objects(ISRP.legalBasis):
        assert target in law_entries, f"{subject} -> {target} is not defined in law.ttl"


def test_legal_bases_of_plans_are_exactly_the_sourced_ones(registry):
    actual = {}
    for plan in _plans(registry):
        targets = {_local(t, LAW) for t in registry.objects(plan, ISRP.legalBasis)}
        if targets:
            actual[_local(plan, str(ERFURT) + "plan/")] = targets
    assert actual == EXPECTED_LEGAL_BASES
    referenced = {}
    for plan in _plans(registry):
        targets = {_local(t, LAW) for t in registry.objects(plan, ISRP.refersToProvision)}
        if targets:
            referenced[_local(plan, str(ERFURT) + "plan/")] = targets
    assert referenced == EXPECTED_REFERENCED_PROVISIONS


def test_every_plan_decision_is_defined_with_a_decider(registry):
    decisions = set(registry.subjects(RDF.type, ISRP.Decision))
    for subject, decision in registry.subject_objects(ISRP.decision):
        assert decision in decisions, f"{subject} -> undefined decision {decision}"
    for decision in decisions:
        assert list(registry.objects(decision, ISRP.decidedBy)), decision


def test_every_edition_is_linked_and_defined(registry):
    editions = set(registry.subjects(RDF.type, ISRP.PlanEdition))
    for plan, edition in registry.subject_objects(ISRP.hasEdition):
        assert edition in editions, f"{plan} -> undefined edition {edition}"


def test_expired_and_overdue_terms_keep_their_real_end_dates(registry):
    for slug, end in EXPECTED_TERM_ENDS.items():
        assert _term_end(registry, _plan(slug)) == end, slug
    # a deadline for the next update is not the end of a term; an extension is recorded as such
    assert _term_end(registry, _plan("seniorenbericht")) is None
    assert str(registry.value(_plan("seniorenbericht"), ISRP.updateDeadline)) == "2022-12-31"
    assert str(registry.value(_plan("nahverkehrsplan"), ISRP.termExtendedTo)) == "2025-12-31"


def test_terms_begin_before_they_end(registry):
    for subject, term in registry.subject_objects(ISRP["term"]):
        begins = [
            v for b in registry.objects(term, TIME.hasBeginning) for v in registry.objects(b, TIME.inXSDDate)
        ]
        ends = [v for e in registry.objects(term, TIME.hasEnd) for v in registry.objects(e, TIME.inXSDDate)]
        if begins and ends:
            assert begins[0].toPython() <= ends[0].toPython(), subject


def test_status_and_relevance_are_set_where_known(registry):
    no_status = {
        _local(p, str(ERFURT) + "plan/")
        for p in _plans(registry)
        if not list(registry.objects(p, ISRP.status))
    }
    # status unclear in the sources: said in an editorial note instead
    assert no_status == {"wohnungspolitischer-handlungsrahmen", "frauenfoerderplan"}
    for plan in _plans(registry):
        for value in registry.objects(plan, ISRP.relevantToISRP):
            assert value.datatype == XSD.boolean, plan


# ---------------------------------------------------------------------------------------------
# Law
# ---------------------------------------------------------------------------------------------


def test_law_and_provision_sets(registry):
    laws = {_local(s, LAW) for s in registry.subjects(RDF.type, ELI.LegalResource)}
    provisions = {_local(s, LAW) for s in registry.subjects(RDF.type, ELI.LegalResourceSubdivision)}
    assert laws == EXPECTED_LAWS
    assert provisions == EXPECTED_PROVISIONS


def test_provisions_follow_the_eli_pattern(registry):
    laws = set(registry.subjects(RDF.type, ELI.LegalResource))
    for provision in registry.subjects(RDF.type, ELI.LegalResourceSubdivision):
        parents = list(registry.objects(provision, ELI.is_part_of))
        assert len(parents) == 1 and parents[0] in laws, provision
        assert str(provision).startswith(str(parents[0]) + "/"), provision
        assert list(registry.objects(provision, ISRP.provisionLabel)), provision
        assert {o.language for o in registry.objects(provision, SKOS.definition)} >= {"de", "en"}, provision
    for law in laws:
        assert list(registry.objects(law, ELI["title"])), law
        assert list(registry.objects(law, ELI["title_short"])), law


# ---------------------------------------------------------------------------------------------
# Funding
# ---------------------------------------------------------------------------------------------


def test_funding_scheme_set(registry):
    schemes = {_local(s, FUNDING) for s in registry.subjects(RDF.type, ISRP.FundingScheme)}
    assert schemes == EXPECTED_FUNDING_SCHEMES


def test_every_referenced_funding_scheme_exists(registry, data):
    schemes = set(data.subjects(RDF.type, ISRP.FundingScheme))
    for prop in (ISRP.fundingScheme, ISRP.fundedBy):
        for subject, scheme in data.subject_objects(prop):
            assert scheme in schemes, f"{subject} -> undefined funding scheme {scheme}"


def test_funders_are_defined_and_lsz_share_is_the_sourced_one(registry):
    defined = _typed(registry)
    for scheme in registry.subjects(RDF.type, ISRP.FundingScheme):
        funders = list(registry.objects(scheme, SCHEMA.funder))
        assert funders and all(f in defined for f in funders), scheme
    shares = {
        _local(s, FUNDING): o.toPython() for s, o in registry.subject_objects(ISRP.municipalCoFundingShare)
    }
    assert {k: float(v) for k, v in shares.items()} == {"lsz": 0.3}


# ---------------------------------------------------------------------------------------------
# Spatial units
# ---------------------------------------------------------------------------------------------


def test_exactly_53_unique_ortsteile_in_the_ortsteile_system(registry):
    system = ERFURT["spatial-system/ortsteile"]
    members = list(registry.subjects(ISRP.inSpatialSystem, system))
    slugs = [_local(m, str(ERFURT) + "area/") for m in members]
    assert len(slugs) == 53
    assert len(set(slugs)) == 53
    assert set(slugs) == EXPECTED_ORTSTEILE
    stadt = ERFURT["area/stadt-erfurt"]
    for member in members:
        assert (member, GEO.sfWithin, stadt) in registry, member
        assert (member, ISRP.spatialUnitType, URIRef(VOCAB + "spatial-unit-type/ortsteil")) in registry


def test_labels_of_ortsteile_are_unique(registry):
    system = ERFURT["spatial-system/ortsteile"]
    labels = [
        str(o)
        for m in registry.subjects(ISRP.inSpatialSystem, system)
        for o in registry.objects(m, RDFS.label)
        if o.language == "de"
    ]
    assert len(labels) == len(set(labels)) == 53


def test_ortsteilverfassung_only_where_evidence_is_given(registry):
    for area, value in registry.subject_objects(ISRP.hasOrtsteilverfassung):
        assert value == Literal(True), f"{area}: only 'true' with evidence is recorded, never 'false'"
        assert list(registry.objects(area, SKOS.note)), f"{area}: evidence note missing"
    # no official numbers were found, so none may appear
    assert not list(registry.subject_objects(ISRP.officialNumber))


def test_planning_area_membership_only_as_sourced(registry):
    for area_slug, expected in EXPECTED_PLANNING_AREA_MEMBERS.items():
        area = ERFURT["area/" + area_slug]
        members = {
            _local(s, str(ERFURT) + "area/")
            for s in registry.subjects(GEO.sfWithin, area)
            if str(s).startswith(str(ERFURT) + "area/")
        }
        assert members == expected, area_slug


def test_spatial_systems(registry):
    systems = {
        _local(s, str(ERFURT) + "spatial-system/") for s in registry.subjects(RDF.type, ISRP.SpatialSystem)
    }
    assert systems == EXPECTED_SPATIAL_SYSTEMS
    for unit in registry.subjects(RDF.type, ISRP.SpatialUnit):
        for system in registry.objects(unit, ISRP.inSpatialSystem):
            assert (system, RDF.type, ISRP.SpatialSystem) in registry, unit


def test_every_spatial_system_used_by_a_plan_is_defined(registry):
    systems = set(registry.subjects(RDF.type, ISRP.SpatialSystem))
    for subject, system in registry.subject_objects(ISRP.spatialSystem):
        assert system in systems, subject


# ---------------------------------------------------------------------------------------------
# Networks
# ---------------------------------------------------------------------------------------------


def test_network_set_and_links(registry, data):
    networks = {_local(s, str(ERFURT) + "network/") for s in registry.subjects(RDF.type, ISRP.Network)}
    assert networks == EXPECTED_NETWORKS
    all_networks = set(data.subjects(RDF.type, ISRP.Network))
    defined = _typed(data)
    for plan, network in registry.subject_objects(ISRP.network):
        assert network in all_networks, plan
    for prop in (ISRP.coordinatedBy, ORG.hasMember):
        for network, agent in registry.subject_objects(prop):
            assert agent in defined, f"{network} -> undefined {agent}"


# ---------------------------------------------------------------------------------------------
# Relations (interfaces and delimitations)
# ---------------------------------------------------------------------------------------------


def _relations(graph: Graph) -> set[URIRef]:
    return set(graph.subjects(RDF.type, ISRP.Interface)) | set(graph.subjects(RDF.type, ISRP.Delimitation))


def test_relations_link_at_least_two_distinct_defined_plans(registry, data):
    plans = _plans(data)
    for relation in _relations(registry):
        linked = set(registry.objects(relation, ISRP.relatesPlan))
        assert len(linked) >= 2, relation
        assert linked <= plans, f"{relation}: undefined plans {sorted(map(str, linked - plans))}"


def test_relation_counts(registry):
    interfaces = set(registry.subjects(RDF.type, ISRP.Interface))
    illustrative = {i for i in interfaces if (i, ISRP.illustrative, Literal(True)) in registry}
    assert len(interfaces - illustrative) == EXPECTED_SOURCED_INTERFACES
    assert len(illustrative) == EXPECTED_ILLUSTRATIVE_INTERFACES
    delimitations = {
        _local(d, str(ERFURT) + "delimitation/") for d in registry.subjects(RDF.type, ISRP.Delimitation)
    }
    assert delimitations == EXPECTED_DELIMITATIONS
    for delimitation in registry.subjects(RDF.type, ISRP.Delimitation):
        assert list(registry.objects(delimitation, ISRP.delimitationRule)), delimitation


def test_some_real_overlaps_stay_undeclared(registry):
    for a, b in UNDECLARED_OVERLAPS:
        for relation in _relations(registry):
            linked = set(registry.objects(relation, ISRP.relatesPlan))
            assert not {_plan(a), _plan(b)} <= linked, f"{relation} declares the overlap {a} / {b}"


def test_relations_have_bilingual_descriptions(registry):
    for relation in _relations(registry):
        langs = {o.language for o in registry.objects(relation, DCTERMS.description)}
        assert {"de", "en"} <= langs, relation


# ---------------------------------------------------------------------------------------------
# Measures, needs, guidelines
# ---------------------------------------------------------------------------------------------


def test_measures_reference_defined_entries(registry, data):
    defined = _typed(data)
    plans = _plans(data)
    for measure in registry.subjects(RDF.type, ISRP.Measure):
        assert list(registry.objects(measure, ISRP.measureType)), measure
        for plan in registry.objects(measure, ISRP.assignedPlan):
            assert plan in plans, measure
        for prop in (ISRP.addressesNeed, ISRP.implementsGuideline, ISRP.usesIndicator, ISRP.budgetItem):
            for target in registry.objects(measure, prop):
                assert target in defined, f"{measure} -> undefined {target}"


def test_seed_strategic_measures_are_sourced_from_the_seed(registry):
    seed = ERFURT["source/prozessvorschlag-isrp"]
    strategic = URIRef(VOCAB + "measure-type/strategisch")
    found = {
        _local(m, str(ERFURT) + "measure/")
        for m in registry.subjects(ISRP.measureType, strategic)
        if (m, ISRP.illustrative, Literal(True)) not in registry
    }
    assert found == EXPECTED_STRATEGIC_SEED_MEASURES
    for slug in found:
        measure = ERFURT["measure/" + slug]
        assert (measure, DCTERMS.source, seed) in registry
        assert (measure, ISRP.assignedPlan, _plan("isrp")) in registry


def test_gap_analysis_has_an_unassigned_operational_measure(registry):
    operational = URIRef(VOCAB + "measure-type/operativ")
    unassigned = [
        m
        for m in registry.subjects(ISRP.measureType, operational)
        if not list(registry.objects(m, ISRP.assignedPlan))
        and not list(registry.objects(m, ISRP.handledSeparately))
    ]
    assert unassigned


def test_guidelines_placeholders_are_illustrative(registry):
    for guideline in registry.subjects(RDF.type, ISRP.SocialPolicyGuideline):
        is_example = "/guideline/beispiel-" in str(guideline)
        assert ((guideline, ISRP.illustrative, Literal(True)) in registry) == is_example, guideline


# ---------------------------------------------------------------------------------------------
# Honesty across the files under test
# ---------------------------------------------------------------------------------------------


def test_every_entry_has_a_source_and_bilingual_labels(registry):
    for entry in _typed(registry):
        sources = list(registry.objects(entry, DCTERMS.source))
        assert sources and all(isinstance(s, URIRef) for s in sources), entry
        langs = {o.language for o in registry.objects(entry, RDFS.label) if isinstance(o, Literal)}
        assert {"de", "en"} <= langs, entry


def test_illustrative_entries_are_marked_and_explained(registry):
    for entry in registry.subjects(ISRP.illustrative, Literal(True)):
        assert list(registry.objects(entry, SKOS.editorialNote)), entry
    # examples are recognisable by their IRI as well
    for entry in _typed(registry):
        if "/beispiel-" in str(entry):
            assert (entry, ISRP.illustrative, Literal(True)) in registry, entry


def test_every_vocabulary_concept_used_is_defined(registry, vocabularies):
    concepts = set(vocabularies.subjects(RDF.type, SKOS.Concept))
    used = {o for o in registry.objects() if isinstance(o, URIRef) and str(o).startswith(VOCAB)}
    assert used, "no vocabulary concepts used"
    assert not sorted(map(str, used - concepts))


def test_no_recorded_date_lies_in_the_future(registry):
    """Decisions, editions, updates and foundings happened; only terms may end in the future."""
    today = dt.date.today()
    for prop in (DCTERMS.date, DCTERMS.issued, DCTERMS.created, ISRP.lastUpdated, ISRP.referenceDate):
        for subject, value in registry.subject_objects(prop):
            assert isinstance(value, Literal), subject
            text = str(value)
            if value.datatype == XSD.date:
                day = dt.date.fromisoformat(text)
            elif value.datatype == XSD.gYearMonth:
                day = dt.date(int(text[:4]), int(text[5:7]), 1)
            elif value.datatype == XSD.gYear:
                day = dt.date(int(text[:4]), 1, 1)
            else:
                pytest.fail(f"{subject} {prop}: unexpected datatype {value.datatype}")
            assert day <= today, f"{subject} {prop} {text} lies in the future"
