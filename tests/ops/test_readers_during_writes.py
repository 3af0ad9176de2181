"""Readers never wait for a writer: while a write is held inside its validation (a gate in the real
validation step), a reader's request to the same really running uvicorn server is answered, for every
write route (upload, edit form, approval of a proposal). A route that validated on the event loop
would leave the reader hanging until the gate opens."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

import isrp_graph.writes as writes_module
from tests.api.conftest import LiveServer
from tests.auth.helpers import YOUTH_PLAN, World, form_values, world

HOLD = 30.0  # the longest a write is held (the test opens the gate as soon as the reader is served)
READER_TIMEOUT = 10.0
PREFIXES = "@prefix isrp: <https://w3id.org/isrp/def#> .\n"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, threading.Event]]:
    """(entered, gate): ``entered`` is set when a write reaches its validation, which then waits for
    ``gate``; the real validation runs after it."""
    entered, gate = threading.Event(), threading.Event()
    real = writes_module._validate

    def gated(*args, **kwargs):  # type: ignore[no-untyped-def]
        entered.set()
        gate.wait(HOLD)
        return real(*args, **kwargs)

    monkeypatch.setattr(writes_module, "_validate", gated)
    yield entered, gate
    gate.set()


def _reader_served_while_held(
    w: World, held: tuple[threading.Event, threading.Event], write: Callable[[httpx.Client], httpx.Response]
) -> httpx.Response:
    entered, gate = held
    with LiveServer(w.client.app) as server, httpx.Client(base_url=server.url, timeout=HOLD + 30) as client:
        answer: list[httpx.Response] = []
        writer = threading.Thread(target=lambda: answer.append(write(client)))
        writer.start()
        try:
            assert entered.wait(20), "the write never reached its validation"
            with httpx.Client(base_url=server.url, timeout=READER_TIMEOUT) as reader:
                page = reader.get("/api/v1/plans", headers=w.bearer("lesen"))
            assert page.status_code == 200
            assert not gate.is_set()  # served while the write was still held
        finally:
            gate.set()
            writer.join(HOLD + 30)
        assert answer, "the write did not answer"
        return answer[0]


def test_a_reader_is_served_while_an_upload_is_held_in_validation(held) -> None:  # type: ignore[no-untyped-def]
    w = world()
    body = PREFIXES + f'<{YOUTH_PLAN}> isrp:task "Bestand erheben"@de .\n'

    def upload(client: httpx.Client) -> httpx.Response:
        return client.post(
            "/api/v1/upload",
            params={"filename": "aufgaben.ttl", "graph": "aufgaben"},
            content=body.encode(),
            headers={**w.bearer("verwalten"), "content-type": "text/turtle"},
        )

    response = _reader_served_while_held(w, held, upload)
    assert response.status_code == 200, response.text


def _edit(w: World, client: httpx.Client, who: str) -> httpx.Response:
    html = client.get("/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, headers=w.bearer(who)).text
    fields = {label: fid for fid, label in re.findall(r'<label for="(f\d+)">([^<]+)</label>', html)}
    data: dict[str, object] = dict(form_values(html))
    data.update(
        {fields["Aufgaben"]: "Bestand erheben\nBedarf ermitteln\nMaßnahmen planen", "token": w.tokens[who]}
    )
    client.get("/konto")
    data["csrf"] = str(client.cookies.get("isrp_csrf"))
    return client.post(
        "/bearbeiten/eintrag", params={"iri": YOUTH_PLAN}, data=data, headers={"accept": "application/json"}
    )


def test_a_reader_is_served_while_a_form_edit_is_held_in_validation(held) -> None:  # type: ignore[no-untyped-def]
    w = world()
    response = _reader_served_while_held(w, held, lambda client: _edit(w, client, "verwalten"))
    assert response.status_code == 200, response.text
    assert response.json()["accepted"] is True


def test_a_reader_is_served_while_an_approval_is_held_in_validation(held) -> None:  # type: ignore[no-untyped-def]
    w = world()
    entered, gate = held
    gate.set()  # the proposal itself is validated too: let it through
    with LiveServer(w.client.app) as server, httpx.Client(base_url=server.url, timeout=60) as client:
        proposed = _edit(w, client, "bearbeiten")
    assert proposed.status_code == 202, proposed.text
    proposal = proposed.json()["proposal"]
    entered.clear()
    gate.clear()

    def approve(client: httpx.Client) -> httpx.Response:
        return client.post(
            f"/vorschlaege/{proposal}/annehmen", headers={**w.bearer("pruefen"), "accept": "application/json"}
        )

    response = _reader_served_while_held(w, held, approve)
    assert response.status_code == 200, response.text
    assert response.json()["approved"] is True
