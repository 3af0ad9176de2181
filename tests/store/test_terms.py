"""The fast conversion of store terms to rdflib terms builds exactly what rdflib's constructors build."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from isrp_graph.store import EmbeddedStore
from isrp_graph.store.terms import from_ox, to_ox

XSD_NS = "http://www.w3.org/2001/XMLSchema#"


def _typed(lexical: str, datatype: str) -> ox.Literal:
    return ox.Literal(lexical, datatype=ox.NamedNode(XSD_NS + datatype))


LITERALS = [
    (ox.Literal("Jugendhilfeplanung"), Literal("Jugendhilfeplanung", normalize=False)),
    (ox.Literal("Jugendhilfe", language="de"), Literal("Jugendhilfe", lang="de", normalize=False)),
    (ox.Literal("youth", language="en-gb"), Literal("youth", lang="en-gb", normalize=False)),
    (ox.Literal(""), Literal("", normalize=False)),
    (_typed("2024-01-31", "date"), Literal("2024-01-31", datatype=XSD.date, normalize=False)),
    (_typed("12", "integer"), Literal("12", datatype=XSD.integer, normalize=False)),
    (_typed("true", "boolean"), Literal("true", datatype=XSD.boolean, normalize=False)),
    (_typed("2.5", "decimal"), Literal("2.5", datatype=XSD.decimal, normalize=False)),
    (_typed("not a date", "date"), Literal("not a date", datatype=XSD.date, normalize=False)),
    (_typed("  a  b ", "token"), Literal("  a  b ", datatype=XSD.token, normalize=False)),
    (_typed(" x\ty ", "normalizedString"), Literal(" x\ty ", datatype=XSD.normalizedString, normalize=False)),
    (
        ox.Literal("POINT(1 2)", datatype=ox.NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral")),
        Literal(
            "POINT(1 2)",
            datatype=URIRef("http://www.opengis.net/ont/geosparql#wktLiteral"),
            normalize=False,
        ),
    ),
]


@pytest.mark.parametrize(("term", "expected"), LITERALS, ids=[str(t) for t, _ in LITERALS])
def test_literals_are_what_rdflib_builds(term: ox.Literal, expected: Literal) -> None:
    converted = from_ox(term)
    assert type(converted) is Literal
    assert converted == expected and hash(converted) == hash(expected)
    assert str(converted) == str(expected)
    assert converted.language == expected.language
    assert converted.datatype == expected.datatype
    assert type(converted.datatype) is type(expected.datatype)
    assert converted.value == expected.value and type(converted.value) is type(expected.value)
    assert converted.ill_typed == expected.ill_typed
    assert converted.n3() == expected.n3()
    if expected.datatype not in (XSD.token, XSD.normalizedString):  # rdflib rewrites those forms
        assert to_ox(converted) == term


def test_iris_and_blank_nodes_are_what_rdflib_builds() -> None:
    iri = "https://w3id.org/isrp/erfurt/plan/jugendhilfeplan"
    converted = from_ox(ox.NamedNode(iri))
    assert type(converted) is URIRef and converted == URIRef(iri) and hash(converted) == hash(URIRef(iri))
    assert converted.n3() == f"<{iri}>"
    blank = from_ox(ox.BlankNode("b0"))
    assert type(blank) is BNode and blank == BNode("b0")


def test_rdf_star_terms_are_refused() -> None:
    triple = ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c"))
    with pytest.raises(ValueError, match="RDF-star"):
        from_ox(triple)  # type: ignore[arg-type]


def test_select_rows_carry_the_converted_terms_and_unbound_variables() -> None:
    with EmbeddedStore(None) as store:
        store.update('INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> "x"@de , 3 . <urn:b> <urn:p> "y" } }')
        result = store.select(
            "SELECT ?s ?o ?none WHERE { ?s <urn:p> ?o OPTIONAL { ?s <urn:q> ?none } } ORDER BY ?s ?o"
        )
    assert result.variables == ["s", "o", "none"]
    assert result.rows == [
        {"s": URIRef("urn:a"), "o": Literal(3), "none": None},
        {"s": URIRef("urn:a"), "o": Literal("x", lang="de"), "none": None},
        {"s": URIRef("urn:b"), "o": Literal("y"), "none": None},
    ]
    assert result.rows[0]["o"].value == 3  # type: ignore[union-attr]


def test_kept_typed_literals_are_told_apart_by_datatype() -> None:
    one, other = _typed("1", "integer"), _typed("1", "decimal")
    first, again, decimal = from_ox(one), from_ox(one), from_ox(other)
    assert again is first  # converted once
    assert first.datatype == XSD.integer and decimal.datatype == XSD.decimal
    assert first != decimal and not first.eq(_typed_rdflib("1.5", XSD.decimal))
    assert from_ox(ox.Literal("1")) == Literal("1") and from_ox(ox.Literal("1")).datatype is None


def _typed_rdflib(lexical: str, datatype: URIRef) -> Literal:
    return Literal(lexical, datatype=datatype, normalize=False)
