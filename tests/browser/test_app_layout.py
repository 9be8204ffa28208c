"""Every app on a projector (issue 12): at 1280 x 720, in Voila (presenter template) and in
JupyterLab (side panels closed), the figure canvas and the first control that moves it are
both wholly inside the visible area at once, the canvas is not clipped by any box around it,
and no slider label is cut with an ellipsis. A screenshot of each app is saved under
``test-artifacts/screenshots/`` (git-ignored; CI keeps it as an artefact), plus one of the
balance explorer at 1920 x 1080.

Each app runs in its own small notebook written to a temp dir (not the lessons).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from browser_harness import (
    ROOT,
    lab_open_and_run_all,
    lab_shutdown_kernels,
    start_lab,
    start_voila,
    wait_canvases_drawn,
    wait_voila_rendered,
)

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "screenshots"
APPS = {
    "balance": "BalanceExplorer()",
    "abduction": "AbductionExplorer(angle_deg=30)",
    "stance": "StanceExplorer(abductor_strength=0.3)",
    "programme": "ProgramExplorer()",
    "claims": "ClaimsExplorer()",
    "pelvis": "PelvisExplorer(shape_deg=13.0, tilt_deg=-7.1)",
}
FIRST_CONTROL = ".widget-slider, .widget-dropdown, .widget-checkbox"

# The visible area: the window, or in Lab the notebook's scrolling panel (below Lab's bars).
# For the app's canvas and first control: their boxes, the visible area, whether any box
# around the canvas clips it, and every slider label cut with an ellipsis.
_MEASURE_JS = """([ctlSel]) => {
  const area = (() => {
    const p = document.querySelector('.jp-WindowedPanel-outer');
    const r = p ? p.getBoundingClientRect() : null;
    return r ? {l: r.left, t: r.top, r: r.right, b: r.bottom}
             : {l: 0, t: 0, r: window.innerWidth, b: window.innerHeight};
  })();
  const box = e => { const r = e.getBoundingClientRect();
                     return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
  const canvas = document.querySelector('.jupyter-matplotlib-canvas-div canvas');
  const ctl = document.querySelector(ctlSel);
  let clipped = [];
  if (canvas) {
    const c = box(canvas);
    for (let e = canvas.parentElement; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const b = box(e);
      if (c.l < b.l - 1 || c.r > b.r + 1 || c.t < b.t - 1 || c.b > b.b + 1)
        clipped.push(e.className || e.tagName);
    }
  }
  const cut = [...document.querySelectorAll('.jupyter-widgets *')]
      .filter(e => e.offsetWidth > 0 && e.scrollWidth > e.clientWidth + 1 &&
                   getComputedStyle(e).textOverflow === 'ellipsis')
      .map(e => e.textContent);
  const sliders = [...document.querySelectorAll('.widget-slider')].map(box);
  return {area, canvas: canvas ? box(canvas) : null, ctl: ctl ? box(ctl) : null, clipped,
          sliders,
          cut, docWidth: document.documentElement.scrollWidth};
}"""


def _inside(b: dict, a: dict) -> bool:
    return (
        b["l"] >= a["l"] - 1
        and b["r"] <= a["r"] + 1
        and b["t"] >= a["t"] - 1
        and b["b"] <= a["b"] + 1
    )


def _notebook(dest: Path, expr: str) -> None:
    cells = [
        nbformat.v4.new_code_cell("%matplotlib widget"),
        nbformat.v4.new_code_cell("from backspasm_model.apps import *"),
        nbformat.v4.new_code_cell(f"app = {expr}\napp.show()"),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, dest)


@pytest.fixture(scope="module")
def app_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("apps")
    for name, expr in APPS.items():
        _notebook(root / f"{name}.ipynb", expr)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return root


def _scroll_app_to_top(page) -> None:
    """Bring the app's top to the top of the visible area (as a presenter would)."""
    page.evaluate("""() => {
      const c = document.querySelector('.jupyter-matplotlib-canvas-div canvas')
             || document.querySelector('.widget-slider');
      let app = c;   // the outermost widget box of the app
      for (let e = c; e; e = e.parentElement)
        if (e.classList && e.classList.contains('widget-vbox')) app = e;
      app.scrollIntoView({block: 'start'});
    }""")
    page.wait_for_timeout(300)


def _check(page, name: str, where: str) -> None:
    m = page.evaluate(_MEASURE_JS, [FIRST_CONTROL])
    page.screenshot(path=str(SHOTS / f"{where}-{name}-1280x720.png"))
    assert m["ctl"] is not None, f"{where} {name}: no control found"
    assert _inside(m["ctl"], m["area"]), f"{where} {name}: first control off-screen {m}"
    if name != "claims":  # the claims explorer is a table, no figure
        assert m["canvas"] is not None, f"{where} {name}: no canvas"
        assert _inside(m["canvas"], m["area"]), f"{where} {name}: canvas off-screen {m}"
        assert not m["clipped"], f"{where} {name}: canvas clipped by {m['clipped']}"
        # the controls sit beside the figure: every slider visible with the whole figure
        off = [b for b in m["sliders"] if not _inside(b, m["area"])]
        assert not off, f"{where} {name}: {len(off)} sliders not visible with the figure {m}"
    assert not m["cut"], f"{where} {name}: labels cut with an ellipsis: {m['cut']}"
    assert m["docWidth"] <= 1280 + 1, f"{where} {name}: the page scrolls sideways {m}"


@pytest.mark.parametrize("name", list(APPS))
def test_app_fits_1280x720_in_voila(browser, app_root, tmp_path, name):
    server = start_voila(app_root, tmp_path / "voila")
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        page.goto(f"{server.url}/voila/render/{name}.ipynb", timeout=120_000)
        wait_voila_rendered(page, timeout_ms=120_000)
        if name != "claims":
            wait_canvases_drawn(page)
        _scroll_app_to_top(page)
        _check(page, name, "voila")
        if name == "balance":
            page.set_viewport_size({"width": 1920, "height": 1080})
            _scroll_app_to_top(page)
            page.screenshot(path=str(SHOTS / "voila-balance-1920x1080.png"))
    finally:
        context.close()
        server.stop()


@pytest.fixture(scope="module")
def lab(app_root, tmp_path_factory):
    server = start_lab(app_root, tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


@pytest.mark.parametrize("name", list(APPS))
def test_app_fits_1280x720_in_lab(browser, lab, name):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        lab_open_and_run_all(page, lab.url, f"{name}.ipynb", timeout_ms=180_000)
        page.evaluate(
            "() => { window.jupyterapp.shell.collapseLeft();"
            " window.jupyterapp.shell.collapseRight(); }"
        )
        if name != "claims":
            wait_canvases_drawn(page)
        page.wait_for_timeout(500)
        _scroll_app_to_top(page)
        _check(page, name, "lab")
    finally:
        context.close()
        lab_shutdown_kernels(lab.url)
