"""``isrp sozialplanungsreport --jahr JJJJ -o DATEI.pdf|.html``: the annual report."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import isrp_graph.reporting.texts  # noqa: F401  (registers the texts)
from isrp_graph.cli_commands.common import Activity, ExitCode, UsageError, h, note
from isrp_graph.cli_commands.kommunen import add_kommune_option, kommunen_of
from isrp_graph.messages import t
from isrp_graph.registry import open_registry
from isrp_graph.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    command = subparsers.add_parser(
        "sozialplanungsreport", help=h("cli.spr.help"), description=h("cli.spr.help")
    )
    command.add_argument(
        "--jahr", type=int, default=date.today().year, metavar="JJJJ", help=h("cli.spr.year")
    )
    command.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DATEI", help=h("cli.spr.output")
    )
    command.add_argument(
        "--stichtag", type=date.fromisoformat, default=None, metavar="JJJJ-MM-TT", help=h("cli.spr.date")
    )
    add_kommune_option(command)
    command.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    if args.output.suffix.lower() not in (".pdf", ".html", ".htm"):
        raise UsageError("cli.spr.bad_suffix", path=str(args.output))
    latest = date.today().year + 1
    if not 2000 <= args.jahr <= latest:
        raise UsageError("cli.spr.bad_year", year=args.jahr, max=latest)
    from isrp_graph.reporting import write_report_file

    store = open_registry(settings)
    try:
        kommunen = kommunen_of(args, settings, store)
        with Activity(t("cli.spr.running", settings.lang)):
            path = write_report_file(
                store, args.jahr, args.output, reference_date=args.stichtag, kommunen=kommunen
            )
    finally:
        store.close()
    note(t("cli.spr.done", settings.lang, path=str(path)))
    return ExitCode.OK
