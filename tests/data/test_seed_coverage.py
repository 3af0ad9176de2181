"""Does the Erfurt data cover the seed document exactly?

Loads every Turtle file under data/ and ontology/ with rdflib (no dependency on the store code)
and compares it with the hand transcription in seed_table.py: the 45 process steps (number,
title, body, agenda, schedule label and dates, roles, lead), the bodies and formats (lead,
coordination, support, members, tasks), the seven facilities, milestones, content elements and
the planning cycle.
"""

from __future__ import annotations

import calendar
import itertools
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, TIME

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed_table as seed

ROOT = Path(__file__).resolve().parents[2]
ISRP = Namespace("https://w3id.org/isrp/def#")
ORG = Namespace("http://www.w3.org/ns/org#")
VOCAB = seed.VOCAB


def e(rel: str) -> URIRef:
    return URIRef(seed.ERFURT + rel)


def concept(scheme: str, slug: str) -> URIRef:
    return URIRef(f"{VOCAB}{scheme}/{slug}")


@pytest.fixture(scope="module")
def g() -> Graph:
    graph = Graph()
    for folder in ("ontology", "data"):
        for path in sorted((ROOT / folder).rglob("*.ttl")):
            graph.parse(path, format="turtle")
    return graph


def de(graph: Graph, s, p) -> set[str]:
    return {str(o) for o in graph.objects(s, p) if isinstance(o, Literal) and o.language == "de"}


def one(graph: Graph, s, p):
    values = list(graph.objects(s, p))
    assert len(values) == 1, f"{s} {p}: expected one value, got {values}"
    return values[0]


# ---------------------------------------------------------------------------------------------
# Schedule labels → dates (independent of the data generator)
# ---------------------------------------------------------------------------------------------


def _last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def expected_interval(label: str) -> tuple[date | None, date | None]:
    """The (begin, end) a schedule label states, by the rules of docs/conventions.md."""
    day = re.fullmatch(r"(?:bis zum )?(\d{2})\.(\d{2})\.(\d{4})", label)
    if day:
        d = date(int(day[3]), int(day[2]), int(day[1]))
        return (None if label.startswith("bis") else d), d
    month = re.fullmatch(r"(bis |Anfang )?(\d{2})/(\d{4})", label)
    if month:
        y, m = int(month[3]), int(month[2])
        return (None if month[1] == "bis " else date(y, m, 1)), _last(y, m)
    span = re.fullmatch(r"(\d{2})-(\d{2})/(\d{4})", label)
    if span:
        y = int(span[3])
        return date(y, int(span[1]), 1), _last(y, int(span[2]))
    raise AssertionError(f"unknown schedule label {label!r}")


def test_schedule_rules():
    assert expected_interval("03/2021") == (date(2021, 3, 1), date(2021, 3, 31))
    assert expected_interval("bis zum 21.05.2021") == (None, date(2021, 5, 21))
    assert expected_interval("Anfang 09/2021") == (date(2021, 9, 1), date(2021, 9, 30))
    assert expected_interval("03-06/2022") == (date(2022, 3, 1), date(2022, 6, 30))
    assert expected_interval("bis 12/2022") == (None, date(2022, 12, 31))
    assert expected_interval("01.04.2021") == (date(2021, 4, 1), date(2021, 4, 1))


# ---------------------------------------------------------------------------------------------
# Process steps
# ---------------------------------------------------------------------------------------------


def erfurt_subjects(g: Graph, cls, kind: str) -> set[URIRef]:
    """Subjects of a class whose IRI is an Erfurt registry entry of the given kind."""
    return {s for s in g.subjects(RDF.type, cls) if str(s).startswith(seed.ERFURT + kind)}


def test_exactly_45_steps(g):
    steps = erfurt_subjects(g, ISRP.ProcessStep, "step/")
    numbers = sorted(int(one(g, s, ISRP.stepNumber)) for s in steps)
    assert numbers == list(range(1, 46))
    assert len(seed.STEPS) == 45
    assert [s.number for s in seed.STEPS] == list(range(1, 46))


def test_no_step_46(g):
    assert (e("step/46"), None, None) not in g
    assert not [
        s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(seed.ERFURT + "step/46")
    ]


@pytest.mark.parametrize("step", seed.STEPS, ids=lambda s: f"step{s.number:02d}")
def test_step(g, step: seed.Step):
    s = e(f"step/{step.number:02d}")
    assert (s, RDF.type, ISRP.ProcessStep) in g
    assert int(one(g, s, ISRP.stepNumber)) == step.number
    assert de(g, s, DCTERMS.title) == {step.title}
    assert str(one(g, s, ISRP.scheduleLabel)) == step.schedule
    # body or format
    bodies = set(g.objects(s, ISRP.body))
    assert bodies == ({e(step.body)} if step.body else set())
    # agenda items: order and wording
    items = sorted(g.objects(s, ISRP.agendaItem), key=lambda i: int(one(g, i, ISRP.order)))
    assert [int(one(g, i, ISRP.order)) for i in items] == list(range(1, len(step.agenda) + 1))
    assert [de(g, i, RDFS.label) for i in items] == [{a} for a in step.agenda]
    for k, item in enumerate(items, 1):
        assert item == e(f"step/{step.number:02d}/agenda/{k}")
        assert (item, RDF.type, ISRP.AgendaItem) in g


@pytest.mark.parametrize("step", seed.STEPS, ids=lambda s: f"step{s.number:02d}")
def test_step_schedule_dates(g, step: seed.Step):
    s = e(f"step/{step.number:02d}")
    interval = one(g, s, ISRP.schedule)
    assert (interval, RDF.type, TIME.ProperInterval) in g
    begin, end = expected_interval(step.schedule)

    def bound(p):
        instants = list(g.objects(interval, p))
        if not instants:
            return None
        return one(g, instants[0], TIME.inXSDDate).toPython()

    assert bound(TIME.hasBeginning) == begin
    assert bound(TIME.hasEnd) == end


@pytest.mark.parametrize("step", seed.STEPS, ids=lambda s: f"step{s.number:02d}")
def test_step_roles(g, step: seed.Step):
    s = e(f"step/{step.number:02d}")
    found = Counter()
    for a in g.objects(s, PROV.qualifiedAssociation):
        assert (a, RDF.type, PROV.Association) in g
        agent = one(g, a, PROV.agent)
        role = one(g, a, PROV.hadRole)
        notes = de(g, a, ISRP.roleNote)
        assert str(role).startswith(VOCAB + "role/")
        found[
            (
                str(agent).removeprefix(seed.ERFURT),
                str(role).removeprefix(VOCAB + "role/"),
                next(iter(notes)) if notes else None,
            )
        ] += 1
    assert found == Counter(tuple(r) for r in step.roles)
    leads = {agent for agent, role, _ in found if role == "leitung"}
    assert leads == ({step.lead} if step.lead else set())


def test_step_totals(g):
    steps = erfurt_subjects(g, ISRP.ProcessStep, "step/")
    assocs = [a for s in steps for a in g.objects(s, PROV.qualifiedAssociation)]
    agenda = [i for s in steps for i in g.objects(s, ISRP.agendaItem)]
    assert len(assocs) == sum(len(s.roles) for s in seed.STEPS)
    assert len(agenda) == sum(len(s.agenda) for s in seed.STEPS)
    assert len(erfurt_subjects(g, ISRP.AgendaItem, "step/")) == len(agenda)


# ---------------------------------------------------------------------------------------------
# Bodies, formats, memberships
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", seed.BODIES, ids=lambda b: b.iri)
def test_body(g, body: seed.Body):
    s = e(body.iri)
    assert (s, RDF.type, ISRP[body.rdf_type]) in g
    assert body.label in de(g, s, RDFS.label)
    for prop, expected in (
        (ISRP.lead, body.lead),
        (ISRP.coordination, body.coordination),
        (ISRP.support, body.support),
    ):
        assert set(g.objects(s, prop)) == ({e(expected)} if expected else set()), prop
    assert de(g, s, ISRP.task) == set(body.tasks)


@pytest.mark.parametrize("body", [b for b in seed.BODIES if b.members], ids=lambda b: b.iri)
def test_body_members(g, body: seed.Body):
    s = e(body.iri)
    found = Counter()
    for m in g.objects(s, ISRP.membership):
        assert (m, RDF.type, ORG.Membership) in g
        assert isinstance(m, URIRef) and str(m).startswith(seed.ERFURT + "membership/")
        assert one(g, m, ORG.organization) == s
        notes = de(g, m, ISRP.membershipNote)
        assert len(notes) == 1
        groups = list(g.objects(m, ISRP.memberGroup))
        group = str(groups[0]).removeprefix(VOCAB + "member-group/") if groups else None
        illustrative = (m, ISRP.illustrative, Literal(True)) in g
        found[
            (next(iter(notes)), str(one(g, m, ORG.member)).removeprefix(seed.ERFURT), group, illustrative)
        ] += 1
    assert found == Counter(tuple(m) for m in body.members)
    # every member line of the seed appears
    assert {n for n, *_ in found} == {m.note for m in body.members}


def test_aims_rhythm_target_groups_status(g):
    for iri, aim in seed.AIMS.items():
        assert aim in de(g, e(iri), ISRP.aim), iri
    for iri, rhythm in seed.MEETING_RHYTHM.items():
        assert de(g, e(iri), ISRP.meetingRhythm) == {rhythm}
    for iri, groups in seed.TARGET_GROUPS.items():
        assert set(g.objects(e(iri), ISRP.targetGroup)) == {concept("target-group", t) for t in groups}, iri
    for iri, status in seed.STATUS.items():
        assert set(g.objects(e(iri), ISRP.status)) == {concept("status", status)}


def test_participation_structure_of_the_plan(g):
    plan = e("plan/isrp")
    assert (plan, RDF.type, ISRP.IntegratedPlan) in g
    assert set(g.objects(plan, ISRP.participationElement)) == {e(i) for i in seed.PARTICIPATION_STRUCTURE}
    assert set(g.objects(plan, ISRP.responsibleOrganization)) == {e(seed.SOZIALPLANUNG)}


def test_membership_totals(g):
    memberships = {m for b in seed.BODIES for m in g.objects(e(b.iri), ISRP.membership)}
    assert len(memberships) == sum(len(b.members) for b in seed.BODIES)


# ---------------------------------------------------------------------------------------------
# Facilities
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("iri", "name"), seed.FACILITIES)
def test_facility(g, iri: str, name: str):
    s = e(iri)
    types = set(g.objects(s, RDF.type))
    assert types & {ISRP.NeighbourhoodManagement, ISRP.NeighbourhoodCentre}
    assert name in de(g, s, RDFS.label) | de(g, s, SKOS.altLabel)
    assert list(g.objects(s, ISRP.facilityType))
    assert (e(seed.AK_QUARTIER), ISRP.membership, None) in g
    members = {one(g, m, ORG.member) for m in g.objects(e(seed.AK_QUARTIER), ISRP.membership)}
    assert s in members


def test_daberstedt_operators(g):
    s = e("facility/quartiersmanagement-daberstedt-landtag")
    assert set(g.objects(s, ISRP.operatedBy)) == {e(o) for o in seed.DABERSTEDT_OPERATORS}


# ---------------------------------------------------------------------------------------------
# Milestones, content elements, planning cycle, instruments, source
# ---------------------------------------------------------------------------------------------


def _ordered(g: Graph, cls, kind: str) -> list:
    return sorted(erfurt_subjects(g, cls, kind), key=lambda s: int(one(g, s, ISRP.order)))


def test_milestones(g):
    ms = _ordered(g, ISRP.Milestone, "milestone/")
    assert [int(one(g, m, ISRP.order)) for m in ms] == list(range(1, 8))
    assert [de(g, m, RDFS.label) for m in ms] == [{label} for label in seed.MILESTONES]
    # achievedBy is derived: every link must say so
    for m in ms:
        if list(g.objects(m, ISRP.achievedBy)):
            assert list(g.objects(m, SKOS.editorialNote)), m


def test_content_elements(g):
    cs = _ordered(g, ISRP.ContentElement, "content/")
    assert [de(g, c, RDFS.label) for c in cs] == [{label} for label in seed.CONTENT_ELEMENTS]
    assert set(g.objects(e("plan/isrp"), DCTERMS.hasPart)) == set(cs)


def test_planning_cycle(g):
    phases = _ordered(g, ISRP.PlanningCyclePhase, "phase/")
    assert [de(g, p, RDFS.label) for p in phases] == [{label} for label, _ in seed.CYCLE_PHASES]
    for p, (_, period) in zip(phases, seed.CYCLE_PHASES, strict=True):
        assert {str(o) for o in g.objects(p, ISRP.periodLabel)} == ({period} if period else set())
    # nextPhase: one successor each, following the order, closing into a cycle
    for a, b in itertools.pairwise(phases):
        assert set(g.objects(a, ISRP.nextPhase)) == {b}
    successor = one(g, phases[-1], ISRP.nextPhase)
    assert successor in phases
    seen, cur = set(), phases[1]
    while cur not in seen:
        seen.add(cur)
        cur = one(g, cur, ISRP.nextPhase)
    assert cur == phases[1]


def test_instruments(g):
    labels = {
        label for i in erfurt_subjects(g, ISRP.Instrument, "instrument/") for label in de(g, i, RDFS.label)
    }
    assert set(seed.INSTRUMENTS) <= labels
    report = e("instrument/sozialplanungsreport")
    assert str(one(g, report, ISRP.reportingCycle)) == "P1Y"


def test_seed_source_record(g):
    src = e("source/prozessvorschlag-isrp")
    assert (src, RDF.type, DCTERMS.BibliographicResource) in g
    assert de(g, src, DCTERMS.title) == {seed.SEED_TITLE}
    assert str(one(g, src, DCTERMS.language)) == "de"
    assert not list(g.objects(src, DCTERMS.publisher)), "the seed states no publisher"


SEED_FILES = ("sources", "organisations", "participation", "process", "facilities")


@pytest.mark.parametrize("name", SEED_FILES)
def test_blank_nodes_are_only_structure(name):
    """In the seed files registry entries are IRIs; blank nodes only for intervals, instants,
    associations and addresses."""
    graph = Graph().parse(ROOT / "data" / "erfurt" / f"{name}.ttl", format="turtle")
    allowed = {
        TIME.ProperInterval,
        TIME.Instant,
        PROV.Association,
        URIRef("https://schema.org/PostalAddress"),
    }
    for s, t in graph.subject_objects(RDF.type):
        if isinstance(s, BNode):
            assert t in allowed, (s, t)
