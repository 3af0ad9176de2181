"""The network as one interactive HTML page that works without internet: vis-network (shipped in
pyvis's package) inlined or served from a local path, German text first, a legend, filters by kind and
by plan, and — for people who cannot or do not want to use the picture — a text summary and data
tables of every node and link.

pyvis builds the node and edge data and the physics options; the page itself comes from our own
Jinja template, because pyvis's template loads Bootstrap and other files from a CDN.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from isrp_graph.messages import normalise_lang, t
from isrp_graph.network import EDGE_KINDS, KINDS, NetworkMetrics, network_metrics

TEMPLATE = "network_page.html.j2"
PYVIS_LIB = Path(pyvis.__file__).resolve().parent / "lib"
DEFAULT_ASSET_URL = "/static/vendor"
STAR_POINTS = "10,1 12.6,7 19,7.4 14,11.6 15.6,18 10,14.5 4.4,18 6,11.6 1,7.4 7.4,7"


@dataclass(frozen=True)
class KindStyle:
    colour: str  # fill (Okabe–Ito, colour-blind safe)
    border: str  # darker outline: every shape keeps 3:1 contrast against white
    shape: str  # vis-network shape: the kind is readable without colour too


# Okabe–Ito palette, no yellow (too light on white); shapes differ per kind.
STYLES: dict[str, KindStyle] = {
    "plan": KindStyle("#0072B2", "#003B5C", "dot"),
    "organisation": KindStyle("#E69F00", "#7A5400", "square"),
    "network": KindStyle("#009E73", "#00513B", "diamond"),
    "body": KindStyle("#CC79A7", "#7A3D62", "triangle"),
    "format": KindStyle("#56B4E9", "#1F5F87", "triangleDown"),
    "funding": KindStyle("#D55E00", "#6E3000", "star"),
}

PHYSICS: dict[str, Any] = {
    "solver": "barnesHut",
    "barnesHut": {
        "gravitationalConstant": -12000,
        "centralGravity": 0.6,
        "springLength": 160,
        "springConstant": 0.035,
        "damping": 0.3,
        "avoidOverlap": 0.6,
    },
    "stabilization": {"enabled": True, "iterations": 800, "updateInterval": 50, "fit": True},
}


def vendor_assets() -> dict[str, Path]:
    """The files the page needs, by the name under which a server offers them (``/static/vendor/<name>``)."""
    return {
        "vis-network.min.js": PYVIS_LIB / "vis-9.1.2" / "vis-network.min.js",
        "vis-network.css": PYVIS_LIB / "vis-9.1.2" / "vis-network.css",
    }


def write_network_page(
    graph: nx.Graph,
    path: str | Path,
    lang: str = "de",
    embed_assets: bool = True,
    *,
    asset_url: str = DEFAULT_ASSET_URL,
    metrics: NetworkMetrics | None = None,
    focus_plan: str | None = None,
) -> Path:
    """Write the page. ``embed_assets`` puts vis-network into the file (works from a USB stick);
    otherwise the page loads it from ``asset_url`` (a local path of the web app)."""
    target = Path(path)
    html = render_network_page(
        graph, lang, embed_assets, asset_url=asset_url, metrics=metrics, focus_plan=focus_plan
    )
    target.write_text(html, encoding="utf-8")
    return target


def render_network_page(
    graph: nx.Graph,
    lang: str = "de",
    embed_assets: bool = True,
    *,
    asset_url: str = DEFAULT_ASSET_URL,
    metrics: NetworkMetrics | None = None,
    focus_plan: str | None = None,
) -> str:
    lang = normalise_lang(lang)
    metrics = metrics or network_metrics(graph)
    nodes, edges, options = _vis_data(graph, metrics, lang)
    by_iri = {m.iri: m for m in metrics.nodes}
    labels = {n: str(graph.nodes[n].get("label", n)) for n in graph}
    assets = vendor_assets()
    context = {
        "lang": lang,
        "t": lambda key, **kw: t(key, lang, **kw),
        "kinds": [(k, STYLES[k], t(f"network.kind.{k}", lang)) for k in KINDS if _has_kind(graph, k)],
        "plans": sorted(
            ((n, labels[n]) for n, k in graph.nodes(data="kind") if k == "plan"),
            key=lambda p: p[1].casefold(),
        ),
        "focus_plan": focus_plan or "",
        "node_rows": [
            (by_iri[n], labels[n], t(f"network.kind.{graph.nodes[n]['kind']}", lang))
            for n in _table_order(metrics)
        ],
        "edge_rows": sorted(
            (
                (
                    labels[a],
                    labels[b],
                    ", ".join(t(f"network.edge.{k}", lang) for k in d["kinds"]),
                    d["label"],
                )
                for a, b, d in graph.edges(data=True)
            ),
            key=lambda r: (r[0].casefold(), r[1].casefold()),
        ),
        "central": [labels[m.iri] for m in metrics.most_central(5)],
        "brokers": [labels[n] for n in metrics.brokers],
        "isolated": [labels[n] for n in metrics.isolated_plans],
        "community_count": len(metrics.communities),
        "nodes_count": graph.number_of_nodes(),
        "edges_count": graph.number_of_edges(),
        "data_json": _script_json({"nodes": nodes, "edges": edges, "options": options}),
        "embed": embed_assets,
        "vis_js": Markup(_strip_source_map(assets["vis-network.min.js"].read_text(encoding="utf-8")))
        if embed_assets
        else "",
        "vis_css": Markup(assets["vis-network.css"].read_text(encoding="utf-8")) if embed_assets else "",
        "asset_url": asset_url.rstrip("/"),
        "visible_template": _script_json(t("network.page.visible", lang, nodes="{nodes}", edges="{edges}")),
        "swatch": _swatch,
    }
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(TEMPLATE).render(**context)


def _vis_data(graph: nx.Graph, metrics: NetworkMetrics, lang: str) -> tuple[list[dict], list[dict], dict]:
    """Nodes, edges and options via pyvis (its data model), without its HTML."""
    net = Network(height="720px", width="100%", directed=False, cdn_resources="local")
    by_iri = {m.iri: m for m in metrics.nodes}
    for node, data in graph.nodes(data=True):
        style = STYLES[data["kind"]]
        kind_label = t(f"network.kind.{data['kind']}", lang)
        net.add_node(
            node,
            label=data.get("label", node),
            title=f"{data.get('label', node)} ({kind_label})",
            shape=style.shape,
            color={
                "background": style.colour,
                "border": style.border,
                "highlight": {"background": style.colour, "border": "#000000"},
            },
            borderWidth=2,
            size=14 + 3 * min(by_iri[node].degree, 8),
            # well-linked nodes get larger labels: readable in the overview of a large network
            font={
                "size": 16 + 2 * min(by_iri[node].degree, 9),
                "color": "#111111",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            kind=data["kind"],
        )
    for a, b, data in graph.edges(data=True):
        kinds = [t(f"network.edge.{k}", lang) for k in data["kinds"]]
        title = ", ".join(kinds) + (f": {data['label']}" if data["label"] else "")
        net.add_edge(
            a,
            b,
            title=title,
            kind=data["kind"],
            width=3.5 if "interface" in data["kinds"] else (2.5 if "delimitation" in data["kinds"] else 1.2),
            dashes="delimitation" in data["kinds"] and "interface" not in data["kinds"],
            color={"color": "#3d3d3d" if data["kind"] in ("interface", "delimitation") else "#8a8a8a"},
        )
    net.set_options(
        json.dumps(
            {
                "physics": PHYSICS,
                "interaction": {
                    "hover": True,
                    "keyboard": {"enabled": True, "bindToWindow": False},
                    "navigationButtons": False,
                    "tooltipDelay": 150,
                },
                "nodes": {"font": {"face": "system-ui, sans-serif"}},
                "edges": {"smooth": {"type": "continuous"}},
            }
        )
    )
    nodes, edges, _, _, _, options = net.get_network_data()
    return nodes, edges, json.loads(options)


def _swatch(style: KindStyle) -> Markup:
    """A small inline SVG of the node's shape and colour for legend and filters (no image files)."""
    paint = f'fill="{style.colour}" stroke="{style.border}" stroke-width="2"'
    shapes = {
        "dot": f'<circle cx="10" cy="10" r="8" {paint}/>',
        "square": f'<rect x="2" y="2" width="16" height="16" {paint}/>',
        "diamond": f'<polygon points="10,1 19,10 10,19 1,10" {paint}/>',
        "triangle": f'<polygon points="10,2 19,18 1,18" {paint}/>',
        "triangleDown": f'<polygon points="1,2 19,2 10,18" {paint}/>',
        "star": f'<polygon points="{STAR_POINTS}" {paint}/>',
    }
    svg = '<svg class="swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">'
    return Markup(f"{svg}{shapes[style.shape]}</svg>")


def _table_order(metrics: NetworkMetrics) -> list[str]:
    return [m.iri for m in sorted(metrics.nodes, key=lambda m: (KINDS.index(m.kind), m.label.casefold()))]


def _has_kind(graph: nx.Graph, kind: str) -> bool:
    return any(k == kind for _, k in graph.nodes(data="kind"))


def _script_json(data: Any) -> Markup:
    """JSON safe inside <script>: no "</" can end the element early."""
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")
    return Markup(text)


def _strip_source_map(js: str) -> str:
    # split on "\n" only: str.splitlines() would also cut at U+2028 etc. inside JavaScript strings
    return "\n".join(line for line in js.split("\n") if not line.startswith("//# sourceMappingURL"))


__all__ = ["EDGE_KINDS", "STYLES", "render_network_page", "vendor_assets", "write_network_page"]
