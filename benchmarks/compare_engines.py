"""The registry's /sparql against a bare ``oxigraph serve`` loaded with ``isrp export --format nq``:
the same queries (aggregates, OPTIONAL, GRAPH, FROM, property paths, VALUES, CONSTRUCT, DESCRIBE,
ASK …) through both, identical/different per query and result format, and the /sparql overhead.

    python benchmarks/compare_engines.py [--rounds 5]

The bare server runs with ``--union-default-graph`` (as the README's remote-store setup); it ignores
FROM in that mode (oxigraph issue 959), so a query with FROM / FROM NAMED goes to it with the same
dataset as protocol parameters (``default-graph-uri`` / ``named-graph-uri``), which SPARQL 1.1
defines as equivalent. All queries declare their prefixes, so both servers read the same text. The
test tests/api/test_engine_agreement.py asserts that every answer is identical (not timed).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from benchmarks.servers import ASK, free_port, oxigraph_binary, oxigraph_serve, stop, wait_until_answers

ROOT = Path(__file__).resolve().parents[1]
G = "https://w3id.org/isrp/graph/"
P = """PREFIX isrp: <https://w3id.org/isrp/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sh: <http://www.w3.org/ns/shacl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""


@dataclass(frozen=True)
class Case:
    name: str
    query: str
    default_graphs: tuple[str, ...] = ()  # what the query's FROM says, sent to the bare server
    named_graphs: tuple[str, ...] = ()


CASES: list[Case] = [
    Case("count-all", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    Case(
        "count-by-predicate", "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p"
    ),
    Case(
        "plans-with-labels",
        "SELECT ?plan ?label WHERE { ?plan a isrp:SectoralPlan ; rdfs:label ?label "
        "FILTER(LANG(?label) = 'de') } ORDER BY ?label",
    ),
    Case(
        "optional-source",
        "SELECT ?plan ?source WHERE { ?plan a isrp:SectoralPlan "
        "OPTIONAL { ?plan dcterms:source ?source } } ORDER BY ?plan ?source",
    ),
    Case("graph-sizes", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"),
    Case(
        "from-ontology",
        f"SELECT (COUNT(*) AS ?n) FROM <{G}ontology/isrp> WHERE {{ ?s ?p ?o }}",
        default_graphs=(f"{G}ontology/isrp",),
    ),
    Case(
        "from-two-graphs",
        f"SELECT ?type (COUNT(?x) AS ?n) FROM <{G}data/erfurt/plans> "
        f"FROM <{G}data/erfurt/organisations> WHERE {{ ?x a ?type }} GROUP BY ?type ORDER BY ?type",
        default_graphs=(f"{G}data/erfurt/plans", f"{G}data/erfurt/organisations"),
    ),
    Case(
        "from-named",
        f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{G}data/erfurt/plans> "
        "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        named_graphs=(f"{G}data/erfurt/plans",),
    ),
    Case("subclass-path", "SELECT ?c WHERE { ?c rdfs:subClassOf+ prov:Plan } ORDER BY ?c"),
    Case(
        "broader-path",
        "SELECT ?c (COUNT(?b) AS ?up) WHERE { ?c a skos:Concept ; skos:broader+ ?b } GROUP BY ?c ORDER BY ?c",
    ),
    Case(
        "inverse-alternative-path",
        "SELECT DISTINCT ?x ?y WHERE { ?x ^skos:hasTopConcept|skos:topConceptOf ?y } ORDER BY ?x ?y",
    ),
    Case(
        "values",
        "SELECT ?x ?label WHERE { VALUES ?x { isrp:SectoralPlan isrp:Task owl:Nothing } "
        "OPTIONAL { ?x rdfs:label ?label FILTER(LANG(?label) = 'en') } } ORDER BY ?x",
    ),
    Case(
        "filter-regex",
        "SELECT ?x ?l WHERE { ?x skos:prefLabel ?l FILTER(REGEX(STR(?l), '^Jug', 'i')) } ORDER BY ?x ?l",
    ),
    Case(
        "aggregates",
        "SELECT (COUNT(DISTINCT ?s) AS ?subjects) (MAX(STR(?p)) AS ?last) (MIN(STR(?o)) AS ?first) "
        "(SUM(IF(isBlank(?o), 1, 0)) AS ?blank) (AVG(STRLEN(STR(?o))) AS ?length) "
        "WHERE { ?s a sh:NodeShape ; ?p ?o }",
    ),
    Case(
        "having",
        "SELECT ?type (COUNT(*) AS ?n) WHERE { ?x a ?type } GROUP BY ?type HAVING (COUNT(*) > 20) "
        "ORDER BY ?type",
    ),
    Case(
        "subquery",
        "SELECT ?type ?n WHERE { { SELECT ?type (COUNT(*) AS ?n) WHERE { ?x a ?type } "
        "GROUP BY ?type } FILTER(?n >= 10) } ORDER BY DESC(?n) ?type LIMIT 10",
    ),
    Case(
        "minus-and-not-exists",
        "SELECT ?plan WHERE { ?plan a isrp:SectoralPlan "
        "MINUS { ?plan dcterms:source ?s } FILTER NOT EXISTS { ?plan rdfs:comment ?c } } ORDER BY ?plan",
    ),
    Case(
        "bind-and-functions",
        "SELECT ?x (STRLEN(?l) AS ?len) (UCASE(?l) AS ?up) (LANG(?l) AS ?lang) WHERE "
        "{ ?x a owl:Class ; rdfs:label ?l } ORDER BY ?x ?lang LIMIT 40",
    ),
    Case("dates", "SELECT ?i ?d (YEAR(?d) AS ?y) WHERE { ?i time:inXSDDate ?d } ORDER BY ?d ?i LIMIT 30"),
    Case(
        "union",
        "SELECT ?x WHERE { { ?x a owl:ObjectProperty } UNION { ?x a owl:DatatypeProperty } } ORDER BY ?x",
    ),
    Case(
        "blank-nodes",
        "SELECT ?shape ?path WHERE { ?shape sh:property ?prop . ?prop sh:path ?path "
        "FILTER(isIRI(?path)) } ORDER BY ?shape ?path LIMIT 50",
    ),
    Case("ask-true", "ASK { ?x a isrp:SectoralPlan }"),
    Case("ask-false", "ASK { ?x a isrp:DoesNotExist }"),
    Case("construct-labels", "CONSTRUCT { ?c rdfs:label ?l } WHERE { ?c a owl:Class ; rdfs:label ?l }"),
    Case(
        "construct-with-bnodes",
        "CONSTRUCT { ?shape sh:property ?p . ?p sh:path ?path } WHERE "
        "{ ?shape sh:property ?p . ?p sh:path ?path FILTER(isIRI(?path)) }",
    ),
    Case(
        "construct-from",
        f"CONSTRUCT {{ ?s a ?o }} FROM <{G}data/erfurt/plans> WHERE {{ ?s a ?o }}",
        default_graphs=(f"{G}data/erfurt/plans",),
    ),
    Case("describe", "DESCRIBE isrp:SectoralPlan"),
    Case("describe-where", "DESCRIBE ?plan WHERE { ?plan a isrp:SectoralPlan } ORDER BY ?plan LIMIT 3"),
]
CASES = [Case(c.name, P + c.query, c.default_graphs, c.named_graphs) for c in CASES]

SELECT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES_OX = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}


def formats_for(query: str) -> dict[str, str]:
    body = query[len(P) :] if query.startswith(P) else query
    return GRAPH_FORMATS if body.lstrip().upper().startswith(("CONSTRUCT", "DESCRIBE")) else SELECT_FORMATS


# --- comparing answers ----------------------------------------------------------------------------

_BNODE = re.compile(r"_:[A-Za-z0-9_\-.]+")


def _rows(body: bytes, media: str, ordered: bool) -> object:
    fmt = {
        "application/sparql-results+json": ox.QueryResultsFormat.JSON,
        "application/sparql-results+xml": ox.QueryResultsFormat.XML,
        "text/csv": ox.QueryResultsFormat.CSV,
        "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    }[media]
    if fmt == ox.QueryResultsFormat.CSV:  # pyoxigraph does not read CSV: compare the text
        lines = [_BNODE.sub("_:b", line) for line in body.decode("utf-8").split("\r\n")]
        return lines if ordered else sorted(lines)
    parsed = ox.parse_query_results(body, format=fmt)
    if isinstance(parsed, ox.QueryBoolean):
        return bool(parsed)
    variables = [v.value for v in parsed.variables]
    rows = [
        tuple(_BNODE.sub("_:b", str(value)) if value is not None else "" for value in row) for row in parsed
    ]
    return (variables, rows if ordered else sorted(rows))


def _canonical(body: bytes, media: str) -> set[ox.Quad]:
    dataset = ox.Dataset(ox.parse(body, format=GRAPH_TYPES_OX[media]))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def same_answer(query: str, media: str, ours: bytes, theirs: bytes) -> bool:
    """True if both bodies mean the same result (blank node labels and unordered rows aside)."""
    if media in GRAPH_FORMATS.values():
        return _canonical(ours, media) == _canonical(theirs, media)
    ordered = "ORDER BY" in query.upper()
    return _rows(ours, media, ordered) == _rows(theirs, media, ordered)


# --- the two servers --------------------------------------------------------------------------------


@contextmanager
def bare_oxigraph(nquads: Path, folder: Path) -> Iterator[str]:
    """``oxigraph serve --union-default-graph`` loaded with ``nquads``; yields the query URL."""
    location = folder / "oxigraph"
    subprocess.run(
        [oxigraph_binary(), "load", "--location", str(location), "--file", str(nquads)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with oxigraph_serve(location) as base:
        yield base + "/query"


@contextmanager
def registry_app(folder: Path) -> Iterator[tuple[str, Path]]:
    """The app under uvicorn on the shipped registry (``isrp load`` into an on-disk store); yields the
    /sparql URL and the N-Quads export of the same store."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ISRP_")}
    env.update(PYTHONPATH=str(ROOT), ISRP_STORE="embedded", ISRP_STORE_PATH=str(folder / "store"))
    isrp = [sys.executable, "-m", "isrp_graph"]
    subprocess.run([*isrp, "load"], check=True, env=env, cwd=folder, stdout=subprocess.DEVNULL)
    nquads = folder / "registry.nq"
    subprocess.run(
        [*isrp, "export", "--format", "nq", "-o", str(nquads)],
        check=True,
        env=env,
        cwd=folder,
        stdout=subprocess.DEVNULL,
    )
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "api.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/sparql{ASK}", process)
        yield f"http://127.0.0.1:{port}/sparql", nquads
    finally:
        stop(process, 20.0)


def fetch(
    url: str, query: str, accept: str, default: tuple[str, ...] = (), named: tuple[str, ...] = ()
) -> bytes:
    params = [
        ("query", query),
        *(("default-graph-uri", g) for g in default),
        *(("named-graph-uri", g) for g in named),
    ]
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(params).encode(),
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()  # type: ignore[no-any-return]


@dataclass
class Outcome:
    results: list[tuple[str, str, bool, str]] = field(default_factory=list)  # case, format, same, note

    @property
    def different(self) -> list[tuple[str, str, bool, str]]:
        return [r for r in self.results if not r[2]]


def compare(ours: str, theirs: str, cases: list[Case] = CASES, *, verbose: bool = False) -> Outcome:
    outcome = Outcome()
    for case in cases:
        for name, media in formats_for(case.query).items():
            try:
                a = fetch(ours, case.query, media)
                b = fetch(theirs, case.query, media, case.default_graphs, case.named_graphs)
                outcome.results.append((case.name, name, same_answer(case.query, media, a, b), ""))
            except (urllib.error.HTTPError, OSError, SyntaxError, ValueError) as exc:
                outcome.results.append((case.name, name, False, str(exc)[:80]))
            if verbose:
                _, fmt, same, note = outcome.results[-1]
                print(f"{case.name:28} {fmt:9} {'identical' if same else 'DIFFERENT'} {note}", flush=True)
    return outcome


def timed(url: str, rounds: int, bare: bool) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for case in CASES:
            media = next(iter(formats_for(case.query).values()))
            if bare:
                fetch(url, case.query, media, case.default_graphs, case.named_graphs)
            else:
                fetch(url, case.query, media)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the query set")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="isrp-compare-") as tmp:
        folder = Path(tmp)
        with registry_app(folder) as (ours, nquads), bare_oxigraph(nquads, folder) as theirs:
            outcome = compare(ours, theirs, verbose=True)
            print(
                f"\n{len(outcome.results) - len(outcome.different)}/{len(outcome.results)} identical "
                f"({len(CASES)} queries)"
            )
            timed(ours, 1, bare=False)  # warm-up: worker processes, caches
            timed(theirs, 1, bare=True)
            app_time = timed(ours, args.rounds, bare=False)
            bare_time = timed(theirs, args.rounds, bare=True)
            count = args.rounds * len(CASES)
            print(
                f"/sparql: {app_time / count * 1000:.1f} ms per query, bare oxigraph serve: "
                f"{bare_time / count * 1000:.1f} ms per query; overhead ratio {app_time / bare_time:.2f} "
                "(goal <= 1.1)"
            )
    return 0 if not outcome.different else 1


if __name__ == "__main__":
    raise SystemExit(main())
