"""Web texts of the SPARQL endpoint's companions: the vocabulary page (/def) and the SPARQL page's
prefix list."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "web.vocab.intro": {
            "de": "Alle Begriffe des Modells: Klassen und Eigenschaften mit Bezeichnung und Definition. "
            "Als Datei: Turtle, JSON-LD, RDF/XML oder N-Triples (Links unten).",
            "en": "Every term of the model: classes and properties with label and definition. As a "
            "file: Turtle, JSON-LD, RDF/XML or N-Triples (links below).",
        },
        "web.vocab.class": {"de": "Klassen", "en": "Classes"},
        "web.vocab.object_property": {"de": "Beziehungen", "en": "Relations (object properties)"},
        "web.vocab.datatype_property": {"de": "Angaben", "en": "Attributes (datatype properties)"},
        "web.vocab.annotation_property": {"de": "Anmerkungen", "en": "Annotations"},
        "web.vocab.parents": {"de": "Oberbegriff", "en": "Broader term"},
        "web.vocab.domain": {"de": "Gilt für", "en": "Domain"},
        "web.vocab.range": {"de": "Wert", "en": "Range"},
        "web.vocab.contents": {"de": "Inhalt", "en": "Contents"},
        "web.vocab.iri": {"de": "Kennung", "en": "Identifier"},
        "web.sparql.prefixes": {
            "de": "Vordeklarierte Präfixe: Diese Abkürzungen dürfen hier ohne PREFIX-Zeile verwendet "
            "werden. Andere SPARQL-Server kennen sie nicht – für Abfragen, die auch dort laufen sollen, "
            "die PREFIX-Zeilen mitschreiben.",
            "en": "Predeclared prefixes: these abbreviations may be used here without a PREFIX line. "
            "Other SPARQL servers do not know them – write the PREFIX lines for queries that should "
            "run there too.",
        },
        "web.sparql.prefixes_title": {"de": "Vordeklarierte Präfixe", "en": "Predeclared prefixes"},
        "web.sparql.prefix": {"de": "Präfix", "en": "Prefix"},
        "web.sparql.namespace": {"de": "Namensraum", "en": "Namespace"},
    }
)
