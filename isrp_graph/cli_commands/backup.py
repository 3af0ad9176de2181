"""``isrp backup -o FILE`` and ``isrp restore FILE``: the whole store as one verified dump
(``isrp_graph.service.backup``). Restore is atomic and refuses a corrupt dump; stop ``isrp serve`` on
an embedded store first (one process at a time may open it)."""

from __future__ import annotations

import argparse

from isrp_graph.cli_commands.common import ExitCode, h, note
from isrp_graph.messages import t
from isrp_graph.service import restore_backup, write_backup
from isrp_graph.settings import Settings
from isrp_graph.store import open_store


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser(
        "backup", help=h("service.backup.help"), description=h("service.backup.help")
    )
    backup.add_argument("-o", "--output", required=True, help=h("service.backup.output"))
    backup.set_defaults(func=cmd_backup)
    restore = subparsers.add_parser(
        "restore", help=h("service.restore.help"), description=h("service.restore.help")
    )
    restore.add_argument("file", help=h("service.restore.file"))
    restore.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    try:
        manifest = write_backup(store, args.output)
    finally:
        store.close()
    note(
        t(
            "service.backup.done",
            settings.lang,
            quads=manifest.quads,
            graphs=len(manifest.graphs),
            path=args.output,
            sha=manifest.sha256[:12],
        )
    )
    return ExitCode.OK


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    try:
        manifest = restore_backup(store, args.file)
    finally:
        store.close()
    note(
        t(
            "service.restore.done",
            settings.lang,
            quads=manifest.quads,
            graphs=len(manifest.graphs),
            path=args.file,
            created=manifest.created,
        )
    )
    return ExitCode.OK
