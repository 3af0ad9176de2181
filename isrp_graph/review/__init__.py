"""Änderungsvorschläge (change proposals) and their review: pending deltas in the store, a readable
field-by-field diff, approval with conflict detection, rejection with a reason."""

from isrp_graph.review.diffview import FieldChange, field_changes
from isrp_graph.review.proposals import (
    APPROVED,
    OPEN,
    REJECTED,
    Conflict,
    PermissionDenied,
    Proposal,
    ReviewError,
    approve,
    deltas_of,
    get,
    is_proposal_graph,
    listing,
    propose,
    reject,
)

__all__ = [
    "APPROVED",
    "OPEN",
    "REJECTED",
    "Conflict",
    "FieldChange",
    "PermissionDenied",
    "Proposal",
    "ReviewError",
    "approve",
    "deltas_of",
    "field_changes",
    "get",
    "is_proposal_graph",
    "listing",
    "propose",
    "reject",
]
