"""The numbers behind each claim part: the case person, and for every part the effect the
model computes (positive = as the claim says), the numbers it comes from and a sentence.
Internal to :mod:`backspasm_model.evidence.claims`; numpy and the standard library only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..core import kinematics
from ..core.balance import DEFAULTS, INPUT_RANGES, stand
from ..core.parameters import GROUPS, ParameterSet, load_parameter_set, read_data_file
from .verdicts import YARDSTICKS

_CASE = read_data_file("claims.toml")["case_person"]
_RATES = read_data_file("exercises.toml")["program"]


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


def case_person(**override: float) -> tuple[dict[str, float], dict[str, float], int]:
    """The case person before and after the remedy (``stand`` inputs plus
    ``abductor_strength``) and the weeks of the programme: the nominal weekly rates of
    ``exercises.toml`` ``[program]`` applied for ``case_person.weeks``. ``override`` replaces
    some of the person's starting values (the remedy then acts on them).

    >>> before, after, weeks = case_person()
    >>> before["quad_tightness"], round(after["quad_tightness"], 3), weeks
    (0.1, 0.04, 12)
    """
    from ..core.checks import check_scalar

    for k, v in override.items():
        if k not in _CASE["start"]:
            raise TypeError(f"unknown input {k} = {v!r}; allowed: {', '.join(_CASE['start'])}")
    ranges = {
        k: (INPUT_RANGES[k].lo, INPUT_RANGES[k].hi, INPUT_RANGES[k].unit)
        for k in _CASE["start"]
        if k in INPUT_RANGES
    }
    ranges["abductor_strength"] = (0.1, 3.0, "x nominal")
    override = {k: check_scalar(k, v, *ranges[k]) for k, v in override.items()}
    before = {k: float(override.get(k, v)) for k, v in _CASE["start"].items()}
    weeks = int(_CASE["weeks"])
    after = dict(before)
    after["hamstring_strength"] = INPUT_RANGES["hamstring_strength"].clamp(
        before["hamstring_strength"]
        * (1.0 + weeks * float(_RATES["hamstring_gain_per_week"]["value"]))
    )
    after["abductor_strength"] = min(
        3.0,
        before["abductor_strength"]
        * (1.0 + weeks * float(_RATES["abductor_gain_per_week"]["value"])),
    )
    after["quad_tightness"] = max(
        0.0,
        before["quad_tightness"] - weeks * float(_RATES["quad_tightness_loss_per_week"]["value"]),
    )
    return before, after, weeks


#: The remedy's strength gain, also used for "training" the back extensors and abdominals.
TRAINING_GAIN = case_person()[1]["hamstring_strength"] / case_person()[0]["hamstring_strength"]


_WORDS = {
    "quad_strength": "quadriceps strength x",
    "hamstring_strength": "hamstring strength x",
    "quad_tightness": "quadriceps tightness ",
    "abductor_strength": "abductor strength x",
}


def describe_person(person: dict[str, float]) -> str:
    """The case person's values in plain words.

    >>> describe_person(case_person()[0])
    'quadriceps strength x1.5, hamstring strength x0.8, quadriceps tightness 0.1, abductor \
strength x0.8'
    """
    return ", ".join(f"{_WORDS.get(k, k + ' ')}{v:.3g}" for k, v in person.items())


def _f(x: Any) -> float:
    return float(np.asarray(x))


def _sagittal(d: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in d.items() if k in INPUT_RANGES}


def _scaled(base: dict[str, Any], **factors: float) -> dict[str, Any]:
    out = dict(base)
    for k, f in factors.items():
        out[k] = INPUT_RANGES[k].clamp(float(base.get(k, DEFAULTS[k])) * f)
    return out


Part = tuple[float, dict[str, Number], str]


def sagittal_parts(base: dict[str, Any], kw: dict[str, Any]) -> dict[str, Part]:
    """C1-C7 parts computed by the standing balance for the body ``base`` (``stand`` inputs)
    with ``kw`` (params, view, on_unstable)."""
    out: dict[str, Part] = {}
    h = 0.5
    slope = _f(kinematics.ql_length_m(h) - kinematics.ql_length_m(-h)) * 1000.0 / (2 * h)
    length = _f(kinematics.ql_length_m(0.0)) * 1000.0
    out["C1"] = (
        abs(slope),
        {
            "slope": Number(slope, "mm/deg", "QL length change per degree of anterior tilt"),
            "length": Number(length, "mm", "QL length at the reference pose", ".0f"),
        },
        f"The QL's length changes by {slope:+.2f} mm per degree of anterior tilt "
        f"({15 * slope:+.1f} mm over 15 deg of its {length:.0f} mm).",
    )
    r0 = stand(**kw, **base)
    g = r0.group_moments_Nm
    quad, ham = _f(g["quadriceps"]), _f(g["hamstrings"])
    total = (
        sum(abs(_f(g[k])) for k in GROUPS)
        + abs(_f(r0.gravity_moment_Nm))
        + abs(_f(r0.passive_moment_Nm))
    )
    share = (abs(quad) + abs(ham)) / total if total > 0 else math.nan
    from .verdicts import thigh_effect

    out["C2"] = (
        thigh_effect(quad, ham, share),
        {
            "quad_moment": Number(quad, "N m", "rectus femoris moment on the pelvis"),
            "hamstring_moment": Number(ham, "N m", "hamstring moment on the pelvis"),
            "thigh_share": Number(share, "", "share of all moments carried by the two", ".2f"),
        },
        f"Rectus femoris pulls with {quad:+.1f} N m (anterior +), the hamstrings with "
        f"{ham:+.1f} N m: together {100 * share:.0f} % of all moments on the pelvis.",
    )
    own = {k: v for k, v in base.items() if k in _CASE["start"]}
    base = {k: v for k, v in base.items() if k not in _CASE["start"]}
    r0 = stand(**kw, **base)
    before, after, weeks = case_person(**own)
    r1 = stand(**kw, **{**base, **_sagittal(before)})
    dt = _f(r1.tilt_deg - r0.tilt_deg)
    l0 = _f(r0.ql_length_m)
    dl_mm = _f(r1.ql_length_m - r0.ql_length_m) * 1000.0
    dl_pct = 100.0 * dl_mm / (1000.0 * l0)
    c0, c1 = _f(r0.ql_force_capacity), _f(r1.ql_force_capacity)
    dc_pct = 100.0 * (c1 - c0) / c0
    who = (
        f"The case person (quadriceps x{before['quad_strength']:g}, hamstrings "
        f"x{before['hamstring_strength']:g}, quadriceps tightness "
        f"{before['quad_tightness']:g})"
    )
    out["C3a"] = (
        dt,
        {
            "tilt_balanced": Number(_f(r0.tilt_deg), "deg", "tilt of a balanced body", ".2f"),
            "tilt_case": Number(_f(r1.tilt_deg), "deg", "tilt of the case person", ".2f"),
            "delta_tilt": Number(dt, "deg", "difference", "+.2f"),
        },
        f"{who} stands {dt:+.2f} deg from a balanced body.",
    )
    out["C3b"] = (
        -dl_pct,
        {
            "ql_change_mm": Number(dl_mm, "mm", "QL length difference", "+.2f"),
            "ql_change_pct": Number(dl_pct, "%", "QL length difference, % of length", "+.3f"),
        },
        f"Their QL is {dl_mm:+.2f} mm ({dl_pct:+.3f} % of its length) from a balanced body's.",
    )
    f0 = _f(r0.ql_normalised_fibre_length)
    out["C4a"] = (
        -dc_pct,
        {
            "capacity_balanced": Number(c0, "", "QL force capacity, balanced body (0-1)", ".5f"),
            "capacity_case": Number(c1, "", "QL force capacity, case person (0-1)", ".5f"),
            "capacity_change_pct": Number(dc_pct, "%", "QL force capacity change", "+.4f"),
            "fibre_length": Number(f0, "", "QL fibre length / optimal, balanced body", ".3f"),
        },
        f"The QL's force capacity changes by {dc_pct:+.4f} % (fibres at {f0:.3f} of optimal "
        "length).",
    )
    t0 = r1.tilt_deg
    t1 = stand(**kw, **{**base, **_sagittal(after)}).tilt_deg
    d5 = _f(t1 - t0)
    out["C5"] = (
        -d5,
        {
            "tilt_before": Number(_f(t0), "deg", "tilt before the remedy", ".2f"),
            "tilt_after": Number(_f(t1), "deg", f"tilt after {weeks} weeks", ".2f"),
            "delta_tilt": Number(d5, "deg", "change", "+.2f"),
        },
        f"{weeks} weeks of the remedy (hamstrings x{after['hamstring_strength']:.2f}, "
        f"quadriceps tightness {after['quad_tightness']:.2f}) change the case person's tilt "
        f"by {d5:+.2f} deg.",
    )
    for pid, group, sign in (
        ("C6b", "back_extensor_strength", 1.0),
        ("C7b", "abdominal_strength", -1.0),
    ):
        d = _f(stand(**kw, **_scaled(base, **{group: TRAINING_GAIN})).tilt_deg - r0.tilt_deg)
        what = group.replace("_strength", "").replace("_", " ")
        out[pid] = (
            sign * d,
            {"delta_tilt": Number(d, "deg", f"tilt change, {what} x{TRAINING_GAIN:.2f}", "+.2f")},
            f"Training the {what}s by the same x{TRAINING_GAIN:.2f} changes the "
            f"tilt by {d:+.2f} deg.",
        )
    out["C7a"] = _c7a(kw["params"])
    return out


def _c7a(params: str | ParameterSet) -> Part:
    from ..core.balance import hip_moment_capacity_Nm

    abd = hip_moment_capacity_Nm("abdominals", params)
    quad = hip_moment_capacity_Nm("quadriceps", params)
    ps = params if isinstance(params, ParameterSet) else load_parameter_set(str(params))
    fmax = sum(m.Fmax_N for m in ps.muscles if m.group == "abdominals")
    ratio = abd / quad
    return (
        1.0 - ratio,
        {
            "abdominal_capacity": Number(abd, "N m", "abdominal moment capacity on the pelvis"),
            "quad_capacity": Number(quad, "N m", "rectus femoris moment capacity"),
            "ratio": Number(ratio, "", "abdominals / rectus femoris", ".2f"),
            "abdominal_fmax": Number(fmax, "N", "abdominal maximal force, one side", ".0f"),
        },
        f"The abdominals ({fmax:.0f} N per side) turn the pelvis with {abd:.1f} N m against "
        f"{quad:.1f} N m for rectus femoris ({ps.name}): a ratio of {ratio:.2f}.",
    )


def frontal_parts(params: str, abductor_strength: float | None = None) -> dict[str, Part]:
    """C8a, C8b and C9a from the single-leg stance and side-lying abduction models, for the
    case person's abductor strength (or ``abductor_strength``)."""
    from ..exercises.abduction import side_lying_abduction
    from ..exercises.stance import single_leg_stance

    a = float(
        case_person()[0]["abductor_strength"] if abductor_strength is None else abductor_strength
    )
    bw = _f(single_leg_stance(params=params).abductor_force_BW)
    drop = _f(single_leg_stance(params=params, abductor_strength=a).pelvic_drop_deg)
    grid = np.linspace(0.1, 3.0, 291)
    drops = np.asarray(single_leg_stance(params=params, abductor_strength=grid).pelvic_drop_deg)
    onset = float(grid[drops > 0].max()) if np.any(drops > 0) else math.nan
    effort = _f(side_lying_abduction(0.0, params=params, abductor_strength=a).effort_fraction)
    return {
        "C8a": (
            bw,
            {"abductor_force_BW": Number(bw, "BW", "abductor force, single-leg stance", ".2f")},
            f"In single-leg stance the abductors pull with {bw:.2f} body weights.",
        ),
        "C8b": (
            drop,
            {
                "pelvic_drop": Number(drop, "deg", f"pelvic drop at abductors x{a:g}", ".1f"),
                "drop_onset": Number(
                    onset, "x nominal", "abductor strength below which the pelvis drops", ".2f"
                ),
            },
            f"With abductors x{a:g} the pelvis drops {drop:.1f} deg; it drops only below "
            f"x{onset:.2f}.",
        ),
        "C9a": (
            effort,
            {"effort": Number(effort, "", "effort per lift at parallel, unloaded", ".2f")},
            f"With abductors x{a:g}, each unloaded lift to parallel needs {100 * effort:.0f} % "
            "of the maximal abductor moment; ankle weights raise it.",
        ),
    }


def yardstick_text(key: str) -> str:
    """``"5 deg (between people)"``: the yardstick's value and kind, for a reason line."""
    y = YARDSTICKS[key]
    return f"{y.value:g} {y.units} ({y.kind})"
