"""Search results: hits grouped by kind, each with its name and the matched text as segments
(``(text, marked)``), so a renderer can mark the hits without trusting any markup."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from isrp_graph.search.normalise import fold

Segments = list[tuple[str, bool]]
_WORD = re.compile(r"[^\W_]+")
SNIPPET_WORDS = 14


INFIX = 4


def matches(folded: str, stems: list[str]) -> bool:
    """Whether a folded word matches: it contains a stem of ``INFIX`` letters or more, or starts with a
    shorter one (as the index matches)."""
    return any((s in folded) if len(s) >= INFIX else folded.startswith(s) for s in stems)


def mark(text: str, stems: list[str]) -> tuple[Segments, int]:
    """``text`` cut into segments; matching words (``matches``) are marked. Also the number of marked
    words."""
    segments: Segments = []
    position = hits = 0
    for word in _WORD.finditer(text):
        folded = fold(word.group())
        if matches(folded, stems):
            if word.start() > position:
                segments.append((text[position : word.start()], False))
            segments.append((word.group(), True))
            position = word.end()
            hits += 1
    if position < len(text):
        segments.append((text[position:], False))
    return segments, hits


def window(text: str, stems: list[str], words: int = SNIPPET_WORDS) -> Segments:
    """A short piece of ``text`` around its first hit, with "…" where it was cut."""
    spans = [m.span() for m in _WORD.finditer(text)]
    first = next((i for i, (a, b) in enumerate(spans) if matches(fold(text[a:b]), stems)), 0)
    start_word = max(0, first - words // 3)
    end_word = min(len(spans), start_word + words)
    start = spans[start_word][0] if spans and start_word > 0 else 0
    end = spans[end_word - 1][1] if spans and end_word < len(spans) else len(text)
    segments, _ = mark(text[start:end], stems)
    if start > 0:
        segments.insert(0, ("… ", False))
    if end < len(text):
        segments.append((" …", False))
    return segments


def plain(segments: Segments) -> str:
    return "".join(text for text, _ in segments)


@dataclass
class Hit:
    iri: str
    label: Segments
    kind: str | None
    kind_label: str
    illustrative: bool
    where: str | None = None  # where the query matched, when not (only) in the name
    field_label: str | None = None
    snippet: Segments = field(default_factory=list)
    score: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "iri": self.iri,
            "label": plain(self.label),
            "kind": self.kind,
            "kind_label": self.kind_label,
            "illustrative": self.illustrative,
            "field": self.where,
            "field_label": self.field_label,
            "snippet": plain(self.snippet) if self.snippet else None,
            "marked": [text for text, marked in (*self.label, *self.snippet) if marked],
            "score": round(-self.score, 4),
        }


@dataclass
class Group:
    kind: str | None
    label: str
    hits: list[Hit]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "count": len(self.hits),
            "hits": [h.to_json() for h in self.hits],
        }


@dataclass
class Results:
    query: str
    lang: str
    total: int = 0
    groups: list[Group] = field(default_factory=list)
    notice: str | None = None  # a message for the user when the query could not be searched
    words: list[str] = field(default_factory=list)

    @property
    def shown(self) -> int:
        return sum(len(g.hits) for g in self.groups)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "lang": self.lang,
            "words": self.words,
            "total": self.total,
            "shown": self.shown,
            "notice": self.notice,
            "groups": [g.to_json() for g in self.groups],
        }
