"""Horizontal bar charts as SVG (vector in the PDF), each with a text alternative; the same numbers
always stand in a table beside the chart."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape

BAR_COLOURS = ("#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#E69F00")


@dataclass(frozen=True)
class Chart:
    title: str
    alt: str  # the text alternative: what the chart says in one or two sentences
    svg: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


def bar_chart(title: str, items: list[tuple[str, int]], unit: str = "") -> Chart:
    """One bar per item; the width of the picture follows its container (viewBox), so it reflows."""
    bar_h, gap, label_w, width = 22, 8, 230, 640
    height = max(1, len(items)) * (bar_h + gap) + gap
    top = max((n for _, n in items), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="DejaVu Sans, sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, n) in enumerate(items):
        y = gap + i * (bar_h + gap)
        w = (width - label_w - 60) * n / top
        colour = BAR_COLOURS[i % len(BAR_COLOURS)]
        short = label if len(label) <= 30 else label[:29] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" fill="#111">'
            f"{escape(short)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{max(w, 1):.1f}" height="{bar_h}" fill="{colour}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}" fill="#111">{n}</text>'
        )
    parts.append("</svg>")
    listed = "; ".join(f"{label}: {n}{unit}" for label, n in items) or "keine Werte"
    return Chart(title=title, alt=f"Balkendiagramm {title}. {listed}.", svg="".join(parts))
