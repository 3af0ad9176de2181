"""IRIs as planners see them in a cell: compact (``erfurt:org/jugendamt``) where a project prefix fits,
the full IRI otherwise, and back."""

from __future__ import annotations

import re

from rdflib import URIRef

from isrp_graph.namespaces import PREFIXES

# longest namespace first, so ``erfurt:`` wins over a shorter base
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
_LOCAL_SAFE = re.compile(r"^[A-Za-z0-9_\-./~%]*$")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_COMPACT = re.compile(r"^([A-Za-z][A-Za-z0-9_\-]*):(.*)$")


def compact(iri: str) -> str:
    """``erfurt:org/jugendamt`` for a project IRI, the full IRI when no prefix fits cleanly."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if local and _LOCAL_SAFE.match(local) and not local.startswith(("/", ".")):
                return f"{prefix}:{local}"
    return iri


def expand(text: str) -> URIRef | None:
    """The IRI a cell names (compact form, full ``http(s)://…``, or ``<…>``); ``None`` if it is none."""
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1].strip()
    if not value or _IRI_FORBIDDEN.search(value):
        return None
    if value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    match = _COMPACT.match(value)
    if match and match.group(1) in PREFIXES:
        return URIRef(PREFIXES[match.group(1)] + match.group(2))
    return None
