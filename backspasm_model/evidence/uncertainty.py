"""Plausible bodies: sample the inputs the literature leaves uncertain and see how sure the
model can be.

The uncertain inputs of :func:`~backspasm_model.core.balance.stand` (passive hip and lumbar
stiffness, postural activation, and which published muscle
parameter set gives the maximal forces and levers) are described with their sourced ranges
and distributions in ``data/uncertainty.toml`` (:data:`FACTORS`). :func:`sample_bodies` draws
``n`` of those bodies, applies the learner's balance (strengths, tightness, body mass)
unchanged to each, and solves all of them in one vectorised pass through ``stand``.

Units: tilt in degrees (clinical ASIS-PSIS, anterior positive), QL length change in mm
(negative = shorter), QL force capacity 0-1 (fraction of maximal isometric force).

>>> s = sample_bodies(2000, seed=1)
>>> s.tilt_deg.shape
(2000,)
>>> lo, hi = s.band("tilt_deg", 0.9)
>>> bool(lo < float(stand().tilt_deg) < hi)
True
>>> s2 = sample_bodies(2000, seed=1)
>>> bool(np.array_equal(s.tilt_deg, s2.tilt_deg))    # same seed, same bodies
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from ..core.balance import DEFAULTS, INPUT_RANGES, stand
from ..core.checks import (
    check_choice,
    check_range,
    check_seed,
    check_whole,
    show_value,
)
from ..core.parameters import PARAMETER_SET_NAMES, read_data_file
from .bands import band, describe_band
from .normal import _norm_cdf, _norm_ppf

__all__ = [
    "FACTORS",
    "FACTOR_NAMES",
    "MAX_BODIES",
    "OUTPUTS",
    "Factor",
    "BodySample",
    "band",
    "describe_band",
    "evaluate_unit",
    "factor_values",
    "sample_bodies",
]

#: Model outputs a body sample carries (attribute names of :class:`StandResult`).
OUTPUTS: tuple[str, ...] = ("tilt_deg", "ql_length_change_mm", "ql_force_capacity")
_OUTPUT_UNITS = {"tilt_deg": "deg", "ql_length_change_mm": "mm", "ql_force_capacity": ""}
#: Largest number of body x balance combinations :func:`sample_bodies` and
#: :func:`evaluate_unit` solve in one call (1,000,000 take about 3 s).
MAX_BODIES = 1_000_000


@dataclass(frozen=True)
class Factor:
    """One uncertain input: which ``stand`` input it feeds and how it is distributed.

    ``lo``/``hi`` are the ends of the sourced range (for a parameter-set choice, the indices of
    the first and last choice); ``nominal`` is the model's default value.
    """

    key: str
    input: str
    label: str
    units: str
    distribution: str
    lo: float
    hi: float
    nominal: float | str
    numbers: dict[str, Any]
    status: str
    source: str

    @property
    def is_choice(self) -> bool:
        """True for a discrete choice (the muscle parameter set)."""
        return self.distribution == "choice"

    def ppf(self, u: ArrayLike) -> np.ndarray:
        """Map probabilities ``u`` in [0, 1] to values of the factor (its quantile function).

        A choice factor returns the index of the chosen item.

        >>> f = FACTORS[0]
        >>> f.ppf([0.0, 1.0]).tolist() == [f.lo, f.hi]
        True
        """
        u = check_range("u", u, 0.0, 1.0, "probability")
        n = self.numbers
        if self.distribution == "triangular":
            a, c, b = n["lo"], n["mode"], n["hi"]
            fc = (c - a) / (b - a)
            left = a + np.sqrt(u * (b - a) * (c - a))
            right = b - np.sqrt((1.0 - u) * (b - a) * (b - c))
            return np.where(u < fc, left, right)
        if self.distribution == "truncnormal":
            m, s = n["mean"], n["sd"]
            pa = _norm_cdf((self.lo - m) / s)
            pb = _norm_cdf((self.hi - m) / s)
            x = m + s * _norm_ppf(pa + u * (pb - pa))
            return np.clip(x, self.lo, self.hi)
        if self.distribution == "choice":
            cum = np.cumsum(n["weights"]) / np.sum(n["weights"])
            return np.minimum(np.searchsorted(cum, u, side="right"), len(cum) - 1)
        raise ValueError(f"unknown distribution {self.distribution!r}")  # pragma: no cover


def _load_factors() -> tuple[Factor, ...]:
    raw = read_data_file("uncertainty.toml")["factors"]
    out = []
    for key, f in raw.items():
        dist = str(f["distribution"])
        if dist == "choice":
            choices = [str(c) for c in f["choices"]]
            for c in choices:
                check_choice(f"{key} choice", c, PARAMETER_SET_NAMES)
            lo, hi, nominal = 0.0, float(len(choices) - 1), choices[0]
            numbers = {"choices": choices, "weights": [float(w) for w in f["weights"]]}
        else:
            lo, hi = float(f["lo"]), float(f["hi"])
            rng = INPUT_RANGES[f["input"]]
            if lo < rng.lo or hi > rng.hi:  # pragma: no cover - data file consistency
                raise ValueError(f"uncertainty.toml {key}: range {lo}-{hi} leaves the input range")
            nominal = DEFAULTS[f["input"]]
            numbers = {k: float(f[k]) for k in ("lo", "mode", "hi", "mean", "sd") if k in f}
        out.append(
            Factor(
                key,
                str(f["input"]),
                str(f["label"]),
                str(f["units"]),
                dist,
                lo,
                hi,
                nominal,
                numbers,
                str(f["status"]),
                str(f["source"]),
            )
        )
    return tuple(out)


#: The uncertain inputs, in the order of ``data/uncertainty.toml``.
FACTORS: tuple[Factor, ...] = _load_factors()
#: Their keys (the column order of unit samples).
FACTOR_NAMES: tuple[str, ...] = tuple(f.key for f in FACTORS)


def factor_values(unit: ArrayLike, factors: tuple[Factor, ...] = FACTORS) -> dict[str, np.ndarray]:
    """Turn unit-cube samples, shape ``(n, len(factors))``, into ``stand`` inputs.

    Returns ``{input name: values}``; the parameter-set choice comes back under ``"params"``
    as an index array into its choices.

    >>> v = factor_values(np.full((1, len(FACTORS)), 0.5))
    >>> sorted(v)[:2]
    ['activation', 'hip_stiffness_Nm_per_deg']
    """
    if not (isinstance(factors, tuple) and factors and all(isinstance(f, Factor) for f in factors)):
        raise TypeError(
            f"factors = {show_value(factors)} is not allowed; allowed: a non-empty "
            "tuple of Factor (e.g. FACTORS)"
        )
    u = check_range("unit", unit, 0.0, 1.0, "fraction of each factor's distribution")
    if u.ndim != 2 or u.shape[1] != len(factors):
        raise ValueError(
            f"unit = {show_value(unit)} has shape {u.shape}; allowed: unit samples "
            f"of shape (n, {len(factors)}) with values from 0 to 1 (fraction of "
            "each factor's distribution)"
        )
    return {f.input: f.ppf(u[:, i]) for i, f in enumerate(factors)}


def evaluate_unit(
    unit: ArrayLike,
    *,
    factors: tuple[Factor, ...] = FACTORS,
    view: str = "full",
    outputs: tuple[str, ...] = OUTPUTS,
    **balance: ArrayLike,
) -> dict[str, np.ndarray]:
    """Model outputs for unit-cube samples of the factors (the engine of every sampler here).

    ``balance`` holds the other ``stand`` inputs; arrays of shape ``B`` give outputs of shape
    ``B + (n,)`` (the same bodies at every balance point). Bodies with no stable posture give
    NaN. At most :data:`MAX_BODIES` bodies x balance points per call. Used by
    :func:`sample_bodies` and :mod:`backspasm_model.evidence.sensitivity`.
    """
    vals = factor_values(unit, factors)
    check_choice("view", view, ("seed", "full"))
    if not isinstance(outputs, tuple | list) or not outputs:
        raise TypeError(
            f"outputs = {show_value(outputs)} is not allowed; allowed: a tuple of "
            f"output names from {', '.join(OUTPUTS)}"
        )
    for o in outputs:
        check_choice("outputs", o, OUTPUTS)
    n = next(iter(vals.values())).shape[0]
    fixed_params = balance.pop("params", None)
    bal = {}
    for k, v in balance.items():
        rng = INPUT_RANGES.get(k)
        if rng is None:
            raise TypeError(f"unknown input {k}; allowed: {', '.join(INPUT_RANGES)}, params")
        bal[k] = check_range(k, v, rng.lo, rng.hi, rng.unit)[..., None]
    try:
        bshape = np.broadcast_shapes(*(v.shape[:-1] for v in bal.values())) if bal else ()
    except ValueError as exc:
        raise ValueError(
            "balance inputs do not broadcast together: "
            f"{ {k: v.shape[:-1] for k, v in bal.items()} }"
        ) from exc
    total = n * int(np.prod(bshape, dtype=np.int64))
    if total > MAX_BODIES:
        raise ValueError(
            f"bodies x balance points = {total} is outside the allowed range 0 to "
            f"{MAX_BODIES} (bodies x balance points): sample fewer bodies or fewer "
            "balance points"
        )
    out = {k: np.full(tuple(bshape) + (n,), np.nan) for k in outputs}
    choice = next((f for f in factors if f.is_choice), None)
    if choice is not None:
        idx = vals.pop("params")
        sets = [(c, idx == k) for k, c in enumerate(choice.numbers["choices"])]
    else:
        sets = [(fixed_params, None)]
    for name, mask in sets:
        if mask is not None and not np.any(mask):
            continue
        kw: dict[str, Any] = dict(bal)
        for k, v in vals.items():
            kw[k] = v if mask is None else v[mask]
        if name is not None:
            kw["params"] = name
        r = stand(view=view, on_unstable="nan", **kw)
        for k in outputs:
            res = np.broadcast_to(getattr(r, k), out[k].shape[:-1] + (r.tilt_deg.shape[-1],))
            if mask is None:
                out[k][...] = res
            else:
                out[k][..., mask] = res
    return out


@dataclass(frozen=True, eq=False)
class BodySample:
    """``n`` plausible bodies at one balance (or a grid of balances) and their postures.

    Output arrays have shape ``B + (n,)`` with ``B`` the broadcast shape of the balance inputs
    (``(n,)`` for a scalar balance). ``inputs`` are the sampled values, shape ``(n,)``;
    ``params`` the parameter-set name of each body.
    """

    tilt_deg: np.ndarray
    ql_length_change_mm: np.ndarray
    ql_force_capacity: np.ndarray
    inputs: dict[str, np.ndarray]
    params: np.ndarray
    balance: dict[str, np.ndarray]
    view: str
    seed: int | None

    @property
    def n(self) -> int:
        """Number of bodies."""
        return int(self.tilt_deg.shape[-1])

    @property
    def unstable_fraction(self) -> float:
        """Fraction of body x balance combinations with no stable posture (NaN outputs; NaN
        when there are no combinations)."""
        return float(np.mean(np.isnan(self.tilt_deg))) if self.tilt_deg.size else float("nan")

    def band(
        self, output: str = "tilt_deg", fraction: float = 0.9
    ) -> tuple[np.ndarray, np.ndarray]:
        """Lower and upper edge of the central ``fraction`` of bodies for an output."""
        check_choice("output", output, OUTPUTS)
        return band(getattr(self, output), fraction)

    def median(self, output: str = "tilt_deg") -> np.ndarray:
        """Median over the bodies of an output."""
        check_choice("output", output, OUTPUTS)
        return np.nanmedian(getattr(self, output), axis=-1)


def sample_bodies(
    n: int = 10_000,
    *,
    seed: int | None = 0,
    view: str = "full",
    **balance: Any,
) -> BodySample:
    """Draw ``n`` plausible bodies and solve each one's standing posture at a balance.

    * ``n``: number of bodies, a whole number from 2 to :data:`MAX_BODIES` (1,000,000, about
      3 s); with array balance inputs, bodies x balance points may not exceed it either.
    * ``seed``: integer seed of numpy's default generator; the same seed gives the same bodies
      (``None`` draws fresh ones).
    * ``view``: ``"full"`` (default) or ``"seed"`` (then gravity and the trunk muscles
      do not act).
    * ``balance``: any other ``stand`` input (``quad_strength=1.5``...), applied unchanged to
      every body; arrays broadcast and add leading axes to the outputs. Passing an uncertain
      input (e.g. ``activation=0.05``) or ``params="rajagopal2016"`` holds that factor fixed.

    100,000 bodies take a fraction of a second (``benchmarks/bench_uncertainty.py``).

    >>> s = sample_bodies(500, seed=3, quad_strength=np.array([0.5, 2.0]))
    >>> s.tilt_deg.shape
    (2, 500)
    >>> bool(np.all(s.median()[1] > s.median()[0]))    # stronger quads tilt more, on average
    True
    >>> sample_bodies(100, seed=0, params="rajagopal2016").params[:2].tolist()
    ['rajagopal2016', 'rajagopal2016']
    """
    n = check_whole("n", n, 2, MAX_BODIES, "bodies")
    seed = check_seed("seed", seed)
    check_choice("view", view, ("seed", "full"))
    held = {k: balance.pop(k) for k in list(balance) if k == "params"}
    factors = tuple(
        f for f in FACTORS if not (f.input in balance or (f.is_choice and "params" in held))
    )
    rng = np.random.default_rng(seed)
    unit = rng.random((n, len(FACTORS)))[:, [FACTORS.index(f) for f in factors]]
    outs = evaluate_unit(unit, factors=factors, view=view, **balance, **held)
    vals = factor_values(unit, factors)
    choice = next((f for f in factors if f.is_choice), None)
    if choice is not None:
        params = np.asarray(choice.numbers["choices"])[vals.pop("params")]
    else:
        pset = held.get("params", "gait2392")
        params = np.full(n, getattr(pset, "name", pset))
    return BodySample(
        **outs,
        inputs=vals,
        params=params,
        balance={k: np.asarray(v) for k, v in balance.items()},
        view=view,
        seed=seed,
    )
