"""Spatial commands: ``isrp import GEODATEI --spatial-system IRI --key ATTRIBUT [--apply]`` (geometries onto
the units of a spatial system), ``isrp export --geojson --spatial-system IRI -o DATEI`` and
``isrp spatial variants DATEI… [--format json]`` (scores of planning-area variants)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path

from isrp_graph.cli_commands.common import ExitCode, h, note
from isrp_graph.messages import register as register_messages
from isrp_graph.messages import t
from isrp_graph.queries import expand_iri
from isrp_graph.registry import open_registry
from isrp_graph.settings import Settings
from isrp_graph.spatial import (
    export_geojson,
    import_geometries,
    is_spatial_file,
    read_variants,
    score_variants,
)
from isrp_graph.spatial.report import variant_lines

Handler = Callable[[argparse.Namespace, Settings], int]
DEFAULT_BASE = "https://w3id.org/isrp/erfurt/spatial-system/ortsteile"

register_messages(
    {
        "cli.spatial.help": {
            "de": "Raum: Varianten von Planungsräumen bewerten",
            "en": "Space: score planning-area variants",
        },
        "cli.spatial.variants": {
            "de": "Varianten (CSV oder Arbeitsmappe: Gebiet → Ortsteile) nebeneinander bewerten",
            "en": "score variants (CSV or workbook: area → Ortsteile) side by side",
        },
        "cli.spatial.files": {"de": "Variantendateien (.csv, .xlsx)", "en": "variant files (.csv, .xlsx)"},
        "cli.spatial.base": {
            "de": "Bezugs-Raumgliederung (Standard: Erfurter Ortsteile)",
            "en": "reference spatial system (default: Erfurt's Ortsteile)",
        },
        "cli.spatial.system": {
            "de": "Raumgliederung (IRI oder erfurt:…), deren Einheiten die Geometrien bekommen "
            "bzw. exportiert werden",
            "en": "spatial system (IRI or erfurt:…) whose units get the geometries or are exported",
        },
        "cli.spatial.key": {
            "de": "Attribut der Geodatei mit Kennziffer oder Name der Einheit",
            "en": "attribute of the geodata file with the unit's code or name",
        },
        "cli.spatial.source": {
            "de": "Quelle der Geodaten (IRI, z. B. die Download-Adresse des Geoportals)",
            "en": "source of the geodata (IRI, e.g. the Geoportal's download address)",
        },
        "cli.spatial.geojson": {
            "de": "GeoJSON einer Raumgliederung schreiben",
            "en": "write GeoJSON of a spatial system",
        },
        "cli.spatial.needs_system": {
            "de": "--spatial-system und --key sind für Geodateien nötig.",
            "en": "--spatial-system and --key are needed for geodata files.",
        },
        "cli.spatial.exported": {
            "de": "{n} Raumeinheiten nach {path} geschrieben.",
            "en": "{n} spatial units written to {path}.",
        },
    }
)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--spatial-system", metavar="IRI", help=h("cli.spatial.system"))
    parser.add_argument("--key", metavar="ATTRIBUT", help=h("cli.spatial.key"))
    parser.add_argument("--source", metavar="IRI", help=h("cli.spatial.source"))


def import_if_spatial(other: Handler) -> Handler:
    def handler(args: argparse.Namespace, settings: Settings) -> int:
        if not is_spatial_file(args.file):
            return other(args, settings)
        return cmd_import_geodata(args, settings)

    return handler


def _actor(path: str) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "isrp"
    return f"{user} (isrp import {Path(path).name})"


def cmd_import_geodata(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    if not args.spatial_system or not args.key:
        note(t("cli.spatial.needs_system", lang))
        return ExitCode.USAGE
    store = open_registry(settings)
    try:
        report = import_geometries(
            store,
            args.file,
            expand_iri(args.spatial_system),
            args.key,
            actor=_actor(args.file),
            lang=lang,
            apply=args.apply,
            source=args.source,
        )
    finally:
        store.close()
    print("\n".join(report.lines(lang)))
    if report.problems:
        if args.apply:
            note(t("spatial.import.not_applied", lang))
        return ExitCode.INPUT
    if report.applied:
        note(t("spatial.import.applied", lang, n=len(report.matched), graph=str(report.graph)))
    else:
        note(t("spatial.import.dry_run", lang))
    return ExitCode.OK


def _extend_export(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = subparsers.choices.get("export")
    if export is None:
        return
    previous = export.get_default("func")
    export.add_argument("--geojson", action="store_true", help=h("cli.spatial.geojson"))
    export.add_argument("--spatial-system", metavar="IRI", help=h("cli.spatial.system"))

    def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
        if getattr(args, "geojson", False):
            return cmd_export_geojson(args, settings)
        return int(previous(args, settings))

    export.set_defaults(func=cmd_export)


def cmd_export_geojson(args: argparse.Namespace, settings: Settings) -> int:
    if not args.spatial_system:
        note(t("cli.spatial.needs_system", settings.lang))
        return ExitCode.USAGE
    store = open_registry(settings)
    try:
        collection = export_geojson(store, expand_iri(args.spatial_system), settings.lang)
    finally:
        store.close()
    body = json.dumps(collection, ensure_ascii=False, indent=1)
    if args.output in (None, "-"):
        sys.stdout.write(body + "\n")
    else:
        Path(args.output).write_text(body, encoding="utf-8")
        note(t("cli.spatial.exported", settings.lang, n=len(collection["features"]), path=args.output))
    return ExitCode.OK


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _extend_export(subparsers)
    parser = subparsers.add_parser("spatial", help=h("cli.spatial.help"), description=h("cli.spatial.help"))
    sub = parser.add_subparsers(metavar="BEFEHL")
    variants = sub.add_parser(
        "variants", help=h("cli.spatial.variants"), description=h("cli.spatial.variants")
    )
    variants.add_argument("files", nargs="+", metavar="DATEI", help=h("cli.spatial.files"))
    variants.add_argument("--base", metavar="IRI", default=DEFAULT_BASE, help=h("cli.spatial.base"))
    variants.add_argument("--format", choices=["text", "json"], default="text")
    variants.set_defaults(func=cmd_variants)


def cmd_variants(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    variants = [v for path in args.files for v in read_variants(path)]
    store = open_registry(settings)
    try:
        scores = score_variants(store, variants, expand_iri(args.base), lang)
    finally:
        store.close()
    if args.format == "json":
        from isrp_graph.spatial.report import scores_json

        sys.stdout.write(json.dumps(scores_json(scores, lang), ensure_ascii=False, indent=1) + "\n")
    else:
        print("\n".join(variant_lines(scores, lang)))
    return ExitCode.OK
