"""Times the table downloads: a table of N rows as CSV for Excel (``csv_safe``) and as XLSX
(``xlsx_safe``), and prints the ratio XLSX/CSV per size (is the workbook linear in the rows, and how
much dearer than the CSV?). The rows are invented text and number cells of the shapes the pages have
(labels, a few formula-like ones, counts; the first column linked to its entry page), not registry
data.

    python -m benchmarks.bench_tables                 # 1,000 and 10,000 rows, then the Erfurt pages
    python -m benchmarks.bench_tables --sizes 1000,10000,50000 --repeat 3 --no-pages

With the pages (the default), each table page of the shipped Erfurt registry is fetched as HTML, CSV
and XLSX through the app (TestClient, warm caches) and the ratios XLSX/HTML and XLSX/CSV printed.

Wall-clock seconds, best of ``--repeat``. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable

from isrp_graph import csv_safe
from isrp_graph.xlsx_safe import Sheet, numeric_columns, workbook_bytes

COLUMNS = [
    "Fachplanung",
    "Federführende Stelle",
    "Zielgruppen",
    "Themen",
    "Status",
    "Einwohner",
    "Beschreibung",
]


def rows(n: int) -> list[list[str]]:
    return [
        [
            f"Planung {i}" if i % 50 else f'=HYPERLINK("x","{i}")',
            f"Amt {i % 17}",
            "Familien; Kinder; Jugendliche",
            "Armut; Bildung",
            "beschlossen",
            str(1000 + i),
            "Ein längerer Text, der die Planung beschreibt und die Spalte breit macht. " * 2,
        ]
        for i in range(n)
    ]


def as_csv(table: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv_safe.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(table)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(table: list[list[str]]) -> bytes:
    links = {(r, 0): f"https://isrp.invalid/erfurt/plan/{r}" for r in range(len(table))}  # as the pages
    sheet = Sheet("Fachplanungen", COLUMNS, table, numeric_columns(table, len(COLUMNS)), True, links)
    return workbook_bytes([sheet], title="Fachplanungen", notes=[("Stichtag", "30.06.2025")])


def best(run: Callable[[], bytes], repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(run())
        times.append(time.perf_counter() - start)
    return min(times), size


PAGES = (
    "/uebersicht",
    "/schnittstellen",
    "/luecken",
    "/ueberschneidungen",
    "/pruefung",
    "/prozess",
    "/karte",
)


def pages(repeat: int) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from isrp_graph.registry import build_registry
    from isrp_graph.settings import Settings
    from isrp_graph.store import EmbeddedStore

    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    client = TestClient(create_app(Settings(store="memory", result_limit=10000), store=store))

    def fetch(path: str, fmt: str) -> Callable[[], bytes]:
        params = {} if fmt == "html" else {"format": fmt}
        return lambda: client.get(path, params=params, headers={"accept": "text/html"}).content

    print(
        f"\n{'Erfurt page':20} {'HTML ms':>8} {'CSV ms':>8} {'XLSX ms':>8} {'XLSX/HTML':>10} {'XLSX/CSV':>9}"
    )
    for path in PAGES:
        for fmt in ("html", "csv", "xlsx"):
            fetch(path, fmt)()  # warm the caches
        html, csv_, xlsx = (best(fetch(path, fmt), repeat)[0] for fmt in ("html", "csv", "xlsx"))
        print(
            f"{path:20} {html * 1000:>8.1f} {csv_ * 1000:>8.1f} {xlsx * 1000:>8.1f} "
            f"{xlsx / html:>10.2f} {xlsx / csv_:>9.2f}"
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pages", action="store_true", help="skip the Erfurt pages")
    args = parser.parse_args()
    print(
        f"{'rows':>8} {'CSV s':>8} {'XLSX s':>8} {'XLSX/CSV':>9} {'XLSX µs/row':>12} "
        f"{'CSV kB':>8} {'XLSX kB':>8}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        table = rows(n)
        csv_time, csv_size = best(lambda t=table: as_csv(t), args.repeat)
        xlsx_time, xlsx_size = best(lambda t=table: as_xlsx(t), args.repeat)
        print(
            f"{n:>8} {csv_time:>8.3f} {xlsx_time:>8.3f} {xlsx_time / csv_time:>9.1f} "
            f"{xlsx_time / n * 1e6:>12.1f} {csv_size / 1024:>8.0f} {xlsx_size / 1024:>8.0f}"
        )
    if not args.no_pages:
        pages(args.repeat)


if __name__ == "__main__":
    main()
