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

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import ArrayLike

from . import hill, kinematics
from .checks import check_choice, check_range
from .equilibrium import _DEG, _WINDOW_DEG, _Evaluator, _solve
from .inputs import (
    DEFAULTS,
    INPUT_RANGES,
    VIEW_GROUPS,
    VIEWS,
    NoPostureError,
    _Inputs,
    _resolve_params,
    _validate,
)
from .parameters import GROUPS, ParameterSet

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
