"""Analyses per municipality: pairs only inside one municipality (``isrp:municipality``), and
``kommunen=(A,)`` gives exactly what A alone in a store gives.

Two synthetic municipalities (benchmarks/synthetic.py, the same generator as the benchmark; the first
municipality is generated identically whether one or two are written) share the Land/federal funding
schemes and provisions, as in reality."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pyoxigraph as ox
import pytest

from benchmarks import synthetic
from isrp_graph.analyses.overlaps import find_overlaps
from isrp_graph.analyses.registry import ANALYSES, AnalysisOptions, run_all
from isrp_graph.loading import load_files, rdf_files
from isrp_graph.queries import run_named
from isrp_graph.resources import ontology_dir
from isrp_graph.scope import bind_kommune, municipalities
from isrp_graph.store import EmbeddedStore

DAY = date(2025, 6, 30)
M1 = "https://w3id.org/isrp/synth-0001/org/stadt"
M2 = "https://w3id.org/isrp/synth-0002/org/stadt"
REFERENCE = "https://w3id.org/isrp/synth-0001/spatial-system/ortsteile"
OPTIONS = AnalysisOptions(reference_date=DAY, reference_system=REFERENCE)


def _synthetic(count: int) -> EmbeddedStore:
    store = EmbeddedStore(None, query_timeout=None)
    load_files(store, rdf_files(ontology_dir()))
    data = "".join(synthetic.generate(count)).encode("utf-8")
    store.ox_store.load(
        data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://w3id.org/isrp/graph/synthetic")
    )
    return store


@pytest.fixture(scope="module")
def both() -> Iterator[EmbeddedStore]:
    store = _synthetic(2)
    yield store
    store.close()


@pytest.fixture(scope="module")
def alone() -> Iterator[EmbeddedStore]:
    store = _synthetic(1)
    yield store
    store.close()


def _home(store: EmbeddedStore) -> dict[str, str]:
    rows = store.select("SELECT ?e ?m WHERE { ?e <https://w3id.org/isrp/def#municipality> ?m }").rows
    return {str(r["e"]): str(r["m"]) for r in rows}


def _tables(reports: dict) -> dict[str, list[tuple[str, tuple]]]:  # type: ignore[type-arg]
    return {name: [(t.name, t.rows) for t in report.tables()] for name, report in reports.items()}


def test_overlaps_pair_plans_of_one_municipality_only(both: EmbeddedStore) -> None:
    report = find_overlaps(both, reference_date=DAY)
    home = _home(both)
    pairs = [*report.overlaps, *report.examples]
    assert {o.municipality for o in pairs} == {M1, M2}  # both have overlaps of every kind …
    for kind in ("target-topic", "funding", "network"):
        assert {o.municipality for o in pairs if kind in o.kinds} == {M1, M2}, kind
    # … and the shared Land/federal schemes never pair plans of two municipalities
    assert all(home[o.plan_a.iri] == home[o.plan_b.iri] == o.municipality for o in pairs)


def test_one_municipality_on_a_shared_store_equals_it_alone(
    both: EmbeddedStore, alone: EmbeddedStore
) -> None:
    scoped = run_all(both, "de", dataclasses.replace(OPTIONS, kommunen=(M1,)))
    single = run_all(alone, "de", OPTIONS)
    assert _tables(scoped) == _tables(single)
    findings = {n: sum(len(t) for t in r.tables() if t.finding) for n, r in single.items()}
    # the comparison is not vacuous: every analysis finds something (the matrix is an overview)
    assert all(findings[name] > 0 for name in ANALYSES if name != "interfaces"), findings
    assert single["interfaces"].cells  # type: ignore[attr-defined]


def test_all_municipalities_are_the_union_of_each(both: EmbeddedStore) -> None:
    every = find_overlaps(both, reference_date=DAY)
    first = find_overlaps(both, reference_date=DAY, kommunen=(M1,))
    second = find_overlaps(both, reference_date=DAY, kommunen=(M2,))
    assert sorted(o.pair for o in every.overlaps) == sorted(
        o.pair for o in (*first.overlaps, *second.overlaps)
    )
    two = find_overlaps(both, reference_date=DAY, kommunen=(M1, M2))
    assert sorted(o.pair for o in two.overlaps) == sorted(o.pair for o in every.overlaps)


def test_the_interface_matrix_has_a_part_per_municipality(both: EmbeddedStore) -> None:
    reports = run_all(both, "de", OPTIONS, names=("interfaces",))
    matrix = reports["interfaces"]
    assert [p.municipality.iri for p in matrix.parts if p.municipality] == [M1, M2]  # type: ignore[attr-defined]
    home = _home(both)
    for part in matrix.parts:  # type: ignore[attr-defined]
        assert {home[p.iri] for p in part.plans} == {part.municipality.iri}
        assert all(home[c.plan_a.iri] == home[c.plan_b.iri] for c in part.cells)
    scoped = run_all(both, "de", dataclasses.replace(OPTIONS, kommunen=(M2,)), names=("interfaces",))
    assert scoped["interfaces"].parts == ()  # type: ignore[attr-defined]
    assert {home[p.iri] for p in scoped["interfaces"].plans} == {M2}  # type: ignore[attr-defined]


def test_named_query_parameter_kommune(both: EmbeddedStore) -> None:
    every = run_named(both, "overlaps-target-topic", {})
    first = run_named(both, "overlaps-target-topic", {"kommune": M1})
    assert {str(r["municipality"]) for r in every.rows} == {M1, M2}
    assert {str(r["municipality"]) for r in first.rows} == {M1}
    assert len(first) < len(every)
    assert [m.iri for m in municipalities(both)] == [M1, M2]


def test_bind_kommune_binds_every_group_that_uses_the_variable() -> None:
    query = (
        "SELECT ?x ?municipality WHERE { # a comment with { braces }\n"
        '  { SELECT ?x ?_kommune_iri WHERE { ?x <urn:p> "}" ; <urn:m> ?_kommune_iri } }\n'
        "  { SELECT ?y WHERE { ?y <urn:q> <urn:a#b> } }\n"
        "  BIND(?_kommune_iri AS ?municipality)\n}"
    )
    bound = bind_kommune(query, M1)
    block = f"VALUES ?_kommune_iri {{ <{M1}> }}"
    assert bound.count(block) == 2  # the outer group and the sub-SELECT using it, not the other one
    assert f'WHERE {{ {block} ?x <urn:p> "}}"' in bound
    assert "WHERE { ?y <urn:q>" in bound
    with pytest.raises(ValueError):
        bind_kommune(query, "bad iri>")


def test_a_shared_network_or_spatial_system_pairs_no_plans_across_municipalities(
    fixture_store,  # type: ignore[no-untyped-def]
) -> None:
    store = fixture_store("vocab", "overlaps", "shared")
    report = find_overlaps(store, reference_date=DAY, include_examples=True)
    a, b = "https://w3id.org/isrp/testa/", "https://w3id.org/isrp/testb/"
    assert (a + "plan/jugend", b + "plan/jugend-b") not in {o.pair for o in report.overlaps}
    assert all(o.plan_a.iri[:28] == o.plan_b.iri[:28] for o in report.overlaps)
    assert {o.municipality for o in report.overlaps} == {a + "org/stadt"}
