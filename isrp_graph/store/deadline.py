"""Run a query with a time limit.

pyoxigraph has no cancel switch, but it releases the GIL while it evaluates. So the query runs in a
daemon worker thread; the caller waits at most ``timeout`` seconds and then gets ``QueryTimeout``.
The worker checks a stop flag between result rows, so a query that streams rows ends at once; one that
computes long before its first row (a big ORDER BY or GROUP BY) runs on in the background until it has
its first row, but nobody waits for it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

from isrp_graph.store.errors import QueryTimeout

T = TypeVar("T")
StopFlag = Callable[[], bool]


class Cancelled(Exception):
    """Raised inside the worker when the caller has given up."""


def run_with_timeout(work: Callable[[StopFlag], T], timeout: float | None) -> T:
    """``work(stop)`` in a worker thread; ``stop()`` turns true once the time is up."""
    if not timeout or timeout <= 0:
        return work(lambda: False)
    cancelled = threading.Event()
    outcome: dict[str, object] = {}

    def worker() -> None:
        try:
            outcome["result"] = work(cancelled.is_set)
        except BaseException as exc:  # handed to the caller below
            _release_frames(exc)
            outcome["error"] = exc

    thread = threading.Thread(target=worker, name="isrp-query", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        cancelled.set()
        raise QueryTimeout(seconds=_seconds(timeout))
    if "error" in outcome:
        error = outcome["error"]
        assert isinstance(error, BaseException)
        raise error
    return outcome["result"]  # type: ignore[return-value]


def _release_frames(error: BaseException) -> None:
    """Drop the local variables of the worker's frames here, in the worker: pyoxigraph result
    iterators must be released on the thread that made them."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        current = current.__cause__ or current.__context__


def _seconds(timeout: float) -> str:
    return str(int(timeout)) if float(timeout).is_integer() else f"{timeout:g}"
