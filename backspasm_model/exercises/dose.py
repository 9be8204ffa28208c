"""The prescribed dose of side-lying hip abduction (3 x 10 per side, leg lifted to parallel)
as the abductors' torque-time integral per session, the relative effort of each repetition
and the fatigue over a set. Builds on :mod:`.abduction`; numpy and the standard library only.

>>> d = prescribed_dose()
>>> d["sets"], d["reps"], d["sides"]
(3, 10, 2)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ..core.checks import check_choice, check_whole
from .abduction import (
    _CAP,
    _CAP_ANGLES,
    _G,
    _HIP_SEP,
    _L0,
    _REF_MASS,
    _THIGH_SHARE,
    _W_POS,
    CAPACITY_SETS,
    EXERCISE_INPUT_RANGES,
    SEGMENT_TABLES,
    _check,
    _d,
    _leg_mass_and_com,
)

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

    ``rep_peak_effort`` has shape ``(..., sets, reps)`` (computed when first read, a read-only
    view: every set starts rested, so the sets are equal): the peak of demand / remaining
    capacity over each repetition, the capacity falling by ``fatigue_per_rep`` per rep within a
    set. A rep whose demand exceeds what is left of the capacity cannot be lifted: it is
    **failed** (``rep_failed`` True) and its effort is reported as 1.0 (a maximal effort that
    falls short), never as a percentage over 100. ``reps_failed`` counts them per side.
    ``angular_impulse_per_rep_Nms`` is the time integral of the gravity torque over one rep;
    ``angular_impulse_per_side_Nms`` over all sets of one side, ``angular_impulse_session_Nms``
    over both sides. ``reps_above_effort`` counts the reps (per side) whose peak effort exceeds
    ``effort_threshold`` (failed reps included). ``ankle_weight_Nm_per_kg`` is the torque each
    kilogram at the ankle adds at the top of the lift.
    """

    sets: int
    reps: int
    sides: int
    start_angle_deg: np.ndarray
    top_angle_deg: np.ndarray
    rep_duration_s: np.ndarray
    effort_threshold: np.ndarray
    angular_impulse_per_rep_Nms: np.ndarray
    angular_impulse_per_side_Nms: np.ndarray
    angular_impulse_session_Nms: np.ndarray
    reps_above_effort: np.ndarray
    time_under_load_per_side_s: np.ndarray
    ankle_weight_Nm_per_kg: np.ndarray
    source: str
    reps_failed: np.ndarray
    _peak_rested: np.ndarray = field(repr=False)
    _fatigue: np.ndarray = field(repr=False)

    @cached_property
    def _per_rep(self) -> tuple[np.ndarray, np.ndarray]:
        """Peak effort of rep k of a set, ``(..., reps)``, and whether it failed."""
        fade = 1.0 - self._fatigue[..., None] * np.arange(self.reps)  # capacity left
        with np.errstate(divide="ignore", invalid="ignore"):
            per_rep = self._peak_rested[..., None] / fade
        failed = per_rep > 1.0
        failed |= fade <= 0.0
        per_rep[failed] = 1.0  # a failed rep: a maximal effort, short
        return per_rep, failed

    @property
    def rep_peak_effort(self) -> np.ndarray:
        """Peak effort of each rep, ``(..., sets, reps)``, 1.0 where the rep failed."""
        per_rep = self._per_rep[0]
        return np.broadcast_to(per_rep[..., None, :], per_rep.shape[:-1] + (self.sets, self.reps))

    @property
    def rep_failed(self) -> np.ndarray:
        """True for each rep, ``(..., sets, reps)``, that the capacity left cannot lift."""
        failed = self._per_rep[1]
        return np.broadcast_to(failed[..., None, :], failed.shape[:-1] + (self.sets, self.reps))


_N_SAMPLES = 64
# Elements of the broadcast inputs lifted per block: BLOCK x 64 path samples = 65,536 values,
# the block size of the balance solver (core/equilibrium.py), so memory stays flat.
_BLOCK = 1 << 10
# raised-cosine path start -> top -> start, sampled at the midpoints of N equal steps
_SHAPE01 = 0.5 * (1.0 - np.cos(2.0 * np.pi * (np.arange(_N_SAMPLES) + 0.5) / _N_SAMPLES))
# the path is symmetric (up = down), so the first half of the samples has the same mean and
# maximum as all of them: half the work
_HALF = _SHAPE01[: _N_SAMPLES // 2]


def _lift(
    n: int,
    start: np.ndarray,
    top: np.ndarray,
    m: np.ndarray,
    w: np.ndarray,
    s: np.ndarray,
    L: np.ndarray,
    segments: str,
    params: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Mean gravity torque (N m) and peak effort (fraction of capacity) over one rested rep,
    for ``n`` elements given as flat arrays of length ``n`` or 1, block by block.

    The same demand and capacity as :func:`side_lying_abduction` (its tests pin the two
    together), arranged for speed: the torque is ``gain x cos(angle)`` with the gain
    ``g (m_leg d + m_w L_w)`` fixed per element, the capacity ``table(angle) x scale``.
    """
    m_leg, d = _leg_mass_and_com(segments, m, L, np.asarray(_THIGH_SHARE))
    gain = _G * (m_leg * d + w * _W_POS * L)  # N m at cos(angle) = 1
    scale = s * (m / _REF_MASS)
    table = np.array(_CAP[f"{params}_Nm"]["value"], dtype=float)
    mean_cos = np.empty(n)
    peak_ratio = np.empty(n)
    for a in range(0, n, _BLOCK):
        sl = slice(a, min(a + _BLOCK, n))
        st = (start if start.size == 1 else start[sl])[:, None]
        path = ((top if top.size == 1 else top[sl])[:, None] - st) * _HALF
        path += st
        cap = np.interp(path, _CAP_ANGLES, table)
        np.radians(path, out=path)
        np.cos(path, out=path)
        mean_cos[sl] = path.mean(axis=-1)
        path /= cap
        peak_ratio[sl] = path.max(axis=-1)
    return gain * mean_cos, gain / scale * peak_ratio


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
    :func:`prescribed_dose` (3 x 10 per side, top = parallel).

    * ``sets`` (1-10) and ``reps`` (1-50): whole numbers; ``None`` = the prescribed dose.
    * ``top_angle_deg`` (-10 to 50 deg, 0 = parallel to the surface, ``None`` = the prescribed
      top); it must lie above the resting angle of the leg (about -12 deg for the default
      0.84 m leg, -8.7 deg for a 1.1 m leg), else ``ValueError`` naming both.
    * ``ankle_weight_kg`` (0-10 kg), ``body_mass_kg`` (30-200 kg), ``abductor_strength``
      (0.1-3 x nominal), ``effort_threshold`` (0-2, fraction of capacity), ``rep_duration_s``
      (1-20 s), ``fatigue_per_rep`` (0-0.05, fraction of capacity lost per rep within a set),
      ``leg_length_m`` (0.6-1.1 m); ``segments`` and ``params`` as in
      :func:`side_lying_abduction`.

    Numeric inputs broadcast; any size works in bounded memory (the lift is computed in blocks
    of 1,024 elements and the per-rep efforts only when read; ``benchmarks/bench_dose.py``: 1e6
    top angles in about 3x the time and 2x the memory of ``stand`` at the same size). Every
    combination of in-range inputs is valid: when fatigue leaves less capacity than a rep needs
    (or none: ``reps=21`` with ``fatigue_per_rep=0.05``), that rep is reported as failed (see
    :class:`DoseResult`).

    >>> d = abduction_dose()
    >>> d.sets, d.reps, int(d.reps_above_effort)
    (3, 10, 0)
    >>> int(abduction_dose(ankle_weight_kg=1.0).reps_above_effort)   # 1 kg: every rep > 40 %
    30
    >>> round(float(abduction_dose().angular_impulse_per_rep_Nms), 0)
    174.0
    >>> tired = abduction_dose(reps=21, fatigue_per_rep=0.05)      # capacity runs out
    >>> tired.rep_failed[0].nonzero()[0].tolist()          # reps 15-21 of each set fail
    [14, 15, 16, 17, 18, 19, 20]
    >>> int(tired.reps_failed), float(tired.rep_peak_effort.max())
    (21, 1.0)
    """
    dose = prescribed_dose()
    n_sets = check_whole("sets", dose["sets"] if sets is None else sets, *_whole_range("sets"))
    n_reps = check_whole("reps", dose["reps"] if reps is None else reps, *_whole_range("reps"))
    top = _check("top_angle_deg", dose["top_angle_deg"] if top_angle_deg is None else top_angle_deg)
    w = _check("ankle_weight_kg", ankle_weight_kg)
    m = _check("body_mass_kg", body_mass_kg)
    s = _check("abductor_strength", abductor_strength)
    thr = _check("effort_threshold", effort_threshold)
    dur = _check("rep_duration_s", rep_duration_s)
    fat = _check("fatigue_per_rep", fatigue_per_rep)
    L = _check("leg_length_m", leg_length_m)
    seg = check_choice("segments", segments, SEGMENT_TABLES)
    pset = check_choice("params", params, CAPACITY_SETS)
    named = {
        "top_angle_deg": top,
        "ankle_weight_kg": w,
        "body_mass_kg": m,
        "abductor_strength": s,
        "effort_threshold": thr,
        "rep_duration_s": dur,
        "fatigue_per_rep": fat,
        "leg_length_m": L,
    }
    try:
        lift_shape = np.broadcast_shapes(top.shape, w.shape, m.shape, s.shape, L.shape)
        shape = np.broadcast_shapes(lift_shape, thr.shape, dur.shape, fat.shape)
    except ValueError as exc:
        raise ValueError(
            "inputs do not broadcast together: "
            f"{ {k: v.shape for k, v in named.items() if v.ndim} }"
        ) from exc
    start = -np.degrees(np.arcsin(_HIP_SEP / L))
    below = top < start
    if np.any(below):
        i = np.unravel_index(int(np.argmax(below)), below.shape) if below.ndim else ()
        t_i = float(np.broadcast_to(top, below.shape)[i])
        s_i = float(np.broadcast_to(start, below.shape)[i])
        l_i = float(np.broadcast_to(L, below.shape)[i])
        raise ValueError(
            f"top_angle_deg = {t_i!r} deg is below the resting angle {s_i:.1f} deg "
            f"of a leg_length_m = {l_i:g} m leg: the leg cannot be lifted to it; "
            f"allowed range {s_i:.1f} to 50 deg for this leg (-10 to 50 deg "
            "overall)"
        )

    def flat(x: np.ndarray) -> np.ndarray:  # one value stays one value (no copy)
        return x.reshape(1) if x.size == 1 else np.broadcast_to(x, lift_shape).reshape(-1)

    size = int(np.prod(lift_shape, dtype=np.int64))
    mean_t, peak_flat = _lift(
        size, flat(start), flat(top), flat(m), flat(w), flat(s), flat(L), seg, pset
    )
    impulse_rep = mean_t.reshape(lift_shape) * dur
    peak0 = peak_flat.reshape(lift_shape)
    # count rep by rep (memory of a few arrays of the input size, not of size x reps)
    above = np.zeros(shape, dtype=np.int64)
    n_failed = np.zeros(shape, dtype=np.int64)
    for k in range(n_reps):
        fade = 1.0 - fat * k  # capacity left, rep k
        with np.errstate(divide="ignore", invalid="ignore"):
            need = peak0 / fade
        failed = (need > 1.0) | (fade <= 0.0)
        above += (need > thr) | failed
        n_failed += failed
    per_side = impulse_rep * n_sets * n_reps
    one_kg = _G * _W_POS * L * np.cos(np.radians(top))
    return DoseResult(
        sets=n_sets,
        reps=n_reps,
        sides=int(dose["sides"]),
        start_angle_deg=np.asarray(start),
        top_angle_deg=np.asarray(top),
        rep_duration_s=dur,
        effort_threshold=thr,
        angular_impulse_per_rep_Nms=np.asarray(impulse_rep),
        angular_impulse_per_side_Nms=np.asarray(per_side),
        angular_impulse_session_Nms=np.asarray(per_side * int(dose["sides"])),
        reps_above_effort=n_sets * above,
        time_under_load_per_side_s=np.asarray(dur * n_sets * n_reps),
        ankle_weight_Nm_per_kg=np.asarray(one_kg),
        source=str(dose["source"]),
        reps_failed=n_sets * n_failed,
        _peak_rested=peak0,
        _fatigue=fat,
    )


def _whole_range(name: str) -> tuple[int, int, str]:
    r = EXERCISE_INPUT_RANGES[name]
    return int(r.lo), int(r.hi), r.unit
