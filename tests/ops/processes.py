"""Real server processes for the service tests: ``oxigraph serve`` and the web app under uvicorn, each
a child process on a free loopback port, stopped (or killed) by the test."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from benchmarks.servers import ASK, free_port, oxigraph_binary, wait_until_answers

ROOT = Path(__file__).resolve().parents[2]


class Process:
    def __init__(self, args: list[str], env: dict[str, str] | None = None, log: Path | None = None) -> None:
        self.log = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115
        self.popen = subprocess.Popen(
            args,
            env=env if env is not None else dict(os.environ),
            stdout=self.log,
            stderr=self.log,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
        )

    def kill(self) -> None:
        """kill -9: no shutdown handler runs."""
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(10)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.log is not subprocess.DEVNULL:
            self.log.close()  # type: ignore[union-attr]


def oxigraph_serve(location: Path) -> tuple[Process, str]:
    binary = oxigraph_binary()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = Process(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    )
    wait_until_answers(base + "/query" + ASK, process.popen, 20.0)
    return process, base


def web_app(env: dict[str, str], log: Path | None = None, seconds: float = 60.0) -> tuple[Process, str]:
    """``uvicorn api.app:create_app --factory`` with the settings in ``env`` (ISRP_* variables)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ISRP_")}
    clean.update({"PYTHONPATH": str(ROOT), **env})
    args = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1"]
    process = Process([*args, "--port", str(port), "--log-level", "warning"], env=clean, log=log)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.popen.returncode}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.1)
    process.stop()
    raise RuntimeError("the web app did not answer in time")
