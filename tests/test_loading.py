"""Loading RDF files into named graphs, syntax errors, atomicity, and export round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from isrp_graph.loading import (
    FORMATS,
    RdfInputError,
    RdfSyntaxError,
    graph_name_for,
    import_graph_name,
    load_directory,
    load_files,
    parse_data,
    parse_file,
    rdf_files,
    rdf_format,
    serialize_store,
    write_store,
)
from isrp_graph.namespaces import GRAPH
from isrp_graph.resources import resource_root
from isrp_graph.store import EmbeddedStore, Store

FIXTURES = Path(__file__).parent / "store" / "fixtures"
ROOT = FIXTURES / "root"
FORMATS_DIR = FIXTURES / "formats"
EX = "http://example.org/"


# --- graph names ---------------------------------------------------------------------------------


def test_graph_names_follow_the_path_below_the_root() -> None:
    assert graph_name_for(ROOT / "ontology/mini.ttl", ROOT) == GRAPH["ontology/mini"]
    assert (
        graph_name_for(ROOT / "ontology/vocabularies/colours.ttl", ROOT)
        == GRAPH["ontology/vocabularies/colours"]
    )
    assert (
        graph_name_for(ROOT / "ontology/shapes/mini-shapes.ttl", ROOT) == GRAPH["ontology/shapes/mini-shapes"]
    )
    assert graph_name_for(ROOT / "data/town/plans.ttl", ROOT) == GRAPH["data/town/plans"]


def test_shipped_files_are_named_below_the_resource_root() -> None:
    assert graph_name_for(resource_root() / "ontology" / "isrp.ttl") == URIRef(
        "https://w3id.org/isrp/graph/ontology/isrp"
    )
    assert graph_name_for(resource_root() / "data/erfurt/process.ttl") == URIRef(
        "https://w3id.org/isrp/graph/data/erfurt/process"
    )


def test_files_from_elsewhere_are_imports(tmp_path: Path) -> None:
    assert graph_name_for(tmp_path / "Meine Liste.ttl") == URIRef(
        "https://w3id.org/isrp/graph/import/Meine-Liste"
    )
    assert import_graph_name("a b/c?d") == URIRef("https://w3id.org/isrp/graph/import/a-b/c-d")


def test_formats_by_extension_and_name() -> None:
    assert rdf_format("x.ttl").name == "ttl"
    assert rdf_format("x.owl").name == "xml"
    assert rdf_format("x.NQ").name == "nq"
    assert rdf_format("whatever", "turtle").name == "ttl"
    assert rdf_format("whatever", "json-ld").name == "jsonld"
    with pytest.raises(RdfInputError):
        rdf_format("x.csv")
    with pytest.raises(RdfInputError):
        rdf_format("x.ttl", "yaml")


def test_folder_scan_skips_non_rdf_files() -> None:
    names = [p.relative_to(ROOT).as_posix() for p in rdf_files(ROOT)]
    assert names == [
        "data/town/bodies.jsonld",
        "data/town/plans.ttl",
        "ontology/mini.ttl",
        "ontology/shapes/mini-shapes.ttl",
        "ontology/vocabularies/colours.ttl",
    ]


# --- parsing every format -------------------------------------------------------------------------


@pytest.mark.parametrize("extension", ["ttl", "nt", "rdf", "jsonld"])
def test_every_triple_format_parses_to_the_same_graph(extension: str) -> None:
    name = URIRef(EX + "g")
    reference = parse_file(FORMATS_DIR / "sample.ttl", name)[name]
    parsed = parse_file(FORMATS_DIR / f"sample.{extension}", name)
    assert list(parsed) == [name]
    assert len(parsed[name]) == 5
    assert isomorphic(parsed[name], reference)
    assert Literal('Größe "quoted" \\ back', lang="de") in set(parsed[name].objects())


@pytest.mark.parametrize("extension", ["trig", "nq"])
def test_dataset_formats_keep_their_named_graphs(extension: str) -> None:
    own = URIRef(EX + "file-graph")
    parsed = parse_file(FORMATS_DIR / f"sample.{extension}", own)
    assert {k: len(v) for k, v in parsed.items()} == {own: 1, URIRef(EX + "g1"): 1, URIRef(EX + "g2"): 3}


def test_format_can_be_forced(tmp_path: Path) -> None:
    odd = tmp_path / "data.txt"
    odd.write_text('<http://example.org/a> <http://example.org/p> "x" .\n', encoding="utf-8")
    parsed = parse_file(odd, URIRef(EX + "g"), "nt")
    assert len(parsed[URIRef(EX + "g")]) == 1


# --- syntax errors name file and line ------------------------------------------------------------

BROKEN = {
    "ttl": ('@prefix ex: <http://example.org/> .\n\nex:a ex:p "ok" .\nex:b ex:p "unterminated .\n', 4),
    "trig": ("@prefix ex: <http://example.org/> .\nex:g {\n  ex:a ex:p ex:b .\n  ex:c ex:p .\n}\n", 4),
    "nt": (
        '<http://example.org/a> <http://example.org/p> "x" .\n'
        "<http://example.org/a> <http://example.org/p> .\n",
        2,
    ),
    "nq": (
        '<http://example.org/a> <http://example.org/p> "x" <http://example.org/g> .\n\n<http://a> "x" .\n',
        3,
    ),
    "jsonld": ('{\n  "@id": "http://example.org/a",\n  "http://example.org/p": [1, 2,\n}\n', 4),
    "xml": (
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="http://example.org/a">\n</rdf:RDF>\n',
        4,
    ),
}


@pytest.mark.parametrize("fmt", sorted(BROKEN))
def test_syntax_error_names_file_and_line(tmp_path: Path, fmt: str) -> None:
    text, line = BROKEN[fmt]
    path = tmp_path / f"kaputt{FORMATS[fmt].extensions[0]}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RdfSyntaxError) as info:
        parse_file(path, URIRef(EX + "g"))
    error = info.value
    assert error.path == str(path)
    assert error.line == line
    message = str(error)
    assert message.startswith(f"Syntaxfehler in {path}, Zeile {line}")
    assert f"(Syntax error in {path}, line {line}" in message
    assert error.message("en").startswith(f"Syntax error in {path}, line {line}")


def test_syntax_error_in_uploaded_text_names_the_source() -> None:
    with pytest.raises(RdfSyntaxError) as info:
        parse_data("<a> <b> .", "nt", URIRef(EX + "g"), source="upload.nt")
    assert "upload.nt" in str(info.value) and "Zeile 1" in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RdfInputError) as info:
        parse_file(tmp_path / "nope.ttl")
    assert "nope.ttl" in str(info.value)


# --- loading into a store: one graph per file, all or nothing -------------------------------------


def test_load_directory_puts_each_file_in_its_graph(any_store: Store) -> None:
    report = load_directory(any_store, ROOT, root=ROOT)
    expected = [
        GRAPH["data/town/bodies"],
        GRAPH["data/town/plans"],
        GRAPH["ontology/mini"],
        GRAPH["ontology/shapes/mini-shapes"],
        GRAPH["ontology/vocabularies/colours"],
    ]
    assert any_store.graphs() == expected
    assert sorted(report.graphs) == expected
    assert len(report.files) == 5
    assert report.triples == len(any_store)
    assert len(any_store.get_graph(GRAPH["data/town/plans"])) == 6


def test_load_directory_outside_the_resource_root_makes_imports(memory_store: EmbeddedStore) -> None:
    load_directory(memory_store, ROOT / "data")
    assert memory_store.graphs() == [GRAPH["import/town/bodies"], GRAPH["import/town/plans"]]


def test_failing_file_leaves_the_store_unchanged(any_store: Store) -> None:
    load_directory(any_store, ROOT, root=ROOT)
    before = sorted(any_store.dataset_quads())
    with pytest.raises(RdfSyntaxError) as info:
        load_directory(any_store, FIXTURES / "broken")  # a-good.ttl parses, b-bad.ttl does not
    assert info.value.line == 4 and info.value.path.endswith("b-bad.ttl")
    assert sorted(any_store.dataset_quads()) == before
    assert not any(str(g).startswith(str(GRAPH["import/"])) for g in any_store.graphs())


def test_two_files_for_one_graph_are_refused(memory_store: EmbeddedStore, tmp_path: Path) -> None:
    for name in ("same.ttl", "same.nt"):
        (tmp_path / name).write_text(
            "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
        )
    with pytest.raises(RdfInputError) as info:
        load_files(memory_store, [tmp_path / "same.ttl", tmp_path / "same.nt"])
    assert "import/same" in str(info.value)
    assert len(memory_store) == 0


def test_reloading_replaces_a_graph(memory_store: EmbeddedStore, tmp_path: Path) -> None:
    source = tmp_path / "liste.ttl"
    source.write_text('<http://example.org/a> <http://example.org/p> "alt" .\n', encoding="utf-8")
    load_files(memory_store, [source])
    source.write_text('<http://example.org/a> <http://example.org/p> "neu" .\n', encoding="utf-8")
    load_files(memory_store, [source])
    objects = {str(o) for o in memory_store.get_graph(GRAPH["import/liste"]).objects()}
    assert objects == {"neu"}


def test_progress_is_reported_per_file(memory_store: EmbeddedStore) -> None:
    calls: list[tuple[int, int]] = []
    load_directory(memory_store, ROOT, root=ROOT, progress=lambda done, total, _: calls.append((done, total)))
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


# --- writing out: every format round-trips --------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_round_trips(any_store: Store, fmt: str) -> None:
    load_directory(any_store, ROOT, root=ROOT)
    load_files(
        any_store, [FORMATS_DIR / "sample.trig"], graph_names={FORMATS_DIR / "sample.trig": GRAPH["import/x"]}
    )
    body = serialize_store(any_store, fmt)
    back = EmbeddedStore()
    back.replace_graphs(parse_data(body, fmt, GRAPH["import/roundtrip"], source=f"export.{fmt}"))
    if FORMATS[fmt].is_dataset:
        assert back.graphs() == any_store.graphs()
        for name in any_store.graphs():
            assert isomorphic(back.get_graph(name), any_store.get_graph(name)), name
    else:
        assert isomorphic(back.union_graph(), any_store.union_graph())


def test_export_selected_graphs_to_a_file(memory_store: EmbeddedStore, tmp_path: Path) -> None:
    load_directory(memory_store, ROOT, root=ROOT)
    target = tmp_path / "plans.nq"
    count = write_store(memory_store, target, graphs=[GRAPH["data/town/plans"]])
    assert count == 6
    assert len(target.read_text(encoding="utf-8").strip().splitlines()) == 6
