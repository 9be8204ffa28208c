"""The equilibrium solver of the balance: the net moment on the pelvis and its slope for a
block of inputs (:class:`_Evaluator`), and the root finder that returns only stable postures
inside the physiological window (Newton from the reference pose, then a bracketed safeguarded
Newton that keeps M(lo) > 0 > M(hi)). Internal to :mod:`backspasm_model.core.balance`; numpy
only.

The evaluator interpolates the group tables of :mod:`~backspasm_model.core.tables` (cubic
Hermite in the rotation, linear in a table's input): every term whose coefficients are single
numbers for the block is summed into one table first, so a sweep over a few inputs costs a
few gathers per Newton step however many muscles the set has.
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


_H = 1.0 / tables.INV_H


def _pack(y: np.ndarray, slope: np.ndarray) -> np.ndarray:
    """Hermite rows ``(y[j], y[j+1], h s[j], h s[j+1])`` of a table along its last axis
    (the last node repeated), flattened: shape (4, size)."""
    ys = np.stack([y, _H * slope])
    nxt = np.concatenate([ys[..., 1:], ys[..., -1:]], axis=-1)
    rows = np.stack([ys[0], nxt[0], ys[1], nxt[1]])
    return np.ascontiguousarray(rows.reshape(4, -1))


_PACKED: dict[tuple[int, str, float | None], tuple[Any, np.ndarray]] = {}


def _packed2(t: tables.GroupTable, key: str, act: float | None) -> np.ndarray:
    """A 2D group table (``act * active + passive``, or one of them) packed as 8 rows: the
    Hermite rows at parameter node ``i`` then at ``i + 1`` (index ``i * n_th + j``). Cached."""
    ck = (id(t), key, act)
    hit = _PACKED.get(ck)
    if hit is not None and hit[0] is t:
        return hit[1]
    if key == "act":
        y, sl = t.active, t.active_slope
    elif key == "pas":
        y, sl = t.passive, t.passive_slope
    else:
        y, sl = act * t.active + t.passive, act * t.active_slope + t.passive_slope
    rows = _pack(y, sl)
    nxt = np.concatenate([rows[:, _N_TH:], rows[:, -_N_TH:]], axis=1)
    packed = np.ascontiguousarray(np.concatenate([rows, nxt]))
    packed.setflags(write=False)
    if len(_PACKED) >= 8:
        _PACKED.clear()
    _PACKED[ck] = (t, packed)
    return packed


def _herm(
    rows: Any, j: np.ndarray | None, b: tuple[np.ndarray, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Hermite value and slope (per rad) from 4 packed rows gathered at ``j`` (or 4 arrays
    already gathered, ``j=None``; they are overwritten)."""
    h01, h10, h11, g01, g10, g11 = b
    y0, y1, m0, m1 = rows if j is None else (np.take(r, j, mode="clip") for r in rows)
    y1 -= y0
    v = h01 * y1
    v += y0
    sl = g01 * y1
    y0 = h10 * m0
    v += y0
    m0 *= g10
    sl += m0
    y0 = h11 * m1
    v += y0
    m1 *= g11
    sl += m1
    return v, sl


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
        static = [np.zeros(_N_TH), np.zeros(_N_TH)]
        self.dyn: list[tuple[Any, np.ndarray]] = []
        self.dyn2: list[tuple[Any, np.ndarray, np.ndarray, np.ndarray]] = []

        def add(coef: Any, row: np.ndarray, slope: np.ndarray) -> None:
            if np.ndim(coef) == 0:
                static[0] = static[0] + float(coef) * row
                static[1] = static[1] + float(coef) * slope
            else:
                self.dyn.append((coef, _pack(row, slope)))

        for g in VIEW_GROUPS[inp.view]:
            t = tab[g]
            c = scale * get(_GROUP_STRENGTH[g])
            key = GROUP_PARAMETER.get(g)
            par = get(key) if key else 0.0
            if np.ndim(par) == 0:
                ra, rp, sa, sp = t.rows(float(par))
                if np.ndim(act) == 0:
                    add(c, float(act) * ra + rp, float(act) * sa + sp)
                else:
                    add(c * act, ra, sa)
                    add(c, rp, sp)
                continue
            u = (np.asarray(par) - t.p_lo) * t.p_inv_h
            i = np.clip(u.astype(np.intp), 0, t.active.shape[0] - 2)
            w = u - i
            base = i * _N_TH
            if np.ndim(act) == 0:
                self.dyn2.append((c, _packed2(t, "sum", float(act)), base, w))
            else:
                self.dyn2.append((c * act, _packed2(t, "act", None), base, w))
                self.dyn2.append((c, _packed2(t, "pas", None), base, w))
        add(scale, *tab[f"body_{inp.view}"])
        self.static = _pack(static[0], static[1])
        self.k_total = (
            (_SIDES * get("hip_stiffness_Nm_per_deg") + get("lumbar_stiffness_Nm_per_deg"))
            / _DEG
            * scale
        )

    def net(self, theta: Any) -> tuple[np.ndarray, np.ndarray]:
        t = np.asarray(theta, dtype=float)
        if t.ndim == 0:
            t = t.reshape(1)
        u = t - tables.TH0
        u *= tables.INV_H
        i = np.minimum(np.maximum(u, 0.0), _N_TH - 2.0).astype(np.intp)
        s = u - i
        s2 = s * s
        s3 = s2 * s
        h01 = 3.0 * s2 - 2.0 * s3
        h11 = s3 - s2
        h10 = h11 - s2 + s
        g01 = (6.0 * tables.INV_H) * (s - s2)
        g11 = (3.0 * s2 - 2.0 * s) * tables.INV_H
        g10 = g11 - (2.0 * s - 1.0) * tables.INV_H
        b = (h01, h10, h11, g01, g10, g11)
        m, d = _herm(self.static, i, b)
        for coef, rows in self.dyn:
            v, sl = _herm(rows, i, b)
            m += coef * v
            d += coef * sl
        for coef, packed, base, w in self.dyn2:
            # mix the two parameter nodes first (linear in the parameter), then one cubic
            j = base + i
            mixed = []
            for r in range(4):
                a = np.take(packed[r], j, mode="clip")
                c = np.take(packed[r + 4], j, mode="clip")
                c -= a
                c *= w
                c += a
                mixed.append(c)
            v, sl = _herm(mixed, None, b)
            v *= coef
            m += v
            sl *= coef
            d += sl
        m -= self.k_total * t
        d -= self.k_total
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
    """Plain Newton from the reference pose first (a few steps almost always suffice); the
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
