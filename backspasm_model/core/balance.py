"""Static moment balance of the pelvis in quiet standing: every term as virtual work along
the one coupled motion.

The model has one degree of freedom, the pelvis rotation ``th`` (anterior positive): femurs
fixed, so hip flexion is ``th``; thorax upright, so lumbar extension is ``th``, shared over
L5-S1 ... L1-L2 by the coupling ratios. Every force enters as its generalised force along that
motion (N m, anterior tilt positive):

* each muscle of the source model that crosses the hip or the lumbar spine (both sides):
  ``F x (-dL/dth)``, ``L(th)`` its musculotendon length from the derivation pipeline, ``F``
  from its own fibre length and force-length curves (:mod:`~backspasm_model.core.muscles`);
* gravity (full view only): ``-g sum(m_i dy_i/dth)`` over the bodies that move (the pelvis
  turning about the hip, the upright upper body translating with the lumbar chain);
* passive tissue: the hip (both sides) and lumbar moments times ``d(joint angle)/dth`` (= 1):
  a linear stiffness plus Anderson & Pandy's exponential joint-limit torques.

The posture is the rotation where the net moment is zero and falls as the rotation grows
(stable), inside a physiological window. Two views share the code: ``"seed"`` keeps only
rectus femoris, the hamstrings and passive tissue (the clinical argument's two-muscle
picture); ``"full"`` adds every other muscle and gravity. Rotation 0 is the source models'
**reference pose** (clinical ASIS-PSIS tilt +5.9 deg); **neutral** is the level pelvis
(rotation -5.9 deg), from which every "change from neutral" is measured.

>>> r = stand()
>>> bool(r.tilt_deg > 0)              # anterior ASIS-PSIS tilt at nominal (V1)
True
>>> bool(abs(r.residual_Nm) < 1e-6)
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike

from . import hill, kinematics
from .checks import check_choice, check_range, check_scalar
from .equilibrium import _DEG, _WINDOW_DEG, _Evaluator, _solve
from .inputs import (
    _GROUP_STRENGTH,
    DEFAULTS,
    INPUT_RANGES,
    VIEW_GROUPS,
    VIEWS,
    NoPostureError,
    _Inputs,
    _resolve_params,
    _validate,
)
from .muscles import NEUTRAL_RAD, exact_moments, muscle_moments_Nm
from .parameters import GROUPS, ParameterSet
from .tables import body_moment_Nm

_NEUTRAL_DEG = float(np.degrees(NEUTRAL_RAD))
_TILT = kinematics.TILT_RANGE_DEG

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
    "muscle_moments_Nm",
]


def _exact_terms(inp: _Inputs, theta: np.ndarray, shape: tuple[int, ...]) -> dict[str, np.ndarray]:
    """Exact group moments, gravity and passive moment (N m) at rotations ``theta`` (rad,
    broadcasting to ``shape`` with the inputs), muscle by muscle."""
    values = {k: np.broadcast_to(v, shape) for k, v in inp.values.items()}
    th = np.broadcast_to(theta, shape)
    p = inp.params
    scale = values["body_mass_kg"] / p.model_body_mass_kg
    per_muscle = exact_moments(p, th, values, _GROUP_STRENGTH)
    groups = VIEW_GROUPS[inp.view]
    out = {g: np.zeros(shape) for g in GROUPS}
    for m in p.muscles:
        if m.group in groups:
            out[m.group] = out[m.group] + per_muscle[m.name]
    limits = body_moment_Nm(p, th, "seed")
    gravity = body_moment_Nm(p, th, "full") - limits if inp.view == "full" else np.zeros(shape)
    k = (2.0 * values["hip_stiffness_Nm_per_deg"] + values["lumbar_stiffness_Nm_per_deg"]) / _DEG
    out["gravity"] = scale * gravity
    out["passive"] = scale * (limits - k * th)
    return out


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
        """Lumbar (thorax-on-pelvis) extension from the reference pose (deg) = the rotation."""
        return kinematics.lumbar_extension_deg(self.model_tilt_deg)

    @cached_property
    def ql_length_m(self) -> np.ndarray:
        """QL length, iliac crest to 12th rib (m)."""
        return kinematics.ql_length_m(self.model_tilt_deg)

    @cached_property
    def ql_length_change_mm(self) -> np.ndarray:
        """QL length change from neutral, the level pelvis (mm; negative = shorter)."""
        return (self.ql_length_m - kinematics.ql_length_m(_NEUTRAL_DEG)) * 1000.0

    @cached_property
    def ql_length_change_pct(self) -> np.ndarray:
        """QL length change from neutral, the level pelvis (% of its length there)."""
        return self.ql_length_change_mm / (10.0 * kinematics.ql_length_m(_NEUTRAL_DEG))

    @cached_property
    def ql_normalised_fibre_length(self) -> np.ndarray:
        """QL fibre length / optimal length (dimensionless): ``ql_neutral_fibre_length`` at
        the level pelvis, the whole line taken as fibre (as the balance does)."""
        l0 = self._inputs.values["ql_neutral_fibre_length"]
        return l0 * (1.0 + self.ql_length_change_pct / 100.0)

    @cached_property
    def ql_force_capacity(self) -> np.ndarray:
        """Active force capacity of the QL, 0-1 (Thelen force-length factor, gait2392
        constants)."""
        return hill.active_force_length(self.ql_normalised_fibre_length)

    @cached_property
    def _exact(self) -> dict[str, np.ndarray]:
        shape = self.model_tilt_deg.shape
        return _exact_terms(self._inputs, np.radians(self.model_tilt_deg), shape)

    @cached_property
    def group_moments_Nm(self) -> dict[str, np.ndarray]:
        """Moment of each muscle group at the posture (N m, both sides, anterior positive):
        the sum of :func:`muscle_moments_Nm` over the group (exact, muscle by muscle)."""
        return {g: self._exact[g] for g in GROUPS}

    @cached_property
    def gravity_moment_Nm(self) -> np.ndarray:
        """Virtual work of the body weight at the posture (N m; zero in the seed view)."""
        return self._exact["gravity"]

    @cached_property
    def passive_moment_Nm(self) -> np.ndarray:
        """Moment of passive hip and lumbar tissue at the posture (N m)."""
        return self._exact["passive"]

    @cached_property
    def residual_Nm(self) -> np.ndarray:
        """Net moment of the solver's tabulated balance at the returned tilt (N m); below
        1e-6 in magnitude for a posture. The exact muscle-by-muscle sum differs from it by
        the table error (under 5e-3 N m, ``docs/model.md``)."""
        ev = _Evaluator(self._inputs)
        theta = np.radians(self.model_tilt_deg).ravel()
        v = np.asarray(ev.net(theta)[0])
        return np.broadcast_to(v, (theta.size,)).reshape(self.model_tilt_deg.shape)


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
      ``back_extensor_strength``, ``abdominal_strength``, ``other_hip_strength`` (every other
      hip muscle): multiples of nominal maximal force (0.25-3, 1 = nominal).
    * ``quad_tightness``, ``hamstring_tightness``, ``hip_flexor_tightness``: fraction of the
      optimal fibre length lost (0-0.3); a tight muscle pulls passively sooner.
    * ``activation``: postural activation of every muscle (fraction of maximum, default 0.02).
    * ``body_mass_kg`` (30-200 kg): scales masses, forces and passive stiffness.
    * ``hip_stiffness_Nm_per_deg`` (per hip) and ``lumbar_stiffness_Nm_per_deg`` (N m/deg).
    * ``ql_neutral_fibre_length``: QL fibre length / optimal length at neutral, the level
      pelvis (default 0.93, MyoTorso's operating length).
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
    ``tilt_deg`` (-45 to 45 deg, the span of the derived muscle paths' tables) broadcasts with
    the inputs. This is the solver's tabulated balance (within 5e-3 N m of the exact sum).

    >>> bool(net_moment_Nm(-30.0) > 0 > net_moment_Nm(30.0))
    True
    """
    inp = _validate(inputs, view, params)
    t = np.radians(check_range("tilt_deg", tilt_deg, _TILT.lo, _TILT.hi, "deg"))
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

    The inputs must be scalars here; the tilt (-45 to 45 deg) may be an array (a curve).
    Exact, muscle by muscle: each group is the sum of :func:`muscle_moments_Nm` over it.

    >>> sorted(group_moments_Nm(0.0))[:3]
    ['abdominals', 'back_extensors', 'gluteus_maximus']
    """
    inp = _validate(inputs, view, params)
    for key, value in inputs.items():  # one balance: single numbers (stand() sweeps)
        rng = INPUT_RANGES[key]
        check_scalar(key, value, rng.lo, rng.hi, rng.unit)
    theta = np.radians(check_range("tilt_deg", tilt_deg, _TILT.lo, _TILT.hi, "deg"))
    out = _exact_terms(inp, theta, theta.shape)
    return {k: np.array(v) for k, v in out.items()}


def hip_moment_capacity_Nm(group: str, params: str | ParameterSet = "gait2392") -> float:
    """Sum of Fmax x |lever| of a muscle group at the reference pose, one side (N m), as in
    target V7; the lever is ``-dL/dth`` of the derived length polynomial.

    >>> h = hip_moment_capacity_Nm("hamstrings")
    >>> q = hip_moment_capacity_Nm("quadriceps")
    >>> round(h, 1), round(q, 1), round(h / q, 1)
    (137.5, 49.7, 2.8)
    """
    check_choice("group", group, GROUPS)
    return _resolve_params(params).group_capacity_Nm(group)
