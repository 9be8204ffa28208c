"""JupyterLab: open each notebook, run all, no error output; widgets and ipympl canvases render."""

from __future__ import annotations

import pytest
from browser_harness import (
    NOTEBOOKS,
    WIDGET_ERROR_TEXT,
    WIDGET_SELECTOR,
    is_interactive,
    lab_open_and_run_all,
    lab_shutdown_kernels,
    uses_ipympl,
    wait_canvases_drawn,
    widget_errors,
)

pytestmark = pytest.mark.browser

ALL = sorted(NOTEBOOKS.glob("*.ipynb"))
_first_load = [True]


@pytest.mark.parametrize("nb", ALL, ids=lambda p: p.stem)
def test_run_all_in_lab(page, lab_server, nb):
    # The very first Lab load on a fresh machine can be slow (CONTRIBUTING.md): be generous.
    timeout = 180_000 if _first_load[0] else 90_000
    _first_load[0] = False
    try:
        state = lab_open_and_run_all(page, lab_server.url, f"notebooks/{nb.name}", timeout)
        errors = [
            o
            for c in state["cells"]
            for o in c["outputs"]
            if o.get("output_type") == "error"
            or (o.get("name") == "stderr" and "Traceback" in "".join(o.get("text", "")))
        ]
        assert not errors, f"{nb.name}: error output in Lab: " + "\n".join(
            f"{o.get('ename')}: {o.get('evalue')}" for o in errors
        )
        if is_interactive(nb):
            page.wait_for_selector(WIDGET_SELECTOR, timeout=30_000)
        if uses_ipympl(nb):
            wait_canvases_drawn(page)  # sized and drawn, polled (slow on a loaded machine)
        assert WIDGET_ERROR_TEXT not in page.inner_text("#main"), f"{nb.name}: widget error"
        assert not widget_errors(page), f"{nb.name}: {widget_errors(page)}"
    finally:
        lab_shutdown_kernels(lab_server.url)
