"""Fixtures for the real-browser tests: Debian's Chromium via Playwright, one Voila server and
one JupyterLab server per session.

Without Chromium (a student's machine) every browser test is skipped with a message saying
how to get it; with ``CI=true`` (``.ci/run``) a missing browser is a failure instead.
"""

from __future__ import annotations

import os

import pytest
from browser_harness import (
    NOTEBOOKS,
    copy_notebooks,
    find_chromium,
    launch_browser,
    start_lab,
    start_voila,
)

IN_CI = os.environ.get("CI", "").lower() == "true"
HOW_TO_GET_IT = (
    "Debian's Chromium was not found (/usr/bin/chromium or `chromium` on PATH); the "
    "real-browser tests in tests/browser need it. Install it with "
    "`sudo apt-get install chromium` (never `playwright install`)."
)
_skipped_for_browser: list[str] = []


def _missing(reason: str):
    if IN_CI:
        pytest.fail(f"CI=true requires the browser tests: {reason}", pytrace=False)
    _skipped_for_browser.append(reason)
    pytest.skip(f"skipped: {reason}")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        _missing(HOW_TO_GET_IT)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("the `playwright` Python package is missing: run `make venv` (test extra).")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = launch_browser(pw, chromium_path)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.js_errors = errors  # uncaught exceptions and console errors, for failure messages
    yield pg
    context.close()


@pytest.fixture(scope="session")
def voila_server(chromium_path, tmp_path_factory):
    """One Voila server (presenter template) over notebooks/: /voila/render/<name>.ipynb."""
    server = start_voila(NOTEBOOKS, tmp_path_factory.mktemp("voila"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab_server(chromium_path, tmp_path_factory):
    """One JupyterLab server over a copy of notebooks/ (running cells never touches the repo)."""
    root = copy_notebooks(tmp_path_factory.mktemp("labroot"))
    server = start_lab(root, tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


def pytest_terminal_summary(terminalreporter):
    if _skipped_for_browser:
        terminalreporter.write_sep("-", "real-browser tests skipped")
        terminalreporter.write_line(_skipped_for_browser[0])
