"""An app on the small test registry with one personal token per role (and a revoked one)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.testclient import TestClient

from api.app import create_app
from isrp_graph.auth import Role
from tests.api.conftest import fixture_store, settings

JUGENDAMT = "https://w3id.org/isrp/erfurt/org/jugendamt"
SOZIALES = "https://w3id.org/isrp/erfurt/org/amt-fuer-soziales"
YOUTH_PLAN = "https://w3id.org/isrp/erfurt/plan/jugendhilfeplanung"
SOCIAL_PLAN = "https://w3id.org/isrp/erfurt/plan/sozialplanung"


@dataclass
class World:
    client: TestClient
    store: object
    tokens: dict[str, str]

    def bearer(self, who: str) -> dict[str, str]:
        return {"authorization": f"Bearer {self.tokens[who]}"} if who in self.tokens else {}


def world(**extra: object) -> World:
    store = fixture_store()
    app = create_app(settings(editor_tokens=(), extra=extra), store=store)
    people = app.state.auth.tokens
    tokens = {
        "lesen": people.create("Lea Leser", Role.LESEN),
        "bearbeiten": people.create("Jana Jugendamt", Role.BEARBEITEN, (JUGENDAMT,)),
        "pruefen": people.create("Paula Prüferin", Role.PRUEFEN),
        "pruefen2": people.create("Peter Prüfer", Role.PRUEFEN),
        "verwalten": people.create("Vera Verwalterin", Role.VERWALTEN),
        "revoked": people.create("Rolf Widerrufen", Role.VERWALTEN),
        "wrong": "isrp_falsch",
    }
    people.revoke("Rolf Widerrufen")
    return World(TestClient(app), store, tokens)


def _sent(a: dict[str, str | None]) -> bool:
    kind = a.get("type")
    if kind in ("checkbox", "radio"):
        return "checked" in a
    return kind not in ("password", "file")


def form_values(html: str) -> dict[str, list[str]]:
    """What a browser would send for a form as shown: selected options, textarea text, input values."""
    from html.parser import HTMLParser

    values: dict[str, list[str]] = {}

    class Parser(HTMLParser):
        select: str | None = None
        textarea: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            name = a.get("name") or ""
            if tag == "select":
                self.select = name
            elif tag == "option" and self.select and "selected" in a and a.get("value"):
                values.setdefault(self.select, []).append(str(a["value"]))
            elif tag == "textarea":
                self.textarea = name
                values.setdefault(name, [""])
            elif tag == "input" and name and _sent(a):
                values.setdefault(name, []).append(str(a.get("value") or ""))

        def handle_endtag(self, tag: str) -> None:
            if tag == "select":
                self.select = None
            if tag == "textarea":
                self.textarea = None

        def handle_data(self, data: str) -> None:
            if self.textarea:
                values[self.textarea][-1] += data

    Parser().feed(html)
    return values
