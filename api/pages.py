"""The registry's pages: start, planning overview, interface matrix, gaps, overlaps, validation report.
Each route builds one model and hands it to ``respond`` (HTML, JSON twin, CSV where it is a table).
The process, network and SPARQL pages live in their own modules and are included here.

Also the German and English names of the terms of reused vocabularies (Dublin Core, schema.org, W3C
ORG, PROV, SKOS, OWL Time …) that the data uses but the store does not label, so that no page shows a
bare IRI such as ``http://purl.org/dc/terms/isPartOf`` where a reader expects a word."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api import analysis_pages, network_page, process_page, sparql_page
from api.context import lang_of, state
from api.findings import Pending, full_report
from api.library import Unavailable, function
from api.negotiation import TABLE_PAGE, choose_format, respond
from api.overview import overview_model
from api.scope import cache_part, scope_model, scope_of
from api.validation_view import findings_table, validation_model, validation_sheets
from isrp_graph.messages import register, t

router = APIRouter()

# Validating all of Erfurt takes a second or two: the report page waits this long before it says
# "being computed" (and then checks again by itself).
REPORT_WAIT_SECONDS = 30.0

register(
    {
        "web.table_scroll": {
            "de": "Tabelle: {caption} (mit den Pfeiltasten waagerecht verschiebbar)",
            "en": "Table: {caption} (scrolls sideways with the arrow keys)",
        },
        "web.matrix.heading": {"de": "Matrix der Planungspaare", "en": "Matrix of plan pairs"},
        "web.matrix.how": {
            "de": "Die Spalten tragen die Nummern der Zeilen: Spalte 3 ist die Planung in Zeile 3. "
            "Eine Zahl nennt die Schnittstellen und Abgrenzungen des Paares und führt zu den Belegen; "
            "leere Felder bedeuten: keine Beziehung erklärt.",
            "en": "The columns carry the numbers of the rows: column 3 is the plan in row 3. A number "
            "counts the pair's interfaces and delimitations and leads to the evidence; empty cells "
            "mean: no relation declared.",
        },
        "web.matrix.scale": {"de": "Farbskala:", "en": "Colour scale:"},
        "web.matrix.scale_one": {"de": "1 Beziehung", "en": "1 relation"},
        "web.matrix.scale_many": {"de": "{n} Beziehungen", "en": "{n} relations"},
        "web.matrix.scale_none": {"de": "keine Beziehung", "en": "no relation"},
        "web.matrix.self": {"de": "dieselbe Planung", "en": "the same plan"},
        "web.process.timeline_read": {
            "de": "Links steht die Nummer des Schritts, am Balken sein Gremium oder Format; ein Klick auf "
            "den Balken öffnet den Schritt.",
            "en": "On the left the step's number, at the bar its body or format; clicking a bar opens "
            "the step.",
        },
        "web.process.timeline_scroll": {
            "de": "Zeitleiste (waagerecht verschiebbar)",
            "en": "Timeline (scrolls sideways)",
        },
        "web.report.basis.lastUpdated": {"de": "letzte Fortschreibung", "en": "last update"},
        "web.report.basis.termBegin": {"de": "Beginn der Laufzeit", "en": "beginning of the term"},
        "web.duration.Y1": {"de": "1 Jahr", "en": "1 year"},
        "web.duration.Y": {"de": "{n} Jahre", "en": "{n} years"},
        "web.duration.M1": {"de": "1 Monat", "en": "1 month"},
        "web.duration.M": {"de": "{n} Monate", "en": "{n} months"},
        "web.duration.D1": {"de": "1 Tag", "en": "1 day"},
        "web.duration.D": {"de": "{n} Tage", "en": "{n} days"},
        "web.not_found.elsewhere": {
            "de": "Die Adresse gehört nicht zum Register, sondern verweist auf eine Seite im Internet:",
            "en": "The address does not belong to the registry but points to a page on the internet:",
        },
        "web.validation.reload": {"de": "Jetzt neu laden", "en": "Reload now"},
        "web.validation.generated": {"de": "Stand der Prüfung: {when}", "en": "Validated at: {when}"},
        "web.validation.entries": {
            "de": "{n} Einträge mit Befunden, die schwersten zuerst.",
            "en": "{n} entries with findings, the most severe first.",
        },
    }
)

_DC = "http://purl.org/dc/terms/"
_SCHEMA = "https://schema.org/"
_ORG = "http://www.w3.org/ns/org#"
_PROV = "http://www.w3.org/ns/prov#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_TIME = "http://www.w3.org/2006/time#"
_ELI = "http://data.europa.eu/eli/ontology#"
_GEO = "http://www.opengis.net/ont/geosparql#"
_OWL = "http://www.w3.org/2002/07/owl#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_VANN = "http://purl.org/vocab/vann/"

# (IRI, German, English): terms the data uses without a label of their own in the store.
TERM_LABELS: tuple[tuple[str, str, str], ...] = (
    (_DC + "BibliographicResource", "Dokument", "document"),
    (_DC + "contributor", "mitwirkend", "contributor"),
    (_DC + "created", "erstellt", "created"),
    (_DC + "creator", "Urheber", "creator"),
    (_DC + "date", "Datum", "date"),
    (_DC + "description", "Beschreibung", "description"),
    (_DC + "extent", "Umfang", "extent"),
    (_DC + "hasPart", "umfasst", "has part"),
    (_DC + "identifier", "Kennung", "identifier"),
    (_DC + "isPartOf", "Teil von", "part of"),
    (_DC + "isReplacedBy", "ersetzt durch", "replaced by"),
    (_DC + "isVersionOf", "Fassung von", "version of"),
    (_DC + "issued", "veröffentlicht", "issued"),
    (_DC + "language", "Sprache", "language"),
    (_DC + "license", "Lizenz", "licence"),
    (_DC + "publisher", "herausgegeben von", "publisher"),
    (_DC + "references", "verweist auf", "references"),
    (_DC + "relation", "steht in Beziehung zu", "related to"),
    (_DC + "replaces", "ersetzt", "replaces"),
    (_DC + "title", "Titel", "title"),
    (_SCHEMA + "CreativeWork", "Werk", "creative work"),
    (_SCHEMA + "FundingScheme", "Förderprogramm", "funding scheme"),
    (_SCHEMA + "Organization", "Organisation", "organisation"),
    (_SCHEMA + "PostalAddress", "Anschrift", "postal address"),
    (_SCHEMA + "address", "Anschrift", "address"),
    (_SCHEMA + "addressLocality", "Ort", "locality"),
    (_SCHEMA + "funder", "Fördergeber", "funder"),
    (_SCHEMA + "name", "Name", "name"),
    (_SCHEMA + "parentOrganization", "übergeordnete Organisation", "parent organisation"),
    (_SCHEMA + "postalCode", "Postleitzahl", "postal code"),
    (_SCHEMA + "streetAddress", "Straße und Hausnummer", "street address"),
    (_ORG + "FormalOrganization", "formale Organisation", "formal organisation"),
    (_ORG + "Membership", "Mitgliedschaft", "membership"),
    (_ORG + "Organization", "Organisation", "organisation"),
    (_ORG + "OrganizationalCollaboration", "Zusammenschluss", "collaboration"),
    (_ORG + "OrganizationalUnit", "Organisationseinheit", "organisational unit"),
    (_ORG + "Role", "Rolle", "role"),
    (_ORG + "hasMember", "hat Mitglied", "has member"),
    (_ORG + "organization", "Mitglied in", "member in"),
    (_ORG + "unitOf", "Einheit von", "unit of"),
    (_PROV + "Activity", "Tätigkeit", "activity"),
    (_PROV + "Agent", "Akteur", "agent"),
    (_PROV + "Association", "Beteiligung", "association"),
    (_PROV + "Entity", "Gegenstand", "entity"),
    (_PROV + "Plan", "Plan", "plan"),
    (_PROV + "Role", "Rolle", "role"),
    (_PROV + "wasAssociatedWith", "beteiligt", "associated with"),
    (_PROV + "wasDerivedFrom", "abgeleitet von", "derived from"),
    (_SKOS + "Concept", "Begriff", "concept"),
    (_SKOS + "ConceptScheme", "Begriffsschema", "concept scheme"),
    (_SKOS + "definition", "Definition", "definition"),
    (_SKOS + "hasTopConcept", "oberster Begriff", "top concept"),
    (_SKOS + "historyNote", "Anmerkung zur Geschichte", "history note"),
    (_SKOS + "notation", "Kürzel", "notation"),
    (_SKOS + "note", "Anmerkung", "note"),
    (_SKOS + "prefLabel", "Bezeichnung", "preferred label"),
    (_SKOS + "scopeNote", "Anwendungshinweis", "scope note"),
    (_SKOS + "topConceptOf", "oberster Begriff von", "top concept of"),
    (_TIME + "Instant", "Zeitpunkt", "instant"),
    (_TIME + "ProperInterval", "Zeitraum", "interval"),
    (_TIME + "inXSDDate", "Datum", "date"),
    (_ELI + "LegalResource", "Rechtsvorschrift", "legal resource"),
    (_ELI + "LegalResourceSubdivision", "Teil einer Rechtsvorschrift", "legal resource subdivision"),
    (_ELI + "date_document", "Datum des Dokuments", "document date"),
    (_GEO + "Feature", "räumliches Objekt", "feature"),
    (_GEO + "sfOverlaps", "überschneidet sich mit", "overlaps"),
    (_OWL + "Class", "Klasse", "class"),
    (_OWL + "Ontology", "Ontologie", "ontology"),
    (_OWL + "ObjectProperty", "Beziehungsmerkmal", "object property"),
    (_OWL + "DatatypeProperty", "Wertmerkmal", "datatype property"),
    (_OWL + "AnnotationProperty", "Anmerkungsmerkmal", "annotation property"),
    (_OWL + "inverseOf", "Umkehrung von", "inverse of"),
    (_OWL + "versionInfo", "Version", "version"),
    (_OWL + "versionIRI", "Versions-IRI", "version IRI"),
    (_RDFS + "label", "Bezeichnung", "label"),
    (_RDFS + "comment", "Erläuterung", "comment"),
    (_RDFS + "domain", "gilt für", "domain"),
    (_RDFS + "range", "Wertebereich", "range"),
    (_RDFS + "subPropertyOf", "Untermerkmal von", "subproperty of"),
    (_VANN + "preferredNamespacePrefix", "bevorzugtes Präfix", "preferred namespace prefix"),
    (_VANN + "preferredNamespaceUri", "bevorzugter Namensraum", "preferred namespace URI"),
    # the city as a whole: the overlap queries name a city-wide plan's space this way
    ("https://w3id.org/isrp/erfurt/", "ganz Erfurt (gesamtstädtisch)", "all of Erfurt (city-wide)"),
)

register({"term." + iri: {"de": de, "en": en} for iri, de, en in TERM_LABELS})
router.include_router(process_page.router)
router.include_router(network_page.router)
router.include_router(sparql_page.router)
router.include_router(analysis_pages.router)


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    lang = lang_of(request)
    store, scope = state(request).store, scope_of(request)

    def counts() -> tuple[dict[str, Any], dict[str, int]]:
        # the counts of the installation's municipalities (or ?kommune= within them) and shared entries
        summary = function("isrp_graph.registry", "summary")(store, lang, scope)
        return summary, function("isrp_graph.analyses.basis", "example_counts")(store, scope)

    summary: dict[str, Any] | None
    try:  # once per store version and scope: on a national store the counts read every entry
        key = ("home-counts", lang, *cache_part(request))
        summary, examples = request.app.state.cache.get(store, key, counts)
    except Unavailable:
        summary, examples = None, {}
    model = {"summary": summary, "examples": examples, "scope": scope_model(request, "web.scope.covers_data")}
    return respond(request, "home.html", model, title=t("web.home.title", lang))


@router.get("/uebersicht", include_in_schema=False)
def overview(request: Request) -> Response:
    lang = lang_of(request)
    model, table = overview_model(request)
    return respond(
        request,
        "overview.html",
        model,
        table=table,
        filename="planungssystematik",
        title=t("web.nav.overview", lang),
    )


@router.get("/pruefung", include_in_schema=False)
def validation(request: Request) -> Response:
    lang = lang_of(request)
    try:
        report = full_report(request, wait=REPORT_WAIT_SECONDS)
    except Pending:
        if choose_format(request, TABLE_PAGE) != "html":  # JSON, CSV, XLSX: 503 "still running"
            raise
        # still running (a very large registry or a slow store): say so, and check again by itself
        model = {"pending": True, "conforms": None, "counts": {}, "generated_at": None, "entries": []}
        return respond(
            request, "validation.html", model, title=t("web.nav.validation", lang), status_code=503
        )
    model = {**validation_model(request, report), "scope": scope_model(request)}
    return respond(
        request,
        "validation.html",
        model,
        title=t("web.nav.validation", lang),
        table=(findings := findings_table(request, model)),
        filename="pruefbericht",
        sheets=lambda: validation_sheets(request, model, findings),
    )
