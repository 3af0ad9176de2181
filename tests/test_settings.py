"""Settings from environment variables and isrp.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from isrp_graph.settings import Settings, SettingsError, load_settings


def test_safe_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env={})
    assert settings == Settings()
    assert settings.store == "embedded" and settings.embedded_path == Path("var/store")
    assert settings.lang == "de"
    assert settings.query_timeout == 10 and settings.result_limit == 10000
    assert settings.base_iri == "https://w3id.org/isrp/"
    assert settings.editor_tokens == ()
    assert settings.config_file is None


def test_environment_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(
        env={
            "ISRP_STORE": "http://localhost:3030/ds/query",
            "ISRP_SPARQL_UPDATE_URL": "http://localhost:3030/ds/update",
            "ISRP_GSP_URL": "http://localhost:3030/ds/data",
            "ISRP_LANG": "en",
            "ISRP_EDITOR_TOKENS": " a, b ,,c",
            "ISRP_QUERY_TIMEOUT": "2.5",
            "ISRP_RESULT_LIMIT": "50",
        }
    )
    assert settings.is_remote and settings.embedded_path is None
    assert settings.sparql_update_url == "http://localhost:3030/ds/update"
    assert settings.gsp_url == "http://localhost:3030/ds/data"
    assert settings.lang == "en"
    assert settings.editor_tokens == ("a", "b", "c")
    assert settings.query_timeout == 2.5 and settings.result_limit == 50
    assert "editor_tokens" not in repr(settings)  # secrets are not printed


def test_config_file_and_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = tmp_path / "conf" / "isrp.toml"
    config.parent.mkdir()
    config.write_text(
        'store = "memory"\nstore_path = "data/store"\nlang = "en"\neditor_tokens = ["x", "y"]\n'
        "result_limit = 7\n[api]\nport = 9000\n",
        encoding="utf-8",
    )
    settings = load_settings(env={"ISRP_CONFIG": str(config), "ISRP_LANG": "de"})
    assert settings.is_memory
    assert settings.lang == "de"  # environment beats the file
    assert settings.store_path == config.parent.resolve() / "data/store"  # relative to the file
    assert settings.editor_tokens == ("x", "y")
    assert settings.result_limit == 7
    assert settings.extra == {"api": {"port": 9000}}
    assert settings.config_file == config.resolve()


def test_isrp_toml_in_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "isrp.toml").write_text("[isrp]\nquery_timeout = 3\n", encoding="utf-8")
    assert load_settings(env={}).query_timeout == 3


@pytest.mark.parametrize(
    "env",
    [
        {"ISRP_LANG": "fr"},
        {"ISRP_QUERY_TIMEOUT": "soon"},
        {"ISRP_RESULT_LIMIT": "0"},
        {"ISRP_CONFIG": "/nope.toml"},
    ],
)
def test_bad_values_are_refused(env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SettingsError) as info:
        load_settings(env=env)
    assert "(" in str(info.value)  # German (English)


def test_broken_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "isrp.toml").write_text("store = \n", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_settings(env={})
    assert "isrp.toml" in str(info.value)


def test_overrides() -> None:
    settings = Settings().with_overrides(store="memory", lang=None)
    assert settings.is_memory and settings.lang == "de"
    with pytest.raises(SettingsError):
        Settings().with_overrides(lang="xx")


def test_kommune_from_the_environment_comma_separated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings(env={}).kommune == ()
    assert load_settings(env={"ISRP_KOMMUNE": " erfurt , Stadt Weimar,,erfurt "}).kommune == (
        "erfurt",
        "Stadt Weimar",
    )
    assert load_settings(env={"ISRP_KOMMUNE": "  "}).kommune == ()


def test_kommune_in_the_config_file_as_text_or_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "isrp.toml").write_text('[isrp]\nkommune = ["erfurt", "weimar"]\n', encoding="utf-8")
    assert load_settings(env={}).kommune == ("erfurt", "weimar")
    assert load_settings(env={"ISRP_KOMMUNE": "jena"}).kommune == ("jena",)  # the variable wins
    (tmp_path / "isrp.toml").write_text('kommune = "erfurt,weimar"\n', encoding="utf-8")
    assert load_settings(env={}).kommune == ("erfurt", "weimar")
    (tmp_path / "isrp.toml").write_text("kommune = 5\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(env={})
    assert "kommune" in caught.value.message("de") and "Namen" in caught.value.message("de")


def test_an_unknown_served_municipality_refuses_with_both_languages(memory_store) -> None:  # type: ignore[no-untyped-def]
    from isrp_graph.scope.installation import served_kommunen

    assert served_kommunen(Settings(), memory_store) == ()
    with pytest.raises(SettingsError) as caught:
        served_kommunen(Settings(kommune=("erfurt",)), memory_store)  # an empty store knows none
    assert "„erfurt“" in caught.value.message("de") and "startet nicht" in caught.value.message("de")
    assert "'erfurt'" in caught.value.message("en") and "does not start" in caught.value.message("en")
