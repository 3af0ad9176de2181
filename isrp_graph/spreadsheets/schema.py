"""The workbook layout, derived from the SHACL shapes (TopBraid style): one sheet per node shape with
``sh:targetClass``, one field per property shape, columns ordered by ``sh:group``'s ``sh:order`` and then
the property's ``sh:order``, headers from ``sh:name``. One change to a shape changes the workbook.

A *field* is what the import compares and replaces as a unit: one property path (for language-tagged
text: one path and one language). Most fields have one column; an OWL-Time term has two (Beginn, Ende).
See docs/spreadsheets.md for every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD
from rdflib.term import Node

from isrp_graph.namespaces import ISRP, ORG, SHAPES, VOCAB
from isrp_graph.spreadsheets.names import compact
from isrp_graph.spreadsheets.snapshot import Lookup, Snapshot

SCHEME_ANNOTATION = SHAPES.scheme  # isrps:scheme <vocab/...> on a property shape
SHEET_NAME_MAX = 31
LIST_SEPARATOR = " | "
INTERVAL_CLASSES = {TIME.ProperInterval, TIME.Interval, TIME.TemporalEntity}
INTERVAL_PATHS = {ISRP["term"], ISRP.schedule}  # ISRP.term would be rdflib's Namespace.term method
NUMBER_TYPES = {
    XSD.integer,
    XSD.int,
    XSD.long,
    XSD.short,
    XSD.positiveInteger,
    XSD.nonNegativeInteger,
    XSD.negativeInteger,
    XSD.nonPositiveInteger,
    XSD.decimal,
    XSD.double,
    XSD.float,
}
INTEGER_TYPES = NUMBER_TYPES - {XSD.decimal, XSD.double, XSD.float}
# Sheets in this order when node shapes carry no sh:order: plans first, places last.
PREFERRED_ORDER = (
    ISRP.SectoralPlan,
    ISRP.IntegratedPlan,
    ISRP.Interface,
    ISRP.Delimitation,
    ISRP.Network,
    ISRP.FundingScheme,
    ISRP.Measure,
    ISRP.Body,
    ISRP.ParticipationFormat,
    ISRP.ProcessStep,
    ORG.Organization,
    ISRP.AdministrativeUnit,
    ISRP.SpatialUnit,
)
# Labels of reused classes whose ontology (W3C ORG, PROV …) is not loaded.
REUSED_CLASS_LABELS = {
    ORG.Organization: {"de": "Organisation", "en": "organisation"},
    ORG.OrganizationalUnit: {"de": "Organisationseinheit", "en": "organisational unit"},
    ORG.OrganizationalCollaboration: {"de": "Zusammenarbeit", "en": "collaboration"},
    ORG.FormalOrganization: {"de": "formale Organisation", "en": "formal organisation"},
}
# Classes whose instances are maintained as files of the ontology, never in the workbook.
NOT_EDITED_HERE = {SKOS.Concept, SKOS.ConceptScheme, OWL.Class, RDFS.Class, SH.NodeShape, OWL.Ontology}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class FieldKind(StrEnum):
    IRI = "iri"  # the key column
    TYPE = "type"  # rdf:type among the sheet's classes (only when it has several)
    LANG_TEXT = "lang-text"  # rdf:langString, one column per language
    TEXT = "text"
    DATE = "date"
    BOOLEAN = "boolean"
    NUMBER = "number"
    LITERAL = "literal"  # another datatype (xsd:duration, xsd:gYear …): its lexical form as text
    CHOICE = "choice"  # sh:in of literals
    ANY = "any"  # the shape says nothing usable: IRIs compact, literals as text
    CONCEPT = "concept"  # SKOS concept, shown by its prefLabel
    REFERENCE = "reference"  # another entry, shown as compact IRI
    INTERVAL = "interval"  # OWL-Time interval: Beginn / Ende
    ROLES = "roles"  # prov:qualifiedAssociation: "Rolle: Stelle (Anmerkung)"


@dataclass(frozen=True)
class Column:
    key: str
    header_de: str
    header_en: str
    part: str = "value"  # "value" | "begin" | "end"

    def header(self, lang: str, required: bool = False) -> str:
        text = self.header_en if lang == "en" else self.header_de
        return f"{text} *" if required else text


@dataclass(frozen=True)
class Field:
    kind: FieldKind
    path: URIRef | None
    name_de: str
    name_en: str
    columns: tuple[Column, ...]
    description_de: str = ""
    description_en: str = ""
    required: bool = False
    multiple: bool = True
    lang: str | None = None
    datatype: URIRef | None = None
    concepts: tuple[URIRef, ...] = ()  # allowed SKOS concepts (CONCEPT, roles of ROLES)
    choices: tuple[Literal, ...] = ()  # allowed literals (CHOICE)
    ref_class: URIRef | None = None
    group_de: str = ""
    group_en: str = ""
    list_name: str = ""  # name of the value list on the sheet "Listen" (CONCEPT, TYPE, CHOICE)

    @property
    def key(self) -> str:
        return self.columns[0].key.split("#")[0]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_de

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_de


@dataclass(frozen=True)
class Sheet:
    shape: URIRef
    target_class: URIRef
    name_de: str
    name_en: str
    classes: tuple[URIRef, ...]  # rdf:type values that put an entry on this sheet
    fields: tuple[Field, ...]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_de

    @property
    def columns(self) -> list[tuple[Field, Column]]:
        return [(f, c) for f in self.fields for c in f.columns]


@dataclass(frozen=True)
class WorkbookSchema:
    sheets: tuple[Sheet, ...]
    class_labels: dict[URIRef, dict[str, str]] = field(default_factory=dict)

    def sheet_for_types(self, types: Iterable[URIRef], lookup: Lookup) -> Sheet | None:
        """The sheet of an entry: the one whose target class is the most specific of its types'."""
        best: tuple[int, int, Sheet] | None = None
        for index, sheet in enumerate(self.sheets):
            for cls in types:
                if cls in sheet.classes:
                    depth = len(lookup.superclasses(sheet.target_class))
                    if best is None or (depth, -index) > (best[0], best[1]):
                        best = (depth, -index, sheet)
        return best[2] if best else None

    def by_name(self, name: str) -> Sheet | None:
        wanted = normalise_header(name)
        for sheet in self.sheets:
            if wanted in (normalise_header(sheet.name_de), normalise_header(sheet.name_en)):
                return sheet
        return None


def normalise_header(text: str) -> str:
    """Header text as compared on import: no required marker, single spaces, case-insensitive."""
    value = " ".join(str(text).replace("*", " ").split())
    return value.casefold()


# --- building --------------------------------------------------------------------------------------


def load_schema(snapshot: Snapshot) -> WorkbookSchema:
    return build_schema(snapshot.shapes, snapshot.union, snapshot.lookup)


def build_schema(shapes: Graph, union: Graph, lookup: Lookup | None = None) -> WorkbookSchema:
    """The workbook layout for ``shapes`` (SHACL) over the ontology, vocabularies and data in ``union``."""
    lookup = lookup or Lookup(union)
    drafts: list[tuple[tuple, URIRef, URIRef, dict[str, str], list[_PropertyInfo]]] = []
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        if not isinstance(shape, URIRef) or _true(shapes.value(shape, SH.deactivated)):
            continue
        targets = sorted(t for t in shapes.objects(shape, SH.targetClass) if isinstance(t, URIRef))
        if not targets and ((shape, RDF.type, OWL.Class) in shapes or (shape, RDF.type, OWL.Class) in union):
            targets = [shape]
        if not targets:
            continue
        target = targets[0]
        if target in NOT_EDITED_HERE:
            continue
        labels = _texts(shapes, shape, RDFS.label) or _texts(union, target, RDFS.label)
        props = _merged_properties(shapes, _property_shapes(shapes, shape))
        drafts.append((_sheet_sort_key(shapes, shape, target, labels), shape, target, labels, props))
    drafts.sort(key=lambda d: d[0])
    targets = [d[2] for d in drafts]
    sheets: list[Sheet] = []
    used_names: set[str] = set()
    lists: dict[tuple, str] = {}
    for _, shape, target, labels, props in drafts:
        classes = tuple(
            sorted(c for c in lookup.subclasses(target) if _nearest(lookup, c, targets) == target)
        )
        name_de = _unique_sheet_name(labels.get("de") or _local(target), used_names)
        name_en = _sheet_name(labels.get("en") or labels.get("de") or _local(target))
        fields = _fields(props, target, classes, shapes, union, lookup, lists, name_de)
        sheets.append(Sheet(shape, target, name_de, name_en, classes, tuple(fields)))
    class_labels = {
        cls: {
            lang: lookup.label(cls, lang) or REUSED_CLASS_LABELS.get(cls, {}).get(lang) or _local(cls)
            for lang in ("de", "en")
        }
        for sheet in sheets
        for cls in sheet.classes
    }
    return WorkbookSchema(tuple(sheets), class_labels)


@dataclass
class _PropertyInfo:
    path: URIRef
    names: dict[str, str]
    descriptions: dict[str, str]
    order: float
    group_order: float
    group_labels: dict[str, str]
    min_count: int
    max_count: int | None
    violation: bool
    datatype: URIRef | None
    classes: list[URIRef]
    node_kind: URIRef | None
    members: list[Node]
    schemes: list[URIRef]
    nodes: list[Node]
    has_or: bool


def _property_shapes(shapes: Graph, shape: Node, seen: set[Node] | None = None) -> list[Node]:
    """Property shapes of a node shape, including those of node shapes it builds on (sh:node, sh:and)."""
    seen = seen if seen is not None else set()
    if shape in seen:
        return []
    seen.add(shape)
    found = list(shapes.objects(shape, SH.property))
    parents = list(shapes.objects(shape, SH.node))
    for conj in shapes.objects(shape, SH["and"]):
        parents += list(Collection(shapes, conj))
    for parent in parents:
        found += _property_shapes(shapes, parent, seen)
    return found


def _merged_properties(shapes: Graph, nodes: list[Node]) -> list[_PropertyInfo]:
    """One info per simple path (several property shapes on the same path are merged)."""
    merged: dict[URIRef, _PropertyInfo] = {}
    for ps in nodes:
        path = shapes.value(ps, SH.path)
        if not isinstance(path, URIRef) or _true(shapes.value(ps, SH.deactivated)):
            continue  # complex paths (inverse, sequence) have no column: their triples stay untouched
        group = shapes.value(ps, SH.group)
        severity = shapes.value(ps, SH.severity)
        members: list[Node] = []
        for lst in shapes.objects(ps, SH["in"]):
            members += list(Collection(shapes, lst))
        info = _PropertyInfo(
            path=path,
            names=_texts(shapes, ps, SH.name),
            descriptions=_texts(shapes, ps, SH.description),
            order=_number(shapes.value(ps, SH.order), 1e9),
            group_order=_number(shapes.value(group, SH.order), 1e9) if group is not None else 1e9,
            group_labels=_texts(shapes, group, RDFS.label) if group is not None else {},
            min_count=int(_number(shapes.value(ps, SH.minCount), 0)),
            max_count=_int_or_none(shapes.value(ps, SH.maxCount)),
            violation=severity is None or severity == SH.Violation,
            datatype=_uri(shapes.value(ps, SH.datatype)),
            classes=[c for c in shapes.objects(ps, SH["class"]) if isinstance(c, URIRef)],
            node_kind=_uri(shapes.value(ps, SH.nodeKind)),
            members=members,
            schemes=[s for s in shapes.objects(ps, SCHEME_ANNOTATION) if isinstance(s, URIRef)],
            nodes=list(shapes.objects(ps, SH.node)),
            has_or=shapes.value(ps, SH["or"]) is not None,
        )
        old = merged.get(path)
        merged[path] = info if old is None else _merge(old, info)
    return sorted(merged.values(), key=lambda p: (p.group_order, p.order, p.names.get("de", str(p.path))))


def _merge(a: _PropertyInfo, b: _PropertyInfo) -> _PropertyInfo:
    return _PropertyInfo(
        path=a.path,
        names=a.names or b.names,
        descriptions=a.descriptions or b.descriptions,
        order=min(a.order, b.order),
        group_order=min(a.group_order, b.group_order),
        group_labels=a.group_labels or b.group_labels,
        min_count=max(a.min_count, b.min_count)
        if (a.violation and b.violation)
        else a.min_count or b.min_count,
        max_count=min(x for x in (a.max_count, b.max_count) if x is not None)
        if a.max_count is not None or b.max_count is not None
        else None,
        violation=a.violation and b.violation
        if a.min_count and b.min_count
        else (a.violation if a.min_count else b.violation),
        datatype=a.datatype or b.datatype,
        classes=a.classes + [c for c in b.classes if c not in a.classes],
        node_kind=a.node_kind or b.node_kind,
        members=a.members or b.members,
        schemes=a.schemes + [s for s in b.schemes if s not in a.schemes],
        nodes=a.nodes + b.nodes,
        has_or=a.has_or or b.has_or,
    )


def _fields(
    props: list[_PropertyInfo],
    target: URIRef,
    classes: tuple[URIRef, ...],
    shapes: Graph,
    union: Graph,
    lookup: Lookup,
    lists: dict[tuple, str],
    sheet_label: str,
) -> list[Field]:
    label_info = next((p for p in props if p.path == RDFS.label), None)
    fields: list[Field] = [
        Field(
            FieldKind.IRI,
            None,
            "IRI",
            "IRI",
            (Column("IRI", "IRI", "IRI"),),
            "Kennung des Eintrags (Schlüssel)",
            "identifier of the entry (key)",
            required=True,
            multiple=False,
        )
    ]
    fields += _label_fields(label_info)
    if len(classes) > 1:
        fields.append(
            Field(
                FieldKind.TYPE,
                RDF.type,
                "Art",
                "kind",
                (Column("rdf:type", "Art", "Kind"),),
                "Genauere Art des Eintrags (leer: die allgemeine Art des Blatts)",
                "more specific kind of the entry (empty: the sheet's general kind)",
                multiple=True,
                concepts=classes,
                list_name=_list_name(lists, ("type", *classes), f"Art ({sheet_label})"),
            )
        )
    for info in props:
        if info.path in (RDFS.label, RDF.type):
            continue
        fields += _property_fields(info, target, shapes, union, lookup, lists)
    return fields


def _label_fields(info: _PropertyInfo | None) -> list[Field]:
    name_de = info.names.get("de", "Bezeichnung") if info else "Bezeichnung"
    name_en = info.names.get("en", "label") if info else "label"
    required = bool(info.min_count and info.violation) if info else True
    return [
        Field(
            FieldKind.LANG_TEXT,
            RDFS.label,
            name_de,
            name_en,
            (Column("rdfs:label@de", name_de, f"{name_en} (de)"),),
            "Name auf Deutsch",
            "name in German",
            required=required,
            multiple=False,
            lang="de",
        ),
        Field(
            FieldKind.LANG_TEXT,
            RDFS.label,
            f"{name_de} (en)",
            f"{name_en} (en)",
            (Column("rdfs:label@en", f"{name_de} (en)", f"{name_en} (en)"),),
            "Name auf Englisch (wo sinnvoll)",
            "name in English (where it makes sense)",
            multiple=False,
            lang="en",
        ),
    ]


def _property_fields(
    info: _PropertyInfo, target: URIRef, shapes: Graph, union: Graph, lookup: Lookup, lists: dict[tuple, str]
) -> list[Field]:
    key = compact(str(info.path))
    name_de = info.names.get("de") or lookup.label(info.path, "de") or _local(info.path)
    name_en = info.names.get("en") or lookup.label(info.path, "en") or name_de
    common = {
        "path": info.path,
        "description_de": info.descriptions.get("de", ""),
        "description_en": info.descriptions.get("en", ""),
        "required": bool(info.min_count and info.violation),
        "multiple": info.max_count != 1,
        "group_de": info.group_labels.get("de", ""),
        "group_en": info.group_labels.get("en", info.group_labels.get("de", "")),
    }

    def one(kind: FieldKind, **extra: object) -> list[Field]:
        column = Column(key, name_de, name_en)
        return [Field(kind, name_de=name_de, name_en=name_en, columns=(column,), **common, **extra)]  # type: ignore[arg-type]

    if info.path == PROV.qualifiedAssociation:
        roles = _role_concepts(shapes, info, lookup)
        return one(
            FieldKind.ROLES, concepts=roles, list_name=_list_name(lists, ("concepts", *roles), "Rolle")
        )
    if _is_interval(info, shapes):
        begin_en, end_en = f"{name_en} – begin", f"{name_en} – end"
        columns = (
            Column(f"{key}#begin", f"{name_de} – Beginn", begin_en, "begin"),
            Column(f"{key}#end", f"{name_de} – Ende", end_en, "end"),
        )
        return [Field(FieldKind.INTERVAL, name_de=name_de, name_en=name_en, columns=columns, **common)]  # type: ignore[arg-type]
    literal_members = tuple(m for m in info.members if isinstance(m, Literal))
    iri_members = tuple(m for m in info.members if isinstance(m, URIRef))
    if literal_members:
        return one(
            FieldKind.CHOICE,
            choices=literal_members,
            datatype=info.datatype,
            list_name=_list_name(lists, ("choices", *literal_members), name_de),
        )
    if iri_members or info.schemes or SKOS.Concept in info.classes:
        concepts = _concepts(info, target, union, lookup, iri_members)
        scheme = info.schemes[0] if info.schemes else None
        title = (lookup.label(scheme, "de") if scheme else None) or name_de
        return one(
            FieldKind.CONCEPT,
            concepts=concepts,
            ref_class=SKOS.Concept,
            list_name=_list_name(lists, ("concepts", *concepts), title),
        )
    if info.datatype == RDF.langString:
        return [
            Field(
                FieldKind.LANG_TEXT,
                name_de=name_de,
                name_en=f"{name_en} (de)",
                columns=(Column(f"{key}@de", name_de, f"{name_en} (de)"),),
                lang="de",
                **common,
            ),  # type: ignore[arg-type]
            Field(
                FieldKind.LANG_TEXT,
                name_de=f"{name_de} (en)",
                name_en=f"{name_en} (en)",
                columns=(Column(f"{key}@en", f"{name_de} (en)", f"{name_en} (en)"),),
                lang="en",
                **{**common, "required": False},
            ),  # type: ignore[arg-type]
        ]
    if info.datatype is None and not info.classes and info.node_kind is None:
        info.datatype = _datatype_from_range_or_data(info, target, union)
    if info.datatype is not None:
        if info.datatype == XSD.date:
            return one(FieldKind.DATE, datatype=XSD.date)
        if info.datatype == XSD.boolean:
            return one(FieldKind.BOOLEAN, datatype=XSD.boolean)
        if info.datatype in NUMBER_TYPES:
            return one(FieldKind.NUMBER, datatype=info.datatype)
        if info.datatype == XSD.string:
            return one(FieldKind.TEXT, datatype=XSD.string)
        return one(FieldKind.LITERAL, datatype=info.datatype)
    if info.classes or info.node_kind in (SH.IRI, SH.BlankNodeOrIRI):
        ref = next((c for c in info.classes if c != SKOS.Concept), None)
        return one(FieldKind.REFERENCE, ref_class=ref)
    if info.node_kind == SH.Literal and not info.has_or:
        return one(FieldKind.TEXT)
    return one(FieldKind.ANY)


def _datatype_from_range_or_data(info: _PropertyInfo, target: URIRef, union: Graph) -> URIRef | None:
    """When the shape names no datatype: the property's rdfs:range if it is a datatype, else
    rdf:langString when every value in the data carries a language (text in German and English)."""
    for value in union.objects(info.path, RDFS.range):
        if isinstance(value, URIRef) and (value == RDF.langString or str(value).startswith(str(XSD))):
            return value
    values = [o for e in set(union.subjects(RDF.type, target)) for o in union.objects(e, info.path)]
    if values and all(isinstance(v, Literal) and v.language for v in values):
        return RDF.langString
    return None


def _is_interval(info: _PropertyInfo, shapes: Graph) -> bool:
    if INTERVAL_CLASSES & set(info.classes) or info.path in INTERVAL_PATHS:
        return True
    for node in info.nodes:
        paths = {shapes.value(ps, SH.path) for ps in shapes.objects(node, SH.property)}
        if paths & {TIME.hasBeginning, TIME.hasEnd}:
            return True
        if INTERVAL_CLASSES & set(shapes.objects(node, SH.targetClass)):
            return True
    return False


def _concepts(
    info: _PropertyInfo, target: URIRef, union: Graph, lookup: Lookup, members: tuple[URIRef, ...]
) -> tuple[URIRef, ...]:
    """Allowed concepts: sh:in, else every concept of the isrps:scheme annotation, else of the schemes
    the values in the data come from."""
    if members:
        return tuple(sorted(members))
    schemes = set(info.schemes)
    if not schemes:
        for entry in set(union.subjects(RDF.type, target)):
            for value in union.objects(entry, info.path):
                if isinstance(value, URIRef):
                    schemes |= lookup.concept_schemes.get(value, set())
    found: set[URIRef] = set()
    for scheme in schemes:
        found |= lookup.scheme_concepts.get(scheme, set())
    return tuple(sorted(found))


def _role_concepts(shapes: Graph, info: _PropertyInfo, lookup: Lookup) -> tuple[URIRef, ...]:
    for node in info.nodes:
        for ps in shapes.objects(node, SH.property):
            if shapes.value(ps, SH.path) == PROV.hadRole:
                members = [m for lst in shapes.objects(ps, SH["in"]) for m in Collection(shapes, lst)]
                if members:
                    return tuple(sorted(m for m in members if isinstance(m, URIRef)))
                schemes = [s for s in shapes.objects(ps, SCHEME_ANNOTATION) if isinstance(s, URIRef)]
                if schemes:
                    return tuple(sorted({c for s in schemes for c in lookup.scheme_concepts.get(s, set())}))
    return tuple(sorted(lookup.scheme_concepts.get(VOCAB.role, set())))


def _list_name(lists: dict[tuple, str], key: tuple, title: str) -> str:
    """One column of the sheet "Listen" per distinct list of values (shared by fields that use it)."""
    if key not in lists:
        taken = set(lists.values())
        name, n = title, 2
        while name in taken:
            name, n = f"{title} ({n})", n + 1
        lists[key] = name
    return lists[key]


def _nearest(lookup: Lookup, cls: URIRef, targets: list[URIRef]) -> URIRef | None:
    """The most specific sheet target class above ``cls``."""
    above = [t for t in targets if t in lookup.superclasses(cls)]
    return max(above, key=lambda t: (len(lookup.superclasses(t)), -targets.index(t)), default=None)


def _sheet_sort_key(shapes: Graph, shape: URIRef, target: URIRef, labels: dict[str, str]) -> tuple:
    order = _number(shapes.value(shape, SH.order), 1e9)
    preferred = PREFERRED_ORDER.index(target) if target in PREFERRED_ORDER else len(PREFERRED_ORDER)
    return (order, preferred, labels.get("de", ""), str(shape))


def _sheet_name(text: str) -> str:
    return _SHEET_FORBIDDEN.sub("-", text).strip().strip("'")[:SHEET_NAME_MAX] or "Blatt"


def _unique_sheet_name(text: str, used: set[str]) -> str:
    name, n = _sheet_name(text), 2
    reserved = {"anleitung", "listen"}
    while name.casefold() in used or name.casefold() in reserved:
        suffix = f" {n}"
        name, n = _sheet_name(text)[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    used.add(name.casefold())
    return name


def _texts(graph: Graph, node: Node | None, predicate: URIRef) -> dict[str, str]:
    found: dict[str, str] = {}
    if node is None:
        return found
    for value in graph.objects(node, predicate):
        if isinstance(value, Literal):
            found.setdefault(value.language or "de", str(value))
    return found


def _number(value: Node | None, default: float) -> float:
    try:
        return float(value) if value is not None else default  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _int_or_none(value: Node | None) -> int | None:
    return int(_number(value, -1)) if value is not None else None


def _uri(value: Node | None) -> URIRef | None:
    return value if isinstance(value, URIRef) else None


def _true(value: Node | None) -> bool:
    return isinstance(value, Literal) and value.toPython() is True


def _local(iri: Node) -> str:
    text = str(iri)
    return re.split(r"[#/]", text)[-1] or text


__all__ = ["Column", "Field", "FieldKind", "Sheet", "WorkbookSchema", "build_schema", "load_schema"]
