"""Cost of a large dose sweep against the balance at the same size (issue 14, item 14).

``abduction_dose(top_angle_deg=np.linspace(-10, 50, 10**6))`` once took 13 s and 7.4 GB: every
element's 64-sample lift was built at once. It now runs in blocks of 1,024 elements. This
prints, for N elements, the time and the peak memory numpy allocates (tracemalloc) of the
dose sweep and of ``stand`` over the same N, both measured in this run, and their ratios (no
pass/fail: timing depends on the machine and its load). The per-rep efforts (``N x reps``)
are computed only when ``rep_peak_effort`` is first read, so the call holds a few arrays of
size N, like ``stand``; measured here: about 2x stand's memory and 3x its time, instead of
growing with the 64 path samples of every rep.

Run: .venv/bin/python benchmarks/bench_dose.py [N]
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable

import numpy as np

import backspasm_model as bm


def measure(call: Callable[[], object], repeats: int = 2) -> tuple[float, float]:
    """Best wall time (s) and peak traced memory (MB) of ``call``."""
    best = np.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    call()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak


def main(n: int = 10**6) -> None:
    top = np.linspace(-10.0, 50.0, n)
    quads = np.linspace(0.5, 2.0, n)
    stand_s, stand_mb = measure(lambda: bm.stand(quad_strength=quads))
    dose_s, dose_mb = measure(lambda: bm.abduction_dose(top_angle_deg=top))
    print(f"stand(), {n:,} postures (baseline): {stand_s:.2f} s, {stand_mb:.0f} MB peak")
    print(f"abduction_dose(), {n:,} top angles:  {dose_s:.2f} s, {dose_mb:.0f} MB peak")
    print(
        f"ratio dose / stand: time {dose_s / stand_s:.2f}x, memory {dose_mb / stand_mb:.2f}x "
        "(before the fix: about 13 s and 7.4 GB)"
    )


if __name__ == "__main__":
    main(int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**6)
