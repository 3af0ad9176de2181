"""Killable worker processes for public SPARQL queries.

pyoxigraph cannot cancel a running query: a thread that times out keeps burning CPU and memory until
the query ends by itself. So public queries run in worker processes (``isrp_graph.sparql.worker``)
that each hold a read-only copy of the store, refreshed when the store's version changes: a RocksDB
checkpoint (hard links, cheap) of an on-disk store, an N-Quads dump of an in-memory store. A query
that is over its limit gets its worker killed (SIGKILL): CPU and memory are free at once, and a fresh
worker is started for the next query. At most ``size`` queries run at the same time; a further one
waits up to ``queue_wait`` seconds for a free worker, then gets ``Busy`` (HTTP 503 with Retry-After).
"""

from __future__ import annotations

import contextlib
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import isrp_graph.sparql.texts  # noqa: F401  (registers the messages)
from isrp_graph.messages import LocalizedError
from isrp_graph.sparql.worker import receive, send
from isrp_graph.store.errors import QuerySyntaxError, QueryTimeout, StoreError, UnsupportedFormat


class Busy(LocalizedError):
    """All workers are busy (HTTP 503 with Retry-After)."""

    key = "sparql.busy"
    status = 503

    def __init__(self, limit: int, seconds: int) -> None:
        super().__init__(limit=limit, seconds=seconds)
        self.retry_after = seconds


class WorkerDied(StoreError):
    key = "sparql.worker_died"
    status = 503


class ResultTooBig(LocalizedError):
    key = "sparql.result_too_big"
    status = 400


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset of a query: the protocol's graphs, or the union default graph."""

    default_graphs: Sequence[str] | None = None
    named_graphs: Sequence[str] | None = None
    union: bool = True


class Worker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "isrp_graph.sparql.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        )
        self.version: object = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def call(self, message: dict[str, Any], timeout: float | None) -> tuple[Any, ...]:
        """Send ``message``; the reply, or ``None`` if none came within ``timeout`` (then killed)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            send(self.process.stdin, message)
            ready, _, _ = select.select([self.process.stdout], [], [], timeout)
            if ready:
                return receive(self.process.stdout)  # type: ignore[no-any-return]
        except (EOFError, OSError) as exc:
            self.kill()
            raise WorkerDied() from exc
        self.kill()
        raise QueryTimeout(seconds=_seconds(timeout or 0))

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()


class Snapshots:
    """Read-only copies of the store for the workers, one per store version."""

    def __init__(self, ox_store: Any, path: Path | None) -> None:
        self.ox_store = ox_store
        base = path.parent if path is not None else None
        prefix = f".{path.name}.isrp-sparql-" if path is not None else ".isrp-sparql-"
        if path is not None:
            # left by a process that was killed: the store's lock says no other process uses it now
            for stale in base.glob(prefix + "*"):  # type: ignore[union-attr]
                shutil.rmtree(stale, ignore_errors=True)
        self.folder = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
        self.is_disk = path is not None
        self.current: tuple[object, str] | None = None
        self.lock = threading.Lock()
        self.previous: list[Path] = []

    def get(self, version: object) -> tuple[str, str]:
        with self.lock:
            if self.current is None or self.current[0] != version:
                target = self.folder / f"v{len(self.previous)}"
                if self.is_disk:
                    self.ox_store.flush()
                    self.ox_store.backup(str(target))
                else:
                    import pyoxigraph as ox

                    self.ox_store.dump(str(target), format=ox.RdfFormat.N_QUADS)
                self._forget_old()
                self.previous.append(target)
                self.current = (version, str(target))
            return ("rocksdb" if self.is_disk else "nquads", self.current[1])

    def _forget_old(self) -> None:
        # keep the last two: a worker may still be opening the one before
        while len(self.previous) > 2:
            old = self.previous.pop(0)
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    old.unlink()

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class QueryPool:
    """Up to ``size`` worker processes that run queries against a snapshot of ``store``."""

    def __init__(
        self,
        store: Any,
        version: Callable[[], object],
        *,
        size: int = 2,
        queue_wait: float = 2.0,
        timeout: float | None = 10.0,
        max_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        self.store = store
        self.version = version
        self.size = size
        self.queue_wait = queue_wait
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.snapshots = Snapshots(store.ox_store, store.path)
        self.idle: queue.LifoQueue[Worker | None] = queue.LifoQueue()
        for _ in range(size):
            self.idle.put(None)  # a slot; the worker is started on first use
        self.closed = False
        self.running: dict[int, Worker] = {}
        self._refresh_lock = threading.Lock()
        self._refresh_wanted = False
        self._refreshing = False

    def query(self, text: str, accept: str, dataset: Dataset | None = None) -> tuple[bytes, str]:
        """The serialised result (body, content type) of ``text``, as ``Store.query_raw``."""
        try:
            worker = self.idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise Busy(self.size, max(1, round(self.queue_wait))) from None
        try:
            worker = self._ready(worker)
            self.running[worker.pid] = worker
            dataset = dataset or Dataset()
            reply = worker.call(
                {
                    "op": "query",
                    "query": text,
                    "accept": accept,
                    "default_graphs": dataset.default_graphs,
                    "named_graphs": dataset.named_graphs,
                    "union": dataset.union,
                    "max_bytes": self.max_bytes,
                },
                self.timeout,
            )
        finally:
            if worker is not None:
                self.running.pop(worker.pid, None)
            if worker is not None and worker.alive():
                self.idle.put(worker)
            else:  # killed or died: start its successor now, off the next request's path
                threading.Thread(target=self._replace, name="isrp-sparql-spawn", daemon=True).start()
        return self._outcome(text, reply)

    def _replace(self) -> None:
        replacement: Worker | None = None
        try:
            if not self.closed:
                replacement = self._ready(None)
        except (StoreError, OSError):
            replacement = None  # started again on first use
        if self.closed and replacement is not None:
            replacement.kill()
            replacement = None
        self.idle.put(replacement)

    def refresh_soon(self) -> None:
        """After a save: copy the new state and load it into the idle workers in a background thread,
        so that the next query does not pay for it. Saves in quick succession share one refresh."""
        with self._refresh_lock:
            self._refresh_wanted = True
            if self._refreshing or self.closed:
                return
            self._refreshing = True
        threading.Thread(target=self._refresh, name="isrp-sparql-refresh", daemon=True).start()

    def _refresh(self) -> None:
        while True:
            with self._refresh_lock:
                if not self._refresh_wanted or self.closed:
                    self._refreshing = False
                    return
                self._refresh_wanted = False
            self._refresh_idle_workers()

    def _refresh_idle_workers(self) -> None:
        # only the workers idle right now are taken; a query meanwhile waits at most for one load, which
        # it would have paid itself
        taken: list[Worker | None] = []
        while len(taken) < self.size:
            try:
                taken.append(self.idle.get_nowait())
            except queue.Empty:
                break
        for worker in taken:
            try:
                if worker is not None and not self.closed:
                    worker = self._ready(worker)
            except (StoreError, OSError):
                worker = None  # started again on first use
            finally:
                self.idle.put(worker)

    def _ready(self, worker: Worker | None) -> Worker:
        version = self.version()
        if worker is None or not worker.alive():
            worker = Worker()
        if worker.version != version:
            kind, path = self.snapshots.get(version)
            reply = worker.call({"op": "load", "kind": kind, "path": path}, None)
            if reply[0] != "loaded":
                worker.kill()
                raise StoreError(reason=str(reply[1]))
            worker.version = version
        return worker

    def _outcome(self, text: str, reply: tuple[Any, ...]) -> tuple[bytes, str]:
        kind = reply[0]
        if kind == "ok":
            return reply[1], reply[2]
        if kind == "syntax":
            raise QuerySyntaxError(reason=reply[1])
        if kind == "unsupported":
            raise UnsupportedFormat(**reply[1])
        if kind == "too_big":
            raise ResultTooBig(limit=self.max_bytes // (1024 * 1024))
        from isrp_graph.sparql.guard import uses_service

        if uses_service(text):
            raise ServiceFailed()
        raise StoreError(reason=str(reply[1]))

    def busy_pids(self) -> list[int]:
        """Pids of the workers running a query right now (for tests and monitoring)."""
        return list(self.running)

    def close(self) -> None:
        self.closed = True
        while True:
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                break
            if worker is not None:
                worker.kill()
        self.snapshots.close()


class ServiceFailed(LocalizedError):
    key = "sparql.service_failed"
    status = 502


def _seconds(timeout: float) -> str:
    return str(int(timeout)) if float(timeout).is_integer() else f"{timeout:g}"
