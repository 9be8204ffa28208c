"""Polynomial fits of a quantity against the pelvis rotation (numpy only).

Convention used in the data file: ``y(th) = sum(c[k] * th**k)``, ``th`` the model pelvis
rotation in radians (anterior positive), coefficients in ascending powers.
"""

from __future__ import annotations

import numpy as np

#: Degrees tried, lowest first; the first whose maximum error is under the tolerance is kept.
DEGREES = tuple(range(2, 10))


def fit_power_series(
    th_rad: np.ndarray,
    y: np.ndarray,
    tol: float,
    check: tuple[np.ndarray, np.ndarray],
    slope: tuple[np.ndarray, np.ndarray, float] | None = None,
) -> tuple[np.ndarray, int, float, float]:
    """Least-squares polynomial of the lowest degree in :data:`DEGREES` whose max error on
    the fit points AND the held-out ``check`` points (th_rad, y) is below ``tol`` and, if
    ``slope = (th_rad, dy/dth from the source, slope_tol)`` is given, whose derivative is
    within ``slope_tol`` of the source's own derivative there.

    Returns (ascending coefficients in powers of th_rad, degree, max abs error, max abs slope
    error or 0). If no degree meets both, the degree with the smallest slope error among those
    meeting ``tol`` (else the highest degree) is returned with its errors; the caller records
    them.
    """
    th_c, y_c = check
    tried = []
    for deg in DEGREES:
        coef = np.polynomial.Polynomial.fit(th_rad, y, deg).convert().coef
        coef = np.pad(coef, (0, deg + 1 - coef.size))
        err = max(
            float(np.max(np.abs(np.polyval(coef[::-1], th_rad) - y))),
            float(np.max(np.abs(np.polyval(coef[::-1], th_c) - y_c))),
        )
        serr = 0.0
        if slope is not None:
            serr = float(np.max(np.abs(derivative(coef, slope[0]) - slope[1])))
        tried.append((coef, deg, err, serr))
        if err < tol and (slope is None or serr < slope[2]):
            return tried[-1]
    ok = [t for t in tried if t[2] < tol]
    return min(ok, key=lambda t: t[3]) if ok else tried[-1]


def derivative(coef: np.ndarray, th_rad: np.ndarray | float) -> np.ndarray:
    """d y / d th (per rad) of the ascending power series ``coef`` at ``th_rad``."""
    k = np.arange(1, len(coef))
    return np.polyval((coef[1:] * k)[::-1], th_rad)


def value(coef: np.ndarray, th_rad: np.ndarray | float) -> np.ndarray:
    """y(th) of the ascending power series ``coef``."""
    return np.polyval(np.asarray(coef)[::-1], th_rad)
