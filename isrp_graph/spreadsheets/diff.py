"""Compare what the workbook says with what the store holds: every bad cell (sheet, row, column,
message), the entries added / removed / modified with their changed fields, and the exact triples to
remove and add per named graph.

Only what the workbook covers is compared: the sheets it contains, the columns it has, and in each
column only the values that column shows (e.g. German text in the German column). Everything else of
an entry stays as it is. A value whose canonical key is unchanged keeps its original RDF term.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from isrp_graph.messages import t
from isrp_graph.namespaces import GRAPH
from isrp_graph.spreadsheets.cells import (
    Context,
    Item,
    Problem,
    ReadItem,
    build,
    covers,
    items_from_rdf,
    read_items,
)
from isrp_graph.spreadsheets.entries import assign_entries
from isrp_graph.spreadsheets.names import compact, expand
from isrp_graph.spreadsheets.read import RawSheet
from isrp_graph.spreadsheets.schema import (
    LIST_SEPARATOR,
    Column,
    Field,
    FieldKind,
    Sheet,
    WorkbookSchema,
    normalise_header,
)
from isrp_graph.spreadsheets.snapshot import Snapshot
from isrp_graph.store.terms import new_graph

Triple = tuple[Node, Node, Node]
DEFAULT_IMPORT_GRAPH = GRAPH["import/spreadsheet"]


@dataclass(frozen=True)
class CellError:
    """A problem at one cell (``row`` 1 is the header; ``column`` is the letter, empty for a sheet)."""

    sheet: str
    row: int
    column: str
    header: str
    key: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def message(self, lang: str = "de") -> str:
        values = {
            k: (v.get(lang) or v.get("de", "")) if isinstance(v, dict) else v for k, v in self.params.items()
        }
        return t(self.key, lang, **values)

    def location(self, lang: str = "de") -> str:
        if not self.column:
            return t("sheet.at_sheet", lang, sheet=self.sheet)
        return t(
            "sheet.at_cell", lang, sheet=self.sheet, row=self.row, column=self.column, header=self.header
        )

    def line(self, lang: str = "de") -> str:
        return f"{self.location(lang)}: {self.message(lang)}"

    def as_tuple(self, lang: str = "de") -> tuple[str, int, str, str]:
        return (self.sheet, self.row, self.column, self.message(lang))


@dataclass(frozen=True)
class FieldChange:
    name_de: str
    name_en: str
    old: str
    new: str

    def name(self, lang: str = "de") -> str:
        return self.name_en if lang == "en" else self.name_de


@dataclass(frozen=True)
class EntryChange:
    action: str  # "added" | "removed" | "modified"
    iri: URIRef
    label: str
    sheet_de: str
    sheet_en: str
    fields: tuple[FieldChange, ...] = ()

    def sheet(self, lang: str = "de") -> str:
        return self.sheet_en if lang == "en" else self.sheet_de


@dataclass
class ImportPlan:
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellError] = field(default_factory=list)
    changes: list[EntryChange] = field(default_factory=list)
    additions: dict[URIRef, set[Triple]] = field(default_factory=lambda: defaultdict(set))
    removals: dict[URIRef, set[Triple]] = field(default_factory=lambda: defaultdict(set))

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[str, int]:
        counter = Counter(c.action for c in self.changes)
        return {action: counter.get(action, 0) for action in ("added", "removed", "modified")}

    def new_graphs(self, snapshot: Snapshot) -> dict[URIRef, Graph]:
        """The full new content of every graph that changes (for ``apply_write``)."""
        result: dict[URIRef, Graph] = {}
        for name in sorted(set(self.additions) | set(self.removals)):
            removed = self.removals.get(name, set())
            added = self.additions.get(name, set())
            if not removed and not added:
                continue
            graph = new_graph()
            for triple in snapshot.graphs.get(name, new_graph()):
                if triple not in removed:
                    graph.add(triple)
            for triple in added:
                graph.add(triple)
            result[name] = graph
        return result


# --- the comparison --------------------------------------------------------------------------------


@dataclass
class _MappedSheet:
    sheet: Sheet
    raw: RawSheet
    columns: dict[int, tuple[Field, Column]]
    fields: list[Field]
    name: str  # as in the file

    def index_of(self, column: Column) -> int:
        return next(i for i, (_, c) in self.columns.items() if c == column)


def compare(
    snapshot: Snapshot,
    schema: WorkbookSchema,
    raw_sheets: list[RawSheet],
    *,
    lang: str = "de",
    target_graph: URIRef | None = None,
) -> ImportPlan:
    """Everything ``isrp import`` reports: errors, warnings, changes and the triples to write."""
    plan = ImportPlan()
    for raw in raw_sheets:  # a formula is never a value, with or without a cached result
        for row, column, formula in raw.formulas:
            letter = RawSheet.letter(column)
            header = raw.headers.get(column, "")
            shown = formula if len(formula) <= 60 else formula[:59] + "…"
            plan.errors.append(CellError(raw.name, row, letter, header, "sheet.formula", {"formula": shown}))
    ctx = Context(snapshot.lookup, lang, class_labels=schema.class_labels)
    assigned = assign_entries(snapshot, schema)
    mapped = [m for raw in raw_sheets if (m := _map_sheet(schema, raw, plan, lang)) is not None]
    ctx.workbook_iris = _workbook_iris(mapped)
    subject_graphs = _subject_graphs(snapshot)
    seen: dict[URIRef, tuple[str, int]] = {}
    for m in mapped:
        present: set[URIRef] = set()
        default_graph = target_graph or _dominant_graph(m.sheet, assigned, subject_graphs)
        for row, cells in m.raw.rows:
            iri = _row_iri(m, row, cells, plan, seen, assigned, snapshot, lang)
            if iri is None:
                continue
            present.add(iri)
            _compare_row(
                snapshot, m, row, cells, iri, iri not in assigned, ctx, plan, subject_graphs, default_graph
            )
        for entry in sorted(e for e, s in assigned.items() if s is m.sheet and e not in present):
            _remove_entry(snapshot, m.sheet, entry, plan, subject_graphs, lang)
    order = {s.shape: i for i, s in enumerate(schema.sheets)}
    sheet_index = {s.name_de: order[s.shape] for s in schema.sheets}
    actions = {"added": 0, "modified": 1, "removed": 2}
    plan.changes.sort(
        key=lambda c: (sheet_index.get(c.sheet_de, 0), actions[c.action], c.label.casefold(), c.iri)
    )
    return plan


def _map_sheet(schema: WorkbookSchema, raw: RawSheet, plan: ImportPlan, lang: str) -> _MappedSheet | None:
    sheet = schema.by_name(raw.name)
    if sheet is None and raw.from_csv:
        sheet = _guess_sheet(schema, raw)
    if sheet is None:
        plan.warnings.append(CellError(raw.name, 1, "", "", "sheet.unknown_sheet", {"sheet": raw.name}))
        return None
    by_header: dict[str, tuple[Field, Column]] = {}
    for f, column in sheet.columns:
        for text in (column.header_de, column.header_en):
            by_header.setdefault(normalise_header(text), (f, column))
    columns: dict[int, tuple[Field, Column]] = {}
    for index, header in sorted(raw.headers.items()):
        found = by_header.get(normalise_header(header))
        letter = RawSheet.letter(index)
        if found is None:
            plan.warnings.append(
                CellError(raw.name, 1, letter, header, "sheet.unknown_column", {"header": header})
            )
        elif found[1] in {c for _, c in columns.values()}:
            plan.errors.append(
                CellError(raw.name, 1, letter, header, "sheet.duplicate_column", {"header": header})
            )
        else:
            columns[index] = found
    present = {c for _, c in columns.values()}
    fields = [f for f in sheet.fields if all(c in present for c in f.columns)]
    for f in sheet.fields:
        if f not in fields and any(c in present for c in f.columns):
            missing = next(c for c in f.columns if c not in present)
            plan.warnings.append(
                CellError(raw.name, 1, "", "", "sheet.partial_field", {"header": missing.header(lang)})
            )
    if not fields or fields[0].kind != FieldKind.IRI:
        plan.errors.append(CellError(raw.name, 1, "", "", "sheet.no_iri_column", {"sheet": raw.name}))
        return None
    return _MappedSheet(sheet, raw, columns, fields, raw.name)


def _guess_sheet(schema: WorkbookSchema, raw: RawSheet) -> Sheet | None:
    headers = {normalise_header(h) for h in raw.headers.values()}
    best: tuple[int, Sheet] | None = None
    for sheet in schema.sheets:
        names = {normalise_header(x) for _, c in sheet.columns for x in (c.header_de, c.header_en)}
        score = len(headers & names)
        if "iri" in headers and (best is None or score > best[0]):
            best = (score, sheet)
    return best[1] if best and best[0] > 1 else None


def _workbook_iris(mapped: list[_MappedSheet]) -> set[URIRef]:
    found: set[URIRef] = set()
    for m in mapped:
        index = m.index_of(m.fields[0].columns[0])
        for _, cells in m.raw.rows:
            iri = expand(str(cells.get(index, "")))
            if iri is not None:
                found.add(iri)
    return found


def _row_iri(
    m: _MappedSheet,
    row: int,
    cells: dict[int, Any],
    plan: ImportPlan,
    seen: dict[URIRef, tuple[str, int]],
    assigned: dict[URIRef, Sheet],
    snapshot: Snapshot,
    lang: str,
) -> URIRef | None:
    column = m.fields[0].columns[0]
    index = m.index_of(column)
    where = (m.name, row, RawSheet.letter(index), m.raw.headers.get(index, ""))
    if not any(i in m.columns for i in cells):
        return None  # only cells in unknown columns: not an entry row
    raw = cells.get(index)
    if raw is None:
        plan.errors.append(CellError(*where, "sheet.missing_iri"))
        return None
    iri = expand(str(raw))
    if iri is None:
        plan.errors.append(CellError(*where, "sheet.bad_iri", {"value": str(raw)}))
        return None
    if iri in seen:
        first_sheet, first_row = seen[iri]
        plan.errors.append(
            CellError(
                *where, "sheet.duplicate_iri", {"value": str(raw), "sheet": first_sheet, "row": first_row}
            )
        )
        return None
    seen[iri] = (m.name, row)
    other = assigned.get(iri)
    if other is not None and other is not m.sheet:
        plan.errors.append(
            CellError(*where, "sheet.wrong_sheet", {"value": str(raw), "sheet": other.name(lang)})
        )
        return None
    if other is None and (iri, None, None) in snapshot.union:
        plan.errors.append(CellError(*where, "sheet.iri_taken", {"value": str(raw)}))
        return None
    return iri


def _compare_row(
    snapshot: Snapshot,
    m: _MappedSheet,
    row: int,
    cells: dict[int, Any],
    iri: URIRef,
    is_new: bool,
    ctx: Context,
    plan: ImportPlan,
    subject_graphs: dict[Node, list[URIRef]],
    default_graph: URIRef,
) -> None:
    union = snapshot.union
    home = default_graph if is_new else _home_graph(snapshot, iri, subject_graphs)
    changes: list[FieldChange] = []
    errors_before = len(plan.errors)
    additions: dict[URIRef, set[Triple]] = defaultdict(set)
    removals: dict[URIRef, set[Triple]] = defaultdict(set)
    typed = False
    for f in m.fields[1:]:
        raws = [cells.get(m.index_of(c)) for c in f.columns]
        nodes = [] if is_new else [o for o in union.objects(iri, f.path) if covers(f, o, m.sheet.classes)]
        current = items_from_rdf(f, nodes, union, ctx)
        read = read_items(f, raws, ctx)
        if f.kind == FieldKind.TYPE:
            typed = True
            if not read:
                read = [ReadItem((str(m.sheet.target_class),), (compact(str(m.sheet.target_class)),))]
        current_keys = {i.key: i for i in current}
        read_keys = {r.key: r for r in read}
        if set(current_keys) == set(read_keys):
            continue
        where = (m.name, row)
        if f.required and not read:
            column = f.columns[0]
            plan.errors.append(
                CellError(
                    *where,
                    RawSheet.letter(m.index_of(column)),
                    m.raw.headers.get(m.index_of(column), ""),
                    "sheet.missing_required",
                )
            )
            continue
        graphs = {
            g for i in current if i.key not in read_keys for g in _graphs_with(snapshot, iri, f.path, i.node)
        }
        target = min(graphs) if graphs else home
        for item in current:
            if item.key not in read_keys:
                for g in _graphs_with(snapshot, iri, f.path, item.node):
                    removals[g].add((iri, f.path, item.node))  # type: ignore[arg-type]
                    removals[g] |= _closure(snapshot.graphs[g], item.node)
        for key, item in read_keys.items():
            if key in current_keys:
                continue
            built = build(f, item, ctx)
            if isinstance(built, list):
                _cell_errors(plan, m, row, f, built, ctx.lang)
                continue
            node, extra = built
            additions[target].add((iri, f.path, node))  # type: ignore[arg-type]
            additions[target] |= set(extra)
        changes.append(
            FieldChange(_field_name(f, "de"), _field_name(f, "en"), _joined(current), _joined(read))
        )
    if is_new and not typed:
        additions[home].add((iri, RDF.type, m.sheet.target_class))
    if len(plan.errors) > errors_before:
        return
    for g, triples in additions.items():
        plan.additions[g] |= triples
    for g, triples in removals.items():
        plan.removals[g] |= triples
    if is_new or changes:
        label = _row_label(m, cells, iri, snapshot, ctx.lang)
        action = "added" if is_new else "modified"
        plan.changes.append(EntryChange(action, iri, label, m.sheet.name_de, m.sheet.name_en, tuple(changes)))


def _remove_entry(
    snapshot: Snapshot,
    sheet: Sheet,
    entry: URIRef,
    plan: ImportPlan,
    subject_graphs: dict[Node, list[URIRef]],
    lang: str,
) -> None:
    for g in subject_graphs.get(entry, []):
        graph = snapshot.graphs[g]
        for p, o in graph.predicate_objects(entry):
            plan.removals[g].add((entry, p, o))
            plan.removals[g] |= _closure(graph, o)
    label = snapshot.lookup.label(entry, lang) or compact(str(entry))
    plan.changes.append(EntryChange("removed", entry, label, sheet.name_de, sheet.name_en))


def _cell_errors(
    plan: ImportPlan, m: _MappedSheet, row: int, f: Field, problems: list[Problem], lang: str
) -> None:
    for problem in problems:
        column = next((c for c in f.columns if c.part == problem.part), f.columns[0])
        letter = RawSheet.letter(m.index_of(column))
        header = m.raw.headers.get(m.index_of(column), "")
        plan.errors.append(CellError(m.name, row, letter, header, problem.key, problem.params))


# --- helpers ---------------------------------------------------------------------------------------


def _subject_graphs(snapshot: Snapshot) -> dict[Node, list[URIRef]]:
    found: dict[Node, set[URIRef]] = defaultdict(set)
    for name, graph in snapshot.graphs.items():
        for subject in set(graph.subjects()):
            found[subject].add(name)
    return {s: sorted(g) for s, g in found.items()}


def _home_graph(snapshot: Snapshot, iri: URIRef, subject_graphs: dict[Node, list[URIRef]]) -> URIRef:
    typed = [g for g in subject_graphs.get(iri, []) if (iri, RDF.type, None) in snapshot.graphs[g]]
    return (typed or subject_graphs.get(iri) or [DEFAULT_IMPORT_GRAPH])[0]


def _dominant_graph(
    sheet: Sheet, assigned: dict[URIRef, Sheet], subject_graphs: dict[Node, list[URIRef]]
) -> URIRef:
    counter: Counter[URIRef] = Counter()
    for entry, s in assigned.items():
        if s is sheet and subject_graphs.get(entry):
            counter[subject_graphs[entry][0]] += 1
    return min(counter, key=lambda g: (-counter[g], str(g))) if counter else DEFAULT_IMPORT_GRAPH


def _graphs_with(snapshot: Snapshot, s: Node, p: Node | None, o: Node | None) -> list[URIRef]:
    return [name for name, graph in snapshot.graphs.items() if (s, p, o) in graph]


def _closure(graph: Graph, node: Node) -> set[Triple]:
    """Triples of the blank-node structure hanging off ``node`` (empty for an IRI or literal)."""
    found: set[Triple] = set()
    todo = [node] if isinstance(node, BNode) else []
    seen: set[Node] = set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for p, o in graph.predicate_objects(current):
            found.add((current, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return found


def _field_name(f: Field, lang: str) -> str:
    if f.kind == FieldKind.INTERVAL:
        return f.name(lang)
    return f.columns[0].header(lang)


def _joined(items: list[Item] | list[ReadItem]) -> str:
    return LIST_SEPARATOR.join(i.text for i in items)


def _row_label(m: _MappedSheet, cells: dict[int, Any], iri: URIRef, snapshot: Snapshot, lang: str) -> str:
    current = snapshot.lookup.label(iri, lang)
    if current:
        return current
    for f in m.fields:
        if f.path is not None and str(f.path).endswith("label") and f.lang == "de":
            value = cells.get(m.index_of(f.columns[0]))
            if value:
                return str(value)
    return compact(str(iri))
