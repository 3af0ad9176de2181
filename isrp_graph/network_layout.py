"""A server-side layout of the network in which no label overlaps a node or another label.

Positions come from networkx (Fruchterman–Reingold per connected part, the parts packed in rows, largest
first); then every node's box — its symbol and the label under it, wrapped at word boundaries — is
pushed apart from every box it overlaps until none does. The result is in picture units (vis-network's
canvas coordinates): any zoom scales symbols, labels and distances alike, so the picture stays free of
overlaps at every zoom level and for every subset of nodes.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import networkx as nx
import numpy as np

LINE_CHARS = 18  # characters per label line (wrapped at spaces and after hyphens, never inside a word)
CHAR_WIDTH = 0.6  # average glyph width in font sizes: generous (capitals, ß and wide faces)
LINE_HEIGHT = 1.25
LABEL_GAP = 6  # between symbol and label, picture units (vis-network's own gap is smaller)
PADDING = 10  # free space kept around every box
MAX_ROUNDS = 400
CHUNK = 400  # up to this many nodes every pair of boxes is checked (Erfurt: about 85)
BAND = 200  # larger networks: boxes are separated within bands of this many nodes ordered by x
LARGE_ROUNDS = 60
SCALE = 0.35  # spread of the first layout, in typical box sizes × √nodes (overlaps are removed after)


def wrap_label(label: str, width: int = LINE_CHARS) -> str:
    """The label in lines of about ``width`` characters, broken only at spaces and after hyphens."""
    lines = textwrap.wrap(label, width=width, break_long_words=False, break_on_hyphens=True)
    return "\n".join(lines) if lines else label


@dataclass(frozen=True)
class Box:
    """A node's footprint relative to its centre: symbol of radius ``size``, label below it."""

    width: float
    above: float  # from the centre up
    below: float  # from the centre down (symbol and label)


def node_box(label: str, size: float, font: float) -> Box:
    lines = wrap_label(label).split("\n")
    text_w = max(len(line) for line in lines) * CHAR_WIDTH * font
    text_h = len(lines) * LINE_HEIGHT * font
    return Box(width=max(2 * size, text_w), above=size, below=size + LABEL_GAP + text_h)


def layout(
    graph: nx.Graph,
    boxes: dict[str, Box],
    seed: int = 7,
    previous: dict[str, tuple[float, float]] | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions (x, y) per node, in picture units, with no two boxes overlapping.

    With ``previous`` positions (the picture before a save), every node that has one keeps it and a
    new node starts next to its placed neighbours; only the overlaps are then removed, so the picture
    people know stays where it was and no force layout is run."""
    if len(graph) == 0:
        return {}
    nodes = sorted(graph, key=str)
    unit = float(np.median([max(b.width, b.above + b.below) for b in boxes.values()]))
    known = {n: previous[n] for n in nodes if previous and n in previous}
    start = _from_previous(graph, nodes, known, unit) if known else _initial(graph, nodes, unit, seed)
    xy = np.array([start[n] for n in nodes], dtype=float)
    w = np.array([boxes[n].width + PADDING for n in nodes])
    top = np.array([boxes[n].above + PADDING / 2 for n in nodes])
    bottom = np.array([boxes[n].below + PADDING / 2 for n in nodes])
    if len(nodes) <= CHUNK:
        xy = separate(xy, w, top, bottom)
    else:  # large networks: boxes are separated within bands of BAND nodes (memory and time stay linear)
        order = np.argsort(xy[:, 0], kind="stable")
        for start in range(0, len(order), BAND):
            part = order[start : start + BAND]
            xy[part] = separate(xy[part], w[part], top[part], bottom[part], rounds=LARGE_ROUNDS)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy, strict=True)}


def _initial(graph: nx.Graph, nodes: list[str], unit: float, seed: int) -> dict[str, np.ndarray]:
    """Fruchterman–Reingold per connected part (seeded: the same picture every time), the parts
    packed left to right in rows."""
    parts = sorted(
        (sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    placed: dict[str, np.ndarray] = {}
    cursor_x = cursor_y = row_h = 0.0
    row_w = unit * 1.2 * math.sqrt(len(nodes)) * 1.6
    for part in parts:
        sub = graph.subgraph(part)
        if len(part) == 1:
            pos = {part[0]: np.zeros(2)}
        elif len(part) == 2:
            pos = {part[0]: np.array([-0.5, 0.0]), part[1]: np.array([0.5, 0.0])}
        elif len(part) <= CHUNK:
            pos = nx.spring_layout(sub, seed=seed, iterations=200, method="force")
        else:  # spring layouts cost n² a round; the spectral one grows with the links
            pos = nx.spectral_layout(sub)
        scale = unit * SCALE * math.sqrt(len(part))
        coords = {n: np.asarray(p, dtype=float) * scale for n, p in pos.items()}
        xs = [c[0] for c in coords.values()]
        ys = [c[1] for c in coords.values()]
        width = max(xs) - min(xs) + unit * 1.5
        height = max(ys) - min(ys) + unit * 1.5
        if cursor_x > 0 and cursor_x + width > row_w:
            cursor_x, cursor_y, row_h = 0.0, cursor_y + row_h, 0.0
        for n, c in coords.items():
            placed[n] = np.array([c[0] - min(xs) + cursor_x, c[1] - min(ys) + cursor_y])
        cursor_x += width
        row_h = max(row_h, height)
    return placed


def _from_previous(
    graph: nx.Graph, nodes: list[str], known: dict[str, tuple[float, float]], unit: float
) -> dict[str, np.ndarray]:
    """Known nodes where they were; a new node at the centre of its placed neighbours (a little
    below, so it does not sit exactly on one), or, without any, in a row under the picture."""
    placed = {n: np.array(known[n], dtype=float) for n in known}
    bottom = max(p[1] for p in placed.values()) + unit * 1.5
    left = min(p[0] for p in placed.values())
    pending = [n for n in nodes if n not in placed]
    for _ in range(len(pending) + 1):  # new nodes next to new nodes: place in waves
        waiting = []
        for n in pending:
            near = [placed[m] for m in graph.neighbors(n) if m in placed]
            if near:
                centre = np.mean(near, axis=0)
                placed[n] = centre + np.array([0.0, unit * 0.5])
            else:
                waiting.append(n)
        if len(waiting) == len(pending):
            break
        pending = waiting
    for loose, n in enumerate(pending):
        placed[n] = np.array([left + loose * unit * 1.2, bottom])
    return placed


def separate(
    xy: np.ndarray, width: np.ndarray, top: np.ndarray, bottom: np.ndarray, rounds: int = MAX_ROUNDS
) -> np.ndarray:
    """Push overlapping boxes apart along the axis of least overlap until none overlaps.

    Box i spans x ± width/2 and y − top … y + bottom. Each round moves both boxes of every
    overlapping pair half the overlap apart (each pair is seen from both sides; a few hundred
    boxes take a few milliseconds a round)."""
    xy = xy.copy()
    n = len(xy)
    if n < 2:
        return xy
    half = width / 2
    order = np.arange(n)
    for _ in range(rounds):
        dx = xy[:, 0][None, :] - xy[:, 0][:, None]  # j − i
        dy = xy[:, 1][None, :] - xy[:, 1][:, None]
        over_x = half[:, None] + half[None, :] - np.abs(dx)
        # j below i: needs bottom_i + top_j; j above i: top_i + bottom_j
        need_y = np.where(dy >= 0, bottom[:, None] + top[None, :], top[:, None] + bottom[None, :])
        over_y = need_y - np.abs(dy)
        hit = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        # tie-break identical positions deterministically
        sx = np.where(dx == 0, np.sign(order[None, :] - order[:, None]), np.sign(dx))
        sy = np.where(dy == 0, np.sign(order[None, :] - order[:, None]), np.sign(dy))
        along_x = over_x <= over_y * 1.6  # labels are wide: moving sideways costs less room
        move_x = np.where(hit & along_x, sx * (over_x / 4 + 0.25), 0.0)
        move_y = np.where(hit & ~along_x, sy * (over_y / 4 + 0.25), 0.0)
        # every box moves away from all boxes it overlaps (j moves by +move, i by −move)
        xy[:, 0] += move_x.sum(axis=0) - move_x.sum(axis=1)
        xy[:, 1] += move_y.sum(axis=0) - move_y.sum(axis=1)
    return xy


def overlaps(positions: dict[str, tuple[float, float]], boxes: dict[str, Box]) -> list[tuple[str, str]]:
    """Pairs of nodes whose boxes (without padding) overlap: empty for a layout of ``layout``."""
    found = []
    names = sorted(positions)
    for i, a in enumerate(names):
        ax, ay = positions[a]
        for b in names[i + 1 :]:
            bx, by = positions[b]
            if abs(ax - bx) >= (boxes[a].width + boxes[b].width) / 2:
                continue
            a_top, a_bottom = ay - boxes[a].above, ay + boxes[a].below
            b_top, b_bottom = by - boxes[b].above, by + boxes[b].below
            if a_top < b_bottom and b_top < a_bottom:
                found.append((a, b))
    return found
