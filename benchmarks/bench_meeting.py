"""Meeting-ready outputs: the annual Sozialplanungsreport and the network page.

    python benchmarks/bench_meeting.py [--triples 100000] [--no-pdf-synthetic]

Prints (ratios measured in one run, nothing asserted):
- report generation (HTML, PDF) on Erfurt and on a synthetic registry (benchmarks/synthetic.py), with
  seconds per 10,000 quads on each (linear growth: about equal);
- the network (graph + measures + layouts + page model) on Erfurt and on the synthetic registry;
- /netzwerk: the first response after a real save (a plan renamed; an entry outside the network;
  a store change without a commit) ÷ a warm response (goal ≤ 3), against a real uvicorn server on
  127.0.0.1, with what the refresh did (isrp_graph.network_cache.REBUILDS).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from api.app import create_app
from benchmarks.bench_analyses import synthetic_store
from isrp_graph.network import build_network, network_metrics
from isrp_graph.network_page import page_model
from isrp_graph.registry import build_registry
from isrp_graph.reporting import collect, render_html, write_pdf
from isrp_graph.store import EmbeddedStore
from isrp_graph.writes import apply_write
from tests.api.conftest import LiveServer, settings


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def report_times(store, label: str, folder: Path, pdf: bool) -> tuple[float, float | None]:  # type: ignore[no-untyped-def]
    """HTML and PDF of the report, with seconds per 10,000 quads and, for the PDF, per page (the
    PDF engine's cost follows the pages; the pages follow the findings, at most MAX_ROWS per table)."""
    c_s, data = timed(lambda: collect(store, 2025, "de"))
    r_s, html = timed(lambda: render_html(data))
    html_s = c_s + r_s
    pdf_s = None
    pages = 0
    if pdf:
        target = folder / f"{label}.pdf"
        pdf_s, _ = timed(lambda: write_pdf(html, target))
        import pikepdf

        with pikepdf.open(target) as document:
            pages = len(document.pages)
    quads = len(store)
    per = lambda s: s / quads * 10_000 if s is not None else None  # noqa: E731
    print(
        f"report {label:10} {quads:>8} quads: HTML {html_s:6.2f} s (collect {c_s:.2f} s; "
        f"{per(html_s):.3f} s/10k quads)"
        + (
            f", PDF {pdf_s:6.2f} s, {pages} pages ({per(pdf_s):.3f} s/10k quads, {pdf_s / pages:.3f} s/page)"
            if pdf_s is not None
            else ""
        )
    )
    return html_s / quads, (pdf_s / quads if pdf_s is not None else None)


def network_time(store, label: str) -> float:  # type: ignore[no-untyped-def]
    seconds, graph = timed(lambda: build_network(store))
    m_s, metrics = timed(lambda: network_metrics(graph))
    p_s, _ = timed(lambda: page_model(graph, "de", metrics=metrics, site=True))
    print(
        f"network {label:10} {graph.number_of_nodes():>6} nodes {graph.number_of_edges():>6} links: "
        f"graph {seconds:.3f} s, measures {m_s:.3f} s, layouts+page model {p_s:.3f} s"
    )
    return seconds + m_s + p_s


def get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
    return time.perf_counter() - start


def _rename(store, plan: URIRef, text: str) -> None:  # type: ignore[no-untyped-def]
    """A real save through the write path: the plan's German name becomes ``text``."""
    name = URIRef(
        str(store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{plan}> ?p ?o }} }} LIMIT 1").rows[0]["g"])
    )
    graph = store.get_graph(name)
    for label in [o for o in graph.objects(plan, RDFS.label) if o.language == "de"]:
        graph.remove((plan, RDFS.label, label))
    graph.add((plan, RDFS.label, Literal(text, lang="de")))
    apply_write(store, {name: graph}, "Benchmark")


def _note_observation(store, round_: int) -> None:  # type: ignore[no-untyped-def]
    """A real save of an entry outside the network (an indicator value gets a note)."""
    row = store.select(
        "SELECT ?o ?g WHERE { GRAPH ?g { ?o a isrp:IndicatorObservation } } ORDER BY ?o LIMIT 1"
    )
    entry, name = URIRef(str(row.rows[0]["o"])), URIRef(str(row.rows[0]["g"]))
    graph = store.get_graph(name)
    graph.set((entry, RDFS.comment, Literal(f"geprüft ({round_})", lang="de")))
    apply_write(store, {name: graph}, "Benchmark")


def _wait_current(url: str) -> None:
    while True:
        with urllib.request.urlopen(url + "?format=json", timeout=120) as r:
            if b'"current":true' in r.read().replace(b" ", b""):
                return
        time.sleep(0.02)


def after_save_ratio(store, rounds: int = 5) -> None:  # type: ignore[no-untyped-def]
    """/netzwerk warm ÷ the first response after a real save (a plan renamed; an entry outside the
    network changed; the store changed without a commit, i.e. what is touched is unknown)."""
    from isrp_graph.network_cache import REBUILDS

    app = create_app(settings(result_limit=10000), store=store)
    plan = URIRef("https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung")
    original = str(build_network(store).nodes[str(plan)]["label"])
    names = itertools.count(1)  # a new name on every save
    with LiveServer(app) as live:
        url = live.url + "/netzwerk"
        _wait_current(url)
        for _ in range(5):
            get(url)
        cases = (
            ("plan renamed", lambda i: _rename(store, plan, f"{original} ({next(names)})")),
            ("entry outside the network", lambda i: _note_observation(store, i)),
            ("unknown change (no commit)", lambda i: None),
        )
        for name, save in cases:
            for pause in (0.0, 0.2):  # the page asked for at once, or as a browser would after saving
                first, fresh, warm = [], [], []
                before = dict(REBUILDS)
                for i in range(rounds):
                    save(i)
                    app.state.version.bump()  # what the app does after every save
                    time.sleep(pause)
                    start = time.perf_counter()
                    first.append(get(url))
                    _wait_current(url)
                    fresh.append(time.perf_counter() - start + pause)
                    warm += [get(url) for _ in range(3)]  # warm: the same page once the new one is there
                f, w = statistics.median(first), statistics.median(warm)
                counts = {k: v - before.get(k, 0) for k, v in REBUILDS.items() if v != before.get(k, 0)}
                print(
                    f"/netzwerk {pause * 1000:3.0f} ms after a save ({name}): warm p50 {w * 1000:.1f} ms; "
                    f"first response p50 {f * 1000:.1f} ms (ratio {f / w:.2f}, goal ≤ 3); new picture "
                    f"ready {statistics.median(fresh) * 1000:.0f} ms after the save; {counts}"
                )
        if str(build_network(store).nodes[str(plan)]["label"]) != original:
            _rename(store, plan, original)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--no-pdf-synthetic", action="store_true", help="skip the large PDF")
    parser.add_argument("--only-network", action="store_true", help="only the after-save ratio")
    args = parser.parse_args(argv)
    erfurt = EmbeddedStore(query_timeout=None)
    build_registry(erfurt)
    if args.only_network:
        after_save_ratio(erfurt)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        e_html, e_pdf = report_times(erfurt, "Erfurt", folder, True)
        synth, _ = synthetic_store(args.triples, folder)
        s_html, s_pdf = report_times(synth, "synthetic", folder, not args.no_pdf_synthetic)
        print(f"report per quad, synthetic ÷ Erfurt: HTML {s_html / e_html:.2f}", end="")
        print(f", PDF {s_pdf / e_pdf:.2f}" if s_pdf and e_pdf else "")
        e_net = network_time(erfurt, "Erfurt")
        s_net = network_time(synth, "synthetic")
        print(f"network per quad, synthetic ÷ Erfurt: {(s_net / len(synth)) / (e_net / len(erfurt)):.2f}")
    after_save_ratio(erfurt)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
