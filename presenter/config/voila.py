"""Voila configuration for presenter mode: `make present` and the browser tests load it
(JUPYTER_CONFIG_PATH=presenter/config; tests/browser/browser_harness.py start_voila).

A class of 30 reloading pages must not fill the instructor's laptop with kernels, so every
kernel ends when its page goes, and a kernel nobody is connected to is culled:

- Page closed or reloaded: Voila's page sends `POST /voila/api/shutdown/<kernel>` with the
  `_xsrf` value it reads from the `_xsrf` cookie (navigator.sendBeacon on `beforeunload`).
  Voila never sets that cookie, so the server refuses the request (403 "'_xsrf' argument
  missing from POST") and the kernel lives on. The pre-launch hook below sets the cookie when
  the page is served (tornado sets it on the first read of `xsrf_token`); XSRF protection
  stays on.
- No page (tab killed, laptop lid shut, browser crashed: no `beforeunload`): the culler shuts
  down a kernel that has had no open connection and no activity for `cull_idle_timeout`
  seconds, checking every `cull_interval` seconds. Kernels with an open page are never culled
  (`cull_connected = False`), so a page left idle during a lecture keeps working.

The browser tests shorten the two times on the command line (it overrides this file).
"""

# ruff: noqa: F821 - `c` is the traitlets config object Voila passes to this file


def set_xsrf_cookie(req, notebook, cwd):
    """Voila pre-launch hook: make the page's request handler set the `_xsrf` cookie that
    Voila's shutdown beacon sends back. Returns None (the notebook is used unchanged)."""
    req.xsrf_token  # noqa: B018 - reading it sets the cookie on the response
    return None


c.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie
c.VoilaConfiguration.template = "present"

c.MappingKernelManager.cull_idle_timeout = 600  # s without a connection or activity
c.MappingKernelManager.cull_interval = 60  # s between checks
c.MappingKernelManager.cull_connected = False  # an open page keeps its kernel
c.MappingKernelManager.cull_busy = False  # a running computation is not cut off

# jupytext's JupyterLab extension (installed for the lessons' Markdown pairs) needs
# JupyterLab's document manager, which a Voila page does not have: Voila would load it and log
# an error on every page. Voila pages edit nothing, so they do without it.
c.VoilaConfiguration.extension_denylist = ["jupyterlab-jupytext"]
