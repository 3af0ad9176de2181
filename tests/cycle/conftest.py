"""A store with the invented working-cycle fixture and the vocabularies whose labels it shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from isrp_graph.loading import load_files
from isrp_graph.store import EmbeddedStore

HERE = Path(__file__).parent
VOCABULARIES = HERE.parents[1] / "ontology" / "vocabularies"


@pytest.fixture(scope="module")
def cycle_store() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(None, query_timeout=None)
    files = [HERE / "fixtures" / "cycle.ttl"] + [
        VOCABULARIES / f"{name}.ttl" for name in ("implementation-state", "goal-achievement", "measure-type")
    ]
    load_files(store, files)
    yield store
    store.close()
