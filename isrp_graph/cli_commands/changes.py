"""``isrp history``, ``isrp revert``, ``isrp release create|list|diff``: the change model on the
command line (see docs/changes.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys

from rdflib import URIRef

from isrp_graph.changes import texts as _texts  # noqa: F401  (registers the texts)
from isrp_graph.changes.csvout import excel_csv
from isrp_graph.changes.history import EntryDiff, entry_diffs, entry_history, revert
from isrp_graph.changes.model import Changeset
from isrp_graph.changes.releases import create_release, list_releases, release_diff
from isrp_graph.cli_commands.common import ExitCode, h, note
from isrp_graph.messages import t
from isrp_graph.registry import open_registry
from isrp_graph.settings import Settings


def _actor(args: argparse.Namespace) -> str:
    return args.actor or os.environ.get("ISRP_ACTOR") or os.environ.get("USER") or "isrp"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    history = subparsers.add_parser("history", help=h("cli.history.help"), description=h("cli.history.help"))
    history.add_argument("iri", metavar="IRI")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.set_defaults(func=cmd_history)

    undo = subparsers.add_parser("revert", help=h("cli.revert.help"), description=h("cli.revert.help"))
    undo.add_argument("change", metavar="CHANGE_ID")
    undo.add_argument("--actor", help=h("cli.changes.actor"))
    undo.add_argument("--comment")
    undo.set_defaults(func=cmd_revert)

    release = subparsers.add_parser("release", help=h("cli.release.help"), description=h("cli.release.help"))
    sub = release.add_subparsers(metavar="create|list|diff")
    create = sub.add_parser("create", help=h("cli.release.create"))
    create.add_argument("name", metavar="NAME")
    create.add_argument("--note", metavar="TEXT")
    create.add_argument("--actor", help=h("cli.changes.actor"))
    create.set_defaults(func=cmd_release_create)
    listing = sub.add_parser("list", help=h("cli.release.list"))
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(func=cmd_release_list)
    diff = sub.add_parser("diff", help=h("cli.release.diff"))
    diff.add_argument("old", metavar="A")
    diff.add_argument("new", metavar="B")
    diff.add_argument("--format", choices=("text", "json", "csv"), default="text")
    diff.set_defaults(func=cmd_release_diff)


def changeset_json(cs: Changeset, diffs: list[EntryDiff]) -> dict:
    return {
        "id": cs.id,
        "iri": str(cs.iri),
        "kind": cs.kind,
        "actor": cs.actor,
        "approver": cs.approver,
        "time": cs.started_at.isoformat(),
        "comment": cs.comment,
        "source": cs.source,
        "reverts": str(cs.reverts) if cs.reverts else None,
        "added": cs.added,
        "removed": cs.removed,
        "entries": [diff_json(d) for d in diffs],
    }


def diff_json(diff: EntryDiff) -> dict:
    return {
        "entry": diff.entry,
        "label": diff.label,
        "kind": diff.kind,
        "fields": [
            {"path": f.path, "label": f.label, "removed": list(f.removed), "added": list(f.added)}
            for f in diff.fields
        ],
    }


def _diff_text(diff: EntryDiff, indent: str = "  ") -> str:
    lines = [f"{indent}{diff.label} ({diff.kind})" if diff.kind else f"{indent}{diff.label}"]
    for f in diff.fields:
        before = ", ".join(f.removed) or "–"
        after = ", ".join(f.added) or "–"
        lines.append(f"{indent}  {f.label}: {before} → {after}")
    return "\n".join(lines)


def cmd_history(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        entry = URIRef(args.iri.strip())
        found = entry_history(store, entry)
        items = [(cs, entry_diffs(store, [d for d in cs.deltas if d.entry == entry], lang)) for cs in found]
    finally:
        store.close()
    if args.format == "json":
        sys.stdout.write(
            json.dumps([changeset_json(cs, d) for cs, d in items], ensure_ascii=False, indent=2) + "\n"
        )
        if not items:
            note(t("cli.history.none", lang, iri=args.iri))
        return ExitCode.OK
    if not items:
        print(t("cli.history.none", lang, iri=args.iri))
        return ExitCode.OK
    for cs, diffs in items:
        stamp = cs.started_at.astimezone().strftime("%d.%m.%Y %H:%M" if lang == "de" else "%Y-%m-%d %H:%M")
        print(t("cli.history.line", lang, time=stamp, actor=cs.actor, kind=cs.kind, id=cs.id))
        if cs.comment:
            print(f"  {cs.comment}")
        for diff in diffs:
            print(_diff_text(diff, "    "))
    return ExitCode.OK


def cmd_revert(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        outcome = revert(store, args.change, _actor(args), lang, comment=args.comment)
    finally:
        store.close()
    print(
        t(
            "cli.revert.done",
            lang,
            id=str(outcome.activity).rsplit("/", 1)[-1],
            added=outcome.added,
            removed=outcome.removed,
        )
    )
    return ExitCode.OK


def cmd_release_create(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        release = create_release(store, args.name, _actor(args), args.note)
    finally:
        store.close()
    print(t("cli.release.created", lang, name=release.name, iri=str(release.iri)))
    return ExitCode.OK


def cmd_release_list(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        releases = list_releases(store)
    finally:
        store.close()
    if args.format == "json":
        data = [
            {
                "name": r.name,
                "iri": str(r.iri),
                "issued": r.issued.isoformat(),
                "note": r.note,
                "actor": r.actor,
                "after_change": str(r.after) if r.after else None,
            }
            for r in releases
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return ExitCode.OK
    if not releases:
        print(t("cli.release.none", lang))
    for r in releases:
        stamp = r.issued.astimezone().strftime("%d.%m.%Y %H:%M" if lang == "de" else "%Y-%m-%d %H:%M")
        print(f"{stamp}  {r.name}" + (f" – {r.note}" if r.note else ""))
    return ExitCode.OK


CSV_HEADER = {
    "de": ["Art", "Eintrag", "Klasse", "Feld", "vorher", "nachher", "IRI"],
    "en": ["status", "entry", "class", "field", "before", "after", "IRI"],
}


def diff_csv(rows: list[list[str]], lang: str) -> str:
    return excel_csv(CSV_HEADER.get(lang, CSV_HEADER["de"]), rows)


def cmd_release_diff(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = open_registry(settings)
    try:
        diff = release_diff(store, args.old, args.new, lang)
    finally:
        store.close()
    if args.format == "json":
        sys.stdout.write(json.dumps(diff.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        sys.stdout.buffer.write(diff_csv(diff.rows(), lang).encode("utf-8"))
    else:
        print(
            t(
                "cli.release.diff_head",
                lang,
                old=args.old,
                new=args.new,
                added=len(diff.added),
                removed=len(diff.removed),
                changed=len(diff.changed),
            )
        )
        for key, items in (
            ("cli.release.added", diff.added),
            ("cli.release.removed", diff.removed),
            ("cli.release.changed", diff.changed),
        ):
            if items:
                print(t(key, lang))
                for item in items:
                    print(_diff_text(item))
    return ExitCode.OK
