"""Speed of the plausible-body sampler: 100,000 bodies through one vectorised stand() pass.

Prints the time for 100,000 bodies and, as a baseline measured in the same run, the time per
body of a plain Python loop calling stand() once per body (on a small subsample), and their
ratio. Run: ``python benchmarks/bench_uncertainty.py`` (or ``make bench``).
"""

from __future__ import annotations

import time

import numpy as np

from backspasm_model import stand
from backspasm_model.evidence.uncertainty import sample_bodies

N = 100_000
N_LOOP = 300
REPEATS = 3


def main() -> None:
    sample_bodies(1000, seed=0)  # warm up (data files, thread pool)
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        s = sample_bodies(N, seed=0)
        times.append(time.perf_counter() - t)
    vec = min(times)

    sub = sample_bodies(N_LOOP, seed=1)
    t = time.perf_counter()
    loop_tilt = np.empty(N_LOOP)
    for i in range(N_LOOP):
        kw = {k: float(v[i]) for k, v in sub.inputs.items()}
        loop_tilt[i] = float(stand(params=str(sub.params[i]), **kw).tilt_deg)
    per_body_loop = (time.perf_counter() - t) / N_LOOP
    assert np.allclose(loop_tilt, sub.tilt_deg, atol=1e-5)  # solver tolerance 1e-6 N m

    lo, hi = s.band("tilt_deg", 0.9)
    print(
        f"sample_bodies({N:,}): {vec:.3f} s (best of {REPEATS}; "
        f"{1e6 * vec / N:.2f} us per body); tilt 5-95 %: {lo:.2f} to {hi:.2f} deg"
    )
    print(
        f"baseline, scalar stand() loop over {N_LOOP} bodies: {1e6 * per_body_loop:.0f} us per "
        f"body -> {N:,} bodies would take {per_body_loop * N:.1f} s"
    )
    print(f"speed-up of the vectorised sampler: {per_body_loop * N / vec:.0f}x")


if __name__ == "__main__":
    main()
