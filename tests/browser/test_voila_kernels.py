"""Voila kernels end with their page (presenter mode, what `make present` serves).

A class of 30 reloading pages must not fill the instructor's laptop: every page load starts a
kernel (~115 MB), so a reloaded or closed page must shut its kernel down, and a kernel whose
page vanished without a word (tab killed, lid shut, browser crashed) must be culled. Both come
from presenter/config/voila.py (the `_xsrf` cookie Voila's shutdown beacon needs; culling);
here the cull times are shortened on the command line so the test takes seconds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest
from browser_harness import (
    NOTEBOOKS,
    PRESENTER_CONFIG,
    ROOT,
    kernel_exists,
    kernel_processes,
    start_voila,
    voila_kernel_id,
    wait_voila_rendered,
)

CULL_IDLE_S = 3
CULL_INTERVAL_S = 1
# The first lesson: small, and Voila's shutdown beacon is the same on every page.
NOTEBOOK = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))[0].name


def _wait_until(condition, timeout_s: float, what: str, server) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(
        f"{what} within {timeout_s:.0f} s; kernels alive: {len(kernel_processes(server))}\n"
        f"server log:\n{server.log_tail(25)}"
    )


def _open(page, server, notebook: str = NOTEBOOK) -> str:
    page.goto(f"{server.url}/voila/render/{notebook}", timeout=60_000)
    wait_voila_rendered(page)
    return voila_kernel_id(page)


def test_presenter_config_shuts_down_and_culls():
    """The browser tests below shorten the cull on the command line; the values `make present`
    runs with come from presenter/config/voila.py, read here as Voila reads it."""
    from traitlets.config.loader import PyFileConfigLoader

    cfg = PyFileConfigLoader("voila.py", path=str(PRESENTER_CONFIG)).load_config()
    km = cfg.MappingKernelManager
    assert 0 < km.cull_idle_timeout <= 1800, "idle kernels must be culled (within 30 min)"
    assert 0 < km.cull_interval <= km.cull_idle_timeout
    assert km.cull_connected is False, "a page that is open must keep its kernel"
    hook = cfg.VoilaConfiguration.prelaunch_hook
    assert callable(hook)

    class Handler:  # what the hook needs of tornado's RequestHandler
        read = 0

        @property
        def xsrf_token(self):
            Handler.read += 1
            return b"token"

    assert hook(Handler(), notebook=None, cwd=".") is None and Handler.read == 1
    if shutil.which("make"):
        dry = subprocess.run(
            ["make", "-n", "present"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        assert f"JUPYTER_CONFIG_PATH={PRESENTER_CONFIG}" in dry, dry


@pytest.fixture(scope="module")
def voila_no_cull(chromium_path, tmp_path_factory):
    """Presenter Voila with culling off: only the page-close shutdown can end a kernel."""
    server = start_voila(
        NOTEBOOKS, tmp_path_factory.mktemp("voila-nocull"),
        extra_args=["--MappingKernelManager.cull_idle_timeout=0"],
    )  # fmt: skip
    yield server
    server.stop()


TINY = "tiny.ipynb"  # a one-widget page: the culler does not care what a page shows


@pytest.fixture(scope="module")
def voila_cull(chromium_path, tmp_path_factory):
    """Presenter Voila with a short cull (3 s idle, checked every second) over one tiny
    notebook (quick to load; the kernel lifecycle is the same for every page)."""
    root = tmp_path_factory.mktemp("tiny")
    cell = {
        "cell_type": "code",
        "metadata": {},
        "outputs": [],
        "execution_count": None,
        "source": "import ipywidgets\nipywidgets.IntSlider(description='n')",
    }
    nb = {
        "cells": [cell],
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    }
    (root / TINY).write_text(json.dumps(nb))
    server = start_voila(
        root, tmp_path_factory.mktemp("voila-cull"),
        extra_args=[f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_S}",
                    f"--MappingKernelManager.cull_interval={CULL_INTERVAL_S}"],
    )  # fmt: skip
    yield server
    server.stop()


@pytest.mark.browser
def test_reload_and_close_shut_the_page_kernel_down(browser, voila_no_cull):
    """One load, three reloads, close the tab: each reload ends the previous page's kernel
    and closing ends the last one (Voila's shutdown request is accepted, not refused 403)."""
    server = voila_no_cull
    context = browser.new_context()
    page = context.new_page()
    try:
        kid = _open(page, server)
        for _ in range(3):
            page.reload(timeout=60_000)
            wait_voila_rendered(page)
            new = voila_kernel_id(page)
            assert new != kid, "a reload must start a fresh kernel"
            _wait_until(
                lambda k=kid: not kernel_exists(server, k),
                10,
                "the reloaded page's kernel was not shut down",
                server,
            )
            kid = new
        assert len(kernel_processes(server)) == 1
        page.close(run_before_unload=True)  # what closing the tab does
        _wait_until(
            lambda: not kernel_exists(server, kid) and not kernel_processes(server),
            10,
            "closing the page did not shut its kernel down",
            server,
        )
    finally:
        context.close()
    log = server.log.read_text(errors="replace")
    assert "403 POST /voila/api/shutdown" not in log, "Voila refused a shutdown request"


@pytest.mark.browser
def test_kernels_without_a_page_are_culled_open_pages_kept(browser, voila_cull):
    """A page that vanishes without `beforeunload` (killed tab) leaves its kernel to the
    culler, which ends it after the idle time; a page still open keeps its kernel."""
    server = voila_cull
    context = browser.new_context()
    try:
        kept, gone = context.new_page(), context.new_page()
        kept_id = _open(kept, server, TINY)
        gone_id = _open(gone, server, TINY)
        gone.close(run_before_unload=False)  # no shutdown request: only the culler can help
        cull_s = CULL_IDLE_S + 4 * CULL_INTERVAL_S + 10
        _wait_until(
            lambda: not kernel_exists(server, gone_id),
            cull_s,
            "an orphaned kernel was not culled",
            server,
        )
        # still open, connected, idle for longer than the cull time: must survive
        time.sleep(CULL_IDLE_S + 2 * CULL_INTERVAL_S)
        assert kernel_exists(server, kept_id), "the culler ended the kernel of an open page"
        assert len(kernel_processes(server)) == 1, "only the open page's kernel may be left"
        kept.close(run_before_unload=True)
        _wait_until(
            lambda: not kernel_processes(server),
            10,
            "kernels left after every page was closed",
            server,
        )
    finally:
        context.close()
