"""Presenter mode's keyboard-focus ring is visible on every kind of control, on all four sides.

The ring was missing on dropdowns (ipywidgets sets `outline: none !important` on them) and cut
off on buttons in a row and on the first value box (the widget boxes around them clip what is
drawn outside them). The page here has one control of each kind, each at the edge of a box;
Tab moves through all of them and, for each, a screenshot must show the ring's colour across
the middle of each side of the focused control (from just inside to just outside it).
"""

from __future__ import annotations

import io

import nbformat
import pytest
from browser_harness import start_voila, wait_voila_rendered

pytestmark = pytest.mark.browser

RING = (0xD9, 0x5F, 0x02)  # the presenter template's focus colour (#d95f02)
NAME = "controls.ipynb"
CONTROLS = """import ipywidgets as w
w.VBox([
    w.FloatText(value=1.5, description="first value"),
    w.HBox([w.Button(description="one"), w.Button(description="two"),
            w.Button(description="three", button_style="success")]),
    w.ToggleButtons(options=["seed", "full"], description="view"),
    w.Dropdown(options=["gait2392", "rajagopal2016"], description="parameter set"),
    w.FloatSlider(description="strength"),
    w.Checkbox(description="band"),
])"""

_ACTIVE_JS = """() => { const a = document.activeElement;
    if (!a || !a.closest('#rendered_cells')) return null;
    a.scrollIntoView({block: 'center'});
    const r = a.getBoundingClientRect();
    return {tag: a.tagName.toLowerCase(), cls: String(a.className).slice(0, 60),
            x: r.x, y: r.y, w: r.width, h: r.height}; }"""


@pytest.fixture(scope="module")
def controls_server(chromium_path, tmp_path_factory):
    root = tmp_path_factory.mktemp("controls")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CONTROLS)])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, root / NAME)
    server = start_voila(root, tmp_path_factory.mktemp("voila-controls"))
    yield server
    server.stop()


def _is_ring(pixel) -> bool:
    return all(abs(int(p) - c) <= 60 for p, c in zip(pixel[:3], RING, strict=True))


def test_focus_ring_visible_on_every_control(page, controls_server):
    from PIL import Image

    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{controls_server.url}/voila/render/{NAME}", timeout=60_000)
    wait_voila_rendered(page)
    page.locator("body").click(position={"x": 5, "y": 5})
    seen, problems = [], []
    for _ in range(25):
        page.keyboard.press("Tab")
        box = page.evaluate(_ACTIVE_JS)
        if box is None:
            continue
        if any(b["x"] == box["x"] and b["y"] == box["y"] for b in seen):
            break  # round the page once
        seen.append(box)
        shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        x, y, w, h = box["x"], box["y"], box["w"], box["h"]
        # along a line across each side, from 3 px inside to 8 px outside the control
        cx, cy = x + w / 2, y + h / 2
        sides = {
            "left": [(x - d, cy) for d in range(-3, 9)],
            "right": [(x + w - 1 + d, cy) for d in range(-3, 9)],
            "top": [(cx, y - d) for d in range(-3, 9)],
            "bottom": [(cx, y + h - 1 + d) for d in range(-3, 9)],
        }
        missing = [
            side
            for side, line in sides.items()
            if not any(
                _is_ring(shot.getpixel(pt))
                for pt in line
                if 0 <= pt[0] < shot.width and 0 <= pt[1] < shot.height
            )
        ]
        if missing:
            problems.append(f"{box['tag']}.{box['cls']}: no ring on {missing}")
    kinds = {b["tag"] for b in seen}
    assert {"input", "button", "select"} <= kinds, f"Tab did not reach every control: {seen}"
    assert len(seen) >= 9, f"Tab reached only {len(seen)} controls: {seen}"
    assert not problems, "\n".join(problems)
