"""The equilibrium solver of the balance: the net moment on the pelvis and its slope for a
block of inputs (:class:`_Evaluator`), and the root finder that returns only stable postures
inside the physiological window (Newton from neutral, then a bracketed safeguarded Newton that
keeps M(lo) > 0 > M(hi)). Internal to :mod:`backspasm_model.core.balance`; numpy only.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from . import hill, kinematics
from .inputs import _GROUP_STRENGTH, _GROUP_TIGHTNESS, VIEW_GROUPS, _Inputs
from .parameters import GROUPS, pelvis_data

_d = pelvis_data()
_G = float(_d["meta"]["g_m_per_s2"]["value"])
_M_TORSO = float(_d["masses"]["torso_mass_kg"]["value"])
_M_PELVIS = float(_d["masses"]["pelvis_mass_kg"]["value"])
_PELVIS_COM = np.array(_d["masses"]["pelvis_com_m"]["value"], dtype=float)
# Taylor coefficients of the upper body's mass-weighted forward shift (kg m, reference mass)
_SHIFT = kinematics.upper_body_shift_series(_M_TORSO, _M_PELVIS, _PELVIS_COM)
_WINDOW_DEG = tuple(float(v) for v in _d["solver"]["window_deg"]["value"])
_TOL_NM = float(_d["solver"]["residual_tolerance_Nm"]["value"])
_HIP_K = [float(v) for v in _d["hip_limit_torque"]["k"]["value"]]
_HIP_TH = [float(v) for v in _d["hip_limit_torque"]["theta_rad"]["value"]]
_LUM_K = [float(v) for v in _d["lumbar_limit_torque"]["k"]["value"]]
_LUM_TH = [float(v) for v in _d["lumbar_limit_torque"]["theta_rad"]["value"]]
_DEG = np.pi / 180.0
_SIDES = 2.0
# numpy releases the GIL inside ufuncs, so blocks of a large sweep solve in parallel threads.
_WORKERS = max(1, min(4, os.cpu_count() or 1))
_PE_GAIN = hill.KPE / hill.E0
_PE_NORM = 1.0 / float(np.expm1(hill.KPE))


def _limit_torque(q: np.ndarray, k: list[float], th: list[float]) -> tuple[np.ndarray, np.ndarray]:
    """Anderson & Pandy exponential limit torque (N m) and its slope (N m/rad)."""
    e1 = k[0] * np.exp(k[1] * (q - th[1]))
    e2 = k[2] * np.exp(k[3] * (q - th[0]))
    return e1 + e2, k[1] * e1 + k[3] * e2


class _Evaluator:
    """Net moment (N m) and its slope (N m/rad) for a flat block of inputs.

    ``theta`` arguments are pelvis rotations in radians, anterior positive, with the same
    length as the block (or scalars when every input is a scalar).
    """

    def __init__(self, inp: _Inputs, sl: slice | np.ndarray | None = None) -> None:
        p = inp.params

        def get(key: str) -> np.ndarray | float:
            v = inp.flat(key)
            if v.ndim == 0:
                return float(v)
            return v[sl] if sl is not None else v

        self.view = inp.view
        scale = get("body_mass_kg") / p.model_body_mass_kg
        self.scale = scale
        self.activation = get("activation")
        groups = VIEW_GROUPS[inp.view]
        a = p.arrays
        self.muscles: list[tuple[Any, ...]] = []
        for i, m in enumerate(p.muscles):
            if m.group not in groups:
                continue
            strength = get(_GROUP_STRENGTH[m.group])
            tight = get(_GROUP_TIGHTNESS[m.group]) if m.group in _GROUP_TIGHTNESS else 0.0
            # normalised fibre length l = (1 + c * theta) / (1 - tightness), kept as
            # l - 1 = a0 + c_eff * theta
            c = float(-a["lever_m"][i] / (a["Lopt_m"][i] * a["cos_penn"][i]))
            inv = 1.0 / (1.0 - tight)
            gain = _SIDES * a["lever_m"][i] * a["Fmax_N"][i] * a["cos_penn"][i] * scale * strength
            self.muscles.append(
                (m.group, inv - 1.0, c * inv, gain * self.activation, gain * _PE_NORM,
                 gain * c * inv)
            )
        self.k_total = (_SIDES * get("hip_stiffness_Nm_per_deg")
                        + get("lumbar_stiffness_Nm_per_deg")) / _DEG * scale
        if inp.view == "full":
            self.m_t = _M_TORSO * scale
            self.m_p = _M_PELVIS * scale
            self.x_c = get("trunk_com_offset_m")

    def muscle_terms(self, theta: Any, i: int) -> tuple[np.ndarray, np.ndarray]:
        _, a0, c_eff, g_act, g_pas, g_slope = self.muscles[i]
        lm1 = np.asarray(c_eff * theta, dtype=float)
        if lm1.ndim == 0:
            lm1 = lm1.reshape(1)
        lm1 += a0
        fa = lm1 * lm1
        fa *= -1.0 / hill.GAMMA
        np.exp(fa, out=fa)
        ep = np.maximum(lm1, 0.0)
        ep *= _PE_GAIN
        np.exp(ep, out=ep)
        moment = g_act * fa + g_pas * (ep - 1.0)
        # d(moment)/d(theta): active Gaussian slope plus passive exponential slope
        fa *= lm1
        fa *= self.activation * (-2.0 / hill.GAMMA)
        ep *= _PE_GAIN * _PE_NORM
        ep *= lm1 > 0.0
        fa += ep
        fa *= g_slope
        return moment, fa

    def passive(self, theta: Any) -> tuple[np.ndarray, np.ndarray]:
        th, dth = _limit_torque(theta, _HIP_K, _HIP_TH)
        tl, dtl = _limit_torque(theta, _LUM_K, _LUM_TH)
        s = self.scale
        m = -self.k_total * theta + (_SIDES * th + tl) * s
        d = -self.k_total + (_SIDES * dth + dtl) * s
        return m, d

    def gravity(self, theta: Any) -> tuple[np.ndarray, np.ndarray]:
        if self.view != "full":
            z = np.zeros_like(np.asarray(theta, dtype=float))
            return z, z
        # the upper body's forward shift (thorax riding on the lumbar chain, pelvis COM
        # turning about the hip), mass-weighted, by Horner's rule on its Taylor series
        t = np.asarray(theta, dtype=float)
        p = np.full_like(t, _SHIFT[-1])
        dp = np.zeros_like(t)
        for a in _SHIFT[-2::-1]:
            dp *= t
            dp += p
            p *= t
            p += a
        scale = self.scale * _G
        m = p * scale
        m += _G * (self.m_t + self.m_p) * self.x_c
        return m, dp * scale

    def net(self, theta: Any) -> tuple[np.ndarray, np.ndarray]:
        m, d = self.passive(theta)
        gm, gd = self.gravity(theta)
        m = m + gm
        d = d + gd
        for i in range(len(self.muscles)):
            mm, md = self.muscle_terms(theta, i)
            m += mm
            d += md
        return m, d

    def groups(self, theta: Any) -> dict[str, np.ndarray]:
        zero = np.zeros_like(np.asarray(theta, dtype=float))
        out = {g: zero for g in GROUPS}
        for i, (group, *_rest) in enumerate(self.muscles):
            out[group] = out[group] + self.muscle_terms(theta, i)[0]
        return out


_CHUNK = 1 << 16
_NEWTON_ITER = 8
_MAX_ITER = 100


def _bracketed(ev: _Evaluator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Safeguarded Newton inside the window bracket [lo, hi] with M(lo) > 0 > M(hi).

    Keeping that sign pattern means the root found is a downward (stable) crossing.
    """
    lo = np.full(n, _WINDOW_DEG[0] * _DEG)
    hi = np.full(n, _WINDOW_DEG[1] * _DEG)
    ok = (ev.net(lo)[0] > 0.0) & (ev.net(hi)[0] < 0.0)
    theta = np.zeros(n)
    m, d = ev.net(theta)
    for _ in range(_MAX_ITER):
        done = np.abs(m) < _TOL_NM
        if np.all(done | ~ok):
            break
        pos = m > 0.0
        lo = np.where(pos, theta, lo)
        hi = np.where(pos, hi, theta)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = theta - m / d
        inside = (step > lo) & (step < hi)
        theta = np.where(done, theta, np.where(inside, step, 0.5 * (lo + hi)))
        m, d = ev.net(theta)
    converged = ok & (np.abs(m) < _TOL_NM)
    return theta, converged, d


def _solve_block(inp: _Inputs, index: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Plain Newton from the neutral pelvis first (a few steps almost always suffice); the
    elements it does not settle on a stable root inside the window go to :func:`_bracketed`."""
    n = index.stop - index.start
    ev = _Evaluator(inp, index)
    lo, hi = _WINDOW_DEG[0] * _DEG, _WINDOW_DEG[1] * _DEG
    theta = np.zeros(n)
    m, d = ev.net(theta)
    for _ in range(_NEWTON_ITER):
        if np.all(np.abs(m) < _TOL_NM):
            break
        with np.errstate(divide="ignore", invalid="ignore"):
            theta = np.clip(theta - m / d, lo, hi)
        m, d = ev.net(theta)
    good = (np.abs(m) < _TOL_NM) & (d < 0.0) & (theta > lo) & (theta < hi)
    if not np.all(good):
        idx = np.flatnonzero(~good) + index.start
        t, c, dd = _bracketed(_Evaluator(inp, idx), idx.size)
        bad = ~good
        theta[bad], d[bad] = t, dd
        good = good.copy()
        good[bad] = c
    return theta, good, d


def _solve(inp: _Inputs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = int(np.prod(inp.shape, dtype=np.int64))
    flat = inp
    theta = np.empty(n)
    conv = np.empty(n, dtype=bool)
    slope = np.empty(n)
    blocks = [slice(a, min(a + _CHUNK, n)) for a in range(0, n, _CHUNK)]

    def work(sl: slice) -> None:
        theta[sl], conv[sl], slope[sl] = _solve_block(flat, sl)

    if len(blocks) > 2 and _WORKERS > 1:
        with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
            list(pool.map(work, blocks))
    else:
        for sl in blocks:
            work(sl)
    return theta.reshape(inp.shape), conv.reshape(inp.shape), slope.reshape(inp.shape)
