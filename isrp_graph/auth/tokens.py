"""Personal API tokens, kept hashed in a small SQLite file beside the store.

A token is ``isrp_`` + 32 random bytes (URL-safe base64); only its SHA-256 is stored, so the file never
holds a usable secret. The tokens live outside the RDF store on purpose: nothing in them may ever be
readable through ``/sparql``, a dump or a release, and the file can be given stricter permissions (0600)
than the data. Each token has a name (the person or script it is for), a role, the organisations of a
Bearbeiter:in, an optional expiry, an owner (the signed-in person who made it) and can be revoked.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from isrp_graph.auth.roles import Principal, Role
from isrp_graph.messages import LocalizedError

PREFIX = "isrp_"
_NAME = re.compile(r"^[\w .@:-]{1,80}$")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    orgs TEXT NOT NULL DEFAULT '[]',
    owner TEXT NOT NULL DEFAULT '',
    owner_name TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    expires TEXT,
    revoked TEXT
);
CREATE INDEX IF NOT EXISTS tokens_name ON tokens(name);
CREATE INDEX IF NOT EXISTS tokens_owner ON tokens(owner);
"""


class TokenError(LocalizedError, ValueError):
    """A token that cannot be created or revoked as asked."""


@dataclass(frozen=True)
class TokenInfo:
    """What is known about a token (never the secret)."""

    name: str
    role: Role
    orgs: tuple[str, ...]
    owner: str
    owner_name: str
    created: datetime
    expires: date | None
    revoked: datetime | None

    def state(self, today: date | None = None) -> str:
        if self.revoked is not None:
            return "revoked"
        if self.expires is not None and self.expires < (today or datetime.now(UTC).date()):
            return "expired"
        return "valid"

    def principal(self) -> Principal:
        return Principal(
            name=self.owner_name or self.name, role=self.role, orgs=self.orgs, source="token", key=self.name
        )


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def parse_expiry(value: str | None) -> date | None:
    """``TT.MM.JJJJ`` (or ISO ``JJJJ-MM-TT``) in the future; ``None`` for no expiry."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if day < datetime.now(UTC).date():
            break
        return day
    raise TokenError("auth.token.bad_expiry", value=value)


class TokenStore:
    """The token file (``":memory:"`` for a memory store)."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            fresh = not Path(self.path).exists()
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        if self.path != ":memory:" and fresh:
            os.chmod(self.path, 0o600)
        self._db.executescript(_SCHEMA)
        self._memory: dict[str, TokenInfo] = {}  # legacy editor tokens: hash -> info, never written

    def create(
        self,
        name: str,
        role: Role,
        orgs: tuple[str, ...] = (),
        expires: date | None = None,
        owner: str = "",
        owner_name: str = "",
    ) -> str:
        """A new token; returns the secret (the only time it exists in clear)."""
        name = name.strip()
        if not _NAME.match(name):
            raise TokenError("auth.token.bad_name")
        if role is Role.BEARBEITEN and not orgs:
            raise TokenError("auth.token.needs_org")
        for org in orgs:
            if not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", org):
                raise TokenError("auth.token.bad_org", value=org)
        if any(t.state() == "valid" for t in self.by_name(name)):
            raise TokenError("auth.token.exists", name=name)
        secret = PREFIX + secrets.token_urlsafe(32)
        with self._lock:
            self._db.execute(
                "INSERT INTO tokens(name, hash, role, orgs, owner, owner_name, created, expires) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    digest(secret),
                    role.slug,
                    json.dumps(list(orgs)),
                    owner,
                    owner_name,
                    datetime.now(UTC).isoformat(),
                    expires.isoformat() if expires else None,
                ),
            )
        return secret

    def add_legacy(self, name: str, secret: str, role: Role) -> None:
        """A token from the old shared ``editor_tokens`` setting: held in memory only, hashed."""
        self._memory[digest(secret)] = TokenInfo(
            name, role, (), "", name, datetime.now(UTC), None, None
        )

    def lookup(self, secret: str) -> TokenInfo | None:
        """The token with this secret, whatever its state (``None`` if unknown)."""
        hashed = digest(secret.strip())
        if hashed in self._memory:
            return self._memory[hashed]
        with self._lock:
            row = self._db.execute(_SELECT + " WHERE hash = ?", (hashed,)).fetchone()
        return _info(row) if row else None

    def by_name(self, name: str) -> list[TokenInfo]:
        with self._lock:
            rows = self._db.execute(_SELECT + " WHERE name = ? ORDER BY id", (name,)).fetchall()
        return [_info(r) for r in rows]

    def list(self, owner: str | None = None) -> list[TokenInfo]:
        with self._lock:
            if owner is None:
                rows = self._db.execute(_SELECT + " ORDER BY id").fetchall()
            else:
                rows = self._db.execute(_SELECT + " WHERE owner = ? ORDER BY id", (owner,)).fetchall()
        return [_info(r) for r in rows]

    def revoke(self, name: str, owner: str | None = None) -> int:
        """Revoke the valid tokens called ``name`` (only the owner's, if ``owner`` is given)."""
        query = "UPDATE tokens SET revoked = ? WHERE name = ? AND revoked IS NULL"
        params: list[str] = [datetime.now(UTC).isoformat(), name]
        if owner is not None:
            query += " AND owner = ?"
            params.append(owner)
        with self._lock:
            count = self._db.execute(query, params).rowcount
        if not count:
            raise TokenError("auth.token.unknown", name=name)
        return count

    def close(self) -> None:
        self._db.close()


_SELECT = "SELECT name, role, orgs, owner, owner_name, created, expires, revoked FROM tokens"


def _info(row: tuple) -> TokenInfo:
    name, role, orgs, owner, owner_name, created, expires, revoked = row
    return TokenInfo(
        name=name,
        role=Role.parse(role),
        orgs=tuple(json.loads(orgs)),
        owner=owner,
        owner_name=owner_name,
        created=datetime.fromisoformat(created),
        expires=date.fromisoformat(expires) if expires else None,
        revoked=datetime.fromisoformat(revoked) if revoked else None,
    )
