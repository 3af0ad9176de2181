"""One settings object, read from environment variables and an optional TOML file, with safe defaults.

Precedence: environment variable > config file > default. The config file is ``$ISRP_CONFIG`` or, if that
is unset, ``./isrp.toml`` when it exists. Its keys are the variable names in lower case without the
``ISRP_`` prefix, at top level or in an ``[isrp]`` table::

    store = "embedded"            # "embedded" | "memory" | a folder path | http(s):// SPARQL query URL
    store_path = "var/store"      # folder of the embedded store (relative to the config file)
    sparql_update_url = "http://localhost:3030/ds/update"
    gsp_url = "http://localhost:3030/ds/data"
    lang = "de"
    editor_tokens = ["secret-1"]  # or "a,b"
    query_timeout = 10
    result_limit = 10000
    base_iri = "https://w3id.org/isrp/"
    max_request_bytes = 20000000  # and the other limits of isrp_graph/limits.py
    kommune = ["erfurt"]          # or "erfurt,weimar": the municipalities served; empty = all

Keys this module does not know are kept in ``Settings.extra`` for other modules.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from isrp_graph.messages import LANGUAGES, LocalizedError

ENV_PREFIX = "ISRP_"
DEFAULT_CONFIG = "isrp.toml"
STORE_MEMORY = "memory"
STORE_EMBEDDED = "embedded"


class SettingsError(LocalizedError, ValueError):
    """A setting has a value that cannot be used."""


@dataclass(frozen=True)
class Settings:
    store: str = STORE_EMBEDDED
    store_path: Path = Path("var/store")
    sparql_update_url: str | None = None
    gsp_url: str | None = None
    store_user: str | None = None
    store_password: str | None = field(default=None, repr=False)
    lang: str = "de"
    editor_tokens: tuple[str, ...] = field(default=(), repr=False)
    query_timeout: float = 10.0
    result_limit: int = 10000
    base_iri: str = "https://w3id.org/isrp/"
    # limits on what one request may bring (isrp_graph/limits.py)
    max_request_bytes: int = 20_000_000
    max_upload_triples: int = 200_000
    max_sheet_rows: int = 20_000
    max_workbook_unpacked_bytes: int = 100_000_000
    max_listed_errors: int = 100
    # the municipalities this installation serves (names as isrp_graph.scope.resolve_kommunen accepts:
    # slug, label or IRI); empty = every municipality of the store. Resolved against the store at start.
    kommune: tuple[str, ...] = ()
    config_file: Path | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_remote(self) -> bool:
        return self.store.startswith(("http://", "https://"))

    @property
    def is_memory(self) -> bool:
        return self.store == STORE_MEMORY

    @property
    def embedded_path(self) -> Path | None:
        """Folder of the on-disk embedded store, ``None`` for memory or remote stores."""
        if self.is_remote or self.is_memory:
            return None
        if self.store == STORE_EMBEDDED:
            return self.store_path
        return Path(self.store)

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some values replaced (``None`` values are ignored), validated again."""
        clean = {k: v for k, v in changes.items() if v is not None}
        return _validated(replace(self, **clean)) if clean else self


LIMIT_KEYS = (
    "max_request_bytes",
    "max_upload_triples",
    "max_sheet_rows",
    "max_workbook_unpacked_bytes",
    "max_listed_errors",
)
# name in file/env (lower case) -> field name
_KEYS = (
    "store",
    "store_path",
    "sparql_update_url",
    "gsp_url",
    "store_user",
    "store_password",
    "lang",
    "editor_tokens",
    "query_timeout",
    "result_limit",
    "base_iri",
    "kommune",
    *LIMIT_KEYS,
)


def load_settings(env: Mapping[str, str] | None = None, config_path: str | Path | None = None) -> Settings:
    """Read the settings. ``env`` defaults to ``os.environ``; ``config_path`` to ``$ISRP_CONFIG`` or
    ``./isrp.toml`` (only if present). Raises ``SettingsError`` for unusable values."""
    environ = os.environ if env is None else env
    file_values, extra, config_file = _read_config(environ, config_path)
    values: dict[str, Any] = dict(file_values)
    for key in _KEYS:
        raw = environ.get(ENV_PREFIX + key.upper())
        if raw is not None and raw.strip() != "":
            values[key] = raw.strip()
    base_dir = config_file.parent if config_file is not None and "store_path" in file_values else None
    return _validated(_build(values, extra, config_file, base_dir, env_overrides_path=environ))


def _read_config(
    environ: Mapping[str, str], config_path: str | Path | None
) -> tuple[dict[str, Any], dict[str, Any], Path | None]:
    explicit = config_path if config_path is not None else environ.get(ENV_PREFIX + "CONFIG")
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise SettingsError("settings.config_missing", path=str(path))
    else:
        path = Path(DEFAULT_CONFIG)
        if not path.is_file():
            return {}, {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError("settings.config_unreadable", path=str(path), reason=str(exc)) from exc
    table = data.get("isrp", data) if isinstance(data.get("isrp"), dict) else data
    known = {k: v for k, v in table.items() if k in _KEYS}
    extra = {k: v for k, v in table.items() if k not in _KEYS}
    return known, extra, path.resolve()


def _build(
    values: Mapping[str, Any],
    extra: Mapping[str, Any],
    config_file: Path | None,
    base_dir: Path | None,
    env_overrides_path: Mapping[str, str],
) -> Settings:
    kwargs: dict[str, Any] = {"config_file": config_file, "extra": dict(extra)}
    for key in ("store", "sparql_update_url", "gsp_url", "store_user", "store_password", "base_iri"):
        if key in values:
            kwargs[key] = str(values[key])
    if "lang" in values:
        kwargs["lang"] = str(values["lang"]).strip().lower()
    if "store_path" in values:
        path = Path(str(values["store_path"])).expanduser()
        from_env = env_overrides_path.get(ENV_PREFIX + "STORE_PATH")
        if base_dir is not None and not from_env and not path.is_absolute():
            path = base_dir / path
        kwargs["store_path"] = path
    if "editor_tokens" in values:
        kwargs["editor_tokens"] = _tokens(values["editor_tokens"])
    if "kommune" in values:
        kwargs["kommune"] = _names(values["kommune"])
    if "query_timeout" in values:
        kwargs["query_timeout"] = _number("query_timeout", values["query_timeout"], float)
    if "result_limit" in values:
        kwargs["result_limit"] = _number("result_limit", values["result_limit"], int)
    for key in LIMIT_KEYS:
        if key in values:
            kwargs[key] = _number(key, values[key], int)
    return Settings(**kwargs)


def _tokens(value: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    return tuple(token.strip() for token in items if token.strip())


def _names(value: Any) -> tuple[str, ...]:
    """Municipality names from ``"a, b"`` or a list, without empty items and repeats, in order."""
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        raise SettingsError("settings.invalid", name="kommune", value=value, reason=_reason("settings.names"))
    names: list[str] = []
    for item in (i.strip() for i in items):
        if item and item not in names:
            names.append(item)
    return tuple(names)


def _number(name: str, value: Any, kind: type[int] | type[float]) -> Any:
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = -1
    if number <= 0:
        raise SettingsError("settings.invalid", name=name, value=value, reason=_reason("settings.number"))
    return number


def _reason(key: str) -> str:
    from isrp_graph.messages import t

    return t(key, "de")


def _validated(settings: Settings) -> Settings:
    if settings.lang not in LANGUAGES:
        raise SettingsError(
            "settings.invalid", name="lang", value=settings.lang, reason=_reason("settings.lang")
        )
    if settings.query_timeout <= 0:
        raise SettingsError(
            "settings.invalid",
            name="query_timeout",
            value=settings.query_timeout,
            reason=_reason("settings.number"),
        )
    if settings.result_limit <= 0:
        raise SettingsError(
            "settings.invalid",
            name="result_limit",
            value=settings.result_limit,
            reason=_reason("settings.number"),
        )
    if not settings.store.strip():
        return replace(settings, store=STORE_EMBEDDED)
    if not settings.base_iri.endswith(("/", "#")):
        return replace(settings, base_iri=settings.base_iri + "/")
    return settings
