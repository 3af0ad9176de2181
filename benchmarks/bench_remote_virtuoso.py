"""The Virtuoso part of bench_remote_analyses (``--engines virtuoso``): a real Virtuoso 7.2 (Debian
``virtuoso-opensource``) on this helper's ports, the embedded store's graphs loaded through the Graph Store
Protocol (as ``isrp load`` does on Virtuoso), then the same comparison. Where Virtuoso cannot answer, the
table names the engine limit (``error (EngineLimit)`` and its message), never a silent difference."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from isrp_graph.namespaces import GRAPH
from isrp_graph.store import EmbeddedStore, RemoteStore

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

PORTS = (18410, 18411)  # SQL, HTTP


def compare_virtuoso(
    embedded: EmbeddedStore, folder: Path, timeout: float | None, municipalities: int, repeat: int
) -> None:
    from virtuoso_server import running_virtuoso

    from benchmarks.bench_remote_analyses import Meter, compare, print_graph_list

    location = folder / "virtuoso"
    location.mkdir()
    with running_virtuoso(location, PORTS) as server:
        remote = RemoteStore(server.sparql, gsp_url=server.gsp, query_timeout=timeout, graph_base=str(GRAPH))
        start = time.perf_counter()
        for name in embedded.graphs():
            remote.replace_graphs({name: embedded.get_graph(name)})
        loaded = time.perf_counter() - start
        print(
            f"\nVirtuoso 7.2: loaded through the Graph Store Protocol in {loaded:.1f} s; it holds "
            f"{len(remote):,} quads (embedded {len(embedded):,})"
        )
        print_graph_list(embedded, remote)
        compare(embedded, remote, Meter(server.pid, repeat), "virtuoso", municipalities)
