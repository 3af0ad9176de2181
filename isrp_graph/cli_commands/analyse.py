"""The commands of the analyses: ``queries``, ``run-query``, ``analyse`` and ``report``.

Thin: parse the call, ask the library (isrp_graph.queries, isrp_graph.analyses, isrp_graph.report), print.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from isrp_graph.analyses import texts as _texts  # noqa: F401  (registers the texts)
from isrp_graph.analyses.basis import parse_stichtag
from isrp_graph.analyses.registry import ANALYSES, AnalysisOptions, jsonable, run_analysis
from isrp_graph.analyses.spatial import DEFAULT_REFERENCE_SYSTEM
from isrp_graph.cli_commands.common import Activity, ExitCode, UsageError, h, note
from isrp_graph.cli_commands.kommunen import add_kommune_option, kommunen_of, say_scope
from isrp_graph.messages import t
from isrp_graph.queries import catalogue, run_named, to_csv, to_json, to_table
from isrp_graph.registry import open_registry
from isrp_graph.report import write_report
from isrp_graph.settings import Settings

FORMATS = ("table", "csv", "json")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    queries = subparsers.add_parser(
        "queries", help=h("cli.queries.help"), description=h("cli.queries.description")
    )
    queries.add_argument("--format", choices=["table", "json"], default="table", help=h("cli.output_format"))
    queries.set_defaults(func=cmd_queries)

    run = subparsers.add_parser(
        "run-query", help=h("cli.run_query.help"), description=h("cli.run_query.description")
    )
    run.add_argument("name", metavar="NAME", help=h("cli.run_query.name"))
    run.add_argument(
        "--param", "-p", action="append", default=[], metavar="NAME=WERT", help=h("cli.run_query.param")
    )
    run.add_argument("--format", choices=FORMATS, default="table", help=h("cli.output_format"))
    run.set_defaults(func=cmd_run_query)

    analyse = subparsers.add_parser(
        "analyse", help=h("cli.analyse.help"), description=h("cli.analyse.description")
    )
    analyse.add_argument("analysis", choices=ANALYSES, metavar="ANALYSE", help=h("cli.analyse.name"))
    _options(analyse)
    analyse.add_argument("--plan", metavar="IRI", help=h("cli.analyse.plan"))
    analyse.add_argument("--table", metavar="NAME", help=h("cli.analyse.table"))
    analyse.add_argument("--format", choices=FORMATS, default="table", help=h("cli.output_format"))
    analyse.set_defaults(func=cmd_analyse)

    report = subparsers.add_parser(
        "report", help=h("cli.report.help"), description=h("cli.report.description")
    )
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("isrp-bericht"),
        metavar="ORDNER",
        help=h("cli.report.output"),
    )
    _options(report)
    report.set_defaults(func=cmd_report)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=_date, metavar="TT.MM.JJJJ", help=h("cli.analyse.date"))
    parser.add_argument("--include-examples", action="store_true", help=h("cli.analyse.include_examples"))
    parser.add_argument(
        "--reference", default=DEFAULT_REFERENCE_SYSTEM, metavar="IRI", help=h("cli.analyse.reference")
    )
    add_kommune_option(parser)


def _date(text: str) -> date:
    try:
        return parse_stichtag(text)
    except ValueError:
        raise argparse.ArgumentTypeError(h("queries.reason_date")) from None


def _params(pairs: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError("cli.run_query.bad_param", value=pair)
        params[name.strip()] = value
    return params


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_queries(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    queries = catalogue()
    if args.format == "json":
        data = [
            {
                "name": q.name,
                "title": q.title_in(lang),
                "description": q.description_in(lang),
                "tags": list(q.tags),
                "parameters": [
                    {"name": p.name, "type": p.type, "default": p.default, "description": p.describe(lang)}
                    for p in q.parameters
                ],
            }
            for q in queries
        ]
        _write(json.dumps(data, ensure_ascii=False, indent=2))
        return ExitCode.OK
    lines = []
    for q in queries:
        lines.append(f"{q.name}\n    {q.title_in(lang)}")
        for p in q.parameters:
            default = (
                t("queries.required", lang) if p.required else t("queries.default", lang, value=p.default)
            )
            lines.append(f"    --param {p.name}=… ({p.type}; {default}) {p.describe(lang)}")
    lines.append("")
    lines.append(t("cli.queries.count", lang, n=len(queries)))
    _write("\n".join(lines))
    return ExitCode.OK


def cmd_run_query(args: argparse.Namespace, settings: Settings) -> int:
    params = _params(args.param)
    store = open_registry(settings)
    try:
        with Activity(t("cli.query.running", settings.lang)):
            result = run_named(store, args.name, params, settings.lang)
    finally:
        store.close()
    if args.format == "csv":
        sys.stdout.write(to_csv(result))
    elif args.format == "json":
        _write(to_json(result))
    else:
        _write(to_table(result, settings.lang))
    return ExitCode.OK


def cmd_analyse(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        options = AnalysisOptions(
            reference_date=args.date,
            reference_system=args.reference,
            plan=args.plan,
            include_examples=args.include_examples,
            kommunen=kommunen_of(args, settings, store),
        )
        say_scope(store, options.kommunen, lang)
        with Activity(t("cli.analyse.running", lang)):
            report = run_analysis(store, args.analysis, lang, options)
    finally:
        store.close()
    if args.format == "json":
        _write(json.dumps(jsonable(report), ensure_ascii=False, indent=2))
        return ExitCode.OK
    tables = report.tables()
    if args.table:
        tables = [tb for tb in tables if tb.name == args.table]
        if not tables:
            known = ", ".join(tb.name for tb in report.tables())
            raise UsageError("cli.analyse.unknown_table", name=args.table, known=known)
    if args.format == "csv":
        sys.stdout.write(tables[0].to_csv(excel=False))
        if len(tables) > 1:
            note(t("cli.analyse.first_table", lang, name=tables[0].name))
        return ExitCode.OK
    _write("\n\n".join(tb.to_text(lang) for tb in tables))
    return ExitCode.OK


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    store = open_registry(settings)
    try:
        options = AnalysisOptions(
            reference_date=args.date,
            reference_system=args.reference,
            include_examples=args.include_examples,
            kommunen=kommunen_of(args, settings, store),
        )
        say_scope(store, options.kommunen, settings.lang)
        with Activity(t("cli.report.running", settings.lang)):
            written = write_report(store, args.output, settings.lang, options)
    finally:
        store.close()
    note(t("cli.report.done", settings.lang, path=str(written.index), files=len(written.files)))
    return ExitCode.OK
