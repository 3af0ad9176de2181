"""Texts of the working-cycle views (stage names and values), German first, English second."""

from isrp_graph.messages import register

register(
    {
        "web.nav.impact": {"de": "Vom Bedarf zur Wirkung", "en": "From need to impact"},
        "cycle.stage.origin": {"de": "Herkunft", "en": "Origin"},
        "cycle.stage.priority": {"de": "Priorität", "en": "Priority"},
        "cycle.stage.measure": {"de": "Maßnahme", "en": "Measure"},
        "cycle.stage.decision": {"de": "Zuordnung", "en": "Assignment"},
        "cycle.stage.state": {"de": "Umsetzung", "en": "Implementation"},
        "cycle.origin.unknown": {"de": "Herkunft nicht erfasst", "en": "origin not recorded"},
        "cycle.priority.yes": {"de": "priorisiert", "en": "prioritised"},
        "cycle.priority.no": {"de": "nicht priorisiert", "en": "not prioritised"},
        "cycle.measure.yes": {"de": "mit Maßnahme", "en": "with measure"},
        "cycle.measure.no": {"de": "ohne Maßnahme", "en": "without measure"},
        "cycle.measure.no_need": {"de": "Maßnahme ohne Bedarf", "en": "measure without need"},
        "cycle.decision.plan": {"de": "einer Fachplanung zugeordnet", "en": "assigned to a sectoral plan"},
        "cycle.decision.separate": {"de": "gesondert bearbeitet", "en": "handled separately"},
        "cycle.decision.open": {"de": "noch nicht entschieden", "en": "not yet decided"},
        "cycle.state.unknown": {"de": "Stand nicht erfasst", "en": "state not recorded"},
    }
)
