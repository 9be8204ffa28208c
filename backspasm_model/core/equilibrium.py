"""The equilibrium solver of the balance: the net moment on the pelvis and its slope for a
block of inputs (:class:`_Evaluator`), and the root finder that returns only stable postures
inside the physiological window (Newton from the reference pose, then a bracketed safeguarded
Newton that keeps M(lo) > 0 > M(hi)). Internal to :mod:`backspasm_model.core.balance`; numpy
only.

The evaluator interpolates the group tables of :mod:`~backspasm_model.core.tables` (linear in
the rotation, so the slope is the segment's): every term whose coefficients are single numbers
for the block is summed into one table first, so a sweep over a few inputs costs a few
gathers per Newton step however many muscles the set has.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from . import tables
from .inputs import _GROUP_STRENGTH, VIEW_GROUPS, _Inputs
from .muscles import GROUP_PARAMETER
from .parameters import pelvis_data

_d = pelvis_data()
_WINDOW_DEG = tuple(float(v) for v in _d["solver"]["window_deg"]["value"])
_TOL_NM = float(_d["solver"]["residual_tolerance_Nm"]["value"])
_DEG = np.pi / 180.0
_SIDES = 2.0
# numpy releases the GIL inside ufuncs, so blocks of a large sweep solve in parallel threads.
_WORKERS = max(1, min(4, os.cpu_count() or 1))
_N_TH = tables.TH_GRID_RAD.size


def _with_diff(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Node values and the difference to the next node (last one repeated) along the last
    axis, flattened."""
    d = np.diff(y, axis=-1)
    d = np.concatenate([d, d[..., -1:]], axis=-1)
    return np.ascontiguousarray(y).reshape(-1), np.ascontiguousarray(d).reshape(-1)


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

        tab = tables.set_tables(p)
        scale = get("body_mass_kg") / p.model_body_mass_kg
        act = get("activation")
        static = np.zeros(_N_TH)
        self.dyn: list[tuple[Any, np.ndarray, np.ndarray]] = []
        self.dyn2: list[tuple[Any, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []

        def add(coef: Any, row: np.ndarray) -> None:
            nonlocal static
            if np.ndim(coef) == 0:
                static = static + float(coef) * row
            else:
                self.dyn.append((coef, *_with_diff(row)))

        for g in VIEW_GROUPS[inp.view]:
            t = tab[g]
            c = scale * get(_GROUP_STRENGTH[g])
            key = GROUP_PARAMETER.get(g)
            par = get(key) if key else 0.0
            if np.ndim(par) == 0:
                ra, rp = t.rows(float(par))
                if np.ndim(act) == 0:
                    add(c, float(act) * ra + rp)
                else:
                    add(c * act, ra)
                    add(c, rp)
                continue
            u = (np.asarray(par) - t.p_lo) * t.p_inv_h
            i = np.clip(u.astype(np.intp), 0, t.active.shape[0] - 2)
            w = u - i
            base = i * _N_TH
            if np.ndim(act) == 0:
                self.dyn2.append((c, *_with_diff(float(act) * t.active + t.passive), base, w))
            else:
                self.dyn2.append((c * act, *_with_diff(t.active), base, w))
                self.dyn2.append((c, *_with_diff(t.passive), base, w))
        add(scale, tab[f"body_{inp.view}"])
        self.static = _with_diff(static)
        self.k_total = (_SIDES * get("hip_stiffness_Nm_per_deg")
                        + get("lumbar_stiffness_Nm_per_deg")) / _DEG * scale

    def net(self, theta: Any) -> tuple[np.ndarray, np.ndarray]:
        t = np.asarray(theta, dtype=float)
        if t.ndim == 0:
            t = t.reshape(1)
        u = (t - tables.TH0) * tables.INV_H
        i = np.clip(np.floor(u), 0, _N_TH - 2).astype(np.intp)
        f = u - i
        y, dy = self.static
        di = dy[i]
        m = y[i] + f * di
        d = di
        for coef, y, dy in self.dyn:
            di = dy[i]
            m += coef * (y[i] + f * di)
            d = d + coef * di
        for coef, y, dy, base, w in self.dyn2:
            j = base + i
            k = j + _N_TH
            d0, d1 = dy[j], dy[k]
            v = (y[j] + f * d0) * (1.0 - w) + (y[k] + f * d1) * w
            m += coef * v
            d = d + coef * (d0 * (1.0 - w) + d1 * w)
        d = d * tables.INV_H
        m -= self.k_total * t
        d = d - self.k_total
        return m, d


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
