"""``isrp graph -o FILE.html [--kind …] [--plan IRI]`` and ``isrp graph --metrics [--format table|json]``."""

from __future__ import annotations

import argparse
import json

from isrp_graph.cli_commands.common import ExitCode, UsageError, h, note
from isrp_graph.cli_commands.table import render_table
from isrp_graph.messages import t
from isrp_graph.network import KINDS, build_network, filter_kinds, neighbourhood, network_metrics
from isrp_graph.network_page import write_network_page
from isrp_graph.registry import open_registry
from isrp_graph.settings import Settings
from isrp_graph.spreadsheets.names import expand


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("graph", help=h("cli.graph.help"), description=h("cli.graph.description"))
    parser.add_argument("-o", "--output", metavar="DATEI.html", help=h("cli.graph.output"))
    parser.add_argument(
        "--kind", action="append", metavar="ART", help=h("cli.graph.kind", kinds=", ".join(KINDS))
    )
    parser.add_argument("--plan", metavar="IRI", help=h("cli.graph.plan"))
    parser.add_argument("--metrics", action="store_true", help=h("cli.graph.metrics"))
    parser.add_argument("--format", choices=("table", "json"), default="table", help=h("cli.output_format"))
    parser.set_defaults(func=cmd_graph)


def cmd_graph(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    if not args.output and not args.metrics:
        raise UsageError("cli.graph.missing_output")
    kinds = [k.strip() for value in (args.kind or []) for k in value.split(",") if k.strip()]
    for kind in kinds:
        if kind not in KINDS:
            raise UsageError("network.unknown_kind", kind=kind, allowed=", ".join(KINDS))
    store = open_registry(settings)
    try:
        graph = build_network(store, lang)
    finally:
        store.close()
    plan = None
    if args.plan:
        iri = expand(args.plan)
        plan = str(iri) if iri is not None else args.plan
        if plan not in graph or graph.nodes[plan].get("kind") != "plan":
            raise UsageError("network.unknown_plan", iri=args.plan)
        graph = neighbourhood(graph, plan)
    if kinds:
        graph = filter_kinds(graph, set(kinds) | ({"plan"} if plan else set()))
    if args.output:
        path = write_network_page(graph, args.output, lang, focus_plan=plan)
        note(
            t(
                "cli.graph.done",
                lang,
                path=str(path),
                nodes=graph.number_of_nodes(),
                edges=graph.number_of_edges(),
            )
        )
    if args.metrics:
        print(format_metrics(graph, lang, args.format))
    return ExitCode.OK


def format_metrics(graph, lang: str, fmt: str) -> str:  # type: ignore[no-untyped-def]
    metrics = network_metrics(graph)
    if fmt == "json":
        return json.dumps(metrics.to_dict(), ensure_ascii=False, indent=2)
    headers = [
        t("network.col.name", lang),
        t("network.col.kind", lang),
        t("network.col.degree", lang),
        t("network.col.degree_centrality", lang),
        t("network.col.betweenness", lang),
        t("network.col.community", lang),
        t("network.col.broker", lang),
    ]
    rows = [
        (
            m.label,
            t(f"network.kind.{m.kind}", lang),
            m.degree,
            f"{m.degree_centrality:.3f}",
            f"{m.betweenness:.3f}",
            m.community + 1,
            t("cli.yes" if m.broker else "cli.no", lang),
        )
        for m in metrics.nodes
    ]
    labels = {m.iri: m.label for m in metrics.nodes}
    lines = [
        t(
            "network.metrics.nodes",
            lang,
            nodes=metrics.node_count,
            edges=metrics.edge_count,
            density=metrics.density,
        ),
        "",
        render_table(headers, rows, right=[2, 3, 4, 5]),
        "",
        t("network.page.brokers", lang, names=", ".join(labels[n] for n in metrics.brokers))
        if metrics.brokers
        else t("network.page.no_brokers", lang),
        t("network.page.isolated", lang, names=", ".join(labels[n] for n in metrics.isolated_plans))
        if metrics.isolated_plans
        else t("network.page.no_isolated", lang),
        t("network.page.communities", lang, n=len(metrics.communities)),
    ]
    return "\n".join(lines)
