"""The sign-in settings: OIDC client, group → role mapping, cookies, where the tokens live.

Every key can be given in the config file (``isrp.toml``, top level or ``[isrp]``) or as the
environment variable ``ISRP_<KEY>`` (which wins)::

    oidc_issuer = "https://login.stadt.example/realms/isrp"
    oidc_client_id = "isrp"
    oidc_client_secret = "…"
    oidc_groups_claim = "groups"          # the claim that carries the groups
    cookie_secure = true                  # false only for http://localhost
    session_secret = "…"                  # signs the session cookie (default: random per start)
    read_requires_sign_in = false         # true: reading needs a sign-in or a token
    publish_directly = false              # true: Prüfer:innen publish without a proposal
    auth_db = "var/isrp-auth.sqlite"      # the token file
    [isrp.oidc_group_roles]
    "isrp-jugendamt" = { role = "bearbeiten", orgs = ["https://w3id.org/isrp/org/jugendamt"] }
    "isrp-sozialplanung" = { role = "pruefen" }

(``ISRP_OIDC_GROUP_ROLES`` takes the same mapping as JSON.)
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from isrp_graph.auth import texts as _texts  # noqa: F401  (registers auth.* messages)
from isrp_graph.auth.roles import Principal, Role
from isrp_graph.settings import Settings, SettingsError


@dataclass(frozen=True)
class GroupRole:
    role: Role
    orgs: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuthConfig:
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = field(default=None, repr=False)
    oidc_groups_claim: str = "groups"
    oidc_scope: str = "openid profile email"
    group_roles: Mapping[str, GroupRole] = field(default_factory=dict)
    cookie_secure: bool = True
    session_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)
    session_max_age: int = 8 * 3600
    read_requires_sign_in: bool = False
    publish_directly: bool = False
    auth_db: str = ":memory:"

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)

    def principal_for(self, subject: str, name: str, groups: list[str]) -> Principal:
        """The person signed in with these groups: the highest mapped role, the organisations of
        every mapped group with that role. No mapped group → read-only, ``unmapped``."""
        mapped = [self.group_roles[g] for g in groups if g in self.group_roles]
        if not mapped:
            return Principal(name, Role.LESEN, (), "session", subject, tuple(groups), unmapped=True)
        role = max(m.role for m in mapped)
        orgs = tuple(dict.fromkeys(o for m in mapped if m.role == role for o in m.orgs))
        if role is Role.BEARBEITEN and not orgs:
            role = Role.LESEN
        return Principal(name, role, orgs, "session", subject, tuple(groups))


def _flag(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("true", "1", "yes", "ja", "on")


def _group_roles(raw: Any) -> dict[str, GroupRole]:
    if isinstance(raw, str):
        raw = json.loads(raw) if raw.strip() else {}
    mapping: dict[str, GroupRole] = {}
    for group, spec in dict(raw or {}).items():
        spec = {"role": spec} if isinstance(spec, str) else dict(spec)
        try:
            role = Role.parse(str(spec.get("role", "")))
        except ValueError as exc:
            raise SettingsError(
                "auth.config.bad_mapping", group=group, reason=str(spec.get("role", ""))
            ) from exc
        orgs = spec.get("orgs", spec.get("org", []))
        mapping[str(group)] = GroupRole(role, tuple([orgs] if isinstance(orgs, str) else orgs))
    return mapping


def auth_config(settings: Settings, env: Mapping[str, str] | None = None) -> AuthConfig:
    """The auth settings from ``settings.extra`` and the ``ISRP_*`` environment."""
    environ = os.environ if env is None else env

    def get(key: str) -> Any:
        value = environ.get("ISRP_" + key.upper())
        if value is not None and value.strip():
            return value.strip()
        return settings.extra.get(key)

    values: dict[str, Any] = {}
    for key in ("oidc_issuer", "oidc_client_id", "oidc_client_secret", "oidc_groups_claim", "oidc_scope"):
        if get(key):
            values[key] = str(get(key))
    if get("session_secret"):
        values["session_secret"] = str(get("session_secret"))
    for key in ("cookie_secure", "read_requires_sign_in", "publish_directly"):
        if get(key) is not None:
            values[key] = _flag(get(key))
    if _flag(get("read_requires_token")):
        values["read_requires_sign_in"] = True
    if get("session_max_age"):
        values["session_max_age"] = int(get("session_max_age"))
    values["group_roles"] = _group_roles(get("oidc_group_roles"))
    values["auth_db"] = str(get("auth_db") or default_auth_db(settings))
    config = AuthConfig(**values)
    if bool(config.oidc_issuer) != bool(config.oidc_client_id):
        missing = "oidc_client_id" if config.oidc_issuer else "oidc_issuer"
        raise SettingsError("auth.config.incomplete", missing=missing)
    return config


def default_auth_db(settings: Settings) -> str:
    """Beside the embedded store (``var/isrp-auth.sqlite`` for ``var/store``); in memory for a
    memory store; ``var/isrp-auth.sqlite`` for a server store."""
    if settings.is_memory:
        return ":memory:"
    folder = settings.embedded_path
    if folder is not None:
        return str(Path(folder).parent / "isrp-auth.sqlite")
    return "var/isrp-auth.sqlite"
