"""Testing the claims: the numbers the model gives for each claim C1-C9 and a plain verdict.

Each claim of the course's argument (paraphrased in ``data/claims.toml``) is turned into
something the model computes, compared with a threshold stated here with its reasoning, and
given one of four verdicts (:data:`VERDICTS`):

* ``"supported"``: the model shows the effect in the claimed direction, at least as large as
  the threshold;
* ``"right direction but small"``: the claimed direction, but below the threshold;
* ``"contradicted"``: the model shows the opposite (or, where stated, no effect at all);
* ``"untestable here"``: the model has no part that could compute it.

The ``verdict_c*`` functions take the computed numbers only (so they can be tested on made-up
outputs on both sides of each threshold); :func:`evaluate_claims` computes the numbers from
the model for a baseline body, so changing an assumption changes the verdict honestly.

>>> verdict_c3(delta_tilt_deg=1.2, ql_change_pct=-0.2)
'right direction but small'
>>> verdict_c3(delta_tilt_deg=-1.0, ql_change_pct=0.3)
'contradicted'
>>> [c.id for c in evaluate_claims()][:3]
['C1', 'C2', 'C3']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..core import kinematics
from ..core.balance import DEFAULTS, INPUT_RANGES, stand
from ..core.parameters import GROUPS, ParameterSet, read_data_file

__all__ = [
    "SUPPORTED",
    "SMALL",
    "CONTRADICTED",
    "UNTESTABLE",
    "VERDICTS",
    "TILT_DETECTABLE_DEG",
    "QL_LENGTH_MEANINGFUL_PCT",
    "FORCE_MEANINGFUL_PCT",
    "QL_SLOPE_MIN_MM_PER_DEG",
    "THIGH_SHARE_MAJORITY",
    "LITTLE_FORCE_RATIO",
    "ABDUCTOR_LARGE_BW",
    "EXERCISE_EFFORT_SUBSTANTIAL",
    "THRESHOLDS",
    "QUAD_DOMINANT",
    "TRAINING_GAIN",
    "START_QUAD_TIGHTNESS",
    "Claim",
    "Number",
    "claim_text",
    "evaluate_claims",
    "verdict_changes",
    "verdict_spread",
    "graded_verdict",
    "verdict_c1",
    "verdict_c2",
    "verdict_c3",
    "verdict_c4",
    "verdict_c5",
    "verdict_c6",
    "verdict_c7",
    "verdict_c8",
    "verdict_c9",
]

SUPPORTED = "supported"
SMALL = "right direction but small"
CONTRADICTED = "contradicted"
UNTESTABLE = "untestable here"
#: The four plain-word verdicts.
VERDICTS: tuple[str, ...] = (SUPPORTED, SMALL, CONTRADICTED, UNTESTABLE)

# --- thresholds (what counts as "clear"), each with its reasoning --------------------------

#: deg. A tilt change smaller than this cannot be told apart from how pelves are built: the
#: ASIS-PSIS angle of pelves in the same reference position spreads with a standard
#: deviation of 5 deg (Preece 2008: 13 +/- 5 deg). Used by C3, C5, C6.
TILT_DETECTABLE_DEG = 5.0
#: % of QL length. A muscle shortened by less than this stays on the flat top of its
#: force-length curve (Thelen, gamma 0.45: under 0.6 % force change at the optimum); used
#: as the "clear shortening" of C3.
QL_LENGTH_MEANINGFUL_PCT = 5.0
#: % of maximal force. A loss smaller than this is within the day-to-day scatter of maximal
#: force measurements (teaching threshold, assumption). Used by C4.
FORCE_MEANINGFUL_PCT = 5.0
#: mm per deg. Below this, a 15 deg tilt would move the QL's ends by under 0.15 mm, less than
#: 0.1 % of its length: no practical dependence (the smallest fascicle slope of validation
#: target V3 is 0.02 mm/deg). Used by C1.
QL_SLOPE_MIN_MM_PER_DEG = 0.01
#: fraction. "The thigh muscles set the pelvis" is taken to mean rectus femoris and the
#: hamstrings carry at least half of all moments acting on the pelvis at the posture. C2.
THIGH_SHARE_MAJORITY = 0.5
#: ratio. "Little force" is taken to mean the abdominals can turn the pelvis with less than
#: half the moment of rectus femoris, the anterior tilter the argument centres on; at a ratio
#: of 1 or more they are as strong a tilter as rectus femoris (contradicted). C7.
LITTLE_FORCE_RATIO = 0.5
#: body weights. The abductors carry a "large" load in single-leg stance when their force
#: exceeds body weight. C8.
ABDUCTOR_LARGE_BW = 1.0
#: fraction of maximal abductor moment. An exercise "loads the abductors substantially" when
#: each repetition needs at least a quarter of the maximal moment (validation target V4 asks
#: for "a substantial fraction"; 0.25 is a labelled teaching threshold). C9.
EXERCISE_EFFORT_SUBSTANTIAL = 0.25

#: Every threshold with its unit, the claims it serves and the reasoning (for notebooks).
THRESHOLDS: dict[str, tuple[float, str, str, str]] = {
    "TILT_DETECTABLE_DEG": (
        TILT_DETECTABLE_DEG, "deg", "C3, C5, C6",
        "a smaller tilt change cannot be told apart from how pelves are built: the ASIS-PSIS "
        "angle of cadaver pelves spreads with this standard deviation (Preece 2008)"),
    "QL_LENGTH_MEANINGFUL_PCT": (
        QL_LENGTH_MEANINGFUL_PCT, "% of QL length", "C3",
        "a muscle shortened by less stays on the flat top of its force-length curve"),
    "FORCE_MEANINGFUL_PCT": (
        FORCE_MEANINGFUL_PCT, "% of maximal force", "C4",
        "a smaller loss is within the day-to-day scatter of maximal force measurements "
        "(teaching threshold)"),
    "QL_SLOPE_MIN_MM_PER_DEG": (
        QL_SLOPE_MIN_MM_PER_DEG, "mm per deg", "C1",
        "below it a large tilt would move the QL's ends by a fraction of a millimetre"),
    "THIGH_SHARE_MAJORITY": (
        THIGH_SHARE_MAJORITY, "share of all moments on the pelvis", "C2",
        "'the thigh muscles set the pelvis' read as: they carry at least half of the moments"),
    "LITTLE_FORCE_RATIO": (
        LITTLE_FORCE_RATIO, "abdominals / rectus femoris moment capacity", "C7",
        "'little' read as: less than half of the anterior tilter the argument centres on; "
        "a ratio of 1 or more contradicts it"),
    "ABDUCTOR_LARGE_BW": (
        ABDUCTOR_LARGE_BW, "body weights", "C8",
        "a load larger than body weight at every step is a large load"),
    "EXERCISE_EFFORT_SUBSTANTIAL": (
        EXERCISE_EFFORT_SUBSTANTIAL, "fraction of maximal abductor moment", "C9",
        "validation target V4 asks for 'a substantial fraction'; a quarter is the labelled "
        "teaching threshold"),
}

# --- scenarios (multiples of the baseline body) ---------------------------------------------

#: C3/C4: a quadriceps-dominant body: quadriceps 1.5 x and hamstrings 0.75 x the baseline,
#: which halves the hamstring:quadriceps strength ratio (from the normative knee H:Q of about
#: 0.6 to about 0.3, far outside the normal range).
QUAD_DOMINANT: dict[str, float] = {"quad_strength": 1.5, "hamstring_strength": 0.75}
#: C5/C6: strength gain of a trained muscle group, a multiple of its strength (teaching
#: assumption: a few months of resistance training; the exercise notebooks model the program).
TRAINING_GAIN = 1.3
#: C5: quadriceps tightness (fraction of optimal length lost) of the body before stretching.
START_QUAD_TIGHTNESS = 0.1


def graded_verdict(effect: float, threshold: float) -> str:
    """Verdict for an effect measured in the claim's direction (positive = as claimed).

    ``effect <= 0`` is contradicted, ``0 < effect < threshold`` right direction but small,
    ``effect >= threshold`` supported; NaN (no posture) is untestable.

    >>> [graded_verdict(e, 5.0) for e in (-1.0, 0.0, 4.9, 5.0)]
    ['contradicted', 'contradicted', 'right direction but small', 'supported']
    """
    e = float(effect)
    if e != e:
        return UNTESTABLE
    if e <= 0.0:
        return CONTRADICTED
    return SUPPORTED if e >= threshold else SMALL


def verdict_c1(ql_slope_mm_per_deg: float) -> str:
    """C1: the QL's length depends on the pelvis (either sign) if ``|slope|`` reaches
    :data:`QL_SLOPE_MIN_MM_PER_DEG`; a zero slope contradicts it.

    >>> verdict_c1(-0.31), verdict_c1(0.005), verdict_c1(0.0)
    ('supported', 'right direction but small', 'contradicted')
    """
    return graded_verdict(abs(ql_slope_mm_per_deg), QL_SLOPE_MIN_MM_PER_DEG)


def verdict_c2(quad_moment_Nm: float, hamstring_moment_Nm: float, thigh_share: float) -> str:
    """C2: the quadriceps must tilt anteriorly (moment > 0) and the hamstrings posteriorly
    (< 0), else contradicted; then supported if their share of all moments on the pelvis
    reaches :data:`THIGH_SHARE_MAJORITY`, otherwise right direction but small.

    >>> verdict_c2(2.1, -5.4, 0.23), verdict_c2(2.1, -5.4, 0.6), verdict_c2(-1.0, -5.4, 0.6)
    ('right direction but small', 'supported', 'contradicted')
    """
    if not (quad_moment_Nm > 0.0 and hamstring_moment_Nm < 0.0):
        return CONTRADICTED
    return graded_verdict(max(thigh_share, 1e-12), THIGH_SHARE_MAJORITY)


def verdict_c3(delta_tilt_deg: float, ql_change_pct: float) -> str:
    """C3: a quadriceps-dominant balance must tilt the pelvis forward (``delta_tilt_deg > 0``)
    and shorten the QL (``ql_change_pct < 0``), else contradicted; supported only if both
    reach their thresholds (:data:`TILT_DETECTABLE_DEG`, :data:`QL_LENGTH_MEANINGFUL_PCT`).

    >>> verdict_c3(6.0, -6.0), verdict_c3(6.0, -1.0), verdict_c3(1.0, -6.0)
    ('supported', 'right direction but small', 'right direction but small')
    """
    if not (delta_tilt_deg > 0.0 and ql_change_pct < 0.0):
        return CONTRADICTED
    tilt = graded_verdict(delta_tilt_deg, TILT_DETECTABLE_DEG)
    length = graded_verdict(-ql_change_pct, QL_LENGTH_MEANINGFUL_PCT)
    return SUPPORTED if tilt == length == SUPPORTED else SMALL


def verdict_c4(capacity_change_pct: float) -> str:
    """C4: the shortened QL must lose force capacity (``capacity_change_pct < 0``); supported
    if the loss reaches :data:`FORCE_MEANINGFUL_PCT`.

    >>> verdict_c4(-6.0), verdict_c4(-0.01), verdict_c4(0.005)
    ('supported', 'right direction but small', 'contradicted')
    """
    return graded_verdict(-capacity_change_pct, FORCE_MEANINGFUL_PCT)


def verdict_c5(delta_tilt_deg: float) -> str:
    """C5: the remedy must tilt the pelvis back (``delta_tilt_deg < 0``); supported if by at
    least :data:`TILT_DETECTABLE_DEG`.

    >>> verdict_c5(-6.0), verdict_c5(-1.5), verdict_c5(0.5)
    ('supported', 'right direction but small', 'contradicted')
    """
    return graded_verdict(-delta_tilt_deg, TILT_DETECTABLE_DEG)


def verdict_c6(delta_tilt_deg: float) -> str:
    """C6: the advice against back strengthening has a mechanical basis in the model only if
    trained back extensors tilt the pelvis forward by at least :data:`TILT_DETECTABLE_DEG`
    (supported). Below that the model finds no cost that could be detected, and trials find
    a benefit: contradicted. (Weakness being rare is not something a posture model computes.)

    >>> verdict_c6(6.0), verdict_c6(0.9), verdict_c6(-0.5)
    ('supported', 'contradicted', 'contradicted')
    """
    return SUPPORTED if graded_verdict(delta_tilt_deg, TILT_DETECTABLE_DEG) == SUPPORTED \
        else CONTRADICTED


def verdict_c7(abdominal_to_quad_ratio: float) -> str:
    """C7: "little force" holds if the abdominals' moment capacity on the pelvis is below
    :data:`LITTLE_FORCE_RATIO` of rectus femoris' (supported); from that up to 1, weaker but
    not little (right direction but small); at 1 or more, contradicted.

    >>> verdict_c7(0.3), verdict_c7(0.82), verdict_c7(1.24)
    ('supported', 'right direction but small', 'contradicted')
    """
    return graded_verdict(1.0 - abdominal_to_quad_ratio, 1.0 - LITTLE_FORCE_RATIO)


def verdict_c8(abductor_force_BW: float | None) -> str:
    """C8: strong abductors matter if single-leg stance asks them for at least
    :data:`ABDUCTOR_LARGE_BW` body weights; ``None`` (no frontal-plane model) is untestable.

    >>> verdict_c8(2.2), verdict_c8(0.5), verdict_c8(None)
    ('supported', 'right direction but small', 'untestable here')
    """
    if abductor_force_BW is None:
        return UNTESTABLE
    return graded_verdict(abductor_force_BW, ABDUCTOR_LARGE_BW)


def verdict_c9(effort_at_parallel: float | None, substitution_at_parallel: float | None) -> str:
    """C9: at the prescribed height (leg parallel to the surface) the exercise must stay out of
    the QL substitution zone (``substitution_at_parallel == 0``), else contradicted; then
    supported if the relative effort reaches :data:`EXERCISE_EFFORT_SUBSTANTIAL`.
    ``None`` (no exercise model) is untestable.

    >>> verdict_c9(0.34, 0.0), verdict_c9(0.1, 0.0), verdict_c9(0.34, 0.5), verdict_c9(None, None)
    ('supported', 'right direction but small', 'contradicted', 'untestable here')
    """
    if effort_at_parallel is None or substitution_at_parallel is None:
        return UNTESTABLE
    if substitution_at_parallel > 0.0:
        return CONTRADICTED
    return graded_verdict(effort_at_parallel, EXERCISE_EFFORT_SUBSTANTIAL)


# --- the model side ----------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    """A computed number with its unit and what it is."""

    value: float
    unit: str
    what: str
    fmt: str = ".3g"

    def __str__(self) -> str:
        return f"{self.what}: {self.value:{self.fmt}} {self.unit}".rstrip()


@dataclass(frozen=True)
class Claim:
    """One claim with its computed numbers, the verdict and the sentence that explains it."""

    id: str
    title: str
    predicts: str
    model_test: str
    evidence: str
    literature: tuple[str, ...]
    data: tuple[str, ...]
    numbers: dict[str, Number] = field(default_factory=dict)
    verdict: str = UNTESTABLE
    reason: str = ""

    def value(self, key: str) -> float:
        """The value of one computed number."""
        return self.numbers[key].value

    def data_sources(self) -> list[tuple[str, str]]:
        """``(data entry, its source)`` for each bundled parameter entry the test uses."""
        out = []
        for entry in self.data:
            file, key = (part.strip() for part in entry.split(":", 1))
            node: Any = read_data_file(file)
            for k in key.split("."):
                node = node[k]
            if isinstance(node, dict):
                node = node.get("source") or node.get("points_source") or ""
            out.append((entry, str(node)))
        return out

    def report(self) -> str:
        """The computed numbers, the verdict and why, as plain text for a notebook."""
        lines = [f"{self.id}, computed now by the model:"]
        lines += [f"  {n}" for n in self.numbers.values()] or ["  (nothing the model computes)"]
        lines.append(f"Verdict: {self.verdict.upper()}")
        lines.append(f"Why: {self.reason.rsplit(' Verdict:', 1)[0]}")
        return "\n".join(lines)


def claim_text(claim_id: str) -> dict[str, Any]:
    """Paraphrase, prediction, model test and evidence of a claim (``data/claims.toml``).

    >>> "QL" in claim_text("C1")["title"]
    True
    """
    data = read_data_file("claims.toml")
    if claim_id not in data:
        raise ValueError(f"claim_id = {claim_id!r} is not a claim; choose one of "
                         f"{', '.join(data)}")
    return dict(data[claim_id])


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


def evaluate_claims(
    *,
    params: str | ParameterSet = "gait2392",
    view: str = "full",
    **baseline: Any,
) -> list[Claim]:
    """Compute every claim's numbers from the model and give each its verdict.

    ``baseline`` holds scalar ``stand`` inputs describing the body (e.g.
    ``ql_neutral_fibre_length=0.8``, ``hamstring_strength=0.7``); scenarios multiply its
    strengths (clamped to :data:`~backspasm_model.core.balance.INPUT_RANGES`). ``params`` and
    ``view`` as in :func:`~backspasm_model.core.balance.stand`.

    >>> c = {c.id: c for c in evaluate_claims()}
    >>> c["C3"].verdict in VERDICTS and c["C3"].value("delta_tilt") > 0
    True
    """
    for k, v in baseline.items():
        if np.ndim(v):
            raise ValueError(f"evaluate_claims takes a scalar baseline; {k} has shape "
                             f"{np.shape(v)}")
    stand(params=params, view=view, **baseline)  # validates the baseline (names, ranges)
    kw = {"params": params, "view": view}
    pname = params.name if isinstance(params, ParameterSet) else str(params)
    results: dict[str, tuple[dict[str, Number], str, str]] = {"C1": _c1()}
    results["C2"] = _c2(baseline, kw)
    results["C3"], results["C4"] = _c3_c4(baseline, kw)
    results["C5"] = _c5(baseline, kw)
    results["C6"] = _c6(baseline, kw)
    results["C7"] = _c7(params)
    results["C8"] = _c8(pname)
    results["C9"] = _c9(pname)
    out = []
    for cid, (nums, verdict, reason) in results.items():
        t = claim_text(cid)
        out.append(Claim(cid, t["title"], t["predicts"], t["model_test"], t["evidence"],
                         tuple(t["literature"]), tuple(t["data"]), nums, verdict,
                         f"{reason} Verdict: {verdict}."))
    return out


def verdict_changes(*, params: str | ParameterSet = "gait2392", view: str = "full",
                    **baseline: Any) -> list[tuple[str, str, str]]:
    """Claims whose verdict differs from the default model's after changing assumptions:
    ``(claim id, default verdict, new verdict)``.

    >>> verdict_changes(params="rajagopal2016")[0][0]
    'C7'
    """
    ref = {c.id: c.verdict for c in evaluate_claims()}
    return [(c.id, ref[c.id], c.verdict)
            for c in evaluate_claims(params=params, view=view, **baseline)
            if c.verdict != ref[c.id]]


def verdict_spread(
    n: int = 2000,
    *,
    seed: int | None = 0,
    view: str = "full",
    **baseline: Any,
) -> dict[str, dict[str, float]]:
    """How sure is each verdict? The share of plausible bodies
    (:func:`~backspasm_model.evidence.uncertainty.sample_bodies`) given each verdict, for the claims
    whose numbers depend on the uncertain inputs (C3, C4, C5, C6). The same bodies are used
    before and after each scenario.

    >>> s = verdict_spread(300)
    >>> round(sum(s["C3"].values()), 6)
    1.0
    """
    from .uncertainty import sample_bodies

    def bodies(kw: dict[str, Any]) -> Any:
        return sample_bodies(n, seed=seed, view=view, **kw)

    b0 = bodies(dict(baseline))
    b1 = bodies(_scaled(baseline, **QUAD_DOMINANT))
    start = _scaled(baseline, **QUAD_DOMINANT)
    start["quad_tightness"] = START_QUAD_TIGHTNESS
    after = _scaled(start, hamstring_strength=TRAINING_GAIN)
    after["quad_tightness"] = 0.0
    b5s, b5a = bodies(start), bodies(after)
    b6 = bodies(_scaled(baseline, back_extensor_strength=TRAINING_GAIN))
    l_neutral_mm = _f(kinematics.ql_length_m(0.0)) * 1000.0
    dl_pct = 100.0 * (b1.ql_length_change_mm - b0.ql_length_change_mm) / (
        l_neutral_mm + b0.ql_length_change_mm)
    per_body = {
        "C3": [verdict_c3(t, p) for t, p in zip(b1.tilt_deg - b0.tilt_deg, dl_pct, strict=True)],
        "C4": [verdict_c4(100.0 * (c1 - c0) / c0)
               for c0, c1 in zip(b0.ql_force_capacity, b1.ql_force_capacity, strict=True)],
        "C5": [verdict_c5(d) for d in b5a.tilt_deg - b5s.tilt_deg],
        "C6": [verdict_c6(d) for d in b6.tilt_deg - b0.tilt_deg],
    }
    return {cid: {v: vs.count(v) / len(vs) for v in VERDICTS if vs.count(v)}
            for cid, vs in per_body.items()}
