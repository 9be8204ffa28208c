"""A program over weeks: strengthen the hamstrings and hip abductors, stretch the quadriceps.

Each week the trained muscles gain strength and the stretched muscle loses tightness, at
rates from ``data/exercises.toml`` ``[program]``; the new muscle balance is fed to
:func:`backspasm_model.stand` (the standing pelvis) and
:func:`backspasm_model.single_leg_stance` (the abductors) week by week.

* Strength: ``s(t) = s0 (1 + rate t)``, rate a fraction of the starting strength per week
  (hamstrings 0.025/week, range 0-0.033, from 6-week training trials; hip abductors
  0.019/week, range 0-0.038, from 6 weeks of side-lying abduction). Linear in time; the
  trials lasted 6 weeks, so later weeks are an extrapolation. Capped at 3 x nominal.
* Tightness of rectus femoris: ``t(t) = max(0, t0 - rate t)``; the rate (0.005/week, range
  0-0.02) is an **assumption**: stretching trials report range of motion, which mostly
  reflects stretch tolerance, not the muscle's passive force-length curve.
* Bands: the program is also run with every rate at the low end and at the high end of its
  range; the band is the envelope of the three runs (the tilt is monotone in each rate).

>>> r = program(weeks=0)
>>> r.week.tolist()
[0.0]
>>> r = program(weeks=12)
>>> bool(r.tilt_deg[-1] < r.tilt_deg[0])       # the program tilts the pelvis back
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ..core.balance import INPUT_RANGES, stand
from ..core.checks import InputRange, check_flag, check_scalar, show_value
from ..core.parameters import read_data_file
from .stance import single_leg_stance

__all__ = ["PROGRAM_INPUT_RANGES", "PROGRAM_DEFAULTS", "ProgramResult", "program"]

_p = read_data_file("exercises.toml")["program"]
_RATES = ("hamstring_gain_per_week", "abductor_gain_per_week", "quad_tightness_loss_per_week")


def _rate_range(key: str) -> InputRange:
    lo, hi = _p[key]["range"]
    return InputRange(lo, hi, str(_p[key]["units"]).split(" (")[0])


#: Allowed range and unit of every numeric input of :func:`program`.
PROGRAM_INPUT_RANGES: dict[str, InputRange] = {
    "weeks": InputRange(0.0, 16.0, "weeks"),
    "quad_strength": INPUT_RANGES["quad_strength"],
    "hamstring_strength": INPUT_RANGES["hamstring_strength"],
    "quad_tightness": INPUT_RANGES["quad_tightness"],
    "abductor_strength": InputRange(0.1, 3.0, "x nominal"),
    **{k: _rate_range(k) for k in _RATES},
}

#: Default value of every numeric input of :func:`program` (start state: the seed's premise).
PROGRAM_DEFAULTS: dict[str, float] = {
    "weeks": 12.0,
    **{
        k: float(_p["start"][k]["value"])
        for k in ("quad_strength", "hamstring_strength", "quad_tightness", "abductor_strength")
    },
    **{k: float(_p[k]["value"]) for k in _RATES},
}

_STRENGTH_MAX = INPUT_RANGES["hamstring_strength"].hi


@dataclass(frozen=True)
class ProgramResult:
    """Trajectories of a program, one value per week in ``week`` (0 = start).

    Nominal-rate values, with ``*_low`` / ``*_high`` the band from the slow and fast rates:
    ``tilt_deg`` clinical ASIS-PSIS tilt (deg, anterior positive); ``ql_length_change_mm``
    QL length change from the neutral pelvis (mm); ``ql_force_capacity`` QL active force
    capacity (0-1); ``hamstring_strength`` and ``abductor_strength`` (x nominal);
    ``quad_tightness`` (fraction of optimal length lost); ``abductor_capacity_Nm`` maximal
    abduction moment at hip neutral; ``pelvic_drop_deg`` in single-leg stance. NaN where
    :func:`stand` finds no stable posture.
    """

    week: np.ndarray
    hamstring_strength: np.ndarray
    hamstring_strength_low: np.ndarray
    hamstring_strength_high: np.ndarray
    quad_tightness: np.ndarray
    quad_tightness_low: np.ndarray
    quad_tightness_high: np.ndarray
    abductor_strength: np.ndarray
    abductor_strength_low: np.ndarray
    abductor_strength_high: np.ndarray
    tilt_deg: np.ndarray
    tilt_low_deg: np.ndarray
    tilt_high_deg: np.ndarray
    ql_length_change_mm: np.ndarray
    ql_length_change_low_mm: np.ndarray
    ql_length_change_high_mm: np.ndarray
    ql_force_capacity: np.ndarray
    ql_force_capacity_low: np.ndarray
    ql_force_capacity_high: np.ndarray
    abductor_capacity_Nm: np.ndarray
    abductor_capacity_low_Nm: np.ndarray
    abductor_capacity_high_Nm: np.ndarray
    pelvic_drop_deg: np.ndarray
    pelvic_drop_low_deg: np.ndarray
    pelvic_drop_high_deg: np.ndarray
    rates: dict[str, float]


def _env(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nominal row and the envelope (min, max) over the three runs (rows)."""
    with np.errstate(invalid="ignore"):
        return x[0].copy(), np.min(x, axis=0), np.max(x, axis=0)


def program(
    *,
    view: str = "full",
    params: str = "gait2392",
    train_hamstrings: bool = True,
    train_abductors: bool = True,
    stretch_quads: bool = True,
    stand_inputs: dict[str, Any] | None = None,
    **inputs: ArrayLike,
) -> ProgramResult:
    """Simulate the prescription week by week and return the trajectories with bands.

    Scalar keyword inputs (defaults in :data:`PROGRAM_DEFAULTS`, ranges and units in
    :data:`PROGRAM_INPUT_RANGES`):

    * ``weeks`` (0-16): length of the program; the result has one row per whole week plus
      the end (``weeks=0`` gives the start state only, unchanged);
    * start state: ``quad_strength``, ``hamstring_strength`` (x nominal), ``quad_tightness``
      (fraction of optimal length lost), ``abductor_strength`` (x nominal);
    * rates: ``hamstring_gain_per_week``, ``abductor_gain_per_week`` (fraction of starting
      strength per week), ``quad_tightness_loss_per_week`` (tightness units per week);
    * ``train_hamstrings``, ``train_abductors``, ``stretch_quads``: which parts of the
      prescription are done, each a switch: ``True``/``False`` (``1``/``0`` are accepted
      too); any other value (``-1``, ``2``, ``0.5``, text) raises ``ValueError``/``TypeError``
      naming the switch, so a switch can never act as a rate (use the ``*_per_week`` rates);
    * ``view``, ``params`` and ``stand_inputs`` (other inputs of :func:`stand`) pass through.

    >>> r = program(weeks=2)
    >>> r.week.tolist(), [round(float(h), 2) for h in r.hamstring_strength]
    ([0.0, 1.0, 2.0], [0.8, 0.82, 0.84])
    >>> program(weeks=20)
    Traceback (most recent call last):
    ...
    ValueError: weeks = 20.0 weeks is outside the allowed range 0 to 16 weeks
    >>> program(train_hamstrings=2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: train_hamstrings = 2 is not a switch; allowed: True or False (or 1 or 0), no unit
    """
    unknown = set(inputs) - set(PROGRAM_INPUT_RANGES)
    if unknown:
        raise TypeError(
            f"unknown input(s) {', '.join(sorted(unknown))}; allowed: "
            f"{', '.join(PROGRAM_INPUT_RANGES)}, view, params, train_hamstrings, "
            "train_abductors, stretch_quads, stand_inputs"
        )
    switches = {
        name: check_flag(name, value)
        for name, value in (
            ("train_hamstrings", train_hamstrings),
            ("train_abductors", train_abductors),
            ("stretch_quads", stretch_quads),
        )
    }
    v: dict[str, float] = {}
    for key, rng in PROGRAM_INPUT_RANGES.items():
        # a single number: a program is one person
        v[key] = check_scalar(key, inputs.get(key, PROGRAM_DEFAULTS[key]), rng.lo, rng.hi, rng.unit)
    if stand_inputs is not None and not isinstance(stand_inputs, dict):
        raise TypeError(
            f"stand_inputs = {show_value(stand_inputs)} is not a dict; allowed: a "
            "dict of other stand() inputs (see INPUT_RANGES for ranges and units)"
        )
    extra = dict(stand_inputs or {})
    clash = set(extra) & {"quad_strength", "hamstring_strength", "quad_tightness"}
    if clash:
        raise TypeError(
            f"pass {', '.join(sorted(clash))} directly to program(), not in stand_inputs"
        )
    weeks = v["weeks"]
    grid = np.arange(0.0, np.floor(weeks) + 1.0)
    if weeks > grid[-1]:
        grid = np.append(grid, weeks)
    # three runs (rows): nominal, all rates low, all rates high
    rate = {}
    for k in _RATES:
        lo, hi = _p[k]["range"]
        rate[k] = np.array([v[k], lo, hi], dtype=float)[:, None]
    t = grid[None, :]
    on = {
        "h": float(switches["train_hamstrings"]),
        "a": float(switches["train_abductors"]),
        "q": float(switches["stretch_quads"]),
    }
    ham = np.minimum(v["hamstring_strength"] * (1.0 + on["h"] * rate[_RATES[0]] * t), _STRENGTH_MAX)
    abd = np.minimum(
        v["abductor_strength"] * (1.0 + on["a"] * rate[_RATES[1]] * t),
        PROGRAM_INPUT_RANGES["abductor_strength"].hi,
    )
    quad_t = np.maximum(v["quad_tightness"] - on["q"] * rate[_RATES[2]] * t, 0.0)
    ham, abd, quad_t = np.broadcast_arrays(ham, abd, quad_t)
    s = stand(
        view=view,
        params=params,
        on_unstable="nan",
        quad_strength=v["quad_strength"],
        hamstring_strength=ham,
        quad_tightness=quad_t,
        **extra,
    )
    body = extra.get("body_mass_kg", 75.0)
    st = single_leg_stance(abductor_strength=abd, body_mass_kg=body)
    tilt = _env(np.asarray(s.tilt_deg))
    qll = _env(np.asarray(s.ql_length_change_mm))
    qlc = _env(np.asarray(s.ql_force_capacity))
    cap = _env(st.capacity_Nm)
    drop = _env(st.pelvic_drop_deg)
    h, q, a = _env(ham), _env(quad_t), _env(abd)
    return ProgramResult(
        week=grid,
        hamstring_strength=h[0],
        hamstring_strength_low=h[1],
        hamstring_strength_high=h[2],
        quad_tightness=q[0],
        quad_tightness_low=q[1],
        quad_tightness_high=q[2],
        abductor_strength=a[0],
        abductor_strength_low=a[1],
        abductor_strength_high=a[2],
        tilt_deg=tilt[0],
        tilt_low_deg=tilt[1],
        tilt_high_deg=tilt[2],
        ql_length_change_mm=qll[0],
        ql_length_change_low_mm=qll[1],
        ql_length_change_high_mm=qll[2],
        ql_force_capacity=qlc[0],
        ql_force_capacity_low=qlc[1],
        ql_force_capacity_high=qlc[2],
        abductor_capacity_Nm=cap[0],
        abductor_capacity_low_Nm=cap[1],
        abductor_capacity_high_Nm=cap[2],
        pelvic_drop_deg=drop[0],
        pelvic_drop_low_deg=drop[1],
        pelvic_drop_high_deg=drop[2],
        rates={k: v[k] for k in _RATES},
    )
