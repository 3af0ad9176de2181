"""The Python computation of three gap lists (gap_concepts.py) gives exactly the rows of the named
queries it replaces in the analyses: on Erfurt (every municipality, and Erfurt alone, at two dates, with
and without examples) and on two synthetic municipalities (each alone, both, none)."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from benchmarks import synthetic
from isrp_graph.analyses.common import run
from isrp_graph.analyses.gap_concepts import NAMES, concept_gap_keys, gap_rows
from isrp_graph.loading import load_files, rdf_files
from isrp_graph.resources import ontology_dir
from isrp_graph.store import EmbeddedStore
from isrp_graph.store.base import SelectResult, Store

ERFURT = "https://w3id.org/isrp/erfurt/org/stadt"
M1 = "https://w3id.org/isrp/synth-0001/org/stadt"
M2 = "https://w3id.org/isrp/synth-0002/org/stadt"
ACTORS = "https://w3id.org/isrp/vocab/target-group/akteure"


@pytest.fixture(scope="module")
def two() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(None, query_timeout=None)
    load_files(store, rdf_files(ontology_dir()))
    data = "".join(synthetic.generate(2)).encode("utf-8")
    store.ox_store.load(
        data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://w3id.org/isrp/graph/synthetic")
    )
    yield store
    store.close()


def _rows(result: SelectResult) -> list[tuple[tuple[str, str], ...]]:
    """Rows as sorted tuples; ``expiredPlans`` as a sorted list (GROUP_CONCAT has no defined order)."""
    rows = []
    for row in result.rows:
        cells = {
            k: " ".join(sorted(str(v).split())) if k == "expiredPlans" else str(v)
            for k, v in row.items()
            if v is not None
        }
        rows.append(tuple(sorted(cells.items())))
    return sorted(rows)


def _check(store: Store, kommunen: tuple[str, ...], params: dict[str, str]) -> int:
    found = 0
    for name in NAMES:
        given = {**params, "exclude": ACTORS} if name == "gaps-target-groups" else dict(params)
        expected = run(store, name, "de", given, kommunen=kommunen, labels=True)
        actual = gap_rows(store, name, given, "de", kommunen)
        assert actual.variables == expected.variables, name
        assert _rows(actual) == _rows(expected), (name, kommunen, params)
        found += len(actual.rows)
    return found


@pytest.mark.parametrize("day", ["2025-06-30", "2019-01-01"])
@pytest.mark.parametrize("examples", ["false", "true"])
@pytest.mark.parametrize("kommunen", [(), (ERFURT,)])
def test_erfurt_rows_are_the_named_queries_rows(built_registry, day, examples, kommunen) -> None:  # type: ignore[no-untyped-def]
    assert _check(built_registry, kommunen, {"date": day, "examples": examples}) > 0


@pytest.mark.parametrize("kommunen", [(), (M1,), (M2,), (M1, M2)])
def test_synthetic_rows_are_the_named_queries_rows(two, kommunen) -> None:  # type: ignore[no-untyped-def]
    assert _check(two, kommunen, {"date": "2025-06-30", "examples": "false"}) > 0


def test_english_labels_are_the_queries_labels(two) -> None:  # type: ignore[no-untyped-def]
    for name in NAMES:
        params = {"date": "2025-06-30", "lang": "en"}
        assert _rows(gap_rows(two, name, params, "en", (M1,))) == _rows(
            run(two, name, "en", params, (M1,), labels=True)
        )


def test_hierarchy_rules() -> None:
    # top > a > a1, a2 ; top > b ; x is excluded with its narrower x1
    broader = {"a": {"top"}, "a1": {"a"}, "a2": {"a"}, "b": {"top"}, "x1": {"x"}}
    concepts = ["top", "a", "a1", "a2", "b", "x", "x1"]
    # a1 named: a1 itself, its broader a and top (part served); a2 below the named broader a? a is not
    # named, so a2 stays a gap; b is untouched
    assert concept_gap_keys(concepts, {"a1"}, broader, "x") == ["a2", "b"]
    # a named (below the top): a2 and a1 served as a whole; the top is served in part
    assert concept_gap_keys(concepts, {"a"}, broader, "x") == ["b"]
    # the top named serves no narrower concept as a whole; nothing excluded
    assert concept_gap_keys(concepts, {"top"}, broader) == ["a", "a1", "a2", "b", "x", "x1"]
