"""Cost of the review path at Erfurt size: creating a one-entry Änderungsvorschlag through the edit
form and approving it, end to end through the web app (a real uvicorn server on 127.0.0.1, personal
tokens for the Bearbeiter:in of the Jugendamt and the Prüfer:in), as a ratio to reading that entry's
page. Goal: ≤ 2.

    python benchmarks/bench_review.py [--rounds 5]

Each round: GET the form, POST it (the proposal: permission rule, validation, one small graph), POST
the approval (conflict check, apply_write with its validation and provenance). The page read is the
median of ``--rounds`` warm GETs of the entry page. Printed, not asserted."""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.app import create_app
from isrp_graph.auth import Role
from isrp_graph.registry import build_registry
from isrp_graph.settings import Settings
from isrp_graph.store import EmbeddedStore
from tests.api.conftest import LiveServer
from tests.auth.helpers import form_values

PLAN = "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"
JUGENDAMT = "https://w3id.org/isrp/erfurt/org/jugendamt"
HTML = {"accept": "text/html"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    app = create_app(Settings(store="memory", extra={"cookie_secure": False}), store=store)
    editor = app.state.auth.tokens.create("Bench Bearbeiterin", Role.BEARBEITEN, (JUGENDAMT,))
    reviewer = app.state.auth.tokens.create("Bench Prüferin", Role.PRUEFEN)
    with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=120) as client:
        page_path = "/erfurt/plan/jugendhilfeplanung"
        client.get(page_path, headers={"accept": "text/html"})  # warm-up
        reads = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            assert client.get(page_path, headers={"accept": "text/html"}).status_code == 200
            reads.append(time.perf_counter() - start)
        cycles, proposes, approves = [], [], []
        for round_ in range(args.rounds):
            start = time.perf_counter()
            html = client.get("/bearbeiten/eintrag", params={"iri": PLAN}, headers=HTML).text
            data: dict[str, object] = dict(form_values(html))
            data["comment"] = f"Runde {round_}"
            label = re.search(r'<textarea id="(f\d+)"', html)  # the first text field
            assert label is not None
            key = label.group(1)
            data[key] = [*(str(v) for v in data.get(key, [""])), f"Aufgabe aus Runde {round_}"]
            data[key] = "\n".join(str(v) for v in data[key] if v)
            data["csrf"] = client.cookies.get("isrp_csrf")
            made = client.post(
                "/bearbeiten/eintrag",
                params={"iri": PLAN},
                data=data,
                headers={"authorization": f"Bearer {editor}", "accept": "application/json"},
            )
            assert made.status_code == 202, made.text[:500]
            middle = time.perf_counter()
            approved = client.post(
                f"/vorschlaege/{made.json()['proposal']}/annehmen",
                headers={"authorization": f"Bearer {reviewer}", "accept": "application/json"},
            )
            assert approved.status_code == 200, approved.text[:500]
            end = time.perf_counter()
            cycles.append(end - start)
            proposes.append(middle - start)
            approves.append(end - middle)
    read = statistics.median(reads)
    print(f"entry page read (median of {args.rounds}): {read * 1000:.0f} ms")
    print(f"form + proposal (median): {statistics.median(proposes) * 1000:.0f} ms")
    print(f"approval (median):        {statistics.median(approves) * 1000:.0f} ms")
    print(f"create + approve ÷ page read: {statistics.median(cycles) / read:.1f} (goal ≤ 2)")
    store.close()


if __name__ == "__main__":
    main()
