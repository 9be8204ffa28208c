"""Speed of the pelvis balance: one vectorised call vs a scalar root finder, and import time.

Prints figures (no pass/fail): seconds for 1,000,000 postures in one vectorised call; the
same postures solved one by one with scipy's brentq on a sample, scaled per posture; the
speed-up ratio (target >= 100x); and the time to `import backspasm_model` in a fresh
interpreter (target < 150 ms).

Run: .venv/bin/python benchmarks/bench_stand.py
"""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
from scipy.optimize import brentq

import backspasm_model as bm
from backspasm_model.core.equilibrium import _Evaluator
from backspasm_model.core.inputs import _validate

N = 1_000_000
SAMPLE = 300


def postures(n: int, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "quad_strength": rng.uniform(0.5, 2.0, n),
        "hamstring_strength": rng.uniform(0.5, 2.0, n),
        "quad_tightness": rng.uniform(0.0, 0.2, n),
        "hamstring_tightness": rng.uniform(0.0, 0.2, n),
    }


def vectorised_seconds(inputs: dict[str, np.ndarray], repeats: int = 3) -> float:
    best = np.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        r = bm.stand(**inputs)
        best = min(best, time.perf_counter() - t0)
    assert np.all(r.stable)
    return best


def scalar_brentq_seconds_per_posture(inputs: dict[str, np.ndarray]) -> tuple[float, float]:
    """Solve each posture alone with brentq on the same net-moment function."""
    n = len(next(iter(inputs.values())))
    lo, hi = np.radians(-35.0), np.radians(35.0)
    worst = 0.0
    t0 = time.perf_counter()
    for i in range(n):
        one = {k: float(v[i]) for k, v in inputs.items()}
        ev = _Evaluator(_validate(one, "full", "gait2392"))
        theta = brentq(lambda t, ev=ev: float(ev.net(np.array([t]))[0][0]), lo, hi, xtol=1e-12)
        worst = max(worst, abs(np.degrees(theta) - float(bm.stand(**one).model_tilt_deg)))
    return (time.perf_counter() - t0) / n, worst


def import_ms(repeats: int = 5) -> tuple[float, float]:
    code = (
        "import time; t0 = time.perf_counter(); import numpy; t1 = time.perf_counter();"
        " import backspasm_model; t2 = time.perf_counter();"
        " print((t2 - t0) * 1e3, (t2 - t1) * 1e3)"
    )
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        runs.append(tuple(float(x) for x in out.stdout.split()))
    total, own = min(runs)
    return total, own


def main() -> None:
    inputs = postures(N)
    vec_s = vectorised_seconds(inputs)
    sample = {k: v[:SAMPLE] for k, v in inputs.items()}
    scalar_s, worst_deg = scalar_brentq_seconds_per_posture(sample)
    total_ms, own_ms = import_ms()
    per_vec = vec_s / N
    print(f"vectorised stand(): {N:,} postures in {vec_s:.3f} s ({per_vec * 1e9:.0f} ns/posture)")
    print(
        f"scalar brentq (sample of {SAMPLE}): {scalar_s * 1e6:.0f} us/posture, "
        f"{scalar_s * N:.0f} s scaled to {N:,}; max tilt difference {worst_deg:.1e} deg"
    )
    print(f"speed-up per posture: {scalar_s / per_vec:,.0f}x  (target >= 100x)")
    print(f"1e6 postures under a second: {'yes' if vec_s < 1.0 else 'NO'}")
    print(
        f"import backspasm_model: {total_ms:.0f} ms with numpy, {own_ms:.0f} ms own "
        f"(target < 150 ms)"
    )


if __name__ == "__main__":
    main()
