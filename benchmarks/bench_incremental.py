"""Does one entry's validation cost what the entry costs, whatever the size of the store? Prints
figures; asserts nothing.

    nice -n 10 python benchmarks/bench_incremental.py [--synthetic-triples 1000000] [--repeat 7]
        [--profile DIR]

On the Erfurt registry and on the same registry with a synthetic multi-municipality registry of about
``--synthetic-triples`` triples added (``benchmarks/synthetic.py``; built once, kept for all runs):

- the write path's check of one entry without a change (``neighbourhood.affected_in`` +
  ``local_state`` + ``validate_state`` on the focus), the same as ``bench_validation.py``'s
  ``neighbourhood_check``; the runs on the two stores alternate, so a busy machine slows both alike;
- what the write path reads once per schema version (``validation.schema_cache``: hierarchy, terms,
  shapes, the triples that type a class by range), also after a write that changes the schema;
- a whole validated write of one note on that entry (``writes.apply_write``).

The extract lines say how many nodes were checked, how many triples the extract has besides the
schema, how many quads were read one by one, and how many hubs (nodes with more than 16 incoming
quads) were asked once, inside the store, which predicates point at them: the one part of the check
that still grows with the store (a concept's fan-in grows with the municipalities using it).

Each figure is the median of ``--repeat`` runs, wall and CPU time of this process (CPU time is the
steadier figure on a shared machine), and the ratio large store ÷ Erfurt (goal for the check ≤ 1.5).
``--profile DIR`` writes one cProfile file per store and step to DIR (``python -m pstats``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import statistics
import sys
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from isrp_graph.namespaces import GRAPH, ISRP  # noqa: E402
from isrp_graph.registry import build_registry  # noqa: E402
from isrp_graph.store.embedded import EmbeddedStore  # noqa: E402
from isrp_graph.validation.check import validate_state  # noqa: E402
from isrp_graph.writes import apply_write  # noqa: E402

SYNTH = ox.NamedNode(str(GRAPH["data/synthetic"]))


def one_entry(store: EmbeddedStore) -> tuple[URIRef, URIRef]:
    """The first sectoral plan of the Erfurt data (by IRI; the entry bench_validation.py uses) and the
    named graph that holds its type."""
    plan = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(ISRP.SectoralPlan))
    found = sorted(
        (q.subject.value, q.graph_name.value)
        for q in store.ox_store.quads_for_pattern(None, *plan, None)
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(str(GRAPH["data/"]))
    )
    return URIRef(found[0][0]), URIRef(found[0][1])


def neighbourhood_check(store: EmbeddedStore, entry: URIRef) -> int:
    """What a one-entry write validates (``writes._validate`` without a change): the affected nodes
    and their extract, read from the store around ``entry``; returns the number of nodes checked.
    The prepared form of the last extracts is dropped first: a write's extract is always new (and the
    extracts of the two stores are the same, so the second would find the first's)."""
    from isrp_graph.validation import check
    from isrp_graph.validation.neighbourhood import View, affected_in, local_state

    check._CACHE.clear()
    view = View(store.ox_store)
    focus = affected_in(view, {entry}, store.ox_store)
    state = local_state(view, focus, store.ox_store, {entry})
    validate_state(state, focus_nodes=focus, expand=False)
    return len(focus)


def extract_size(store: EmbeddedStore, entry: URIRef) -> tuple[int, int, int, int]:
    """(affected nodes, extract triples without the schema, quads read, hubs asked) of one entry's
    check."""
    from isrp_graph.validation.neighbourhood import SCHEMA_CACHE, View, affected_in, local_state

    view = View(store.ox_store)
    focus = affected_in(view, {entry}, store.ox_store)
    state = local_state(view, focus, store.ox_store, {entry})
    schema, _shapes = SCHEMA_CACHE.get(store.ox_store)
    return len(focus), len(set(state.data_triples()) - schema), view.reads, view.hubs


def schema_read(store: EmbeddedStore) -> None:
    """What the write path reads once per schema version (hierarchy, terms, shapes, range typings)."""
    from isrp_graph.validation.neighbourhood import SCHEMA_CACHE

    SCHEMA_CACHE.forget(store.ox_store)
    SCHEMA_CACHE.schema(store.ox_store)


def timed_pair(
    small: Callable[[], object], large: Callable[[], object], repeat: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall, CPU) seconds of ``small`` and of ``large``, run alternately ``repeat`` times, each
    after a garbage collection."""
    runs: dict[str, tuple[list[float], list[float]]] = {"s": ([], []), "l": ([], [])}
    for _ in range(repeat):
        for key, work in (("s", small), ("l", large)):
            gc.collect()  # the garbage of the run before is not charged to this one
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            runs[key][0].append(time.perf_counter() - wall)
            runs[key][1].append(time.process_time() - cpu)
    s, la = runs["s"], runs["l"]
    return (
        (statistics.median(s[0]), statistics.median(s[1])),
        (statistics.median(la[0]), statistics.median(la[1])),
    )


def report(label: str, small: tuple[float, float], large: tuple[float, float], goal: str = "") -> None:
    print(f"{label}")
    print(f"  Erfurt store   wall {small[0] * 1000:8.1f} ms   cpu {small[1] * 1000:8.1f} ms")
    print(f"  large store    wall {large[0] * 1000:8.1f} ms   cpu {large[1] * 1000:8.1f} ms")
    print(f"  large/Erfurt   wall {large[0] / small[0]:8.2f}      cpu {large[1] / small[1]:8.2f}      {goal}")


def profile(directory: Path | None, name: str, work: Callable[[], object]) -> None:
    if directory is None:
        return
    directory.mkdir(parents=True, exist_ok=True)
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    profiler.dump_stats(str(directory / f"{name}.prof"))


def note_writer(store: EmbeddedStore, entry: URIRef, graph_name: URIRef, name: str) -> Callable[[], object]:
    """One new note on ``entry`` each call: a real one-entry change, validated and stored (the notes
    differ between the stores, so neither finds the other's prepared extract)."""
    numbers = count()

    def write() -> None:
        graph = store.get_graph(graph_name)
        graph.add((entry, SKOS.editorialNote, Literal(f"Benchmark {name} {next(numbers)}", lang="de")))
        apply_write(store, {graph_name: graph}, actor="benchmark")

    return write


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--synthetic-triples", type=int, default=100_000, metavar="N")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", type=Path, default=None, metavar="DIR")
    parser.add_argument("--no-write", action="store_true", help="skip the validated write")
    args = parser.parse_args()

    from benchmarks.synthetic import generate, municipalities_for

    erfurt = EmbeddedStore(query_timeout=600)
    build_registry(erfurt)
    municipalities = municipalities_for(args.synthetic_triples)
    big = EmbeddedStore(query_timeout=600)
    big.ox_store.extend(erfurt.ox_store)
    big.ox_store.load(
        "".join(generate(municipalities)).encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=SYNTH
    )
    entry, graph_name = one_entry(erfurt)
    print("Incremental validation benchmark")
    print(f"  Erfurt store   {len(erfurt):>9} quads")
    print(f"  large store    {len(big):>9} quads ({municipalities} synthetic municipalities + Erfurt)")
    print(f"  entry          {entry}")
    for label, store in (("Erfurt", erfurt), ("large", big)):
        neighbourhood_check(store, entry)  # the schema cache of the store, as in a running service
        nodes, triples, reads, hubs = extract_size(store, entry)
        print(
            f"  {label:6} extract: {nodes} nodes, {triples} triples besides the schema, {reads} quads read,"
            f" {hubs} hubs"
        )
    print()
    small, large = timed_pair(
        lambda: neighbourhood_check(erfurt, entry), lambda: neighbourhood_check(big, entry), args.repeat
    )
    report("one entry's check (affected_in + local_state + validate_state)", small, large, "(goal <= 1.5)")
    small, large = timed_pair(lambda: schema_read(erfurt), lambda: schema_read(big), 3)
    report("schema read (once per schema version, and after a write that changes it)", small, large)
    profile(args.profile, "check-erfurt", lambda: [neighbourhood_check(erfurt, entry) for _ in range(5)])
    profile(args.profile, "check-large", lambda: [neighbourhood_check(big, entry) for _ in range(5)])
    if not args.no_write:
        write_small = note_writer(erfurt, entry, graph_name, "Erfurt")
        write_large = note_writer(big, entry, graph_name, "large")
        write_small(), write_large()  # the first write of a store reads what later ones reuse
        small, large = timed_pair(write_small, write_large, args.repeat)
        report("validated write of one note (writes.apply_write)", small, large)
        profile(args.profile, "write-erfurt", lambda: [write_small() for _ in range(3)])
        profile(args.profile, "write-large", lambda: [write_large() for _ in range(3)])
    erfurt.close()
    big.close()


if __name__ == "__main__":
    main()
