"""The seed document as a table, transcribed by hand for the data tests.

Written by reading the seed (/work/shared/seed/000_72481553ce41e42f.txt, "Prozessvorschlag zum
weiteren Umgang „Sozialstrukturatlas 2020“/ Strategieentwicklung für eine integrierte
Sozialraumplanung (ISRP)") line by line. It is deliberately NOT generated from the Turtle in
data/: the tests compare the two, so a slip in either shows up.

Transcription rules: line breaks of the seed are joined with one space; a line ending in "-" or
"/" is joined without a space ("Planungsraum-" + "/Sozialraumdefinition"). IRIs are relative to
``https://w3id.org/isrp/erfurt/``; vocabulary concepts are given by their slug.
"""

from __future__ import annotations

from typing import NamedTuple

ERFURT = "https://w3id.org/isrp/erfurt/"
VOCAB = "https://w3id.org/isrp/vocab/"

# Agents and bodies (relative IRIs, fixed by docs/conventions.md)
DEZERNAT_05 = "org/dezernat-05"
SOZIALPLANUNG = "org/sozialplanung"
EXTERNE_MODERATION = "org/externe-moderation"
STATISTIK = "org/abteilung-statistik-und-wahlen"
QM_RUNDE = "network/qm-runde"
BEGLEITGREMIUM = "body/begleitgremium"
INTERFRAKTIONELL = "body/interfraktionelle-arbeitsgruppe"
AG_PLANUNGSRAUM = "body/ag-planungsraum-sozialraumdefinition"
AK_QUARTIER = "body/ak-quartiersarbeit-quartiersentwicklung"
PLANERRUNDE = "body/planerrunde-dezernat-05"
JOUR_FIXE = "body/jour-fixe-fachplaner"
DIENSTBERATUNG = "body/dienstberatung-oberbuergermeister"
AUSSCHUSS = "org/ausschuss-soziales-arbeitsmarkt-gleichstellung"
STADTRAT = "org/stadtrat"
SOZIALPLANUNGSFORUM = "format/sozialplanungsforum"
SOZIALRAUMFOREN = "format/sozialraumforen"
ORTSTEILE = "format/beteiligungsformat-ortsteile"
KINDER_JUGEND = "format/kinder-und-jugendbeteiligung"
VORHABENLISTE = "format/vorhabenliste-erfurter-modell"
HAUSHALTSERHEBUNG = "format/wohnungs-und-haushaltserhebung-2022"


class Role(NamedTuple):
    """One entry of the "Aufgabenverteilung" column: agent, vocab:role slug, role note."""

    agent: str
    role: str
    note: str | None = None


class Step(NamedTuple):
    number: int
    title: str
    body: str | None
    schedule: str
    lead: str | None
    agenda: tuple[str, ...]
    roles: tuple[Role, ...]


def _leitung() -> Role:
    return Role(DEZERNAT_05, "leitung")


def _sp(*roles: str) -> tuple[Role, ...]:
    return tuple(Role(SOZIALPLANUNG, r) for r in roles)


_EXT = Role(EXTERNE_MODERATION, "externe-moderation", "Prüfung")

STEPS: tuple[Step, ...] = (
    Step(
        1,
        "Planerrunde Dezernat 05",
        PLANERRUNDE,
        "03/2021",
        DEZERNAT_05,
        ("Beratung Ablaufschema ISRP",),
        (_leitung(),),
    ),
    Step(
        2,
        "Jour fixe der Fachplaner",
        JOUR_FIXE,
        "01.04.2021",
        DEZERNAT_05,
        ("Vorstellung Ablaufschema ISRP", "Übersicht Fachplanungen"),
        (_leitung(),),
    ),
    Step(
        3,
        "Jour fixe der Fachplaner",
        JOUR_FIXE,
        "bis zum 21.05.2021",
        DEZERNAT_05,
        ("Rückmeldemöglichkeit zum Ablaufschema",),
        (_leitung(),),
    ),
    Step(
        4,
        "Dienstberatung Oberbürgermeister",
        DIENSTBERATUNG,
        "06/2021",
        None,
        ("Beschlussfassung zum Ablaufschema",),
        (Role(DEZERNAT_05, "zustaendig"),),
    ),
    Step(
        5,
        "Ausschuss für Soziales, Arbeitsmarkt und Gleichstellung",
        AUSSCHUSS,
        "15.07.2021",
        None,
        ("Beschlussfassung zum Ablaufschema",),
        (Role(DEZERNAT_05, "zustaendig"),),
    ),
    Step(
        6,
        "Stadtrat",
        STADTRAT,
        "21.07.2021",
        None,
        ("Beschlussfassung zum Ablaufschema",),
        (Role(DEZERNAT_05, "zustaendig"),),
    ),
    Step(
        7,
        "Begleitgremium: Auftakt",
        BEGLEITGREMIUM,
        "Anfang 09/2021",
        DEZERNAT_05,
        (
            "Vorstellung Ablaufschema ISRP",
            "Kennenlernen",
            "Möglichkeiten/Grenzen/Bestandteile ISRP für Erfurt",
            "gemeinsames Grundverständnis ISRP",
            "gemeinsame Definition von Funktionen",
        ),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        8,
        "Arbeitskreis Quartiersarbeit/Quartiersentwicklung",
        AK_QUARTIER,
        "22.09.2021",
        None,
        (
            "Vorstellung Ablaufschema ISRP",
            "Vorstellung Sozialstrukturatlas",
            "Bedarfsdiskussion fürs Quartiersmanagement in Erfurt",
        ),
        _sp("zustaendig"),
    ),
    Step(
        9,
        "Planerrunde Dezernat 05",
        PLANERRUNDE,
        "30.09.2021",
        DEZERNAT_05,
        ("Besprechung weiterer Schritte für Planungsraum-/Sozialraumdefinition",),
        (_leitung(),),
    ),
    Step(
        10,
        "Jour fixe der Fachplaner",
        JOUR_FIXE,
        "07.10.2021",
        DEZERNAT_05,
        (
            "Möglichkeiten/Grenzen/Bestandteile ISRP für Erfurt",
            "gemeinsames Grundverständnis ISRP",
            "gemeinsame Definition von Funktionen",
        ),
        (_leitung(), *_sp("inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        11,
        "Interfraktionelle Arbeitsgruppe",
        INTERFRAKTIONELL,
        "10/2021",
        DEZERNAT_05,
        (
            "Vorstellung Ablaufschema",
            "Möglichkeiten/Grenzen/Bestandteile ISRP für Erfurt",
            "gemeinsames Grundverständnis ISRP",
            "gemeinsame Definition von Funktionen",
        ),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        12,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "11/2021",
        DEZERNAT_05,
        (
            "Abstimmung Inhalte/Kernelemente ISRP",
            "Besprechung weiterer Schritte für Planungsraum-/Sozialraumdefinition",
            "Mögliche Inhalte einer Quartiersmanagement-Strategie",
        ),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        13,
        "AG Planungsraum-/Sozialraumdefinition",
        AG_PLANUNGSRAUM,
        "11/2021",
        None,
        ("Reflexion Ist-Stand", "Reflexion Bedarfe"),
        _sp("zustaendig"),
    ),
    Step(
        14,
        "Arbeitskreis Quartiersarbeit/Quartiersentwicklung",
        AK_QUARTIER,
        "23.11.2021",
        None,
        (
            "Mögliche Inhalte einer Quartiersmanagement-Strategie "
            "(Grundverständnis, Standards, Ziele, Funktionen)",
        ),
        _sp("zustaendig"),
    ),
    Step(
        15,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "01/2022",
        None,
        ("Identifizierung von Schwerpunkten für sozialpolitische Leitlinien",),
        (_EXT,),
    ),
    Step(
        16,
        "AG Planungsraum-/Sozialraumdefinition",
        AG_PLANUNGSRAUM,
        "01/2022",
        None,
        ("1. Reflexion möglicher Varianten",),
        _sp("zustaendig"),
    ),
    Step(
        17,
        "Interfraktionelle Arbeitsgruppe",
        INTERFRAKTIONELL,
        "02/2022",
        DEZERNAT_05,
        ("Identifizierung von Schwerpunkten für sozialpolitische Leitlinien",),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung")),
    ),
    Step(
        18,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "03/2022",
        DEZERNAT_05,
        (
            "Vorbereitung 1. Sozialplanungsforum als Beteiligungsformat",
            "Durchsicht Entwicklungstendenzen/Schlussfolgerungen des SSA "
            "als Bedarfsdiskussion in möglichen Workshops",
            "Zeitplanung",
        ),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        19,
        "AG Planungsraum-/Sozialraumdefinition",
        AG_PLANUNGSRAUM,
        "03/2022",
        None,
        ("2. Reflexion möglicher Varianten",),
        _sp("zustaendig"),
    ),
    Step(
        20,
        "Wohnungs- und Haushaltserhebung 2022",
        HAUSHALTSERHEBUNG,
        "03-06/2022",
        None,
        ("Bürgerbeteiligung zu sozialpolitischen Leitlinien",),
        (Role(STATISTIK, "zustaendig"),),
    ),
    Step(
        21,
        "1. Sozialplanungsforum",
        SOZIALPLANUNGSFORUM,
        "06/2022",
        DEZERNAT_05,
        (
            "Beteiligung freier Träger/Ämter/Politik zur Bedarfsdiskussion/-feststellung "
            "+ sozialpolitische Leitlinien",
        ),
        (_leitung(), Role(BEGLEITGREMIUM, "beteiligt"), _EXT),
    ),
    Step(
        22,
        "AG Planungsraum-/Sozialraumdefinition",
        AG_PLANUNGSRAUM,
        "06/2022",
        None,
        ("3. Reflexion möglicher Varianten",),
        _sp("zustaendig"),
    ),
    Step(
        23,
        "Jour fixe der Fachplaner",
        JOUR_FIXE,
        "07/2022",
        DEZERNAT_05,
        ("Beteiligung der Fachplanungen zur Bedarfsdiskussion/-feststellung + sozialpolitische Leitlinien",),
        (_leitung(), *_sp("inhaltliche-vorbereitung")),
    ),
    Step(
        24,
        "Sozialraumforen",
        SOZIALRAUMFOREN,
        "06-08/2022",
        DEZERNAT_05,
        ("Beteiligung lokaler Akteure, Bewohnerschaft zur sozialräumlichen Bedarfsdiskussion/-feststellung",),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), Role(QM_RUNDE, "unterstuetzung")),
    ),
    Step(
        25,
        "Beteiligungsformat Ortsteile",
        ORTSTEILE,
        "08/2022",
        DEZERNAT_05,
        ("Beteiligung der Ortsteilbürgermeister zur Bedarfsdiskussion/-feststellung",),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        26,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "09/2022",
        DEZERNAT_05,
        (
            "Ergebnissichtung des 1. Sozialplanungsforums, der Sozialraumforen, "
            "des Beteiligungsformats Ortsteile + jour fixe der Fachplaner",
            "Maßnahmenableitung",
        ),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        27,
        "Interfraktionelle Arbeitsgruppe",
        INTERFRAKTIONELL,
        "09/2022",
        DEZERNAT_05,
        ("Maßnahmenableitung",),
        (_leitung(), *_sp("inhaltliche-vorbereitung")),
    ),
    Step(
        28,
        "Arbeitskreis Quartiersarbeit/Quartiersentwicklung",
        AK_QUARTIER,
        "09/2022",
        None,
        (
            "Ergebnissichtung des 1. Sozialplanungsforums, der Sozialraumforen, "
            "des Beteiligungsformats Ortsteile + jour fixe der Fachplaner",
            "Ableitungen fürs Quartiersmanagement",
        ),
        _sp("zustaendig"),
    ),
    Step(
        29,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "11/2022",
        DEZERNAT_05,
        ("Sozialpolitische Leitlinien",),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        30,
        "Interfraktionelle Arbeitsgruppe",
        INTERFRAKTIONELL,
        "11/2022",
        DEZERNAT_05,
        ("Sozialpolitische Leitlinien",),
        (_leitung(), *_sp("inhaltliche-vorbereitung")),
    ),
    Step(
        31,
        "Arbeitskreis Quartiersarbeit/Quartiersentwicklung",
        AK_QUARTIER,
        "11/2022",
        None,
        (
            "gemeinsame Reflexion der sozialpolitischen Leitlinien "
            "+ Ableitungen für Quartiersmanagement-Strategie",
            "Entwurf der Quartiersmanagement-Strategie",
        ),
        _sp("zustaendig"),
    ),
    Step(
        32,
        "Jour fixe der Fachplaner",
        JOUR_FIXE,
        "12/2022",
        DEZERNAT_05,
        (
            "Besprechung der Quartiersmanagement-Strategie",
            "Besprechung des aktuellen Standes zur Planungsraum-/Sozialraumdefinition",
        ),
        (_leitung(), *_sp("inhaltliche-vorbereitung")),
    ),
    Step(
        33,
        "AG Planungsraum-/Sozialraumdefinition",
        AG_PLANUNGSRAUM,
        "bis 12/2022",
        None,
        ("Entwurf für einheitliche Planungsraum-/Sozialraumdefinition",),
        _sp("zustaendig"),
    ),
    Step(
        34,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "01/2023",
        DEZERNAT_05,
        ("Besprechung der Quartiersmanagementstrategie", "Besprechung Planungsraum-/Sozialraumdefinition"),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        35,
        "Interfraktionelle Arbeitsgruppe",
        INTERFRAKTIONELL,
        "01/2023",
        DEZERNAT_05,
        ("Besprechung der Quartiersmanagement-Strategie", "Besprechung Planungsraum-/Sozialraumdefinition"),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung")),
    ),
    Step(36, "Fertigstellung Planentwurf ISRP", None, "bis 03/2023", None, (), _sp("zustaendig")),
    Step(
        37,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "04/2023",
        DEZERNAT_05,
        ("Vorstellung Planentwurf ISRP", "Rückmeldungen/Anmerkungen"),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        38,
        "Interfraktionelle Arbeitsgruppe",
        INTERFRAKTIONELL,
        "04/2023",
        DEZERNAT_05,
        ("Vorstellung Planentwurf ISRP", "Rückmeldungen/Anmerkungen"),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung")),
    ),
    Step(
        39,
        "Jour fixe der Fachplaner",
        JOUR_FIXE,
        "04/2023",
        DEZERNAT_05,
        ("Vorstellung Planentwurf ISRP", "Rückmeldungen/Anmerkungen"),
        (_leitung(), *_sp("inhaltliche-vorbereitung")),
    ),
    Step(
        40,
        "Arbeitskreis Quartiersarbeit/Quartiersentwicklung",
        AK_QUARTIER,
        "05/2023",
        None,
        ("Vorstellung Planentwurf ISRP", "Rückmeldungen/Anmerkungen"),
        _sp("zustaendig"),
    ),
    Step(
        41,
        "Begleitgremium",
        BEGLEITGREMIUM,
        "05/2023",
        DEZERNAT_05,
        ("Anpassung Planentwurf ISRP",),
        (_leitung(), *_sp("koordination", "inhaltliche-vorbereitung"), _EXT),
    ),
    Step(
        42,
        "Einstellung in den Kommunalen Sitzungsdienst",
        None,
        "06/2023",
        None,
        (),
        (Role(DEZERNAT_05, "zustaendig"),),
    ),
    Step(
        43,
        "Dienstberatung Oberbürgermeister",
        DIENSTBERATUNG,
        "06/2023",
        None,
        ("Beschlussfassung",),
        (Role(DEZERNAT_05, "zustaendig"),),
    ),
    Step(
        44,
        "Ausschuss für Soziales, Arbeitsmarkt und Gleichstellung",
        AUSSCHUSS,
        "07/2023",
        None,
        ("Beschlussfassung",),
        (Role(DEZERNAT_05, "zustaendig"),),
    ),
    Step(
        45, "Stadtrat", STADTRAT, "07/2023", None, ("Beschlussfassung",), (Role(DEZERNAT_05, "zustaendig"),)
    ),
)


# ---------------------------------------------------------------------------------------------
# Participation structure ("Beteiligungsstruktur") and the bodies of the process table
# ---------------------------------------------------------------------------------------------


class Member(NamedTuple):
    """One membership: the seed's line, the member, its group slug, whether "z.B." (illustrative)."""

    note: str
    member: str
    group: str | None = None
    illustrative: bool = False


class Body(NamedTuple):
    iri: str
    label: str
    rdf_type: str  # local name in isrp:
    lead: str | None
    coordination: str | None
    support: str | None
    members: tuple[Member, ...]
    tasks: tuple[str, ...]


_AMTSLEITUNGEN = "Amtsleitungen (Amt für Soziales, Jugendamt, Gesundheitsamt, Amt für Bildung,...)"
_BEAUFTRAGTE = "Beauftragte (Bereiche Integration/Migration, Menschen mit Behinderungen, Gleichstellung)"
_QM_STRATEGIE = (
    "Fachliche Expertise für die Aufstellung einer Quartiersmanagement-Strategie "
    "für die Landeshauptstadt Erfurt"
)
_BEDARF = (
    "Bedarfsdiskussion als Grundlage für die Ableitung von Maßnahmen und von sozialpolitischen Leitlinien"
)

BODIES: tuple[Body, ...] = (
    Body(
        BEGLEITGREMIUM,
        "Begleitgremium",
        "Body",
        DEZERNAT_05,
        SOZIALPLANUNG,
        None,
        (
            Member(
                "Dezernat 05 (Dezernentin, Referenten, LSZ-Koordination)",
                "org/dezernat-05",
                "verwaltungsintern",
            ),
            Member(_AMTSLEITUNGEN, "org/amt-fuer-soziales", "verwaltungsintern"),
            Member(_AMTSLEITUNGEN, "org/jugendamt", "verwaltungsintern"),
            Member(_AMTSLEITUNGEN, "org/gesundheitsamt", "verwaltungsintern"),
            Member(_AMTSLEITUNGEN, "org/amt-fuer-bildung", "verwaltungsintern"),
            Member("Fachplanungen Amt für Soziales", "org/amt-fuer-soziales", "verwaltungsintern"),
            Member("Fachplanungen Jugendamt", "org/jugendamt", "verwaltungsintern"),
            Member("Fachplanungen Gesundheitsamt", "org/gesundheitsamt", "verwaltungsintern"),
            Member("Fachplanungen Amt für Bildung", "org/amt-fuer-bildung", "verwaltungsintern"),
            Member(
                "Amt für Stadtentwicklung und Stadtplanung",
                "org/amt-fuer-stadtentwicklung-und-stadtplanung",
                "verwaltungsintern",
            ),
            Member("Umweltamt (Nachhaltigkeitsmanagement)", "org/umweltamt", "verwaltungsintern"),
            Member(_BEAUFTRAGTE, "org/beauftragte-integration-migration", "verwaltungsintern"),
            Member(_BEAUFTRAGTE, "org/beauftragte-menschen-mit-behinderungen", "verwaltungsintern"),
            Member(_BEAUFTRAGTE, "org/gleichstellungsbeauftragte", "verwaltungsintern"),
            Member(
                "z.B. Vorsitzender der LIGA der freien Wohlfahrtspflege Erfurt",
                "org/liga-freie-wohlfahrtspflege-erfurt",
                "verwaltungsextern",
                True,
            ),
            Member("z.B. Jobcenter/Arbeitsagentur", "org/jobcenter-erfurt", "verwaltungsextern", True),
            Member(
                "z.B. Jobcenter/Arbeitsagentur", "org/agentur-fuer-arbeit-erfurt", "verwaltungsextern", True
            ),
            Member("z.B. Wohnungsunternehmen", "org/wohnungsunternehmen", "verwaltungsextern", True),
            Member(
                "wissenschaftliche Beratung/Begleitung",
                "org/wissenschaftliche-begleitung",
                "wissenschaftliche-begleitung",
            ),
        ),
        (
            "Prozessbegleitung",
            "Identifikation der Schwerpunktsetzungen",
            "Definition von Funktionen, Grenzen",
            "Entwicklung eines Grundverständnisses",
            "Prioritätensetzung der Ergebnisse aus dem Dialog-/Beteiligungsverfahren",
            "Maßnahmenformulierung aus den Ergebnissen des Dialog-/Beteiligungsverfahrens",
            "Konkretisierung der Maßnahmen",
            "Formulierung sozialpolitischer Leitlinien",
            "Einschätzung zur Evaluierung der Maßnahmen",
        ),
    ),
    Body(
        INTERFRAKTIONELL,
        "Interfraktionelle Arbeitsgruppe",
        "Body",
        DEZERNAT_05,
        SOZIALPLANUNG,
        None,
        (Member("Vertreter aus jeder Stadtratsfraktion", "org/stadtratsfraktionen"),),
        (
            "Identifikation der Schwerpunktsetzungen",
            "Prioritätensetzung der Ergebnisse aus dem Dialog-/Beteiligungsverfahren",
            "Maßnahmenformulierung aus den Ergebnissen des Dialog-/Beteiligungsverfahrens",
            "Konkretisierung der Maßnahmen",
            "Formulierung sozialpolitischer Leitlinien",
        ),
    ),
    Body(
        AG_PLANUNGSRAUM,
        "Arbeitsgruppe Planungsraum-/Sozialraumdefinition",
        "Body",
        None,
        SOZIALPLANUNG,
        None,
        (
            Member("Fachplanungen im Amt für Soziales", "org/amt-fuer-soziales"),
            Member("Fachplanungen im Jugendamt", "org/jugendamt"),
            Member("Fachplanungen im Gesundheitsamt", "org/gesundheitsamt"),
            Member("Fachplanungen im Amt für Bildung", "org/amt-fuer-bildung"),
            Member(
                "Amt für Stadtentwicklung und Stadtplanung", "org/amt-fuer-stadtentwicklung-und-stadtplanung"
            ),
            Member(
                "Personal- und Organisationsamt, Abteilung Statistik und Wahlen",
                "org/abteilung-statistik-und-wahlen",
            ),
        ),
        (
            "Arbeit an der Definition/Weiterentwicklung einheitlicher Planungs-/Sozialräume "
            "in der Stadtverwaltung Erfurt",
            "Sichtung der bisherigen Planungsraum-/Sozialraumbegriffe",
            "Erarbeitung von Vorschlägen einheitlicher Planungsraum-/Sozialraumbegriffe",
        ),
    ),
    Body(
        AK_QUARTIER,
        "Arbeitskreis Quartiersarbeit/Quartiersentwicklung",
        "Body",
        SOZIALPLANUNG,
        None,
        None,
        (
            Member(
                "Quartiersmanagement Soziale Stadt Magdeburger Allee",
                "facility/quartiersmanagement-soziale-stadt-magdeburger-allee",
            ),
            Member(
                "Quartiermanagement Soziale Stadt Südost",
                "facility/quartiersmanagement-soziale-stadt-suedost",
            ),
            Member("ThINKA Erfurt Berliner Platz", "facility/thinka-erfurt-berliner-platz"),
            Member("ThINKA Erfurt Rieth", "facility/thinka-erfurt-rieth"),
            Member(
                "Quartiersmanagement Daberstedt/Landtag (Wohnungsbaugenossenschaft Einheit eG in Kooperation "
                "mit Diakonie Sozialdienst Thüringen gGmbH)",
                "facility/quartiersmanagement-daberstedt-landtag",
            ),
            Member("Mehrgenerationenhaus", "facility/mehrgenerationenhaus-erfurt"),
            Member("Stadtteilzentrum Herrenberg", "facility/stadtteilzentrum-herrenberg"),
        ),
        (
            f"{_QM_STRATEGIE}: Grundfunktionen",
            f"{_QM_STRATEGIE}: Standards",
            f"{_QM_STRATEGIE}: Ziele",
            "Mitarbeit an sozialräumlichen Beteiligungsformaten",
        ),
    ),
    Body(
        SOZIALPLANUNGSFORUM,
        "Sozialplanungsforum",
        "ParticipationFormat",
        DEZERNAT_05,
        BEGLEITGREMIUM,
        None,
        (),
        (_BEDARF,),
    ),
    Body(
        SOZIALRAUMFOREN,
        "Sozialraumforen",
        "ParticipationFormat",
        DEZERNAT_05,
        SOZIALPLANUNG,
        QM_RUNDE,
        (),
        (f"{_BEDARF}, Einbeziehung sozialräumlicher Sichtweisen",),
    ),
    Body(
        ORTSTEILE,
        "Beteiligungsformat Ortsteile",
        "ParticipationFormat",
        DEZERNAT_05,
        SOZIALPLANUNG,
        None,
        (),
        (f"{_BEDARF}, Einbeziehung sozialräumlicher Sichtweisen - insbesondere der ländlichen Ortsteile",),
    ),
    Body(
        KINDER_JUGEND,
        "Beteiligung von Kindern und Jugendlichen",
        "ParticipationFormat",
        None,
        None,
        None,
        (),
        (),
    ),
    Body(VORHABENLISTE, "Vorhabenliste Erfurter Modell", "ParticipationFormat", None, None, None, (), ()),
    Body(
        HAUSHALTSERHEBUNG,
        "Wohnungs- und Haushaltserhebung 2022",
        "ParticipationFormat",
        None,
        None,
        None,
        (),
        (),
    ),
    Body(PLANERRUNDE, "Planerrunde Dezernat 05", "Body", None, None, None, (), ()),
    Body(JOUR_FIXE, "Jour fixe der Fachplaner", "Body", None, None, None, (), ()),
    Body(DIENSTBERATUNG, "Dienstberatung Oberbürgermeister", "CouncilBody", None, None, None, (), ()),
    Body(STADTRAT, "Stadtrat", "CouncilBody", None, None, None, (), ()),
    Body(
        AUSSCHUSS,
        "Ausschuss für Soziales, Arbeitsmarkt und Gleichstellung",
        "CouncilBody",
        None,
        None,
        None,
        (),
        (),
    ),
    Body(QM_RUNDE, "Quartiersmanagement-Netzwerk (QM-Runde)", "Network", None, None, None, (), ()),
)

# Aims ("Ziel: …" or the first line of a body), target-group concepts, status
AIMS: dict[str, str] = {
    INTERFRAKTIONELL: "Anbindung und Beteiligung der Stadtratsfraktionen",
    AK_QUARTIER: _QM_STRATEGIE,
    SOZIALPLANUNGSFORUM: "Beteiligung verwaltungsinterner und -externer Akteure an der Erstellung des ISRP",
    SOZIALRAUMFOREN: "Beteiligung sozialräumlicher Akteure und der Bewohnerschaft an der Erstellung des ISRP",
    ORTSTEILE: "Beteiligung der Ortsteilbürgermeister an der Erstellung des ISRP",
}
MEETING_RHYTHM = {INTERFRAKTIONELL: "orientierend an den wichtigsten Planungsschritten"}
TARGET_GROUPS: dict[str, set[str]] = {
    SOZIALPLANUNGSFORUM: {
        "freie-traeger",
        "vereine-und-verbaende",
        "wohnungsunternehmen",
        "institutionen",
        "aemter",
        "ortsteilbuergermeister",
    },
    SOZIALRAUMFOREN: {"lokale-akteure", "bewohnerschaft"},
    ORTSTEILE: {"ortsteilbuergermeister"},
    KINDER_JUGEND: {"kinder-und-jugendliche"},
}
STATUS = {KINDER_JUGEND: "in-vorbereitung"}  # "(noch in Arbeit)"

# The nine elements of the "Beteiligungsstruktur" section, in the seed's order
PARTICIPATION_STRUCTURE = (
    BEGLEITGREMIUM,
    INTERFRAKTIONELL,
    AG_PLANUNGSRAUM,
    AK_QUARTIER,
    SOZIALPLANUNGSFORUM,
    SOZIALRAUMFOREN,
    ORTSTEILE,
    KINDER_JUGEND,
    VORHABENLISTE,
)

# ---------------------------------------------------------------------------------------------
# Members of the Arbeitskreis Quartiersarbeit/Quartiersentwicklung (the seven facilities)
# ---------------------------------------------------------------------------------------------

FACILITIES: tuple[tuple[str, str], ...] = (
    (
        "facility/quartiersmanagement-soziale-stadt-magdeburger-allee",
        "Quartiersmanagement Soziale Stadt Magdeburger Allee",
    ),
    ("facility/quartiersmanagement-soziale-stadt-suedost", "Quartiermanagement Soziale Stadt Südost"),
    ("facility/thinka-erfurt-berliner-platz", "ThINKA Erfurt Berliner Platz"),
    ("facility/thinka-erfurt-rieth", "ThINKA Erfurt Rieth"),
    ("facility/quartiersmanagement-daberstedt-landtag", "Quartiersmanagement Daberstedt/Landtag"),
    ("facility/mehrgenerationenhaus-erfurt", "Mehrgenerationenhaus"),
    ("facility/stadtteilzentrum-herrenberg", "Stadtteilzentrum Herrenberg"),
)
DABERSTEDT_OPERATORS = {
    "org/wohnungsbaugenossenschaft-einheit-eg",
    "org/diakonie-sozialdienst-thueringen-ggmbh",
}

# ---------------------------------------------------------------------------------------------
# Milestones, content elements, planning cycle
# ---------------------------------------------------------------------------------------------

# "Sozialstrukturatlas 2020" heads the list without a dash: the starting point, not a milestone.
MILESTONES: tuple[str, ...] = (
    "Beschlussfassung zum Prozessablauf ISRP",
    "Gemeinsames Grundverständnis/Grundhaltung ISRP",
    "Maßnahmenableitung (strategisch, operativ)",
    "Einheitliche Planungsraum-/Sozialraumdefinition",
    "Gesamtstädtische Quartiersmanagementstrategie",
    "Sozialpolitische Leitlinien",
    "ISRP mit StR-Beschluss",
)

CONTENT_ELEMENTS: tuple[str, ...] = (
    "Funktion ISRP",
    "Kernmerkmale (siehe moderne Sozialplanung)",
    "Übersicht Planungssystematik (Fachplanungen mit Aufgaben, Gesetzlichkeiten, Laufzeiten, Zielgruppen, "
    "übergreifende Themen, ISRP, Schnittstellen, Abgrenzungen, Netzwerke)",
    "Instrumente ISRP (Sozialstrukturatlas, Plan, Sozialplanungsreport "
    "als jährliche Berichterstattung zum ISRP)",
    "Strategische Maßnahmen (z.B. Sozialraumorientierung, sozialpolitische Leitlinien, Wirkungsorientierung)",
    "Operative Maßnahmen (Prüfung, ob es zu einer Fachplanung passt oder separat bearbeitet werden müsste)",
    "Einheitliche Planungsraum-/Sozialraumdefinition",
    "Gesamtstädtische QM-Strategie/Stadtteilzentren",
    "Sozialpolitische Leitlinien",
    "Identifizierung von Planungslücken + Schnittstellen",
    "Identifizierung von Netzwerken + Schnittstellen",
    "Identifizierung Fördersystematik + Schnittstellen",
    "Begleitgremium",
    "Verknüpfung Haushalt/Finanzen, Wirkungsmessung",
)

# (label, period as written before the colon, or None) in cycle order
CYCLE_PHASES: tuple[tuple[str, str | None], ...] = (
    ("Sozialstrukturatlas 2020", None),
    ("Bedarfsdiskussion/Bedarfsfeststellung", "2021/2022"),
    ("Maßnahmenableitung, Quartiersmanagementstrategie, Sozialpolitische Leitlinien", "2022/2023 (ISRP)"),
    ("Maßnahmenumsetzung", "ab 2023"),
    ("Maßnahmenevaluierung", "ab 2023"),
    ("Fortschreibung Sozialstrukturatlas", "2024"),
)

INSTRUMENTS: tuple[str, ...] = ("Sozialstrukturatlas", "Plan", "Sozialplanungsreport")

SEED_TITLE = (
    "Prozessvorschlag zum weiteren Umgang „Sozialstrukturatlas 2020“/ Strategieentwicklung für eine "
    "integrierte Sozialraumplanung (ISRP)"
)
