"""The numbers behind each claim: for C1-C9, what the model computes (a :class:`Number` per
quantity, with its unit) and the verdict its rule in :mod:`.verdicts` gives. Internal to
:func:`backspasm_model.evidence.claims.evaluate_claims`; numpy and the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..core import kinematics
from ..core.balance import DEFAULTS, INPUT_RANGES, stand
from ..core.parameters import GROUPS, ParameterSet
from .verdicts import (
    ABDUCTOR_LARGE_BW,
    EXERCISE_EFFORT_SUBSTANTIAL,
    FORCE_MEANINGFUL_PCT,
    LITTLE_FORCE_RATIO,
    QL_LENGTH_MEANINGFUL_PCT,
    QL_SLOPE_MIN_MM_PER_DEG,
    QUAD_DOMINANT,
    START_QUAD_TIGHTNESS,
    THIGH_SHARE_MAJORITY,
    TILT_DETECTABLE_DEG,
    TRAINING_GAIN,
    verdict_c1,
    verdict_c2,
    verdict_c3,
    verdict_c4,
    verdict_c5,
    verdict_c6,
    verdict_c7,
    verdict_c8,
    verdict_c9,
)


@dataclass(frozen=True)
class Number:
    """A computed number with its unit and what it is."""

    value: float
    unit: str
    what: str
    fmt: str = ".3g"

    def __str__(self) -> str:
        if self.value != self.value:
            return f"{self.what}: missing (no stable posture)"
        return f"{self.what}: {self.value:{self.fmt}} {self.unit}".rstrip()


def _scaled(base: dict[str, Any], **factors: float) -> dict[str, Any]:
    out = dict(base)
    for k, f in factors.items():
        rng = INPUT_RANGES[k]
        out[k] = rng.clamp(float(base.get(k, DEFAULTS[k])) * f)
    return out


def _f(x: Any) -> float:
    return float(np.asarray(x))


def _c1() -> tuple[dict[str, Number], str, str]:
    h = 0.5
    slope = _f(kinematics.ql_length_m(h) - kinematics.ql_length_m(-h)) * 1000.0 / (2 * h)
    length = _f(kinematics.ql_length_m(0.0)) * 1000.0
    span = _f(kinematics.ql_length_m(15.0) - kinematics.ql_length_m(0.0)) * 1000.0
    v = verdict_c1(slope)
    reason = (f"The QL's length changes by {slope:.2f} mm per degree of anterior tilt "
              f"({span:.1f} mm over 15 deg, {100 * span / length:.1f} % of its {length:.0f} mm); "
              f"the threshold for a real dependence is {QL_SLOPE_MIN_MM_PER_DEG} mm/deg.")
    nums = {
        "slope": Number(slope, "mm/deg", "QL length change per degree of anterior tilt"),
        "change_15deg": Number(span, "mm", "QL length change over 15 deg of anterior tilt"),
        "length": Number(length, "mm", "QL length at the neutral pelvis"),
    }
    return nums, v, reason


def _c2(base: dict[str, Any], kw: dict[str, Any]) -> tuple[dict[str, Number], str, str]:
    r = stand(**kw, **base)
    g = r.group_moments_Nm
    quad, ham = _f(g["quadriceps"]), _f(g["hamstrings"])
    total = sum(abs(_f(g[k])) for k in GROUPS) + abs(_f(r.gravity_moment_Nm)) \
        + abs(_f(r.passive_moment_Nm))
    share = (abs(quad) + abs(ham)) / total if total > 0 else float("nan")
    v = verdict_c2(quad, ham, share)
    reason = (f"At the posture rectus femoris pulls with {quad:+.1f} N m (anterior +) and the "
              f"hamstrings with {ham:+.1f} N m; together {100 * share:.0f} % of all moments on "
              f"the pelvis (threshold {100 * THIGH_SHARE_MAJORITY:.0f} %).")
    nums = {
        "quad_moment": Number(quad, "N m", "rectus femoris moment on the pelvis"),
        "hamstring_moment": Number(ham, "N m", "hamstring moment on the pelvis"),
        "thigh_share": Number(share, "", "share of all moments carried by the two"),
        "tilt": Number(_f(r.tilt_deg), "deg", "baseline tilt"),
    }
    return nums, v, reason


def _c3_c4(base: dict[str, Any], kw: dict[str, Any]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    r0 = stand(**kw, **base)
    r1 = stand(**kw, **_scaled(base, **QUAD_DOMINANT))
    dt = _f(r1.tilt_deg - r0.tilt_deg)
    l0 = _f(r0.ql_length_m)
    dl_mm = _f(r1.ql_length_m - r0.ql_length_m) * 1000.0
    dl_pct = 100.0 * dl_mm / (1000.0 * l0)
    c0, c1 = _f(r0.ql_force_capacity), _f(r1.ql_force_capacity)
    dc_pct = 100.0 * (c1 - c0) / c0
    scen = (f"quadriceps x{QUAD_DOMINANT['quad_strength']:g} and hamstrings "
            f"x{QUAD_DOMINANT['hamstring_strength']:g}")
    v3 = verdict_c3(dt, dl_pct)
    r3 = (f"With {scen} the pelvis tilts {dt:+.2f} deg (threshold {TILT_DETECTABLE_DEG:g} deg) "
          f"and the QL changes by {dl_mm:+.2f} mm = {dl_pct:+.2f} % of its length (threshold "
          f"{QL_LENGTH_MEANINGFUL_PCT:g} % shorter).")
    n3 = {
        "delta_tilt": Number(dt, "deg", "tilt change, quadriceps-dominant minus baseline"),
        "ql_change_mm": Number(dl_mm, "mm", "QL length change"),
        "ql_change_pct": Number(dl_pct, "%", "QL length change, % of length"),
        "tilt_before": Number(_f(r0.tilt_deg), "deg", "baseline tilt"),
        "tilt_after": Number(_f(r1.tilt_deg), "deg", "quadriceps-dominant tilt"),
    }
    v4 = verdict_c4(dc_pct)
    f0 = _f(r0.ql_normalised_fibre_length)
    side = ("on the long side of the optimum, so shortening brings it closer to the optimum"
            if f0 > 1.0 else "at or below the optimum, so shortening moves it down the curve")
    r4 = (f"The QL's force capacity goes from {100 * c0:.3f} % to {100 * c1:.3f} % of maximum, a "
          f"change of {dc_pct:+.3f} % (threshold: a loss of {FORCE_MEANINGFUL_PCT:g} %). At the "
          f"baseline the QL fibres sit at {f0:.3f} of their optimal length, {side}.")
    n4 = {
        "capacity_before": Number(c0, "", "QL force capacity, baseline (0-1)", ".5f"),
        "capacity_after": Number(c1, "", "QL force capacity, quadriceps-dominant (0-1)",
                             ".5f"),
        "capacity_change_pct": Number(dc_pct, "%", "QL force capacity change", "+.4f"),
        "fibre_length_before": Number(f0, "", "QL fibre length / optimal length, baseline",
                                      ".4f"),
    }
    return (n3, v3, r3), (n4, v4, r4)


def _c5(base: dict[str, Any], kw: dict[str, Any]) -> tuple[dict[str, Number], str, str]:
    start = _scaled(base, **QUAD_DOMINANT)
    start["quad_tightness"] = START_QUAD_TIGHTNESS
    after = _scaled(start, hamstring_strength=TRAINING_GAIN)
    after["quad_tightness"] = 0.0
    t0 = _f(stand(**kw, **start).tilt_deg)
    t1 = _f(stand(**kw, **after).tilt_deg)
    dt = t1 - t0
    v = verdict_c5(dt)
    reason = (f"From a quadriceps-dominant body with quadriceps tightness "
              f"{START_QUAD_TIGHTNESS:g}, stretching it away and training the hamstrings "
              f"x{TRAINING_GAIN:g} moves the tilt from {t0:.1f} to {t1:.1f} deg, {dt:+.2f} deg "
              f"(threshold {TILT_DETECTABLE_DEG:g} deg back).")
    nums = {
        "tilt_before": Number(t0, "deg", "tilt before the remedy"),
        "tilt_after": Number(t1, "deg", "tilt after the remedy"),
        "delta_tilt": Number(dt, "deg", "tilt change"),
    }
    return nums, v, reason


def _c6(base: dict[str, Any], kw: dict[str, Any]) -> tuple[dict[str, Number], str, str]:
    t0 = _f(stand(**kw, **base).tilt_deg)
    t1 = _f(stand(**kw, **_scaled(base, back_extensor_strength=TRAINING_GAIN)).tilt_deg)
    dt = t1 - t0
    v = verdict_c6(dt)
    reason = (f"Training the back extensors x{TRAINING_GAIN:g} changes the tilt by {dt:+.2f} deg "
              f"(a mechanical cost would need {TILT_DETECTABLE_DEG:g} deg forward); trials find "
              "back and posterior-chain training reduces chronic low back pain.")
    nums = {"delta_tilt": Number(dt, "deg", "tilt change with trained back extensors")}
    return nums, v, reason


def _c7(params: str | ParameterSet) -> tuple[dict[str, Number], str, str]:
    from ..core.balance import hip_moment_capacity_Nm

    abd = hip_moment_capacity_Nm("abdominals", params)
    quad = hip_moment_capacity_Nm("quadriceps", params)
    ratio = abd / quad
    pset = params if isinstance(params, ParameterSet) else None
    name = pset.name if pset else str(params)
    from ..core.parameters import load_parameter_set

    ps = pset or load_parameter_set(name)
    fmax = sum(m.Fmax_N for m in ps.muscles if m.group == "abdominals")
    v = verdict_c7(ratio)
    reason = (f"The abdominals ({fmax:.0f} N of maximal force per side) can turn the pelvis with "
              f"{abd:.1f} N m per side against {quad:.1f} N m for rectus femoris ({name}): a "
              f"ratio of {ratio:.2f} ('little' below {LITTLE_FORCE_RATIO:g}, contradicted from 1).")
    nums = {
        "abdominal_capacity": Number(abd, "N m", "abdominal moment capacity on the pelvis"),
        "quad_capacity": Number(quad, "N m", "rectus femoris moment capacity"),
        "ratio": Number(ratio, "", "abdominals / rectus femoris"),
        "abdominal_fmax": Number(fmax, "N", "abdominal maximal force, one side", ".0f"),
    }
    return nums, v, reason


def _c8(params: str) -> tuple[dict[str, Number], str, str]:
    try:
        from ..exercises.stance import single_leg_stance
        r = single_leg_stance(params=params)
        bw = _f(r.abductor_force_BW)
    except (ImportError, AttributeError, TypeError, ValueError):
        return {}, verdict_c8(None), ("The pelvis model is sagittal; no frontal-plane stance "
                                      "model is available to compute the abductors' load.")
    v = verdict_c8(bw)
    reason = (f"In single-leg stance the abductors pull with {bw:.2f} body weights (threshold "
              f"{ABDUCTOR_LARGE_BW:g} body weight).")
    return {"abductor_force_BW": Number(bw, "BW", "abductor force in single-leg stance")}, v, \
        reason


def _c9(params: str) -> tuple[dict[str, Number], str, str]:
    try:
        from ..exercises.abduction import side_lying_abduction
        r = side_lying_abduction(0.0, params=params)
        effort, sub = _f(r.effort_fraction), _f(r.substitution_likelihood)
        sweep = side_lying_abduction(params=params)
        onset = float(np.min(sweep.angle_deg[np.asarray(sweep.substitution_zone)]))
    except (ImportError, AttributeError, TypeError, ValueError):
        return {}, verdict_c9(None, None), ("No exercise model is available to compute the "
                                            "effort of side-lying abduction.")
    v = verdict_c9(effort, sub)
    reason = (f"With the leg parallel to the surface each lift needs {100 * effort:.0f} % of the "
              f"maximal abductor moment (threshold {100 * EXERCISE_EFFORT_SUBSTANTIAL:.0f} %); "
              f"the QL substitution zone starts at {onset:.0f} deg, so the prescribed height "
              f"{'stays below it' if sub == 0 else 'is inside it'}.")
    nums = {
        "effort": Number(effort, "", "relative effort at 0 deg (fraction of maximum)"),
        "substitution": Number(sub, "", "QL substitution likelihood at 0 deg"),
        "substitution_onset": Number(onset, "deg", "first angle with QL substitution"),
    }
    return nums, v, reason
