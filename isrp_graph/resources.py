"""Where the shipped directories ontology/, data/ and queries/ are.

In an installed wheel they live inside the package at ``isrp_graph/_shipped/`` (pyproject force-include);
in a source checkout (also an editable install) they are top-level siblings of ``isrp_graph/``. The
wheel location is tried first so a stray ``data/`` folder in site-packages is never picked up.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from isrp_graph.messages import LocalizedError

PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED = ("ontology", "data", "queries")


class ResourceMissing(LocalizedError, FileNotFoundError):
    """A shipped directory is not where it should be (a broken install)."""


def _candidates(name: str) -> list[Path]:
    return [PACKAGE_DIR / "_shipped" / name, PACKAGE_DIR.parent / name]


@cache
def _locate(name: str) -> Path:
    if name not in SHIPPED:
        raise ValueError(f"not a shipped directory: {name}")
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    places = ", ".join(str(p) for p in _candidates(name))
    raise ResourceMissing("resources.missing", name=name, places=places)


def resource_root() -> Path:
    """The folder that holds ontology/ and data/; graph names are paths relative to it."""
    return _locate("ontology").parent


def ontology_dir() -> Path:
    return _locate("ontology")


def data_dir() -> Path:
    return _locate("data")


def queries_dir() -> Path:
    return _locate("queries")
