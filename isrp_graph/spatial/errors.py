"""The one error type of the spatial package: a German/English message from the catalogue."""

from __future__ import annotations

from isrp_graph.messages import LocalizedError


class SpatialError(LocalizedError, ValueError):
    """Bad geodata or a bad variant file; ``key`` names the message, ``params`` fill it."""
