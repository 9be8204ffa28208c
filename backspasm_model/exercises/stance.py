"""Single-leg stance in the frontal plane: a Pauwels-type balance of the pelvis over one hip.

Standing on one leg, the weight of everything above the stance hip (head, arms, trunk and the
swing leg: ``S5 = 0.814`` body weights) acts ``a = 10.99 cm`` medial of the stance hip; the
hip abductors (gluteus medius, minimus, TFL) hold it with a lever of ``BO = 4.0 cm`` and a
line of action 21 deg from the vertical (Pauwels 1965 as coded in HipJointForceModel):

* abductor force ``M = S5 a / BO`` (about 2.2 body weights);
* hip joint force ``R = |(S5 + M cos 21 deg, M sin 21 deg)|`` (about 3 body weights).

Weak abductors: the abductor capacity (maximal isometric abduction moment at hip neutral,
``data/exercises.toml``, times ``abductor_strength`` and body mass / 75.165 kg) may fall short
of the demand. The pelvis then drops on the swing side (Trendelenburg) until passive tissue
carries the shortfall, ``drop = shortfall / frontal_stiffness`` (the stiffness is an
**assumption** with a range; the change of the levers with a few degrees of drop is
neglected). The compensation is a sideways lean of the trunk over the stance hip (a
"compensated Trendelenburg"): it moves the trunk's weight toward the hip and cuts the demand,
but the swing-side lateral flexors (the QL among them) must then hold the leaning trunk
about the lumbosacral joint.

>>> r = single_leg_stance()
>>> round(float(r.abductor_force_BW), 2), round(float(r.hip_force_BW), 2)   # target V5
(2.24, 3.01)
>>> float(r.pelvic_drop_deg)
0.0
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..core.checks import InputRange, check_choice, check_range
from ..core.parameters import read_data_file
from .abduction import CAPACITY_SETS, abductor_capacity_Nm

__all__ = ["STANCE_INPUT_RANGES", "StanceResult", "single_leg_stance"]

_d = read_data_file("exercises.toml")
_st = _d["stance"]
_G = float(_d["meta"]["g_m_per_s2"]["value"])
_REF_MASS = float(_d["meta"]["reference_body_mass_kg"]["value"])
_S5 = float(_st["partial_body_weight_S5"]["value"])
_TORSO = float(_st["torso_mass_fraction"]["value"])
_H = float(_st["hat_com_above_lumbosacral_m"]["value"])
_QL_CAP = float(_st["ql_fmax_N"]["value"]) * float(_st["ql_lateral_lever_m"]["value"])
_MAX_DROP = float(_st["max_drop_deg"]["value"])


def _rng(key: str, unit: str) -> InputRange:
    lo, hi = _st[key]["range"]
    return InputRange(lo, hi, unit)


#: Allowed range and unit of every numeric input of :func:`single_leg_stance`.
STANCE_INPUT_RANGES: dict[str, InputRange] = {
    "body_mass_kg": InputRange(30.0, 200.0, "kg"),
    "abductor_strength": InputRange(0.1, 3.0, "x nominal"),
    "trunk_lean_deg": InputRange(0.0, 30.0, "deg"),
    "body_weight_lever_m": _rng("body_weight_lever_m", "m"),
    "abductor_lever_m": _rng("abductor_lever_m", "m"),
    "abductor_angle_deg": _rng("abductor_angle_deg", "deg"),
    "frontal_stiffness_Nm_per_deg": _rng("frontal_stiffness_Nm_per_deg", "N m/deg"),
}

#: Default value of every numeric input of :func:`single_leg_stance`.
STANCE_DEFAULTS: dict[str, float] = {
    "body_mass_kg": 75.0,
    "abductor_strength": 1.0,
    "trunk_lean_deg": 0.0,
    "body_weight_lever_m": float(_st["body_weight_lever_m"]["value"]),
    "abductor_lever_m": float(_st["abductor_lever_m"]["value"]),
    "abductor_angle_deg": float(_st["abductor_angle_deg"]["value"]),
    "frontal_stiffness_Nm_per_deg": float(_st["frontal_stiffness_Nm_per_deg"]["value"]),
}


@dataclass(frozen=True)
class StanceResult:
    """Single-leg stance; arrays broadcast over the inputs.

    Moments in N m about the stance hip, forces in N and in body weights (``_BW``), angles in
    degrees. ``demand_Nm`` is the moment of the weight above the stance hip (after any trunk
    lean); ``capacity_Nm`` the abductors' maximal moment; ``effort_fraction`` = demand /
    capacity. ``abductor_force_*`` is the active muscle force (at most its capacity);
    ``passive_force_N`` what passive tissue carries once the muscle is maxed out.
    ``hip_force_*`` is the joint contact force. ``pelvic_drop_deg`` is the swing-side drop
    (0 while the abductors cope); ``can_stand`` is False where the drop exceeds 20 deg.
    ``lean_to_level_deg``: trunk lean toward the stance side that brings the demand down to
    the capacity (0 if none is needed, NaN if no lean up to 90 deg suffices).
    ``lateral_moment_Nm``: moment the swing-side lateral flexors must hold about L5-S1 for
    the given lean; ``ql_effort_if_alone`` = that moment / the QL's maximal lateral-bending
    moment (about 14 N m), an upper bound of the QL's share.
    """

    body_weight_N: np.ndarray
    trunk_lean_deg: np.ndarray
    demand_Nm: np.ndarray
    capacity_Nm: np.ndarray
    effort_fraction: np.ndarray
    abductor_force_N: np.ndarray
    abductor_force_BW: np.ndarray
    passive_force_N: np.ndarray
    hip_force_N: np.ndarray
    hip_force_BW: np.ndarray
    pelvic_drop_deg: np.ndarray
    can_stand: np.ndarray
    lean_to_level_deg: np.ndarray
    lateral_moment_Nm: np.ndarray
    ql_effort_if_alone: np.ndarray
    ql_effort_to_level: np.ndarray


def single_leg_stance(
    *,
    params: str = "gait2392",
    **inputs: ArrayLike,
) -> StanceResult:
    """Frontal-plane balance of the pelvis over the stance hip.

    Keyword inputs (broadcast as numpy arrays; defaults in :data:`STANCE_DEFAULTS`, ranges
    and units in :data:`STANCE_INPUT_RANGES`):

    * ``body_mass_kg`` (30-200 kg);
    * ``abductor_strength`` (0.1-3 x nominal) scales the abductor capacity;
    * ``trunk_lean_deg`` (0-30 deg) lean of the trunk over the stance hip;
    * ``body_weight_lever_m`` (Pauwels a, 0.08-0.14 m), ``abductor_lever_m`` (BO,
      0.03-0.06 m), ``abductor_angle_deg`` (10-35 deg from the vertical);
    * ``frontal_stiffness_Nm_per_deg`` (2-15 N m/deg, assumption): passive restraint of the
      dropping pelvis;
    * ``params``: abductor capacity curve, ``"gait2392"`` or ``"rajagopal2016"``.

    >>> r = single_leg_stance(abductor_strength=[1.0, 0.3])
    >>> [round(float(x), 1) for x in r.pelvic_drop_deg]     # weak abductors: the pelvis drops
    [0.0, 6.9]
    >>> [round(float(x), 1) for x in r.lean_to_level_deg]
    [0.0, 14.4]
    >>> single_leg_stance(abductor_lever_m=0.4)
    Traceback (most recent call last):
    ...
    ValueError: abductor_lever_m = 0.4 m is outside the allowed range 0.03 to 0.06 m
    """
    unknown = set(inputs) - set(STANCE_INPUT_RANGES)
    if unknown:
        raise TypeError(
            f"unknown input(s) {', '.join(sorted(unknown))}; allowed: "
            f"{', '.join(STANCE_INPUT_RANGES)}, params"
        )
    pset = check_choice("params", params, CAPACITY_SETS)
    v = {}
    for key, rng in STANCE_INPUT_RANGES.items():
        v[key] = check_range(key, inputs.get(key, STANCE_DEFAULTS[key]), rng.lo, rng.hi, rng.unit)
    try:
        shape = np.broadcast_shapes(*(x.shape for x in v.values()))
    except ValueError as exc:
        raise ValueError(
            f"inputs do not broadcast together: { {k: x.shape for k, x in v.items() if x.ndim} }"
        ) from exc
    m = v["body_mass_kg"]
    W = m * _G
    lean = np.radians(v["trunk_lean_deg"])
    a, bo = v["body_weight_lever_m"], v["abductor_lever_m"]
    alpha = np.radians(v["abductor_angle_deg"])
    demand0 = _S5 * W * a
    shift = _TORSO * W * _H  # N m per unit sin(lean)
    demand = demand0 - shift * np.sin(lean)
    cap = abductor_capacity_Nm(
        0.0, params=pset, abductor_strength=v["abductor_strength"], body_mass_kg=m
    )
    active = np.minimum(demand, cap)
    shortfall = np.maximum(demand - cap, 0.0)
    drop = shortfall / v["frontal_stiffness_Nm_per_deg"]
    f_total = demand / bo  # muscle + passive restraint
    hip = np.hypot(_S5 * W + f_total * np.cos(alpha), f_total * np.sin(alpha))
    with np.errstate(invalid="ignore"):
        s_needed = np.maximum(demand0 - cap, 0.0) / shift
        lean_level = np.where(
            s_needed <= 1.0, np.degrees(np.arcsin(np.minimum(s_needed, 1.0))), np.nan
        )
    ql_cap = _QL_CAP * m / _REF_MASS
    lateral = shift * np.sin(lean)

    def b(x: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.asarray(x, dtype=float), shape).copy()

    return StanceResult(
        body_weight_N=b(W),
        trunk_lean_deg=b(v["trunk_lean_deg"]),
        demand_Nm=b(demand),
        capacity_Nm=b(cap),
        effort_fraction=b(demand / cap),
        abductor_force_N=b(active / bo),
        abductor_force_BW=b(active / bo / W),
        passive_force_N=b(shortfall / bo),
        hip_force_N=b(hip),
        hip_force_BW=b(hip / W),
        pelvic_drop_deg=b(drop),
        can_stand=np.broadcast_to(drop <= _MAX_DROP, shape).copy(),
        lean_to_level_deg=b(lean_level),
        lateral_moment_Nm=b(lateral),
        ql_effort_if_alone=b(lateral / ql_cap),
        ql_effort_to_level=b(shift * np.sin(np.radians(lean_level)) / ql_cap),
    )
