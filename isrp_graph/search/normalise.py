"""German normalisation for the search index: case-folding, umlauts and ß spelled out (ä → ae, so
"Förderplan" and "Foerderplan" are the same word), other accents dropped, and a light stemmer for query
words (-ern, -en, -er, -es, -e, -n, -s) that turns "Planungen" into the prefix "planung" and
"Förderpläne" into "foerderplaen" or "foerderplan"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "œ": "oe"})
_TOKEN = re.compile(r"[^\W_]+")
_ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
MIN_STEM = 4


def _fold(text: str) -> str:
    """``text`` case-folded with umlauts spelled out and other diacritics removed."""
    text = text.casefold().translate(_SPELLED)  # casefold turns ß into ss as well
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


fold = lru_cache(maxsize=65536)(_fold)  # for single words (snippets): the same words come back often


def tokens(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; everything else separates)."""
    return _TOKEN.findall(_fold(text))


def index_text(text: str) -> str:
    """What the index stores for ``text``: its folded words separated by spaces."""
    return " ".join(tokens(text))


_UMLAUT = re.compile(r"(ae|oe|ue)(?=[a-z]{0,3}$)")  # an umlaut in the last syllable


def variants(word: str) -> list[str]:
    """The query prefixes for one folded word: its stem and, when the stem's last umlaut may be a plural
    or diminutive one (Pläne, Beschlüsse), the stem without it (plan, beschluss)."""
    stemmed = stem(word)
    plain = _UMLAUT.sub(lambda m: m.group(1)[0], stemmed, count=1)
    return [stemmed] if plain == stemmed or stemmed == word else [stemmed, plain]


def stem(word: str) -> str:
    """A folded query word without one common German ending, if at least ``MIN_STEM`` letters stay."""
    if word.isdigit():
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word
