"""What every CLI command module shares: exit codes, the German argument parser, help texts in the
chosen language, progress on stderr, and the mapping of library errors to exit codes.

A command module has ``register(subparsers) -> None``; each parser it adds sets
``func=handler`` where ``handler(args, settings) -> int`` returns an ``ExitCode``. Handlers raise library
errors freely; ``isrp_graph.cli.main`` prints them in the user's language and picks the exit code.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import threading
import time
from enum import IntEnum
from typing import IO, Any, NoReturn

from isrp_graph.messages import DEFAULT_LANG, LocalizedError, normalise_lang, t


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # validation violations, failed checks
    USAGE = 2  # wrong call, bad settings
    INPUT = 3  # bad input: RDF syntax error, bad query, missing file
    STORE = 4  # store unreachable or locked


_help_lang = DEFAULT_LANG


def set_help_lang(lang: str | None) -> None:
    global _help_lang
    _help_lang = normalise_lang(lang)


def help_lang() -> str:
    """Language of ``--help`` texts (known before argv is parsed: ``--lang`` or ``ISRP_LANG``)."""
    return _help_lang


def h(key: str, **kwargs: Any) -> str:
    """A help text from the message catalogue in the help language (``%`` escaped for argparse)."""
    return t(key, _help_lang, **kwargs).replace("%", "%%")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(
            usage, actions, groups, prefix if prefix is not None else t("cli.usage", _help_lang)
        )


class IsrpArgumentParser(argparse.ArgumentParser):
    """argparse with German (or English) headings, help option and error line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = t("cli.positionals", _help_lang)
        self._optionals.title = t("cli.options", _help_lang)
        self.add_argument("-h", "--help", action="help", help=h("cli.help"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, t("cli.error", _help_lang, prog=self.prog, message=message) + "\n")


class UsageError(LocalizedError):
    """The command was called in a way that cannot work (exit code 2)."""


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code for a library error."""
    from isrp_graph.loading import RdfInputError, RdfSyntaxError
    from isrp_graph.scope import ScopeError
    from isrp_graph.settings import SettingsError
    from isrp_graph.store.errors import StoreError, StoreUnreachable

    if isinstance(error, SettingsError | UsageError | ScopeError):
        return ExitCode.USAGE
    if isinstance(error, StoreUnreachable):
        return ExitCode.STORE
    if isinstance(error, RdfSyntaxError | RdfInputError | FileNotFoundError | IsADirectoryError):
        return ExitCode.INPUT
    if isinstance(error, StoreError) and type(error) is StoreError:
        return ExitCode.STORE
    return ExitCode.INPUT


def error_text(error: BaseException, lang: str) -> str:
    if isinstance(error, LocalizedError):
        return error.message(lang)
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror}: {error.filename}"
    return str(error)


def note(text: str, stream: IO[str] | None = None) -> None:
    """A line for the user on stderr (stdout stays clean for results)."""
    target = stream if stream is not None else sys.stderr
    print(text, file=target, flush=True)


class Activity:
    """Shows ``label … N s`` on stderr once something takes longer than ``delay`` seconds: a spinner
    on a terminal, one line otherwise. Use as a context manager."""

    SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

    def __init__(self, label: str, stream: IO[str] | None = None, delay: float = 1.0) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._drawn = False

    def __enter__(self) -> Activity:
        self._start = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="isrp-activity", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        tty = _isatty(self.stream)
        if not tty:
            self.stream.write(f"{self.label} …\n")
            self.stream.flush()
            return
        for frame in itertools.cycle(self.SPINNER):
            seconds = int(time.monotonic() - self._start)
            self.stream.write(f"\r{frame} {self.label} … {seconds} s\033[K")
            self.stream.flush()
            self._drawn = True
            if self._stop.wait(0.1):
                return


class LoadProgress:
    """A ``progress(done, total, label)`` callback for loading: "Lade … (3/12 Dateien)" on stderr
    once loading takes longer than ``delay``; then an activity line while the store is written."""

    def __init__(self, lang: str, stream: IO[str] | None = None, delay: float = 1.0) -> None:
        self.lang = lang
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self._start = time.monotonic()
        self._last_line = 0.0
        self._drawn = False
        self._writing: Activity | None = None

    def __enter__(self) -> LoadProgress:
        return self

    def __call__(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if now - self._start >= self.delay:
            text = t("load.progress", self.lang, done=done, total=total)
            if _isatty(self.stream):
                self.stream.write(f"\r{text}\033[K")
                self._drawn = True
            elif now - self._last_line >= 1.0 or done == total:
                self.stream.write(text + "\n")
                self._last_line = now
            self.stream.flush()
        if done == total and self._writing is None:
            self._clear()
            self._writing = Activity(
                t("load.writing", self.lang, files=total), self.stream, delay=max(0.0, self.delay / 2)
            ).__enter__()

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._drawn = False

    def __exit__(self, *_: object) -> None:
        if self._writing is not None:
            self._writing.__exit__()
        self._clear()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
