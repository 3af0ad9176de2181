"""The texts of the pages BITV 2.0 and the law require (Erklärung zur Barrierefreiheit, Kontakt for
accessibility problems, Leichte Sprache, Gebärdensprache, Impressum, Datenschutz): the Erfurt
defaults in ``bitv_default.toml``; each installation lays its own TOML file, named by the environment
variable ``ISRP_BITV_TEXTS``, over them, with one table per page, e.g.

    [impressum]
    title = "Impressum"
    paragraphs = ["Landeshauptstadt Erfurt, Fischmarkt 1, 99084 Erfurt", "…"]
    [kontakt]
    email = "barrierefreiheit@example.org"

Missing pages or keys keep the defaults below; the Erfurt defaults say where the operator must add
facts ("vom Betreiber zu ergänzen") and invent none."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

TODO = "[vom Betreiber zu ergänzen]"

DEFAULTS = Path(__file__).with_name("bitv_default.toml")  # the Erfurt defaults

FOOTER: tuple[tuple[str, str], ...] = (
    ("barrierefreiheit", "Barrierefreiheit"),
    ("kontakt", "Barriere melden"),
    ("leichte-sprache", "Leichte Sprache"),
    ("gebaerdensprache", "Gebärdensprache"),
    ("impressum", "Impressum"),
    ("datenschutz", "Datenschutz"),
)


def load_pages(path: str | Path | None = None) -> dict[str, dict[str, Any]]:
    """The defaults, with the installation's own texts (``ISRP_BITV_TEXTS``) laid over them."""
    with DEFAULTS.open("rb") as handle:
        pages: dict[str, dict[str, Any]] = tomllib.load(handle)
    source = path or os.environ.get("ISRP_BITV_TEXTS")
    if source:
        with open(source, "rb") as handle:
            own = tomllib.load(handle)
        for name, values in own.items():
            if name in pages and isinstance(values, dict):
                pages[name].update(values)
    return pages
