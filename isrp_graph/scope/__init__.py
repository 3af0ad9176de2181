"""Which municipalities a question is about: the municipality nodes of a store and the link
``isrp:municipality`` that ties a registry entry to one of them (never a key computed from an IRI)."""

from isrp_graph.scope.municipalities import (
    MUNICIPALITY_TYPE,
    Municipality,
    ScopeError,
    municipalities,
    resolve_kommunen,
    values_block,
)

__all__ = [
    "MUNICIPALITY_TYPE",
    "Municipality",
    "ScopeError",
    "municipalities",
    "resolve_kommunen",
    "values_block",
]
