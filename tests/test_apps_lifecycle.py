"""How long apps and figures live, and pyplot kept out of them (issue 14, items 1, 2, 5, 15).

* Re-running an app's notebook cell closes the previous app: 200 re-creations leave the
  figure count, the open-widget count and RSS flat (< 10 MB growth), under the widget
  backend (ipympl canvases, as in the notebooks) in a fresh process.
* Closing an app closes every widget it made; an app that is neither held nor displayed is
  collected with its widgets.
* No course figure (live or static) is ever pyplot's: ``plt.gcf()`` after any app or lesson
  figure is a new, empty figure of the learner's own.
* A saved notebook's app output says to run the cell (the text fallback of the display).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
import weakref

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

pytest.importorskip("ipywidgets")

from backspasm_model.apps import (  # noqa: E402
    AbductionExplorer,
    BalanceExplorer,
    ClaimsExplorer,
    ProgramExplorer,
    StanceExplorer,
    lifecycle,
)
from backspasm_model.apps.base import STALE_TEXT  # noqa: E402

APPS = [BalanceExplorer, AbductionExplorer, StanceExplorer, ProgramExplorer, ClaimsExplorer]

_RERUN_SCRIPT = textwrap.dedent("""
    import gc, json, os, sys
    import matplotlib
    matplotlib.use("module://ipympl.backend_nbagg")    # what %matplotlib widget selects
    import matplotlib.pyplot as plt
    from backspasm_model.apps import (AbductionExplorer, BalanceExplorer, ClaimsExplorer,
                                      ProgramExplorer, StanceExplorer, lifecycle)

    APPS = [BalanceExplorer, AbductionExplorer, StanceExplorer, ProgramExplorer,
            ClaimsExplorer]
    run = [0]
    # the kernel's parent header: the same notebook cell, executed again and again
    lifecycle._cell_key = lambda: ("cell-of-the-app", f"execution-{run[0]}")

    def rss_mb():
        pages = int(open("/proc/self/statm").read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20

    def run_cell(i):
        run[0] += 1
        app = APPS[i % len(APPS)]()
        app._repr_mimebundle_()        # displayed as the cell's output (kept alive by that)
        canvas = getattr(app.figure, "canvas", None)
        return type(canvas).__name__

    kinds = {run_cell(i) for i in range(2 * len(APPS))}     # warm-up: caches, fonts
    gc.collect()
    start = (rss_mb(), lifecycle.live_widget_count(), plt.get_fignums())
    for i in range(200):
        run_cell(i)
    gc.collect()
    end = (rss_mb(), lifecycle.live_widget_count(), plt.get_fignums())
    print(json.dumps({"start": start, "end": end, "canvases": sorted(kinds)}))
""")


def test_rerunning_an_app_cell_200_times_leaves_figures_widgets_and_rss_flat():
    out = subprocess.run(
        [sys.executable, "-c", _RERUN_SCRIPT],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert "Canvas" in r["canvases"]  # live ipympl figures were made
    (rss0, widgets0, figs0), (rss1, widgets1, figs1) = r["start"], r["end"]
    assert figs0 == figs1 == []  # pyplot never saw one
    assert widgets1 == widgets0, (widgets0, widgets1)  # one live app (the same kind) each time
    assert rss1 - rss0 < 10.0, f"RSS grew {rss1 - rss0:.1f} MB over 200 re-runs"
    assert "more than 20 figures" not in out.stderr


def test_200_create_close_cycles_leave_no_widgets_open():
    gc.collect()
    before = lifecycle.live_widget_count()
    for i in range(200):
        cls = ClaimsExplorer if i % 10 else APPS[(i // 10) % 4]
        app = cls() if cls is ClaimsExplorer else cls(figure=(i % 20 == 0))
        app.widget  # noqa: B018 - the layout is built, as when it is displayed
        app.close()
    gc.collect()
    assert lifecycle.live_widget_count() == before


@pytest.mark.parametrize("cls", APPS, ids=lambda c: c.__name__)
def test_an_app_dropped_without_close_is_released(cls):
    gc.collect()
    before = lifecycle.live_widget_count()
    app = cls()
    app.widget  # noqa: B018
    assert lifecycle.live_widget_count() > before
    held = [weakref.ref(app)]
    if app.figure is not None:
        held.append(weakref.ref(app.figure.fig))  # the figure's pixels go with it
    del app
    gc.collect()
    assert lifecycle.live_widget_count() == before
    assert all(r() is None for r in held)


def test_rerun_closes_the_previous_app_of_the_same_cell_only(monkeypatch):
    key = ["cell-1", "run-1"]
    monkeypatch.setattr(lifecycle, "_cell_key", lambda: tuple(key))
    first = ClaimsExplorer()
    first._repr_mimebundle_()
    key[:] = ["cell-2", "run-2"]  # another cell: the first app stays
    other = ClaimsExplorer()
    other._repr_mimebundle_()
    assert not getattr(first, "_closed", False)
    key[:] = ["cell-1", "run-3"]  # the first cell again: its old app is closed
    second = ClaimsExplorer()
    assert first._closed and not getattr(other, "_closed", False)
    assert first._repr_mimebundle_() == {"text/plain": first._repr_mimebundle_()["text/plain"]}
    assert "closed" in first._repr_mimebundle_()["text/plain"]
    for a in (second, other):
        a.close()


def _course_figures():
    """Every kind of course figure: each app's live figure and the lessons' static ones."""
    from backspasm_model.evidence.uncertainty import sample_bodies
    from backspasm_model.plotting import claims as pc

    figs, apps = [], []
    for cls in APPS[:4]:
        a = cls()
        a._repr_mimebundle_()
        apps.append(a)
        figs.append(a.figure.fig)
    bodies = sample_bodies(n=64, seed=1)
    figs.append(pc.plot_tilt_distribution(bodies, 3.0))
    x = np.linspace(0.5, 2.0, 5)
    sweep = sample_bodies(n=16, seed=1, quad_strength=x)
    figs.append(pc.plot_band_vs_input(x, sweep, np.zeros_like(x), xlabel="quad strength"))
    return figs, apps


def test_no_course_figure_is_ever_pyplots():
    plt.close("all")
    figs, apps = _course_figures()
    try:
        assert plt.get_fignums() == []
        lines = [[len(ax.lines) for ax in f.axes] for f in figs]
        mine = plt.gcf()  # a learner's own new figure
        assert all(mine is not f for f in figs)
        plt.plot([0, 1], [0, 1])  # lands in the learner's figure only
        assert [[len(ax.lines) for ax in f.axes] for f in figs] == lines
        assert plt.get_fignums() == [mine.number] and len(mine.axes[0].lines) == 1
    finally:
        plt.close("all")
        for a in apps:
            a.close()


@pytest.mark.parametrize("cls", APPS, ids=lambda c: c.__name__)
def test_a_saved_notebook_shows_run_this_cell_instead_of_a_dead_app(cls):
    app = cls()
    try:
        bundle = app._repr_mimebundle_()
        assert bundle["text/plain"] == STALE_TEXT
        assert "run this cell" in STALE_TEXT.lower()
        assert "application/vnd.jupyter.widget-view+json" in bundle
    finally:
        app.close()
    assert "closed" in app._repr_mimebundle_()["text/plain"]
