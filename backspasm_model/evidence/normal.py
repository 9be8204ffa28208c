"""The standard normal distribution for the truncated-normal factors of
:mod:`.uncertainty`: its CDF (``math.erf``) and Acklam's rational approximation of its
quantile, vectorised. numpy and the standard library only (no scipy).
"""

from __future__ import annotations

import math

import numpy as np

__all__: list[str] = []


def _norm_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


# Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
_A = (
    -3.969683028665376e01,
    2.209460984245205e02,
    -2.759285104469687e02,
    1.383577518672690e02,
    -3.066479806614716e01,
    2.506628277459239e00,
)
_B = (
    -5.447609879822406e01,
    1.615858368580409e02,
    -1.556989798598866e02,
    6.680131188771972e01,
    -1.328068155288572e01,
)
_C = (
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e00,
    -2.549732539343734e00,
    4.374664141464968e00,
    2.938163982698783e00,
)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)


def _norm_ppf(p: np.ndarray) -> np.ndarray:
    """Standard normal quantile of probabilities ``p`` in (0, 1), vectorised.

    >>> [round(float(v), 4) for v in _norm_ppf(np.array([0.025, 0.5, 0.975]))]
    [-1.96, 0.0, 1.96]
    """
    p = np.clip(np.asarray(p, dtype=float), 1e-300, 1.0 - 1e-16)
    out = np.empty_like(p)
    lo = p < 0.02425
    hi = p > 1.0 - 0.02425
    mid = ~(lo | hi)
    q = p[mid] - 0.5
    r = q * q
    num = ((((_A[0] * r + _A[1]) * r + _A[2]) * r + _A[3]) * r + _A[4]) * r + _A[5]
    den = ((((_B[0] * r + _B[1]) * r + _B[2]) * r + _B[3]) * r + _B[4]) * r + 1.0
    out[mid] = q * num / den
    for mask, sign in ((lo, 1.0), (hi, -1.0)):
        pt = p[mask] if sign > 0 else 1.0 - p[mask]
        q = np.sqrt(-2.0 * np.log(pt))
        num = ((((_C[0] * q + _C[1]) * q + _C[2]) * q + _C[3]) * q + _C[4]) * q + _C[5]
        den = (((_D[0] * q + _D[1]) * q + _D[2]) * q + _D[3]) * q + 1.0
        out[mask] = sign * num / den
    return out
