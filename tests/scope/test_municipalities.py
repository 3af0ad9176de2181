"""The municipality scope: the nodes of a store, names resolved to them, and Erfurt's entries linked."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from isrp_graph.scope import ScopeError, municipalities, resolve_kommunen, values_block
from isrp_graph.store.base import Store

ERFURT = "https://w3id.org/isrp/erfurt/org/stadt-erfurt"

SECOND = """
@prefix isrp: <https://w3id.org/isrp/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/isrp/weimar/org/stadt-weimar> a <http://www.w3.org/ns/org#FormalOrganization> ;
    rdfs:label "Stadt Weimar"@de ;
    isrp:organizationType <https://w3id.org/isrp/vocab/organisation-type/kommune> .
"""


def test_erfurt_is_the_one_municipality_of_the_shipped_registry(built_registry: Store) -> None:
    found = municipalities(built_registry)
    assert [(m.iri, m.slug, m.label) for m in found] == [(ERFURT, "erfurt", "Landeshauptstadt Erfurt")]


def test_names_resolve_by_slug_label_and_iri_in_any_case(built_registry: Store) -> None:
    assert resolve_kommunen(built_registry, ["ERFURT"]) == (ERFURT,)
    assert resolve_kommunen(built_registry, ["landeshauptstadt erfurt", ERFURT]) == (ERFURT,)
    assert resolve_kommunen(built_registry, ["", "  "]) == ()


def test_an_unknown_name_is_refused_naming_it_and_the_known_ones(built_registry: Store) -> None:
    with pytest.raises(ScopeError) as caught:
        resolve_kommunen(built_registry, ["Jena"])
    assert "„Jena“" in caught.value.message("de") and "erfurt" in caught.value.message("de")
    assert "'Jena'" in caught.value.message("en")


def test_several_municipalities_in_one_store(memory_store: Store) -> None:
    from rdflib import Graph

    memory_store.replace_graph(URIRef("https://w3id.org/isrp/graph/test/weimar"), Graph().parse(data=SECOND))
    assert [m.slug for m in municipalities(memory_store)] == ["weimar"]
    assert resolve_kommunen(memory_store, ["Stadt Weimar"]) == ("https://w3id.org/isrp/weimar/org/stadt-weimar",)


def test_values_block_binds_the_variable_or_restricts_nothing() -> None:
    assert values_block("k", []) == ""
    assert values_block("k", [ERFURT]) == f"VALUES ?k {{ <{ERFURT}> }}"
    with pytest.raises(ValueError):
        values_block("k", ["bad iri>"])


def test_every_typed_erfurt_entry_except_sources_and_geometries_names_its_municipality(
    built_registry: Store,
) -> None:
    rows = built_registry.select(
        """
        SELECT DISTINCT ?e WHERE {
          ?e a ?type .
          FILTER(STRSTARTS(STR(?e), "https://w3id.org/isrp/erfurt/"))
          FILTER(?e != <#CITY#>)
          FILTER NOT EXISTS { ?e a ?skip .
            VALUES ?skip { dcterms:BibliographicResource schema:CreativeWork geo:Geometry } }
          FILTER NOT EXISTS { ?e isrp:municipality <#CITY#> }
        }
        """.replace("#CITY#", ERFURT)
    ).rows
    assert [str(r["e"]) for r in rows] == []
