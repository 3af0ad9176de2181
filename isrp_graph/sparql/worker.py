"""The worker process of the SPARQL pool: ``python -m isrp_graph.sparql.worker``.

It reads requests from stdin and writes replies to stdout, each a length-prefixed pickle (only ever
exchanged with the parent that started it). It holds its own read-only copy of the store: a RocksDB
checkpoint of the on-disk store opened read-only, or an N-Quads dump of the in-memory store loaded
into memory. The parent kills it when a query runs over its time limit — the only way to stop a
pyoxigraph query — and starts a fresh one.
"""

from __future__ import annotations

import io
import os
import pickle
import select
import struct
import sys
from typing import Any, BinaryIO

import pyoxigraph as ox

from isrp_graph.namespaces import PREFIXES
from isrp_graph.store.errors import UnsupportedFormat
from isrp_graph.store.formats import GRAPH_TYPES, RESULTS_TYPES, content_type, negotiate

_HEADER = struct.Struct(">I")


def send(stream: BinaryIO, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream: BinaryIO) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


class TooBig(Exception):
    pass


class CappedBuffer(io.RawIOBase):
    """A write target that refuses to grow beyond ``limit`` bytes (stops a huge serialisation)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += data
        if len(self.buffer) > self.limit:
            raise TooBig
        return len(data)


def open_snapshot(kind: str, path: str) -> ox.Store:
    if kind == "rocksdb":
        return ox.Store.read_only(path)
    store = ox.Store()
    if path:
        store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
    return store


def run(store: ox.Store, request: dict[str, Any]) -> tuple[Any, ...]:
    options: dict[str, Any] = {"prefixes": PREFIXES}
    if request.get("default_graphs") is not None or request.get("named_graphs") is not None:
        default = request.get("default_graphs")
        named = request.get("named_graphs")
        if default is not None:
            options["default_graph"] = [ox.NamedNode(g) for g in default]
        if named is not None:
            options["named_graphs"] = [ox.NamedNode(g) for g in named]
    elif request.get("union", True):
        options["use_default_graph_as_union"] = True
    accept = request["accept"]
    buffer = CappedBuffer(request["max_bytes"])
    try:
        result = store.query(request["query"], **options)
        if isinstance(result, ox.QueryTriples):
            media = negotiate(accept, list(GRAPH_TYPES))
            ox.serialize(result, buffer, format=GRAPH_TYPES[media], prefixes=PREFIXES)
        else:
            media = negotiate(accept, list(RESULTS_TYPES))
            result.serialize(buffer, format=RESULTS_TYPES[media])
    except SyntaxError as exc:
        return ("syntax", str(exc))
    except UnsupportedFormat as exc:
        return ("unsupported", exc.params)
    except TooBig:
        return ("too_big",)
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        if len(buffer.buffer) > buffer.limit:
            return ("too_big",)
        return ("error", str(exc))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a Rust panic inside pyoxigraph (pyo3 PanicException)
        return ("error", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    return ("ok", bytes(buffer.buffer), content_type(media))


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the reply channel
    idle = float(os.environ.get("ISRP_SPARQL_WORKER_IDLE", "") or 300)
    store = ox.Store()
    while True:
        ready, _, _ = select.select([stdin], [], [], idle)
        if not ready:
            return  # idle too long: the pool starts a new worker when needed
        try:
            request = receive(stdin)
        except EOFError:
            return
        if request["op"] == "load":
            try:
                store = open_snapshot(request["kind"], request["path"])
                send(stdout, ("loaded",))
            except OSError as exc:
                send(stdout, ("error", str(exc)))
        else:
            send(stdout, run(store, request))


if __name__ == "__main__":
    main()
