"""The core commands: ``load``, ``stats``, ``query``, ``export`` and ``run``."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import URIRef

from isrp_graph.cli_commands.common import Activity, ExitCode, LoadProgress, UsageError, h, note
from isrp_graph.cli_commands.table import display_term, render_table
from isrp_graph.loading import (
    FORMATS,
    RdfInputError,
    load_files,
    rdf_format,
    serialize_graph,
    serialize_store,
)
from isrp_graph.messages import t
from isrp_graph.registry import build_registry, open_registry, summary
from isrp_graph.settings import Settings
from isrp_graph.store import QuerySyntaxError, Store, open_store
from isrp_graph.store.results import select_to_csv, select_to_json
from isrp_graph.store.sparql_text import query_form

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _register_run(subparsers)
    _register_load(subparsers)
    _register_stats(subparsers)
    _register_query(subparsers)
    _register_export(subparsers)


# --- load ----------------------------------------------------------------------------------------


def _register_load(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("load", help=h("cli.load.help"), description=h("cli.load.description"))
    parser.add_argument("files", nargs="*", metavar="DATEI", help=h("cli.load.files"))
    parser.add_argument("--format", choices=sorted(FORMATS), help=h("cli.load.format"))
    parser.set_defaults(func=cmd_load)


def cmd_load(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    try:
        with LoadProgress(settings.lang) as progress:
            if args.files:
                report = load_files(store, args.files, fmt=args.format, progress=progress)
            else:
                report = build_registry(store, progress=progress)
    finally:
        store.close()
    note(
        t(
            "load.done",
            settings.lang,
            files=len(report.files),
            triples=report.triples,
            graphs=len(report.graphs),
        )
    )
    return ExitCode.OK


# --- stats ---------------------------------------------------------------------------------------


def _register_stats(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("stats", help=h("cli.stats.help"), description=h("cli.stats.description"))
    parser.add_argument("--format", choices=["table", "json"], default="table", help=h("cli.output_format"))
    parser.add_argument("--graphs", action="store_true", help=h("cli.stats.graphs"))
    parser.set_defaults(func=cmd_stats)


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    store = open_registry(settings)
    try:
        data = summary(store, settings.lang)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_summary(data, settings.lang, with_graphs=args.graphs))
    return ExitCode.OK


def format_summary(data: dict[str, Any], lang: str, *, with_graphs: bool = False) -> str:
    """The registry summary as a readable table (German by default)."""
    if not data["triples"]:
        return t("summary.empty", lang)
    lines = [t("summary.title", lang), ""]
    rows = [(c["label"], c["curie"], c["count"]) for c in data["classes"]]
    lines.append(render_table([t("summary.class", lang), "", t("summary.entries", lang)], rows, right=[2]))
    if with_graphs:
        graph_rows = [(display_term(URIRef(g["graph"])), g["triples"]) for g in data["graphs"]]
        lines += [
            "",
            render_table([t("summary.graph", lang), t("summary.triples_col", lang)], graph_rows, right=[1]),
        ]
    lines += [
        "",
        t("summary.triples", lang, n=data["triples"]),
        t("summary.graphs", lang, n=data["graph_count"]),
    ]
    return "\n".join(lines)


# --- query ---------------------------------------------------------------------------------------


def _register_query(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("query", help=h("cli.query.help"), description=h("cli.query.description"))
    parser.add_argument("query", nargs="?", metavar="ABFRAGE", help=h("cli.query.text"))
    parser.add_argument("-f", "--file", type=Path, metavar="DATEI", help=h("cli.query.file"))
    parser.add_argument(
        "--format", choices=["table", "csv", "json"], default="table", help=h("cli.output_format")
    )
    parser.add_argument("--limit", type=int, metavar="N", help=h("cli.query.limit"))
    parser.set_defaults(func=cmd_query)


def read_query_argument(text: str | None, file: Path | None) -> str:
    """The query from ``--file``, from stdin (``-``), from a file path, or the text itself."""
    if file is not None:
        return _read_text(file)
    if text is None:
        raise UsageError("cli.query.missing")
    if text == "-":
        return sys.stdin.read()
    candidate = Path(text)
    if (
        "\n" not in text
        and len(text) < 4096
        and candidate.suffix in (".rq", ".sparql")
        and candidate.is_file()
    ):
        return _read_text(candidate)
    return text


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise RdfInputError("load.not_found", path=str(path))
    return path.read_text(encoding="utf-8")


def cmd_query(args: argparse.Namespace, settings: Settings) -> int:
    text = read_query_argument(args.query, args.file)
    limit = args.limit if args.limit and args.limit > 0 else settings.result_limit
    form = query_form(text)
    if form == "UPDATE":
        raise QuerySyntaxError("cli.query.update_refused")
    store = open_registry(settings)
    try:
        with Activity(t("cli.query.running", settings.lang)):
            output = _run_query(store, text, form, args.format, limit, settings.lang)
    finally:
        store.close()
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return ExitCode.OK


def _run_query(store: Store, text: str, form: str | None, fmt: str, limit: int, lang: str) -> str:
    if form == "ASK":
        answer = store.ask(text)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer})
        if fmt == "csv":
            return "true" if answer else "false"
        return t("cli.yes" if answer else "cli.no", lang)
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = store.construct(text)
        return serialize_graph(graph, "jsonld" if fmt == "json" else "ttl").decode("utf-8")
    result = store.select(text)
    total = len(result.rows)
    if total > limit:
        note(t("cli.query.truncated", lang, limit=limit, total=total))
        result = type(result)(variables=result.variables, rows=result.rows[:limit])
    if fmt == "json":
        return json.dumps(select_to_json(result), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return select_to_csv(result)
    rows = [[display_term(row.get(v)) for v in result.variables] for row in result.rows]
    table = render_table(result.variables, rows)
    return f"{table}\n\n{t('cli.query.rows', lang, n=len(result.rows))}"


# --- export --------------------------------------------------------------------------------------


def _register_export(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export", help=h("cli.export.help"), description=h("cli.export.description")
    )
    parser.add_argument("--format", choices=sorted(FORMATS), help=h("cli.output_format"))
    parser.add_argument("-o", "--output", default="-", metavar="DATEI", help=h("cli.export.output"))
    parser.add_argument("--graph", action="append", metavar="IRI", help=h("cli.export.graph"))
    parser.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    to_stdout = args.output == "-"
    fmt = args.format or ("ttl" if to_stdout else rdf_format(args.output).name)
    graphs = [URIRef(g) for g in args.graph] if args.graph else None
    store = open_registry(settings)
    try:
        body = serialize_store(store, fmt, graphs)
    finally:
        store.close()
    if to_stdout:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    else:
        Path(args.output).write_bytes(body)
        note(
            t(
                "cli.export.done",
                settings.lang,
                triples=_count_lines(body, fmt),
                path=args.output,
                format=FORMATS[fmt].label,
            )
        )
    return ExitCode.OK


def _count_lines(body: bytes, fmt: str) -> str:
    """Statement count for the confirmation line (exact for N-Triples/N-Quads, else '…')."""
    if fmt in ("nt", "nq"):
        return str(sum(1 for line in body.splitlines() if line.strip() and not line.startswith(b"#")))
    return "…"


# --- run -----------------------------------------------------------------------------------------


def _register_run(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("run", help=h("cli.run.help"), description=h("cli.run.description"))
    parser.add_argument("--no-serve", action="store_true", help=h("cli.run.no_serve"))
    parser.add_argument("--host", default=DEFAULT_HOST, help=h("cli.run.host"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=h("cli.run.port"))
    parser.set_defaults(func=cmd_run)


def web_app_factory() -> Callable[[Settings], Any] | None:
    """``api.app.create_app`` once the web app exists, else None."""
    try:
        module = importlib.import_module("api.app")
    except ModuleNotFoundError as exc:
        if exc.name in ("api", "api.app"):
            return None
        raise
    factory = getattr(module, "create_app", None)
    return factory if callable(factory) else None


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    try:
        with LoadProgress(settings.lang) as progress:
            report = build_registry(store, progress=progress)
        note(
            t(
                "load.done",
                settings.lang,
                files=len(report.files),
                triples=report.triples,
                graphs=len(report.graphs),
            )
        )
        print(format_summary(summary(store, settings.lang), settings.lang))
    finally:
        # An on-disk store allows one process, so the web app opens it itself; a memory store lives
        # only in this process and is handed over.
        if not settings.is_memory or args.no_serve:
            store.close()
    if args.no_serve:
        return ExitCode.OK
    factory = web_app_factory()
    if factory is None:
        note(t("cli.run.no_app", settings.lang))
        return ExitCode.OK
    import uvicorn

    app = factory(settings, store=store) if settings.is_memory else factory(settings)
    note(t("cli.run.serving", settings.lang, host=args.host, port=args.port))
    uvicorn.run(app, host=args.host, port=args.port)
    return ExitCode.OK
