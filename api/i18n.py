"""Texts of the web interface, German first, English second, registered in the one message catalogue
(``isrp_graph.messages``) under the prefix ``web.``. Templates call ``t(key)`` with the page's language."""

from __future__ import annotations

from isrp_graph.messages import register

WEB_MESSAGES: dict[str, dict[str, str]] = {
    # layout
    "web.site": {"de": "ISRP-Register Erfurt", "en": "ISRP registry Erfurt"},
    "web.tagline": {
        "de": "Planungssystematik der integrierten Sozialraumplanung",
        "en": "Planning system of integrated social-space planning",
    },
    "web.skip": {"de": "Zum Inhalt springen", "en": "Skip to content"},
    "web.nav": {"de": "Hauptnavigation", "en": "Main navigation"},
    "web.lang_switch": {"de": "English", "en": "Deutsch"},
    "web.lang_switch_label": {"de": "Switch to English", "en": "Auf Deutsch wechseln"},
    "web.formats": {"de": "Diese Seite als", "en": "This page as"},
    "web.footer": {
        "de": "Jede Seite gibt es auch als JSON (und als CSV, wo sie eine Tabelle ist). "
        "Forschende: SPARQL-Endpunkt unter /sparql.",
        "en": "Every page is also available as JSON (and CSV where it is a table). "
        "Researchers: SPARQL endpoint at /sparql.",
    },
    "web.api_docs": {"de": "JSON-API (OpenAPI)", "en": "JSON API (OpenAPI)"},
    # navigation
    "web.nav.home": {"de": "Start", "en": "Home"},
    "web.nav.overview": {"de": "Planungssystematik", "en": "Planning overview"},
    "web.nav.matrix": {"de": "Schnittstellen", "en": "Interfaces"},
    "web.nav.gaps": {"de": "Lücken", "en": "Gaps"},
    "web.nav.overlaps": {"de": "Überschneidungen", "en": "Overlaps"},
    "web.nav.validation": {"de": "Prüfbericht", "en": "Validation"},
    "web.nav.network": {"de": "Netzwerkgraph", "en": "Network graph"},
    "web.nav.process": {"de": "Prozess", "en": "Process"},
    "web.nav.sparql": {"de": "Abfragen (SPARQL)", "en": "Queries (SPARQL)"},
    "web.nav.edit": {"de": "Daten hochladen", "en": "Upload data"},
    # home
    "web.home.title": {
        "de": "Register der integrierten Sozialraumplanung",
        "en": "Registry of integrated social-space planning",
    },
    "web.home.intro": {
        "de": "Dieses Register beschreibt die Fachplanungen der Stadt Erfurt mit ihren Aufgaben, "
        "Rechtsgrundlagen, Laufzeiten, Zielgruppen, Themen, Schnittstellen, Abgrenzungen und "
        "Netzwerken – dazu die Beteiligungsstruktur und den Prozessablauf des integrierten "
        "Sozialraumplans (ISRP). Alle Angaben nennen ihre Quelle.",
        "en": "This registry describes the sectoral plans of the city of Erfurt with their tasks, legal "
        "bases, terms, target groups, topics, interfaces, delimitations and networks – plus the "
        "participation structure and the process schedule of the integrated social-space plan "
        "(ISRP). Every fact names its source.",
    },
    "web.home.counts": {"de": "Was das Register enthält", "en": "What the registry holds"},
    "web.home.where": {"de": "Wohin möchten Sie?", "en": "Where would you like to go?"},
    "web.home.overview": {
        "de": "alle Fachplanungen in einer Tabelle, sortier- und filterbar",
        "en": "all sectoral plans in one table, sortable and filterable",
    },
    "web.home.matrix": {
        "de": "welche Planungen wo zusammenarbeiten, als Wärmebild mit Zahlen",
        "en": "which plans work together where, as a heat map with numbers",
    },
    "web.home.gaps": {
        "de": "wo Planung fehlt oder doppelt ist",
        "en": "where planning is missing or doubled",
    },
    "web.home.validation": {
        "de": "was im Register noch fehlt oder nicht stimmt",
        "en": "what the registry still lacks or gets wrong",
    },
    "web.home.network": {
        "de": "Planungen, Ämter, Gremien und Netzwerke als Netz",
        "en": "plans, offices, bodies and networks as a network",
    },
    "web.home.process": {
        "de": "die 45 Schritte und Meilensteine des ISRP-Prozesses auf einer Zeitleiste",
        "en": "the 45 steps and milestones of the ISRP process on a timeline",
    },
    "web.home.sparql": {
        "de": "eigene Fragen an das Register stellen (für Forschende)",
        "en": "ask the registry your own questions (for researchers)",
    },
    "web.home.empty": {
        "de": "Das Register ist noch leer. Bitte ‚isrp load‘ ausführen.",
        "en": "The registry is still empty. Please run 'isrp load'.",
    },
    "web.home.triples": {"de": "Tripel", "en": "triples"},
    "web.home.graphs": {"de": "benannte Graphen", "en": "named graphs"},
    # common
    "web.unavailable": {
        "de": "Dieser Teil ist noch nicht verfügbar: {what}. Die übrigen Seiten funktionieren.",
        "en": "This part is not available yet: {what}. The other pages work.",
    },
    "web.error": {"de": "Fehler", "en": "Error"},
    "web.not_found.title": {"de": "Seite nicht gefunden", "en": "Page not found"},
    "web.not_found": {
        "de": "Zu {path} gibt es keinen Eintrag im Register.",
        "en": "The registry has no entry for {path}.",
    },
    "web.not_found.hint": {
        "de": "Vielleicht hilft die Übersicht der Planungssystematik weiter.",
        "en": "The planning overview may help you further.",
    },
    "web.bad_format": {
        "de": "Das Format {format} wird hier nicht angeboten. Möglich: {offered}.",
        "en": "The format {format} is not offered here. Possible: {offered}.",
    },
    "web.bad_param": {"de": "Ungültige Angabe {name}: {reason}", "en": "Invalid parameter {name}: {reason}"},
    "web.store_error": {
        "de": "Der Speicher antwortet nicht wie erwartet: {reason}",
        "en": "The store did not answer as expected: {reason}",
    },
    "web.yes": {"de": "ja", "en": "yes"},
    "web.no": {"de": "nein", "en": "no"},
    "web.none": {"de": "keine Angabe", "en": "not stated"},
    "web.rows": {"de": "{n} Zeilen", "en": "{n} rows"},
    "web.download": {"de": "Herunterladen", "en": "Download"},
    "web.filter": {"de": "Filtern", "en": "Filter"},
    "web.filter_apply": {"de": "Filter anwenden", "en": "Apply filter"},
    "web.filter_reset": {"de": "Filter zurücksetzen", "en": "Reset filter"},
    "web.sort_by": {"de": "sortieren nach {column}", "en": "sort by {column}"},
    "web.sorted_asc": {"de": "aufsteigend sortiert", "en": "sorted ascending"},
    "web.sorted_desc": {"de": "absteigend sortiert", "en": "sorted descending"},
    "web.search": {"de": "Suche im Text", "en": "Search in text"},
    "web.all": {"de": "alle", "en": "all"},
    "web.illustrative": {"de": "Beispiel (nicht belegt)", "en": "example (not sourced)"},
    # entry pages
    "web.entry.types": {"de": "Art", "en": "Kind"},
    "web.entry.iri": {"de": "Kennung (dauerhafte Adresse)", "en": "Identifier (permanent address)"},
    "web.entry.facts": {"de": "Angaben", "en": "Facts"},
    "web.entry.other": {"de": "Weitere Angaben", "en": "Further facts"},
    "web.entry.property": {"de": "Merkmal", "en": "Property"},
    "web.entry.value": {"de": "Wert", "en": "Value"},
    "web.entry.relations": {"de": "Schnittstellen und Abgrenzungen", "en": "Interfaces and delimitations"},
    "web.entry.relation_kind": {"de": "Art", "en": "Kind"},
    "web.entry.relation": {"de": "Beziehung", "en": "Relation"},
    "web.entry.other_plans": {"de": "mit Planung", "en": "with plan"},
    "web.entry.relation_detail": {
        "de": "Themen, Zielgruppen, Abstimmung",
        "en": "Topics, target groups, coordination",
    },
    "web.entry.incoming": {"de": "Verweise auf diesen Eintrag", "en": "Links to this entry"},
    "web.entry.incoming_from": {"de": "Eintrag", "en": "Entry"},
    "web.entry.incoming_via": {"de": "verweist als", "en": "refers as"},
    "web.entry.findings": {"de": "Offene Prüfbefunde", "en": "Open validation findings"},
    "web.entry.no_findings": {"de": "Keine offenen Befunde.", "en": "No open findings."},
    "web.entry.rdf": {"de": "Maschinenlesbar", "en": "Machine-readable"},
    "web.entry.edit": {"de": "Eintrag bearbeiten", "en": "Edit entry"},
    "web.entry.source": {"de": "Quelle", "en": "Source"},
    "web.entry.facts_caption": {"de": "Angaben: {group}", "en": "Facts: {group}"},
    "web.entry.incoming_caption": {
        "de": "Einträge, die auf {label} verweisen",
        "en": "Entries that refer to {label}",
    },
    "web.entry.relations_caption": {
        "de": "Schnittstellen und Abgrenzungen von {label}",
        "en": "Interfaces and delimitations of {label}",
    },
    "web.entry.from": {"de": "von", "en": "from"},
    "web.entry.until": {"de": "bis", "en": "until"},
    # validation
    "web.severity.Violation": {"de": "Verstoß", "en": "Violation"},
    "web.severity.Warning": {"de": "Warnung", "en": "Warning"},
    "web.severity.Info": {"de": "Hinweis", "en": "Info"},
    "web.validation.intro": {
        "de": "Was im Register fehlt oder den Eingaberegeln widerspricht, je Eintrag und "
        "Schwere: Verstöße verhindern Änderungen, Warnungen zeigen empfohlene Angaben, Hinweise "
        "dienen der Pflege.",
        "en": "What the registry lacks or what breaks its input rules, per entry and "
        "severity: violations block changes, warnings show recommended facts, infos help upkeep.",
    },
    "web.validation.counts": {"de": "Befunde nach Schwere", "en": "Findings by severity"},
    "web.validation.severity": {"de": "Schwere", "en": "Severity"},
    "web.validation.number": {"de": "Anzahl", "en": "Number"},
    "web.validation.conforms": {
        "de": "Das Register erfüllt alle verbindlichen Regeln (keine Verstöße).",
        "en": "The registry meets every binding rule (no violations).",
    },
    "web.validation.not_conforms": {
        "de": "Das Register hat Verstöße gegen verbindliche Regeln.",
        "en": "The registry has violations of binding rules.",
    },
}

register(WEB_MESSAGES)
