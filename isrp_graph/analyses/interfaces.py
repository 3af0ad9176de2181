"""Declared interfaces and delimitations: for one plan, and as a plan × plan matrix.

``plan_interfaces(store, plan)`` lists a plan's declared interfaces and delimitations with every partner
plan (named query ``plan-interfaces``). ``interface_matrix(store)`` puts every plan against every other
plan of its municipality (``isrp:municipality``): each cell holds the declared interfaces, the declared
delimitations and the derived overlap (strength and evidence, from ``overlaps.find_overlaps``) of the
pair — as data, as a wide CSV matrix and as a list. On a store of several municipalities the matrix has
one part per municipality (``parts``; the wide table puts them one below the other), so its size is the
sum of the municipalities' squares, never the square of all plans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from isrp_graph.analyses.basis import Facts
from isrp_graph.analyses.common import Labeller, Ref, iri_list, ref_key, run
from isrp_graph.analyses.overlaps import Overlap, OverlapReport, find_overlaps
from isrp_graph.analyses.table import Table, joined
from isrp_graph.messages import normalise_lang, t
from isrp_graph.queries import expand_iri
from isrp_graph.store.base import Store

ISRP_INTERFACE = "https://w3id.org/isrp/def#Interface"
ISRP_DELIMITATION = "https://w3id.org/isrp/def#Delimitation"
INTERFACE = "interface"
DELIMITATION = "delimitation"


@dataclass(frozen=True)
class DeclaredRelation:
    """One declared interface or delimitation, seen from one plan towards one partner plan."""

    relation: Ref
    kind: str
    partner: Ref
    topics: tuple[Ref, ...] = ()
    target_groups: tuple[Ref, ...] = ()
    coordination_forms: tuple[Ref, ...] = ()
    rule: str | None = None


@dataclass(frozen=True)
class PlanInterfaces:
    plan: Ref
    interfaces: tuple[DeclaredRelation, ...]
    delimitations: tuple[DeclaredRelation, ...]
    lang: str = "de"

    def tables(self) -> list[Table]:
        lang = self.lang
        columns = tuple(
            t(f"analysis.col.{k}", lang)
            for k in ("relation", "kind", "partner", "topics", "target_groups", "coordination_forms", "rule")
        )
        rows = tuple(
            (
                r.relation.label,
                t(f"analysis.interfaces.kind.{r.kind}", lang),
                r.partner.label,
                joined(r.topics),
                joined(r.target_groups),
                joined(r.coordination_forms),
                r.rule or "",
            )
            for r in (*self.interfaces, *self.delimitations)
        )
        return [
            Table(
                name="plan-interfaces",
                finding=False,
                title=t("analysis.interfaces.plan.title", lang, plan=self.plan.label),
                description=t("analysis.interfaces.plan.description", lang),
                columns=columns,
                rows=rows,
            )
        ]


def plan_interfaces(store: Store, plan: str, lang: str = "de") -> PlanInterfaces:
    """The declared interfaces and delimitations of ``plan`` (IRI or prefixed name), by partner label."""
    lang = normalise_lang(lang)
    plan_iri = expand_iri(plan)
    result = run(store, "plan-interfaces", lang, {"plan": plan_iri})
    labeller = Labeller(store, lang)
    labeller.prime(
        [plan_iri]
        + [str(row[c]) for row in result.rows for c in ("relation", "partner")]
        + [
            i
            for row in result.rows
            for c in ("topics", "targetGroups", "coordinationForms")
            for i in iri_list(row[c])
        ]
    )
    relations = [
        DeclaredRelation(
            relation=labeller.ref(str(row["relation"])),
            kind=INTERFACE if str(row["kind"]) == ISRP_INTERFACE else DELIMITATION,
            partner=labeller.ref(str(row["partner"])),
            topics=labeller.refs(iri_list(row["topics"])),
            target_groups=labeller.refs(iri_list(row["targetGroups"])),
            coordination_forms=labeller.refs(iri_list(row["coordinationForms"])),
            rule=None if row["rule"] is None else str(row["rule"]),
        )
        for row in result.rows
    ]
    relations.sort(key=lambda r: (ref_key(r.partner), ref_key(r.relation)))
    return PlanInterfaces(
        plan=labeller.ref(plan_iri),
        interfaces=tuple(r for r in relations if r.kind == INTERFACE),
        delimitations=tuple(r for r in relations if r.kind == DELIMITATION),
        lang=lang,
    )


@dataclass(frozen=True)
class MatrixCell:
    """What is known about one pair of plans (``plan_a`` before ``plan_b`` by IRI)."""

    plan_a: Ref
    plan_b: Ref
    interfaces: tuple[Ref, ...] = ()
    delimitations: tuple[Ref, ...] = ()
    overlap: Overlap | None = None
    examples: tuple[Ref, ...] = ()  # illustrative relations: never counted, marked when shown

    def summary(self, lang: str) -> str:
        """Short cell text: "2 S · 1 A · Ü 5" (interfaces, delimitations, overlap strength; "enthalten"
        for a sub-plan pair; "B" marks example relations)."""
        parts = []
        if self.interfaces:
            parts.append(t("analysis.matrix.interfaces", lang, n=len(self.interfaces)))
        if self.delimitations:
            parts.append(t("analysis.matrix.delimitations", lang, n=len(self.delimitations)))
        if self.overlap is not None:
            if self.overlap.contained and not self.overlap.declared:
                parts.append(t("analysis.matrix.contained", lang))
            else:
                key = (
                    "analysis.matrix.overlap"
                    if self.overlap.declared
                    else "analysis.matrix.overlap_undeclared"
                )
                parts.append(t(key, lang, strength=self.overlap.strength))
        if self.examples:
            parts.append(t("analysis.matrix.examples", lang, n=len(self.examples)))
        return " · ".join(parts)


@dataclass(frozen=True)
class InterfaceMatrix:
    plans: tuple[Ref, ...]
    cells: tuple[MatrixCell, ...]
    lang: str = "de"
    include_examples: bool = False
    municipality: Ref | None = None  # the municipality of a part (None: the whole matrix)
    parts: tuple[InterfaceMatrix, ...] = ()  # one per municipality when the store holds several

    def cell(self, plan_x: str, plan_y: str) -> MatrixCell | None:
        """The cell of two plans in either order (``None`` when nothing connects them)."""
        a, b = sorted((plan_x, plan_y))
        return next((c for c in self.cells if (c.plan_a.iri, c.plan_b.iri) == (a, b)), None)

    def _rows(self, width: int) -> list[tuple[str, ...]]:
        index = {(c.plan_a.iri, c.plan_b.iri): c for c in self.cells}
        rows = []
        for number, row_plan in enumerate(self.plans, 1):
            cells = [f"{number}. {row_plan.label}"]
            for column_plan in self.plans:
                if row_plan.iri == column_plan.iri:
                    cells.append("—")
                    continue
                a, b = sorted((row_plan.iri, column_plan.iri))
                cell = index.get((a, b))
                cells.append(cell.summary(self.lang) if cell else "")
            rows.append(tuple(cells + [""] * (width - len(self.plans))))
        return rows

    def matrix_table(self) -> Table:
        """Rows "1. Plan", columns numbered the same way (25 long plan names do not fit as headers).
        With several municipalities each part follows a row "Kommune: …", numbered on its own."""
        lang = self.lang
        parts = self.parts or (self,)
        width = max((len(p.plans) for p in parts), default=0)
        rows: list[tuple[str, ...]] = []
        for part in parts:
            if self.parts:
                name = part.municipality.label if part.municipality else "–"
                rows.append((t("analysis.matrix.municipality", lang, name=name), *([""] * width)))
            rows += part._rows(width)
        return Table(
            name="interface-matrix",
            finding=False,
            title=t("analysis.matrix.title", lang),
            description=t("analysis.matrix.description", lang),
            columns=(t("analysis.col.plan", lang), *(str(n) for n in range(1, width + 1))),
            rows=tuple(rows),
        )

    def pairs_table(self) -> Table:
        lang = self.lang
        columns = tuple(
            t(f"analysis.col.{k}", lang)
            for k in ("plan_a", "plan_b", "interfaces", "delimitations", "strength", "kinds", "evidence")
        )
        rows = []
        for c in self.cells:
            overlap = c.overlap
            evidence = ""
            if overlap is not None:
                evidence = joined(
                    [*overlap.target_groups, *overlap.topics, *overlap.schemes, *overlap.networks]
                )
            rows.append(
                (
                    c.plan_a.label,
                    c.plan_b.label,
                    joined(c.interfaces),
                    joined(c.delimitations),
                    "" if overlap is None else str(overlap.strength),
                    ""
                    if overlap is None
                    else joined([t(f"analysis.overlaps.kind.{k}", lang) for k in overlap.kinds]),
                    evidence,
                )
            )
        return Table(
            name="interface-pairs",
            finding=False,
            title=t("analysis.matrix.pairs.title", lang),
            description=t("analysis.matrix.pairs.description", lang),
            columns=columns,
            rows=tuple(rows),
        )

    def to_csv(self) -> str:
        """The wide matrix as CSV for German Excel (semicolon, UTF-8 with BOM)."""
        return self.matrix_table().to_csv()

    def tables(self) -> list[Table]:
        return [self.matrix_table(), self.pairs_table()]


def interface_matrix(
    store: Store,
    lang: str = "de",
    overlaps: OverlapReport | None = None,
    *,
    include_examples: bool = False,
    kommunen: Sequence[str] = (),
) -> InterfaceMatrix:
    """Every plan × plan pair of one municipality with declared interfaces, delimitations and derived
    overlaps. Pass an ``OverlapReport`` computed before (for the same ``kommunen``) to avoid running the
    overlap queries twice. Illustrative relations and plans are never counted; with ``include_examples``
    they are shown, marked. ``kommunen`` (municipality IRIs): only their plans (empty: all)."""
    lang = normalise_lang(lang)
    kommunen = tuple(kommunen)
    if overlaps is None:
        overlaps = find_overlaps(store, lang, include_examples=include_examples, kommunen=kommunen)
    plans_result = run(store, "plans-overview", lang, kommunen=kommunen)
    relations = run(store, "plan-relations", lang, kommunen=kommunen)
    facts = Facts(
        store, [str(r["plan"]) for r in plans_result.rows] + [str(r["relation"]) for r in relations.rows]
    )
    labeller = Labeller(store, lang)
    labeller.prime([str(r["plan"]) for r in plans_result.rows] + [str(r["relation"]) for r in relations.rows])
    plans = tuple(
        sorted(
            {
                labeller.ref(str(r["plan"]))
                for r in plans_result.rows
                if include_examples or not facts.illustrative(str(r["plan"]))
            },
            key=ref_key,
        )
    )
    declared: dict[tuple[str, str], dict[str, list[Ref]]] = {}
    for row in relations.rows:
        pair = (str(row["planA"]), str(row["planB"]))
        kind = INTERFACE if str(row["kind"]) == ISRP_INTERFACE else DELIMITATION
        if facts.illustrative(str(row["relation"])):
            kind = "example"
        declared.setdefault(pair, {INTERFACE: [], DELIMITATION: [], "example": []})[kind].append(
            labeller.ref(str(row["relation"]))
        )
    by_pair = {o.pair: o for o in overlaps.overlaps}
    shown = {p.iri for p in plans}
    cells = []
    for pair in sorted(set(declared) | set(by_pair)):
        if not set(pair) <= shown:
            continue
        kinds = declared.get(pair, {INTERFACE: [], DELIMITATION: [], "example": []})
        if not (kinds[INTERFACE] or kinds[DELIMITATION] or pair in by_pair or include_examples):
            continue
        cells.append(
            MatrixCell(
                plan_a=labeller.ref(pair[0]),
                plan_b=labeller.ref(pair[1]),
                interfaces=tuple(sorted(kinds[INTERFACE], key=ref_key)),
                delimitations=tuple(sorted(kinds[DELIMITATION], key=ref_key)),
                overlap=by_pair.get(pair),
                examples=tuple(sorted(kinds["example"], key=ref_key)) if include_examples else (),
            )
        )
    cells.sort(key=lambda c: (ref_key(c.plan_a), ref_key(c.plan_b)))
    home = {str(r["plan"]): str(r.get("municipality") or "") for r in plans_result.rows}
    return InterfaceMatrix(
        plans=plans,
        cells=tuple(cells),
        lang=lang,
        include_examples=include_examples,
        parts=_parts(labeller, plans, cells, home, include_examples),
    )


def _parts(
    labeller: Labeller,
    plans: Sequence[Ref],
    cells: Sequence[MatrixCell],
    home: dict[str, str],
    include_examples: bool,
) -> tuple[InterfaceMatrix, ...]:
    """One matrix per municipality (none when all plans belong to one): its plans and the cells of
    two of its plans, by the municipality's label."""
    municipalities = sorted({home.get(p.iri, "") for p in plans})
    if len(municipalities) <= 1:
        return ()
    labeller.prime([m for m in municipalities if m])
    by_municipality: dict[str, list[MatrixCell]] = {m: [] for m in municipalities}
    for cell in cells:
        a, b = home.get(cell.plan_a.iri, ""), home.get(cell.plan_b.iri, "")
        if a == b:
            by_municipality[a].append(cell)
    plans_of: dict[str, list[Ref]] = {m: [] for m in municipalities}  # one pass, in the order of plans
    for plan in plans:
        plans_of[home.get(plan.iri, "")].append(plan)
    parts = [
        InterfaceMatrix(
            plans=tuple(plans_of[m]),
            cells=tuple(by_municipality[m]),
            lang=labeller.lang,
            include_examples=include_examples,
            municipality=labeller.ref(m) if m else None,
        )
        for m in municipalities
    ]
    parts.sort(key=lambda part: ref_key(part.municipality) if part.municipality else ("", ""))
    return tuple(parts)
