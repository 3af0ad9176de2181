"""The validation's entries in the shared message catalogue (registered at import time)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        # --- report ------------------------------------------------------------------------------
        "validation.title": {"de": "Prüfbericht", "en": "Validation report"},
        "validation.generated": {"de": "Erstellt: {when}", "en": "Generated: {when}"},
        "validation.scope_all": {"de": "Geprüft: das ganze Register", "en": "Checked: the whole registry"},
        "validation.scope_focus": {
            "de": "Geprüft: {n} ausgewählte Knoten und ihre Nachbarn",
            "en": "Checked: {n} selected nodes and their neighbours",
        },
        "validation.conforms": {
            "de": "Ergebnis: Alle Pflichtregeln sind erfüllt.",
            "en": "Result: every required rule is met.",
        },
        "validation.not_conforms": {
            "de": "Ergebnis: Pflichtregeln sind verletzt.",
            "en": "Result: required rules are broken.",
        },
        "validation.counts": {
            "de": "Verstöße: {Violation} · Warnungen: {Warning} · Hinweise: {Info}",
            "en": "Violations: {Violation} · Warnings: {Warning} · Infos: {Info}",
        },
        "validation.no_findings": {"de": "Keine Befunde.", "en": "No findings."},
        "validation.heading.Violation": {"de": "Verstöße", "en": "Violations"},
        "validation.heading.Warning": {"de": "Warnungen", "en": "Warnings"},
        "validation.heading.Info": {"de": "Hinweise", "en": "Infos"},
        "validation.severity.Violation": {"de": "Verstoß", "en": "Violation"},
        "validation.severity.Warning": {"de": "Warnung", "en": "Warning"},
        "validation.severity.Info": {"de": "Hinweis", "en": "Info"},
        "validation.whole_entry": {"de": "Eintrag", "en": "entry"},
        "validation.unnamed": {"de": "(ohne Namen)", "en": "(unnamed)"},
        "validation.part_of": {"de": "{part} in {entry}", "en": "{part} in {entry}"},
        # --- default messages per SHACL constraint component (when the shape has no sh:message) --
        "validation.c.MinCount1": {"de": "»{field}« fehlt.", "en": "'{field}' is missing."},
        "validation.c.MinCount": {
            "de": "»{field}« fehlt (mindestens {n} Angabe(n) nötig).",
            "en": "'{field}' is missing (at least {n} value(s) needed).",
        },
        "validation.c.MaxCount": {
            "de": "»{field}« hat zu viele Angaben (höchstens {n}).",
            "en": "'{field}' has too many values (at most {n}).",
        },
        "validation.c.QualifiedMinCount": {
            "de": "»{field}« hat zu wenige passende Angaben (mindestens {n}).",
            "en": "'{field}' has too few matching values (at least {n}).",
        },
        "validation.c.QualifiedMaxCount": {
            "de": "»{field}« hat zu viele passende Angaben (höchstens {n}).",
            "en": "'{field}' has too many matching values (at most {n}).",
        },
        "validation.c.Class": {
            "de": "»{field}«: „{value}“ ist kein Eintrag der Art {expected}.",
            "en": "'{field}': '{value}' is not an entry of kind {expected}.",
        },
        "validation.c.Datatype": {
            "de": "»{field}«: „{value}“ hat nicht den Datentyp {expected}.",
            "en": "'{field}': '{value}' does not have the datatype {expected}.",
        },
        "validation.c.NodeKind": {
            "de": "»{field}«: „{value}“ hat die falsche Form (erwartet: {expected}).",
            "en": "'{field}': '{value}' has the wrong form (expected: {expected}).",
        },
        "validation.c.In": {
            "de": "»{field}«: „{value}“ ist kein erlaubter Wert.",
            "en": "'{field}': '{value}' is not an allowed value.",
        },
        "validation.c.HasValue": {
            "de": "»{field}« muss „{expected}“ enthalten.",
            "en": "'{field}' must contain '{expected}'.",
        },
        "validation.c.Pattern": {
            "de": "»{field}«: „{value}“ hat nicht die erwartete Schreibweise ({expected}).",
            "en": "'{field}': '{value}' does not have the expected spelling ({expected}).",
        },
        "validation.c.MinLength": {
            "de": "»{field}«: „{value}“ ist zu kurz (mindestens {expected} Zeichen).",
            "en": "'{field}': '{value}' is too short (at least {expected} characters).",
        },
        "validation.c.MaxLength": {
            "de": "»{field}«: „{value}“ ist zu lang (höchstens {expected} Zeichen).",
            "en": "'{field}': '{value}' is too long (at most {expected} characters).",
        },
        "validation.c.Range": {
            "de": "»{field}«: „{value}“ liegt außerhalb des erlaubten Bereichs.",
            "en": "'{field}': '{value}' is outside the allowed range.",
        },
        "validation.c.LanguageIn": {
            "de": "»{field}«: „{value}“ ist in keiner erlaubten Sprache ({expected}).",
            "en": "'{field}': '{value}' is in none of the allowed languages ({expected}).",
        },
        "validation.c.UniqueLang": {
            "de": "»{field}« hat mehrere Angaben in derselben Sprache.",
            "en": "'{field}' has several values in the same language.",
        },
        "validation.c.Node": {
            "de": "»{field}«: „{value}“ erfüllt die Regeln für {expected} nicht.",
            "en": "'{field}': '{value}' does not meet the rules for {expected}.",
        },
        "validation.c.Closed": {
            "de": "»{field}« ist bei diesem Eintrag nicht vorgesehen.",
            "en": "'{field}' is not expected on this entry.",
        },
        "validation.c.Pair": {
            "de": "»{field}« passt nicht zur verglichenen Angabe.",
            "en": "'{field}' does not fit the compared value.",
        },
        "validation.c.Logic": {
            "de": "»{field}«: „{value}“ erfüllt die verknüpften Regeln nicht.",
            "en": "'{field}': '{value}' does not meet the combined rules.",
        },
        "validation.c.Other": {
            "de": "»{field}« verletzt die Regel {expected}.",
            "en": "'{field}' breaks the rule {expected}.",
        },
        # --- completeness ------------------------------------------------------------------------
        "completeness.title": {
            "de": "Vollständigkeit der Fachplanungen (empfohlene Angaben)",
            "en": "Completeness of the sectoral plans (recommended fields)",
        },
        "completeness.line": {
            "de": "{label}: {filled} von {total} ({percent} %)",
            "en": "{label}: {filled} of {total} ({percent} %)",
        },
        "completeness.missing": {"de": "fehlt: {fields}", "en": "missing: {fields}"},
        "completeness.none": {
            "de": "Keine Fachplanungen oder keine empfohlenen Angaben in den Regeln.",
            "en": "No sectoral plans, or no recommended fields in the shapes.",
        },
        # --- writes ------------------------------------------------------------------------------
        "write.rejected": {
            "de": "Die Änderung wurde nicht gespeichert, weil sie {n} neue(n) Verstoß/Verstöße "
            "verursachen würde: {details}",
            "en": "The change was not saved because it would cause {n} new violation(s): {details}",
        },
        "write.rejected_item": {
            "de": "{entry} – »{field}«: {message}",
            "en": "{entry} – '{field}': {message}",
        },
        "write.forbidden_graph": {
            "de": "Der Graph {graph} wird nicht über Änderungen geschrieben (Prüfregeln oder Protokoll).",
            "en": "The graph {graph} cannot be written by a change (shapes or provenance log).",
        },
        "write.no_actor": {
            "de": "Eine Änderung braucht den Namen der Person oder des Programms, das sie macht.",
            "en": "A change needs the name of the person or program making it.",
        },
        "write.activity_label": {
            "de": "Änderung durch {actor}",
            "en": "Change by {actor}",
        },
        # --- CLI ---------------------------------------------------------------------------------
        "cli.validate.help": {
            "de": "das Register gegen die Prüfregeln (SHACL) prüfen",
            "en": "check the registry against the rules (SHACL shapes)",
        },
        "cli.validate.description": {
            "de": "Prüft alle Einträge gegen die Prüfregeln und zeigt Verstöße, Warnungen und Hinweise "
            "je Eintrag. Rückgabewert 1, wenn es Verstöße gibt. (Checks every entry against the SHACL "
            "shapes; exit code 1 on violations.)",
            "en": "Checks every entry against the SHACL shapes and lists violations, warnings and infos "
            "per entry. Exit code 1 when there are violations.",
        },
        "cli.validate.format": {
            "de": "Ausgabe als Text (Standard), JSON oder Turtle (sh:ValidationReport)",
            "en": "output as text (default), JSON or Turtle (sh:ValidationReport)",
        },
        "cli.validate.severity": {
            "de": "nur Befunde ab dieser Schwere zeigen (Violation > Warning > Info; Standard: alle)",
            "en": "only show findings of this severity or above (Violation > Warning > Info; default: all)",
        },
        "cli.validate.completeness": {
            "de": "zusätzlich die Vollständigkeit jeder Fachplanung zeigen",
            "en": "also show the completeness of each sectoral plan",
        },
        "cli.validate.running": {"de": "Prüfung läuft", "en": "Validation running"},
        "cli.validate.jobs": {
            "de": "in N Prozessen prüfen, aufgeteilt nach Kommunen (gleiche Befunde; Standard: 1)",
            "en": "validate in N processes, split by municipality (same findings; default: 1)",
        },
        "cli.validate.kommune": {
            "de": "nur die Einträge dieser Kommune prüfen (Name, Kurzname oder IRI; mehrfach möglich)",
            "en": "only validate the entries of this municipality (name, short name or IRI; repeatable)",
        },
    }
)
