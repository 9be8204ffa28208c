"""Central bands of a sample and the sentence that reads one out; the plausible-body tools of
:mod:`.uncertainty` use them (and re-export both). numpy and the standard library only.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
from numpy.typing import ArrayLike

from ..core.checks import check_range, check_scalar, check_whole

__all__ = ["band", "describe_band"]


def band(values: ArrayLike, fraction: float = 0.9, axis: int = -1) -> tuple[np.ndarray, np.ndarray]:
    """Central band holding ``fraction`` of ``values`` along ``axis`` (NaN ignored).

    ``values``: numbers in any unit, any shape (a single number counts as one value); NaN
    means "no posture" and is left out. ``fraction`` 0 to 1 (0.9 gives the 5th and 95th
    percentiles; the edges widen as the fraction grows). ``axis``: a whole number naming an
    axis of ``values``. Returns ``(lo, hi)`` with the shape of ``values`` without ``axis``;
    where no value is left (empty input, or all NaN) the edges are NaN (documented, no
    warning).

    >>> lo, hi = band(np.arange(101.0), 0.9)
    >>> round(float(lo), 6), round(float(hi), 6)
    (5.0, 95.0)
    >>> band([])
    (array(nan), array(nan))
    """
    f = check_scalar("fraction", fraction, 0.0, 1.0, "fraction of bodies")
    v = np.atleast_1d(
        check_range("values", values, -math.inf, math.inf, "output units", allow_nan=True)
    )
    ax = check_whole("axis", axis, -v.ndim, v.ndim - 1, f"(axis of a {v.ndim}-d array)")
    q = 100.0 * np.array([(1.0 - f) / 2.0, (1.0 + f) / 2.0])
    if v.size == 0:
        edge = np.full(tuple(np.delete(v.shape, ax)), np.nan)
        return edge, edge.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN slices give NaN edges
        lo, hi = np.nanpercentile(v, q, axis=ax)
    return lo, hi


def describe_band(
    value: float,
    lo: float,
    hi: float,
    fraction: float = 0.9,
    *,
    name: str = "tilt",
    unit: str = "deg",
    digits: int = 1,
) -> str:
    """Readout sentence for a value and its band.

    ``value``, ``lo``, ``hi`` in ``unit`` (NaN = no posture: said in words); ``fraction`` 0 to
    1; ``name`` and ``unit`` text; ``digits`` 0 to 10 decimals.

    >>> describe_band(9.04, 6.2, 11.75)
    'tilt 9.0 deg, 90 % of plausible bodies between 6.2 and 11.8 deg'
    >>> describe_band(float("nan"), 6.2, 11.75)  # doctest: +ELLIPSIS
    'tilt: no stable posture for the nominal body; 90 % of plausible bodies between 6.2 and ...'
    """
    fraction = check_scalar("fraction", fraction, 0.0, 1.0, "fraction of bodies")
    for key, text in (("name", name), ("unit", unit)):
        if not isinstance(text, str):
            raise TypeError(f"{key} = {text!r} is not text; allowed: a string (no unit)")
    digits = check_whole("digits", digits, 0, 10, "decimals")
    value, lo, hi = (
        check_scalar(k, x, -math.inf, math.inf, unit, allow_nan=True)
        for k, x in (("value", value), ("lo", lo), ("hi", hi))
    )
    pct = f"{100.0 * fraction:.0f}"
    if lo != lo or hi != hi:
        span = "no plausible body stands here"
    else:
        span = f"{pct} % of plausible bodies between {lo:.{digits}f} and {hi:.{digits}f} {unit}"
    if value != value:
        return f"{name}: no stable posture for the nominal body; {span}"
    if lo != lo or hi != hi:
        return f"{name} {value:.{digits}f} {unit}; {span}"
    return (
        f"{name} {value:.{digits}f} {unit}, {pct} % of plausible bodies between "
        f"{lo:.{digits}f} and {hi:.{digits}f} {unit}"
    )
