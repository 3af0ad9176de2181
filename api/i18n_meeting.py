"""Web texts of engineer "meeting": print, the annual report's page, the pages BITV 2.0 requires."""

from __future__ import annotations

from datetime import date

from isrp_graph.messages import register

register(
    {
        "web.rows_shown": {
            "de": "{shown} von {total} Zeilen angezeigt",
            "en": "{shown} of {total} rows shown",
        },
        "web.print": {"de": "Drucken / PDF", "en": "Print / PDF"},
        "web.print_stand": {
            "de": "Ausdruck aus dem ISRP-Register, Stand {date}, Seite {url}",
            "en": "Printed from the ISRP registry, as of {date}, page {url}",
        },
    }
)


def print_date() -> str:
    """Today in German notation, for the printed "Stand"."""
    return date.today().strftime("%d.%m.%Y")
