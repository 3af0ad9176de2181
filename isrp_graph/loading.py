"""Read RDF files into named graphs and write the store back out.

Formats: Turtle, TriG, N-Triples, N-Quads, JSON-LD and RDF/XML, chosen by extension or by name
(``ttl``, ``trig``, ``nt``, ``nq``, ``jsonld``, ``xml``). Parsing is done by pyoxigraph (fast, exact
line numbers); a syntax error raises ``RdfSyntaxError`` naming the file and line, and nothing in the
store changes, because all files are parsed before one atomic ``replace_graphs`` call writes them.

Graph names: ``https://w3id.org/isrp/graph/`` + the file's path relative to the resource root without
extension (``graph/ontology/isrp``, ``graph/data/erfurt/process``); files from elsewhere become
imports, ``graph/import/<name>``. Triples a TriG/N-Quads/JSON-LD file puts in a named graph keep that
graph's name (so an export loads back as it was); its default-graph triples go to the file's graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from isrp_graph.messages import LocalizedError
from isrp_graph.namespaces import GRAPH, PREFIXES
from isrp_graph.resources import ResourceMissing, data_dir, ontology_dir, resource_root
from isrp_graph.store.base import Store
from isrp_graph.store.terms import (
    from_ox,
    graph_name_from_ox,
    graph_name_to_ox,
    new_graph,
    to_ox,
)


@dataclass(frozen=True)
class RdfFormatInfo:
    name: str
    label: str
    ox_format: ox.RdfFormat
    extensions: tuple[str, ...]
    media_type: str

    @property
    def is_dataset(self) -> bool:
        return bool(self.ox_format.supports_datasets)


FORMATS: dict[str, RdfFormatInfo] = {
    f.name: f
    for f in (
        RdfFormatInfo("ttl", "Turtle", ox.RdfFormat.TURTLE, (".ttl", ".turtle"), "text/turtle"),
        RdfFormatInfo("trig", "TriG", ox.RdfFormat.TRIG, (".trig",), "application/trig"),
        RdfFormatInfo(
            "nt", "N-Triples", ox.RdfFormat.N_TRIPLES, (".nt", ".ntriples"), "application/n-triples"
        ),
        RdfFormatInfo("nq", "N-Quads", ox.RdfFormat.N_QUADS, (".nq", ".nquads"), "application/n-quads"),
        RdfFormatInfo(
            "jsonld", "JSON-LD", ox.RdfFormat.JSON_LD, (".jsonld", ".json-ld"), "application/ld+json"
        ),
        RdfFormatInfo(
            "xml", "RDF/XML", ox.RdfFormat.RDF_XML, (".rdf", ".owl", ".xml"), "application/rdf+xml"
        ),
    )
}
# extensions picked up when a whole folder is loaded (.xml is too generic to guess)
SCAN_EXTENSIONS = frozenset(ext for f in FORMATS.values() for ext in f.extensions) - {".xml"}
_ALIASES = {
    "turtle": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "nquads": "nq",
    "n-quads": "nq",
    "json-ld": "jsonld",
    "rdfxml": "xml",
    "rdf/xml": "xml",
    "rdf": "xml",
    "owl": "xml",
}

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` after each parsed file (``label`` = its path)."""


_POSITION = re.compile(r"^Parser error (at|between) line \d+ column \d+( and line \d+ column \d+)?: ")


class RdfSyntaxError(LocalizedError, ValueError):
    """An RDF file does not parse. ``str()`` names file and line, German first, English in brackets."""

    def __init__(self, path: str | Path, line: int | None, message: str, column: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.column = column
        self.detail = _POSITION.sub("", message, count=1)
        if line is None:
            super().__init__("load.syntax_noline", path=self.path, message=self.detail)
        elif column is None:
            super().__init__("load.syntax", path=self.path, line=line, message=self.detail)
        else:
            super().__init__(
                "load.syntax_column", path=self.path, line=line, column=column, message=self.detail
            )


class RdfInputError(LocalizedError, ValueError):
    """A file cannot be loaded for another reason: unknown format, missing, two files for one graph."""


@dataclass
class LoadReport:
    """What a load wrote: the files read and the triples of each graph written."""

    files: list[Path] = field(default_factory=list)
    graphs: dict[URIRef, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


# --- formats and graph names ---------------------------------------------------------------------


def rdf_format(name_or_path: str | Path, explicit: str | None = None) -> RdfFormatInfo:
    """The format named ``explicit`` (``ttl``, ``jsonld``, …) or guessed from the path's extension."""
    if explicit:
        key = explicit.lower().lstrip(".")
        key = _ALIASES.get(key, key)
        if key in FORMATS:
            return FORMATS[key]
        raise RdfInputError("load.unknown_format", path=explicit, formats=", ".join(FORMATS))
    suffix = Path(name_or_path).suffix.lower()
    for info in FORMATS.values():
        if suffix in info.extensions:
            return info
    raise RdfInputError("load.unknown_format", path=str(name_or_path), formats=", ".join(FORMATS))


_SLUG = re.compile(r"[^A-Za-z0-9._~-]+")


def import_graph_name(name: str) -> URIRef:
    """``graph/import/<name>`` with unsafe characters replaced."""
    slug = "/".join(_SLUG.sub("-", part).strip("-") or "_" for part in name.strip("/").split("/"))
    return GRAPH["import/" + slug]


def graph_name_for(path: str | Path, root: str | Path | None = None) -> URIRef:
    """The named graph of a source file: its path below ``root`` without extension. Without ``root``,
    files inside the shipped ontology/ or data/ folders are named below the resource root
    (``graph/ontology/isrp``); any other file is an import named after its file name."""
    file = Path(path).resolve()
    if root is not None:
        relative = _relative(file, Path(root))
        return (
            import_graph_name(file.stem) if relative is None else GRAPH[relative.with_suffix("").as_posix()]
        )
    if _shipped_folder(file) is not None:
        relative = _relative(file, resource_root())
        assert relative is not None
        return GRAPH[relative.with_suffix("").as_posix()]
    return import_graph_name(file.stem)


def _relative(path: Path, base: Path) -> Path | None:
    try:
        return path.resolve().relative_to(base.resolve())
    except ValueError:
        return None


def _shipped_folder(path: Path) -> Path | None:
    """The shipped folder (ontology/ or data/) that holds ``path``, if any."""
    for folder in (ontology_dir, data_dir):
        try:
            base = folder()
        except ResourceMissing:
            continue
        if _relative(path, base) is not None:
            return base
    return None


def rdf_files(directory: str | Path) -> list[Path]:
    """Every RDF file below ``directory`` (sorted, hidden files and folders skipped)."""
    base = Path(directory)
    found = [
        p
        for p in base.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SCAN_EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(base).parts)
    ]
    return sorted(found)


# --- parsing -------------------------------------------------------------------------------------


def parse_data(
    data: bytes | str,
    fmt: str,
    graph_name: URIRef,
    *,
    source: str = "<input>",
    base_iri: str | None = None,
) -> dict[URIRef, Graph]:
    """Parse RDF text. Triples go to ``graph_name``; quads in named graphs keep their graph.
    Raises ``RdfSyntaxError`` (with ``source`` as the file name) on invalid input."""
    info = rdf_format(source, fmt)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    graphs: dict[URIRef, Graph] = {}
    try:
        for quad in ox.parse(raw, format=info.ox_format, base_iri=base_iri, rename_blank_nodes=True):
            name = (
                graph_name
                if isinstance(quad.graph_name, ox.DefaultGraph)
                else graph_name_from_ox(quad.graph_name)
            )
            graph = graphs.get(name)
            if graph is None:
                graph = graphs[name] = new_graph()
            graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))  # type: ignore[arg-type]
    except SyntaxError as exc:
        line, column = exc.lineno, exc.offset
        if line is None and info.name == "xml":
            line, column = _xml_error_position(raw)
        raise RdfSyntaxError(source, line, exc.msg or str(exc), column) from exc
    except ValueError as exc:  # e.g. an RDF-star triple or an invalid term
        raise RdfSyntaxError(source, None, str(exc)) from exc
    graphs.setdefault(graph_name, new_graph())
    return graphs


def parse_file(
    path: str | Path,
    graph_name: URIRef | None = None,
    fmt: str | None = None,
    *,
    root: str | Path | None = None,
) -> dict[URIRef, Graph]:
    """Parse one file into ``{graph name: graph}`` (its own graph plus any named graphs it holds)."""
    file = Path(path)
    if not file.is_file():
        raise RdfInputError("load.not_found", path=str(file))
    info = rdf_format(file, fmt)
    name = graph_name if graph_name is not None else graph_name_for(file, root)
    return parse_data(file.read_bytes(), info.name, name, source=str(file), base_iri=file.resolve().as_uri())


def _xml_error_position(raw: bytes) -> tuple[int | None, int | None]:
    """pyoxigraph's RDF/XML errors carry no position: ask expat (XML errors) or rdflib (RDF errors)."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as exc:
        return exc.lineno, exc.offset
    try:
        Graph().parse(data=raw, format="xml")
    except Exception as exc:  # rdflib's messages end in "...:LINE:COL: reason"
        match = re.search(r":(\d+):(\d+):", str(exc))
        if match:
            return int(match.group(1)), int(match.group(2))
    return None, None


# --- loading into the store ----------------------------------------------------------------------


def parse_sources(
    sources: Sequence[tuple[Path, URIRef]],
    *,
    fmt: str | None = None,
    progress: ProgressCallback | None = None,
) -> dict[URIRef, Graph]:
    """Parse every ``(file, graph name)``; two files filling one graph is an error."""
    merged: dict[URIRef, Graph] = {}
    origin: dict[URIRef, Path] = {}
    for done, (path, name) in enumerate(sources, start=1):
        for graph_name, graph in parse_file(path, name, fmt).items():
            if graph_name in merged:
                raise RdfInputError(
                    "load.graph_clash", graph=str(graph_name), first=str(origin[graph_name]), second=str(path)
                )
            merged[graph_name] = graph
            origin[graph_name] = path
        if progress is not None:
            progress(done, len(sources), str(path))
    return merged


def load_files(
    store: Store,
    paths: Iterable[str | Path],
    *,
    fmt: str | None = None,
    root: str | Path | None = None,
    graph_names: Mapping[Path, URIRef] | None = None,
    drop: Iterable[URIRef] = (),
    progress: ProgressCallback | None = None,
) -> LoadReport:
    """Parse all ``paths`` first, then write them with ONE atomic ``replace_graphs`` call (graphs in
    ``drop`` are emptied in the same call). Files in the shipped folders (or below ``root``) get their
    canonical graph, others ``graph/import/<file name>``, unless ``graph_names`` says otherwise."""
    files = [Path(p) for p in paths]
    explicit = dict(graph_names or {})
    sources = [(f, explicit.get(f) or graph_name_for(f, root)) for f in files]
    graphs = parse_sources(sources, fmt=fmt, progress=progress)
    for name in drop:
        graphs.setdefault(name, Graph())
    from isrp_graph.changes.loads import store_graphs  # recorded as a changeset (docs/changes.md)

    store_graphs(store, graphs, source=", ".join(f.name for f in files[:20]) or None)
    return LoadReport(files=files, graphs={name: len(g) for name, g in graphs.items() if len(g)})


def load_directory(
    store: Store,
    directory: str | Path,
    *,
    root: str | Path | None = None,
    progress: ProgressCallback | None = None,
) -> LoadReport:
    """Load every RDF file below ``directory``, each into its graph, all or nothing. Graph names are
    relative to ``root``; by default below the resource root for the shipped ontology/ and data/
    folders, and ``graph/import/<path below the folder>`` for any other folder."""
    folder = Path(directory)
    files = rdf_files(folder)
    if root is None and _shipped_folder(folder) is None:
        names = {f: import_graph_name(f.relative_to(folder).with_suffix("").as_posix()) for f in files}
        return load_files(store, files, graph_names=names, progress=progress)
    return load_files(store, files, root=root, progress=progress)


# --- writing out ---------------------------------------------------------------------------------


def serialize_quads(quads: Iterable[tuple[Node, Node, Node, URIRef]], fmt: str) -> bytes:
    """Quads in ``fmt``; graph-less formats (Turtle, N-Triples, RDF/XML) get the merged triples."""
    info = rdf_format("", fmt)
    if info.is_dataset:
        items: list[ox.Quad] | list[ox.Triple] = [
            ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph_name_to_ox(g))  # type: ignore[arg-type]
            for s, p, o, g in quads
        ]
    else:
        unique = {(s, p, o) for s, p, o, _ in quads}
        items = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in unique]  # type: ignore[arg-type]
    return ox.serialize(items, format=info.ox_format, prefixes=PREFIXES) or b""


def serialize_graph(graph: Graph, fmt: str) -> bytes:
    """One rdflib graph in ``fmt`` (dataset formats put it in the default graph)."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    return serialize_quads(((s, p, o, DATASET_DEFAULT_GRAPH_ID) for s, p, o in graph), fmt)


def store_quads(
    store: Store, graphs: Iterable[URIRef] | None = None
) -> Iterable[tuple[Node, Node, Node, URIRef]]:
    """All quads of the store, or only those of ``graphs``."""
    if graphs is None:
        return store.dataset_quads()
    selected = list(graphs)
    return ((s, p, o, name) for name in selected for s, p, o in store.get_graph(name))


def serialize_store(store: Store, fmt: str, graphs: Iterable[URIRef] | None = None) -> bytes:
    return serialize_quads(store_quads(store, graphs), fmt)


def write_store(
    store: Store, path: str | Path, fmt: str | None = None, graphs: Iterable[URIRef] | None = None
) -> int:
    """Write the store (or some graphs) to ``path``; returns the number of quads written."""
    quads = list(store_quads(store, graphs))
    info = rdf_format(path, fmt)
    Path(path).write_bytes(serialize_quads(quads, info.name))
    return len(quads)
