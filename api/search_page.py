"""The search page ``/suche?q=…``: entries grouped by kind with the matched text marked, and its JSON
twin (``?format=json``). The search itself is ``isrp_graph.search``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.context import lang_of, state
from api.negotiation import respond
from isrp_graph.messages import register, t
from isrp_graph.search import MAX_QUERY, search

router = APIRouter()

DEFAULT_LIMIT = 50

register(
    {
        "web.search.title": {"de": "Suche", "en": "Search"},
        "web.search.label": {"de": "Register durchsuchen", "en": "Search the registry"},
        "web.search.placeholder": {"de": "z. B. Jugendhilfe, 2516/18", "en": "e.g. Jugendhilfe, 2516/18"},
        "web.search.button": {"de": "Suchen", "en": "Search"},
        "web.search.hint": {
            "de": "Sucht in Namen, anderen Namen, Beschreibungen, Anmerkungen und Kennungen (z. B. "
            "Drucksachen-Nummern). Wortanfänge genügen; Umlaute dürfen als ae, oe, ue geschrieben werden.",
            "en": "Searches names, other names, descriptions, notes and identifiers (e.g. Drucksache "
            "numbers). The beginning of a word is enough; umlauts may be written as ae, oe, ue.",
        },
        "web.search.count": {
            "de": "{total} Treffer für „{query}“.",
            "en": "{total} match(es) for “{query}”.",
        },
        "web.search.shown": {
            "de": "Gezeigt werden die besten {shown}; ein genauerer Suchbegriff grenzt weiter ein.",
            "en": "The best {shown} are shown; a more precise term narrows the search.",
        },
        "web.search.none": {
            "de": "Keine Treffer für „{query}“. Versuchen Sie einen kürzeren Wortanfang.",
            "en": "No matches for “{query}”. Try a shorter beginning of a word.",
        },
        "web.search.example": {"de": "Beispiel", "en": "Example"},
        "web.search.example_title": {
            "de": "Beispieleintrag zur Veranschaulichung, keine belegte Angabe",
            "en": "Illustrative example entry, not a sourced fact",
        },
        "web.search.group_count": {"de": "{n} Treffer", "en": "{n} match(es)"},
        "web.search.in_field": {"de": "gefunden in", "en": "found in"},
    }
)


@router.get("/suche", include_in_schema=False)
def search_page(request: Request, q: str = "", limit: int = DEFAULT_LIMIT) -> Response:
    lang = lang_of(request)
    query = q[: MAX_QUERY + 1]  # longer input is refused by the search with a message
    results = search(state(request).store, query, lang, max(1, min(limit, 200)))
    return respond(
        request,
        "search.html",
        results.to_json(),
        results=results,
        title=t("web.search.title", lang),
    )
