"""The ``isrp`` command: global options, the subcommands of every module in ``COMMAND_MODULES``, and one
place that turns library errors into a message in the user's language and an exit code.

Exit codes: 0 ok, 1 findings (violations), 2 usage error, 3 input error, 4 store unreachable.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from isrp_graph import __version__
from isrp_graph.cli_commands.common import (
    ExitCode,
    IsrpArgumentParser,
    error_text,
    exit_code_for,
    h,
    help_lang,
    note,
    set_help_lang,
)
from isrp_graph.messages import LANGUAGES, LocalizedError, t
from isrp_graph.settings import SettingsError, load_settings

# The modules that add subcommands: core first, then every other module of isrp_graph.cli_commands
# that has ``register(subparsers) -> None`` (drop a new module there, nothing to edit here). Helper
# modules without ``register`` are skipped. All are imported: an import error is a bug and fails loudly.
CORE_MODULE = "isrp_graph.cli_commands.core"


def _discover_command_modules() -> list[str]:
    package = importlib.import_module("isrp_graph.cli_commands")
    names = sorted(
        f"{package.__name__}.{info.name}"
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    )
    return [CORE_MODULE, *(name for name in names if name != CORE_MODULE)]


COMMAND_MODULES: list[str] = _discover_command_modules()


def build_parser() -> argparse.ArgumentParser:
    parser = IsrpArgumentParser(prog="isrp", description=h("cli.description"), epilog=h("cli.epilog"))
    parser.add_argument("--lang", choices=LANGUAGES, help=h("cli.lang"))
    parser.add_argument("--store", metavar="SPEICHER", help=h("cli.store"))
    parser.add_argument(
        "--version", action="version", version=f"isrp-graph {__version__}", help=h("cli.version")
    )
    subparsers = parser.add_subparsers(title=t("cli.commands", help_lang()), metavar="BEFEHL")
    for name in COMMAND_MODULES:
        register = getattr(importlib.import_module(name), "register", None)
        if register is not None:
            register(subparsers)
    return parser


def _prescan_lang(argv: Sequence[str]) -> str | None:
    """``--lang`` before argparse runs, so that ``--help`` is already in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("ISRP_LANG")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_help_lang(_prescan_lang(arguments))
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # --help, --version, usage errors
        return int(exc.code) if isinstance(exc.code, int) else ExitCode.USAGE
    lang = args.lang or help_lang()
    try:
        settings = load_settings().with_overrides(lang=args.lang, store=args.store)
    except SettingsError as exc:
        note(t("cli.error", lang, prog="isrp", message=exc.message(lang)))
        return ExitCode.USAGE
    lang = settings.lang
    func = getattr(args, "func", None)
    if func is None:
        parser.print_usage(sys.stderr)
        note(t("cli.no_command", lang))
        return ExitCode.USAGE
    try:
        return int(func(args, settings))
    except KeyboardInterrupt:
        note(t("cli.interrupted", lang))
        return 130
    except (LocalizedError, OSError) as exc:
        note(t("cli.error", lang, prog="isrp", message=error_text(exc, lang)))
        return exit_code_for(exc)


if __name__ == "__main__":
    raise SystemExit(main())
