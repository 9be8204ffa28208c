"""A saved notebook opened again without running says plainly that its app must be started
(issue 14, item 5): executed the way the lessons are (nbconvert/nbclient, no widget state
stored), each app's output shows "run this cell" in JupyterLab, never dead sliders or a
blank canvas.
"""

from __future__ import annotations

import nbformat
import pytest
from browser_harness import start_lab
from nbclient import NotebookClient

from backspasm_model.apps.base import STALE_TEXT

pytestmark = pytest.mark.browser

APPS = (
    "BalanceExplorer(view='seed')",
    "AbductionExplorer()",
    "ClaimsExplorer()",
    "NumberCheck(3.0, tolerance=0.5, unit='deg', what='the tilt')",
)


def test_a_saved_app_says_run_this_cell_in_lab(page, chromium_path, tmp_path):
    cells = [
        nbformat.v4.new_code_cell("%matplotlib widget"),
        nbformat.v4.new_code_cell(
            "from backspasm_model.apps import (AbductionExplorer, "
            "BalanceExplorer, ClaimsExplorer, NumberCheck)"
        ),
    ]
    cells += [nbformat.v4.new_code_cell(f"{a}.show()") for a in APPS]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    NotebookClient(nb, timeout=300, kernel_name="python3", store_widget_state=False).execute()
    assert "widgets" not in nb.metadata
    root = tmp_path / "root"
    root.mkdir()
    nbformat.write(nb, root / "saved.ipynb")
    server = start_lab(root, tmp_path / "lab")
    try:
        page.goto(f"{server.url}/lab/tree/saved.ipynb?reset", timeout=180_000)
        page.wait_for_selector(".jp-OutputArea-output", timeout=180_000)
        page.wait_for_function(
            "([t, n]) => [...document.querySelectorAll('.jp-OutputArea-output')]"
            ".filter(o => o.innerText.includes(t)).length >= n",
            arg=["run this cell", len(APPS)],
            timeout=60_000,
        )
        texts = page.eval_on_selector_all(".jp-OutputArea-output", "os => os.map(o => o.innerText)")
        assert sum(STALE_TEXT in t for t in texts) == len(APPS), texts
        assert page.locator(".widget-slider").count() == 0  # no dead sliders
        assert page.locator(".jupyter-matplotlib-canvas-div").count() == 0  # no blank canvas
    finally:
        server.stop()
