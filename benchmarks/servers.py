"""Real servers on loopback, shared by the tests and the benchmarks: a free port, waiting until a SPARQL
endpoint answers, and ``oxigraph serve`` on a folder (union default graph), stopped at the end."""

from __future__ import annotations

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
def oxigraph_serve(location: Path) -> Iterator[str]:
    """``oxigraph serve --union-default-graph`` on ``location`` and a free port; yields its base URL
    (endpoints ``/query``, ``/update``, ``/store``)."""
    port = free_port()
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
        wait_until_answers(base + "/query" + ASK, process, 20.0)
        yield base
    finally:
        stop(process)
