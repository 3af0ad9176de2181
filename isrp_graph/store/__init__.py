"""Stores behind one narrow interface (``Store`` in base.py): embedded pyoxigraph or a remote SPARQL server.

``open_store(settings)`` picks the backend from ``Settings.store``: ``"memory"``, ``"embedded"`` (the
folder ``Settings.store_path``), any other folder path, or an ``http(s)://`` SPARQL query URL.
"""

from __future__ import annotations

from isrp_graph.namespaces import GRAPH
from isrp_graph.settings import Settings
from isrp_graph.store.base import SelectResult, Store
from isrp_graph.store.embedded import EmbeddedStore
from isrp_graph.store.errors import (
    BindingError,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreUnreachable,
    UnsupportedFormat,
)
from isrp_graph.store.remote import RemoteStore

__all__ = [
    "BindingError",
    "EmbeddedStore",
    "QuerySyntaxError",
    "QueryTimeout",
    "RemoteStore",
    "SelectResult",
    "Store",
    "StoreError",
    "StoreUnreachable",
    "UnsupportedFormat",
    "open_store",
]


def open_store(settings: Settings) -> Store:
    """The store the settings name. Remote stores are contacted lazily (first query)."""
    if settings.is_remote:
        return RemoteStore(
            settings.store,
            update_url=settings.sparql_update_url,
            gsp_url=settings.gsp_url,
            user=settings.store_user,
            password=settings.store_password,
            query_timeout=settings.query_timeout,
            graph_base=str(GRAPH),
        )
    from isrp_graph.sparql.guard import limits_from

    return EmbeddedStore(
        settings.embedded_path, query_timeout=settings.query_timeout, limits=limits_from(settings.extra)
    )
