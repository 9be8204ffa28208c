"""Soak the balance explorer with random widget events (kernel side, Agg).

    .venv/bin/python benchmarks/soak_explorer.py [n_events]     # default 10,000

Prints the number of events, exceptions (must be 0), matplotlib figure numbers before and
after (must be unchanged) and the growth of resident memory (target: under 10 MB). The
events are slider moves (in range, out of range, NaN), view and parameter-set switches,
"keep previous", "reset" and "apply the program". A short version runs in
``tests/test_apps.py``.
"""

from __future__ import annotations

import gc
import sys
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from backspasm_model.apps import BalanceExplorer  # noqa: E402


def rss_mb() -> float:
    """Current resident set size of this process (MB), from /proc (Linux)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS in /proc/self/status")


def random_event(app: BalanceExplorer, rng: np.random.Generator) -> None:
    """One random user action on ``app``, through the widgets' values and buttons."""
    u = rng.random()
    if u < 0.80:
        key = list(app.sliders)[int(rng.integers(len(app.sliders)))]
        s = app.sliders[key]
        w = rng.random()
        if w < 0.9:
            s.value = float(rng.uniform(s.min, s.max))
        elif w < 0.97:
            span = s.max - s.min
            s.value = float(rng.uniform(s.min - span, s.max + span))  # clamped by the slider
        else:
            s.value = float("nan")
    elif u < 0.86:
        app.view.value = "seed" if app.view.value == "full" else "full"
    elif u < 0.90:
        names = [v for _label, v in app.params.options]
        app.params.value = names[int(rng.integers(len(names)))]
    elif u < 0.95:
        app.keep.value = not app.keep.value
    elif u < 0.98:
        app.apply_button.click()
    else:
        app.reset_button.click()


def soak(n_events: int, seed: int = 0) -> dict[str, float]:
    """Run ``n_events`` random events on a fresh explorer; returns the figures of merit."""
    rng = np.random.default_rng(seed)
    app = BalanceExplorer()
    for _ in range(200):  # warm-up: caches, font glyphs, allocator pools
        random_event(app, rng)
    gc.collect()
    fignums = plt.get_fignums()
    rss0 = rss_mb()
    errors = 0
    t0 = time.perf_counter()
    for _ in range(n_events):
        try:
            random_event(app, rng)
        except Exception as exc:  # counted and reported: must stay 0
            errors += 1
            print("exception:", repr(exc), file=sys.stderr)
    elapsed = time.perf_counter() - t0
    gc.collect()
    out = {
        "events": n_events,
        "exceptions": errors,
        "fignums_unchanged": float(plt.get_fignums() == fignums),
        "rss_growth_MB": rss_mb() - rss0,
        "seconds": elapsed,
        "model_errors_shown": float(app.message.value != ""),
    }
    app.close()
    return out


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 10_000
    fig_before = plt.get_fignums()
    r = soak(n)
    print(f"soak: {r['events']:,} random events in {r['seconds']:.1f} s")
    print(f"  exceptions in the kernel: {r['exceptions']}")
    print(
        f"  plt.get_fignums() unchanged during the soak: {bool(r['fignums_unchanged'])} "
        f"(before the app: {fig_before}, after closing it: {plt.get_fignums()})"
    )
    print(f"  resident memory growth: {r['rss_growth_MB']:.2f} MB (target < 10 MB)")
    ok = r["exceptions"] == 0 and r["fignums_unchanged"] and r["rss_growth_MB"] < 10.0
    print("  PASS" if ok else "  FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
