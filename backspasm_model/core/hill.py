"""Hill-type muscle force-length curves, vectorised, with per-muscle constants.

Lengths are normalised fibre lengths (fibre length / optimal length, dimensionless); forces
are fractions of the maximal isometric force. Two families, as the source models have them:

* Thelen 2003 (gait2392, and the MyoTorso muscles): ``f_L = exp(-(l - 1)^2 / gamma)`` and
  ``f_PE = (exp(kPE (l - 1) / e0) - 1) / (exp(kPE) - 1)`` above ``l = 1``, with each muscle's
  constants from its source file (gait2392: gamma 0.5, kPE 4.0, e0 0.6 on every muscle);
* Millard 2012 (Rajagopal2016): the active and passive curves as OpenSim's own curve objects
  evaluate them, tabulated on a 0.005 grid of normalised fibre length and interpolated
  linearly (:func:`table_curves`).

The module-level functions use the gait2392 constants of ``data/pelvis.toml [hill]`` (the
curves of the QL force capacity a learner reads).

>>> round(float(active_force_length(1.0)), 3)
1.0
>>> round(float(active_force_length(0.8)), 3)
0.923
>>> round(float(passive_force_length(1.6)), 3)
1.0
>>> fa, fp = curves(("thelen", 0.45, 5.0, 0.6), {})
>>> round(float(fa(0.8)), 3)
0.915
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .parameters import pelvis_data

__all__ = [
    "GAMMA",
    "KPE",
    "E0",
    "active_force_length",
    "passive_force_length",
    "active_force_length_slope",
    "passive_force_length_slope",
    "curves",
]

_hill = pelvis_data()["hill"]
#: Width of the Thelen active force-length Gaussian (dimensionless; gait2392 file value).
GAMMA: float = float(_hill["active_width_gamma"]["value"])
#: Shape factor of the Thelen passive curve (dimensionless; gait2392 file value).
KPE: float = float(_hill["passive_shape_kPE"]["value"])
#: Passive strain at which passive force equals Fmax (dimensionless).
E0: float = float(_hill["passive_strain_e0"]["value"])

Curve = Callable[[np.ndarray], np.ndarray]


def _thelen(gamma: float, kpe: float, e0: float) -> tuple[Curve, Curve]:
    denom = float(np.expm1(kpe))

    def fa(l_norm: np.ndarray) -> np.ndarray:
        d = np.asarray(l_norm, dtype=float) - 1.0
        return np.exp(-(d * d) / gamma)

    def fp(l_norm: np.ndarray) -> np.ndarray:
        d = np.maximum(np.asarray(l_norm, dtype=float) - 1.0, 0.0)
        return np.expm1((kpe / e0) * d) / denom

    return fa, fp


def _table(grid: np.ndarray, act: np.ndarray, pas: np.ndarray) -> tuple[Curve, Curve]:
    # linear inside the grid; beyond it the end segments are extended (slope kept)
    def interp(y: np.ndarray) -> Curve:
        s0 = (y[1] - y[0]) / (grid[1] - grid[0])
        s1 = (y[-1] - y[-2]) / (grid[-1] - grid[-2])

        def f(l_norm: np.ndarray) -> np.ndarray:
            x = np.asarray(l_norm, dtype=float)
            v = np.interp(x, grid, y)
            v = np.where(x < grid[0], y[0] + s0 * (x - grid[0]), v)
            return np.maximum(np.where(x > grid[-1], y[-1] + s1 * (x - grid[-1]), v), 0.0)

        return f

    return interp(act), interp(pas)


def curves(
    curve: tuple[Any, ...], tables: Mapping[str, tuple[np.ndarray, np.ndarray, np.ndarray]]
) -> tuple[Curve, Curve]:
    """The active and passive force-length functions of a muscle's ``curve`` description
    (:class:`~backspasm_model.core.parameters.Muscle`): ``("thelen", gamma, kPE, e0)`` or
    ``("table", name)`` looked up in ``tables``. Each function maps normalised fibre length
    (array) to a fraction of Fmax (array of the same shape)."""
    if curve[0] == "thelen":
        return _thelen(float(curve[1]), float(curve[2]), float(curve[3]))
    if curve[0] == "table":
        return _table(*tables[curve[1]])
    raise ValueError(f"unknown force-length curve {curve[0]!r}; allowed: thelen, table")


_FA, _FP = _thelen(GAMMA, KPE, E0)
_PE_DENOM = float(np.expm1(KPE))


def active_force_length(l_norm: ArrayLike) -> np.ndarray:
    """Active force-length factor f_L(l) = exp(-(l - 1)^2 / gamma), 0..1 (dimensionless)."""
    return _FA(np.asarray(l_norm, dtype=float))


def active_force_length_slope(l_norm: ArrayLike) -> np.ndarray:
    """d f_L / d l (per unit normalised length)."""
    d = np.asarray(l_norm, dtype=float) - 1.0
    return (-2.0 / GAMMA) * d * np.exp(-(d * d) / GAMMA)


def passive_force_length(l_norm: ArrayLike) -> np.ndarray:
    """Passive force-length factor f_PE(l) = (exp(kPE (l-1)/e0) - 1) / (exp(kPE) - 1) for
    l > 1, zero below (dimensionless)."""
    return _FP(np.asarray(l_norm, dtype=float))


def passive_force_length_slope(l_norm: ArrayLike) -> np.ndarray:
    """d f_PE / d l (per unit normalised length); zero for l <= 1."""
    l_arr = np.asarray(l_norm, dtype=float)
    d = np.maximum(l_arr - 1.0, 0.0)
    return np.where(l_arr > 1.0, (KPE / E0) * np.exp((KPE / E0) * d) / _PE_DENOM, 0.0)
