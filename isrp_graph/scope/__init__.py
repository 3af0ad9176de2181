"""Which municipalities a question is about: the municipality nodes of a store and the link
``isrp:municipality`` that ties a registry entry to one of them (never a key computed from an IRI)."""

from isrp_graph.scope.municipalities import (
    MUNICIPALITY_TYPE,
    Municipality,
    ScopeError,
    municipalities,
    resolve_among,
    resolve_kommunen,
    values_block,
)
from isrp_graph.scope.sparql import (
    KOMMUNE_VARIABLE,
    bind_kommune,
    in_municipalities,
    own_or_shared,
    where_groups,
    without_scope,
)

__all__ = [
    "KOMMUNE_VARIABLE",
    "MUNICIPALITY_TYPE",
    "Municipality",
    "ScopeError",
    "bind_kommune",
    "in_municipalities",
    "municipalities",
    "own_or_shared",
    "resolve_among",
    "resolve_kommunen",
    "values_block",
    "where_groups",
    "without_scope",
]
