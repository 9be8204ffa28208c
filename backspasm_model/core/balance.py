"""Static moment balance of the pelvis about the hip axis in quiet standing.

The pelvis is a free body turning about the hip axis (both hips, femurs fixed). The net
moment, **anterior tilt positive**, in newton metres, is the sum of

* muscles (both sides): force x lever, the force being active (postural activation x
  strength x Fmax x Thelen force-length factor) plus passive (strength x Fmax x Thelen passive
  curve), at the fibre length the tilt gives (``dL = -lever x tilt``);
* gravity of the upper body (full view only): its centre of mass offset from the hip, moved
  by the tilt since the upright thorax rides on the lumbar spine (a destabilising term);
* passive tissue: hip (both sides) and lumbar stiffness, plus Anderson & Pandy's exponential
  joint-limit torques.

The posture is the tilt where the net moment is zero and falls as the tilt grows (stable),
inside a physiological window. Two views share the code: ``"seed"`` keeps only rectus femoris,
the hamstrings and passive tissue (the clinical argument's two-muscle picture); ``"full"``
adds every other muscle group and gravity.

>>> r = stand()
>>> bool(r.tilt_deg > 0)              # anterior ASIS-PSIS tilt at nominal (V1)
True
>>> bool(abs(r.residual_Nm) < 1e-6)
True
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import hill

from . import kinematics
from .checks import InputRange, check_choice, check_range
from .parameters import GROUPS, ParameterSet, load_parameter_set, pelvis_data

__all__ = [
    "DEFAULTS",
    "INPUT_RANGES",
    "VIEWS",
    "VIEW_GROUPS",
    "StandResult",
    "NoPostureError",
    "stand",
    "net_moment_Nm",
    "group_moments_Nm",
    "hip_moment_capacity_Nm",
]

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

#: The two views of the balance.
VIEWS: tuple[str, ...] = ("seed", "full")
#: Muscle groups present in each view.
VIEW_GROUPS: dict[str, tuple[str, ...]] = {
    "seed": ("quadriceps", "hamstrings"),
    "full": GROUPS,
}


def _default(key: str) -> float:
    return float(_d[key]["value"])


def _range(key: str, unit: str) -> InputRange:
    lo, hi = _d[key]["range"]
    return InputRange(lo, hi, unit)


_STRENGTH = InputRange(0.25, 3.0, "x nominal")
_TIGHTNESS = InputRange(0.0, 0.3, "fraction of optimal length lost")

#: Allowed range and unit of every numeric input of :func:`stand` (widgets clamp to these).
INPUT_RANGES: dict[str, InputRange] = {
    "quad_strength": _STRENGTH,
    "hamstring_strength": _STRENGTH,
    "hip_flexor_strength": _STRENGTH,
    "glute_strength": _STRENGTH,
    "back_extensor_strength": _STRENGTH,
    "abdominal_strength": _STRENGTH,
    "quad_tightness": _TIGHTNESS,
    "hamstring_tightness": _TIGHTNESS,
    "hip_flexor_tightness": _TIGHTNESS,
    "activation": _range("postural_activation", "fraction of maximum"),
    "body_mass_kg": InputRange(30.0, 200.0, "kg"),
    "trunk_com_offset_m": _range("trunk_com_offset", "m"),
    "hip_stiffness_Nm_per_deg": _range("hip_passive_stiffness", "N m/deg"),
    "lumbar_stiffness_Nm_per_deg": _range("lumbar_passive_stiffness", "N m/deg"),
    "ql_neutral_fibre_length": _range("ql_neutral_fibre_length", "x optimal length"),
}

#: Default (nominal) value of every numeric input of :func:`stand`.
DEFAULTS: dict[str, float] = {
    "quad_strength": 1.0,
    "hamstring_strength": 1.0,
    "hip_flexor_strength": 1.0,
    "glute_strength": 1.0,
    "back_extensor_strength": 1.0,
    "abdominal_strength": 1.0,
    "quad_tightness": 0.0,
    "hamstring_tightness": 0.0,
    "hip_flexor_tightness": 0.0,
    "activation": _default("postural_activation"),
    "body_mass_kg": float(_d["masses"]["model_body_mass_kg"]["value"]),
    "trunk_com_offset_m": _default("trunk_com_offset"),
    "hip_stiffness_Nm_per_deg": _default("hip_passive_stiffness"),
    "lumbar_stiffness_Nm_per_deg": _default("lumbar_passive_stiffness"),
    "ql_neutral_fibre_length": _default("ql_neutral_fibre_length"),
}

_GROUP_STRENGTH = {
    "quadriceps": "quad_strength",
    "hamstrings": "hamstring_strength",
    "hip_flexors": "hip_flexor_strength",
    "gluteus_maximus": "glute_strength",
    "back_extensors": "back_extensor_strength",
    "abdominals": "abdominal_strength",
}
_GROUP_TIGHTNESS = {
    "quadriceps": "quad_tightness",
    "hamstrings": "hamstring_tightness",
    "hip_flexors": "hip_flexor_tightness",
}


class NoPostureError(ValueError):
    """No stable standing posture exists inside the physiological window for these inputs."""


def _resolve_params(params: object) -> ParameterSet:
    if isinstance(params, ParameterSet):
        return params
    return load_parameter_set(params)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Inputs:
    values: dict[str, np.ndarray]
    shape: tuple[int, ...]
    view: str
    params: ParameterSet

    def flat(self, key: str) -> np.ndarray:
        v = self.values[key]
        return np.broadcast_to(v, self.shape).reshape(-1) if v.ndim else v

    def with_shape(self, shape: tuple[int, ...]) -> _Inputs:
        return _Inputs(self.values, shape, self.view, self.params)


def _validate(kwargs: dict[str, Any], view: object, params: object) -> _Inputs:
    unknown = set(kwargs) - set(INPUT_RANGES)
    if unknown:
        raise TypeError(
            f"unknown input(s) {', '.join(sorted(unknown))}; allowed: "
            f"{', '.join(INPUT_RANGES)}, view, params"
        )
    view = check_choice("view", view, VIEWS)
    pset = _resolve_params(params)
    values = {}
    for key, rng in INPUT_RANGES.items():
        raw = kwargs.get(key, DEFAULTS[key])
        values[key] = check_range(key, raw, rng.lo, rng.hi, rng.unit)
    try:
        shape = np.broadcast_shapes(*(v.shape for v in values.values()))
    except ValueError as exc:
        shapes = {k: v.shape for k, v in values.items() if v.ndim}
        raise ValueError(f"inputs do not broadcast together: {shapes}") from exc
    return _Inputs(values, tuple(shape), str(view), pset)


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


@dataclass(frozen=True, eq=False)
class StandResult:
    """The standing posture found by :func:`stand` and what follows from it.

    Angles in degrees (anterior positive), lengths in metres unless named ``_mm``, moments in
    N m (both sides, anterior-tilting positive). Arrays have the broadcast shape of the inputs.
    """

    model_tilt_deg: np.ndarray
    stable: np.ndarray
    stiffness_Nm_per_deg: np.ndarray
    _inputs: _Inputs

    @property
    def view(self) -> str:
        """``"seed"`` or ``"full"``."""
        return self._inputs.view

    @property
    def params(self) -> ParameterSet:
        """The parameter set used."""
        return self._inputs.params

    @property
    def inputs(self) -> dict[str, np.ndarray]:
        """Validated numeric inputs (un-broadcast arrays)."""
        return dict(self._inputs.values)

    @cached_property
    def tilt_deg(self) -> np.ndarray:
        """Clinical ASIS-PSIS pelvic tilt (deg, anterior positive)."""
        return kinematics.clinical_tilt_deg(self.model_tilt_deg)

    @cached_property
    def lumbar_extension_deg(self) -> np.ndarray:
        """Thorax-on-pelvis extension from neutral (deg)."""
        return kinematics.lumbar_extension_deg(self.model_tilt_deg)

    @cached_property
    def ql_length_m(self) -> np.ndarray:
        """QL length, iliac crest to 12th rib (m)."""
        return kinematics.ql_length_m(self.model_tilt_deg)

    @cached_property
    def ql_length_change_mm(self) -> np.ndarray:
        """QL length change from the neutral pelvis (mm; negative = shorter)."""
        return (self.ql_length_m - kinematics.ql_length_m(0.0)) * 1000.0

    @cached_property
    def ql_length_change_pct(self) -> np.ndarray:
        """QL length change from neutral (% of the neutral length)."""
        return self.ql_length_change_mm / (10.0 * kinematics.ql_length_m(0.0))

    @cached_property
    def ql_normalised_fibre_length(self) -> np.ndarray:
        """QL fibre length / optimal length (dimensionless); the whole line taken as fibre."""
        l0 = self._inputs.values["ql_neutral_fibre_length"]
        return l0 * (1.0 + self.ql_length_change_pct / 100.0)

    @cached_property
    def ql_force_capacity(self) -> np.ndarray:
        """Active force capacity of the QL, 0-1 (Thelen force-length factor)."""
        return hill.active_force_length(self.ql_normalised_fibre_length)

    def _terms(self) -> tuple[_Evaluator, np.ndarray]:
        return _Evaluator(self._inputs), np.radians(self.model_tilt_deg).ravel()

    def _shape(self, v: np.ndarray) -> np.ndarray:
        return np.broadcast_to(v, (self.model_tilt_deg.size,)).reshape(self.model_tilt_deg.shape)

    @cached_property
    def group_moments_Nm(self) -> dict[str, np.ndarray]:
        """Moment of each muscle group at the posture (N m, both sides, anterior positive)."""
        ev, theta = self._terms()
        return {g: self._shape(v) for g, v in ev.groups(theta).items()}

    @cached_property
    def gravity_moment_Nm(self) -> np.ndarray:
        """Moment of the upper body's weight at the posture (N m; zero in the seed view)."""
        ev, theta = self._terms()
        return self._shape(ev.gravity(theta)[0])

    @cached_property
    def passive_moment_Nm(self) -> np.ndarray:
        """Moment of passive hip and lumbar tissue at the posture (N m)."""
        ev, theta = self._terms()
        return self._shape(ev.passive(theta)[0])

    @cached_property
    def residual_Nm(self) -> np.ndarray:
        """Net moment at the returned tilt (N m); below 1e-6 in magnitude for a posture."""
        ev, theta = self._terms()
        return self._shape(ev.net(theta)[0])


def stand(
    *,
    view: str = "full",
    params: str | ParameterSet = "gait2392",
    on_unstable: str = "raise",
    **inputs: ArrayLike,
) -> StandResult:
    """Find the standing pelvic tilt for a muscle balance.

    Keyword inputs (all broadcast as numpy arrays; defaults are the nominal body, see
    :data:`DEFAULTS` and :data:`INPUT_RANGES` for ranges and units):

    * ``quad_strength``, ``hamstring_strength``, ``hip_flexor_strength``, ``glute_strength``,
      ``back_extensor_strength``, ``abdominal_strength``: multiples of nominal maximal force
      (0.25-3, 1 = nominal).
    * ``quad_tightness``, ``hamstring_tightness``, ``hip_flexor_tightness``: fraction of the
      optimal fibre length lost (0-0.3); a tight muscle pulls passively at neutral.
    * ``activation``: postural activation of every muscle (fraction of maximum, default 0.02).
    * ``body_mass_kg`` (30-200 kg): scales masses, forces and passive stiffness.
    * ``trunk_com_offset_m``: upper-body centre of mass ahead of the hip (m, default -0.010).
    * ``hip_stiffness_Nm_per_deg`` (per hip) and ``lumbar_stiffness_Nm_per_deg`` (N m/deg).
    * ``ql_neutral_fibre_length``: QL fibre length / optimal length at neutral (default 1).
    * ``view``: ``"seed"`` (rectus femoris vs hamstrings plus passive tissue) or ``"full"``.
    * ``params``: ``"gait2392"`` (default), ``"rajagopal2016"`` or a ``ParameterSet``.
    * ``on_unstable``: ``"raise"`` (default) raises :class:`NoPostureError` if any element has
      no stable posture inside the window; ``"nan"`` returns NaN tilt there instead.

    Returns a :class:`StandResult`. Example: weaker hamstrings tilt the pelvis forward.

    >>> a = stand(hamstring_strength=1.0)
    >>> b = stand(hamstring_strength=0.5)
    >>> bool(b.tilt_deg > a.tilt_deg)
    True
    >>> import numpy as np
    >>> stand(quad_strength=np.array([0.5, 1.0, 2.0])).tilt_deg.shape
    (3,)
    """
    check_choice("on_unstable", on_unstable, ("raise", "nan"))
    inp = _validate(inputs, view, params)
    theta, conv, slope = _solve(inp)
    stable = conv & (slope < 0.0)
    if not np.all(stable):
        if on_unstable == "raise":
            bad = int(np.size(stable) - np.count_nonzero(stable))
            raise NoPostureError(
                f"no stable standing posture within {_WINDOW_DEG[0]:g} to {_WINDOW_DEG[1]:g} deg "
                f"of pelvic rotation for {bad} of {np.size(stable)} input combination(s): the "
                "passive stiffness cannot hold the moments there. Raise "
                "hip_stiffness_Nm_per_deg or lumbar_stiffness_Nm_per_deg, move the inputs "
                "toward nominal, or pass on_unstable='nan'."
            )
        theta = np.where(stable, theta, np.nan)
    return StandResult(
        model_tilt_deg=np.degrees(theta),
        stable=stable,
        stiffness_Nm_per_deg=-slope * _DEG,
        _inputs=inp,
    )


def net_moment_Nm(
    tilt_deg: ArrayLike,
    *,
    view: str = "full",
    params: str | ParameterSet = "gait2392",
    **inputs: ArrayLike,
) -> np.ndarray:
    """Net anterior moment on the pelvis (N m) at a model pelvis rotation ``tilt_deg`` (deg).

    This is the tilt-vs-balance curve: its zero crossing with negative slope is the posture.
    ``tilt_deg`` broadcasts with the inputs.

    >>> bool(net_moment_Nm(-30.0) > 0 > net_moment_Nm(30.0))
    True
    """
    inp = _validate(inputs, view, params)
    t = np.radians(check_range("tilt_deg", tilt_deg, -90.0, 90.0, "deg"))
    shape = tuple(np.broadcast_shapes(t.shape, inp.shape))
    ev = _Evaluator(inp.with_shape(shape))
    theta = np.broadcast_to(t, shape).ravel() if shape else t
    return np.asarray(ev.net(theta)[0]).reshape(shape)


def group_moments_Nm(
    tilt_deg: ArrayLike,
    *,
    view: str = "full",
    params: str | ParameterSet = "gait2392",
    **inputs: ArrayLike,
) -> dict[str, np.ndarray]:
    """Moment of each muscle group, plus ``gravity`` and ``passive``, at a model tilt (N m).

    The inputs must be scalars here; the tilt may be an array (a curve).

    >>> sorted(group_moments_Nm(0.0))[:3]
    ['abdominals', 'back_extensors', 'gluteus_maximus']
    """
    inp = _validate(inputs, view, params)
    if inp.shape:
        raise ValueError("group_moments_Nm takes scalar inputs; use stand() to sweep inputs")
    theta = np.radians(check_range("tilt_deg", tilt_deg, -90.0, 90.0, "deg"))
    ev = _Evaluator(inp)
    flat = theta.reshape(-1)
    out = ev.groups(flat)
    out["gravity"] = ev.gravity(flat)[0]
    out["passive"] = ev.passive(flat)[0]
    return {k: np.broadcast_to(v, flat.shape).reshape(theta.shape).copy() for k, v in out.items()}


def hip_moment_capacity_Nm(group: str, params: str | ParameterSet = "gait2392") -> float:
    """Sum of Fmax x |lever| of a muscle group at neutral, one side (N m), as in target V7.

    >>> h = hip_moment_capacity_Nm("hamstrings")
    >>> q = hip_moment_capacity_Nm("quadriceps")
    >>> round(h, 1), round(q, 1), round(h / q, 1)
    (137.4, 49.7, 2.8)
    """
    check_choice("group", group, GROUPS)
    return _resolve_params(params).group_capacity_Nm(group)
