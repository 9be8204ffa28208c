"""The static edition (`make site`, tools/build_site.py) in a real browser, offline.

The site is built into a temp dir and served by `python -m http.server` on 127.0.0.1; every
request to another host is blocked. The index lists every lesson with a link to its page and
to its live version on Binder; a lesson page (01) shows its text and stored outputs, its
Binder link, a working link to the glossary page and no console error; some lesson page
shows a stored figure that really loads.
"""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urlparse

import pytest
from browser_harness import NOTEBOOKS, ROOT, Server, free_port

pytestmark = pytest.mark.browser

LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
LESSON = "01_reading_the_pelvis"


@pytest.fixture(scope="module")
def site_server(chromium_path, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    out = tmp / "site"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_site.py"), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    port = free_port()
    server = Server(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        port,
        env=None,
        log=tmp / "http.log",
        cwd=out,
    )
    try:
        server.wait_ready("/index.html", timeout=30)
        yield server
    finally:
        server.stop()


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    blocked, problems = [], []

    def only_local(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(url)
            route.abort("internetdisconnected")

    context.route("**/*", only_local)
    page = context.new_page()
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.blocked, page.problems = blocked, problems
    yield page
    context.close()


def test_index_lists_every_lesson_with_its_binder_link(site_server, offline_page):
    page = offline_page
    page.goto(f"{site_server.url}/index.html")
    assert "backspasm: the lessons" in page.inner_text("h1")
    assert "teaching model, not medical advice" in page.inner_text("body")
    for nb in LESSONS:
        link = page.locator(f'a[href="{nb.stem}.html"]')
        assert link.count() == 1, f"index has no link to {nb.stem}.html"
        binder = page.locator(f'a[href*="urlpath=lab/tree/notebooks/{nb.name}"]')
        assert binder.count() == 1, f"index has no Binder link for {nb.name}"
        assert binder.get_attribute("href").startswith("https://mybinder.org/v2/gh/")
    assert not page.blocked and not page.problems, (page.blocked, page.problems)


def test_a_lesson_page_reads_without_a_kernel_and_links_to_binder(site_server, offline_page):
    page = offline_page
    page.goto(f"{site_server.url}/index.html")
    page.click(f'a[href="{LESSON}.html"]')
    page.wait_for_load_state("load")
    text = page.inner_text("body")
    assert "Reading the pelvis" in page.inner_text("h1")
    assert "anterior superior iliac spine" in text
    assert "mean 13 deg, range 0-23 deg" in text  # a stored output
    assert "Static edition." in text
    binder = page.locator(f'.static-edition a[href*="urlpath=lab/tree/notebooks/{LESSON}.ipynb"]')
    assert binder.count() == 1
    assert binder.get_attribute("href").startswith("https://mybinder.org/v2/gh/")
    assert page.locator('.static-edition a[href="index.html"]').count() == 1
    page.click('a[href="docs/glossary.html"] >> nth=0')  # the glossary is there too
    page.wait_for_load_state("load")
    assert "posterior superior iliac spine" in page.inner_text("body")
    assert page.locator(f'a[href="../{LESSON}.html"]').count() >= 1
    assert not page.blocked and not page.problems, (page.blocked, page.problems)


def test_some_lesson_page_shows_a_stored_figure(site_server, offline_page):
    page = offline_page
    shown = {}
    for nb in LESSONS:
        page.goto(f"{site_server.url}/{nb.stem}.html")
        shown[nb.stem] = page.evaluate(
            "() => [...document.querySelectorAll('.jp-OutputArea-output img')]"
            ".filter(i => i.complete && i.naturalWidth > 100).length"
        )
    assert any(shown.values()), f"no lesson page shows a stored figure: {shown}"
    assert not page.blocked and not page.problems, (page.blocked, page.problems)
