"""The balance explorer (`backspasm_model.apps.BalanceExplorer`) in Voila presenter mode, driven
only by the keyboard: a slider moved with the arrow keys changes the readout and the figure,
the prescription button moves the sliders, every control takes the focus in Tab order, and
the figure has a text description next to it."""

from __future__ import annotations

import pytest
from browser_harness import (
    NOTEBOOKS,
    explorer_js,
    notebook_sources,
    wait_canvases_drawn,
    wait_voila_rendered,
)

pytestmark = pytest.mark.browser

EXPLORER_NB = next(
    (p for p in sorted(NOTEBOOKS.glob("*.ipynb")) if "BalanceExplorer" in notebook_sources(p)),
    None,
)


@pytest.fixture
def explorer(page, voila_server):
    if EXPLORER_NB is None:
        pytest.skip("no notebook in notebooks/ shows BalanceExplorer yet")
    page.goto(f"{voila_server.url}/voila/render/{EXPLORER_NB.name}", timeout=60_000)
    wait_voila_rendered(page)
    wait_canvases_drawn(page)
    page.add_script_tag(content=explorer_js())
    page.wait_for_function("bsExplorer.figureHash() !== 0", timeout=15_000)
    found = page.evaluate("bsExplorer.describe()")
    assert found["sliders"] >= 2, f"explorer sliders not found: {found}"
    assert found["readout"], f"explorer readout not found: {found}"
    assert found["canvas"], f"explorer figure (ipympl canvas) not found: {found}"
    return page


def _wait_change(page, before_readout, before_fig, timeout=15_000):
    page.wait_for_function(
        "([r, f]) => bsExplorer.readoutText() !== r && bsExplorer.figureHash() !== f",
        arg=[before_readout, before_fig],
        timeout=timeout,
        polling=50,
    )


def test_keyboard_slider_changes_readout_and_figure(explorer):
    page = explorer
    readout, fig = page.evaluate("[bsExplorer.readoutText(), bsExplorer.figureHash()]")
    value = page.evaluate("bsExplorer.focusSlider(0)")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    _wait_change(page, readout, fig)
    assert page.evaluate("bsExplorer.sliderValue(0)") != value
    # and back with the other arrow key
    readout, fig = page.evaluate("[bsExplorer.readoutText(), bsExplorer.figureHash()]")
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    _wait_change(page, readout, fig)


def test_prescription_button_moves_the_sliders(explorer):
    page = explorer
    before = page.evaluate("bsExplorer.sliderValues()")
    assert page.evaluate("bsExplorer.focusButton(/apply|program|prescri/i)"), (
        "no prescription button (text matching apply/program/prescription)"
    )
    page.keyboard.press("Enter")  # operated from the keyboard, like every control
    page.wait_for_function(
        "b => JSON.stringify(bsExplorer.sliderValues()) !== JSON.stringify(b)",
        arg=before,
        timeout=15_000,
    )
    after = page.evaluate("bsExplorer.sliderValues()")
    assert after != before


def test_every_control_reachable_by_tab(explorer):
    page = explorer
    controls = page.evaluate("bsExplorer.controlIds()")
    assert len(controls) >= 5, controls
    page.evaluate("bsExplorer.focusSlider(0)")
    reached = {page.evaluate("bsExplorer.activeId()")}
    for _ in range(4 * len(controls) + 10):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("bsExplorer.activeId()"))
        if reached >= set(controls):
            break
    missing = [c for c in controls if c not in reached]
    assert not missing, f"controls Tab never reaches: {missing}"
    # no keyboard trap on the figure: Tab moves on from the ipympl canvas
    page.evaluate("bsExplorer.focusCanvas()")
    page.keyboard.press("Tab")
    assert not page.evaluate("bsExplorer.canvasHasFocus()"), "Tab is trapped by the figure"


def test_figure_has_a_text_description_next_to_it(explorer):
    text = explorer.evaluate("bsExplorer.figureDescription()")
    assert text and len(text) >= 40, (
        "the explorer's figure needs a text description beside it (an HTML widget next to "
        f"the canvas describing what it shows); found: {text!r}"
    )
