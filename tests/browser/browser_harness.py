"""Servers and a headless browser for the real-browser tests and `benchmarks/bench_browser.py`.

Everything here follows CONTRIBUTING.md ("Browser tests"): Debian's Chromium driven by
Playwright (never `playwright install`), servers bound to 127.0.0.1 on a free port with
`port_retries=0`, Jupyter dirs isolated in a temp dir, JupyterLab's news pop-up off, and each
server started with `subprocess.Popen` and terminated by its own handle.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# BACKSPASM_NOTEBOOKS points the tests at another folder (used while developing the harness).
NOTEBOOKS = Path(os.environ.get("BACKSPASM_NOTEBOOKS", ROOT / "notebooks"))
PRESENTER = ROOT / "presenter"  # holds voila/templates/present (large fonts, focus ring)
# Voila's configuration for presenter mode (kernel shutdown on page close, culling): the same
# file `make present` loads through JUPYTER_CONFIG_PATH.
PRESENTER_CONFIG = PRESENTER / "config"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """Debian's Chromium: /usr/bin/chromium, else `chromium` on PATH, else None.

    BACKSPASM_CHROMIUM=<path> picks another binary (a path that does not exist means "no
    browser", which is how the skip/fail behaviour is tested)."""
    if "BACKSPASM_CHROMIUM" in os.environ:
        path = os.environ["BACKSPASM_CHROMIUM"]
        return path if os.access(path, os.X_OK) else None
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(tmp: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment with Jupyter's config/data/runtime/settings dirs under `tmp`."""
    env = dict(os.environ)
    for var, sub in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_DATA_DIR", "data"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
        ("IPYTHONDIR", "ipython"),
    ]:
        (tmp / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp / sub)
    settings = tmp / "lab-settings"
    (settings / "@jupyterlab/apputils-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab/apputils-extension/notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false"})
    )
    # Running notebooks in Lab must never write outputs back into the served files.
    (settings / "@jupyterlab/docmanager-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings").write_text(
        json.dumps({"autosave": False})
    )
    env["JUPYTER_PATH"] = str(PRESENTER)
    env.pop("JUPYTER_TOKEN", None)
    env.update(extra or {})
    return env


class Server:
    """A Jupyter server process on 127.0.0.1:<port>; `stop()` terminates it by its handle."""

    def __init__(self, cmd: list[str], port: int, env: dict[str, str], log: Path, cwd: Path):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self._logf = open(log, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            cmd, env=env, cwd=cwd, stdout=self._logf, stderr=subprocess.STDOUT
        )

    def wait_ready(self, path: str, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}):\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + path, timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        raise TimeoutError(f"server not ready after {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, n: int = 40) -> str:
        self._logf.flush()
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._logf.close()


def start_voila(
    root: Path, tmp: Path, template: str = "present", extra_args: list[str] | None = None
) -> Server:
    """One Voila server for every notebook under `root` (`/voila/render/<name>.ipynb`), with
    presenter mode's configuration (presenter/config/voila.py, as `make present`).

    `extra_args` are appended to the command line, which overrides the configuration file
    (e.g. `--MappingKernelManager.cull_idle_timeout=3` for a short cull in a test)."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "voila", str(root), "--no-browser",
        "--Voila.ip=127.0.0.1", f"--Voila.port={port}", "--Voila.port_retries=0",
        f"--template={template}", "--show_tracebacks=True", *(extra_args or []),
    ]  # fmt: skip
    env = isolated_env(tmp, {"JUPYTER_CONFIG_PATH": str(PRESENTER_CONFIG)})
    server = Server(cmd, port, env, tmp / "voila.log", cwd=root)
    server.wait_ready("/", timeout=60)
    return server


def start_lab(root: Path, tmp: Path) -> Server:
    """JupyterLab on a *copy* of the notebooks, token off, `window.jupyterapp` exposed."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1",
        f"--port={port}", "--ServerApp.port_retries=0", "--IdentityProvider.token=",
        "--ServerApp.password=", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True",
    ]  # fmt: skip
    if hasattr(os, "getuid") and os.getuid() == 0:
        cmd.append("--allow-root")
    server = Server(cmd, port, isolated_env(tmp), tmp / "lab.log", cwd=root)
    server.wait_ready("/api/status", timeout=120)
    return server


def kernel_processes(server: Server) -> list:
    """The kernel processes (ipykernel) a server has started and that are still running."""
    import psutil  # an ipykernel dependency, so in every environment that runs kernels

    try:
        children = psutil.Process(server.proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    out = []
    for child in children:
        try:
            if (
                child.is_running()
                and child.status() != psutil.STATUS_ZOMBIE
                and any("ipykernel" in part for part in child.cmdline())
            ):
                out.append(child)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return out


def kernel_exists(server: Server, kernel_id: str) -> bool:
    """Whether the server still has kernel `kernel_id` (GET /api/kernels/<id>: 200 or 404)."""
    try:
        with urllib.request.urlopen(f"{server.url}/api/kernels/{kernel_id}", timeout=10) as r:
            return r.status == 200
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return False
        raise


def voila_kernel_id(page) -> str:
    """The id of the kernel behind a rendered Voila page (from its page config)."""
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def copy_notebooks(dest: Path) -> Path:
    """Copy notebooks/ (and anything beside them they read) so Lab never touches the repo."""
    shutil.copytree(NOTEBOOKS, dest / "notebooks", ignore=shutil.ignore_patterns(".ipynb_*"))
    return dest


def launch_browser(playwright, chromium: str):
    return playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)


# ---------------------------------------------------------------- page helpers (sync API)

WIDGET_SELECTOR = ".jupyter-widgets"
CANVAS_SELECTOR = ".jupyter-matplotlib-canvas-div canvas"
WIDGET_ERROR_TEXT = "Error displaying widget"


def wait_voila_rendered(page, timeout_ms: float = 60_000, settle_ms: float = 750) -> None:
    """Wait until Voila has executed every cell and the widget count stops changing."""
    page.wait_for_selector("#rendered_cells", state="visible", timeout=timeout_ms)
    page.wait_for_function(
        """([sel, settle]) => {
            const n = document.querySelectorAll(sel).length;
            const now = performance.now();
            if (window.__bsCount !== n) { window.__bsCount = n; window.__bsSince = now; }
            return now - window.__bsSince > settle;
        }""",
        arg=[WIDGET_SELECTOR, settle_ms],
        timeout=timeout_ms,
        polling=100,
    )


LAB_NOTEBOOK_STATE_JS = """() => {
    const app = window.jupyterapp;
    const w = app && app.shell.currentWidget;
    if (!w || !w.content || !w.content.model || !w.sessionContext) return null;
    const cells = w.content.model.cells;
    const out = [];
    for (let i = 0; i < cells.length; i++) {
        const c = cells.get(i);
        if (c.type !== 'code') continue;
        out.push({count: c.executionCount,
                  outputs: c.outputs ? c.outputs.toJSON() : []});
    }
    const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
    return {cells: out, status: kernel ? kernel.status : 'none',
            busy: w.sessionContext.kernelDisplayStatus};
}"""


def lab_open_and_run_all(page, base_url: str, relpath: str, timeout_ms: float) -> dict:
    """Open `relpath` in JupyterLab, wait for its kernel, run all cells, wait until done.

    Returns the notebook state: every code cell's execution count and outputs (nbformat JSON).
    """
    page.goto(f"{base_url}/lab/tree/{relpath}?reset", timeout=timeout_ms)
    page.wait_for_function(
        f"() => {{ const s = ({LAB_NOTEBOOK_STATE_JS})(); return s && s.status === 'idle'; }}",
        timeout=timeout_ms,
        polling=200,
    )
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"""() => {{ const s = ({LAB_NOTEBOOK_STATE_JS})();
                   return s && s.status === 'idle' && s.cells.length > 0 &&
                          s.cells.every(c => c.count !== null); }}""",
        timeout=timeout_ms,
        polling=200,
    )
    return page.evaluate(LAB_NOTEBOOK_STATE_JS)


def lab_shutdown_kernels(base_url: str) -> None:
    """Free the 2-core CI machine between notebooks: shut every kernel down via the REST API."""
    with urllib.request.urlopen(base_url + "/api/kernels", timeout=10) as r:
        kernels = json.load(r)
    for k in kernels:
        req = urllib.request.Request(f"{base_url}/api/kernels/{k['id']}", method="DELETE")
        try:
            urllib.request.urlopen(req, timeout=10).close()
        except OSError:
            pass


def wait_canvases_drawn(page, timeout_ms: float = 20_000) -> None:
    """Every ipympl canvas on the page gets a size and a drawn image (some non-blank pixels).

    A figure whose first image failed to load stays 0x0; one that never got its image stays
    blank. Either fails with the browser's widget errors in the message."""
    page.wait_for_selector(CANVAS_SELECTOR, state="attached", timeout=timeout_ms)
    try:
        page.wait_for_function(
            """sel => [...document.querySelectorAll(sel)].every(div => {
                const c = div.querySelector('canvas');
                if (!c || !c.width || !c.height) return false;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 0; i < d.length; i += 4 * 37) {
                    if (d[i + 3] && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) return true;
                }
                return false; })""",
            arg=".jupyter-matplotlib-canvas-div",
            timeout=timeout_ms,
            polling=200,
        )
    except Exception as exc:  # playwright TimeoutError: say what the page said
        sizes = page.eval_on_selector_all(
            ".jupyter-matplotlib-canvas-div canvas:first-child",
            "cs => cs.map(c => [c.width, c.height])",
        )
        errors = [e for e in getattr(page, "js_errors", []) if "state" in e or "widget" in e]
        raise AssertionError(
            f"an ipympl figure was not drawn within {timeout_ms / 1000:.0f} s (canvas sizes "
            f"{sizes}; 0x0 means its first image failed to load); browser errors: {errors[:3]}"
        ) from exc


# Colour helpers for the contrast checks (WCAG relative luminance; a colour's background is
# what is really behind it: its own and its ancestors' backgrounds composited over the page).
_CONTRAST_HELPERS_JS = """
  const rgba = s => { const v = (s.match(/[\\d.]+/g) || []).map(Number);
                      return [v[0] || 0, v[1] || 0, v[2] || 0, v.length > 3 ? v[3] : 1]; };
  const over = (f, b) => [0, 1, 2].map(i => f[3] * f[i] + (1 - f[3]) * b[i]).concat([1]);
  const lum = c => { const l = c.slice(0, 3).map(x => { x /= 255;
      return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const ratio = (f, b) => { const hi = Math.max(lum(f), lum(b)), lo = Math.min(lum(f), lum(b));
                            return (hi + 0.05) / (lo + 0.05); };
  const css = c => 'rgb(' + c.slice(0, 3).map(Math.round) + ')';
  const page = () => { for (const e of [document.body, document.documentElement]) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) return over(c, [255, 255, 255, 1]); }
    return [255, 255, 255, 1]; };
  const behind = el => { const layers = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = (layers.length && layers[layers.length - 1][3] >= 1) ? layers.pop() : page();
    while (layers.length) bg = over(layers.pop(), bg);
    return bg; };
  const root = document.querySelector('#rendered_cells');
  const out = [];
"""

# (text, contrast, colour, background) of every visible text run inside an element whose
# inline style sets a colour or background: the course's own styled text.
STYLED_TEXT_CONTRAST_JS = (
    "() => {"
    + _CONTRAST_HELPERS_JS
    + """
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const text = n.textContent.trim(); const el = n.parentElement;
    if (!text || !el || !el.closest('[style*="color"], [style*="background"]')) continue;
    // code keeps the theme's syntax colours (JupyterLab's choice, not the course's)
    if (el.closest('[aria-hidden="true"], script, style, pre, code')) continue;
    const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    if (!r.width || !r.height || cs.visibility === 'hidden' || +cs.opacity === 0) continue;
    const bg = behind(el); const fg = over(rgba(cs.color), bg);
    out.push([text.slice(0, 60), ratio(fg, bg), cs.color, css(bg)]);
  }
  return out; }"""
)


def styled_text_failures(page, minimum: float = 4.5) -> tuple[int, list[str]]:
    """(number of styled text runs seen, those below `minimum`:1 contrast, described)."""
    runs = page.evaluate(STYLED_TEXT_CONTRAST_JS)
    bad = [
        f"{ratio:.2f}:1 {fg} on {bg}: {text!r}" for text, ratio, fg, bg in runs if ratio < minimum
    ]
    return len(runs), sorted(set(bad))


# Coloured marks the course draws (inline borders >= 4 px wide: verdict stripes, message
# bars) carry meaning next to text: WCAG asks >= 3:1 against what is behind them.
STYLED_MARKS_JS = (
    "() => {"
    + _CONTRAST_HELPERS_JS
    + """
  for (const el of root.querySelectorAll('[style*="border"]')) {
    const cs = getComputedStyle(el); const r = el.getBoundingClientRect();
    if (!r.width || !r.height || el.closest('[aria-hidden="true"]')) continue;
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (parseFloat(cs['border' + side + 'Width']) < 4 ||
          cs['border' + side + 'Style'] === 'none') continue;
      const bg = behind(el.parentElement || el);
      const fg = over(rgba(cs['border' + side + 'Color']), bg);
      out.push([side.toLowerCase() + ' border of ' + (el.textContent || '').trim().slice(0, 50),
                ratio(fg, bg), cs['border' + side + 'Color'], css(bg)]);
    }
  }
  return out; }"""
)


def styled_mark_failures(page, minimum: float = 3.0) -> tuple[int, list[str]]:
    """(number of coloured marks seen, those below `minimum`:1 contrast, described)."""
    runs = page.evaluate(STYLED_MARKS_JS)
    bad = [
        f"{ratio:.2f}:1 {fg} on {bg}: {text!r}" for text, ratio, fg, bg in runs if ratio < minimum
    ]
    return len(runs), sorted(set(bad))


def widget_errors(page) -> list[str]:
    """Errors the widget managers logged (e.g. "Error setting state: ...")."""
    return [
        e
        for e in getattr(page, "js_errors", [])
        if "Error setting state" in e or WIDGET_ERROR_TEXT in e or "Could not create" in e
    ]


def notebook_sources(path: Path) -> str:
    nb = json.loads(path.read_text())
    return "\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb.get("cells", [])
        if c.get("cell_type") == "code"
    )


def is_interactive(path: Path) -> bool:
    src = notebook_sources(path)
    return any(k in src for k in ("ipywidgets", "widgets.", "apps.", "Explorer", "interact"))


def uses_ipympl(path: Path) -> bool:
    src = notebook_sources(path)
    return "%matplotlib widget" in src or "%matplotlib ipympl" in src


# ---------------------------------------------------------------- the explorer, seen from JS


def explorer_js() -> str:
    """Page script defining `window.bsExplorer`: finds the explorer (the ipympl canvas that
    shares an app with sliders), its sliders, readouts, buttons and figure."""
    return (Path(__file__).with_name("explorer.js")).read_text()
