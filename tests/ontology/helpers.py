"""Shared helpers of the ontology tests: the shipped files, and validation of small fixture graphs.

``validate(*files)`` validates the files together with the ontology and every vocabulary against the
shipped shapes, the way the registry is validated (pyshacl, ``inference="rdfs"``, ``advanced=True`` for
SHACL-AF targets, Warnings and Infos allowed), and returns the top-level results as
:class:`Finding` tuples with compact names. A blank focus node (an interval, a role association) is
named by the entry that holds it and the property chain, e.g. ``t:plan/x>isrp:term``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ONTOLOGY = ROOT / "ontology" / "isrp.ttl"
VOCABULARIES = sorted((ROOT / "ontology" / "vocabularies").glob("*.ttl"))
SHAPES = ROOT / "ontology" / "shapes" / "isrp-shapes.ttl"
CONVENTIONS = ROOT / "docs" / "conventions.md"
FIXTURES = HERE / "fixtures"
CONTEXT = FIXTURES / "context.ttl"

ISRP = "https://w3id.org/isrp/def#"
ISRPS = "https://w3id.org/isrp/shapes#"
VOCAB = "https://w3id.org/isrp/vocab/"

PREFIXES = {
    "t": "https://w3id.org/isrp/test/",
    "isrps": ISRPS,
    "isrp": ISRP,
    "vocab": VOCAB,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "schema": "https://schema.org/",
}


class Finding(NamedTuple):
    severity: str  # "Violation" | "Warning" | "Info"
    focus: str  # compact IRI of the focus node (blank nodes: entry>property chain)
    path: str  # compact path, "^p" for an inverse path, "(a|b)" for alternatives, "-" for none
    shape: str  # compact IRI of the source shape's node shape


def compact(node: Node) -> str:
    text = str(node)
    for prefix, iri in PREFIXES.items():
        if text.startswith(iri):
            return f"{prefix}:{text[len(iri) :]}"
    return f"<{text}>"


def parse(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@cache
def base_graph() -> Graph:
    """The ontology and all vocabularies."""
    return parse(ONTOLOGY, *VOCABULARIES)


@cache
def shapes_graph() -> Graph:
    return parse(SHAPES)


def owning_node_shape(shapes: Graph, shape: Node) -> Node:
    """The named node shape a (possibly nested) property shape or constraint belongs to."""
    seen: set[Node] = set()
    current = shape
    while current not in seen:
        seen.add(current)
        if isinstance(current, URIRef) and (current, RDF.type, SH.NodeShape) in shapes:
            return current
        parents = list(shapes.subjects(SH.property, current)) or list(shapes.subjects(SH.node, current))
        if not parents:
            return current
        current = parents[0]
    return current


def path_text(report: Graph, path: Node | None) -> str:
    if path is None:
        return "-"
    if isinstance(path, URIRef):
        return compact(path)
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + path_text(report, inverse)
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(path_text(report, p) for p in report.items(alternatives)) + ")"
    return "?"


def focus_text(data: Graph, node: Node) -> str:
    """IRIs compact; a blank node as its holding entry and the property chain to it."""
    chain: list[str] = []
    current = node
    seen: set[Node] = set()
    while isinstance(current, BNode) and current not in seen:
        seen.add(current)
        holders = sorted(data.subject_predicates(current), key=lambda sp: (str(sp[0]), str(sp[1])))
        if not holders:
            break
        current, predicate = holders[0]
        chain.insert(0, compact(predicate))
    if isinstance(current, Literal):
        return repr(str(current))
    return ">".join([compact(current) if not isinstance(current, BNode) else "_", *chain])


def validate(*files: Path, with_context: bool = True) -> set[Finding]:
    """Validate ``files`` (plus the context fixture) with the ontology and vocabularies."""
    data = Graph()
    for triple in base_graph():
        data.add(triple)
    for path in ([CONTEXT] if with_context else []) + list(files):
        data.parse(path, format="turtle")
    shapes = shapes_graph()
    _conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="rdfs",
        advanced=True,
        allow_warnings=True,
        allow_infos=True,
    )
    findings: set[Finding] = set()
    for result in report.objects(None, SH.result):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[1]
        focus = report.value(result, SH.focusNode)
        shape = owning_node_shape(shapes, report.value(result, SH.sourceShape))
        findings.add(
            Finding(
                severity,
                focus_text(data, focus),
                path_text(report, report.value(result, SH.resultPath)),
                compact(shape),
            )
        )
    return findings


EXPECT = re.compile(r"^#\s*expect:\s*(Violation|Warning|Info)\s+(\S+)\s+(\S+)\s*$")


def expected_findings(fixture: Path, shape: str) -> set[Finding]:
    """The ``# expect: <Severity> <focus> <path>`` lines of a broken fixture, for ``shape``."""
    found = set()
    for line in fixture.read_text(encoding="utf-8").splitlines():
        match = EXPECT.match(line.strip())
        if match:
            found.add(Finding(match.group(1), match.group(2), match.group(3), shape))
    return found
