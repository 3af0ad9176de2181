"""The network as one interactive HTML page that works without internet: vis-network (shipped in
pyvis's package) inlined or served from a local path, German text first, a legend, filters by kind and
by plan, and — for people who cannot or do not want to use the picture — a text summary and data
tables of every node and link.

A large network (more than ``START_VIEW_MIN_NODES`` nodes, e.g. all of Erfurt) starts with plans,
bodies and networks only; organisations, participation formats and funding schemes can be switched
on. Names of weakly linked nodes appear when one zooms in. Served by the web app (``site=True``), the
page has the app's header, navigation, skip link and footer, and its tables link to the entries.

vis-network comes from pyvis's package; the page itself comes from our own Jinja template, because
pyvis's template loads Bootstrap and other files from a CDN.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

import isrp_graph.network_texts  # registers the page's further texts
import isrp_graph.reporting.texts
from isrp_graph.changes import texts as _change_texts  # noqa: F401  (registers web.nav.changes)
from isrp_graph.cycle import texts as _cycle_texts  # noqa: F401  (web.nav.impact)
from isrp_graph.messages import normalise_lang, register, t
from isrp_graph.namespaces import BASE
from isrp_graph.network import EDGE_KINDS, KINDS, NetworkMetrics, network_metrics
from isrp_graph.network_layout import layout, node_box, wrap_label

TEMPLATE = "network_page.html.j2"
SCRIPT = Path(__file__).parent / "network_page.js"  # the page's own script (a file: strict CSP)
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

# Positions are computed on the server (isrp_graph.network_layout): no physics in the browser, the
# same picture on every visit, no label over another.
LAYOUT_SEED = 7
# layouts computed since start: "fresh" (force layout from scratch), "moved" (previous positions kept,
# overlaps removed), "reused" (nothing the layout shows changed); read by tests and benchmarks
LAYOUT_COUNTS: Counter[str] = Counter()

# Larger networks start with these kinds; the others are one checkbox away.
START_KINDS: tuple[str, ...] = ("plan", "network", "body")
START_VIEW_MIN_NODES = 40
# Label size by number of links (picture units): well-linked nodes are named larger.
LABEL_SIZES = ((6, 26), (3, 22), (0, 19))  # (at least this many links, font size in picture units)
LABEL_DRAW_THRESHOLD = 3  # px on screen: every label of the start view is drawn
LABEL_MAX_VISIBLE = 40  # px on screen: zoomed-in labels stop growing here
LABEL_VADJUST = 0  # label right under the symbol (the layout keeps LABEL_GAP free)
MAX_FIT_SCALE = 1.4  # a few nodes (one plan in focus) are not zoomed in to giant labels
PRESETS_INLINE_MAX_NODES = 400  # larger networks: the page fetches a preset's layout when chosen
PRESET_KINDS: tuple[tuple[str, str], ...] = (
    ("plan", "network.page.preset_plans"),
    ("body", "network.page.preset_bodies"),
    ("network", "network.page.preset_networks"),
)

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
    ("/sozialplanungsreport", "web.nav.spr"),
    ("/karte", "web.nav.map"),
    ("/abfrage", "web.nav.sparql"),
    ("/bearbeiten", "web.nav.edit"),
    ("/aenderungen", "web.nav.changes"),
    ("/konto", "auth.nav.account"),
)
SITE_PATH = "/netzwerk"

import isrp_graph.auth.texts  # noqa: E402, F401  (registers auth.nav.account)

register(
    {
        "web.nav.map": {"de": "Karte", "en": "Map"},
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


def script_path() -> Path:
    """The page's script, offered by the web app (a file, so that a strict CSP allows it)."""
    return SCRIPT


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
    model: PageModel | None = None,
    script_url: str | None = None,
    notice: str = "",
) -> str:
    """The page as HTML. ``site=True``: served by the web app – with its header, navigation, footer
    and style sheet (``/static/css/isrp.css``), names linked to the entry pages. ``model`` (from
    ``page_model``, e.g. cached per store version) saves computing layout and measures again;
    ``script_url`` loads the page's script from there instead of inlining it (strict CSP)."""
    lang = normalise_lang(lang)
    if model is None:
        model = page_model(graph, lang, metrics=metrics, site=site)
    focus = focus_plan if focus_plan and focus_plan in model.presets_index else ""
    context = {
        **model.context,
        "focus_plan": focus,
        "reduced": model.context["reduced"] and not focus,
        "data_json": _script_json({**model.data, "focus": focus}),
        "embed": embed_assets,
        "asset_url": asset_url.rstrip("/"),
        "script_url": script_url,
        "notice": notice,
        "site": _site_context(lang, focus_plan, model.context["illustrative"]) if site else None,
        "swatch": _swatch,
        "capital": _capital,
        "t": lambda key, **kw: t(key, lang, **kw),
    }
    if embed_assets:
        assets = vendor_assets()
        vis_js = assets["vis-network.min.js"].read_text(encoding="utf-8")
        context["vis_js"] = Markup(_strip_source_map(vis_js))
        context["vis_css"] = Markup(assets["vis-network.css"].read_text(encoding="utf-8"))
    if not script_url:
        context["page_js"] = Markup(SCRIPT.read_text(encoding="utf-8").replace("</", "<\\/"))
    return _environment().get_template(TEMPLATE).render(**context)


@cache
def _environment() -> Environment:
    """One Jinja environment per process: the template is compiled once (compiling took longer than
    rendering, on every page after a save), and again only when its file changes."""
    return Environment(
        loader=FileSystemLoader(Path(__file__).parent),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class PageModel:
    """Everything of the page that depends on the network only (not on the request): layouts,
    presets, measures and table rows. Worth caching per store version."""

    context: dict[str, Any]
    data: dict[str, Any]
    presets_index: frozenset[str]
    # what each layout was computed from (nodes, links, boxes): a later model reuses a layout whose
    # key is unchanged and starts the others from their previous positions
    layout_keys: dict[str, tuple] = field(default_factory=dict)


class _Layouts:
    """Layouts of one page model, reusing those of ``previous`` where nothing they show changed."""

    def __init__(self, boxes: dict[str, Any], previous: PageModel | None) -> None:
        self.boxes = boxes
        self.keys: dict[str, tuple] = {}
        self.previous = previous
        self.reused = self.moved = self.fresh = 0

    def __call__(self, name: str, graph: nx.Graph, old: dict[str, Any] | None) -> dict[str, Any]:
        nodes = sorted(graph)
        key = (
            tuple(nodes),
            tuple(sorted(tuple(sorted(e)) for e in graph.edges())),
            tuple(self.boxes[n] for n in nodes),
        )
        self.keys[name] = key
        if self.previous is not None and old is not None and self.previous.layout_keys.get(name) == key:
            self.reused += 1
            return old
        if old:
            self.moved += 1
        else:
            self.fresh += 1
        return layout(graph, self.boxes, seed=LAYOUT_SEED, previous=old or None)


def page_model(
    graph: nx.Graph,
    lang: str = "de",
    *,
    metrics: NetworkMetrics | None = None,
    site: bool = False,
    previous: PageModel | None = None,
) -> PageModel:
    """The page model; with ``previous`` (the model before a save) every layout whose nodes, links
    and boxes are unchanged is reused and the others keep the positions of their unchanged nodes."""
    lang = normalise_lang(lang)
    metrics = metrics or network_metrics(graph)
    by_iri = {m.iri: m for m in metrics.nodes}
    labels = {n: str(graph.nodes[n].get("label", n)) for n in graph}
    boxes = {n: node_box(labels[n], node_size(by_iri[n].degree), label_size(by_iri[n].degree)) for n in graph}
    present = [k for k in KINDS if _has_kind(graph, k)]
    reduced = graph.number_of_nodes() > START_VIEW_MIN_NODES
    start_kinds = [k for k in present if k in START_KINDS] if reduced else present
    if not start_kinds:
        start_kinds = present
    old_views = previous.data["views"] if previous is not None else {}
    old_presets = previous.data["presets"] if previous is not None else {}
    layouts = _Layouts(boxes, previous)
    views = {"all": layouts("all", graph, old_views.get("all"))}
    if start_kinds != present:
        start = graph.subgraph([n for n, k in graph.nodes(data="kind") if k in start_kinds])
        views["start"] = layouts("start", start, old_views.get("start"))
    else:
        views["start"] = views["all"]
    presets: dict[str, dict[str, Any]] = {}
    groups = []
    for kind, key in PRESET_KINDS:
        members = sorted(
            (n for n, k in graph.nodes(data="kind") if k == kind), key=lambda n: labels[n].casefold()
        )
        if len(graph) <= PRESETS_INLINE_MAX_NODES:
            for n in members:
                ego = nx.ego_graph(graph, n, radius=1)
                old = old_presets.get(n)
                pos = layouts("preset:" + n, ego, old["pos"] if old else None)
                kept = old is not None and pos is old["pos"]
                presets[n] = old if kept else {"nodes": sorted(ego), "pos": pos}
        if members:
            groups.append((t(key, lang), [(n, labels[n]) for n in members]))
    nodes, edges, options = _vis_data(graph, metrics, lang, views["all"])
    community_names = [
        t("network.community.name", lang, name=labels[members[0]]) for members in metrics.communities
    ]

    def entry_href(iri: str) -> str | None:
        return _entry_path(iri, lang) if site else None

    context = {
        "lang": lang,
        "kinds": [(k, STYLES[k], _capital(t(f"network.kind.{k}", lang))) for k in present],
        "start_kinds": start_kinds,
        "reduced": reduced and start_kinds != present,
        "plans": sorted(
            ((n, labels[n]) for n, k in graph.nodes(data="kind") if k == "plan"),
            key=lambda p: p[1].casefold(),
        ),
        "preset_groups": groups,
        "node_options": sorted(((n, labels[n]) for n in graph), key=lambda p: p[1].casefold()),
        "node_rows": [
            (
                by_iri[n],
                labels[n],
                t(f"network.kind.{graph.nodes[n]['kind']}", lang),
                entry_href(n),
                german_number(by_iri[n].betweenness, 3),
                community_names[by_iri[n].community],
            )
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
        "community_names": [
            name
            for name, members in zip(community_names, metrics.communities, strict=True)
            if len(members) > 1
        ][:5],
        "illustrative": bool(graph.graph.get("include_illustrative")),
        "nodes_count": graph.number_of_nodes(),
        "edges_count": graph.number_of_edges(),
    }
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "views": views,
        "presets": presets,
        "presetUrl": (
            f"{SITE_PATH}?format=json&ansicht=" if site and len(graph) > PRESETS_INLINE_MAX_NODES else ""
        ),
        "links": {n: entry_href(n) for n in graph} if site else {},
        "kindLabels": {k: t(f"network.kind.{k}", lang) for k in present},
        "startKinds": start_kinds,
        "maxFitScale": MAX_FIT_SCALE,
        "styles": {k: {"colour": v.colour, "border": v.border, "shape": v.shape} for k, v in STYLES.items()},
        "texts": {
            "visible": t("network.page.shown", lang, nodes="{nodes}", edges="{edges}"),
            "selected": t("network.page.selected", lang, name="{name}", kind="{kind}", n="{n}"),
            "openEntry": t("network.page.open_entry", lang),
            "projector": t("network.page.projector", lang),
            "projectorEnd": t("network.page.projector_end", lang),
            "title": t("network.page.title", lang),
        },
    }
    preset_ids = {n for _, members in groups for n, _ in members}
    LAYOUT_COUNTS.update(reused=layouts.reused, moved=layouts.moved, fresh=layouts.fresh)
    return PageModel(
        context=context, data=data, presets_index=frozenset(preset_ids), layout_keys=layouts.keys
    )


def preset_view(graph: nx.Graph, node: str, boxes: dict[str, Any] | None = None) -> dict[str, Any]:
    """One entry with everything linked to it, laid out on its own (a preset for the meeting)."""
    ego = nx.ego_graph(graph, node, radius=1)
    if boxes is None:
        boxes = {}
        for n in ego:
            degree = graph.degree(n)
            boxes[n] = node_box(str(graph.nodes[n].get("label", n)), node_size(degree), label_size(degree))
    return {"nodes": sorted(ego), "pos": layout(ego, boxes, seed=LAYOUT_SEED)}


def german_number(value: float, digits: int) -> str:
    """1234.5 → "1.234,5" (German grouping and decimal comma)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def node_size(degree: int) -> int:
    return 12 + 2 * min(degree, 8)


def _site_context(lang: str, focus_plan: str | None, illustrative: bool = False) -> dict[str, Any]:
    """Header, navigation and footer of the web app (its texts are registered by ``api.i18n``)."""
    other = "en" if lang == "de" else "de"
    keep = {**({"plan": focus_plan} if focus_plan else {}), **({"beispiele": "1"} if illustrative else {})}
    switch = {**keep, "lang": other}
    own = {**keep, **({"lang": lang} if lang != "de" else {})}
    toggle = {k: v for k, v in own.items() if k != "beispiele"} | ({} if illustrative else {"beispiele": "1"})
    return {
        "illustrative_href": f"{SITE_PATH}?{urlencode(toggle)}" if toggle else SITE_PATH,
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


def _vis_data(
    graph: nx.Graph, metrics: NetworkMetrics, lang: str, positions: dict[str, tuple[float, float]]
) -> tuple[list[dict], list[dict], dict]:
    """vis-network's nodes, edges and options (plain dicts: pyvis's add_edge checks every earlier edge,
    which is quadratic for large networks). Labels are wrapped at word boundaries here (vis-network's
    own wrapping breaks inside words)."""
    by_iri = {m.iri: m for m in metrics.nodes}
    nodes = []
    for node, data in graph.nodes(data=True):
        style = STYLES[data["kind"]]
        kind_label = t(f"network.kind.{data['kind']}", lang)
        name = str(data.get("label", node))
        x, y = positions[node]
        degree = by_iri[node].degree
        nodes.append(
            {
                "id": node,
                "label": wrap_label(name),
                "name": name,
                "title": f"{name} ({kind_label})",
                "shape": style.shape,
                "color": {
                    "background": style.colour,
                    "border": style.border,
                    "highlight": {"background": style.colour, "border": "#000000"},
                },
                "borderWidth": 2,
                "size": node_size(degree),
                "font": {
                    "size": label_size(degree),
                    "color": "#111111",
                    "strokeWidth": 4,
                    "strokeColor": "#ffffff",
                    "vadjust": LABEL_VADJUST,
                },
                "x": x,
                "y": y,
                "kind": data["kind"],
            }
        )
    edges = []
    for a, b, data in graph.edges(data=True):
        kinds = [t(f"network.edge.{k}", lang) for k in data["kinds"]]
        title = ", ".join(kinds) + (f": {data['label']}" if data["label"] else "")
        edges.append(
            {
                "from": a,
                "to": b,
                "title": title,
                "kind": data["kind"],
                "width": 3.5
                if "interface" in data["kinds"]
                else (2.5 if "delimitation" in data["kinds"] else 1.2),
                "dashes": "delimitation" in data["kinds"] and "interface" not in data["kinds"],
                "color": {"color": "#3d3d3d" if data["kind"] in ("interface", "delimitation") else "#8a8a8a"},
            }
        )
    options = {
        "physics": {"enabled": False},
        "layout": {"randomSeed": LAYOUT_SEED},
        "interaction": {
            "hover": True,
            # arrows move, + and − zoom (in steps one notices) once the picture has the focus
            "keyboard": {"enabled": True, "bindToWindow": False, "speed": {"x": 12, "y": 12, "zoom": 0.06}},
            "navigationButtons": False,
            "tooltipDelay": 150,
            "dragNodes": True,
        },
        "nodes": {
            "font": {"face": "system-ui, sans-serif"},
            "scaling": {"label": {"drawThreshold": LABEL_DRAW_THRESHOLD, "maxVisible": LABEL_MAX_VISIBLE}},
        },
        "edges": {"smooth": False},
    }
    return nodes, edges, options


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
