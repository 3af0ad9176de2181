"""Write validation in a worker process, so that a save does not hold the web process's interpreter.

The web app serves every reader from one Python process; a validation (pyshacl on the neighbourhood of
the change) is pure Python and, run in a thread of that process, takes its turns from the readers for as
long as it runs. For a store registered with :func:`enable` (the web app registers its store), writes
send the extract they validate to one long-lived worker process instead and wait for the report there,
without holding the interpreter. The store itself stays in the web process: the worker gets triples
only, and the write is stored by the web process after the verdict, under the single-writer lock of
:mod:`isrp_graph.writes`.

What is sent is small: the graphs of the extract that the worker already holds (the shapes; the schema
part of the extract) go by reference, so a write ships only the triples around the changed entries.
When the worker is not there (it could not start, it died), the validation runs in this process, as
it always does for the command line and for stores not registered.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from rdflib.term import Node

from isrp_graph.store.base import Store
from isrp_graph.validation.graphs import GraphState
from isrp_graph.validation.model import ValidationReport

log = logging.getLogger(__name__)

Key = tuple  # (number of triples, hash) of a graph's frozenset of triples
CACHE_SIZE = 16  # graphs the worker keeps (shapes, schema, the last extracts)

_enabled: weakref.WeakSet[Store] = weakref.WeakSet()
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_known: set[Key] = set()  # graphs the worker holds
_stats = {"remote": 0, "local": 0}  # validations run in the worker and here (tests read them)


def wanted(settings: Any) -> bool:
    """Whether the web app validates writes in the worker: yes, unless ``validation_worker = false`` in
    the configuration file or ``ISRP_VALIDATION_WORKER=0`` in the environment."""
    extra = getattr(settings, "extra", {}) or {}
    value = os.environ.get("ISRP_VALIDATION_WORKER", extra.get("validation_worker", True))
    return str(value).strip().lower() not in ("0", "false", "no", "off", "nein")


def enable(store: Store) -> None:
    """Validate the writes to ``store`` in the worker process (started on first use)."""
    try:
        _enabled.add(store)
    except TypeError:  # a store that cannot be referenced weakly: its writes validate here
        log.warning("validation worker not used for %s", type(store).__name__)


def disable(store: Store) -> None:
    _enabled.discard(store)


def enabled(store: Store) -> bool:
    return store in _enabled


def stats() -> dict[str, int]:
    """How many validations ran in the worker (``remote``) and, as fallback, here (``local``)."""
    return dict(_stats)


def worker_pid() -> int | None:
    """The process id of the running worker, if there is one."""
    with _lock:
        processes = dict(getattr(_pool, "_processes", None) or {})
    return next(iter(processes), None)


def warm_up() -> None:
    """Start the worker now (in the background), so the first save does not wait for it."""
    try:
        _get_pool().submit(_ping)
    except Exception:  # the first write falls back to this process and says why in the log
        log.warning("the validation worker could not be started", exc_info=True)


def shutdown() -> None:
    global _pool
    with _lock:
        pool, _pool = _pool, None
        _known.clear()
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def validate(
    state: GraphState, lang: str, focus: Iterable[Node], base: frozenset | None = None
) -> ValidationReport:
    """:func:`isrp_graph.validation.check.validate_state` of ``state`` on exactly ``focus``, run in the
    worker. ``base`` is a set of triples that most graphs of ``state`` contain (the schema): sent once."""
    focus = frozenset(focus)
    try:
        pool = _get_pool()
        with _lock:
            payload, sent = _encode(state, base, _known)
        answer = pool.submit(_run, payload, lang, focus).result()
        if isinstance(answer, _Missing):  # the worker lost some graphs: send them all again
            with _lock:
                _known.clear()
                payload, sent = _encode(state, base, _known)
            answer = pool.submit(_run, payload, lang, focus).result()
        if not isinstance(answer, ValidationReport):
            raise RuntimeError(f"the validation worker answered {type(answer).__name__}")
        with _lock:
            _known.update(sent)
        _stats["remote"] += 1
        return answer
    except BrokenProcessPool as exc:
        log.warning("validation worker ended (%s): validating in the web process", exc)
        shutdown()
    except Exception:  # anything else (sending, the worker's own error): the same validation here
        log.warning("validation in the worker failed: validating in the web process", exc_info=True)
    from isrp_graph.validation.check import validate_state

    _stats["local"] += 1
    return validate_state(state, lang, focus, expand=False)


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            context = multiprocessing.get_context("spawn")  # the web process has threads: no fork
            _pool = ProcessPoolExecutor(
                max_workers=1, mp_context=context, initializer=_watch_parent, initargs=(os.getpid(),)
            )
            _known.clear()
        return _pool


def _key(triples: frozenset) -> Key:
    return (len(triples), hash(triples))


def _encode(state: GraphState, base: frozenset | None, known: set[Key]) -> tuple[list[tuple], set[Key]]:
    """Each graph as ("ref", key) when the worker holds it, as ("plus", key, base key, triples) when it
    holds ``base`` and the graph contains it, else ("full", key, triples)."""
    payload: list[tuple] = []
    sent: set[Key] = set()
    base_key = _key(base) if base else None
    for name, triples in state.graphs.items():
        key = _key(triples)
        sent.add(key)
        if key in known:
            payload.append((name, ("ref", key)))
        elif base and base_key is not None and len(triples) > len(base) and base <= triples:
            if base_key not in known and base_key not in sent:
                payload.insert(0, (None, ("full", base_key, base)))
                sent.add(base_key)
            payload.append((name, ("plus", key, base_key, triples - base)))
        else:
            payload.append((name, ("full", key, triples)))
    return payload, sent


# ---- in the worker process ----

_held: OrderedDict[Key, frozenset] = OrderedDict()


class _Missing:
    """The answer when a referenced graph is not held (the worker restarted or dropped it)."""


_MISSING = _Missing()


def _hold(key: Key, triples: frozenset) -> frozenset:
    _held[key] = triples
    _held.move_to_end(key)
    while len(_held) > CACHE_SIZE:
        _held.popitem(last=False)
    return triples


def _run(payload: list[tuple], lang: str, focus: frozenset) -> Any:
    from isrp_graph.validation.check import validate_state

    graphs: dict[Any, frozenset] = {}
    for name, item in payload:
        kind, key = item[0], item[1]
        if kind == "ref":
            if key not in _held:
                return _MISSING
            triples = _held[key]
            _held.move_to_end(key)
        elif kind == "plus":
            if item[2] not in _held:
                return _MISSING
            triples = _hold(key, _held[item[2]] | item[3])
        else:
            triples = _hold(key, item[2])
        if name is not None:
            graphs[name] = triples
    report = validate_state(GraphState(graphs), lang, focus, expand=False)
    if any(f.name == "results_graph" for f in dataclasses.fields(report)):
        report = dataclasses.replace(report, results_graph=None)  # the report graph stays over there
    return report


def _ping() -> bool:
    import isrp_graph.validation.check  # noqa: F401  (the imports take the time)

    return True


def _watch_parent(parent: int) -> None:
    """End the worker when the web process is gone (also after a kill -9, which runs no shutdown)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
