"""Stores built from the small fixture graphs next to these tests (each test module names its files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from isrp_graph.loading import load_files
from isrp_graph.store import EmbeddedStore

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_store() -> Callable[..., EmbeddedStore]:
    """``fixture_store("vocab", "gaps")`` -> an in-memory store holding those fixture files."""
    opened: list[EmbeddedStore] = []

    def build(*names: str) -> EmbeddedStore:
        store = EmbeddedStore(None, query_timeout=None)
        load_files(store, [FIXTURES / f"{name}.ttl" for name in names])
        opened.append(store)
        return store

    yield build
    for store in opened:
        store.close()


def iris(refs) -> list[str]:  # type: ignore[no-untyped-def]
    """The IRIs of a sequence of Ref, in order."""
    return [r.iri for r in refs]
