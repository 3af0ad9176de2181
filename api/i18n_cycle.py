"""Texts of the working-cycle pages (``/wirkung``, ``/prioritaeten``, the chain on a measure's page)."""

from isrp_graph.cycle import texts as _cycle_texts  # noqa: F401  (cycle.* and web.nav.impact)
from isrp_graph.messages import register

register(
    {
        "web.cycle.title": {"de": "Vom Bedarf zur Wirkung", "en": "From need to impact"},
        "web.cycle.intro": {
            "de": "Der Arbeitskreislauf der ISRP: Bedarfe aus den Beteiligungsformaten, ihre Priorisierung "
            "durch die Gremien, die daraus abgeleiteten Maßnahmen, ihre Zuordnung zu einer Fachplanung oder "
            "gesonderte Bearbeitung, der Stand der Umsetzung und die Wirkung an den Zielwerten.",
            "en": "The ISRP's working cycle: needs from the participation formats, their prioritisation by "
            "the bodies, the measures derived from them, their assignment to a sectoral plan or separate "
            "handling, the state of implementation and the impact against the target values.",
        },
        "web.cycle.summary": {
            "de": "{needs} Bedarfe und {measures} Maßnahmen; {without_measure} Bedarfe ohne Maßnahme, "
            "{without_need} Maßnahmen ohne Bedarf. {examples} Beispieleinträge sind nicht gezählt.",
            "en": "{needs} needs and {measures} measures; {without_measure} needs without a measure, "
            "{without_need} measures without a need. {examples} example entries are not counted.",
        },
        "web.cycle.filters": {"de": "Auswahl", "en": "Filter"},
        "web.cycle.filter.area": {"de": "Gebiet", "en": "Area"},
        "web.cycle.filter.group": {"de": "Zielgruppe", "en": "Target group"},
        "web.cycle.filter.office": {"de": "Federführende Stelle", "en": "Lead office"},
        "web.cycle.filter.all": {"de": "alle", "en": "all"},
        "web.cycle.filter.examples": {
            "de": "Beispieleinträge einbeziehen (nicht belegt)",
            "en": "Include example entries (not sourced)",
        },
        "web.cycle.filter.apply": {"de": "Anzeigen", "en": "Show"},
        "web.cycle.diagram": {
            "de": "Fluss vom Bedarf zur Umsetzung",
            "en": "Flow from need to implementation",
        },
        "web.cycle.diagram_text": {
            "de": "Die Breite jedes Bandes entspricht der Zahl der Bedarfe (bzw. Bedarf-Maßnahme-Paare), die "
            "von einer Stufe zur nächsten gehen. Dieselben Zahlen stehen in der Tabelle darunter.",
            "en": "The width of each band is the number of needs (or need–measure pairs) passing from one "
            "stage to the next. The same numbers are in the table below.",
        },
        "web.cycle.links_caption": {
            "de": "Übergänge zwischen den Stufen",
            "en": "Transitions between stages",
        },
        "web.cycle.table_caption": {
            "de": "Bedarfe und Maßnahmen mit Priorität, Zuordnung, Umsetzung und Wirkung",
            "en": "Needs and measures with priority, assignment, implementation and impact",
        },
        "web.cycle.no_data": {
            "de": "Im Register sind noch keine Bedarfe oder Maßnahmen erfasst, die hier zählen.",
            "en": "The registry holds no needs or measures that count here yet.",
        },
        "web.cycle.without_measure": {"de": "Bedarfe ohne Maßnahme", "en": "Needs without a measure"},
        "web.cycle.without_need": {"de": "Maßnahmen ohne Bedarf", "en": "Measures without a need"},
        "web.cycle.examples": {"de": "Beispiele (nicht gezählt)", "en": "Examples (not counted)"},
        "web.cycle.col.need": {"de": "Bedarf", "en": "Need"},
        "web.cycle.col.origin": {"de": "Herkunft", "en": "Origin"},
        "web.cycle.col.identified": {"de": "festgestellt am", "en": "Identified on"},
        "web.cycle.col.areas": {"de": "Gebiet", "en": "Area"},
        "web.cycle.col.groups": {"de": "Zielgruppen", "en": "Target groups"},
        "web.cycle.col.priority": {"de": "Priorität", "en": "Priority"},
        "web.cycle.col.measure": {"de": "Maßnahme", "en": "Measure"},
        "web.cycle.col.decision": {"de": "Zuordnung", "en": "Assignment"},
        "web.cycle.col.office": {"de": "Federführende Stelle", "en": "Lead office"},
        "web.cycle.col.state": {"de": "Stand der Umsetzung", "en": "Implementation state"},
        "web.cycle.col.budget": {"de": "Haushalt", "en": "Budget"},
        "web.cycle.col.targets": {"de": "Wirkungsziele", "en": "Impact targets"},
        "web.cycle.col.from_stage": {"de": "von Stufe", "en": "From stage"},
        "web.cycle.col.from": {"de": "von", "en": "From"},
        "web.cycle.col.to_stage": {"de": "zu Stufe", "en": "To stage"},
        "web.cycle.col.to": {"de": "nach", "en": "To"},
        "web.cycle.col.n": {"de": "Anzahl", "en": "Number"},
        "web.cycle.col.position": {"de": "Platz", "en": "Place"},
        "web.cycle.col.rank": {"de": "beschlossener Rang", "en": "Decided rank"},
        "web.cycle.col.total": {"de": "Summe der Punkte", "en": "Total score"},
        "web.cycle.col.change": {"de": "Veränderung", "en": "Change"},
        "web.cycle.place": {"de": "Platz {n} ({session})", "en": "place {n} ({session})"},
        "web.cycle.state_since": {"de": "{state} seit {since}", "en": "{state} since {since}"},
        "web.cycle.baseline": {"de": "Ausgangswert {value} ({on})", "en": "baseline {value} ({on})"},
        "web.cycle.target": {"de": "Zielwert {value} bis {on}", "en": "target {value} by {on}"},
        "web.cycle.latest": {"de": "zuletzt {value} ({on})", "en": "latest {value} ({on})"},
        "web.cycle.share": {"de": "{share} des Wegs zum Ziel", "en": "{share} of the way to the target"},
        "web.cycle.priorities_title": {"de": "Prioritäten der Gremien", "en": "Priorities of the bodies"},
        "web.cycle.priorities_intro": {
            "de": "Jede dokumentierte Priorisierungssitzung mit ihren Kriterien und der Rangfolge der "
            "Bedarfe: zuerst nach beschlossenem Rang, dann nach der Summe der Punkte.",
            "en": "Every documented priority session with its criteria and the ranking of the needs: by "
            "decided rank first, then by total score.",
        },
        "web.cycle.no_sessions": {
            "de": "Im Register ist noch keine Priorisierungssitzung erfasst.",
            "en": "The registry holds no priority session yet.",
        },
        "web.cycle.session_meta": {
            "de": "Gremium: {body} · Datum: {date} · Prozessschritt: {step} · Beschluss: {decision}",
            "en": "Body: {body} · date: {date} · process step: {step} · decision: {decision}",
        },
        "web.cycle.not_recorded": {"de": "nicht erfasst", "en": "not recorded"},
        "web.cycle.ranking_caption": {
            "de": "Rangfolge der Bedarfe: {session}",
            "en": "Ranking of needs: {session}",
        },
        "web.cycle.compare": {"de": "Zwei Sitzungen vergleichen", "en": "Compare two sessions"},
        "web.cycle.compare_first": {"de": "Erste Sitzung", "en": "First session"},
        "web.cycle.compare_second": {"de": "Zweite Sitzung", "en": "Second session"},
        "web.cycle.comparison_caption": {
            "de": "Plätze der Bedarfe: {first} und {second}",
            "en": "Places of the needs: {first} and {second}",
        },
        "web.cycle.up": {"de": "{n} Plätze höher", "en": "up {n} places"},
        "web.cycle.down": {"de": "{n} Plätze tiefer", "en": "down {n} places"},
        "web.cycle.same": {"de": "gleich", "en": "unchanged"},
        "web.cycle.chain": {"de": "Vom Bedarf zur Wirkung", "en": "From need to impact"},
        "web.cycle.chain_needs": {"de": "Bedarfe", "en": "Needs"},
        "web.cycle.chain_no_need": {
            "de": "Die Maßnahme ist im Register mit keinem Bedarf verknüpft.",
            "en": "The registry links the measure to no need.",
        },
        "web.cycle.chain_decision": {"de": "Zuordnung", "en": "Assignment"},
        "web.cycle.chain_reason": {"de": "Begründung", "en": "Reason"},
        "web.cycle.chain_fitting": {
            "de": "Noch nicht entschieden. Passende Fachplanungen nach gemeinsamen Zielgruppen, Themen "
            "und Gebieten:",
            "en": "Not decided yet. Fitting sectoral plans by shared target groups, topics and areas:",
        },
        "web.cycle.chain_fit_reason": {
            "de": "{score} Punkte: Zielgruppen {groups}; Themen {topics}; Gebiete {areas}",
            "en": "{score} points: target groups {groups}; topics {topics}; areas {areas}",
        },
        "web.cycle.chain_states": {"de": "Stand der Umsetzung", "en": "Implementation"},
        "web.cycle.chain_budget": {"de": "Haushalt", "en": "Budget"},
        "web.cycle.chain_budget_total": {"de": "Summe", "en": "Total"},
        "web.cycle.chain_year": {"de": "Jahr", "en": "Year"},
        "web.cycle.chain_amount": {"de": "Betrag", "en": "Amount"},
        "web.cycle.chain_line": {"de": "Haushaltsstelle", "en": "Budget line"},
        "web.cycle.chain_item": {"de": "Position", "en": "Item"},
        "web.cycle.chain_targets": {"de": "Wirkungsziele", "en": "Impact targets"},
        "web.cycle.chain_evaluations": {"de": "Evaluierung", "en": "Evaluation"},
        "web.cycle.chain_none": {"de": "nicht erfasst", "en": "not recorded"},
        "web.cycle.chain_priority_none": {"de": "nicht priorisiert", "en": "not prioritised"},
    }
)
