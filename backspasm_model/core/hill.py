"""Hill-type muscle force-length curves (Thelen 2003), vectorised.

Lengths are normalised fibre lengths (fibre length / optimal length, dimensionless); forces
are fractions of the maximal isometric force. Constants come from ``data/pelvis.toml``
(``[hill]``: gamma = 0.45, kPE = 5, e0 = 0.6, all read from OpenSim's Thelen2003Muscle).

>>> round(float(active_force_length(1.0)), 3)
1.0
>>> round(float(active_force_length(0.8)), 3)
0.915
>>> round(float(passive_force_length(1.6)), 3)
1.0
"""

from __future__ import annotations

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
]

_hill = pelvis_data()["hill"]
#: Width of the Thelen active force-length Gaussian (dimensionless).
GAMMA: float = float(_hill["active_width_gamma"]["value"])
#: Shape factor of the Thelen passive curve (dimensionless).
KPE: float = float(_hill["passive_shape_kPE"]["value"])
#: Passive strain at which passive force equals Fmax (dimensionless).
E0: float = float(_hill["passive_strain_e0"]["value"])
_PE_DENOM = float(np.expm1(KPE))


def active_force_length(l_norm: ArrayLike) -> np.ndarray:
    """Active force-length factor f_L(l) = exp(-(l - 1)^2 / gamma), 0..1 (dimensionless)."""
    d = np.asarray(l_norm, dtype=float) - 1.0
    return np.exp(-(d * d) / GAMMA)


def active_force_length_slope(l_norm: ArrayLike) -> np.ndarray:
    """d f_L / d l (per unit normalised length)."""
    d = np.asarray(l_norm, dtype=float) - 1.0
    return (-2.0 / GAMMA) * d * np.exp(-(d * d) / GAMMA)


def passive_force_length(l_norm: ArrayLike) -> np.ndarray:
    """Passive force-length factor f_PE(l) = (exp(kPE (l-1)/e0) - 1) / (exp(kPE) - 1) for
    l > 1, zero below (dimensionless)."""
    d = np.maximum(np.asarray(l_norm, dtype=float) - 1.0, 0.0)
    return np.expm1((KPE / E0) * d) / _PE_DENOM


def passive_force_length_slope(l_norm: ArrayLike) -> np.ndarray:
    """d f_PE / d l (per unit normalised length); zero for l <= 1."""
    l_arr = np.asarray(l_norm, dtype=float)
    d = np.maximum(l_arr - 1.0, 0.0)
    return np.where(l_arr > 1.0, (KPE / E0) * np.exp((KPE / E0) * d) / _PE_DENOM, 0.0)
