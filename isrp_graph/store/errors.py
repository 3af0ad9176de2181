"""Errors every store backend raises, so callers can react without knowing the backend."""

from __future__ import annotations

from isrp_graph.messages import LocalizedError


class StoreError(LocalizedError):
    """Something went wrong in the store (``store.error``)."""

    key = "store.error"


class StoreUnreachable(StoreError):
    """The store cannot be reached or opened (server down, folder locked by another process)."""

    key = "store.unreachable"


class QuerySyntaxError(StoreError, ValueError):
    """The SPARQL query or update does not parse."""

    key = "query.syntax"


class QueryTimeout(StoreError, TimeoutError):
    """The query ran longer than ``Settings.query_timeout``."""

    key = "query.timeout"


class UnsupportedFormat(StoreError, ValueError):
    """No result serialisation matches the requested media type (HTTP 406)."""

    key = "query.unsupported_format"


class BindingError(StoreError, ValueError):
    """A value passed as a query parameter cannot be used (e.g. an invalid IRI or a blank node)."""

    key = "query.binding"
