"""German and English texts of the search (registered in the message catalogue)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "search.field.label": {"de": "Name", "en": "Name"},
        "search.field.alt": {"de": "auch genannt", "en": "also called"},
        "search.field.description": {"de": "Beschreibung", "en": "Description"},
        "search.field.notes": {"de": "Anmerkung", "en": "Note"},
        "search.field.identifier": {"de": "Kennung", "en": "Identifier"},
        # kinds from reused vocabularies that the ontology does not name in German
        "search.kind.http://www.w3.org/2004/02/skos/core#Concept": {"de": "Begriff", "en": "Concept"},
        "search.kind.http://data.europa.eu/eli/ontology#LegalResource": {"de": "Gesetz", "en": "Law"},
        "search.kind.http://data.europa.eu/eli/ontology#LegalResourceSubdivision": {
            "de": "Vorschrift",
            "en": "Provision",
        },
        "search.kind.http://www.w3.org/ns/org#Membership": {"de": "Mitgliedschaft", "en": "Membership"},
        "search.kind.http://www.w3.org/ns/org#Organization": {"de": "Organisation", "en": "Organisation"},
        "search.kind.http://www.w3.org/ns/org#FormalOrganization": {
            "de": "Organisation",
            "en": "Organisation",
        },
        "search.kind.http://www.w3.org/ns/org#OrganizationalUnit": {
            "de": "Organisationseinheit",
            "en": "Organisational unit",
        },
        "search.kind.http://www.w3.org/ns/org#Role": {"de": "Rolle", "en": "Role"},
        "search.kind.http://www.w3.org/ns/prov#Role": {"de": "Rolle", "en": "Role"},
        "search.kind.http://purl.org/dc/terms/BibliographicResource": {"de": "Quelle", "en": "Source"},
        "search.kind.https://schema.org/Organization": {"de": "Organisation", "en": "Organisation"},
        "search.kind.https://schema.org/CreativeWork": {"de": "Werk", "en": "Work"},
        "search.kind.http://www.w3.org/2004/02/skos/core#ConceptScheme": {
            "de": "Begriffsschema",
            "en": "Concept scheme",
        },
        "search.kind.other": {"de": "Sonstige Einträge", "en": "Other entries"},
        "search.too_long": {
            "de": "Der Suchbegriff ist zu lang (höchstens {max} Zeichen).",
            "en": "The search term is too long (at most {max} characters).",
        },
        "search.too_short": {
            "de": "Bitte mindestens zwei Buchstaben oder Ziffern eingeben.",
            "en": "Please enter at least two letters or digits.",
        },
        "search.no_words": {
            "de": "Der Suchbegriff enthält keine Wörter oder Zahlen, nach denen gesucht werden kann.",
            "en": "The search term contains no words or numbers to search for.",
        },
    }
)
