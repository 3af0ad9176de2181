"""Roles and the person behind a request.

Four roles, each including the rights of the ones before it: *Lesen* (read), *Bearbeiten* for one or
more organisations (propose changes to their entries), *Prüfen* (the Sozialplanung: review proposals,
edit everything), *Verwalten* (settings, roles, releases; writes directly).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from isrp_graph.messages import t


class Role(IntEnum):
    LESEN = 1
    BEARBEITEN = 2
    PRUEFEN = 3
    VERWALTEN = 4

    @property
    def slug(self) -> str:
        return self.name.lower()

    def label(self, lang: str) -> str:
        return t(f"auth.role.{self.slug}", lang)

    @classmethod
    def parse(cls, value: str) -> Role:
        """``lesen|bearbeiten|pruefen|verwalten`` (also ``prüfen``); raises ``ValueError``."""
        clean = value.strip().lower().replace("ü", "ue")
        for role in cls:
            if role.slug == clean:
                return role
        raise ValueError(value)


@dataclass(frozen=True)
class Principal:
    """Who makes a request. ``name`` is recorded as the actor of a write; ``orgs`` are the organisation
    IRIs a Bearbeiter:in works for; ``role`` is ``None`` for an anonymous visitor or a signed-in person
    whose groups map to no role (``unmapped``)."""

    name: str
    role: Role | None
    orgs: tuple[str, ...] = ()
    source: str = "anonymous"  # anonymous | token | session
    key: str = ""  # stable id: token name or OIDC subject
    groups: tuple[str, ...] = field(default=())
    unmapped: bool = False

    @property
    def signed_in(self) -> bool:
        return self.source != "anonymous"

    def has(self, role: Role) -> bool:
        return self.role is not None and self.role >= role


ANONYMOUS = Principal(name="", role=None)
