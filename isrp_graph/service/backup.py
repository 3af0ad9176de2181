"""Backup and restore of the whole store as one file, verified before anything is written.

The file is a tar archive with two members:

- ``manifest.json`` — format, creation time, product version, every named graph with its quad count,
  the total, and the SHA-256 of the data member;
- ``dataset.nq.gz`` — every quad as N-Quads, gzip-compressed.

``restore_backup`` checks the checksum, parses every quad and compares the counts per graph with the
manifest *before* it touches the store; then it replaces every graph of the dump and empties every
other graph in one atomic ``replace_graphs`` call. A corrupt or truncated dump is refused and the store
stays as it was.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from isrp_graph import __version__
from isrp_graph.messages import LocalizedError
from isrp_graph.store.base import Store
from isrp_graph.store.terms import from_ox, graph_name_to_ox, new_graph, to_ox

FORMAT = "isrp-backup/1"
MANIFEST = "manifest.json"
DATA = "dataset.nq.gz"


class BackupError(LocalizedError, ValueError):
    """The backup file cannot be used (missing, not a backup, corrupt); nothing was restored."""


@dataclass(frozen=True)
class Manifest:
    created: str
    version: str
    graphs: dict[str, int]
    quads: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "created": self.created,
            "version": self.version,
            "graphs": self.graphs,
            "quads": self.quads,
            "sha256": self.sha256,
        }


def write_backup(store: Store, path: str | Path) -> Manifest:
    """Dump every named graph of ``store`` into ``path`` (written to a temporary file, then renamed)."""
    quads = [
        ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph_name_to_ox(g))  # type: ignore[arg-type]
        for s, p, o, g in store.dataset_quads()
        if isinstance(g, URIRef)
    ]
    counts = Counter(str(q.graph_name.value) for q in quads if isinstance(q.graph_name, ox.NamedNode))
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    data = gzip.compress(text, mtime=0)
    manifest = Manifest(
        created=datetime.now(UTC).replace(microsecond=0).isoformat(),
        version=__version__,
        graphs=dict(sorted(counts.items())),
        quads=sum(counts.values()),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w") as archive:
        for name, content in (
            (MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1).encode()),
            (DATA, data),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    partial.replace(target)
    return manifest


def read_backup(path: str | Path) -> tuple[Manifest, dict[URIRef, Graph]]:
    """The manifest and every graph of the dump, verified (checksum, parse, counts per graph)."""
    file = Path(path)
    if not file.is_file():
        raise BackupError("service.backup.missing", path=str(file))
    try:
        with tarfile.open(file, "r") as archive:
            raw_manifest = _member(archive, MANIFEST)
            data = _member(archive, DATA)
        meta = json.loads(raw_manifest)
        if meta.get("format") != FORMAT:
            raise BackupError("service.backup.not_backup", path=file.name)
        manifest = Manifest(
            created=str(meta["created"]),
            version=str(meta["version"]),
            graphs={str(k): int(v) for k, v in meta["graphs"].items()},
            quads=int(meta["quads"]),
            sha256=str(meta["sha256"]),
        )
    except BackupError:
        raise
    except (tarfile.TarError, OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupError("service.backup.not_backup", path=file.name) from exc
    if hashlib.sha256(data).hexdigest() != manifest.sha256:
        raise BackupError("service.backup.checksum", path=file.name)
    graphs: dict[URIRef, Graph] = {}
    try:
        for quad in ox.parse(gzip.decompress(data), format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.NamedNode):
                continue
            name = URIRef(quad.graph_name.value)
            graph = graphs.get(name)
            if graph is None:
                graph = graphs[name] = new_graph()
            graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))  # type: ignore[arg-type]
    except (SyntaxError, ValueError, OSError, EOFError) as exc:
        raise BackupError("service.backup.corrupt", path=file.name, reason=type(exc).__name__) from exc
    found = {str(name): len(graph) for name, graph in graphs.items()}
    if found != manifest.graphs:
        raise BackupError("service.backup.counts", path=file.name)
    return manifest, graphs


def restore_backup(store: Store, path: str | Path) -> Manifest:
    """Replace the whole content of ``store`` with the dump, in one atomic step, after verifying it."""
    manifest, graphs = read_backup(path)
    replacements: dict[URIRef, Graph] = {name: Graph() for name in store.graphs() if name not in graphs}
    replacements.update(graphs)
    store.replace_graphs(replacements)
    return manifest


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(name)
    if handle is None:
        raise KeyError(name)
    return handle.read()
