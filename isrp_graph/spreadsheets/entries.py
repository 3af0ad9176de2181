"""Which registry entries go on which sheet: every IRI with an ``rdf:type`` outside the ontology graphs
goes on the sheet of its most specific type (one sheet per entry, never two)."""

from __future__ import annotations

from collections import defaultdict

from rdflib import URIRef
from rdflib.namespace import RDF

from isrp_graph.namespaces import GRAPH
from isrp_graph.spreadsheets.schema import Sheet, WorkbookSchema
from isrp_graph.spreadsheets.snapshot import Snapshot

ONTOLOGY_GRAPHS = str(GRAPH["ontology/"])


def editable_subjects(snapshot: Snapshot) -> set[URIRef]:
    """IRIs typed in a data graph (data/, imports), not in the ontology or vocabularies."""
    found: set[URIRef] = set()
    for name, graph in snapshot.graphs.items():
        if str(name).startswith(ONTOLOGY_GRAPHS):
            continue
        found |= {s for s in graph.subjects(RDF.type) if isinstance(s, URIRef)}
    return found


def assign_entries(snapshot: Snapshot, schema: WorkbookSchema) -> dict[URIRef, Sheet]:
    lookup = snapshot.lookup
    assigned: dict[URIRef, Sheet] = {}
    for subject in editable_subjects(snapshot):
        sheet = schema.sheet_for_types(lookup.types(subject), lookup)
        if sheet is not None:
            assigned[subject] = sheet
    return assigned


def entries_by_sheet(snapshot: Snapshot, schema: WorkbookSchema) -> dict[URIRef, list[URIRef]]:
    """Sheet shape -> its entries, sorted by IRI (callers sort for display)."""
    grouped: dict[URIRef, list[URIRef]] = defaultdict(list)
    for entry, sheet in assign_entries(snapshot, schema).items():
        grouped[sheet.shape].append(entry)
    return {shape: sorted(items) for shape, items in grouped.items()}
