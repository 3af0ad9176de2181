"""How fast is validation on the Erfurt registry? Prints figures; asserts nothing.

    python benchmarks/bench_validation.py [--repeat 5]

- full validation: fast path (precomputed RDFS closure, pyshacl without inference) and pyshacl with
  ``inference="rdfs"`` (the reference), each the median of ``--repeat`` runs;
- incremental re-validation of one entry (``validate(store, focus_nodes=[entry])``) and a complete
  validated one-entry write (``apply_write``: validation before and after, replacement, provenance);
- peak memory of one fast and one reference validation (tracemalloc) and of the process (ru_maxrss).

If the shipped ontology has no shapes yet, the validation test fixture shapes are added so there is
something to check; the output says which shapes were used.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from isrp_graph.namespaces import GRAPH, ISRP  # noqa: E402
from isrp_graph.registry import build_registry  # noqa: E402
from isrp_graph.store.embedded import EmbeddedStore  # noqa: E402
from isrp_graph.validation.check import Prepared, validate, validate_reference, validate_state  # noqa: E402
from isrp_graph.validation.graphs import GraphState  # noqa: E402
from isrp_graph.writes import apply_write  # noqa: E402


def _clear_cache() -> None:
    from isrp_graph.validation import check

    check._CACHE.clear()


FIXTURE_SHAPES = ROOT / "tests" / "validation" / "fixtures" / "shapes.ttl"
FIXTURE_SHAPES_GRAPH = URIRef(GRAPH["ontology/shapes/benchmark-fixture"])
SYNTH = ox.NamedNode(str(GRAPH["data/synthetic"]))


def timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median wall-clock seconds, median CPU seconds of this process) of ``repeat`` runs. CPU time
    is the steadier figure on a busy machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def timed_with_children(work: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(median wall seconds, median CPU seconds of this process and its finished children, median
    CPU seconds of this process alone)."""
    walls, cpus, own = [], [], []
    for _ in range(repeat):
        wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        work()
        walls.append(time.perf_counter() - wall)
        own.append(time.process_time() - cpu)
        cpus.append(own[-1] + _children_cpu() - children)
    return statistics.median(walls), statistics.median(cpus), statistics.median(own)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def line(label: str, figures: tuple[float, float], note: str = "") -> None:
    wall, cpu = figures
    print(f"{label:30} wall {wall * 1000:7.1f} ms   cpu {cpu * 1000:7.1f} ms   {note}")


def peak_mib(work: Callable[[], object]) -> float:
    tracemalloc.start()
    work()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def one_entry(store: EmbeddedStore) -> tuple[URIRef, URIRef]:
    """A sectoral plan (or any typed entry) and the named graph that holds its type."""
    state = GraphState.from_store(store)
    candidates: list[tuple[URIRef, URIRef]] = []
    for name, triples in sorted(state.graphs.items()):
        if not str(name).startswith(str(GRAPH["data/"])):
            continue
        for s, p, o in sorted(triples):
            if p == RDF.type and isinstance(s, URIRef):
                candidates.append((s, name))
                if o == ISRP.SectoralPlan:
                    return s, name
    return candidates[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--synthetic-triples",
        type=int,
        default=0,
        metavar="N",
        help="also validate a synthetic registry of about N triples with --jobs 1 and 2 (e.g. 1000000)",
    )
    args = parser.parse_args()

    store = EmbeddedStore(query_timeout=120)
    build_registry(store)
    shapes = [g for g in store.graphs() if "/shapes/" in str(g)]
    shape_triples = sum(len(store.get_graph(g)) for g in shapes)
    if shape_triples == 0:
        store.replace_graph(FIXTURE_SHAPES_GRAPH, Graph().parse(FIXTURE_SHAPES, format="turtle"))
        used = f"test fixture shapes ({FIXTURE_SHAPES.relative_to(ROOT)}): the ontology has none yet"
    else:
        used = f"shipped shapes: {len(shapes)} graphs, {shape_triples} triples"
    state = GraphState.from_store(store)
    prepared = Prepared.of(state)
    print("Validation benchmark – Erfurt registry")
    print(f"  quads in store        {len(store):>8}")
    stated = len(prepared.data) - prepared.inferred
    print(f"  data triples          {stated:>8}  (+{prepared.inferred} inferred)")
    print(f"  shapes                {used}")

    report = validate(store)
    reference = validate_reference(store)
    same = set(report.results) == set(reference.results)
    print(f"  findings              {report.counts}  (identical to pyshacl rdfs: {same})")
    print()

    clear_prepared_cache = _clear_cache

    def full_fast() -> None:
        clear_prepared_cache()  # a cold run: read, closure, graphs, pyshacl, report
        validate(store)

    cold = timed(full_fast, args.repeat)
    line("full, fast path (cold)", cold)
    line("full, fast path (state cached)", timed(lambda: validate(store), args.repeat))
    reference_time = timed(lambda: validate_reference(store), max(1, min(args.repeat, 3)))
    line("full, pyshacl rdfs", reference_time)
    print(
        f"  ratio fast (cold) / pyshacl rdfs: cpu {cold[1] / reference_time[1]:.3f}, "
        f"wall {cold[0] / reference_time[0]:.3f}  (goal <= 0.1)"
    )

    def prepare() -> None:
        clear_prepared_cache()
        Prepared.of(GraphState.from_store(store))

    line("  of which read+closure+graphs", timed(prepare, args.repeat))

    entry, graph_name = one_entry(store)

    def incremental() -> None:
        clear_prepared_cache()
        validate(store, focus_nodes=[entry])

    focus = validate(store, focus_nodes=[entry]).focus_nodes or ()
    line("incremental, 1 entry (cold)", timed(incremental, args.repeat), f"{len(focus)} nodes: {entry}")
    counter = iter(range(1_000_000))

    def write_one() -> None:  # one new note on one entry: a real one-entry change each time
        graph = store.get_graph(graph_name)
        graph.add((entry, SKOS.editorialNote, Literal(f"Benchmark {next(counter)}", lang="de")))
        apply_write(store, {graph_name: graph}, actor="benchmark")

    line("validated write, 1 entry", timed(write_one, args.repeat), "check before+after, store, log")
    print()
    print(f"peak memory, fast path  {peak_mib(lambda: validate(store)):7.1f} MiB (tracemalloc)")
    print(f"peak memory, reference  {peak_mib(lambda: validate_reference(store)):7.1f} MiB (tracemalloc)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS        {rss:7.1f} MiB")
    if args.synthetic_triples:
        neighbourhood_check(store, entry)
        synthetic_figures(args.synthetic_triples, args.repeat, entry, store)
    store.close()


def neighbourhood_check(store: EmbeddedStore, entry: URIRef) -> int:
    """What a one-entry write validates (``writes._validate`` without a change): the affected nodes
    and their extract, read from the store around ``entry``; returns the number of nodes checked."""
    from isrp_graph.validation.neighbourhood import View, affected_in, local_state

    view = View(store.ox_store)
    focus = affected_in(view, {entry}, store.ox_store)
    state = local_state(view, focus, store.ox_store, {entry})
    validate_state(state, focus_nodes=focus, expand=False)
    return len(focus)


def synthetic_figures(triples: int, repeat: int, entry: URIRef, erfurt: EmbeddedStore) -> None:
    """Full validation of a synthetic multi-municipality registry with 1 and 2 processes."""
    from benchmarks.synthetic import generate, municipalities_for
    from isrp_graph.validation.partition import validate_store

    count = municipalities_for(triples)
    big = EmbeddedStore(query_timeout=600)
    build_registry(big)
    big.ox_store.load("".join(generate(count)).encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=SYNTH)
    print()
    print(f"Synthetic registry: {count} municipalities + Erfurt, {len(big)} quads")
    runs_small = max(3, repeat)
    neighbourhood_check(big, entry)  # the schema cache of the store, as in a running service
    small = timed(lambda: neighbourhood_check(erfurt, entry), runs_small)
    large = timed(lambda: neighbourhood_check(big, entry), runs_small)
    line("one entry, Erfurt store", small, f"{neighbourhood_check(erfurt, entry)} nodes")
    line(
        "one entry, large store",
        large,
        f"{neighbourhood_check(big, entry)} nodes; large/Erfurt cpu {large[1] / small[1]:.2f} (goal <= 1.5)",
    )
    runs = max(1, min(repeat, 2))
    print("  (cpu of forked workers included; this process alone in brackets)")
    direct = timed(lambda: Prepared.of_store(big), runs)
    line("prep, straight from the store", direct, "read, RDFS closure, mirror, index")
    via_state = timed(lambda: (_clear_cache(), Prepared.of(GraphState.from_store(big))), runs)
    line(
        "prep, via GraphState",
        via_state,
        f"store/state cpu {direct[1] / via_state[1]:.2f}, wall {direct[0] / via_state[0]:.2f}",
    )
    reports: dict[int, object] = {}
    one = timed_with_children(lambda: reports.__setitem__(1, validate_store(big, jobs=1)), runs)
    line("full, --jobs 1 (cold)", one[:2], f"[{one[2]:.1f} s]")
    two = timed_with_children(lambda: reports.__setitem__(2, validate_store(big, jobs=2)), runs)
    line(
        "full, --jobs 2 (cold)",
        two[:2],
        f"[{two[2]:.1f} s]  jobs2/jobs1 wall {two[0] / one[0]:.2f}, cpu {two[1] / one[1]:.2f}",
    )
    first, second = reports[1], reports[2]
    same = first.results == second.results  # type: ignore[attr-defined]
    print(f"  findings {first.counts}  (--jobs 2 identical: {same})")  # type: ignore[attr-defined]
    big.close()


if __name__ == "__main__":
    main()
