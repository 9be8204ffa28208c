"""The balance's posture for one set of inputs, as numbers and coordinates for drawing
(:func:`compute_posture`, :class:`Posture`); uses the model and the drawing data, not
matplotlib.

>>> p = compute_posture({}, view="full")
>>> round(p.tilt_deg, 1), p.direction
(3.1, 'anterior')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..core import kinematics
from ..core.balance import VIEW_GROUPS, StandResult, net_moment_Nm, stand
from ..core.parameters import GROUPS, load_parameter_set, pelvis_data
from .base import _disp, _draw

__all__ = ["Posture", "compute_posture", "group_force_N"]

_POINTS = {k: (np.array(v[:2], dtype=float), int(v[2])) for k, v in _draw["points"].items()}
_PATHS: dict[str, list[str]] = {k: list(v) for k, v in _draw["muscle_paths"].items()}
_pd = pelvis_data()
_ASIS = np.array(_pd["clinical"]["asis_point_m"]["value"][:2])
_PSIS = np.array(_pd["clinical"]["psis_point_m"]["value"][:2])
_QL_PTS = {k: np.array(v[:2], dtype=float) for k, v in _pd["ql"]["points_m"].items()}
_QL_BODY = {k: int(v) for k, v in _pd["ql"]["point_body"].items()}
_QL_A, _QL_B = kinematics.QL_FASCICLES[kinematics.QL_HEADLINE][:2]
_G0, _G1, _GN = _disp["tilt_grid_model_deg"]
_TILT_GRID_MODEL = np.linspace(_G0, _G1, int(_GN))
_TILT_GRID_CLIN = kinematics.clinical_tilt_deg(_TILT_GRID_MODEL)
_LW0, _LW1 = _disp["line_width_pt"]
_FULL_SHADE = float(_disp["full_shade_force_fraction"])
_FONT = float(_disp["font_size_pt"])


def _lever_eff(params: str) -> dict[str, tuple[float, float]]:
    """Per group: force-weighted mean |lever| (m) and total Fmax (N), one side."""
    p = load_parameter_set(params)
    out = {}
    for g in GROUPS:
        ms = [m for m in p.muscles if m.group == g]
        fmax = sum(m.Fmax_N for m in ms)
        out[g] = (sum(m.Fmax_N * abs(m.lever_m) for m in ms) / fmax, fmax)
    return out


_LEVERS = {name: _lever_eff(name) for name in ("gait2392", "rajagopal2016")}


def group_force_N(moment_Nm: float, group: str, params: str = "gait2392") -> float:
    """Force carried by a muscle group, both sides (N): |moment| / force-weighted |lever|.

    >>> round(group_force_N(5.4, "hamstrings"))
    102
    """
    lever, _ = _LEVERS[params][group]
    return abs(float(moment_Nm)) / lever


def _pos(tilt_model_deg: float, name: str) -> tuple[float, float]:
    pt, body = _POINTS[name]
    if body < 0:  # femur: fixed
        return float(pt[0]), float(pt[1])
    x, y = kinematics.point_position_m(tilt_model_deg, pt, body)
    return float(x), float(y)


def _pos_raw(tilt_model_deg: float, pt: np.ndarray, body: int) -> tuple[float, float]:
    x, y = kinematics.point_position_m(tilt_model_deg, pt, body)
    return float(x), float(y)


@dataclass
class Posture:
    """Everything the figure and the readouts show for one balance (scalars, SI / deg).

    ``tilt_deg`` is the clinical ASIS-PSIS tilt (anterior positive); ``segments`` maps a
    stick name to its (x, y) arrays in metres; ``muscles`` maps a group to (x, y, force N,
    shade 0-1); ``curve`` is (clinical tilt deg, net moment N m) arrays.
    """

    tilt_deg: float
    model_tilt_deg: float
    direction: str
    ql_length_mm: float
    ql_change_mm: float
    ql_change_pct: float
    ql_fibre_length: float
    ql_capacity: float
    group_moments_Nm: dict[str, float]
    gravity_moment_Nm: float
    passive_moment_Nm: float
    view: str
    params: str
    segments: dict[str, tuple[np.ndarray, np.ndarray]] = field(repr=False)
    muscles: dict[str, tuple[np.ndarray, np.ndarray, float, float]] = field(repr=False)
    curve: tuple[np.ndarray, np.ndarray] = field(repr=False)


def _direction(tilt_deg: float) -> str:
    if tilt_deg > 0.05:
        return "anterior"
    if tilt_deg < -0.05:
        return "posterior"
    return "level"


def compute_posture(
    inputs: Mapping[str, float],
    *,
    view: str = "full",
    params: str = "gait2392",
    result: StandResult | None = None,
) -> Posture:
    """Solve the balance for scalar ``inputs`` (see :func:`backspasm_model.stand`) and
    return what the figure draws. Raises what ``stand`` raises for bad inputs."""
    r = result if result is not None else stand(view=view, params=params, **inputs)
    t = float(r.model_tilt_deg)
    tilt = float(r.tilt_deg)
    seg: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def line(*pts: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
        a = np.array(pts, dtype=float)
        return a[:, 0], a[:, 1]

    hip = (0.0, 0.0)
    asis = _pos_raw(t, _ASIS, 0)
    psis = _pos_raw(t, _PSIS, 0)
    crest = _pos_raw(t, _QL_PTS[_QL_A], _QL_BODY[_QL_A])
    rib = _pos_raw(t, _QL_PTS[_QL_B], _QL_BODY[_QL_B])
    joints = [_pos_raw(t, kinematics.JOINTS_M[k], k + 1) for k in range(len(kinematics.JOINTS_M))]
    seg["femur"] = line(hip, _pos(t, "knee"))
    sacrum = _pos(t, "sacrum_tip")
    seg["pelvis"] = line(
        _pos(t, "pubis"), asis, crest, psis, sacrum, _pos(t, "ischium"), _pos(t, "pubis")
    )
    seg["spine"] = line(sacrum, *joints)
    seg["thorax"] = line(joints[-1], _pos(t, "thorax_top"))
    seg["asis_psis"] = line(asis, psis)
    seg["landmarks"] = line(asis, psis)
    seg["ql"] = line(crest, rib)
    seg["rib"] = line(rib)

    gm = {g: float(v) for g, v in r.group_moments_Nm.items()}
    levers = _LEVERS[params]
    strength_key = {
        "quadriceps": "quad_strength",
        "hamstrings": "hamstring_strength",
        "hip_flexors": "hip_flexor_strength",
        "gluteus_maximus": "glute_strength",
        "back_extensors": "back_extensor_strength",
        "abdominals": "abdominal_strength",
        "other_hip_flexors": "other_hip_strength",
        "other_hip_extensors": "other_hip_strength",
    }
    muscles = {}
    for g in GROUPS:
        path = _PATHS.get(g, [])  # the other hip muscles are not drawn
        xs, ys = line(*(_pos(t, n) for n in path)) if path else (np.zeros(0), np.zeros(0))
        f = group_force_N(gm[g], g, params)
        fmax = 2.0 * levers[g][1] * float(inputs.get(strength_key[g], 1.0))
        shade = min(1.0, f / (fmax * _FULL_SHADE)) if g in VIEW_GROUPS[view] else 0.0
        muscles[g] = (xs, ys, f, shade)

    curve_y = net_moment_Nm(_TILT_GRID_MODEL, view=view, params=params, **inputs)
    return Posture(
        tilt_deg=tilt,
        model_tilt_deg=t,
        direction=_direction(tilt),
        ql_length_mm=float(r.ql_length_m) * 1000.0,
        ql_change_mm=float(r.ql_length_change_mm),
        ql_change_pct=float(r.ql_length_change_pct),
        ql_fibre_length=float(r.ql_normalised_fibre_length),
        ql_capacity=float(r.ql_force_capacity),
        group_moments_Nm=gm,
        gravity_moment_Nm=float(r.gravity_moment_Nm),
        passive_moment_Nm=float(r.passive_moment_Nm),
        view=view,
        params=params,
        segments=seg,
        muscles=muscles,
        curve=(_TILT_GRID_CLIN, np.asarray(curve_y, dtype=float)),
    )
