"""The search tests run on the shipped Erfurt registry (ontology, vocabularies and data)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from isrp_graph.registry import build_registry
from isrp_graph.store import EmbeddedStore
from isrp_graph.store.base import Store


@pytest.fixture(scope="module")
def erfurt() -> Iterator[Store]:
    """Read-only for the tests of one module."""
    store = EmbeddedStore(query_timeout=60)
    build_registry(store)
    yield store
    store.close()
