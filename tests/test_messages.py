"""The message catalogue: German and English for every key."""

from __future__ import annotations

import string

import pytest

from isrp_graph.messages import MESSAGES, LocalizedError, both, register, t


def test_every_message_has_german_and_english_with_the_same_fields() -> None:
    fields = string.Formatter()
    for key, texts in MESSAGES.items():
        assert texts.get("de") and texts.get("en"), key
        de = {f for _, f, _, _ in fields.parse(texts["de"]) if f}
        en = {f for _, f, _, _ in fields.parse(texts["en"]) if f}
        assert de == en, key


def test_lookup_and_fallbacks() -> None:
    assert t("summary.entries", "de") == "Einträge"
    assert t("summary.entries", "en") == "Entries"
    assert t("summary.entries", "de-DE") == "Einträge"
    assert t("summary.entries", "fr") == "Einträge"
    assert both("summary.triples", n=3) == "Tripel gesamt: 3 (Triples in total: 3)"
    with pytest.raises(KeyError):
        t("no.such.key")


def test_register_adds_keys_and_refuses_conflicts() -> None:
    register({"test.hello": {"de": "Hallo", "en": "Hello"}})
    register({"test.hello": {"de": "Hallo", "en": "Hello"}})  # same text again is fine
    assert t("test.hello", "en") == "Hello"
    with pytest.raises(ValueError):
        register({"test.hello": {"de": "Servus", "en": "Hi"}})
    with pytest.raises(ValueError):
        register({"test.nogerman": {"en": "Only English"}})


def test_localized_error() -> None:
    error = LocalizedError("load.not_found", path="x.ttl")
    assert str(error) == "Datei nicht gefunden: x.ttl (File not found: x.ttl)"
    assert error.message("en") == "File not found: x.ttl"
