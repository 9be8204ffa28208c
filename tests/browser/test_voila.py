"""Voila (presenter mode, what `make present` serves): every interactive notebook renders its
widgets with no error, in large type, its styled text readable (>= 4.5:1)."""

from __future__ import annotations

import pytest
from browser_harness import (
    CANVAS_SELECTOR,
    NOTEBOOKS,
    WIDGET_ERROR_TEXT,
    WIDGET_SELECTOR,
    explorer_js,
    is_interactive,
    styled_mark_failures,
    styled_text_failures,
    uses_ipympl,
    wait_canvases_drawn,
    wait_voila_rendered,
    widget_errors,
)

pytestmark = pytest.mark.browser

INTERACTIVE = [p for p in sorted(NOTEBOOKS.glob("*.ipynb")) if is_interactive(p)]


def open_in_voila(page, server, nb):
    page.goto(f"{server.url}/voila/render/{nb.name}", timeout=60_000)
    wait_voila_rendered(page)


@pytest.mark.parametrize("nb", INTERACTIVE, ids=lambda p: p.stem)
def test_notebook_in_voila(page, voila_server, nb):
    """Renders with no widget error or traceback, live figures drawn, and every figure has a
    text description next to it (accessibility)."""
    open_in_voila(page, voila_server, nb)
    body = page.inner_text("body")
    assert WIDGET_ERROR_TEXT not in body, f"{nb.name}: a widget failed to display"
    errors = page.eval_on_selector_all(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
        "els => els.map(e => e.textContent).filter(t => /Traceback|Error/.test(t))",
    )
    assert not errors, f"{nb.name}: error output in Voila:\n" + "\n".join(errors)[:3000]
    assert page.locator(WIDGET_SELECTOR).count() > 0, f"{nb.name}: no widget rendered"
    if uses_ipympl(nb):
        assert page.locator(CANVAS_SELECTOR).count() > 0, f"{nb.name}: no ipympl canvas"
        wait_canvases_drawn(page)
    assert not widget_errors(page), f"{nb.name}: {widget_errors(page)}"
    # the course's own styled text is readable (light theme; dark: test_voila_offline.py)
    _, low = styled_text_failures(page)
    assert not low, f"{nb.name}: styled text below 4.5:1:\n" + "\n".join(low)
    _, faint = styled_mark_failures(page)
    assert not faint, f"{nb.name}: coloured marks below 3:1:\n" + "\n".join(faint)
    # accessibility: every figure has a text description next to it
    page.add_script_tag(content=explorer_js())
    missing = page.evaluate("bsFigures.undescribed()")
    assert not missing, (
        f"{nb.name}: figures without a text description next to them (an HTML widget beside "
        f"a live figure, or text/markdown beside a static image): {missing}"
    )


def test_presenter_mode_uses_large_type(page, voila_server):
    if not INTERACTIVE:
        pytest.skip("no interactive notebook in notebooks/ yet")
    open_in_voila(page, voila_server, INTERACTIVE[0])
    assert page.locator("style#backspasm-presenter").count() == 1
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.jp-RenderedHTMLCommon')"
        " || document.body).fontSize)"
    )
    assert size >= 20, f"presenter text is {size}px, want >= 20px for projection"
    # Voila hides code by default: no input area may be visible.
    assert page.locator(".jp-CodeCell .jp-InputArea:visible").count() == 0
