"""The prescribed dose of side-lying hip abduction (3 x 10 per side, leg lifted to parallel)
as the abductors' torque-time integral per session, the relative effort of each repetition
and the fatigue over a set. Builds on :mod:`.abduction`; numpy and the standard library only.

>>> d = prescribed_dose()
>>> d["sets"], d["reps"], d["sides"]
(3, 10, 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from .abduction import _G, _HIP_SEP, _L0, _W_POS, _check, _d, side_lying_abduction

__all__ = ["DoseResult", "abduction_dose", "prescribed_dose"]

# ---------------------------------------------------------------------------------------------
# The prescribed dose


def prescribed_dose() -> dict[str, Any]:
    """The prescribed side-lying abduction dose: sets, reps per set, sides, top angle.

    Taken from the prescription as data (``data/prescription.toml``, item
    ``side_lying_hip_abduction``, via :mod:`backspasm_model.exercises.prescription`) when it
    has that item, else from ``data/exercises.toml`` ``[dose]``; ``source`` says which. The top
    angle (0 deg = parallel to the surface) is the seed's rule.

    >>> d = prescribed_dose()
    >>> d["sets"], d["reps"], d["sides"], d["top_angle_deg"]
    (3, 10, 2, 0.0)
    """
    own = _d["dose"]
    dose: dict[str, Any] = {
        "sets": int(own["sets"]["value"]),
        "reps": int(own["reps"]["value"]),
        "sides": int(own["sides"]["value"]),
        "top_angle_deg": float(own["top_angle_deg"]["value"]),
        "source": "data/exercises.toml [dose] (claim C9 of data/claims.toml)",
    }
    try:
        from .prescription import ITEMS
    except (ImportError, OSError, KeyError):  # pragma: no cover - prescription data missing
        return dose
    for item in ITEMS:
        if item.id == "side_lying_hip_abduction":
            dose["sets"] = int(item.dose["sets"])
            dose["reps"] = int(item.dose["reps"])
            dose["sides"] = 2 if item.dose.get("per_side", True) else 1
            dose["source"] = f"data/prescription.toml ({item.dose_source})"
    return dose


@dataclass(frozen=True)
class DoseResult:
    """One session of side-lying hip abduction, per side unless named ``_session``.

    ``rep_peak_effort`` has shape ``(..., sets, reps)``: the peak of demand / capacity over
    each repetition (capacity falls by ``fatigue_per_rep`` per rep within a set).
    ``angular_impulse_per_rep_Nms`` is the time integral of the gravity torque over one rep;
    ``angular_impulse_per_side_Nms`` over all sets of one side, ``angular_impulse_session_Nms``
    over both sides. ``reps_above_effort`` counts the reps (per side) whose peak effort
    exceeds ``effort_threshold``. ``ankle_weight_Nm_per_kg`` is the torque each kilogram at
    the ankle adds at the top of the lift.
    """

    sets: int
    reps: int
    sides: int
    start_angle_deg: np.ndarray
    top_angle_deg: np.ndarray
    rep_duration_s: np.ndarray
    effort_threshold: np.ndarray
    rep_peak_effort: np.ndarray
    angular_impulse_per_rep_Nms: np.ndarray
    angular_impulse_per_side_Nms: np.ndarray
    angular_impulse_session_Nms: np.ndarray
    reps_above_effort: np.ndarray
    time_under_load_per_side_s: np.ndarray
    ankle_weight_Nm_per_kg: np.ndarray
    source: str


_N_SAMPLES = 64


def abduction_dose(
    *,
    sets: int | None = None,
    reps: int | None = None,
    top_angle_deg: ArrayLike | None = None,
    ankle_weight_kg: ArrayLike = 0.0,
    body_mass_kg: ArrayLike = 75.0,
    abductor_strength: ArrayLike = 1.0,
    effort_threshold: ArrayLike = 0.4,
    rep_duration_s: ArrayLike = float(_d["dose"]["rep_duration_s"]["value"]),
    fatigue_per_rep: ArrayLike = float(_d["dose"]["fatigue_per_rep"]["value"]),
    segments: str = "de_leva_male",
    params: str = "gait2392",
    leg_length_m: ArrayLike = _L0,
) -> DoseResult:
    """The prescribed dose as numbers: angular impulse and reps above an effort, per session.

    Each rep lifts the straight leg from rest on the other leg (:func:`resting_angle_deg`) to
    ``top_angle_deg`` and back along a smooth (raised-cosine) path in ``rep_duration_s``; the
    abductors carry the leg throughout the rep. Sets, reps and sides default to
    :func:`prescribed_dose` (3 x 10 per side, top = parallel). Numeric inputs broadcast.

    >>> d = abduction_dose()
    >>> d.sets, d.reps, int(d.reps_above_effort)
    (3, 10, 0)
    >>> int(abduction_dose(ankle_weight_kg=1.0).reps_above_effort)   # 1 kg: every rep > 40 %
    30
    >>> round(float(abduction_dose().angular_impulse_per_rep_Nms), 0)
    174.0
    """
    dose = prescribed_dose()
    n_sets = int(_check("sets", dose["sets"] if sets is None else sets))
    n_reps = int(_check("reps", dose["reps"] if reps is None else reps))
    if sets is not None and n_sets != sets or reps is not None and n_reps != reps:
        raise ValueError(f"sets and reps must be whole numbers, got sets = {sets!r} sets, "
                         f"reps = {reps!r} reps; allowed range 1 to 10 sets, 1 to 50 reps")
    top = _check("top_angle_deg", dose["top_angle_deg"] if top_angle_deg is None
                 else top_angle_deg)
    thr = _check("effort_threshold", effort_threshold)
    dur = _check("rep_duration_s", rep_duration_s)
    fat = _check("fatigue_per_rep", fatigue_per_rep)
    L = _check("leg_length_m", leg_length_m)
    start = -np.degrees(np.arcsin(_HIP_SEP / L))
    # raised-cosine path start -> top -> start, sampled at the midpoints of N equal steps
    phase = (np.arange(_N_SAMPLES) + 0.5) / _N_SAMPLES
    shape01 = 0.5 * (1.0 - np.cos(2.0 * np.pi * phase))
    top_e = np.maximum(top, start)          # a "top" below rest means no lift
    path = start[..., None] + (top_e - start)[..., None] * shape01
    r = side_lying_abduction(
        path, body_mass_kg=np.asarray(body_mass_kg, dtype=float)[..., None]
        if np.ndim(body_mass_kg) else body_mass_kg,
        ankle_weight_kg=np.asarray(ankle_weight_kg, dtype=float)[..., None]
        if np.ndim(ankle_weight_kg) else ankle_weight_kg,
        abductor_strength=np.asarray(abductor_strength, dtype=float)[..., None]
        if np.ndim(abductor_strength) else abductor_strength,
        segments=segments, params=params,
        leg_length_m=L[..., None] if L.ndim else L,
    )
    impulse_rep = r.torque_Nm.mean(axis=-1) * dur
    peak0 = r.effort_fraction.max(axis=-1)
    fade = 1.0 - fat[..., None] * np.arange(n_reps)               # capacity left, rep k
    if np.any(fade <= 0.0):  # pragma: no cover - prevented by the fatigue range
        raise ValueError("fatigue_per_rep x reps leaves no capacity")
    per_rep = peak0[..., None] / fade                               # (..., reps)
    peak = np.broadcast_to(per_rep[..., None, :], per_rep.shape[:-1] + (n_sets, n_reps))
    above = np.count_nonzero(peak > np.asarray(thr)[..., None, None], axis=(-2, -1))
    per_side = impulse_rep * n_sets * n_reps
    one_kg = _G * _W_POS * L * np.cos(np.radians(top_e))
    return DoseResult(
        sets=n_sets,
        reps=n_reps,
        sides=int(dose["sides"]),
        start_angle_deg=np.asarray(start),
        top_angle_deg=np.asarray(top_e),
        rep_duration_s=dur,
        effort_threshold=thr,
        rep_peak_effort=np.array(peak),
        angular_impulse_per_rep_Nms=np.asarray(impulse_rep),
        angular_impulse_per_side_Nms=np.asarray(per_side),
        angular_impulse_session_Nms=np.asarray(per_side * int(dose["sides"])),
        reps_above_effort=np.asarray(above),
        time_under_load_per_side_s=np.asarray(dur * n_sets * n_reps),
        ankle_weight_Nm_per_kg=np.asarray(one_kg),
        source=str(dose["source"]),
    )
