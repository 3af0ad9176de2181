"""Real servers on loopback, shared by the tests and the benchmarks: a free port, waiting until a SPARQL
endpoint answers, and ``oxigraph serve`` on a folder (union default graph), stopped at the end."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ASK = "?query=ASK%7B%7D"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_answers(
    url: str, process: subprocess.Popen[bytes], seconds: float = 60.0, pause: float = 0.1
) -> None:
    """Poll ``url`` (a SPARQL query URL) until it answers 2xx; fail early if ``process`` has ended."""
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} ended with {process.returncode}")
        try:
            with urllib.request.urlopen(request, timeout=2):
                return
        except OSError:  # URLError and HTTPError are OSErrors: not up yet
            time.sleep(pause)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def stop(process: subprocess.Popen[bytes], seconds: float = 10.0) -> None:
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def oxigraph_binary() -> str:
    binary = shutil.which("oxigraph")
    if binary is None:
        raise RuntimeError("the oxigraph server binary is not installed (pip install oxigraph)")
    return binary


@contextmanager
def oxigraph_serve(location: Path, port: int | None = None) -> Iterator[str]:
    """``oxigraph serve --union-default-graph`` on ``location`` and ``port`` (default: a free one);
    yields its base URL (endpoints ``/query``, ``/update``, ``/store``)."""
    with oxigraph_process(location, port) as (base, _):
        yield base


@contextmanager
def oxigraph_process(
    location: Path, port: int | None = None, seconds: float = 20.0
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Like :func:`oxigraph_serve`, also yielding the server process (e.g. for its CPU time)."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/query" + ASK, process, seconds)
        yield base, process
    finally:
        stop(process)


def oxigraph_load(location: Path, files: list[Path]) -> None:
    """Bulk-load RDF files into an oxigraph folder with ``oxigraph load`` (before serving it)."""
    done = subprocess.run(
        [oxigraph_binary(), "load", "--location", str(location), "--file", *map(str, files)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode:  # (its hints on success, --lenient and optimize, are not shown)
        raise RuntimeError(f"oxigraph load failed: {done.stderr.decode('utf-8', 'replace')[-2000:]}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process and its ended, waited-for children (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")
