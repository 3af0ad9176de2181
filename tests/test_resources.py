"""Locating the shipped ontology/, data/ and queries/ folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from isrp_graph import resources


def test_source_checkout_layout() -> None:
    repo = Path(__file__).resolve().parents[1]
    assert resources.ontology_dir() == repo / "ontology"
    assert resources.data_dir() == repo / "data"
    assert resources.resource_root() == repo
    assert (resources.ontology_dir() / "isrp.ttl").is_file()


def test_installed_layout_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "isrp_graph"
    for name in ("ontology", "data", "queries"):
        (package / "_shipped" / name).mkdir(parents=True)
    (tmp_path / "site-packages" / "data").mkdir()  # a stray folder that must not be picked up
    monkeypatch.setattr(resources, "PACKAGE_DIR", package)
    resources._locate.cache_clear()
    try:
        assert resources.data_dir() == package / "_shipped" / "data"
        assert resources.queries_dir() == package / "_shipped" / "queries"
        assert resources.resource_root() == package / "_shipped"
    finally:
        resources._locate.cache_clear()


def test_missing_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "PACKAGE_DIR", tmp_path / "isrp_graph")
    resources._locate.cache_clear()
    try:
        with pytest.raises(resources.ResourceMissing) as info:
            resources.ontology_dir()
        assert "ontology/" in str(info.value)
    finally:
        resources._locate.cache_clear()
