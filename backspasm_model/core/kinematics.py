"""Sagittal kinematics of the pelvis and lumbar spine with the thorax held upright.

Posture assumptions (docs/model.md): quiet standing, femur fixed, so a pelvic rotation of
``d`` degrees is a hip flexion of ``d`` degrees; thorax upright, so the same rotation is a
lumbar extension of ``d`` degrees, shared over L5-S1 ... L1-L2 with the MyoTorso coupling
ratios. Coordinates: metres, relative to the right hip centre, x anterior, y superior, z right.
Tilt inside the model: the pelvis rotation in radians or degrees, **anterior positive**.

Bodies: 0 pelvis, 1 L5, 2 L4, 3 L3, 4 L2, 5 L1 with the thorax.

Accepted tilts. The posture functions (:func:`clinical_tilt_deg`, :func:`ql_length_m`,
:func:`ql_fascicle_length_m`, the lumbar and thorax angles) take a model pelvis rotation in
:data:`TILT_RANGE_DEG`, -45 to 45 deg: it holds the balance's -35 to 35 deg window and every
standing posture. With MyoTorso's joint centres every QL fascicle but one shortens
monotonically with anterior tilt over the whole range; the slowest, :data:`QL_SLOWEST`
(0.017 mm/deg at the reference pose), turns at about -15.2 deg and lengthens again below it.
So :func:`ql_fascicle_length_m` accepts, for each fascicle, only the part of the range where
that fascicle shortens monotonically (:data:`QL_FASCICLE_RANGES_DEG`, found from the
geometry at import and rounded inward to 0.5 deg: -15 to 45 deg for :data:`QL_SLOWEST`,
-45 to 45 deg for the others and for the headline line of :func:`ql_length_m`); a test
checks monotonicity over each accepted range. The geometry function :func:`point_position_m`
takes the wider :data:`ROTATION_RANGE_DEG`, -90 to 90 deg. NaN (no posture, e.g. from
``stand(on_unstable="nan")``) passes through as NaN; None,
text, booleans, complex numbers, infinity and tilts outside the range raise ``TypeError`` /
``ValueError`` naming the parameter, the value, the range and the unit.

>>> import numpy as np
>>> round(float(lumbar_extension_deg(10.0)), 6)   # thorax upright: lumbar = tilt
10.0
>>> round(float(ql_length_m(0.0)), 4)              # iliac crest to 12th rib at the reference pose
0.1652
>>> bool(ql_length_m(10.0) < ql_length_m(0.0))     # anterior tilt shortens the QL
True
>>> ql_length_m(60.0)
Traceback (most recent call last):
...
ValueError: tilt_deg = 60.0 deg is outside the allowed range -45 to 45 deg
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .checks import InputRange, check_choice, check_range, check_whole, show_value
from .parameters import pelvis_data

__all__ = [
    "TILT_RANGE_DEG",
    "ROTATION_RANGE_DEG",
    "COUPLING_SHARES",
    "JOINTS_M",
    "ASIS_PSIS_OFFSET_DEG",
    "QL_FASCICLES",
    "QL_HEADLINE",
    "QL_SLOWEST",
    "QL_FASCICLE_RANGES_DEG",
    "clinical_tilt_deg",
    "model_tilt_deg",
    "lumbar_joint_extension_deg",
    "lumbar_extension_deg",
    "point_position_m",
    "thorax_angle_deg",
    "ql_fascicle_length_m",
    "ql_length_m",
]

#: Model pelvis rotation accepted by the posture functions (deg, anterior positive).
TILT_RANGE_DEG = InputRange(-45.0, 45.0, "deg")
#: Pelvis rotation accepted by the pure geometry functions (deg), as ``net_moment_Nm``.
ROTATION_RANGE_DEG = InputRange(-90.0, 90.0, "deg")


def _tilt(value: object, name: str = "tilt_deg", rng: InputRange = TILT_RANGE_DEG) -> np.ndarray:
    """A checked tilt array (NaN = no posture passes through)."""
    return check_range(name, value, rng.lo, rng.hi, rng.unit, allow_nan=True)


_d = pelvis_data()
_ratios = np.array(_d["lumbar"]["coupling_ratios"]["value"], dtype=float)
#: Share of the lumbar extension taken by each joint, L5-S1 first (sums to 1).
COUPLING_SHARES: np.ndarray = _ratios / _ratios.sum()
#: Lumbar joint centres at the reference pose (L5-S1 ... L1-L2), shape (5, 2), metres (MyoTorso).
JOINTS_M: np.ndarray = np.array(_d["lumbar"]["joint_positions_m"]["value"], dtype=float)
# Rotation factor of each body relative to the pelvis rotation (body 0 = pelvis = 1).
_BODY_FACTOR = np.concatenate(([1.0], 1.0 - np.cumsum(COUPLING_SHARES)))
_BODY_FACTOR[-1] = 0.0  # thorax exactly upright (avoid round-off)
# Link vectors: hip -> J1, J1 -> J2, ..., J4 -> J5
_LINKS = np.diff(np.vstack(([0.0, 0.0], JOINTS_M)), axis=0)

_asis = np.array(_d["clinical"]["asis_point_m"]["value"][:2])
_psis = np.array(_d["clinical"]["psis_point_m"]["value"][:2])
#: Angle of the ASIS-PSIS line below the horizontal in the reference pose (model rotation 0) (deg).
ASIS_PSIS_OFFSET_DEG: float = float(
    np.degrees(np.arctan2(_psis[1] - _asis[1], _asis[0] - _psis[0]))
)

_ql = _d["ql"]
_QL_POINTS = {k: np.array(v, dtype=float) for k, v in _ql["points_m"].items()}
_QL_BODY = {k: int(v) for k, v in _ql["point_body"].items()}
#: QL fascicles: name -> (origin point, insertion point, Fmax N, path length m at the
#: reference pose).
QL_FASCICLES: dict[str, tuple[str, str, float, float]] = {
    k: (str(v[0]), str(v[1]), float(v[2]), float(v[3])) for k, v in _ql["fascicles"].items()
}
#: The fascicle that turns inside the accepted range (at about -15.2 deg; module docstring).
QL_SLOWEST: str = "QL_ant_I.3-T12"
#: The fascicle reported as "the QL" (iliac crest to 12th rib).
QL_HEADLINE: str = str(_ql["meta"]["headline_fascicle"])


def clinical_tilt_deg(model_tilt_deg: ArrayLike) -> np.ndarray:
    """Clinical ASIS-PSIS tilt (deg, anterior positive) from the model pelvis rotation (deg).

    ``model_tilt_deg``: number or array in :data:`TILT_RANGE_DEG` (-45 to 45 deg; NaN passes
    through); the result has its shape.

    >>> round(float(clinical_tilt_deg(0.0)), 1)
    5.9
    >>> clinical_tilt_deg(True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: model_tilt_deg = True is not a number (a bool); allowed: ... -45 to 45 deg
    """
    return _tilt(model_tilt_deg, "model_tilt_deg") + ASIS_PSIS_OFFSET_DEG


def model_tilt_deg(clinical_tilt: ArrayLike) -> np.ndarray:
    """Inverse of :func:`clinical_tilt_deg` (deg): ``clinical_tilt`` in -45 to 45 deg plus the
    5.9 deg ASIS-PSIS offset (-39.1 to 50.9 deg).

    >>> round(float(model_tilt_deg(clinical_tilt_deg(10.0))), 6)
    10.0
    """
    rng = InputRange(
        TILT_RANGE_DEG.lo + ASIS_PSIS_OFFSET_DEG, TILT_RANGE_DEG.hi + ASIS_PSIS_OFFSET_DEG, "deg"
    )
    return _tilt(clinical_tilt, "clinical_tilt", rng) - ASIS_PSIS_OFFSET_DEG


def lumbar_joint_extension_deg(tilt_deg: ArrayLike) -> np.ndarray:
    """Extension of each lumbar joint (deg), shape ``(..., 5)``, L5-S1 first, for a pelvic
    rotation ``tilt_deg`` in -45 to 45 deg."""
    t = _tilt(tilt_deg)
    return t[..., None] * COUPLING_SHARES


def lumbar_extension_deg(tilt_deg: ArrayLike) -> np.ndarray:
    """Total lumbar (thorax-on-pelvis) extension (deg) for a pelvic rotation (deg, -45 to 45).

    >>> round(float(lumbar_extension_deg(10.0)), 6)
    10.0
    """
    return lumbar_joint_extension_deg(tilt_deg).sum(axis=-1)


def _rotate(x: np.ndarray, y: np.ndarray, a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    c, s = np.cos(a), np.sin(a)
    return x * c + y * s, -x * s + y * c


def _joint_positions(theta_rad: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Joint centres J1..J5 after a pelvic rotation ``theta_rad`` (anterior positive)."""
    out = []
    px = np.zeros_like(theta_rad)
    py = np.zeros_like(theta_rad)
    for k, (vx, vy) in enumerate(_LINKS):
        dx, dy = _rotate(vx, vy, theta_rad * _BODY_FACTOR[k])
        px = px + dx
        py = py + dy
        out.append((px, py))
    return out


def point_position_m(
    tilt_deg: ArrayLike, point_m: ArrayLike, body: int
) -> tuple[np.ndarray, np.ndarray]:
    """Sagittal position (x, y) in metres of a point fixed to ``body`` after a pelvic rotation.

    ``tilt_deg`` in -90 to 90 deg; ``point_m`` is the point at the reference pose (x, y[, z])
    in metres (-2 to 2 m); ``body`` is 0 (pelvis) ... 5 (L1/thorax).

    >>> [round(float(v), 3) for v in point_position_m(0.0, [0.1, 0.2], 0)]
    [0.1, 0.2]
    """
    theta = np.radians(_tilt(tilt_deg, rng=ROTATION_RANGE_DEG))
    p = check_range("point_m", point_m, -2.0, 2.0, "m")
    if p.ndim != 1 or p.size not in (2, 3):
        raise ValueError(
            f"point_m = {show_value(point_m)} has shape {p.shape}; allowed: one "
            "point (x, y) or (x, y, z) in m from -2 to 2 m"
        )
    body = check_whole("body", body, 0, 5, "(body index: 0 pelvis ... 5 L1/thorax)")
    if body == 0:
        return _rotate(p[0], p[1], theta)
    jx, jy = _joint_positions(theta)[body - 1]
    j0 = JOINTS_M[body - 1]
    dx, dy = _rotate(p[0] - j0[0], p[1] - j0[1], theta * _BODY_FACTOR[body])
    return jx + dx, jy + dy


def thorax_angle_deg(tilt_deg: ArrayLike) -> np.ndarray:
    """Absolute forward lean of the thorax (deg) for a pelvic rotation in -45 to 45 deg; zero
    by the upright-thorax assumption."""
    return _tilt(tilt_deg) * _BODY_FACTOR[-1]


def _fascicle_length(t: np.ndarray, fascicle: str) -> np.ndarray:
    a, b, _, _ = QL_FASCICLES[fascicle]
    ax, ay = point_position_m(t, _QL_POINTS[a], _QL_BODY[a])
    bx, by = point_position_m(t, _QL_POINTS[b], _QL_BODY[b])
    dz = _QL_POINTS[a][2] - _QL_POINTS[b][2]
    return np.sqrt((ax - bx) ** 2 + (ay - by) ** 2 + dz * dz)


def _monotone_range(fascicle: str) -> InputRange:
    """The part of :data:`TILT_RANGE_DEG` around 0 where ``fascicle`` shortens strictly with
    anterior tilt, rounded inward to 0.5 deg."""
    t = np.linspace(TILT_RANGE_DEG.lo, TILT_RANGE_DEG.hi, 1801)  # 0.05 deg steps
    rises = np.diff(_fascicle_length(t, fascicle)) >= 0.0
    zero = int(np.searchsorted(t, 0.0))
    below = np.flatnonzero(rises[:zero])
    above = np.flatnonzero(rises[zero:]) + zero
    lo = TILT_RANGE_DEG.lo if below.size == 0 else math.ceil(2.0 * t[below.max() + 1]) / 2.0
    hi = TILT_RANGE_DEG.hi if above.size == 0 else math.floor(2.0 * t[above.min()]) / 2.0
    return InputRange(lo, hi, "deg")


#: Accepted model tilt (deg) of each QL fascicle: where it shortens monotonically with anterior
#: tilt, inside :data:`TILT_RANGE_DEG` (module docstring).
QL_FASCICLE_RANGES_DEG: dict[str, InputRange] = {f: _monotone_range(f) for f in QL_FASCICLES}


def ql_fascicle_length_m(tilt_deg: ArrayLike, fascicle: str) -> np.ndarray:
    """Straight-line length (m) of one QL fascicle (see :data:`QL_FASCICLES`) at a model
    pelvis rotation ``tilt_deg`` (deg; NaN passes through). The accepted tilts are the
    fascicle's :data:`QL_FASCICLE_RANGES_DEG` (-45 to 45 deg, -15 to 45 deg for
    :data:`QL_SLOWEST`), where it shortens monotonically with anterior tilt. The result has
    the shape of ``tilt_deg``.

    >>> round(float(ql_fascicle_length_m(0.0, QL_HEADLINE)), 4)
    0.1652
    >>> ql_fascicle_length_m(-30.0, QL_SLOWEST)
    Traceback (most recent call last):
    ...
    ValueError: tilt_deg = -30.0 deg is outside the allowed range -15 to 45 deg
    """
    fascicle = check_choice("fascicle", fascicle, tuple(QL_FASCICLES))
    return _fascicle_length(_tilt(tilt_deg, rng=QL_FASCICLE_RANGES_DEG[fascicle]), fascicle)


def ql_length_m(tilt_deg: ArrayLike) -> np.ndarray:
    """Length (m) of the headline QL line, iliac crest (I.3) to the medial 12th rib, at a model
    pelvis rotation ``tilt_deg`` (deg, -45 to 45; NaN passes through)."""
    return ql_fascicle_length_m(tilt_deg, QL_HEADLINE)
