"""The public contract under fuzz (issue 14, item 15).

Every public function of the model (``backspasm_model.__all__``, the public functions of
``core.kinematics``, the exercise modules, ``evidence.uncertainty``, ``evidence.sensitivity``,
``evidence.claims`` and ``apps.selfcheck``) is called with one parameter at a time replaced
by a generated value of every input class: range edges and just outside, ints, bools,
float32, 0-d, empty and 2-D arrays, NaN and infinity (alone and mixed into arrays), None,
text, complex numbers, ``fractions.Fraction`` and huge integers (10**400). A call may only

* return a finite result (NaN only where documented: no posture, a missing number), or
* raise ``ValueError``/``TypeError`` whose message names the parameter, its value, the
  allowed range (or choices) and the unit (:func:`assert_clear_error`); a
  :class:`~backspasm_model.NoPostureError` is the documented refusal of a balance with no
  stable posture.

Input that is certainly bad (text, None, bool, complex, NaN where not documented, infinity,
out of range, an array where one number is needed, a fraction where a whole number is
needed) must be refused, never read as a number. Long-running calls have bounds: the valid
values drawn for ``n``-like parameters stay small (``cheap``) and their bound is tested by the
value just above it, which must be refused quickly.

Classes exported for type hints and results (``StandResult``, ``ParameterSet`` ...) are not
called; every public *function* is, and :func:`test_every_public_function_is_fuzzed` fails if
one is added without a specification here.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import io
import math
import numbers
from contextlib import redirect_stdout
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import backspasm_model as bm
from backspasm_model.apps import selfcheck
from backspasm_model.core import kinematics
from backspasm_model.evidence import claims, sensitivity, uncertainty
from backspasm_model.exercises import abduction, dose, prescription, programme, stance

# --- specifications of the parameters ---------------------------------------------------------


@dataclass(frozen=True)
class Num:
    """A real number (or array of them) in ``[lo, hi]`` ``unit``."""

    lo: float
    hi: float
    unit: str
    scalar: bool = False  # one number only (arrays refused)
    whole: bool = False  # a whole number
    nan_ok: bool = False  # NaN means "missing" and passes through
    none_ok: bool = False  # None is documented (missing number, or the default)
    cheap: float | None = None  # valid values drawn only up to here (cost bound)


@dataclass(frozen=True)
class Choice:
    options: tuple[str, ...]


@dataclass(frozen=True)
class Flag:
    pass


@dataclass(frozen=True)
class Seed:
    pass


@dataclass(frozen=True)
class Text:
    pass


@dataclass(frozen=True)
class Answer:
    """A learner's answer to a print-based self-check: anything is allowed, nothing raises."""


@dataclass(frozen=True)
class Fn:
    func: Any
    params: dict[str, Any]
    base: dict[str, Any] = dataclasses.field(default_factory=dict)
    nan_out: bool = False  # NaN in the result is documented (no posture)
    examples: int = 30


def _r(rng: Any, **kw: Any) -> Num:
    return Num(rng.lo, rng.hi, rng.unit, **kw)


R, ER = bm.INPUT_RANGES, abduction.EXERCISE_INPUT_RANGES
SR, PR = stance.STANCE_INPUT_RANGES, programme.PROGRAM_INPUT_RANGES
TILT = _r(kinematics.TILT_RANGE_DEG, nan_ok=True)
ROT = _r(kinematics.ROTATION_RANGE_DEG, nan_ok=True)
VIEW = Choice(tuple(bm.VIEWS))
PSET = Choice(tuple(bm.PARAMETER_SET_NAMES))
CAP = Choice(abduction.CAPACITY_SETS)
SEG = Choice(abduction.SEGMENT_TABLES)
OUT = Choice(uncertainty.OUTPUTS)
NUMBER = Num(-math.inf, math.inf, "", scalar=True, nan_ok=True)
FRACTION = Num(0.0, 1.0, "fraction", scalar=True, nan_ok=True)
STAND = {k: _r(v) for k, v in R.items()}
SCALAR_STAND = {k: _r(v, scalar=True) for k, v in R.items()}
FEW_STAND = {k: SCALAR_STAND[k] for k in ("quad_strength", "hamstring_tightness", "activation")}
BANDED = {k: _r(R[k], scalar=True) for k in ("quad_strength", "hamstring_strength")}
BANDED_ARRAYS = {k: _r(R[k]) for k in ("quad_strength", "hamstring_strength")}


def _verdict(*names_units: tuple[str, str]) -> dict[str, Any]:
    return {
        n: Num(0.0, 1.0, u, scalar=True, nan_ok=True, none_ok=True)
        if u == "fraction"
        else Num(-math.inf, math.inf, u, scalar=True, nan_ok=True, none_ok=True)
        for n, u in names_units
    }


FUNCTIONS: dict[str, Fn] = {
    # core (package level)
    "stand": Fn(
        bm.stand,
        {**STAND, "view": VIEW, "params": PSET, "on_unstable": Choice(("raise", "nan"))},
        examples=80,
    ),
    "net_moment_Nm": Fn(
        bm.net_moment_Nm,
        {
            "tilt_deg": _r(kinematics.TILT_RANGE_DEG),
            **{k: STAND[k] for k in FEW_STAND},
            "view": VIEW,
        },
        {"tilt_deg": 0.0},
    ),
    "group_moments_Nm": Fn(
        bm.group_moments_Nm,
        {"tilt_deg": _r(kinematics.TILT_RANGE_DEG), **FEW_STAND},
        {"tilt_deg": 0.0},
    ),
    "hip_moment_capacity_Nm": Fn(
        bm.hip_moment_capacity_Nm,
        {"group": Choice(tuple(bm.GROUPS)), "params": PSET},
        {"group": "hamstrings"},
    ),
    "load_parameter_set": Fn(bm.load_parameter_set, {"name": PSET}),
    # core.kinematics
    "clinical_tilt_deg": Fn(
        kinematics.clinical_tilt_deg, {"model_tilt_deg": TILT}, {"model_tilt_deg": 0.0}
    ),
    "model_tilt_deg": Fn(
        kinematics.model_tilt_deg,
        {
            "clinical_tilt": Num(
                -45 + kinematics.ASIS_PSIS_OFFSET_DEG,
                45 + kinematics.ASIS_PSIS_OFFSET_DEG,
                "deg",
                nan_ok=True,
            )
        },
        {"clinical_tilt": 0.0},
    ),
    "lumbar_joint_extension_deg": Fn(
        kinematics.lumbar_joint_extension_deg, {"tilt_deg": TILT}, {"tilt_deg": 0.0}
    ),
    "lumbar_extension_deg": Fn(
        kinematics.lumbar_extension_deg, {"tilt_deg": TILT}, {"tilt_deg": 0.0}
    ),
    "thorax_angle_deg": Fn(kinematics.thorax_angle_deg, {"tilt_deg": TILT}, {"tilt_deg": 0.0}),
    "point_position_m": Fn(
        kinematics.point_position_m,
        {"tilt_deg": ROT, "body": Num(0, 5, "body index", scalar=True, whole=True)},
        {"tilt_deg": 0.0, "point_m": [0.1, 0.2], "body": 0},
    ),
    "ql_length_m": Fn(bm.ql_length_m, {"tilt_deg": TILT}, {"tilt_deg": 0.0}),
    "ql_fascicle_length_m": Fn(
        bm.ql_fascicle_length_m,
        {"tilt_deg": TILT, "fascicle": Choice(tuple(kinematics.QL_FASCICLES))},
        {"tilt_deg": 0.0, "fascicle": kinematics.QL_HEADLINE},
    ),
    # exercises
    "side_lying_abduction": Fn(
        bm.side_lying_abduction,
        {
            "angle_deg": _r(ER["angle_deg"], none_ok=True),  # None: the default sweep
            "body_mass_kg": _r(ER["body_mass_kg"]),
            "ankle_weight_kg": _r(ER["ankle_weight_kg"]),
            "abductor_strength": _r(ER["abductor_strength"]),
            "leg_length_m": _r(ER["leg_length_m"]),
            "thigh_share": _r(ER["thigh_share"]),
            "segments": SEG,
            "params": CAP,
        },
        {"angle_deg": 0.0},
    ),
    "leg_gravity_torque_Nm": Fn(
        abduction.leg_gravity_torque_Nm,
        {
            "angle_deg": _r(ER["angle_deg"]),
            "ankle_weight_kg": _r(ER["ankle_weight_kg"]),
            "segments": SEG,
        },
        {"angle_deg": 0.0},
    ),
    "abductor_capacity_Nm": Fn(
        abduction.abductor_capacity_Nm,
        {
            "angle_deg": _r(ER["angle_deg"]),
            "params": CAP,
            "abductor_strength": _r(ER["abductor_strength"]),
        },
        {"angle_deg": 0.0},
    ),
    "resting_angle_deg": Fn(abduction.resting_angle_deg, {"leg_length_m": _r(ER["leg_length_m"])}),
    "exercises_data": Fn(abduction.exercises_data, {}),
    "abduction_dose": Fn(
        bm.abduction_dose,
        {
            "sets": _r(ER["sets"], scalar=True, whole=True, none_ok=True),  # None: prescribed
            "reps": _r(ER["reps"], scalar=True, whole=True, none_ok=True),
            "top_angle_deg": _r(ER["top_angle_deg"], none_ok=True),
            "ankle_weight_kg": _r(ER["ankle_weight_kg"]),
            "body_mass_kg": _r(ER["body_mass_kg"]),
            "abductor_strength": _r(ER["abductor_strength"]),
            "effort_threshold": _r(ER["effort_threshold"]),
            "rep_duration_s": _r(ER["rep_duration_s"]),
            "fatigue_per_rep": _r(ER["fatigue_per_rep"]),
            "leg_length_m": _r(ER["leg_length_m"]),
            "segments": SEG,
            "params": CAP,
        },
        examples=60,
    ),
    "prescribed_dose": Fn(dose.prescribed_dose, {}),
    "single_leg_stance": Fn(
        bm.single_leg_stance, {**{k: _r(v) for k, v in SR.items()}, "params": CAP}, examples=50
    ),
    "program": Fn(
        bm.program,
        {
            **{k: _r(v, scalar=True) for k, v in PR.items()},
            "view": VIEW,
            "train_hamstrings": Flag(),
            "train_abductors": Flag(),
            "stretch_quads": Flag(),
        },
        {"weeks": 2},
        nan_out=True,
        examples=40,
    ),
    "apply_program": Fn(
        prescription.apply_program,
        {
            "quad_tightness": _r(R["quad_tightness"], scalar=True),
            "hamstring_strength": _r(R["hamstring_strength"], scalar=True),
        },
    ),
    "moves_text": Fn(prescription.moves_text, {}, {"item": prescription.ITEMS[1]}),
    "load_prescription": Fn(prescription.load_prescription, {}),
    # evidence.uncertainty
    "sample_bodies": Fn(
        bm.sample_bodies,
        {
            "n": Num(2, uncertainty.MAX_BODIES, "bodies", scalar=True, whole=True, cheap=300),
            "seed": Seed(),
            "view": VIEW,
            **BANDED_ARRAYS,
        },
        {"n": 50},
        nan_out=True,
    ),
    "band": Fn(
        uncertainty.band,
        {
            "values": Num(-math.inf, math.inf, "output units", nan_ok=True),
            "fraction": Num(0, 1, "fraction of bodies", scalar=True),
            "axis": Num(-1, 0, "axis of a 1-d array", scalar=True, whole=True),
        },
        {"values": [1.0, 2.0, 3.0]},
        nan_out=True,
    ),
    "describe_band": Fn(
        uncertainty.describe_band,
        {
            "value": NUMBER,
            "lo": NUMBER,
            "hi": NUMBER,
            "fraction": Num(0, 1, "fraction of bodies", scalar=True),
            "name": Text(),
            "unit": Text(),
            "digits": Num(0, 10, "decimals", scalar=True, whole=True),
        },
        {"value": 3.0, "lo": 1.0, "hi": 5.0},
    ),
    "factor_values": Fn(
        uncertainty.factor_values,
        {"unit": Num(0, 1, "fraction of each factor's distribution")},
        {"unit": np.full((2, len(uncertainty.FACTORS)), 0.5)},
    ),
    "evaluate_unit": Fn(
        uncertainty.evaluate_unit,
        {
            "unit": Num(0, 1, "fraction of each factor's distribution"),
            "view": VIEW,
            "quad_strength": _r(R["quad_strength"]),
        },
        {"unit": np.full((3, len(uncertainty.FACTORS)), 0.5)},
        nan_out=True,
    ),
    # evidence.sensitivity (SALib; tiny sizes)
    "model_sobol": Fn(
        sensitivity.model_sobol,
        {
            "output": OUT,
            "n_base": Num(
                64, sensitivity.MAX_MODEL_N_BASE, "base samples", scalar=True, whole=True, cheap=64
            ),
            "seed": Num(0, 2**32 - 2, "random seed", scalar=True, whole=True),
        },
        {"n_base": 64},
        examples=12,
    ),
    "sobol_indices": Fn(
        sensitivity.sobol_indices,
        {
            "n_base": Num(
                64, sensitivity.MAX_N_BASE, "base samples", scalar=True, whole=True, cheap=64
            ),
            "seed": Num(0, 2**32 - 2, "random seed", scalar=True, whole=True),
            "num_resamples": Num(10, 10_000, "resamples", scalar=True, whole=True, cheap=50),
            "conf_level": Num(0.5, 0.999, "probability", scalar=True),
        },
        {
            "func": sensitivity.ishigami,
            "names": ("x1", "x2", "x3"),
            "n_base": 64,
            "num_resamples": 20,
        },
        examples=15,
    ),
    "ishigami": Fn(
        sensitivity.ishigami,
        {
            "a": Num(-100, 100, "dimensionless", scalar=True),
            "b": Num(-100, 100, "dimensionless", scalar=True),
        },
        {"u": np.full((2, 3), 0.5)},
    ),
    "one_at_a_time": Fn(
        sensitivity.one_at_a_time,
        {"output": OUT, "view": VIEW, **BANDED},
        nan_out=True,
        examples=12,
    ),
    # evidence.claims
    "evaluate_claims": Fn(
        bm.evaluate_claims, {"params": PSET, "view": VIEW, **BANDED}, nan_out=True, examples=12
    ),
    "evaluate_parts": Fn(
        bm.evaluate_parts,
        {
            "params": PSET,
            "view": VIEW,
            "abductor_strength": Num(0.1, 3.0, "x nominal", scalar=True, none_ok=True),
            **BANDED,
        },
        nan_out=True,
        examples=12,
    ),
    "verdict_changes": Fn(claims.verdict_changes, {"params": PSET, **BANDED}, examples=6),
    "verdict_spread": Fn(
        claims.verdict_spread,
        {
            "n": Num(2, claims.MAX_SPREAD_BODIES, "bodies", scalar=True, whole=True, cheap=60),
            "seed": Seed(),
            "view": VIEW,
        },
        {"n": 20},
        examples=15,
    ),
    "verdict_reach": Fn(claims.verdict_reach, {"quick": Flag()}, {"quick": True}, examples=4),
    "claim_text": Fn(
        claims.claim_text,
        {"claim_id": Choice(tuple(f"C{i}" for i in range(1, 10)))},
        {"claim_id": "C1"},
    ),
    "claim_line": Fn(
        claims.claim_line,
        {"part_id": Choice(tuple(p.id for p in claims.evaluate_parts()))},
        {"part_id": "C5"},
        examples=6,
    ),
    "case_person": Fn(
        claims.case_person,
        {
            "quad_strength": _r(R["quad_strength"], scalar=True),
            "quad_tightness": _r(R["quad_tightness"], scalar=True),
            "abductor_strength": Num(0.1, 3.0, "x nominal", scalar=True),
        },
    ),
    "judge": Fn(
        claims.judge,
        {
            "effect": Num(
                -math.inf, math.inf, "yardstick units", scalar=True, nan_ok=True, none_ok=True
            ),
            "yardstick": Num(1e-9, 1e300, "yardstick units", scalar=True),
        },
        {"effect": 1.0, "yardstick": 5.0},
    ),
    "judge_part": Fn(
        claims.judge_part,
        {
            "effect": Num(
                -math.inf, math.inf, "yardstick units", scalar=True, nan_ok=True, none_ok=True
            ),
            "yardstick_key": Choice(tuple(claims.YARDSTICKS)),
        },
        {"effect": 1.0, "yardstick_key": "within_person_tilt_deg"},
    ),
    # apps.selfcheck (print-based; a learner's answer never raises)
    "check_number": Fn(
        selfcheck.check_number,
        {"answer": Answer()},
        {"answer": 3.0, "expected": 3.0, "tolerance": 0.5, "unit": "deg", "what": "the tilt"},
    ),
    "check_choice": Fn(
        selfcheck.check_choice,
        {"answer": Answer()},
        {
            "answer": "anterior",
            "expected": "Anterior",
            "options": ("Anterior", "Posterior"),
            "what": "the direction",
        },
    ),
}
if hasattr(bm, "muscle_moments_Nm"):
    FUNCTIONS["muscle_moments_Nm"] = Fn(
        bm.muscle_moments_Nm,
        {"rotation_deg": _r(kinematics.TILT_RANGE_DEG), **{k: STAND[k] for k in FEW_STAND}},
        {"rotation_deg": 0.0},
    )

# functions reached through a module's public names (everything callable in __all__)
MODULES = [
    bm,
    kinematics,
    abduction,
    dose,
    stance,
    programme,
    prescription,
    uncertainty,
    sensitivity,
    claims,
]


def test_every_public_function_is_fuzzed():
    missing = []
    for mod in MODULES:
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name)
            if inspect.isfunction(obj) and name not in FUNCTIONS:
                missing.append(f"{mod.__name__}.{name}")
    for name in ("check_number", "check_choice"):
        assert name in FUNCTIONS
    assert not missing, f"public functions without a fuzz specification: {missing}"


# --- the message check --------------------------------------------------------------------


def _end(x: float) -> set[str]:
    forms = {f"{x:g}"}
    if math.isfinite(x) and x == int(x):
        forms.add(str(int(x)))
    return forms


def _value_forms(value: Any, depth: int = 0) -> set[str]:
    """Text forms in which a message may name ``value``."""
    forms: set[str] = set()
    try:
        forms |= {repr(value)[:40], str(value)[:40]}
    except Exception:  # pragma: no cover
        pass
    if (
        isinstance(value, numbers.Integral)
        and not isinstance(value, bool)
        and abs(int(value)) > 10**17
    ):
        forms.add(f"e+{len(str(abs(int(value)))) - 1}")
    elif isinstance(value, numbers.Real | np.floating):
        try:
            f = float(value)
            forms |= {repr(f), f"{f:g}", str(f)}
        except (OverflowError, ValueError):  # pragma: no cover
            pass
    if depth == 0 and isinstance(value, list | tuple | np.ndarray):
        arr = np.asarray(value, dtype=object)
        forms |= {f"shape {arr.shape}", "array of shape"}
        for item in arr.reshape(-1)[:8]:
            forms |= _value_forms(item, depth + 1)
    return {f for f in forms if f}


def assert_clear_error(exc: BaseException, name: str, value: Any, spec: Any) -> None:
    """The refusal names the parameter, its value, the allowed range (or choices) and the
    unit."""
    msg = str(exc)
    assert name in msg, f"message does not name the parameter {name!r}: {msg}"
    assert any(f in msg for f in _value_forms(value)), (
        f"message does not name the value {value!r}: {msg}"
    )
    if isinstance(spec, Num):
        assert any(f in msg for f in _end(spec.lo)), f"no lower end {spec.lo}: {msg}"
        assert any(f in msg for f in _end(spec.hi)), f"no upper end {spec.hi}: {msg}"
        assert spec.unit in msg, f"no unit {spec.unit!r}: {msg}"
    elif isinstance(spec, Choice):
        assert all(o in msg for o in spec.options), f"choices not all named: {msg}"
    elif isinstance(spec, Flag):
        assert "True or False" in msg, msg
    elif isinstance(spec, Seed):
        assert "None" in msg and "0 to" in msg, msg
    elif isinstance(spec, Text):
        assert "string" in msg or "text" in msg, msg


# --- what must be refused ---------------------------------------------------------------------


def _is_real(x: Any) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool | np.bool_)


def must_refuse(value: Any, spec: Any) -> bool:
    """True if ``value`` is certainly bad input for ``spec``."""
    if isinstance(spec, Answer):
        return False
    if isinstance(spec, Choice):
        return not (isinstance(value, str) and value in spec.options)
    if isinstance(spec, Flag):
        return not (
            isinstance(value, bool | np.bool_)
            or (isinstance(value, numbers.Integral) and value in (0, 1))
        )
    if isinstance(spec, Seed):
        return value is not None and not (
            isinstance(value, numbers.Integral)
            and not isinstance(value, bool | np.bool_)
            and 0 <= value < 2**63
        )
    if isinstance(spec, Text):
        return not isinstance(value, str)
    if value is None and getattr(spec, "none_ok", False):
        return False
    if _is_real(value):
        items = [value]
        ndim = 0
    elif isinstance(value, list | tuple | np.ndarray):
        arr = np.asarray(value, dtype=object)
        if arr.dtype == object and isinstance(value, np.ndarray) and value.dtype.kind in "bcUS":
            return True
        items = list(arr.reshape(-1))
        ndim = arr.ndim
        if not all(_is_real(x) for x in items):
            return True
    else:
        return True
    if spec.scalar and ndim:
        return True
    for x in items:
        if isinstance(x, numbers.Integral) and not (spec.lo <= x <= spec.hi and abs(x) < 1.7e308):
            return True
        f = float(x)
        if math.isinf(f) or (f != f and not spec.nan_ok):
            return True
        if f == f and not spec.lo <= f <= spec.hi:
            return True
        if spec.whole and f == f and f != int(f):
            return True
    return False


def _has_nan(value: Any) -> bool:
    try:
        return bool(np.any(np.isnan(np.asarray(value, dtype=float))))
    except (TypeError, ValueError, OverflowError):
        return False


# --- the result check -------------------------------------------------------------------------


def _leaves(x: Any, depth: int = 0):
    if depth > 4:
        return
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        names = [f.name for f in dataclasses.fields(x)]
        # computed results too (properties, cached properties), e.g. rep_peak_effort
        names += [
            k
            for k, v in vars(type(x)).items()
            if isinstance(v, property | functools.cached_property)
        ]
        for name in names:
            if not name.startswith("_") and name not in ("params", "inputs"):
                yield from _leaves(getattr(x, name), depth + 1)
    elif isinstance(x, dict):
        for v in x.values():
            yield from _leaves(v, depth + 1)
    elif isinstance(x, list | tuple):
        for v in x:
            yield from _leaves(v, depth + 1)
    else:
        yield x


def assert_finite_result(out: Any, nan_allowed: bool) -> None:
    for leaf in _leaves(out):
        if isinstance(leaf, complex | np.complexfloating):
            raise AssertionError(f"complex result {leaf!r}")
        if isinstance(leaf, np.ndarray) and leaf.dtype.kind == "c":
            raise AssertionError("complex array in the result")
        if isinstance(leaf, np.ndarray) and leaf.dtype.kind == "f" or isinstance(leaf, float):
            a = np.asarray(leaf, dtype=float)
            assert not np.any(np.isinf(a)), "infinite value in the result"
            if not nan_allowed:
                assert not np.any(np.isnan(a)), "undocumented NaN in the result"


# --- the generated values -----------------------------------------------------------------------

_SPECIAL = [
    None,
    "1",
    "abc",
    "",
    1 + 0j,
    1j,
    True,
    False,
    10**400,
    -(10**400),
    math.nan,
    math.inf,
    -math.inf,
    [],
    np.array([]),
    np.array([True]),
    {"a": 1},
    [1.0, "a"],
    np.array([1 + 0j]),
    Fraction(1, 3),
    np.float32("nan"),
    b"1",
]


def _num_values(spec: Num) -> st.SearchStrategy:
    lo, hi = spec.lo, spec.hi
    top = hi if spec.cheap is None else min(hi, spec.cheap)
    flo = lo if math.isfinite(lo) else -1e6
    ftop = top if math.isfinite(top) else 1e6
    inside = st.floats(flo, ftop, allow_nan=False, allow_infinity=False)
    edges = [flo, ftop]
    if math.isfinite(lo):
        edges.append(np.nextafter(lo, -np.inf))
        edges.append(lo - 1)
    if math.isfinite(hi):
        edges += [np.nextafter(hi, np.inf), hi + 1, hi * 2 + 1]
    if spec.cheap is None and math.isfinite(hi):
        edges.append(hi)
    ints = (
        st.integers(int(math.ceil(flo)), int(math.floor(ftop)))
        if ftop - flo >= 1
        else st.sampled_from([int(math.ceil(flo))])
        if math.ceil(flo) <= ftop
        else st.nothing()
    )
    return st.one_of(
        inside,
        st.sampled_from(edges),
        ints,
        inside.map(np.float32),
        inside.map(lambda v: Fraction(v).limit_denominator(1000)),
        inside.map(np.array),  # 0-d
        inside.map(lambda v: [v, v]),
        inside.map(lambda v: np.full((2, 2), v)),  # 1-D, 2-D
        inside.map(lambda v: [v, math.nan]),
        inside.map(lambda v: np.array([v, math.inf])),
        st.sampled_from(_SPECIAL),
    )


def _values(spec: Any) -> st.SearchStrategy:
    if isinstance(spec, Num):
        return _num_values(spec)
    if isinstance(spec, Choice):
        return st.one_of(
            st.sampled_from(spec.options),
            st.sampled_from(spec.options).map(str.upper),
            st.sampled_from(_SPECIAL),
            st.text(max_size=5),
        )
    if isinstance(spec, Flag):
        return st.one_of(
            st.sampled_from([True, False, 0, 1, -1, 2, 0.5, 1.0, np.True_]),
            st.sampled_from(_SPECIAL),
        )
    if isinstance(spec, Seed):
        return st.one_of(
            st.integers(0, 2**63 - 1),
            st.sampled_from([None, -1, 2**63, 1.5]),
            st.sampled_from(_SPECIAL),
        )
    if isinstance(spec, Text):
        return st.one_of(st.text(max_size=8), st.sampled_from(_SPECIAL))
    if isinstance(spec, Answer):
        return st.one_of(
            st.floats(),
            st.integers(),
            st.text(max_size=8),
            st.sampled_from(_SPECIAL + [10**40, "Anterior ", "ANTERIOR", "posterior", "3,5"]),
        )
    raise AssertionError(spec)  # pragma: no cover


# --- the fuzz ---------------------------------------------------------------------------------


def call_one(fn: Fn, param: str, value: Any) -> None:
    spec = fn.params[param]
    kwargs = {**fn.base, param: value}
    if fn.func is prescription.apply_program:
        args, kwargs = ({param: value},), {}
    else:
        args = ()
    refuse = must_refuse(value, spec)
    try:
        with redirect_stdout(io.StringIO()) as printed:
            out = fn.func(*args, **kwargs)
    except bm.NoPostureError as exc:  # the documented refusal of a balance
        assert "no stable standing posture" in str(exc)
        return
    except (ValueError, TypeError) as exc:
        if isinstance(spec, Answer):
            raise AssertionError(f"a self-check answer raised: {exc!r}") from exc
        assert_clear_error(exc, param, value, spec)
        return
    assert not refuse, f"{param}={value!r} was accepted"
    if isinstance(spec, Answer):
        assert printed.getvalue().strip(), "the self-check printed nothing"
        return
    nan_ok = fn.nan_out or (getattr(spec, "nan_ok", False) and _has_nan(value))
    assert_finite_result(out, nan_ok)


@pytest.mark.parametrize("fname", sorted(FUNCTIONS))
def test_public_function_contract_under_fuzz(fname):
    fn = FUNCTIONS[fname]
    if not fn.params:
        assert_finite_result(fn.func(**fn.base), False)
        return
    if fname in ("model_sobol", "sobol_indices"):
        pytest.importorskip("SALib")

    @settings(
        max_examples=fn.examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(data=st.data())
    def run(data):
        param = data.draw(st.sampled_from(sorted(fn.params)), label="param")
        value = data.draw(_values(fn.params[param]), label="value")
        call_one(fn, param, value)

    run()


# --- the faults the fuzz found, pinned ------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: bm.stand(quad_strength=10**400),
        lambda: bm.program(weeks=10**400),
        lambda: uncertainty.band("1"),
        lambda: bm.clinical_tilt_deg(True),
        lambda: bm.clinical_tilt_deg(None),
        lambda: bm.abduction_dose(ankle_weight_kg=["1"]),
        lambda: sensitivity.model_sobol(n_base=70),
        lambda: bm.sample_bodies(n=5_000_000),
        lambda: claims.verdict_spread(n=5_000_000),
        lambda: bm.program(train_hamstrings=2),
    ],
)
def test_reported_faults_are_clear_refusals(call):
    with pytest.raises((ValueError, TypeError)) as info:
        call()
    assert not isinstance(info.value, OverflowError)
    assert " = " in str(info.value)


def test_reported_valid_inputs_are_accepted():
    lo, hi = uncertainty.band([])
    assert np.isnan(lo) and np.isnan(hi)
    from backspasm_model.evidence.verdicts import thigh_effect

    assert claims.judge_part(thigh_effect(math.nan, -5.4, 0.6), "thigh_share") == claims.UNTESTABLE
    out = io.StringIO()
    with redirect_stdout(out):
        selfcheck.check_choice("anterior", "Anterior", ("Anterior", "Posterior"), what="x")
        selfcheck.check_number(10**40, 3.0, tolerance=0.5, unit="deg", what="x")
    assert out.getvalue().startswith("Yes")
    assert bm.abduction_dose(reps=21, fatigue_per_rep=0.05).rep_peak_effort.max() <= 1.0
