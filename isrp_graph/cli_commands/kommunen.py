"""The municipality scope in the CLI: ``isrp kommunen`` (alias ``municipalities``) lists the store's
municipalities, and ``--kommune NAME`` (repeatable or comma-separated) limits an analysis to some of
them. Without ``--kommune`` a command serves the municipalities of the setting ``kommune``
(``ISRP_KOMMUNE``); empty = all."""

from __future__ import annotations

import argparse
import io
import json
import sys

from isrp_graph import csv_safe
from isrp_graph.cli_commands.common import ExitCode, h, note
from isrp_graph.cli_commands.table import render_table
from isrp_graph.messages import register, t
from isrp_graph.registry import open_registry
from isrp_graph.scope import municipalities, resolve_kommunen
from isrp_graph.scope.installation import served_kommunen
from isrp_graph.scope.membership import entry_counts
from isrp_graph.settings import Settings
from isrp_graph.store.base import Store

register(
    {
        "cli.kommunen.help": {
            "de": "Die Kommunen im Speicher auflisten (Name, Kurzname, Zahl der Einträge)",
            "en": "List the municipalities in the store (name, short name, number of entries)",
        },
        "cli.kommune.option": {
            "de": "Nur diese Kommune(n) auswerten (Kurzname wie „erfurt“, Name oder IRI; mehrfach oder "
            "durch Kommas getrennt; Standard: die Einstellung kommune/ISRP_KOMMUNE, sonst alle)",
            "en": "Analyse only this municipality or these (short name such as 'erfurt', name or IRI; "
            "repeatable or comma-separated; default: the setting kommune/ISRP_KOMMUNE, else all)",
        },
        "cli.kommunen.col.label": {"de": "Name", "en": "Name"},
        "cli.kommunen.col.slug": {"de": "Kurzname", "en": "Short name"},
        "cli.kommunen.col.entries": {"de": "Einträge", "en": "Entries"},
        "cli.kommunen.col.served": {"de": "bedient", "en": "Served"},
        "cli.kommunen.yes": {"de": "ja", "en": "yes"},
        "cli.kommunen.none": {
            "de": "Der Speicher enthält keine Kommune (keine Organisation der Art „Kommune“).",
            "en": "The store holds no municipality (no organisation of the type 'municipality').",
        },
        "cli.kommunen.count": {"de": "{n} Kommune(n)", "en": "{n} municipality(ies)"},
        "cli.kommune.covers": {"de": "Befunde für: {names}", "en": "Findings for: {names}"},
    }
)

FORMATS = ("table", "csv", "json")


def add_kommune_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kommune", action="append", default=[], metavar="NAME", help=h("cli.kommune.option")
    )


def names_of(args: argparse.Namespace) -> list[str]:
    """The names given with ``--kommune`` (each occurrence may hold several, separated by commas)."""
    return [part.strip() for given in getattr(args, "kommune", []) or [] for part in given.split(",")]


def kommunen_of(args: argparse.Namespace, settings: Settings, store: Store) -> tuple[str, ...]:
    """The municipality IRIs a command works on: ``--kommune`` if given, else the setting; ``()`` = all.
    An unknown name raises ``ScopeError`` (exit code 2, naming the known municipalities)."""
    names = [n for n in names_of(args) if n]
    if names:
        return resolve_kommunen(store, names, settings.lang)
    return served_kommunen(settings, store)


def say_scope(store: Store, kommunen: tuple[str, ...], lang: str) -> None:
    """On stderr, which municipalities a result covers (nothing when it covers all)."""
    if kommunen:
        names = {m.iri: m.label for m in municipalities(store)}
        note(t("cli.kommune.covers", lang, names=", ".join(names.get(k, k) for k in kommunen)))


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    command = subparsers.add_parser(
        "kommunen",
        aliases=["municipalities"],
        help=h("cli.kommunen.help"),
        description=h("cli.kommunen.help"),
    )
    command.add_argument("--format", choices=FORMATS, default="table", help=h("cli.output_format"))
    command.set_defaults(func=cmd_kommunen)


def cmd_kommunen(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        found = municipalities(store)
        counts = entry_counts(store)
        served = set(served_kommunen(settings, store)) if settings.kommune else {m.iri for m in found}
    finally:
        store.close()
    rows = [
        {
            "label": m.label,
            "slug": m.slug,
            "iri": m.iri,
            "entries": counts.get(m.iri, 0),
            "served": m.iri in served,
        }
        for m in found
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.OK
    keys = ("label", "slug", "entries", "served")
    headers = [t(f"cli.kommunen.col.{k}", lang) for k in keys]
    if args.format == "csv":
        out = io.StringIO()
        writer = csv_safe.writer(out, lineterminator="\n")
        writer.writerow([*headers, "IRI"])
        for row in rows:
            writer.writerow(
                [row["label"], row["slug"], row["entries"], _yes(row["served"], lang), row["iri"]]
            )
        sys.stdout.write(out.getvalue())
        return ExitCode.OK
    if not rows:
        sys.stdout.write(t("cli.kommunen.none", lang) + "\n")
        return ExitCode.OK
    table = render_table(
        headers,
        [[r["label"], r["slug"], r["entries"], _yes(r["served"], lang)] for r in rows],
        right=[2],
    )
    sys.stdout.write(table + "\n\n" + t("cli.kommunen.count", lang, n=len(rows)) + "\n")
    return ExitCode.OK


def _yes(value: bool, lang: str) -> str:
    return t("cli.kommunen.yes", lang) if value else ""
