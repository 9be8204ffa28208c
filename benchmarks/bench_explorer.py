"""Speed of the balance explorer (kernel side, Agg), and of the notebook set under nbval.

    .venv/bin/python benchmarks/bench_explorer.py            # explorer + nbval timing
    .venv/bin/python benchmarks/bench_explorer.py --no-nbval

Explorer update = one slider value change through the widget: model solve + tilt-vs-balance
curve + every artist + redraw (blitting on the Agg canvas) + readout HTML. Median over 200
random updates, printed beside a naive full re-plot (clear the figure, rebuild every artist,
full ``canvas.draw()``) of the same figure for the same postures, measured in the same run.
Targets: explorer >= 10x faster than the naive re-plot and under 15 ms median; the whole
notebook set under nbval in under 60 s.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402

from backspasm_model.apps import BalanceExplorer  # noqa: E402
from backspasm_model.plotting.balance import BalanceFigure, Posture, compute_posture  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
N_UPDATES = 200


def naive_replot(fig, p: Posture) -> BalanceFigure:
    """The naive way: clear the figure, rebuild every artist, draw (what an
    ``interactive``-style callback does on each change, here without the PNG)."""
    fig.clf()
    bf = BalanceFigure(fig, animated=False)
    bf._set(p)
    fig.canvas.draw()
    return bf


def bench_explorer(n: int = N_UPDATES, seed: int = 0) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    app = BalanceExplorer()
    keys = list(app.sliders)
    events = [(keys[int(rng.integers(len(keys)))], rng.random()) for _ in range(n)]
    for _ in range(20):  # warm-up
        s = app.sliders[keys[int(rng.integers(len(keys)))]]
        s.value = float(rng.uniform(s.min, s.max))
    fast = []
    for key, u in events:
        s = app.sliders[key]
        v = s.min + u * (s.max - s.min)
        t0 = time.perf_counter()
        s.value = v
        fast.append(time.perf_counter() - t0)
    inputs_seq = []
    cur = app.inputs()
    for key, u in events:
        s = app.sliders[key]
        cur = {**cur, key: s.min + u * (s.max - s.min)}
        inputs_seq.append(cur)
    naive_fig = BalanceFigure(figsize=(12.8, 7.2), dpi=75.0, animated=False).fig
    naive = []
    for inputs in inputs_seq[: max(20, n // 4)]:
        t0 = time.perf_counter()
        naive_replot(naive_fig, compute_posture(inputs, view="full"))
        naive.append(time.perf_counter() - t0)
    app.close()
    import matplotlib.pyplot as plt

    plt.close(naive_fig)
    return {
        "explorer_median_ms": 1000 * float(np.median(fast)),
        "explorer_p90_ms": 1000 * float(np.percentile(fast, 90)),
        "naive_median_ms": 1000 * float(np.median(naive)),
        "n_fast": len(fast),
        "n_naive": len(naive),
    }


def bench_nbval() -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "notebooks"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    r = bench_explorer()
    ratio = r["naive_median_ms"] / r["explorer_median_ms"]
    print(
        f"explorer update (model + artists + blit, Agg): median {r['explorer_median_ms']:.1f} ms"
        f" (p90 {r['explorer_p90_ms']:.1f} ms) over {r['n_fast']} random slider updates"
    )
    print(
        f"naive full re-plot of the same figure:           median {r['naive_median_ms']:.1f} ms"
        f" over {r['n_naive']} updates"
    )
    print(
        f"ratio naive / explorer: {ratio:.1f}x (target >= 10x); "
        f"explorer target < 15 ms: {'met' if r['explorer_median_ms'] < 15 else 'NOT met'}"
    )
    if "--no-nbval" not in argv:
        t = bench_nbval()
        print(f"nbval over the whole notebook set (pytest notebooks/): {t:.1f} s (target < 60 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
