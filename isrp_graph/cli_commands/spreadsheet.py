"""``isrp export --xlsx FILE`` and ``isrp import FILE [--apply] [--graph NAME] [--sheet NAME]``.

The export option is added to the core ``export`` command (registered before this module): with
``--xlsx`` it writes the workbook, without it the core command runs unchanged.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from isrp_graph.cli_commands.common import ExitCode, h, note
from isrp_graph.messages import t
from isrp_graph.registry import open_registry
from isrp_graph.settings import Settings
from isrp_graph.spreadsheets import export_workbook, import_file
from isrp_graph.spreadsheets.report import plan_lines


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _extend_export(subparsers)
    parser = subparsers.add_parser(
        "import", help=h("cli.import.help"), description=h("cli.import.description")
    )
    parser.add_argument("file", metavar="DATEI", help=h("cli.import.file"))
    parser.add_argument("--apply", action="store_true", help=h("cli.import.apply"))
    parser.add_argument("--graph", metavar="NAME", help=h("cli.import.graph"))
    parser.add_argument("--sheet", metavar="BLATT", help=h("cli.import.sheet"))
    from isrp_graph.cli_commands.spatial import add_import_arguments, import_if_spatial

    add_import_arguments(parser)
    parser.set_defaults(func=import_if_spatial(cmd_import))


def _extend_export(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = subparsers.choices.get("export")
    if export is None:  # no core export command: offer the workbook export on its own
        export = subparsers.add_parser("export", help=h("cli.export.xlsx"))
        rdf_export = None
    else:
        rdf_export = export.get_default("func")
    export.add_argument("--xlsx", metavar="DATEI.xlsx", help=h("cli.export.xlsx"))

    def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
        if getattr(args, "xlsx", None) or rdf_export is None:
            return cmd_export_xlsx(args, settings)
        return int(rdf_export(args, settings))

    export.set_defaults(func=cmd_export)


def cmd_export_xlsx(args: argparse.Namespace, settings: Settings) -> int:
    store = open_registry(settings)
    try:
        summary = export_workbook(store, args.xlsx, settings.lang)
    finally:
        store.close()
    note(
        t(
            "cli.export.xlsx_done",
            settings.lang,
            path=str(summary.path),
            entries=sum(summary.sheets.values()),
            sheets=len(summary.sheets),
        )
    )
    return ExitCode.OK


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        result = import_file(
            store,
            args.file,
            lang=lang,
            graph=args.graph,
            sheet=args.sheet,
            apply=args.apply,
            actor=_actor(args.file),
        )
    finally:
        store.close()
    plan = result.plan
    print("\n".join(plan_lines(plan, lang)))
    if plan.errors:
        if args.apply:
            note(t("cli.import.not_applied_errors", lang))
        return ExitCode.INPUT
    if result.report is not None:
        note(t("cli.import.rejected", lang, n=len(result.rejected)))
        for finding in result.rejected:
            note(f"  {finding.entry_label}: {finding.path_label or ''} {finding.message}".rstrip())
        return ExitCode.FINDINGS
    if result.applied:
        note(t("cli.import.applied", lang, **plan.counts()))
    elif plan.has_changes:
        note(t("cli.import.dry_run", lang))
    return ExitCode.OK


def _actor(path: str) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "isrp"
    return f"{user} (isrp import {Path(path).name})"
