"""The network for a meeting: the edge query's size (regression for the OPTIONAL cross product),
examples left out of the measures, a layout without overlapping labels, labels wrapped at words,
community names, German numbers."""

from __future__ import annotations

import networkx as nx
import pytest

from isrp_graph.network import EDGES_QUERY, build_network, network_metrics
from isrp_graph.network_layout import layout, node_box, overlaps, wrap_label
from isrp_graph.network_page import german_number, label_size, node_size, page_model


def test_edge_query_rows_grow_with_links_not_with_labels(built_registry) -> None:
    """An OPTIONAL label over an unbound ?via joined every link with every label: 216,054 rows for
    125 links. The query must give a few rows per link."""
    rows = built_registry.select(EDGES_QUERY).rows
    graph = build_network(built_registry, include_illustrative=True)
    assert graph.number_of_edges() > 100
    assert len(rows) <= 3 * graph.number_of_edges()
    # the label belongs to the interface or delimitation of the row, never to something else
    for row in rows:
        if row.get("viaLabel") is not None:
            assert row.get("via") is not None and str(row["kind"]) in ("interface", "delimitation")


def test_examples_are_left_out_by_default(built_registry) -> None:
    without = build_network(built_registry)
    with_examples = build_network(built_registry, include_illustrative=True)
    labels = lambda g: {lab for _, _, d in g.edges(data=True) for lab in d["labels"]}  # noqa: E731
    assert not any(lab.startswith("Beispiel") for lab in labels(without))
    assert any(lab.startswith("Beispiel") for lab in labels(with_examples))
    assert with_examples.number_of_edges() > without.number_of_edges()
    assert not any(d["illustrative"] for _, d in without.nodes(data=True))


@pytest.mark.parametrize(
    "label",
    [
        "Seniorenbericht (Altenhilfe-/Seniorenplanung)",
        "Bedarfsplan Kindertageseinrichtungen/Kindertagespflege",
        "Integriertes Stadtentwicklungskonzept (ISEK) Erfurt 2030",
        "Seniorenplanung",
    ],
)
def test_labels_wrap_at_word_boundaries_only(label: str) -> None:
    lines = wrap_label(label).split("\n")
    words = label.replace("-", "- ").split()
    # every line is made of whole words (or whole parts after a hyphen)
    assert " ".join(lines).replace("- ", "-") == label or "".join(lines) == label
    for line in lines:
        for part in line.replace("-", "- ").split():
            assert part in words
    assert "Seniorenpl\nanung" not in wrap_label(label)


def test_layout_has_no_overlapping_boxes_for_erfurt(built_registry) -> None:
    graph = build_network(built_registry)
    boxes = {
        n: node_box(d["label"], node_size(graph.degree(n)), label_size(graph.degree(n)))
        for n, d in graph.nodes(data=True)
    }
    positions = layout(graph, boxes)
    assert set(positions) == set(graph)
    assert overlaps(positions, boxes) == []
    assert layout(graph, boxes) == positions  # the same picture every time


def test_layout_separates_nodes_that_start_on_one_spot() -> None:
    graph = nx.Graph()
    graph.add_nodes_from(f"n{i}" for i in range(12))  # no links: all start in rows, close together
    graph.add_edges_from((f"n{i}", "n0") for i in range(1, 12))
    boxes = {n: node_box("Ein recht langer Name einer Planung", 14, 20) for n in graph}
    assert overlaps(layout(graph, boxes), boxes) == []


def test_page_model_names_communities_and_uses_german_numbers(built_registry) -> None:
    graph = build_network(built_registry)
    metrics = network_metrics(graph)
    model = page_model(graph, "de", metrics=metrics)
    names = model.context["community_names"]
    assert names and all(name.startswith("Gruppe um ") for name in names)
    most_central = metrics.communities[0][0]
    assert names[0] == f"Gruppe um {graph.nodes[most_central]['label']}"
    assert all("." not in row[4] for row in model.context["node_rows"])  # 0,123 not 0.123
    assert german_number(1234.5, 1) == "1.234,5"
    # presets per plan, body and network, each with its own overlap-free layout
    groups = [group for group, _ in model.context["preset_groups"]]
    assert groups == ["Fachplanungen", "Gremien", "Netzwerke"]
    body = "https://w3id.org/isrp/erfurt/body/begleitgremium"
    preset = model.data["presets"][body]
    assert body in preset["nodes"] and len(preset["nodes"]) > 3
    assert set(preset["pos"]) == set(preset["nodes"])
