"""Keyboard users can leave every figure (issue 14, item 6): in JupyterLab and in Voila's
own template (not the presenter template, which has a fix of its own), Tab, Shift+Tab and
Escape move focus off each app's ipympl canvas instead of being swallowed by it.

The notebook here shows every app with a live figure; it is written to a temp folder, so
the test does not depend on the lessons' current form.
"""

from __future__ import annotations

import nbformat
import pytest
from browser_harness import (
    lab_open_and_run_all,
    lab_shutdown_kernels,
    start_lab,
    start_voila,
    wait_canvases_drawn,
    wait_voila_rendered,
)

pytestmark = pytest.mark.browser

APPS = ("BalanceExplorer", "AbductionExplorer", "StanceExplorer", "ProgramExplorer")
NAME = "keyboard.ipynb"
CANVAS_DIV = ".jupyter-matplotlib-canvas-div"

# Focus figure i's canvas, press `key`, report where the focus went.
_FOCUS_JS = """([sel, i]) => { const d = document.querySelectorAll(sel)[i];
    d.scrollIntoView(); d.focus(); return document.activeElement === d; }"""
_WHERE_JS = """([sel, i]) => { const d = document.querySelectorAll(sel)[i];
    const a = document.activeElement;
    return {on_canvas: a === d || d.contains(a),
            what: a ? (a.tagName + '.' + (a.className || '')).slice(0, 80) : 'none'}; }"""


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keyboard")
    cells = [
        nbformat.v4.new_code_cell("%matplotlib widget"),
        nbformat.v4.new_code_cell("from backspasm_model.apps import " + ", ".join(APPS)),
    ]
    cells += [nbformat.v4.new_code_cell(f"{a}().show()") for a in APPS]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, folder / NAME)
    return folder


def _tab_leaves_every_figure(page) -> None:
    wait_canvases_drawn(page, timeout_ms=60_000)
    n = page.eval_on_selector_all(CANVAS_DIV, "ds => ds.length")
    assert n == len(APPS), f"expected {len(APPS)} figures, found {n}"
    stuck = []
    for i in range(n):
        for key in ("Tab", "Shift+Tab", "Escape"):
            assert page.evaluate(_FOCUS_JS, [CANVAS_DIV, i]), f"figure {i} took no focus"
            page.keyboard.press(key)
            where = page.evaluate(_WHERE_JS, [CANVAS_DIV, i])
            if where["on_canvas"]:
                stuck.append(f"figure {i} ({APPS[i]}): {key} kept the focus on the canvas")
    assert not stuck, "\n".join(stuck)


def test_tab_leaves_every_figure_in_lab(page, chromium_path, root, tmp_path):
    server = start_lab(root, tmp_path)
    try:
        lab_open_and_run_all(page, server.url, NAME, 180_000)
        _tab_leaves_every_figure(page)
        lab_shutdown_kernels(server.url)
    finally:
        server.stop()


def test_tab_leaves_every_figure_in_voila(page, chromium_path, root, tmp_path):
    server = start_voila(root, tmp_path, template="lab")
    try:
        page.goto(f"{server.url}/voila/render/{NAME}", timeout=120_000)
        wait_voila_rendered(page, timeout_ms=120_000)
        _tab_leaves_every_figure(page)
    finally:
        server.stop()
