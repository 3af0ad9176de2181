"""A synthetic multi-municipality ISRP registry, for benchmarks: plausible data in the ontology's terms
(plans, offices, spatial systems, interfaces, measures, needs, indicators, facilities …) for N invented
municipalities ``https://w3id.org/isrp/synth-NNNN/``, written as N-Triples with string templates (fast:
about a million triples in a few seconds).

Every municipality gets the same shape with random choices (seeded, so runs are repeatable): an office
structure, a city unit, 30 Ortsteile in 6 planning areas and 8 school districts (some overlapping
Ortsteile), 25 plans using the shipped SKOS vocabularies, interfaces and delimitations, networks,
40 measures, needs, guidelines, indicators with observations, neighbourhood facilities and budget items.
Funding schemes and legal provisions are shared by all municipalities, as in reality. About 2,500 triples
per municipality (each entry linked to its city by ``isrp:municipality``):
``municipalities_for(1_000_000)`` ~ 400.

    python -m benchmarks.synthetic --triples 100000 -o var/synthetic-100k.nt
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

BASE = "https://w3id.org/isrp/"
ISRP = BASE + "def#"
VOCAB = BASE + "vocab/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_DEFINITION = "http://www.w3.org/2004/02/skos/core#definition"
DCT_SOURCE = "http://purl.org/dc/terms/source"
GEO_WITHIN = "http://www.opengis.net/ont/geosparql#sfWithin"
GEO_OVERLAPS = "http://www.opengis.net/ont/geosparql#sfOverlaps"
ORG_SUB = "http://www.w3.org/ns/org#subOrganizationOf"
TIME = "http://www.w3.org/2006/time#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ELI = "http://data.europa.eu/eli/ontology#"

TRIPLES_PER_MUNICIPALITY = 2515


def _slugs(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# concept slugs from docs/conventions.md (the shipped vocabularies)
TARGET_GROUPS = _slugs(
    "kinder-und-jugendliche kinder kinder-bis-schuleintritt jugendliche junge-volljaehrige familien "
    "alleinerziehende eltern aeltere-menschen senioren hochbetagte pflegebeduerftige "
    "menschen-mit-behinderungen menschen-mit-migrationsgeschichte gefluechtete menschen-in-wohnungsnot "
    "wohnungslose erwerbslose "
    "langzeitarbeitslose leistungsbeziehende menschen-mit-psychischen-erkrankungen suchtkranke "
    "schuelerinnen-und-schueler frauen bewohnerschaft gesamtbevoelkerung"
)
TOPICS = _slugs(
    "armut bildung gesundheit wohnen integration inklusion teilhabe gleichstellung demografischer-wandel "
    "segregation beschaeftigung mobilitaet nachhaltigkeit-klima ehrenamt kinderschutz pflege "
    "sozialraumorientierung wirkungsorientierung sport-und-bewegung kultur sicherheit familienfreundlichkeit "
    "quartiersentwicklung digitalisierung"
)
POLICY_FIELDS = _slugs(
    "jugendhilfe soziales gesundheit bildung stadtentwicklung wohnen verkehr kultur sport umwelt-und-klima "
    "integration-und-migration inklusion gleichstellung arbeitsmarkt"
)
PLAN_TYPES = _slugs(
    "bedarfsplan foerderplan massnahmeplan konzept entwicklungskonzept bericht aktionsplan netzplan"
)
STATUSES = ("beschlossen", "beschlossen", "in-umsetzung", "in-fortschreibung", "entwurf", "ausgelaufen")
FORMS = _slugs("gemeinsames-gremium gegenseitige-beteiligung jour-fixe datenaustausch gemeinsame-planung")
OFFICES = (
    "amt-fuer-soziales",
    "jugendamt",
    "gesundheitsamt",
    "amt-fuer-bildung",
    "amt-fuer-stadtentwicklung",
    "umweltamt",
    "sportamt",
    "kulturamt",
)
PLAN_NAMES = (
    ("jugendhilfeplanung", "Jugendhilfeplanung", "youth welfare planning"),
    ("kita-bedarfsplan", "Kita-Bedarfsplan", "childcare needs plan"),
    ("kinder-und-jugendfoerderplan", "Kinder- und Jugendförderplan", "child and youth support plan"),
    ("familienfoerderplan", "Familienförderplan", "family support plan"),
    ("hilfen-zur-erziehung", "Maßnahmeplan Hilfen zur Erziehung", "educational support plan"),
    ("schulnetzplan", "Schulnetzplan", "school network plan"),
    ("altenhilfeplan", "Altenhilfeplan", "old-age care plan"),
    ("pflegeplan", "Pflegestrukturplan", "care structure plan"),
    ("teilhabeplan", "Teilhabeplan", "participation plan"),
    ("integrationskonzept", "Integrationskonzept", "integration concept"),
    ("wohnungsnotfallhilfe", "Konzept Wohnungsnotfallhilfe", "homelessness concept"),
    ("gesundheitsplan", "Gesundheitsplanung", "health planning"),
    ("psychiatrieplan", "Psychiatrieplan", "psychiatric care plan"),
    ("suchthilfeplan", "Suchthilfeplan", "addiction support plan"),
    ("gleichstellungsplan", "Gleichstellungsaktionsplan", "gender equality action plan"),
    ("sportentwicklungsplan", "Sportentwicklungsplan", "sports development plan"),
    ("kulturkonzept", "Kulturkonzept", "culture concept"),
    ("nahverkehrsplan", "Nahverkehrsplan", "public transport plan"),
    ("wohnraumkonzept", "Wohnraumversorgungskonzept", "housing supply concept"),
    ("klimaschutzkonzept", "Klimaschutzkonzept", "climate protection concept"),
    ("bildungsbericht", "Bildungsbericht", "education report"),
    ("sozialbericht", "Sozialbericht", "social report"),
    ("arbeitsmarktkonzept", "Arbeitsmarktkonzept", "labour market concept"),
    ("quartierskonzept", "Integriertes Quartierskonzept", "integrated neighbourhood concept"),
    ("isek", "Integriertes Stadtentwicklungskonzept", "integrated urban development concept"),
)
SCHEMES = tuple(f"{BASE}funding/synth-{i:02d}" for i in range(1, 11))
PROVISIONS = tuple(f"{BASE}law/synth-gesetz/p{i}" for i in range(1, 13))
ORTSTEILE, PLANUNGSRAEUME, SCHULBEZIRKE = 30, 6, 8


def iri(value: str) -> str:
    return f"<{value}>"


def lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


class _Writer:
    """Collects N-Triples lines; blank nodes get document-unique labels."""

    def __init__(self, home: str | None = None, city: str | None = None) -> None:
        self.lines: list[str] = []
        self._bnodes = 0
        # entries under ``home`` (a municipality's IRI base) are linked to ``city`` (isrp:municipality)
        self._home = home
        self._city = city

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} <{p}> {o} .\n")
        if p == RDF_TYPE and self._home and s.startswith("<" + self._home) and s != self._city:
            self.lines.append(f"{s} <{ISRP}municipality> {self._city} .\n")

    def a(self, s: str, cls: str) -> None:
        self.add(s, RDF_TYPE, iri(ISRP + cls))

    def label(self, s: str, de: str, en: str | None = None) -> None:
        self.add(s, RDFS_LABEL, lit(de, "de"))
        if en:
            self.add(s, RDFS_LABEL, lit(en, "en"))

    def bnode(self, prefix: str) -> str:
        self._bnodes += 1
        return f"_:{prefix}b{self._bnodes}"

    def interval(self, s: str, prop: str, begin: str | None, end: str | None) -> None:
        node = self.bnode("t")
        self.add(s, ISRP + prop, node)
        self.add(node, RDF_TYPE, iri(TIME + "ProperInterval"))
        for key, day in (("hasBeginning", begin), ("hasEnd", end)):
            if day:
                instant = self.bnode("i")
                self.add(node, TIME + key, instant)
                self.add(instant, RDF_TYPE, iri(TIME + "Instant"))
                self.add(instant, TIME + "inXSDDate", lit(day, datatype=XSD + "date"))


def shared(writer: _Writer) -> None:
    """Funding schemes and legal provisions every municipality refers to."""
    source = iri(BASE + "synthetic/source")
    writer.add(source, RDFS_LABEL, lit("Synthetische Testdaten", "de"))
    for index, scheme in enumerate(SCHEMES, 1):
        s = iri(scheme)
        writer.a(s, "FundingScheme")
        writer.label(s, f"Förderprogramm {index}", f"funding scheme {index}")
        writer.add(
            s, ISRP + "fundingLevel", iri(VOCAB + "funding-level/" + ("land" if index % 2 else "bund"))
        )
        writer.add(s, ISRP + "targetGroup", iri(VOCAB + "target-group/" + TARGET_GROUPS[index * 2]))
        writer.add(s, DCT_SOURCE, source)
    law = iri(BASE + "law/synth-gesetz")
    writer.add(law, RDF_TYPE, iri(ELI + "LegalResource"))
    writer.add(law, ELI + "title", lit("Synthetisches Sozialgesetz", "de"))
    writer.add(law, ELI + "title_short", lit("SynthG"))
    writer.add(law, RDFS_LABEL, lit("Synthetisches Sozialgesetz", "de"))
    writer.add(law, DCT_SOURCE, source)
    for index, provision in enumerate(PROVISIONS, 1):
        p = iri(provision)
        writer.add(p, RDF_TYPE, iri(ELI + "LegalResourceSubdivision"))
        writer.add(p, ELI + "is_part_of", law)
        writer.add(p, ISRP + "provisionLabel", lit(f"§ {index} SynthG"))
        writer.add(p, RDFS_LABEL, lit(f"§ {index} SynthG", "de"))
        obligation = "pflichtplanung" if index <= 6 else ("pflichtaufgabe" if index <= 9 else "freiwillig")
        writer.add(p, ISRP + "obligation", iri(VOCAB + "obligation/" + obligation))
        writer.add(p, DCT_SOURCE, source)


def municipality(writer: _Writer, number: int, rng: random.Random) -> None:
    m = f"{BASE}synth-{number:04d}/"
    name = f"Synthstadt {number}"
    source = iri(BASE + "synthetic/source")

    def e(kind: str, slug: str) -> str:
        return iri(f"{m}{kind}/{slug}")

    def concept(scheme: str, slug: str) -> str:
        return iri(f"{VOCAB}{scheme}/{slug}")

    def sourced(s: str) -> None:
        writer.add(s, DCT_SOURCE, source)

    # organisations
    city = e("org", "stadt")
    writer.add(city, RDF_TYPE, iri("http://www.w3.org/ns/org#FormalOrganization"))
    writer.label(city, name, name)
    writer.add(city, ISRP + "organizationType", concept("organisation-type", "kommune"))
    sourced(city)
    for slug in OFFICES:
        office = e("org", slug)
        writer.a(office, "AdministrativeUnit")
        writer.label(office, f"{slug.replace('-', ' ').title()} {name}")
        writer.add(office, ISRP + "organizationType", concept("organisation-type", "amt"))
        writer.add(office, ORG_SUB, city)
        sourced(office)

    # spatial units: city, Ortsteile in planning areas, school districts
    city_area = e("area", "stadt")
    writer.a(city_area, "SpatialUnit")
    writer.label(city_area, name, name)
    writer.add(city_area, ISRP + "spatialUnitType", concept("spatial-unit-type", "stadt"))
    sourced(city_area)
    systems = {slug: e("spatial-system", slug) for slug in ("ortsteile", "planungsraeume", "schulbezirke")}
    for slug, system in systems.items():
        writer.a(system, "SpatialSystem")
        writer.label(system, f"{slug.title()} {name}")
        sourced(system)
    ortsteile = [e("area", f"ot-{i:02d}") for i in range(1, ORTSTEILE + 1)]
    raeume = [e("area", f"pr-{i}") for i in range(1, PLANUNGSRAEUME + 1)]
    bezirke = [e("area", f"sb-{i}") for i in range(1, SCHULBEZIRKE + 1)]
    for index, unit in enumerate(raeume, 1):
        writer.a(unit, "SpatialUnit")
        writer.label(unit, f"Planungsraum {index}")
        writer.add(unit, ISRP + "inSpatialSystem", systems["planungsraeume"])
        writer.add(unit, ISRP + "spatialUnitType", concept("spatial-unit-type", "planungsraum"))
        writer.add(unit, GEO_WITHIN, city_area)
        sourced(unit)
    for index, unit in enumerate(bezirke, 1):
        writer.a(unit, "SpatialUnit")
        writer.label(unit, f"Schulbezirk {index}")
        writer.add(unit, ISRP + "inSpatialSystem", systems["schulbezirke"])
        writer.add(unit, ISRP + "spatialUnitType", concept("spatial-unit-type", "schulbezirk"))
        sourced(unit)
    for index, unit in enumerate(ortsteile):
        writer.a(unit, "SpatialUnit")
        writer.label(unit, f"Ortsteil {index + 1}")
        writer.add(unit, ISRP + "inSpatialSystem", systems["ortsteile"])
        writer.add(unit, ISRP + "spatialUnitType", concept("spatial-unit-type", "ortsteil"))
        writer.add(unit, GEO_WITHIN, city_area)
        sourced(unit)
        writer.add(unit, GEO_WITHIN, raeume[index * PLANUNGSRAEUME // ORTSTEILE])
        district = bezirke[index * SCHULBEZIRKE // ORTSTEILE]
        if index % 7 == 3:  # a school district boundary cuts this Ortsteil
            writer.add(unit, GEO_OVERLAPS, district)
            writer.add(
                unit, GEO_OVERLAPS, bezirke[min(index * SCHULBEZIRKE // ORTSTEILE + 1, SCHULBEZIRKE - 1)]
            )
        else:
            writer.add(unit, GEO_WITHIN, district)

    # networks
    networks = [e("network", f"netzwerk-{i}") for i in range(1, 6)]
    for index, network in enumerate(networks, 1):
        writer.a(network, "Network")
        writer.label(network, f"Netzwerk {index} {name}")
        writer.add(network, ISRP + "topic", concept("topic", rng.choice(TOPICS)))
        writer.add(network, ISRP + "coordinatedBy", e("org", rng.choice(OFFICES)))
        sourced(network)

    # plans
    plans = []
    for index, (slug, de, en) in enumerate(PLAN_NAMES):
        plan = e("plan", slug)
        plans.append(plan)
        writer.a(plan, "IntegratedPlan" if slug in ("isek", "quartierskonzept") else "SectoralPlan")
        writer.label(plan, f"{de} {name}", f"{en} {name}")
        writer.add(plan, SKOS_DEFINITION, lit(f"{de} der Kommune {name} (synthetisch).", "de"))
        writer.add(plan, ISRP + "task", lit(f"Bedarfe ermitteln und Angebote planen ({de}).", "de"))
        writer.add(plan, ISRP + "planType", concept("plan-type", PLAN_TYPES[index % len(PLAN_TYPES)]))
        writer.add(
            plan, ISRP + "policyField", concept("policy-field", POLICY_FIELDS[index % len(POLICY_FIELDS)])
        )
        writer.add(plan, ISRP + "responsibleOrganization", e("org", OFFICES[index % len(OFFICES)]))
        writer.add(plan, ISRP + "status", concept("status", rng.choice(STATUSES)))
        writer.add(plan, ISRP + "relevantToISRP", lit("true", datatype=XSD + "boolean"))
        for group in rng.sample(TARGET_GROUPS, rng.randint(1, 3)):
            writer.add(plan, ISRP + "targetGroup", concept("target-group", group))
        for topic in rng.sample(TOPICS, rng.randint(1, 3)):
            writer.add(plan, ISRP + "topic", concept("topic", topic))
        begin = rng.randint(2012, 2024)
        writer.interval(plan, "term", f"{begin}-01-01", f"{begin + rng.randint(1, 6)}-12-31")
        writer.add(
            plan, ISRP + "lastUpdated", lit(f"{begin - rng.randint(0, 2)}-06-30", datatype=XSD + "date")
        )
        writer.add(plan, ISRP + "updateCycle", lit(f"P{rng.choice((1, 2, 5))}Y", datatype=XSD + "duration"))
        choice = rng.random()
        if choice < 0.35:
            writer.add(plan, ISRP + "spatialSystem", systems["planungsraeume"])
        elif choice < 0.5:
            writer.add(plan, ISRP + "spatialSystem", systems["schulbezirke"])
        elif choice < 0.7:
            writer.add(plan, ISRP + "spatialSystem", systems["ortsteile"])
        if slug == "quartierskonzept":
            writer.add(plan, ISRP + "spatialScope", rng.choice(ortsteile))
        elif rng.random() < 0.5:
            writer.add(plan, ISRP + "spatialScope", city_area)
        if rng.random() < 0.6:
            writer.add(plan, ISRP + "legalBasis", iri(rng.choice(PROVISIONS)))
        if rng.random() < 0.3:
            writer.add(plan, ISRP + "fundingScheme", iri(rng.choice(SCHEMES)))
        if rng.random() < 0.4:
            writer.add(plan, ISRP + "network", rng.choice(networks))
        sourced(plan)

    # interfaces and delimitations
    for index in range(15):
        a, b = rng.sample(plans, 2)
        if index % 4 == 3:
            relation = e("delimitation", f"d{index}")
            writer.a(relation, "Delimitation")
            writer.add(relation, ISRP + "delimitationRule", lit("Zuständigkeit nach Altersgruppe.", "de"))
        else:
            relation = e("interface", f"i{index}")
            writer.a(relation, "Interface")
            writer.add(relation, ISRP + "coordinationForm", concept("coordination-form", rng.choice(FORMS)))
            writer.add(relation, ISRP + "topic", concept("topic", rng.choice(TOPICS)))
        writer.label(relation, f"Beziehung {index}")
        writer.add(relation, ISRP + "relatesPlan", a)
        writer.add(relation, ISRP + "relatesPlan", b)
        writer.add(relation, SKOS_DEFINITION, lit("Synthetische Planbeziehung.", "de"))
        sourced(relation)

    # needs, guidelines, indicators, budget items
    needs = [e("need", f"n{i}") for i in range(1, 11)]
    for index, need in enumerate(needs, 1):
        writer.a(need, "Need")
        writer.label(need, f"Bedarf {index}")
        writer.add(need, ISRP + "targetGroup", concept("target-group", rng.choice(TARGET_GROUPS)))
        writer.add(need, ISRP + "topic", concept("topic", rng.choice(TOPICS)))
        writer.add(need, ISRP + "spatialScope", rng.choice(ortsteile))
        sourced(need)
    guidelines = [e("guideline", f"l{i}") for i in range(1, 6)]
    for index, guideline in enumerate(guidelines, 1):
        writer.a(guideline, "SocialPolicyGuideline")
        writer.label(guideline, f"Leitlinie {index}")
        sourced(guideline)
    indicators = [e("indicator", f"ind{i}") for i in range(1, 5)]
    for index, indicator in enumerate(indicators, 1):
        writer.a(indicator, "Indicator")
        writer.label(indicator, f"Indikator {index}")
        writer.add(indicator, ISRP + "indicatorType", concept("indicator-type", "sozialstruktur"))
        sourced(indicator)
    budgets = [e("budget", f"b{i}") for i in range(1, 11)]
    for index, budget in enumerate(budgets, 1):
        writer.a(budget, "BudgetItem")
        writer.label(budget, f"Haushaltsposition {index}")
        writer.add(budget, ISRP + "fiscalYear", lit("2024", datatype=XSD + "gYear"))
        sourced(budget)

    # indicator observations: two indicators per Ortsteil
    for index, unit in enumerate(ortsteile):
        for indicator in indicators[:2]:
            observation = e("observation", f"o{index}-{indicator[-2]}")
            writer.a(observation, "IndicatorObservation")
            writer.label(observation, f"Indikator {indicator[-2]} – Ortsteil {index + 1} (2022)")
            writer.add(observation, ISRP + "indicator", indicator)
            writer.add(observation, ISRP + "observedArea", unit)
            level = rng.choices(("hoch", "mittel", "niedrig"), weights=(2, 3, 5))[0]
            writer.add(observation, ISRP + "needLevel", concept("need-level", level))
            writer.add(observation, ISRP + "referenceDate", lit("2022", datatype=XSD + "gYear"))
            writer.add(
                observation, ISRP + "value", lit(f"{rng.uniform(1, 30):.1f}", datatype=XSD + "decimal")
            )
            sourced(observation)

    # neighbourhood facilities
    for index in range(1, 6):
        facility = e("facility", f"f{index}")
        writer.a(facility, "NeighbourhoodManagement" if index % 2 else "NeighbourhoodCentre")
        writer.label(facility, f"Stadtteilzentrum {index}")
        writer.add(facility, ISRP + "spatialScope", rng.choice(ortsteile))
        writer.add(facility, ISRP + "fundedBy", iri(rng.choice(SCHEMES)))
        writer.add(facility, ISRP + "targetGroup", concept("target-group", "bewohnerschaft"))
        kind = "quartiersmanagement" if index % 2 else "stadtteilzentrum"
        writer.add(facility, ISRP + "facilityType", concept("facility-type", kind))
        writer.add(facility, ISRP + "operatedBy", e("org", "amt-fuer-soziales"))
        sourced(facility)

    # measures
    for index in range(1, 41):
        measure = e("measure", f"m{index}")
        writer.a(measure, "Measure")
        writer.label(measure, f"Maßnahme {index} {name}")
        operative = index % 4 != 0
        writer.add(
            measure, ISRP + "measureType", concept("measure-type", "operativ" if operative else "strategisch")
        )
        roll = rng.random()
        if roll < 0.8:
            writer.add(measure, ISRP + "assignedPlan", rng.choice(plans))
        elif roll < 0.9:
            writer.add(measure, ISRP + "handledSeparately", lit("true", datatype=XSD + "boolean"))
        writer.add(measure, ISRP + "targetGroup", concept("target-group", rng.choice(TARGET_GROUPS)))
        writer.add(measure, ISRP + "topic", concept("topic", rng.choice(TOPICS)))
        writer.add(measure, ISRP + "spatialScope", rng.choice([*ortsteile, city_area]))
        if rng.random() < 0.6:
            writer.add(measure, ISRP + "usesIndicator", rng.choice(indicators))
        if rng.random() < 0.6:
            writer.add(measure, ISRP + "budgetItem", rng.choice(budgets))
        if rng.random() < 0.4:
            writer.add(measure, ISRP + "fundedBy", iri(rng.choice(SCHEMES)))
        if rng.random() < 0.5:
            writer.add(measure, ISRP + "implementsGuideline", rng.choice(guidelines))
        if rng.random() < 0.3:
            writer.add(measure, ISRP + "addressesNeed", rng.choice(needs))
        sourced(measure)


def generate(municipalities: int, seed: int = 1) -> Iterator[str]:
    """N-Triples lines: the shared schemes and provisions, then each municipality."""
    rng = random.Random(seed)
    writer = _Writer()
    shared(writer)
    yield from writer.lines
    for number in range(1, municipalities + 1):
        writer = _Writer(home=f"{BASE}synth-{number:04d}/", city=iri(f"{BASE}synth-{number:04d}/org/stadt"))
        writer._bnodes = number * 1000
        municipality(writer, number, rng)
        yield from writer.lines


def municipalities_for(triples: int) -> int:
    """How many municipalities give about ``triples`` triples."""
    return max(1, round(triples / TRIPLES_PER_MUNICIPALITY))


def write(path: str | Path, municipalities: int, seed: int = 1) -> int:
    """Write the registry to ``path`` (N-Triples); returns the number of triples."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for line in generate(municipalities, seed):
            out.write(line)
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Synthetic multi-municipality ISRP registry (N-Triples)")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--municipalities", type=int)
    size.add_argument("--triples", type=int, help="approximate number of triples")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    count = args.municipalities or municipalities_for(args.triples)
    triples = write(args.output, count, args.seed)
    print(f"{args.output}: {count} municipalities, {triples} triples", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
