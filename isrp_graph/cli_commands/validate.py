"""``isrp validate``: check the registry against its SHACL shapes.

Exit code 1 when there are Violations (Warnings and Infos are shown but do not fail), 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys

from isrp_graph.cli_commands.common import Activity, ExitCode, h, note
from isrp_graph.messages import t
from isrp_graph.registry import open_registry
from isrp_graph.settings import Settings
from isrp_graph.validation import texts as _texts  # noqa: F401  (registers the help texts)

FORMATS = ("text", "json", "ttl")
SEVERITY_CHOICES = ("Violation", "Warning", "Info")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "validate", help=h("cli.validate.help"), description=h("cli.validate.description")
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help=h("cli.validate.format"))
    parser.add_argument("--severity", choices=SEVERITY_CHOICES, help=h("cli.validate.severity"))
    parser.add_argument("--completeness", action="store_true", help=h("cli.validate.completeness"))
    parser.add_argument("--jobs", type=_jobs, default=1, metavar="N", help=h("cli.validate.jobs"))
    parser.add_argument(
        "--kommune", action="append", default=[], metavar="NAME", help=h("cli.validate.kommune")
    )
    parser.set_defaults(func=cmd_validate)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(text) from None
    if value < 1:
        raise argparse.ArgumentTypeError(text)
    return value


def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    from isrp_graph.validation import render_completeness_text, render_json, render_text, render_turtle

    lang = settings.lang
    store = open_registry(settings)
    try:
        from isrp_graph.service import is_empty

        if is_empty(store):
            note(t("service.validate_empty", lang))
            return ExitCode.INPUT
        from isrp_graph.scope.municipalities import ScopeError, resolve_kommunen

        try:
            kommunen = resolve_kommunen(store, args.kommune, lang)
        except ScopeError as exc:
            note(exc.message(lang))
            return ExitCode.USAGE
        with Activity(t("cli.validate.running", lang)):
            from isrp_graph.validation.check import Prepared
            from isrp_graph.validation.partition import validate_prepared_parts
            from isrp_graph.validation.plan_completeness import completeness_of

            prepared = Prepared.of_store(store)  # read once: for the findings and the completeness
            report = validate_prepared_parts(
                prepared, lang, jobs=args.jobs, kommunen=kommunen, with_graph=args.format == "ttl"
            )
            scores = completeness_of(prepared, lang) if args.completeness else None
    finally:
        store.close()
    shown = report.filtered(args.severity) if args.severity else report
    if args.format == "json":
        output = render_json(shown, scores)
    elif args.format == "ttl":
        output = render_turtle(shown)
        if scores is not None:  # stdout stays pure Turtle; the scores go to stderr as text
            note(render_completeness_text(scores, lang).rstrip("\n"))
    else:
        output = render_text(shown)
        if scores is not None:
            output += "\n" + render_completeness_text(scores, lang)
    sys.stdout.write(output)
    return ExitCode.OK if report.conforms else ExitCode.FINDINGS
