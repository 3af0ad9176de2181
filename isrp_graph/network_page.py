"""The network as one interactive HTML page that works without internet: vis-network (shipped in
pyvis's package) inlined or served from a local path, German text first, a legend, filters by kind and
by plan, and — for people who cannot or do not want to use the picture — a text summary and data
tables of every node and link.

A large network (more than ``START_VIEW_MIN_NODES`` nodes, e.g. all of Erfurt) starts with plans,
bodies and networks only; organisations, participation formats and funding schemes can be switched
on. Names of weakly linked nodes appear when one zooms in. Served by the web app (``site=True``), the
page has the app's header, navigation, skip link and footer, and its tables link to the entries.

pyvis builds the node and edge data and the physics options; the page itself comes from our own
Jinja template, because pyvis's template loads Bootstrap and other files from a CDN.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from isrp_graph.cycle import texts as _cycle_texts  # noqa: F401  (web.nav.impact)
from isrp_graph.messages import normalise_lang, register, t
from isrp_graph.namespaces import BASE
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

# Long springs and strong repulsion: at Erfurt size (≈ 85 nodes) the groups stay apart and readable.
PHYSICS: dict[str, Any] = {
    "solver": "barnesHut",
    "barnesHut": {
        "gravitationalConstant": -15000,
        "centralGravity": 0.8,
        "springLength": 300,
        "springConstant": 0.03,
        "damping": 0.35,
        "avoidOverlap": 1,
    },
    "stabilization": {"enabled": True, "iterations": 1000, "updateInterval": 50, "fit": True},
}

LAYOUT_SEED = 7

# Larger networks start with these kinds; the others are one checkbox away.
START_KINDS: tuple[str, ...] = ("plan", "network", "body")
START_VIEW_MIN_NODES = 40
# Label size by number of links. A label is drawn only from LABEL_MIN_PX on screen, so the whole
# picture names the well-linked nodes and the others appear when one zooms in.
LABEL_SIZES = ((6, 44), (3, 32), (0, 24))  # (at least this many links, font size in picture units)
LABEL_MIN_PX = 11  # on screen: smaller labels are not drawn (the page sets vis-network's drawThreshold)
LABEL_DRAW_THRESHOLD = LABEL_MIN_PX + 1  # vis-network draws from threshold − 1 px, fading up to threshold
LABEL_MAX_VISIBLE = 20  # px on screen: zoomed-in labels stay this size
LABEL_CHARS_PER_LINE = 11  # label width limit in font sizes (≈ 20 characters a line)
MAX_FIT_SCALE = 0.55  # a few nodes (one plan in focus) are not zoomed in to giant labels

# The web app's navigation (as in api/templates/base.html; a test keeps both the same).
SITE_NAV: tuple[tuple[str, str], ...] = (
    ("/", "web.nav.home"),
    ("/uebersicht", "web.nav.overview"),
    ("/schnittstellen", "web.nav.matrix"),
    ("/luecken", "web.nav.gaps"),
    ("/ueberschneidungen", "web.nav.overlaps"),
    ("/pruefung", "web.nav.validation"),
    ("/netzwerk", "web.nav.network"),
    ("/prozess", "web.nav.process"),
    ("/wirkung", "web.nav.impact"),
    ("/abfrage", "web.nav.sparql"),
    ("/bearbeiten", "web.nav.edit"),
)
SITE_PATH = "/netzwerk"

register(
    {
        "network.page.skip": {"de": "Zum Inhalt springen", "en": "Skip to content"},
        "network.page.start_note": {
            "de": "Zu Beginn zeigt das Bild nur Planungen, Gremien und Netzwerke. Organisationen, "
            "Beteiligungsformate und Förderprogramme lassen sich hier zuschalten.",
            "en": "At first the picture shows plans, bodies and networks only. Organisations, "
            "participation formats and funding schemes can be switched on here.",
        },
        "network.page.show_all": {"de": "Alle Arten zeigen", "en": "Show all kinds"},
        "network.page.start_view": {"de": "Startansicht", "en": "Start view"},
        "network.page.zoom": {"de": "Ansicht", "en": "View"},
        "network.page.zoom_in": {"de": "Vergrößern", "en": "Zoom in"},
        "network.page.zoom_out": {"de": "Verkleinern", "en": "Zoom out"},
        "network.page.fit": {"de": "Ganzes Bild", "en": "Whole picture"},
        "network.page.labels_note": {
            "de": "Große Zeichen sind stark vernetzt und tragen ihren Namen; die Namen der übrigen "
            "erscheinen beim Vergrößern oder beim Zeigen mit der Maus.",
            "en": "Large symbols are well linked and carry their names; the names of the others appear "
            "when you zoom in or point at them.",
        },
        "network.page.keys": {
            "de": "Tastatur: das Bild mit der Tabulatortaste ansteuern; Pfeiltasten verschieben, "
            "Plus und Minus vergrößern und verkleinern.",
            "en": "Keyboard: reach the picture with the Tab key; arrow keys move, plus and minus zoom.",
        },
        "network.page.picture_name": {
            "de": "Netzwerkbild: {nodes} Einträge und {edges} Verbindungen. Dieselben Angaben stehen in "
            "den Tabellen unten.",
            "en": "Network picture: {nodes} entries and {edges} links. The tables below hold the same facts.",
        },
        "network.page.shown": {
            "de": "Im Bild: {nodes} Einträge, {edges} Verbindungen",
            "en": "In the picture: {nodes} entries, {edges} links",
        },
        "network.page.select_hint": {
            "de": "Ein Zeichen anklicken hebt es mit seinen Verbindungen hervor.",
            "en": "Click a symbol to highlight it with its links.",
        },
        "network.page.open_hint": {
            "de": "Doppelklick öffnet den Eintrag.",
            "en": "Double-click opens the entry.",
        },
        "network.page.selected": {
            "de": "Ausgewählt: {name} ({kind}), {n} Verbindungen.",
            "en": "Selected: {name} ({kind}), {n} links.",
        },
        "network.page.open_entry": {"de": "Eintrag öffnen", "en": "Open entry"},
        "network.page.edge_other": {
            "de": "andere Verbindung (federführend, Mitglied, Förderung …)",
            "en": "other link (responsible, member, funding …)",
        },
        "network.page.table_scroll": {
            "de": "{caption} (waagerecht verschiebbar)",
            "en": "{caption} (scrolls sideways)",
        },
    }
)


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
    site: bool = False,
) -> str:
    """The page as HTML. ``site=True``: served by the web app – with its header, navigation, footer
    and style sheet (``/static/css/isrp.css``), names linked to the entry pages."""
    lang = normalise_lang(lang)
    metrics = metrics or network_metrics(graph)
    nodes, edges, options = _vis_data(graph, metrics, lang)
    by_iri = {m.iri: m for m in metrics.nodes}
    labels = {n: str(graph.nodes[n].get("label", n)) for n in graph}
    assets = vendor_assets()
    present = [k for k in KINDS if _has_kind(graph, k)]
    # a large network starts with plans, bodies and networks; a plan in focus shows all its links
    reduced = graph.number_of_nodes() > START_VIEW_MIN_NODES and not focus_plan
    start_kinds = [k for k in present if k in START_KINDS] if reduced else present
    if not start_kinds:
        start_kinds = present

    def entry_href(iri: str) -> str | None:
        return _entry_path(iri, lang) if site else None

    context = {
        "lang": lang,
        "t": lambda key, **kw: t(key, lang, **kw),
        "kinds": [(k, STYLES[k], _capital(t(f"network.kind.{k}", lang))) for k in present],
        "start_kinds": start_kinds,
        "reduced": reduced and start_kinds != present,
        "plans": sorted(
            ((n, labels[n]) for n, k in graph.nodes(data="kind") if k == "plan"),
            key=lambda p: p[1].casefold(),
        ),
        "focus_plan": focus_plan or "",
        "node_rows": [
            (by_iri[n], labels[n], t(f"network.kind.{graph.nodes[n]['kind']}", lang), entry_href(n))
            for n in _table_order(metrics)
        ],
        "edge_rows": sorted(
            (
                (
                    (labels[a], entry_href(a)),
                    (labels[b], entry_href(b)),
                    ", ".join(t(f"network.edge.{k}", lang) for k in d["kinds"]),
                    d["label"],
                )
                for a, b, d in graph.edges(data=True)
            ),
            key=lambda r: (r[0][0].casefold(), r[1][0].casefold()),
        ),
        "central": [labels[m.iri] for m in metrics.most_central(5)],
        "brokers": [labels[n] for n in metrics.brokers],
        "isolated": [labels[n] for n in metrics.isolated_plans],
        "community_count": len(metrics.communities),
        "nodes_count": graph.number_of_nodes(),
        "edges_count": graph.number_of_edges(),
        "data_json": _script_json(
            {
                "nodes": nodes,
                "edges": edges,
                "options": options,
                "links": {n: entry_href(n) for n in graph} if site else {},
                "kindLabels": {k: t(f"network.kind.{k}", lang) for k in present},
                "startKinds": start_kinds,
                "labelSizes": sorted({size for _, size in LABEL_SIZES}, reverse=True),
                "labelMinPx": LABEL_MIN_PX,
                "maxFitScale": MAX_FIT_SCALE,
            }
        ),
        "embed": embed_assets,
        "vis_js": Markup(_strip_source_map(assets["vis-network.min.js"].read_text(encoding="utf-8")))
        if embed_assets
        else "",
        "vis_css": Markup(assets["vis-network.css"].read_text(encoding="utf-8")) if embed_assets else "",
        "asset_url": asset_url.rstrip("/"),
        "visible_template": _script_json(t("network.page.shown", lang, nodes="{nodes}", edges="{edges}")),
        "selected_template": _script_json(
            t("network.page.selected", lang, name="{name}", kind="{kind}", n="{n}")
        ),
        "swatch": _swatch,
        "capital": _capital,
        "site": _site_context(lang, focus_plan) if site else None,
    }
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(TEMPLATE).render(**context)


def _site_context(lang: str, focus_plan: str | None) -> dict[str, Any]:
    """Header, navigation and footer of the web app (its texts are registered by ``api.i18n``)."""
    other = "en" if lang == "de" else "de"
    switch = {**({"plan": focus_plan} if focus_plan else {}), "lang": other}
    own = {**({"plan": focus_plan} if focus_plan else {}), **({"lang": lang} if lang != "de" else {})}
    return {
        "nav": [(_with_lang(path, lang), t(key, lang), path == SITE_PATH) for path, key in SITE_NAV],
        "home": _with_lang("/", lang),
        "switch": f"{SITE_PATH}?{urlencode(switch)}",
        "other": other,
        "json": f"{SITE_PATH}?{urlencode({**own, 'format': 'json'})}",
    }


def _capital(text: str) -> str:
    """A legend entry starts with a capital letter (the English kind names are lower case)."""
    return text[:1].upper() + text[1:]


def _with_lang(path: str, lang: str) -> str:
    return f"{path}?lang={lang}" if lang != "de" else path


def _entry_path(iri: str, lang: str) -> str:
    """The web app's page of an entry (as ``api.context.entry_path`` for the default base IRI)."""
    if iri.startswith(BASE) and "#" not in iri and len(iri) > len(BASE):
        return _with_lang("/" + quote(iri[len(BASE) :], safe="/-._~"), lang)
    query = {"iri": iri, **({"lang": lang} if lang != "de" else {})}
    return "/eintrag?" + urlencode(query)


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
            # well-linked nodes get larger labels: named in the overview, the others when zoomed in
            font={
                "size": label_size(by_iri[node].degree),
                "color": "#111111",
                "strokeWidth": 5,
                "strokeColor": "#ffffff",
            },
            widthConstraint={"maximum": LABEL_CHARS_PER_LINE * label_size(by_iri[node].degree)},
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
                "layout": {"randomSeed": LAYOUT_SEED},  # the same picture on every visit
                "interaction": {
                    "hover": True,
                    # arrows move, + and − zoom (in steps one notices) once the picture has the focus
                    "keyboard": {
                        "enabled": True,
                        "bindToWindow": False,
                        "speed": {"x": 12, "y": 12, "zoom": 0.06},
                    },
                    "navigationButtons": False,
                    "tooltipDelay": 150,
                },
                "nodes": {
                    "font": {"face": "system-ui, sans-serif"},
                    "scaling": {
                        "label": {
                            "drawThreshold": LABEL_DRAW_THRESHOLD,
                            "maxVisible": LABEL_MAX_VISIBLE,
                        }
                    },
                },
                "edges": {"smooth": {"type": "continuous"}},
            }
        )
    )
    nodes, edges, _, _, _, options = net.get_network_data()
    return nodes, edges, json.loads(options)


def label_size(degree: int) -> int:
    """Font size of a node's label: larger for nodes with more links."""
    return next(size for links, size in LABEL_SIZES if degree >= links)


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
