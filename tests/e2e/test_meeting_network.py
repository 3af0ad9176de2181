"""The network graph in a meeting: no label over another label or symbol at the start view (bounding
boxes as vis-network draws them), any entry selectable by keyboard, a projector view that fits
1920 × 1080, SVG export."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

BOXES_JS = """() => {
  const body = window.isrpNetwork.body;
  return body.nodeIndices.map(id => {
    const n = body.nodes[id], l = n.labelModule.size;
    return {id, label: [l.left, l.top, l.left + l.width, l.top + l.height],
            shape: [n.x - n.shape.width / 2, n.y - n.shape.height / 2,
                    n.x + n.shape.width / 2, n.y + n.shape.height / 2],
            text: n.options.label};
  });
}"""


def _intersect(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _overlapping(boxes: list[dict]) -> list[tuple[str, str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if _intersect(a["label"], b["label"]):
                found.append(("label/label", a["text"], b["text"]))
            if _intersect(a["label"], b["shape"]) or _intersect(b["label"], a["shape"]):
                found.append(("label/symbol", a["text"], b["text"]))
    return found


def _open(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.base + "/netzwerk", timeout=90000)
    page.wait_for_function("window.isrpReady === true", timeout=90000)


def test_no_label_overlaps_at_start_view_and_with_everything(page) -> None:  # type: ignore[no-untyped-def]
    _open(page)
    start = page.evaluate(BOXES_JS)
    assert len(start) >= 30
    assert all(b["label"][2] > b["label"][0] for b in start)  # every label is drawn
    assert _overlapping(start) == []
    page.click("#reset")
    page.wait_for_timeout(100)
    everything = page.evaluate(BOXES_JS)
    assert len(everything) >= 80 and _overlapping(everything) == []
    page.select_option("#plan-select", "https://w3id.org/isrp/erfurt/body/begleitgremium")
    page.wait_for_timeout(100)
    preset = page.evaluate(BOXES_JS)
    assert 3 < len(preset) < len(everything) and _overlapping(preset) == []


def test_any_node_is_selectable_by_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    _open(page)
    page.focus("#node-select")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = page.input_value("#node-select")
    assert chosen
    assert page.evaluate("window.isrpNetwork.getSelectedNodes()") == [chosen]
    assert "Ausgewählt:" in page.inner_text("#selected")
    # Escape in the picture clears the selection
    page.focus("#network .vis-network")
    page.keyboard.press("Escape")
    assert page.evaluate("window.isrpNetwork.getSelectedNodes()") == []


def test_projector_view_fits_1920_by_1080_and_exports_svg(page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1920, "height": 1080})
    _open(page)
    page.click("#projector")
    page.wait_for_timeout(300)
    frame = page.locator("#network canvas").bounding_box()
    assert frame["width"] > 1800 and frame["height"] > 900
    assert frame["y"] + frame["height"] <= 1080 and frame["x"] + frame["width"] <= 1920
    inside = page.evaluate(
        """() => { const net = window.isrpNetwork, c = document.querySelector('#network canvas');
        const r = c.getBoundingClientRect();
        return Object.values(net.getPositions()).every(p => { const d = net.canvasToDOM(p);
          return d.x >= 0 && d.y >= 0 && d.x <= r.width && d.y <= r.height; }); }"""
    )
    assert inside
    page.screenshot(path=str(ARTIFACTS / "netzwerk-beamer.png"))
    page.keyboard.press("Escape")
    assert page.get_attribute("#projector", "aria-pressed") == "false"
    svg = page.evaluate("window.isrpSvg()")
    assert svg.startswith("<svg") and svg.count("<g>") == page.evaluate("window.isrpVisible().nodes")
    with page.expect_download() as download:
        page.click("#export-svg")
    assert download.value.suggested_filename == "netzwerk.svg"
