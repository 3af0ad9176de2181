"""``isrp serve [--host 127.0.0.1] [--port 8000]``: the web app on the store as it is (no rebuild;
``isrp run`` rebuilds first and then serves through the same ``api.app.create_app``)."""

from __future__ import annotations

import argparse

from isrp_graph.cli_commands.common import ExitCode, h, note
from isrp_graph.cli_commands.core import DEFAULT_HOST, DEFAULT_PORT, web_app_factory
from isrp_graph.messages import register as register_messages
from isrp_graph.messages import t
from isrp_graph.settings import Settings

register_messages(
    {
        "cli.serve.help": {
            "de": "die Web-Oberfläche starten (Seiten, JSON-API, SPARQL-Endpunkt)",
            "en": "start the web app (pages, JSON API, SPARQL endpoint)",
        },
        "cli.serve.description": {
            "de": "Startet die Web-Oberfläche auf dem Speicher, wie er ist (ohne neu zu laden; dafür "
            "‚isrp run‘). Seiten auf Deutsch, ?lang=en für Englisch; SPARQL unter /sparql, API unter "
            "/api/v1, Dokumentation unter /docs. (Serves the web app on the store as it is.)",
            "en": "Serves the web app on the store as it is (no reload; use 'isrp run' for that). Pages "
            "in German, ?lang=en for English; SPARQL at /sparql, API at /api/v1, docs at /docs.",
        },
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help=h("cli.serve.help"), description=h("cli.serve.description"))
    parser.add_argument("--host", default=DEFAULT_HOST, help=h("cli.run.host"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=h("cli.run.port"))
    parser.set_defaults(func=cmd_serve)


def load_if_empty(settings: Settings) -> bool:
    """A fresh checkout has an empty store: load the shipped registry first (as ``isrp run`` does) and
    say so, instead of serving an empty registry without a word. True when it loaded."""
    from isrp_graph.registry import build_registry
    from isrp_graph.service import is_empty
    from isrp_graph.store import open_store

    store = open_store(settings)
    try:
        if not is_empty(store):
            return False
        note(t("service.serve_loading", settings.lang))
        report = build_registry(store)
        counts = {"files": len(report.files), "triples": report.triples, "graphs": len(report.graphs)}
        note(t("load.done", settings.lang, **counts))
        return True
    finally:
        store.close()


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    factory = web_app_factory()
    if factory is None:
        note(t("cli.run.no_app", settings.lang))
        return ExitCode.USAGE
    import uvicorn

    if settings.is_memory:
        from isrp_graph.registry import open_registry

        app = factory(settings, store=open_registry(settings))
    else:
        load_if_empty(settings)
        app = factory(settings)
    note(t("cli.run.serving", settings.lang, host=args.host, port=args.port))
    uvicorn.run(app, host=args.host, port=args.port)
    return ExitCode.OK
