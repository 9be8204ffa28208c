"""Group moment tables: what the solver interpolates instead of ~50 muscles per posture.

For each parameter set and muscle group, the active (per unit activation) and passive moment
(N m, both sides, strength 1, the source model's body mass) is evaluated exactly, muscle by
muscle (:func:`~backspasm_model.core.muscles.unit_moments`), on a grid of model rotations
(-45 to 45 deg, every 0.1 deg) and, for a group whose fibre lengths also depend on an input
(:data:`~backspasm_model.core.muscles.GROUP_PARAMETER`: tightness, or the QL's fibre length at
neutral), on a grid of that input (301 values over its range), with its slope along the
rotation (central difference, 1e-6 rad). Gravity and the passive joint-limit torques get a
table per view. The solver interpolates by cubic Hermite polynomials along the rotation
(every 0.25 deg) and linearly along the input, so moment and slope are continuous in the
rotation; ``tests/test_core_source_models.py`` holds the interpolated net moment within
5e-3 N m (plus 5e-5 of the moment) of the exact muscle-by-muscle sum; measured 3.3e-3 N m at
nominal inputs, at a muscle's passive-force onset where the Thelen curve's slope jumps.

Tables are built once per parameter set at first use (about 0.1 s) and are read-only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .muscles import GROUP_PARAMETER, unit_moments
from .parameters import GROUPS, ParameterSet, pelvis_data

__all__ = ["TH_GRID_RAD", "GroupTable", "set_tables", "body_moment_Nm"]

_d = pelvis_data()
_G = float(_d["meta"]["g_m_per_s2"]["value"])
_HIP_K = [float(v) for v in _d["hip_limit_torque"]["k"]["value"]]
_HIP_TH = [float(v) for v in _d["hip_limit_torque"]["theta_rad"]["value"]]
_LUM_K = [float(v) for v in _d["lumbar_limit_torque"]["k"]["value"]]
_LUM_TH = [float(v) for v in _d["lumbar_limit_torque"]["theta_rad"]["value"]]
_SIDES = 2.0

_TH_LO, _TH_HI, _TH_N = -45.0, 45.0, 361
_EPS = 1e-6
#: The rotation grid of the tables (rad).
TH_GRID_RAD: np.ndarray = np.radians(np.linspace(_TH_LO, _TH_HI, _TH_N))
TH0: float = float(TH_GRID_RAD[0])
INV_H: float = float((_TH_N - 1) / math.radians(_TH_HI - _TH_LO))
_P_N = 301


def _limit_torque(q: np.ndarray, k: list[float], th: list[float]) -> np.ndarray:
    """Anderson & Pandy exponential limit torque (N m)."""
    return k[0] * np.exp(k[1] * (q - th[1])) + k[2] * np.exp(k[3] * (q - th[0]))


def body_moment_Nm(pset: ParameterSet, th: np.ndarray, view: str) -> np.ndarray:
    """Gravity (full view) plus the passive joint-limit torques at ``th`` (rad), N m, at the
    source model's body mass. Gravity is the virtual work of the bodies that move with the
    pelvis: ``-g M dy_com/dth`` from the centre-of-mass path; the limit torques act at hip
    flexion ``th`` (both sides) and lumbar extension ``th``."""
    th = np.asarray(th, dtype=float)
    m = _SIDES * _limit_torque(th, _HIP_K, _HIP_TH) + _limit_torque(th, _LUM_K, _LUM_TH)
    if view == "full":
        c = np.asarray(pset.com_y_poly)
        dy = np.polyval((c[1:] * np.arange(1, c.size))[::-1], th)
        m = m - _G * pset.upper_body_mass_kg * dy
    return m


@dataclass(frozen=True)
class GroupTable:
    """Active and passive moment of one group on the grid and their slopes along the rotation
    (N m/rad): arrays ``(n_p, n_th)``; ``n_p`` is 1 for a group without a parameter.
    ``p_lo``, ``p_inv_h``: the parameter grid."""

    active: np.ndarray
    passive: np.ndarray
    active_slope: np.ndarray
    passive_slope: np.ndarray
    p_lo: float
    p_inv_h: float

    def rows(self, p: float) -> tuple[np.ndarray, ...]:
        """Active, passive and their slopes, rows (n_th,) at one parameter value, linear in
        it."""
        arrs = (self.active, self.passive, self.active_slope, self.passive_slope)
        if self.active.shape[0] == 1:
            return tuple(a[0] for a in arrs)
        u = (p - self.p_lo) * self.p_inv_h
        i = min(max(int(u), 0), self.active.shape[0] - 2)
        w = u - i
        return tuple((1 - w) * a[i] + w * a[i + 1] for a in arrs)


_CACHE: dict[int, tuple[ParameterSet, dict[str, Any]]] = {}


def set_tables(pset: ParameterSet) -> dict[str, Any]:
    """Tables of a parameter set: ``{group: GroupTable, "body_full": (value, slope),
    "body_seed": (value, slope)}`` (arrays (n_th,)), built at first use."""
    hit = _CACHE.get(id(pset))
    if hit is not None and hit[0] is pset:
        return hit[1]
    from .inputs import INPUT_RANGES

    th = TH_GRID_RAD
    out: dict[str, Any] = {}
    for g in GROUPS:
        key = GROUP_PARAMETER.get(g)
        if key:
            rng = INPUT_RANGES[key]
            p = np.linspace(rng.lo, rng.hi, _P_N)
            p_lo, p_inv_h = rng.lo, (_P_N - 1) / (rng.hi - rng.lo)
        else:
            p, p_lo, p_inv_h = np.zeros(1), 0.0, 1.0
        arrs = [np.zeros((p.size, th.size)) for _ in range(4)]
        for m in pset.muscles:
            if m.group == g:
                pp = p[:, None] if key else None
                a, b = unit_moments(m, pset, th[None, :], pp)
                ap, bp = unit_moments(m, pset, th[None, :] + _EPS, pp)
                am, bm = unit_moments(m, pset, th[None, :] - _EPS, pp)
                arrs[0] += a
                arrs[1] += b
                arrs[2] += (ap - am) / (2 * _EPS)
                arrs[3] += (bp - bm) / (2 * _EPS)
        for arr in arrs:
            arr.setflags(write=False)
        out[g] = GroupTable(arrs[0], arrs[1], arrs[2], arrs[3], float(p_lo), float(p_inv_h))
    for view in ("full", "seed"):
        b = body_moment_Nm(pset, th, view)
        bs = body_moment_Nm(pset, th + _EPS, view) - body_moment_Nm(pset, th - _EPS, view)
        bs /= 2 * _EPS
        for arr in (b, bs):
            arr.setflags(write=False)
        out[f"body_{view}"] = (b, bs)
    _CACHE[id(pset)] = (pset, out)
    return out
