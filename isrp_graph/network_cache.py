"""The network after a save: refreshed from what the save touched, not rebuilt from scratch.

A commit listener (``isrp_graph.changes.commit``) keeps a short log of the entries every committed
change touched. ``refresh_network`` takes the network computed before and:

1. if none of the touched entries is in the network (a node, or the interface/delimitation behind a
   link) and none could become part of it (a node type, or a property the network is drawn from),
   keeps the previous network as it is — nothing is queried or laid out again;
2. otherwise reads the nodes of the touched entries again (the other nodes are as they were) and
   all links (one cheap query); if the network came out the same, keeps the previous one too;
3. otherwise computes the measures and the page model again, reusing every layout whose nodes, links
   and label boxes are unchanged and starting the others from the previous positions (no force
   layout: the picture stays where people know it).

Without a previous network, or when the change is not known (the log was trimmed, or the store was
changed without a commit, e.g. a restore), step 1 is skipped and every node is read again; so it is
when a class or property was touched (the node kinds follow the class hierarchy). ``REBUILDS`` counts
what happened
("full": measures and layouts from scratch; "refreshed": step 3; "unchanged": steps 1–2 kept the
previous network; "read": the network read from the store; "read touched": only the touched entries'
nodes read again, with all links).
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
from rdflib import URIRef

from isrp_graph.changes.commit import add_commit_listener, commit_version
from isrp_graph.network import (
    StructureMeasures,
    measure_structure,
    network_from,
    network_metrics,
    node_candidates,
    structure_key,
)
from isrp_graph.network_page import page_model
from isrp_graph.store.base import Store
from isrp_graph.store.sparql_text import iri as sparql_iri

LOG_SIZE = 500  # commits remembered; an older network is read again in full
REBUILDS: Counter[str] = Counter()

_log: deque[tuple[int, frozenset[str]]] = deque(maxlen=LOG_SIZE)
_log_lock = threading.Lock()

# properties the network's links are drawn from (isrp_graph.network.EDGES_QUERY), on the entry that
# holds them; and the classes of its nodes and link entries
_RELEVANT = """
SELECT DISTINCT ?e WHERE {
  VALUES ?e { #VALUES# }
  {
    VALUES ?p {
      isrp:responsibleOrganization isrp:relatesPlan isrp:network isrp:fundingScheme isrp:fundedBy
      org:hasMember org:memberOf isrp:membership org:member org:organization isrp:lead
      isrp:coordination isrp:coordinatedBy isrp:support isrp:participationElement
    }
    ?e ?p ?o .
  } UNION {
    VALUES ?class {
      isrp:SectoralPlan isrp:Network isrp:Body isrp:ParticipationFormat isrp:FundingScheme
      org:Organization org:OrganizationalUnit isrp:AdministrativeUnit isrp:CouncilBody
      isrp:Interface isrp:Delimitation org:Membership
    }
    ?e a ?type . ?type rdfs:subClassOf* ?class .
  } UNION {
    ?e rdfs:subClassOf|rdfs:subPropertyOf ?any .
  }
}
"""


def _on_commit(touched: frozenset[URIRef], version: int) -> None:
    with _log_lock:
        _log.append((version, frozenset(str(i) for i in touched)))


add_commit_listener(_on_commit)


def touched_since(version: int) -> frozenset[str] | None:
    """The entries touched by the commits after ``version``; ``None`` if the log no longer reaches
    back that far."""
    with _log_lock:
        entries = list(_log)
    if version < commit_version() and (not entries or entries[0][0] > version + 1):
        return None
    found: set[str] = set()
    for number, touched in entries:
        if number > version:
            found |= touched
    return frozenset(found)


@dataclass(frozen=True)
class NetworkState:
    """A computed network: graph, measures, page model, and the commit it includes."""

    graph: nx.Graph
    metrics: Any
    model: Any
    commit_version: int
    structure: StructureMeasures
    key: tuple
    candidates: dict[str, dict[str, Any]]  # every entry that can be a node, with kind and labels

    def carried(self, version: int) -> NetworkState:
        """The same network, known to be current at commit ``version``."""
        return NetworkState(
            self.graph, self.metrics, self.model, version, self.structure, self.key, self.candidates
        )


def compute_network(
    store: Store, lang: str, illustrative: bool = False, kommunen: tuple[str, ...] = ()
) -> NetworkState:
    """The network from scratch (at start-up), of ``kommunen`` only if given (then only their entries
    are read as candidates, and the shared ones their links reach)."""
    version = commit_version()  # before reading: a commit during the read is looked at again later
    candidates = node_candidates(store, kommunen=kommunen)
    graph = network_from(store, candidates, lang, include_illustrative=illustrative, kommunen=kommunen)
    REBUILDS["read"] += 1
    structure = measure_structure(graph)
    metrics = network_metrics(graph, structure)
    model = page_model(graph, lang, metrics=metrics, site=True)
    REBUILDS["full"] += 1
    return NetworkState(graph, metrics, model, version, structure, structure_key(graph), candidates)


def refresh_network(
    store: Store,
    previous: NetworkState | None,
    lang: str,
    illustrative: bool = False,
    *,
    only_commits: bool = True,
    kommunen: tuple[str, ...] = (),
) -> NetworkState:
    """The network after the store changed (see the module text); ``previous`` itself when the
    change left the network as it was. ``only_commits=False``: the store may also have changed
    without a commit since ``previous`` (the touched entries are then not the whole story).
    ``kommunen``: the network of those municipalities (the same scope as ``previous``)."""
    if previous is None:
        return compute_network(store, lang, illustrative, kommunen)
    version = commit_version()
    kept = unchanged_by_commits(store, previous) if only_commits else None
    if kept is not None:
        return kept
    touched = touched_since(previous.commit_version) if only_commits else None
    if touched and not _schema_touched(store, touched):
        # the nodes of the touched entries are read again, the other nodes are as they were
        candidates = {k: v for k, v in previous.candidates.items() if k not in touched}
        candidates.update(node_candidates(store, only=touched))
        REBUILDS["read touched"] += 1
    else:
        candidates = node_candidates(store, kommunen=kommunen)
        REBUILDS["read"] += 1
    graph = network_from(store, candidates, lang, include_illustrative=illustrative, kommunen=kommunen)
    if same_network(graph, previous.graph):
        REBUILDS["unchanged"] += 1
        return previous.carried(version)
    key = structure_key(graph)
    # only renamed (same nodes and links): centralities and communities stay as they were
    structure = previous.structure if key == previous.key else measure_structure(graph)
    metrics = network_metrics(graph, structure)
    model = page_model(graph, lang, metrics=metrics, site=True, previous=previous.model)
    REBUILDS["refreshed"] += 1
    return NetworkState(graph, metrics, model, version, structure, key, candidates)


def unchanged_by_commits(store: Store, previous: NetworkState) -> NetworkState | None:
    """``previous``, still current, if the commits since it touched nothing the network is made of
    (one small query over the touched entries: cheap enough for the save itself to ask); ``None``
    when the network has to be read again or the change is not known."""
    version = commit_version()
    touched = touched_since(previous.commit_version)
    if not touched or _concerns(store, previous.graph, touched):
        return None
    REBUILDS["unchanged"] += 1
    return previous.carried(version)


_SCHEMA = """
SELECT ?e WHERE { VALUES ?e { #VALUES# } ?e rdfs:subClassOf|rdfs:subPropertyOf ?any } LIMIT 1
"""


def _schema_touched(store: Store, touched: Iterable[str]) -> bool:
    """Whether a touched entry is a class or property: then which entries are nodes may have changed
    everywhere (the node kinds follow the class hierarchy)."""
    wanted = sorted(set(touched))
    for start in range(0, len(wanted), 200):
        chunk = " ".join(sparql_iri(i) for i in wanted[start : start + 200])
        if store.select(_SCHEMA.replace("#VALUES#", chunk)).rows:
            return True
    return False


def _concerns(store: Store, graph: nx.Graph, touched: Iterable[str]) -> bool:
    """Whether a change of ``touched`` can change the network ``graph``."""
    wanted = sorted(set(touched))
    if any(i in graph for i in wanted):
        return True
    vias = {v for _, _, data in graph.edges(data=True) for v in data.get("via", ())}
    if any(i in vias for i in wanted):
        return True
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        query = _RELEVANT.replace("#VALUES#", " ".join(sparql_iri(i) for i in chunk))
        if store.select(query).rows:
            return True
    return False


def same_network(a: nx.Graph, b: nx.Graph) -> bool:
    """Same nodes and links with the same attributes (labels, kinds, what a link rests on)."""
    if a.graph != b.graph or a.number_of_nodes() != b.number_of_nodes():
        return False
    if a.number_of_edges() != b.number_of_edges():
        return False
    if dict(a.nodes(data=True)) != dict(b.nodes(data=True)):
        return False
    return all(b.has_edge(u, v) and b.edges[u, v] == data for u, v, data in a.edges(data=True))
