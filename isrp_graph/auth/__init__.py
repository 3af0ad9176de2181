"""People, roles, personal tokens and the sign-in configuration (no web code).

``Auth.from_settings(settings)`` gives the installation's auth: its ``AuthConfig``, its
``TokenStore`` and the old shared ``editor_tokens`` migrated (in memory) or refused.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass

from isrp_graph.auth import texts as _texts  # noqa: F401
from isrp_graph.auth.config import AuthConfig, auth_config
from isrp_graph.auth.roles import ANONYMOUS, Principal, Role
from isrp_graph.auth.tokens import TokenError, TokenInfo, TokenStore, parse_expiry
from isrp_graph.messages import t
from isrp_graph.settings import Settings, SettingsError

__all__ = [
    "ANONYMOUS",
    "Auth",
    "AuthConfig",
    "Principal",
    "Role",
    "TokenError",
    "TokenInfo",
    "TokenStore",
    "TokenVerdict",
    "parse_expiry",
]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenVerdict:
    """The result of presenting a token: a principal, or why not (``unknown|revoked|expired``)."""

    principal: Principal | None
    problem: str | None = None


def legacy_pairs(entries: tuple[str, ...]) -> list[tuple[str, str]]:
    """``name=token`` pairs of the old setting; any entry without both parts is refused."""
    pairs = []
    for number, entry in enumerate(entries, start=1):
        name, sep, secret = entry.partition("=")
        if not sep or not name.strip() or not secret.strip():
            raise SettingsError("auth.legacy.bad_entry", n=number)
        pairs.append((name.strip(), secret.strip()))
    return pairs


class Auth:
    def __init__(self, config: AuthConfig, tokens: TokenStore) -> None:
        self.config = config
        self.tokens = tokens

    @classmethod
    def from_settings(cls, settings: Settings, env: Mapping[str, str] | None = None) -> Auth:
        config = auth_config(settings, env)
        store = TokenStore(config.auth_db)
        pairs = legacy_pairs(settings.editor_tokens)
        for name, secret in pairs:
            store.add_legacy(name, secret, Role.VERWALTEN)
        for reader in settings.extra.get("reader_tokens", []) or []:
            secret = str(reader).strip()
            if not secret or secret.endswith("="):
                raise SettingsError("auth.legacy.bad_entry", n=0)
            store.add_legacy(f"leser-{hashlib.sha256(secret.encode()).hexdigest()[:8]}", secret, Role.LESEN)
        if pairs:
            log.warning(t("auth.legacy.migrated", settings.lang, n=len(pairs)))
        return cls(config, store)

    def verify(self, secret: str) -> TokenVerdict:
        info = self.tokens.lookup(secret)
        if info is None:
            return TokenVerdict(None, "unknown")
        state = info.state()
        if state != "valid":
            return TokenVerdict(None, state)
        return TokenVerdict(info.principal())

    def editing_possible(self) -> bool:
        """Whether anyone can write here: a sign-in is configured or some token exists."""
        return self.config.oidc_enabled or bool(self.tokens._memory) or bool(self.tokens.list())

    def close(self) -> None:
        self.tokens.close()
