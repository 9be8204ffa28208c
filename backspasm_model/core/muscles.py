"""Each muscle's force and generalised force along the one coupled motion, exactly.

The model has one degree of freedom, the pelvis rotation ``th`` (rad, anterior positive):
femurs fixed (hip flexion = ``th``), thorax upright (lumbar extension = ``th``, shared over
L5-S1 ... L1-L2). A muscle enters the balance as its virtual work along that motion,
``F x (-dL/dth)`` for each side, ``L(th)`` its musculotendon length from
``data/source_models.toml`` (a polynomial, so length change and lever never disagree).

Fibre length. OpenSim muscles (gait2392, Rajagopal2016): the source model's own equilibrium
fibre length at the reference pose (``th = 0``) plus the path change ``L(th) - L(0)``, tendon
held at its reference length, constant-thickness pennation (``h = Lopt sin(pennation)``);
tightness ``t`` shortens the optimal length to ``Lopt (1 - t)``. MyoTorso muscles (rectus
abdominis, QL; MuJoCo, rigid tendon): the whole line is taken as fibre, at ``l0`` times its
optimal length at neutral (the level pelvis): ``l = l0 L(th) / L(neutral)``; ``l0`` is the
input ``ql_neutral_fibre_length`` for the QL and 1 for rectus abdominis.

Force: ``Fmax x strength x (activation x f_active(l) + f_passive(l)) x cos(pennation)`` with
each muscle's own curves (:mod:`~backspasm_model.core.hill`), scaled by body mass / model
mass. This module evaluates every muscle exactly; the solver interpolates group tables built
from it (:mod:`~backspasm_model.core.tables`).

>>> m = muscle_moments_Nm(0.0)
>>> round(float(m["rect_fem"]), 2), round(float(m["bifemlh"]), 2)
(1.91, -1.94)
>>> sorted(muscle_moments_Nm([-10.0, 0.0, 10.0], params="rajagopal2016"))[:2]
['QL_ant_I.2-12.1', 'QL_ant_I.2-T12']
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from . import hill, kinematics
from .checks import check_range
from .parameters import Muscle, ParameterSet

__all__ = [
    "GROUP_PARAMETER",
    "NEUTRAL_RAD",
    "muscle_moments_Nm",
    "unit_moments",
    "length_and_lever",
]

_SIDES = 2.0
#: The level pelvis (clinical ASIS-PSIS tilt 0) as a model rotation (rad).
NEUTRAL_RAD: float = -math.radians(kinematics.ASIS_PSIS_OFFSET_DEG)
#: The input that moves each group's fibre lengths (besides the tilt), if any.
GROUP_PARAMETER: dict[str, str] = {
    "quadriceps": "quad_tightness",
    "hamstrings": "hamstring_tightness",
    "hip_flexors": "hip_flexor_tightness",
    "back_extensors": "ql_neutral_fibre_length",
}


def _poly(c: tuple[float, ...], th: np.ndarray, deriv: int = 0) -> np.ndarray:
    a = np.asarray(c, dtype=float)
    for _ in range(deriv):
        a = a[1:] * np.arange(1, a.size)
    return np.polyval(a[::-1], th)


def length_and_lever(m: Muscle, th: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Musculotendon length ``L(th)`` (m) and lever ``-dL/dth`` (m) of one muscle at model
    rotations ``th`` (rad), both from the same polynomial."""
    t = np.asarray(th, dtype=float)
    return _poly(m.length_poly, t), -_poly(m.length_poly, t, 1)


def _responds(m: Muscle) -> bool:
    """Does the group's parameter move this muscle (QL only among the back extensors)?"""
    if m.group == "back_extensors":
        return m.subgroup == "quadratus_lumborum"
    return m.group in GROUP_PARAMETER


def unit_moments(
    m: Muscle, pset: ParameterSet, th: np.ndarray, p: ArrayLike | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Active (per unit activation) and passive moment (N m, both sides, strength 1, the
    source model's body mass) of muscle ``m`` at rotations ``th`` (rad). ``p`` is its group's
    parameter (:data:`GROUP_PARAMETER`: tightness, or the QL's normalised fibre length at
    neutral); it broadcasts against ``th``."""
    th = np.asarray(th, dtype=float)
    length, lever = length_and_lever(m, th)
    fa, fp = hill.curves(m.curve, pset.curve_tables)
    if m.source == "myotorso":
        l0 = 1.0 if (p is None or not _responds(m)) else np.asarray(p, dtype=float)
        ln = l0 * (length / float(_poly(m.length_poly, np.asarray(NEUTRAL_RAD))))
        cos = np.ones_like(ln)
    else:
        h = m.Lopt_m * math.sin(m.penn_rad)  # constant-thickness pennation
        x0 = math.sqrt((m.fibre_ref_norm * m.Lopt_m) ** 2 - h * h)
        x = x0 + length - _poly(m.length_poly, np.asarray(0.0))
        lf = np.sqrt(x * x + h * h)
        cos = x / lf
        tight = 0.0 if (p is None or not _responds(m)) else np.asarray(p, dtype=float)
        ln = lf / (m.Lopt_m * (1.0 - tight))
    g = _SIDES * m.Fmax_N * cos * lever
    return g * fa(ln), g * fp(ln)


def exact_moments(
    pset: ParameterSet, th: np.ndarray, values: dict[str, Any], strength: dict[str, str]
) -> dict[str, np.ndarray]:
    """Moment of every muscle (N m, both sides) at ``th`` (rad) for validated input
    ``values`` (arrays broadcasting with ``th``); ``strength`` maps group -> strength input."""
    scale = values["body_mass_kg"] / pset.model_body_mass_kg
    out = {}
    for m in pset.muscles:
        key = GROUP_PARAMETER.get(m.group)
        act, pas = unit_moments(m, pset, th, values[key] if key else None)
        out[m.name] = scale * values[strength[m.group]] * (values["activation"] * act + pas)
    return out


def muscle_moments_Nm(
    rotation_deg: ArrayLike,
    *,
    params: str | ParameterSet = "gait2392",
    **inputs: ArrayLike,
) -> dict[str, np.ndarray]:
    """Sagittal moment of each muscle on the pelvis (N m, both sides, anterior positive),
    keyed by its source model's name without the side suffix (``rect_fem``, ``glmax1``,
    ``QL_ant_I.3-12.1``), at model rotations ``rotation_deg`` (deg, -45 to 45; the reference
    pose is 0, the level pelvis -5.9).

    ``inputs`` are those of :func:`~backspasm_model.core.balance.stand` (``activation``,
    strengths, tightness, ``body_mass_kg``, ...; defaults nominal); everything broadcasts with
    ``rotation_deg``. Each value is ``F x (-dL/dth)`` per side, doubled, the force from the
    source model's own fibre length and curves (module docstring). Raises ``ValueError`` /
    ``TypeError`` naming a bad input.

    >>> m = muscle_moments_Nm([-10.0, 15.0], activation=0.02)
    >>> [round(float(v), 2) for v in m["iliacus"]]
    [3.7, 1.79]
    >>> round(float(muscle_moments_Nm(0.0, params="rajagopal2016")["recfem"]), 2)
    2.68
    """
    from .inputs import _GROUP_STRENGTH, _validate  # inputs imports this module's users

    inp = _validate(inputs, "full", params)
    t = np.radians(
        check_range(
            "rotation_deg",
            rotation_deg,
            kinematics.TILT_RANGE_DEG.lo,
            kinematics.TILT_RANGE_DEG.hi,
            "deg",
        )
    )
    shape = tuple(np.broadcast_shapes(t.shape, inp.shape))
    values = {k: np.broadcast_to(v, shape) for k, v in inp.values.items()}
    moments = exact_moments(inp.params, np.broadcast_to(t, shape), values, _GROUP_STRENGTH)
    return {k: np.asarray(v).reshape(shape) for k, v in moments.items()}
