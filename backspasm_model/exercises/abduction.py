"""Side-lying hip abduction: the leg's gravity torque, the abductors' capacity and the dose.

The learner lies on one side, trunk horizontal, bottom knee bent, top leg straight and in line
with the trunk, and lifts the top leg. The **abduction angle** is the angle of the straight
top leg above the surface-parallel line, in degrees: 0 = leg parallel to the surface (hip
neutral), positive = lifted higher, negative = resting lower (on the other leg, about -12 deg).

* Demand: the gravity torque of the straight leg about the hip, ``m g d cos(angle)``, from
  segment tables (de Leva 1996 male by default; de Leva female, Dempster/Winter or the OpenSim
  gait2392 leg as alternatives) and body mass, plus ``m_w g L cos(angle)`` for an ankle weight
  of ``m_w`` kg at the ankle (``L`` = hip-ankle length).
* Capacity: the maximal isometric abduction moment of gluteus medius, minimus and TFL vs angle
  (OpenSim gait2392 or Rajagopal 2016 at full activation; it falls as the fibres shorten,
  active insufficiency), times ``abductor_strength`` and body mass / 75.165 kg.
* Relative effort = demand / capacity; the QL substitution (hip hiking) zone is the 25-45 deg
  band reported for this exercise.

Data: ``data/exercises.toml`` (every number with units and source).

>>> r = side_lying_abduction(0.0, body_mass_kg=75.0, segments="gait2392")
>>> round(float(r.torque_Nm), 1)                  # validation target V4
49.5
>>> round(float(side_lying_abduction(0.0, ankle_weight_kg=1.0).ankle_weight_torque_Nm), 1)
8.1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ..core.checks import InputRange, check_choice, check_range
from ..core.parameters import read_data_file

__all__ = [
    "SEGMENT_TABLES",
    "CAPACITY_SETS",
    "EXERCISE_INPUT_RANGES",
    "AbductionResult",
    "side_lying_abduction",
    "leg_gravity_torque_Nm",
    "abductor_capacity_Nm",
    "resting_angle_deg",
    "exercises_data",
]

_d = read_data_file("exercises.toml")
_G = float(_d["meta"]["g_m_per_s2"]["value"])
_REF_MASS = float(_d["meta"]["reference_body_mass_kg"]["value"])
_LEG = _d["leg"]
_L0 = float(_LEG["hip_to_ankle_m"]["value"])
_THIGH_SHARE = float(_LEG["thigh_share"]["value"])
_HIP_SEP = float(_LEG["hip_centre_separation_m"]["value"])
_W_POS = float(_LEG["ankle_weight_position"]["value"])
_CAP = _d["abductor_capacity"]
_CAP_ANGLES = np.array(_CAP["angles_deg"]["value"], dtype=float)
_SUB_LO, _SUB_HI = (float(v) for v in _d["side_lying"]["ql_substitution_onset_deg"]["value"])

#: Segment tables accepted by ``segments=``.
SEGMENT_TABLES: tuple[str, ...] = ("de_leva_male", "de_leva_female", "dempster_winter", "gait2392")
#: Abductor capacity curves accepted by ``params=``.
CAPACITY_SETS: tuple[str, ...] = ("gait2392", "rajagopal2016")

#: Allowed range and unit of every numeric input of the exercise functions.
EXERCISE_INPUT_RANGES: dict[str, InputRange] = {
    "angle_deg": InputRange(-20.0, 50.0, "deg"),
    "body_mass_kg": InputRange(30.0, 200.0, "kg"),
    "ankle_weight_kg": InputRange(0.0, 10.0, "kg"),
    "abductor_strength": InputRange(0.1, 3.0, "x nominal"),
    "leg_length_m": InputRange(*_LEG["hip_to_ankle_m"]["range"], "m"),
    "thigh_share": InputRange(*_LEG["thigh_share"]["range"], "fraction of leg length"),
    "top_angle_deg": InputRange(-10.0, 50.0, "deg"),
    "rep_duration_s": InputRange(*_d["dose"]["rep_duration_s"]["range"], "s"),
    "fatigue_per_rep": InputRange(*_d["dose"]["fatigue_per_rep"]["range"], "fraction per rep"),
    "effort_threshold": InputRange(0.0, 2.0, "fraction of capacity"),
    "sets": InputRange(1, 10, "sets"),
    "reps": InputRange(1, 50, "reps"),
}


def exercises_data() -> dict[str, Any]:
    """The exercise parameter table (``data/exercises.toml``)."""
    return _d


def _check(name: str, value: object) -> np.ndarray:
    r = EXERCISE_INPUT_RANGES[name]
    return check_range(name, value, r.lo, r.hi, r.unit)


def _leg_mass_and_com(
    segments: str, body_mass_kg: np.ndarray, leg_length_m: np.ndarray, thigh_share: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Leg mass (kg) and the distance of its centre of mass from the hip (m)."""
    seg = _d["segments"][segments]
    if segments.startswith("de_leva"):
        frac = seg["mass_fraction_percent"]["value"]
        com = seg["com_from_proximal_percent"]["value"]
        thigh = thigh_share * leg_length_m
        shank = leg_length_m - thigh
        m_t, m_s, m_f = (frac[k] / 100.0 for k in ("thigh", "shank", "foot"))
        # the foot's centre of mass sits at the ankle along the leg (its offset points
        # forwards, along the abduction axis, and adds no lever)
        moment = (
            m_t * com["thigh"] / 100.0 * thigh
            + m_s * (thigh + com["shank"] / 100.0 * shank)
            + m_f * leg_length_m
        )
        total = m_t + m_s + m_f
        return total * body_mass_kg, moment / total
    if segments == "dempster_winter":
        return (
            seg["leg_mass_fraction"]["value"] * body_mass_kg,
            seg["leg_com_from_proximal"]["value"] * leg_length_m,
        )
    # gait2392: mass scaled with body mass, COM distance scaled with leg length
    return (
        seg["leg_mass_kg"]["value"] / _REF_MASS * body_mass_kg,
        seg["leg_com_from_hip_m"]["value"] * leg_length_m / _L0,
    )


def resting_angle_deg(leg_length_m: ArrayLike = _L0) -> np.ndarray:
    """Abduction angle of the top leg resting on the bottom one (deg, negative).

    The top hip sits one hip-centre separation (0.167 m, gait2392) above the bottom hip and
    the ankles touch, so the leg slopes down by ``asin(0.167 m / leg length)``.

    >>> round(float(resting_angle_deg()), 1)
    -11.7
    """
    L = _check("leg_length_m", leg_length_m)
    return -np.degrees(np.arcsin(_HIP_SEP / L))


def leg_gravity_torque_Nm(
    angle_deg: ArrayLike,
    *,
    body_mass_kg: ArrayLike = 75.0,
    ankle_weight_kg: ArrayLike = 0.0,
    segments: str = "de_leva_male",
    leg_length_m: ArrayLike = _L0,
    thigh_share: ArrayLike = _THIGH_SHARE,
) -> np.ndarray:
    """Gravity torque of the straight top leg (plus ankle weight) about the hip (N m).

    Positive = pulls the leg down (the abductors must hold it). Inputs broadcast.

    >>> round(float(leg_gravity_torque_Nm(45.0, segments="gait2392")), 1)
    35.0
    """
    a = np.radians(_check("angle_deg", angle_deg))
    m = _check("body_mass_kg", body_mass_kg)
    w = _check("ankle_weight_kg", ankle_weight_kg)
    seg = check_choice("segments", segments, SEGMENT_TABLES)
    L = _check("leg_length_m", leg_length_m)
    ts = _check("thigh_share", thigh_share)
    m_leg, d = _leg_mass_and_com(seg, m, L, ts)
    return _G * (m_leg * d + w * _W_POS * L) * np.cos(a)


def abductor_capacity_Nm(
    angle_deg: ArrayLike,
    *,
    params: str = "gait2392",
    abductor_strength: ArrayLike = 1.0,
    body_mass_kg: ArrayLike = 75.0,
) -> np.ndarray:
    """Maximal isometric hip abduction moment (N m, one side) at an abduction angle (deg).

    Gluteus medius, minimus and TFL at full activation (``data/exercises.toml``,
    ``abductor_capacity``), linear between the tabulated angles 0-50 deg, held at the 0 deg
    value below 0 (assumption); scaled by ``abductor_strength`` and body mass / 75.165 kg.

    >>> round(float(abductor_capacity_Nm(40.0, body_mass_kg=75.165)), 1)
    71.2
    """
    a = _check("angle_deg", angle_deg)
    pset = check_choice("params", params, CAPACITY_SETS)
    s = _check("abductor_strength", abductor_strength)
    m = _check("body_mass_kg", body_mass_kg)
    table = np.array(_CAP[f"{pset}_Nm"]["value"], dtype=float)
    return np.interp(a, _CAP_ANGLES, table) * s * (m / _REF_MASS)


def _substitution(angle_deg: np.ndarray) -> np.ndarray:
    return np.clip((angle_deg - _SUB_LO) / (_SUB_HI - _SUB_LO), 0.0, 1.0)


@dataclass(frozen=True)
class AbductionResult:
    """Side-lying hip abduction at the requested angles (arrays broadcast over the inputs).

    ``torque_Nm`` = ``leg_torque_Nm`` + ``ankle_weight_torque_Nm`` (gravity about the hip);
    ``capacity_Nm`` the maximal abduction moment; ``effort_fraction`` = torque / capacity
    (1 = maximal effort); ``substitution_likelihood`` 0 below 25 deg rising linearly to 1 at
    45 deg (the reported zone of QL substitution, a teaching ramp); ``leg_mass_kg`` and
    ``leg_com_m`` (distance of the leg's centre of mass from the hip);
    ``ankle_weight_Nm_per_kg`` the torque one kilogram at the ankle adds at each angle.
    """

    angle_deg: np.ndarray
    torque_Nm: np.ndarray
    leg_torque_Nm: np.ndarray
    ankle_weight_torque_Nm: np.ndarray
    capacity_Nm: np.ndarray
    effort_fraction: np.ndarray
    substitution_likelihood: np.ndarray
    leg_mass_kg: np.ndarray
    leg_com_m: np.ndarray
    ankle_weight_Nm_per_kg: np.ndarray
    resting_angle_deg: np.ndarray
    segments: str
    params: str

    @property
    def substitution_zone(self) -> np.ndarray:
        """True where the angle lies at or above the 25 deg onset of QL substitution."""
        return self.angle_deg >= _SUB_LO


#: Default sweep of :func:`side_lying_abduction`: -12 to 50 deg in 1 deg steps.
DEFAULT_ANGLES_DEG = np.arange(-12.0, 50.5, 1.0)


def side_lying_abduction(
    angle_deg: ArrayLike | None = None,
    *,
    body_mass_kg: ArrayLike = 75.0,
    ankle_weight_kg: ArrayLike = 0.0,
    abductor_strength: ArrayLike = 1.0,
    segments: str = "de_leva_male",
    params: str = "gait2392",
    leg_length_m: ArrayLike = _L0,
    thigh_share: ArrayLike = _THIGH_SHARE,
) -> AbductionResult:
    """Demand, capacity and relative effort of side-lying hip abduction.

    * ``angle_deg``: abduction angle(s) of the top leg (deg, -20 to 50; 0 = parallel to the
      surface). Default: -12 to 50 deg in 1 deg steps.
    * ``body_mass_kg`` (30-200 kg), ``ankle_weight_kg`` (0-10 kg at the ankle),
      ``abductor_strength`` (0.1-3 x nominal), ``leg_length_m`` hip-ankle (0.6-1.1 m),
      ``thigh_share`` (hip-knee / hip-ankle, 0.45-0.52).
    * ``segments``: ``"de_leva_male"`` (default), ``"de_leva_female"``,
      ``"dempster_winter"`` or ``"gait2392"``; ``params``: capacity curve, ``"gait2392"`` or
      ``"rajagopal2016"``.

    Numeric inputs broadcast together. Bad input raises ``ValueError`` naming the parameter,
    the value, the allowed range and the unit.

    >>> r = side_lying_abduction([0.0, 40.0])
    >>> [round(float(e), 2) for e in r.effort_fraction]   # effort climbs as the leg rises
    [0.34, 0.47]
    >>> side_lying_abduction(70.0)
    Traceback (most recent call last):
    ...
    ValueError: angle_deg = 70.0 deg is outside the allowed range -20 to 50 deg
    """
    a = _check("angle_deg", DEFAULT_ANGLES_DEG if angle_deg is None else angle_deg)
    m = _check("body_mass_kg", body_mass_kg)
    w = _check("ankle_weight_kg", ankle_weight_kg)
    s = _check("abductor_strength", abductor_strength)
    seg = check_choice("segments", segments, SEGMENT_TABLES)
    pset = check_choice("params", params, CAPACITY_SETS)
    L = _check("leg_length_m", leg_length_m)
    ts = _check("thigh_share", thigh_share)
    try:
        np.broadcast_shapes(a.shape, m.shape, w.shape, s.shape, L.shape, ts.shape)
    except ValueError as exc:
        raise ValueError(
            f"inputs do not broadcast together: angle_deg {a.shape}, "
            f"body_mass_kg {m.shape}, ankle_weight_kg {w.shape}, "
            f"abductor_strength {s.shape}, leg_length_m {L.shape}"
        ) from exc
    m_leg, d = _leg_mass_and_com(seg, m, L, ts)
    cos_a = np.cos(np.radians(a))
    per_kg = _G * _W_POS * L * cos_a
    leg_t = _G * m_leg * d * cos_a
    w_t = w * per_kg
    torque = leg_t + w_t
    cap = abductor_capacity_Nm(a, params=pset, abductor_strength=s, body_mass_kg=m)
    shape = np.broadcast_shapes(torque.shape, cap.shape)

    def b(x: np.ndarray) -> np.ndarray:
        return np.broadcast_to(np.asarray(x, dtype=float), shape).copy()

    return AbductionResult(
        angle_deg=b(a),
        torque_Nm=b(torque),
        leg_torque_Nm=b(leg_t),
        ankle_weight_torque_Nm=b(w_t),
        capacity_Nm=b(cap),
        effort_fraction=b(torque / cap),
        substitution_likelihood=b(_substitution(a)),
        leg_mass_kg=np.asarray(m_leg, dtype=float),
        leg_com_m=np.asarray(d, dtype=float),
        ankle_weight_Nm_per_kg=b(per_kg),
        resting_angle_deg=-np.degrees(np.arcsin(_HIP_SEP / L)),
        segments=seg,
        params=pset,
    )
