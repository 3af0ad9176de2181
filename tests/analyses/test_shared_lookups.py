"""Labels and entry facts fetched once for all analyses of a run (``common.shared_lookups``)."""

from __future__ import annotations

from datetime import date

from isrp_graph.analyses.basis import Facts
from isrp_graph.analyses.common import Labeller, lookups_for, shared_lookups
from isrp_graph.analyses.registry import ANALYSES, AnalysisOptions, jsonable, run_all, run_analysis
from isrp_graph.store import EmbeddedStore

EX = "https://w3id.org/isrp/test/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ILLUSTRATIVE = "https://w3id.org/isrp/def#illustrative"


def _store() -> EmbeddedStore:
    store = EmbeddedStore(None, query_timeout=None)
    store.update(
        f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{LABEL}> "Alt"@de . <{EX}b> <{LABEL}> "Bee"@de . }} }}'
    )
    return store


def _relabel(store: EmbeddedStore) -> None:
    store.update(
        f'DELETE DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{LABEL}> "Alt"@de }} }} ;'
        f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{LABEL}> "Neu"@de . <{EX}a> <{ILLUSTRATIVE}> true }} }}'
    )


def test_labels_and_facts_fetched_in_a_block_are_reused_there_and_only_there() -> None:
    with _store() as store:
        with shared_lookups(store):
            assert Labeller(store, "de").ref(EX + "a").label == "Alt"
            assert not Facts(store, [EX + "a"]).illustrative(EX + "a")
            _relabel(store)
            # the same block reads the state it began with: nothing is fetched again
            assert Labeller(store, "de").ref(EX + "a").label == "Alt"
            assert not Facts(store).illustrative(EX + "a")
            # another language is looked up on its own
            assert Labeller(store, "en").ref(EX + "a").label == "Neu"
        assert lookups_for(store) is None
        assert Labeller(store, "de").ref(EX + "a").label == "Neu"
        assert Facts(store).illustrative(EX + "a")


def test_a_label_an_analysis_gives_stays_its_own() -> None:
    with _store() as store, shared_lookups(store):
        first = Labeller(store, "de")
        first.name(EX + "b", "gesamtstädtisch (Test)")
        assert first.ref(EX + "b").label == "gesamtstädtisch (Test)"
        assert Labeller(store, "de").ref(EX + "b").label == "Bee"


def test_a_block_is_for_its_own_store_and_nests() -> None:
    with _store() as store, _store() as other, shared_lookups(store) as outer:
        assert lookups_for(other) is None
        with shared_lookups(store) as inner:
            assert inner is outer
        with shared_lookups(other) as own:
            assert own is not outer and lookups_for(store) is None
        assert lookups_for(store) is outer


def test_run_all_finds_what_each_analysis_finds_alone(fixture_store) -> None:  # type: ignore[no-untyped-def]
    store = fixture_store("vocab", "findings")
    options = AnalysisOptions(reference_date=date(2025, 6, 30))
    together = run_all(store, "de", options)
    for name in ANALYSES:
        assert jsonable(together[name]) == jsonable(run_analysis(store, name, "de", options)), name


def _plain(rows, columns) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """Rows as text, list cells (GROUP_CONCAT, no defined order) with their items sorted."""
    return sorted(tuple(" ".join(sorted(str(row.get(c)).split())) for c in columns) for row in rows)


def test_without_labels_keeps_every_other_column_and_row(built_registry) -> None:  # type: ignore[no-untyped-def]
    from isrp_graph.analyses.common import without_labels
    from isrp_graph.queries import catalogue, run_named

    params = {  # an entry of each kind the queries ask for, as in tests/store/test_remote_queries.py
        "date": "2026-06-30",
        "measure": "https://w3id.org/isrp/erfurt/measure/nachhaltigkeitsstrategie-massnahmen",
        "plan": "https://w3id.org/isrp/erfurt/plan/isrp",
        "entry": "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung",
        "organisation": "https://w3id.org/isrp/erfurt/org/jugendamt",
    }
    rewritten = 0
    for query in catalogue():
        wanted = {k: v for k, v in params.items() if query.parameter(k)}
        full = run_named(built_registry, query.name, wanted)
        lean = run_named(built_registry, query.name, wanted, rewrite=without_labels)
        if without_labels(query.text) == query.text:
            continue
        rewritten += 1
        labels = [v for v in full.variables if v.endswith("Label")]
        assert labels and not set(labels) & set(lean.variables), query.name
        assert lean.variables == [v for v in full.variables if v not in labels], query.name
        assert _plain(lean.rows, lean.variables) == _plain(full.rows, lean.variables), query.name
    assert rewritten >= 20


def test_without_labels_keeps_a_query_whose_labels_are_used_or_that_is_not_grouped() -> None:
    from isrp_graph.analyses.common import without_labels

    grouped = """SELECT ?plan (SAMPLE(?planLabel0) AS ?planLabel) WHERE {
  ?plan a <urn:Plan> .
  BIND(COALESCE(?plan, <urn:isrp:none>) AS ?planKey)
  OPTIONAL { ?planKey <urn:label> ?planDe FILTER(LANGMATCHES(LANG(?planDe), "de")) }
  BIND(COALESCE(?planDe, STR(?plan)) AS ?planLabel0)
}
GROUP BY ?plan
ORDER BY ?planLabel ?plan"""
    lean = without_labels(grouped)
    assert "Label" not in lean and "planKey" not in lean and lean.rstrip().endswith("ORDER BY ?plan")
    used = grouped.replace("?plan a <urn:Plan> .", "?plan a <urn:Plan> . FILTER(BOUND(?planDe))")
    assert without_labels(used) == used
    ungrouped = grouped.replace("GROUP BY ?plan\n", "").replace("(SAMPLE(?planLabel0) AS ?planLabel)", "")
    assert without_labels(ungrouped) == ungrouped


def test_a_named_query_runs_once_in_a_block(fixture_store) -> None:  # type: ignore[no-untyped-def]
    from isrp_graph.analyses.common import run

    store = fixture_store("vocab", "findings")
    with shared_lookups(store):
        first = run(store, "plan-relations", "de")
        assert run(store, "plan-relations", "de") is first
        assert run(store, "plan-relations", "en") is not first
        assert run(store, "plan-relations", "de", labels=True) is not first
    assert run(store, "plan-relations", "de") is not first
    assert run(store, "plan-relations", "de").rows == first.rows
