"""Out-of-sample check of the calibrated model (docs/validation.md, V1): the share of plausible
bodies (``sample_bodies``) that stand with an anterior ASIS-PSIS tilt, against Herrington 2011
(anterior tilt in 85 % of 65 men and 75 % of 55 women; neutral 9 % / 18 %).

Only the lumbar passive stiffness is calibrated, and only so that the *nominal* body stands
anterior (V1); the spread of plausible bodies is not fitted to Herrington's shares.

Run: .venv/bin/python benchmarks/report_herrington.py
"""

from __future__ import annotations

import numpy as np

from backspasm_model.evidence.uncertainty import sample_bodies

N = 100_000
#: Herrington 2011: anterior, neutral, posterior shares (men, women).
HERRINGTON = {"men": (0.85, 0.09, 0.06), "women": (0.75, 0.18, 0.07)}


def shares(tilt_deg: np.ndarray, neutral_deg: float = 1.0) -> tuple[float, float, float]:
    """Anterior (> neutral_deg), neutral (|tilt| <= neutral_deg) and posterior shares."""
    t = tilt_deg[np.isfinite(tilt_deg)]
    return (
        float(np.mean(t > neutral_deg)),
        float(np.mean(np.abs(t) <= neutral_deg)),
        float(np.mean(t < -neutral_deg)),
    )


def main() -> None:
    both = sample_bodies(N, seed=1)
    print(
        f"plausible bodies (both parameter sets, n = {N:,}): anterior (> 0 deg) "
        f"{np.mean(both.tilt_deg > 0):.1%}, median tilt {np.nanmedian(both.tilt_deg):+.1f} deg"
    )
    a, n0, p = shares(both.tilt_deg)
    print(f"  with +/-1 deg counted neutral: anterior {a:.1%}, neutral {n0:.1%}, posterior {p:.1%}")
    for name in ("gait2392", "rajagopal2016"):
        one = sample_bodies(N // 2, seed=2, params=name)
        print(f"  {name}: anterior {np.mean(one.tilt_deg > 0):.1%}")
    for who, (a, n0, p) in HERRINGTON.items():
        print(f"Herrington 2011, {who}: anterior {a:.0%}, neutral {n0:.0%}, posterior {p:.0%}")


if __name__ == "__main__":
    main()
