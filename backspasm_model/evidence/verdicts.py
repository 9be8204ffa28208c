"""The verdict rules of the claims: the four plain-word verdicts, every threshold with its
reasoning, the scenarios (multiples of the baseline body), and one ``verdict_c*`` function per
claim that turns computed numbers into a verdict (so each rule can be tested on made-up numbers
on both sides of its threshold). Standard library and numpy only.

The missing-number rule, the same in every ``verdict_c*`` and in :func:`graded_verdict`: a
number that is missing (NaN, as the model gives where a body has no stable posture, or
``None``) makes the verdict "untestable here", never "contradicted" or "supported". Anything
that is not a real number (text, bool, complex) raises ``TypeError``, infinity ``ValueError``,
naming the parameter, the value, the range and the unit.

>>> verdict_c3(delta_tilt_deg=1.2, ql_change_pct=-0.2)
'right direction but small'
>>> graded_verdict(float("nan"), 5.0)
'untestable here'
>>> verdict_c3(float("nan"), float("nan")), verdict_c9(0.34, float("nan"))
('untestable here', 'untestable here')
"""

from __future__ import annotations

import math

from ..core.checks import check_scalar

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


def _numbers(**named: tuple[object, str]) -> dict[str, float] | None:
    """The named inputs as floats, each ``(value, unit)`` checked as a real number; ``None``
    if any of them is missing (``None`` or NaN): the verdict is then untestable."""
    out = {}
    for name, (value, unit) in named.items():
        if value is None:
            return None
        lo, hi = (0.0, 1.0) if unit == "fraction" else (-math.inf, math.inf)
        if isinstance(value, float) and (lo <= value <= hi and not math.isinf(value)):
            v = value  # fast path (float, numpy float64): a plain in-range number
        else:
            v = check_scalar(name, value, lo, hi, unit, allow_nan=True)
        if v != v:
            return None
        out[name] = float(v)
    return out


def graded_verdict(effect: float, threshold: float) -> str:
    """Verdict for an effect measured in the claim's direction (positive = as claimed).

    ``effect <= 0`` is contradicted, ``0 < effect < threshold`` right direction but small,
    ``effect >= threshold`` supported; NaN (no posture) is untestable.

    >>> [graded_verdict(e, 5.0) for e in (-1.0, 0.0, 4.9, 5.0)]
    ['contradicted', 'contradicted', 'right direction but small', 'supported']
    """
    v = _numbers(effect=(effect, "threshold units"), threshold=(threshold, "threshold units"))
    if v is None:
        return UNTESTABLE
    e = v["effect"]
    if e <= 0.0:
        return CONTRADICTED
    return SUPPORTED if e >= v["threshold"] else SMALL


def verdict_c1(ql_slope_mm_per_deg: float) -> str:
    """C1: the QL's length depends on the pelvis (either sign) if ``|slope|`` reaches
    :data:`QL_SLOPE_MIN_MM_PER_DEG`; a zero slope contradicts it.

    >>> verdict_c1(-0.31), verdict_c1(0.005), verdict_c1(0.0)
    ('supported', 'right direction but small', 'contradicted')
    """
    v = _numbers(ql_slope_mm_per_deg=(ql_slope_mm_per_deg, "mm/deg"))
    if v is None:
        return UNTESTABLE
    return graded_verdict(abs(v["ql_slope_mm_per_deg"]), QL_SLOPE_MIN_MM_PER_DEG)


def verdict_c2(quad_moment_Nm: float, hamstring_moment_Nm: float, thigh_share: float) -> str:
    """C2: the quadriceps must tilt anteriorly (moment > 0) and the hamstrings posteriorly
    (< 0), else contradicted; then supported if their share of all moments on the pelvis
    reaches :data:`THIGH_SHARE_MAJORITY`, otherwise right direction but small.

    >>> verdict_c2(2.1, -5.4, 0.23), verdict_c2(2.1, -5.4, 0.6), verdict_c2(-1.0, -5.4, 0.6)
    ('right direction but small', 'supported', 'contradicted')
    >>> verdict_c2(float("nan"), -5.4, 0.6)
    'untestable here'
    """
    v = _numbers(quad_moment_Nm=(quad_moment_Nm, "N m"),
                 hamstring_moment_Nm=(hamstring_moment_Nm, "N m"),
                 thigh_share=(thigh_share, "fraction"))
    if v is None:
        return UNTESTABLE
    if not (v["quad_moment_Nm"] > 0.0 and v["hamstring_moment_Nm"] < 0.0):
        return CONTRADICTED
    return graded_verdict(max(v["thigh_share"], 1e-12), THIGH_SHARE_MAJORITY)


def verdict_c3(delta_tilt_deg: float, ql_change_pct: float) -> str:
    """C3: a quadriceps-dominant balance must tilt the pelvis forward (``delta_tilt_deg > 0``)
    and shorten the QL (``ql_change_pct < 0``), else contradicted; supported only if both
    reach their thresholds (:data:`TILT_DETECTABLE_DEG`, :data:`QL_LENGTH_MEANINGFUL_PCT`).

    >>> verdict_c3(6.0, -6.0), verdict_c3(6.0, -1.0), verdict_c3(1.0, -6.0)
    ('supported', 'right direction but small', 'right direction but small')
    """
    v = _numbers(delta_tilt_deg=(delta_tilt_deg, "deg"), ql_change_pct=(ql_change_pct, "%"))
    if v is None:
        return UNTESTABLE
    if not (v["delta_tilt_deg"] > 0.0 and v["ql_change_pct"] < 0.0):
        return CONTRADICTED
    tilt = graded_verdict(v["delta_tilt_deg"], TILT_DETECTABLE_DEG)
    length = graded_verdict(-v["ql_change_pct"], QL_LENGTH_MEANINGFUL_PCT)
    return SUPPORTED if tilt == length == SUPPORTED else SMALL


def verdict_c4(capacity_change_pct: float) -> str:
    """C4: the shortened QL must lose force capacity (``capacity_change_pct < 0``); supported
    if the loss reaches :data:`FORCE_MEANINGFUL_PCT`.

    >>> verdict_c4(-6.0), verdict_c4(-0.01), verdict_c4(0.005)
    ('supported', 'right direction but small', 'contradicted')
    """
    v = _numbers(capacity_change_pct=(capacity_change_pct, "%"))
    return UNTESTABLE if v is None else graded_verdict(-v["capacity_change_pct"],
                                                         FORCE_MEANINGFUL_PCT)


def verdict_c5(delta_tilt_deg: float) -> str:
    """C5: the remedy must tilt the pelvis back (``delta_tilt_deg < 0``); supported if by at
    least :data:`TILT_DETECTABLE_DEG`.

    >>> verdict_c5(-6.0), verdict_c5(-1.5), verdict_c5(0.5)
    ('supported', 'right direction but small', 'contradicted')
    """
    v = _numbers(delta_tilt_deg=(delta_tilt_deg, "deg"))
    return UNTESTABLE if v is None else graded_verdict(-v["delta_tilt_deg"], TILT_DETECTABLE_DEG)


def verdict_c6(delta_tilt_deg: float) -> str:
    """C6: the advice against back strengthening has a mechanical basis in the model only if
    trained back extensors tilt the pelvis forward by at least :data:`TILT_DETECTABLE_DEG`
    (supported). Below that the model finds no cost that could be detected, and trials find
    a benefit: contradicted. (Weakness being rare is not something a posture model computes.)

    >>> verdict_c6(6.0), verdict_c6(0.9), verdict_c6(-0.5), verdict_c6(float("nan"))
    ('supported', 'contradicted', 'contradicted', 'untestable here')
    """
    v = _numbers(delta_tilt_deg=(delta_tilt_deg, "deg"))
    if v is None:
        return UNTESTABLE
    return SUPPORTED if graded_verdict(v["delta_tilt_deg"], TILT_DETECTABLE_DEG) == SUPPORTED \
        else CONTRADICTED


def verdict_c7(abdominal_to_quad_ratio: float) -> str:
    """C7: "little force" holds if the abdominals' moment capacity on the pelvis is below
    :data:`LITTLE_FORCE_RATIO` of rectus femoris' (supported); from that up to 1, weaker but
    not little (right direction but small); at 1 or more, contradicted.

    >>> verdict_c7(0.3), verdict_c7(0.82), verdict_c7(1.24)
    ('supported', 'right direction but small', 'contradicted')
    """
    v = _numbers(abdominal_to_quad_ratio=(abdominal_to_quad_ratio, "ratio"))
    if v is None:
        return UNTESTABLE
    return graded_verdict(1.0 - v["abdominal_to_quad_ratio"], 1.0 - LITTLE_FORCE_RATIO)


def verdict_c8(abductor_force_BW: float | None) -> str:
    """C8: strong abductors matter if single-leg stance asks them for at least
    :data:`ABDUCTOR_LARGE_BW` body weights; ``None`` (no frontal-plane model) is untestable.

    >>> verdict_c8(2.2), verdict_c8(0.5), verdict_c8(None)
    ('supported', 'right direction but small', 'untestable here')
    """
    v = _numbers(abductor_force_BW=(abductor_force_BW, "BW"))
    return UNTESTABLE if v is None else graded_verdict(v["abductor_force_BW"], ABDUCTOR_LARGE_BW)


def verdict_c9(effort_at_parallel: float | None, substitution_at_parallel: float | None) -> str:
    """C9: at the prescribed height (leg parallel to the surface) the exercise must stay out of
    the QL substitution zone (``substitution_at_parallel == 0``), else contradicted; then
    supported if the relative effort reaches :data:`EXERCISE_EFFORT_SUBSTANTIAL`.
    ``None`` (no exercise model) or NaN is untestable.

    >>> verdict_c9(0.34, 0.0), verdict_c9(0.1, 0.0), verdict_c9(0.34, 0.5), verdict_c9(None, None)
    ('supported', 'right direction but small', 'contradicted', 'untestable here')
    """
    v = _numbers(effort_at_parallel=(effort_at_parallel, "fraction of maximal moment"),
                 substitution_at_parallel=(substitution_at_parallel, "fraction"))
    if v is None:
        return UNTESTABLE
    if v["substitution_at_parallel"] > 0.0:
        return CONTRADICTED
    return graded_verdict(v["effort_at_parallel"], EXERCISE_EFFORT_SUBSTANTIAL)


# --- the model side ----------------------------------------------------------------------
