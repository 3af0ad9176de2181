"""Is the store reachable, and does it hold a registry? For ``/readyz``, ``isrp serve`` and
``isrp validate`` (which must say so when the store is empty instead of reporting "no findings")."""

from __future__ import annotations

from dataclasses import dataclass

from isrp_graph.namespaces import GRAPH
from isrp_graph.store.base import Store
from isrp_graph.store.errors import StoreError

_ANY = "ASK { GRAPH ?g { ?s ?p ?o } }"
ONTOLOGY_PREFIX = str(GRAPH["ontology/"])
DATA_PREFIXES = (str(GRAPH["data/"]), str(GRAPH["import/"]))


@dataclass(frozen=True)
class Readiness:
    """``store_reachable``: the store answered; ``registry_loaded``: it has the ontology and data."""

    store_reachable: bool
    registry_loaded: bool
    graphs: int = 0

    @property
    def ready(self) -> bool:
        return self.store_reachable and self.registry_loaded


def is_empty(store: Store) -> bool:
    """True when no named graph holds a triple (cheap: stops at the first one)."""
    return not store.ask(_ANY)


def readiness(store: Store) -> Readiness:
    """Asks the store for its graph names (never raises: an unreachable store is not ready)."""
    try:
        names = [str(g) for g in store.graphs()]
    except StoreError:
        return Readiness(store_reachable=False, registry_loaded=False)
    loaded = any(n.startswith(ONTOLOGY_PREFIX) for n in names) and any(
        n.startswith(DATA_PREFIXES) for n in names
    )
    return Readiness(store_reachable=True, registry_loaded=loaded, graphs=len(names))
