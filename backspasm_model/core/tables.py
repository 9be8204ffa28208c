"""Group moment tables: what the solver interpolates instead of ~50 muscles per posture.

For each parameter set and muscle group, the active (per unit activation) and passive moment
(N m, both sides, strength 1, the source model's body mass) is evaluated exactly, muscle by
muscle (:func:`~backspasm_model.core.muscles.unit_moments`), on a grid of model rotations
(-45 to 45 deg, every 0.1 deg) and, for a group whose fibre lengths also depend on an input
(:data:`~backspasm_model.core.muscles.GROUP_PARAMETER`: tightness, or the QL's fibre length at
neutral), on a grid of that input (301 values over its range). Gravity and the passive
joint-limit torques get a table per view. The solver interpolates linearly (bilinearly over
an input), so its slope is the slope of the segment; ``tests/test_core_tables.py`` holds the
interpolated moments within 1e-3 N m of the exact ones (measured: see the test).

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

_TH_LO, _TH_HI, _TH_N = -45.0, 45.0, 901
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
    """Active and passive moment of one group on the grid: arrays ``(n_p, n_th)``; ``n_p`` is
    1 for a group without a parameter. ``p_lo``, ``p_inv_h``: the parameter grid."""

    active: np.ndarray
    passive: np.ndarray
    p_lo: float
    p_inv_h: float

    def rows(self, p: float) -> tuple[np.ndarray, np.ndarray]:
        """Active and passive rows (n_th,) at one parameter value, linear in it."""
        if self.active.shape[0] == 1:
            return self.active[0], self.passive[0]
        u = (p - self.p_lo) * self.p_inv_h
        i = min(max(int(u), 0), self.active.shape[0] - 2)
        w = u - i
        return ((1 - w) * self.active[i] + w * self.active[i + 1],
                (1 - w) * self.passive[i] + w * self.passive[i + 1])


_CACHE: dict[int, tuple[ParameterSet, dict[str, Any]]] = {}


def set_tables(pset: ParameterSet) -> dict[str, Any]:
    """Tables of a parameter set: ``{group: GroupTable, "body_full": (n_th,),
    "body_seed": (n_th,)}``, built at first use."""
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
        act = np.zeros((p.size, th.size))
        pas = np.zeros((p.size, th.size))
        for m in pset.muscles:
            if m.group == g:
                a, b = unit_moments(m, pset, th[None, :], p[:, None] if key else None)
                act += a
                pas += b
        for arr in (act, pas):
            arr.setflags(write=False)
        out[g] = GroupTable(act, pas, float(p_lo), float(p_inv_h))
    for view in ("full", "seed"):
        b = body_moment_Nm(pset, th, view)
        b.setflags(write=False)
        out[f"body_{view}"] = b
    _CACHE[id(pset)] = (pset, out)
    return out
