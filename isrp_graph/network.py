"""The planning system as a network for the Begleitgremium: plans, organisations, networks, bodies,
participation formats and funding schemes as nodes; their links (responsibility, interfaces and
delimitations between plans, network and body membership, lead and coordination, funding, plan →
network) as edges. Measures come from networkx: degree and betweenness centrality, brokers,
communities and plans that stand alone.

Plans are always nodes; every other entry only when it has at least one link, so the picture shows
the planning system and not every office in town.

``kommunen`` (municipality IRIs; empty = all) draws the network of those municipalities: the entries
linked to one of them by ``isrp:municipality``, the municipality nodes themselves, and shared entries
without a municipality (funding schemes) where a link joins them to such an entry — never an entry of
another municipality, so no link leads there either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from statistics import mean, pstdev
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef

from isrp_graph.messages import normalise_lang
from isrp_graph.scope.municipalities import MUNICIPALITY_TYPE, values_block
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

KINDS: tuple[str, ...] = ("plan", "organisation", "network", "body", "format", "funding")
EDGE_KINDS: tuple[str, ...] = (
    "interface",
    "delimitation",
    "network",
    "responsible",
    "funding",
    "lead",
    "coordination",
    "member",
    "support",
    "participation",
)
PLAN_LINKS = {"interface", "delimitation"}

# Classes per kind; the first matching kind wins (an integrated plan is a plan, a network is not
# counted as an organisation although it is one in W3C ORG).
NODES_QUERY = """
SELECT ?node ?kind ?rank ?label ?illustrative ?kommune ?otype WHERE {
  VALUES (?class ?kind ?rank) {
    (isrp:SectoralPlan "plan" 1) (isrp:Network "network" 2) (isrp:Body "body" 3)
    (isrp:ParticipationFormat "format" 4) (isrp:FundingScheme "funding" 5)
    (org:Organization "organisation" 6) (org:OrganizationalUnit "organisation" 6)
    (isrp:AdministrativeUnit "organisation" 6) (isrp:CouncilBody "organisation" 6)
  }
  ?node a ?type .
  ?type rdfs:subClassOf* ?class .
  FILTER(isIRI(?node))
  OPTIONAL { ?node rdfs:label ?label }
  OPTIONAL { ?node isrp:illustrative ?illustrative }
  OPTIONAL { ?node isrp:municipality ?kommune }
  OPTIONAL { ?node isrp:organizationType ?otype . FILTER(?otype = <#KOMMUNE_TYPE#>) }
}
""".replace("#KOMMUNE_TYPE#", MUNICIPALITY_TYPE)
SCOPE_KEYS = ("kommune", "is_kommune")  # candidate facts used for the scope, not node attributes

# ?via (the interface or delimitation that links two plans) and its label are bound only in the
# branch that has one: an OPTIONAL over an unbound ?via outside the branches would join every link
# with every label in the store (216,054 rows for 125 links at Erfurt size).
# #SCOPE#: in every branch, for a municipality's network, the link's end bound to its entries (the
# store then starts each branch from them instead of joining a union of every link in the store)
EDGES_TEMPLATE = """
SELECT DISTINCT ?a ?b ?kind ?via ?viaLabel ?viaIllustrative WHERE {
  {
    #SCOPE#
    ?a isrp:responsibleOrganization ?b . BIND("responsible" AS ?kind)
  } UNION {
    #SCOPE#
    VALUES (?relation ?kind) { (isrp:Interface "interface") (isrp:Delimitation "delimitation") }
    ?t rdfs:subClassOf* ?relation .
    ?via a ?t ; isrp:relatesPlan ?a , ?b . FILTER(isIRI(?via) && STR(?a) < STR(?b))
    OPTIONAL { ?via rdfs:label ?viaLabel }
    OPTIONAL { ?via isrp:illustrative ?viaIllustrative }
  } UNION {
    #SCOPE#
    ?a isrp:network ?b . BIND("network" AS ?kind)
  } UNION {
    #SCOPE#
    { ?a isrp:fundingScheme ?b } UNION { ?a isrp:fundedBy ?b } BIND("funding" AS ?kind)
  } UNION {
    #SCOPE#
    { ?b org:hasMember ?a } UNION { ?a org:memberOf ?b }
    UNION { ?b isrp:membership ?m . ?m org:member ?a . FILTER NOT EXISTS { ?m isrp:illustrative true } }
    BIND("member" AS ?kind)
  } UNION {
    #SCOPE#
    ?b isrp:lead ?a . BIND("lead" AS ?kind)
  } UNION {
    #SCOPE#
    { ?b isrp:coordination ?a } UNION { ?b isrp:coordinatedBy ?a } BIND("coordination" AS ?kind)
  } UNION {
    #SCOPE#
    ?b isrp:support ?a . BIND("support" AS ?kind)
  } UNION {
    #SCOPE#
    ?a isrp:participationElement ?b . BIND("participation" AS ?kind)
  }
  FILTER(isIRI(?a) && isIRI(?b) && ?a != ?b)
}
"""
EDGES_QUERY = EDGES_TEMPLATE.replace("    #SCOPE#\n", "")


def build_network(
    store: Store, lang: str = "de", *, include_illustrative: bool = False, kommunen: Iterable[str] = ()
) -> nx.Graph:
    """The network of the registry in ``store``; node and edge attributes are described in the module
    docs (``kind``, ``label``, ``label_de``, ``label_en``, ``iri``, ``illustrative``; edges ``kind``,
    ``kinds``, ``label``). Examples (``isrp:illustrative true``: entries, and interfaces or
    delimitations) are left out unless ``include_illustrative``: they are never counted. ``kommunen``:
    the network of those municipalities only (see the module text)."""
    scope = tuple(kommunen)
    candidates = node_candidates(store, kommunen=scope)
    return network_from(store, candidates, lang, include_illustrative=include_illustrative, kommunen=scope)


def in_scope(iri: str, info: dict[str, Any], kommunen: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether the candidate ``iri`` belongs to the network of ``kommunen`` (empty: every one)."""
    if not kommunen:
        return True
    if info.get("kommune"):
        return info["kommune"] in kommunen
    return not info.get("is_kommune") or iri in kommunen


def network_from(
    store: Store,
    candidates: dict[str, dict[str, Any]],
    lang: str = "de",
    *,
    include_illustrative: bool = False,
    kommunen: Iterable[str] = (),
) -> nx.Graph:
    """The network from the given node candidates (``node_candidates``) and the links in ``store``,
    of ``kommunen`` only if given."""
    lang = normalise_lang(lang)
    scope = tuple(sorted(set(kommunen)))
    rows = _edge_rows(store, scope)
    if scope:  # the shared entries a link joins to the municipality's (the candidates may lack them)
        missing = {str(r[k]) for r in rows for k in ("a", "b")} - set(candidates)
        if missing:
            candidates = {**candidates, **node_candidates(store, only=missing)}
    nodes = {iri: info for iri, info in candidates.items() if in_scope(iri, info, frozenset(scope))}
    if not include_illustrative:
        nodes = {iri: info for iri, info in nodes.items() if not info["illustrative"]}
    graph = nx.Graph(lang=lang, include_illustrative=include_illustrative)
    edges = _edges(rows, nodes, include_illustrative)
    linked = {n for edge in edges for n in edge[:2]}
    for iri in sorted(
        nodes, key=lambda i: (KINDS.index(nodes[i]["kind"]), nodes[i]["label_de"].casefold(), i)
    ):
        info = nodes[iri]
        if info["kind"] == "plan" or iri in linked:
            shown = {k: v for k, v in info.items() if k not in SCOPE_KEYS}
            graph.add_node(iri, iri=iri, **shown, label=info[f"label_{lang}"])
    for a, b, kind, via, via_labels in sorted(
        edges, key=lambda e: (e[0], e[1], EDGE_KINDS.index(e[2]), e[3])
    ):
        if a not in graph or b not in graph:
            continue
        label = via_labels.get(lang) or via_labels.get("de") or ""
        if graph.has_edge(a, b):
            data = graph.edges[a, b]
            data["kinds"] = tuple(sorted({*data["kinds"], kind}, key=EDGE_KINDS.index))
            data["kind"] = data["kinds"][0]
            if label and label not in data["labels"]:
                data["labels"] = (*data["labels"], label)
            if via and via not in data["via"]:
                data["via"] = (*data["via"], via)
        else:
            graph.add_edge(
                a,
                b,
                kind=kind,
                kinds=(kind,),
                labels=(label,) if label else (),
                via=(via,) if via else (),
                source=a,
                target=b,
            )
    for _, _, data in graph.edges(data=True):
        data["label"] = "; ".join(data["labels"])
    return graph


def node_candidates(
    store: Store, only: Iterable[str] | None = None, kommunen: Iterable[str] = ()
) -> dict[str, dict[str, Any]]:
    """Every entry that can be a node (kind, German and English label, example or not), or only those
    of ``only`` (after a save: the entries it touched), or (``kommunen``) the entries of those
    municipalities and the municipality nodes (the shared entries their links reach are added by
    ``network_from``)."""
    query = NODES_QUERY
    scope = tuple(kommunen)
    if only is None and scope:
        block = values_block("_kommune", scope)
        own = NODES_QUERY.replace(
            "?node a ?type .", f"{block} ?node isrp:municipality ?_kommune .\n  ?node a ?type ."
        )
        return {**_nodes(store, own), **node_candidates(store, only=scope)}
    if only is not None:
        wanted = sorted(set(only))
        if not wanted:
            return {}
        values = " ".join(sparql_iri(i) for i in wanted)
        query = NODES_QUERY.replace("?node a ?type .", f"VALUES ?node {{ {values} }}\n  ?node a ?type .")
    return _nodes(store, query)


def _nodes(store: Store, query: str = NODES_QUERY) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    labels: dict[str, dict[str, str]] = {}
    for row in store.select(query).rows:
        iri = str(row["node"])
        rank = int(row["rank"])  # type: ignore[arg-type]
        if iri not in found or rank < found[iri]["rank"]:
            was = found.get(iri, {}).get("illustrative", False)
            found[iri] = {
                "kind": str(row["kind"]),
                "rank": rank,
                "illustrative": was,
                "kommune": found.get(iri, {}).get("kommune", ""),
                "is_kommune": found.get(iri, {}).get("is_kommune", False),
            }
        if _true(row.get("illustrative")):
            found[iri]["illustrative"] = True
        if isinstance(row.get("kommune"), URIRef):
            found[iri]["kommune"] = found[iri]["kommune"] or str(row["kommune"])
        if row.get("otype") is not None:
            found[iri]["is_kommune"] = True
        label = row.get("label")
        if isinstance(label, Literal):
            labels.setdefault(iri, {}).setdefault(label.language or "", str(label))
    result: dict[str, dict[str, Any]] = {}
    for iri, info in found.items():
        names = labels.get(iri, {})
        de = names.get("de") or names.get("") or names.get("en") or _local(iri)
        result[iri] = {
            "kind": info["kind"],
            "label_de": de,
            "label_en": names.get("en") or de,
            "illustrative": info["illustrative"],
            "kommune": info["kommune"],
            "is_kommune": info["is_kommune"],
        }
    return result


def _true(value: object) -> bool:
    return isinstance(value, Literal) and value.toPython() is True


def _edge_rows(store: Store, kommunen: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Every link of the store, or (``kommunen``) those with an end linked to one of them."""
    if not kommunen:
        return list(store.select(EDGES_QUERY).rows)
    block = values_block("_kommune", kommunen)
    rows: list[dict[str, Any]] = []
    for end in ("a", "b"):
        bound = f"{block} ?{end} isrp:municipality ?_kommune ."
        rows += store.select(EDGES_TEMPLATE.replace("#SCOPE#", bound)).rows
    return rows


def _edges(
    rows: list[dict[str, Any]], nodes: dict[str, dict[str, Any]], include_illustrative: bool = False
) -> list[tuple[str, str, str, str, dict[str, str]]]:
    collected: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for row in rows:
        a, b = str(row["a"]), str(row["b"])
        if a not in nodes or b not in nodes:
            continue
        if _true(row.get("viaIllustrative")) and not include_illustrative:
            continue
        via = str(row["via"]) if isinstance(row.get("via"), URIRef) else ""
        if str(row["kind"]) not in PLAN_LINKS:
            via = ""  # memberships are structure, not something to name on the edge
        key = (a, b, str(row["kind"]), via)
        names = collected.setdefault(key, {})
        label = row.get("viaLabel")
        if via and isinstance(label, Literal):
            names.setdefault(label.language or "de", str(label))
    return [(a, b, kind, via, names) for (a, b, kind, via), names in collected.items()]


# --- measures --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeMetrics:
    iri: str
    label: str
    kind: str
    degree: int
    degree_centrality: float
    betweenness: float
    community: int
    articulation_point: bool
    broker: bool


@dataclass(frozen=True)
class NetworkMetrics:
    """Measures of a network. ``nodes`` is sorted by betweenness, then degree (most central first);
    ``communities`` lists node IRIs per community, largest first (community numbers index it)."""

    node_count: int
    edge_count: int
    density: float
    nodes: tuple[NodeMetrics, ...]
    communities: tuple[tuple[str, ...], ...]
    brokers: tuple[str, ...]
    isolated_plans: tuple[str, ...]

    def most_central(self, n: int = 5) -> tuple[NodeMetrics, ...]:
        return tuple(m for m in self.nodes if m.degree > 0)[:n]

    def node(self, iri: str) -> NodeMetrics:
        return next(m for m in self.nodes if m.iri == iri)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Exact measures up to this many nodes (Erfurt has about 85); above, betweenness is estimated from
# BETWEENNESS_SAMPLES sources and communities come from Louvain: cost grows with the links, not n·m.
EXACT_MAX_NODES = 400
BETWEENNESS_SAMPLES = 100
SEED = 7


@dataclass(frozen=True)
class StructureMeasures:
    """The measures that depend on the nodes and links only, not on the labels: kept over a save
    that only renamed entries."""

    degree: dict[str, float]
    betweenness: dict[str, float]
    groups: tuple[frozenset[str], ...]
    articulation: frozenset[str]


def structure_key(graph: nx.Graph) -> tuple[frozenset, frozenset]:
    """Nodes (with kind) and links: equal keys, equal ``StructureMeasures``."""
    return (
        frozenset((n, k) for n, k in graph.nodes(data="kind")),
        frozenset(frozenset(e) for e in graph.edges()),
    )


def measure_structure(graph: nx.Graph) -> StructureMeasures:
    degree = nx.degree_centrality(graph) if len(graph) > 1 else {n: 0.0 for n in graph}
    if len(graph) <= 2:
        betweenness = {n: 0.0 for n in graph}
    elif len(graph) <= EXACT_MAX_NODES:
        betweenness = nx.betweenness_centrality(graph, normalized=True)
    else:
        betweenness = nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLES, normalized=True, seed=SEED)
    articulation = frozenset(nx.articulation_points(graph)) if len(graph) else frozenset()
    return StructureMeasures(degree, betweenness, tuple(_groups(graph)), articulation)


def network_metrics(graph: nx.Graph, structure: StructureMeasures | None = None) -> NetworkMetrics:
    """The measures of ``graph``; ``structure`` (of a graph with the same ``structure_key``) saves
    computing centralities and communities again."""
    structure = structure or measure_structure(graph)
    degree, betweenness, articulation = structure.degree, structure.betweenness, structure.articulation
    communities = _communities(graph, structure.groups)
    member_of = {n: i for i, members in enumerate(communities) for n in members}
    values = list(betweenness.values())
    threshold = max(mean(values) + pstdev(values), 1e-9) if values else 1.0
    brokers = []
    for node in graph:
        spans = len({member_of[m] for m in graph.neighbors(node)} - {member_of[node]}) >= 1
        if spans and (node in articulation or betweenness[node] >= threshold):
            brokers.append(node)
    metrics = [
        NodeMetrics(
            iri=node,
            label=str(graph.nodes[node].get("label", node)),
            kind=str(graph.nodes[node].get("kind", "")),
            degree=int(graph.degree(node)),
            degree_centrality=round(degree[node], 6),
            betweenness=round(betweenness[node], 6),
            community=member_of[node],
            articulation_point=node in articulation,
            broker=node in brokers,
        )
        for node in graph
    ]
    metrics.sort(key=lambda m: (-m.betweenness, -m.degree, m.label.casefold(), m.iri))
    order = {m.iri: i for i, m in enumerate(metrics)}
    return NetworkMetrics(
        node_count=graph.number_of_nodes(),
        edge_count=graph.number_of_edges(),
        density=round(nx.density(graph), 6) if len(graph) > 1 else 0.0,
        nodes=tuple(metrics),
        communities=tuple(tuple(sorted(c, key=lambda n: order[n])) for c in communities),
        brokers=tuple(sorted(brokers, key=lambda n: order[n])),
        isolated_plans=tuple(
            sorted(isolated_plans(graph), key=lambda n: str(graph.nodes[n].get("label", n)))
        ),
    )


def _groups(graph: nx.Graph) -> list[frozenset[str]]:
    if graph.number_of_edges() == 0:
        return [frozenset({n}) for n in graph]
    return [
        frozenset(c)
        for c in (
            nx.community.greedy_modularity_communities(graph)
            if len(graph) <= EXACT_MAX_NODES
            else nx.community.louvain_communities(graph, seed=SEED)
        )
    ]


def _communities(graph: nx.Graph, groups: Iterable[frozenset[str]]) -> list[list[str]]:
    labels = {n: str(graph.nodes[n].get("label", n)).casefold() for n in graph}
    return [sorted(g) for g in sorted(groups, key=lambda g: (-len(g), min(labels[n] for n in g)))]


def isolated_plans(graph: nx.Graph) -> list[str]:
    """Plans with no interface or delimitation to another plan and no network shared with another plan."""
    plans = [n for n, kind in graph.nodes(data="kind") if kind == "plan"]
    result = []
    for plan in plans:
        linked = False
        for other in graph.neighbors(plan):
            data = graph.edges[plan, other]
            if graph.nodes[other]["kind"] == "plan" and PLAN_LINKS & set(data["kinds"]):
                linked = True
            elif graph.nodes[other]["kind"] == "network" and "network" in data["kinds"]:
                sharers = [
                    p
                    for p in graph.neighbors(other)
                    if p != plan
                    and graph.nodes[p]["kind"] == "plan"
                    and "network" in graph.edges[p, other]["kinds"]
                ]
                linked = linked or bool(sharers)
        if not linked:
            result.append(plan)
    return result


# --- views -----------------------------------------------------------------------------------------


def filter_kinds(graph: nx.Graph, kinds: Iterable[str]) -> nx.Graph:
    """Only nodes of these kinds (and the edges between them)."""
    wanted = set(kinds)
    return graph.subgraph([n for n, k in graph.nodes(data="kind") if k in wanted]).copy()


def neighbourhood(graph: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """A node and everything within ``radius`` links of it."""
    return nx.ego_graph(graph, node, radius=radius).copy()


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
