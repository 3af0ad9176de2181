"""Texts of the findings' basis, evidence classes, examples and deadlines (German first, English second)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "analysis.basis.evidenced": {"de": "belegt", "en": "evidenced"},
        "analysis.basis.not-recorded": {
            "de": "nicht im Register erfasst",
            "en": "not recorded in the registry",
        },
        "analysis.basis.example": {"de": "Beispiel (nicht gezählt)", "en": "example (not counted)"},
        "analysis.basis.legend": {
            "de": "Grundlage: „belegt“ – das Register hält einen belegten Eintrag zur Lücke selbst (eine "
            "Quelle sagt, dass sie besteht; die Planung ist als ausgelaufen erfasst; eine beschlossene "
            "Frist oder verlängerte Laufzeit ist verstrichen). „nicht im Register erfasst“ – der Befund "
            "folgt nur daraus, dass ein Eintrag fehlt (keine Planung nennt die Zielgruppe, keine spätere "
            "Fassung ist erfasst, Fälligkeit aus dem Zyklus errechnet); das kann auch an fehlenden Daten "
            "liegen.",
            "en": "Basis: 'evidenced' – the registry holds a sourced record of the gap itself (a source says "
            "it exists; the plan is recorded as expired; an adopted deadline or extended term has passed). "
            "'not recorded in the registry' – the finding only follows from a missing record (no plan names "
            "the group, no later edition is recorded, due date computed from the cycle); this may also mean "
            "that data is missing.",
        },
        "analysis.col.finding_basis": {"de": "Grundlage", "en": "Basis"},
        "analysis.col.notes": {"de": "Hinweis der Redaktion", "en": "Editorial note"},
        "analysis.col.due_from": {"de": "Fälligkeit nach", "en": "Due according to"},
        "analysis.col.extended_to": {"de": "verlängert bis", "en": "extended to"},
        "analysis.col.evidence_class": {"de": "Beleglage", "en": "Evidence class"},
        "analysis.col.flags": {"de": "Einschränkung", "en": "Caveat"},
        "analysis.col.link": {"de": "Verbindung", "en": "Link"},
        "analysis.col.table": {"de": "Befundliste", "en": "List of findings"},
        "analysis.col.example": {"de": "Beispiel", "en": "Example"},
        "analysis.gaps.due.updateCycle": {"de": "Fortschreibungszyklus", "en": "update cycle"},
        "analysis.gaps.due.updateDeadline": {
            "de": "Fortschreibungsfrist (Beschluss)",
            "en": "update deadline (decision)",
        },
        "analysis.gaps.due.termEnd": {"de": "Ende der Laufzeit", "en": "end of term"},
        "analysis.gaps.due.termExtendedTo": {"de": "verlängerte Laufzeit", "en": "extended term"},
        "analysis.gaps.basis.none": {"de": "–", "en": "–"},
        "analysis.overlaps.class.strong": {"de": "stark", "en": "strong"},
        "analysis.overlaps.class.medium": {"de": "mittel", "en": "medium"},
        "analysis.overlaps.class.weak": {"de": "schwach", "en": "weak"},
        "analysis.overlaps.flag.expired": {
            "de": "{plan} nicht mehr wirksam",
            "en": "{plan} no longer in force",
        },
        "analysis.overlaps.flag.draft": {"de": "{plan} nur Entwurf", "en": "{plan} only a draft"},
        "analysis.overlaps.classes.legend": {
            "de": "Beleglage: „stark“ – dieselbe bestimmte Zielgruppe und ein Thema in einem gemeinsamen "
            "Gebiet oder einer gemeinsamen Raumgliederung; „mittel“ – bestimmte Zielgruppe und Thema nur "
            "gesamtstädtisch, oder ein gemeinsames Förderprogramm oder Netzwerk; „schwach“ – nur über eine "
            "allgemeine Zielgruppe (Gesamtbevölkerung, Bewohnerschaft) oder über Ober-/Unterbegriffe. Ist "
            "eine der Planungen nicht mehr wirksam oder nur ein Entwurf, steht das unter „Einschränkung“ "
            "und das Paar rückt in seiner Klasse nach hinten. Sortiert nach Beleglage, dann Stärke.",
            "en": "Evidence class: 'strong' – the same specific target group and a topic in a shared area "
            "or spatial system; 'medium' – specific target group and topic city-wide only, or a shared "
            "funding scheme or network; 'weak' – only via a general group (whole population, residents) or "
            "via broader/narrower concepts. If one of the plans is no longer in force or only a draft, the "
            "caveat says so and the pair moves down within its class. Sorted by class, then strength.",
        },
        "analysis.overlaps.link.partOf": {"de": "{a} ist Teil von {b}", "en": "{a} is part of {b}"},
        "analysis.overlaps.link.replacedBy": {
            "de": "{a} wurde ersetzt durch {b}",
            "en": "{a} was replaced by {b}",
        },
        "analysis.overlaps.link.revisionOf": {
            "de": "{a} ist Fassung von {b}",
            "en": "{a} is a revision of {b}",
        },
        "analysis.overlaps.contained.title": {
            "de": "Enthaltene Überschneidungen (Teilplanung oder Fassung)",
            "en": "Contained overlaps (sub-plan or edition)",
        },
        "analysis.overlaps.contained.description": {
            "de": "Planungspaare, die sich überschneiden, weil die eine Teil der anderen ist "
            "(Dachplanung und Teilplanung) oder sie ersetzt – keine fehlende Schnittstelle, sondern "
            "„enthalten“.",
            "en": "Plan pairs that overlap because one is part of the other (umbrella plan and sub-plan) or "
            "replaces it – not a missing interface but 'contained'.",
        },
        "analysis.overlaps.undeclared.description2": {
            "de": "Planungspaare, die sich nach den Daten überschneiden, ohne dass eine Schnittstelle oder "
            "Abgrenzung erklärt ist und ohne dass die eine Teil der anderen ist – nach Beleglage, dann "
            "Stärke. Stärke: 2 je gleiche Zielgruppe, 1 je Zielgruppe über Ober-/Unterbegriff, 1 je Thema, "
            "2 je Förderprogramm, 2 je Netzwerk. Grundlage jeder Zeile: nicht im Register erfasst (keine "
            "erklärte Beziehung gefunden).",
            "en": "Plan pairs that overlap according to the data without a declared interface or "
            "delimitation and without one being part of the other – by evidence class, then strength. "
            "Strength: 2 per identical target group, 1 per target group via broader/narrower concept, 1 per "
            "topic, 2 per funding scheme, 2 per network. Basis of every row: not recorded in the registry "
            "(no declared relation found).",
        },
        "analysis.examples.title": {"de": "Beispiele (nicht gezählt)", "en": "Examples (not counted)"},
        "analysis.examples.description": {
            "de": "Einträge, die als Beispiel oder Platzhalter markiert sind. Sie zählen in keiner Analyse, "
            "Zahl, Matrix oder Bewertung; hier steht, in welcher Befundliste sie sonst erschienen wären.",
            "en": "Entries marked as example or placeholder. They count in no analysis, number, matrix or "
            "score; listed here with the list of findings they would otherwise appear in.",
        },
        "analysis.examples.included": {
            "de": "Beispiele sind einbezogen und als „Beispiel (nicht gezählt)“ markiert.",
            "en": "Examples are included and marked 'example (not counted)'.",
        },
        "analysis.matrix.contained": {"de": "enthalten", "en": "contained"},
        "analysis.matrix.municipality": {"de": "Kommune: {name}", "en": "Municipality: {name}"},
        "analysis.matrix.examples": {"de": "{n} B", "en": "{n} E"},
        "analysis.stichtag": {"de": "Stichtag: {date}", "en": "Reference date: {date}"},
        "report.csv_link_rows": {
            "de": "Tabelle als CSV-Datei für Excel ({rows})",
            "en": "Table as CSV file for Excel ({rows})",
        },
        "report.caption_rows": {"de": "{title} ({rows})", "en": "{title} ({rows})"},
        "report.examples_excluded": {
            "de": "Als Beispiel markierte Einträge zählen nicht; sie stehen je Abschnitt unter „Beispiele "
            "(nicht gezählt)“.",
            "en": "Entries marked as examples do not count; each section lists them under 'Examples (not "
            "counted)'.",
        },
        "cli.analyse.include_examples": {
            "de": "Als Beispiel markierte Einträge (isrp:illustrative) einbeziehen und markieren; sonst "
            "zählen sie nicht und stehen unter „Beispiele (nicht gezählt)“",
            "en": "Include entries marked as examples (isrp:illustrative), marked; otherwise they do not "
            "count and are listed under 'Examples (not counted)'",
        },
        "analysis.rows_one": {"de": "1 Zeile", "en": "1 row"},
        "analysis.rows_many": {"de": "{n} Zeilen", "en": "{n} rows"},
        "analysis.overdue.days": {"de": "{n} Tage", "en": "{n} days"},
        "analysis.overdue.days_one": {"de": "1 Tag", "en": "1 day"},
    }
)
