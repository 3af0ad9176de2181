"""The projection of the registry onto a network, and its measures, on a small fixture."""

from __future__ import annotations

from isrp_graph.network import build_network, filter_kinds, neighbourhood, network_metrics

E = "https://w3id.org/isrp/erfurt/"
LSZ = "https://w3id.org/isrp/funding/lsz"


def _short(iri: str) -> str:
    return iri.replace(E, "").replace("https://w3id.org/isrp/", "")


def test_nodes_are_plans_and_linked_entries_with_kind_and_labels(store):
    graph = build_network(store, "de")
    nodes = {_short(n): (d["kind"], d["label"]) for n, d in graph.nodes(data=True)}
    assert nodes == {
        "plan/jugendhilfeplanung": ("plan", "Jugendhilfeplanung"),
        "plan/schulnetzplanung": ("plan", "Schulnetzplanung"),
        "plan/gesundheitsplanung": ("plan", "Gesundheitsplanung"),
        "plan/sozialplanung": ("plan", "Sozialplanung"),
        "plan/sportstaettenplanung": ("plan", "Sportstättenplanung"),
        "plan/isrp": ("plan", "Integrierte Sozialraumplanung"),
        "org/jugendamt": ("organisation", "Jugendamt"),
        "org/amt-fuer-bildung": ("organisation", "Amt für Bildung"),
        "org/gesundheitsamt": ("organisation", "Gesundheitsamt"),
        "org/sozialplanung": ("organisation", "Sozialplanung – Amt für Soziales"),
        "org/sportamt": ("organisation", "Sportamt"),
        "org/dezernat-05": ("organisation", "Dezernat 05"),
        "network/fruehe-hilfen": ("network", "Netzwerk Frühe Hilfen"),
        "network/qm-runde": ("network", "QM-Runde"),
        "body/begleitgremium": ("body", "Begleitgremium"),
        "format/sozialplanungsforum": ("format", "Sozialplanungsforum"),
        "funding/lsz": ("funding", "Landesprogramm Solidarisches Zusammenleben"),
    }  # the Umweltamt has no link and is left out
    english = build_network(store, "en")
    assert english.nodes[E + "body/begleitgremium"]["label"] == "Steering committee"
    assert english.nodes[E + "plan/schulnetzplanung"]["label"] == "Schulnetzplanung"  # no English label


def test_edges_carry_kinds_and_the_name_of_the_interface(store):
    graph = build_network(store)
    edges = {
        tuple(sorted((_short(a), _short(b)))): (d["kinds"], d["label"]) for a, b, d in graph.edges(data=True)
    }
    assert edges == {
        ("network/fruehe-hilfen", "plan/gesundheitsplanung"): (("network",), ""),
        ("org/gesundheitsamt", "plan/gesundheitsplanung"): (("responsible",), ""),
        ("body/begleitgremium", "plan/isrp"): (("participation",), ""),
        ("format/sozialplanungsforum", "plan/isrp"): (("participation",), ""),
        ("org/sozialplanung", "plan/isrp"): (("responsible",), ""),
        ("network/fruehe-hilfen", "plan/jugendhilfeplanung"): (("network",), ""),
        ("org/jugendamt", "plan/jugendhilfeplanung"): (("responsible",), ""),
        ("plan/jugendhilfeplanung", "plan/schulnetzplanung"): (("interface",), "Übergang Kita – Schule"),
        ("plan/jugendhilfeplanung", "plan/sozialplanung"): (
            ("delimitation",),
            "Hilfen für junge Volljährige",
        ),
        ("funding/lsz", "plan/jugendhilfeplanung"): (("funding",), ""),
        ("org/amt-fuer-bildung", "plan/schulnetzplanung"): (("responsible",), ""),
        ("network/qm-runde", "plan/sozialplanung"): (("network",), ""),
        ("org/sozialplanung", "plan/sozialplanung"): (("responsible",), ""),
        ("funding/lsz", "plan/sozialplanung"): (("funding",), ""),
        ("org/sportamt", "plan/sportstaettenplanung"): (("responsible",), ""),
        ("body/begleitgremium", "org/amt-fuer-bildung"): (("member",), ""),
        ("body/begleitgremium", "org/dezernat-05"): (("lead",), ""),
        ("body/begleitgremium", "org/jugendamt"): (("member",), ""),
        ("network/fruehe-hilfen", "org/jugendamt"): (("coordination",), ""),
        ("body/begleitgremium", "org/sozialplanung"): (("coordination",), ""),
        ("format/sozialplanungsforum", "org/sozialplanung"): (("coordination",), ""),
        ("format/sozialplanungsforum", "network/qm-runde"): (("support",), ""),
    }


def test_metrics_name_isolated_plans_brokers_and_communities(store):
    metrics = network_metrics(build_network(store))
    assert (metrics.node_count, metrics.edge_count) == (17, 22)
    assert [_short(n) for n in metrics.isolated_plans] == ["plan/isrp", "plan/sportstaettenplanung"]
    assert [_short(n) for n in metrics.brokers] == [
        "body/begleitgremium", "plan/jugendhilfeplanung", "network/fruehe-hilfen",
    ]  # fmt: skip
    top = metrics.most_central(3)
    assert [_short(m.iri) for m in top] == [
        "body/begleitgremium",
        "plan/jugendhilfeplanung",
        "network/fruehe-hilfen",
    ]
    assert top[0].degree == 5 and top[0].articulation_point
    sport = metrics.node(E + "plan/sportstaettenplanung")
    assert (sport.degree, sport.betweenness, sport.broker) == (1, 0.0, False)
    # every node is in exactly one community; Sportamt and its plan form their own
    members = [n for c in metrics.communities for n in c]
    assert sorted(members) == sorted(m.iri for m in metrics.nodes)
    assert {_short(n) for n in metrics.communities[-1]} == {"org/sportamt", "plan/sportstaettenplanung"}


def test_filters_by_kind_and_plan_neighbourhood(store):
    graph = build_network(store)
    plans_only = filter_kinds(graph, ["plan"])
    assert plans_only.number_of_nodes() == 6 and plans_only.number_of_edges() == 2
    around = neighbourhood(graph, E + "plan/jugendhilfeplanung")
    assert {_short(n) for n in around} == {
        "plan/jugendhilfeplanung", "org/jugendamt", "plan/schulnetzplanung", "plan/sozialplanung",
        "network/fruehe-hilfen", "funding/lsz",
    }  # fmt: skip
