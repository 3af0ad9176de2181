"""A real Virtuoso 7.2 (Debian ``virtuoso-opensource``) for the tests: a fresh database in a temp folder,
loopback ports chosen free, SPARQL Update granted through isql, stopped at the end."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.servers import ASK, free_port, wait_until_answers

PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
_FILES = {
    "virtuoso.db": "DatabaseFile",
    "virtuoso.log": "ErrorLogFile",
    "virtuoso.lck": "LockFile",
    "virtuoso.trx": "TransactionFile",
    "virtuoso.pxa": "xa_persistent_file",
}


@dataclass(frozen=True)
class Virtuoso:
    base: str  # http://127.0.0.1:PORT
    pid: int = 0  # of the server process (e.g. for its CPU time)

    @property
    def sparql(self) -> str:
        return self.base + "/sparql"

    @property
    def gsp(self) -> str:
        return self.base + "/sparql-graph-crud"


def binaries() -> tuple[str, str] | None:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None or not PACKAGED_INI.is_file():
        return None
    return server, isql


def write_ini(
    folder: Path, sql_port: int, http_port: int, settings: Mapping[tuple[str, str], str] | None = None
) -> Path:
    """The packaged ini with every file in ``folder`` and both servers on loopback ports; ``settings``
    replaces values of existing keys (``{("SPARQL", "MaxQueryExecutionTime"): "2"}``)."""
    section = ""
    lines: list[str] = []
    for line in PACKAGED_INI.read_text().splitlines():
        header = re.match(r"^\[(.+)\]", line)
        if header:
            section = header.group(1)
        key = line.split("=", 1)[0].strip() if "=" in line and not line.lstrip().startswith(";") else ""
        if section == "Database" and key in _FILES.values():
            name = next(n for n, k in _FILES.items() if k == key)
            line = f"{key} = {folder / name}"
        elif section == "TempDatabase" and key in ("DatabaseFile", "TransactionFile"):
            name = "virtuoso-temp.db" if key == "DatabaseFile" else "virtuoso-temp.trx"
            line = f"{key} = {folder / name}"
        elif section == "Parameters" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif section == "HTTPServer" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif settings and (section, key) in settings:
            line = f"{key} = {settings[(section, key)]}"
        lines.append(line)
    ini = folder / "virtuoso.ini"
    ini.write_text("\n".join(lines) + "\n")
    return ini


@contextmanager
def running_virtuoso(
    folder: Path,
    ports: tuple[int, int] | None = None,
    settings: Mapping[tuple[str, str], str] | None = None,
) -> Iterator[Virtuoso]:
    """Virtuoso on ``ports`` (SQL, HTTP; default: free ones) with its files in ``folder`` and the ini's
    ``settings`` changed (see ``write_ini``)."""
    found = binaries()
    if found is None:
        raise RuntimeError("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    server, isql = found
    sql_port, http_port = ports or (free_port(), free_port())
    ini = write_ini(folder, sql_port, http_port, settings)
    process = subprocess.Popen(
        [server, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_answers(base + "/sparql" + ASK, process, 120.0, pause=0.25)
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield Virtuoso(base, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
