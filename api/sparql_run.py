"""Running a user's SPARQL query for the web: the guard, then a killable worker process (embedded
store) or the remote server, with errors as HTTP statuses. Used by ``/sparql`` and the SPARQL page."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import FastAPI, Request

from api.context import state
from isrp_graph.messages import LocalizedError
from isrp_graph.sparql.guard import QueryRefused, check_query, limits_from, setting
from isrp_graph.sparql.pool import Busy, Dataset, QueryPool, ResultTooBig, ServiceFailed, WorkerDied
from isrp_graph.store.embedded import EmbeddedStore
from isrp_graph.store.errors import QuerySyntaxError, QueryTimeout, StoreError, UnsupportedFormat
from isrp_graph.store.sparql_text import names_dataset, query_form

_LOCK = threading.Lock()


class DatasetUnsupported(LocalizedError):
    key = "web.sparql.dataset"
    status = 400


class UpdateRefused(LocalizedError):
    key = "web.sparql.update_refused"
    status = 403


@dataclass(frozen=True)
class Failure:
    status: int
    message: str
    headers: dict[str, str]


def pool_of(app: FastAPI) -> QueryPool | None:
    """The app's worker pool (started on first use), ``None`` for a remote store."""
    pool = getattr(app.state, "sparql_pool", None)
    if pool is not None:
        return pool
    isrp = app.state.isrp
    if not isinstance(isrp.store, EmbeddedStore):
        return None
    with _LOCK:
        pool = getattr(app.state, "sparql_pool", None)
        if pool is None:
            extra = isrp.settings.extra
            store = isrp.store
            version_counter = app.state.version
            pool = QueryPool(
                store,
                lambda: (version_counter.value, store.generation),
                size=max(1, int(setting("sparql_workers", extra, 2))),
                queue_wait=float(setting("sparql_queue_wait", extra, 2.0)),
                timeout=isrp.settings.query_timeout,
                max_bytes=int(float(setting("sparql_max_result_mb", extra, 64)) * 1024 * 1024),
            )
            app.state.sparql_pool = pool
            version_counter.listeners.append(lambda _value: pool.refresh_soon())
            atexit.register(pool.close)
    return pool


def close_pool(app: FastAPI) -> None:
    pool = getattr(app.state, "sparql_pool", None)
    if pool is not None:
        pool.close()
        app.state.sparql_pool = None


def public_query(
    request: Request,
    text: str,
    accept: str,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
) -> tuple[bytes, str]:
    """Check and run one public query: (body, content type). Raises ``LocalizedError`` subclasses
    and store errors; ``failure()`` turns them into a status and a message."""
    app = state(request)
    check_query(text, limits_from(app.settings.extra))
    if query_form(text) == "UPDATE":
        raise UpdateRefused()
    pool = pool_of(request.app)
    if pool is None or app.store is not request.app.state.isrp.store:
        # a remote store, or a release (``?stand=``: an in-memory copy the worker processes do not hold)
        if default_graphs or named_graphs:
            raise DatasetUnsupported()
        return app.store.query_raw(text, accept)
    if default_graphs or named_graphs:
        dataset = Dataset(default_graphs=list(default_graphs), named_graphs=list(named_graphs), union=False)
    else:
        dataset = Dataset(union=not names_dataset(text))
    return pool.query(text, accept, dataset)


def failure(error: Exception, lang: str | None = None) -> Failure | None:
    """The HTTP status, message and extra headers for an error of ``public_query``."""
    text = error.message(lang) if lang and isinstance(error, LocalizedError) else str(error)
    if isinstance(error, Busy):
        return Failure(503, text, {"Retry-After": str(error.retry_after)})
    if isinstance(error, QueryTimeout | WorkerDied):
        return Failure(503, text, {})
    if isinstance(error, UnsupportedFormat):
        return Failure(406, text, {})
    if isinstance(error, QueryRefused | QuerySyntaxError | ResultTooBig | DatasetUnsupported):
        return Failure(400, text, {})
    if isinstance(error, UpdateRefused):
        return Failure(403, text, {})
    if isinstance(error, ServiceFailed):
        return Failure(502, text, {})
    if isinstance(error, StoreError):
        return Failure(500, text, {})
    return None
