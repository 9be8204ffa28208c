"""Voila pages work offline and their styled text is readable in the dark theme.

A classroom may have no internet: with every request to anything but 127.0.0.1 blocked, each
lesson page (presenter template, what `make present` serves) must request nothing from
another host, log no failed request and no console error, and still draw its icons (Font
Awesome comes from Voila's own bundle, not a CDN). The same page, in JupyterLab's dark theme,
checks the contrast of the course's own styled text (inline colours and backgrounds of the
apps' readouts, messages, tags and the lessons' HTML) against what is really behind it
(WCAG AA: >= 4.5:1), and of its coloured marks such as verdict stripes (>= 3:1); the light
theme is checked in test_voila.py.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from browser_harness import (
    NOTEBOOKS,
    styled_mark_failures,
    styled_text_failures,
    uses_ipympl,
    wait_canvases_drawn,
    wait_voila_rendered,
)

pytestmark = pytest.mark.browser

LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
LOCAL = {"127.0.0.1"}

ICONS_JS = """async () => { await document.fonts.ready;
  const icons = [...document.querySelectorAll('#rendered_cells i.fa, #rendered_cells .fa')];
  return {n: icons.length,
          loaded: document.fonts.check('900 16px "Font Awesome 5 Free"'),
          blank: icons.filter(i => { const s = getComputedStyle(i, '::before');
                                     return !s.content || s.content === 'none'; }).length}; }"""


@pytest.mark.parametrize("nb", LESSONS, ids=lambda p: p.stem)
def test_lesson_offline_and_readable_in_dark_theme(browser, voila_server, nb):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    blocked, failed, console = [], [], []

    def only_local(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname in LOCAL:
            route.continue_()
        else:
            blocked.append(url)
            route.abort("internetdisconnected")

    context.route("**/*", only_local)
    page = context.new_page()
    page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    try:
        page.goto(f"{voila_server.url}/voila/render/{nb.name}?theme=dark", timeout=60_000)
        wait_voila_rendered(page)
        if uses_ipympl(nb):
            wait_canvases_drawn(page)
        assert page.evaluate("document.body.classList.contains('theme-dark')")
        assert not blocked, f"{nb.name} requested other hosts: {blocked}"
        assert not failed, f"{nb.name}: failed requests: {failed}"
        assert not console, f"{nb.name}: console errors: {console[:5]}"
        icons = page.evaluate(ICONS_JS)
        if icons["n"]:
            assert icons["loaded"] and not icons["blank"], f"{nb.name}: icons not drawn: {icons}"
        n, bad = styled_text_failures(page)
        assert not bad, f"{nb.name} (dark theme): styled text below 4.5:1:\n" + "\n".join(bad)
        _, faint = styled_mark_failures(page)
        assert not faint, f"{nb.name} (dark theme): coloured marks below 3:1:\n" + "\n".join(faint)
    finally:
        context.close()
