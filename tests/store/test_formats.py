"""Content negotiation for raw query results."""

from __future__ import annotations

import pytest

from isrp_graph.store import UnsupportedFormat
from isrp_graph.store.formats import GRAPH_TYPES, RESULTS_TYPES, content_type, negotiate

RESULTS = list(RESULTS_TYPES)
GRAPHS = list(GRAPH_TYPES)


@pytest.mark.parametrize(
    ("accept", "offered", "chosen"),
    [
        ("", RESULTS, "application/sparql-results+json"),
        ("*/*", RESULTS, "application/sparql-results+json"),
        ("text/csv", RESULTS, "text/csv"),
        ("text/*", RESULTS, "text/csv"),
        (
            "application/sparql-results+xml;q=0.9, text/tab-separated-values",
            RESULTS,
            "text/tab-separated-values",
        ),
        ("text/html, application/sparql-results+json;q=0.1", RESULTS, "application/sparql-results+json"),
        ("*/*", GRAPHS, "text/turtle"),
        ("application/ld+json", GRAPHS, "application/ld+json"),
        ("application/rdf+xml, */*;q=0.1", GRAPHS, "application/rdf+xml"),
    ],
)
def test_negotiate(accept: str, offered: list[str], chosen: str) -> None:
    assert negotiate(accept, offered) == chosen


def test_nothing_acceptable() -> None:
    with pytest.raises(UnsupportedFormat):
        negotiate("image/png", RESULTS)
    with pytest.raises(UnsupportedFormat):
        negotiate("text/csv;q=0", RESULTS)


def test_content_type_has_charset_for_text() -> None:
    assert content_type("text/csv") == "text/csv; charset=utf-8"
    assert content_type("application/sparql-results+json") == "application/sparql-results+json"
