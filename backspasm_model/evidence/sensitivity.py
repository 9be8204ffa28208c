"""Which uncertain input matters? Sobol indices and a one-at-a-time tornado.

* :func:`sobol_indices` estimates first-order (``S1``) and total (``ST``) Sobol indices of any
  vectorised function of inputs sampled uniformly on the unit cube, with SALib's Saltelli
  sampler and Sobol analysis [@Herman2017], with bootstrap confidence intervals. SALib (the field's
  standard library) is imported here, lazily, so ``import backspasm_model`` stays numpy-only
  and fast; it comes with the ``notebooks`` extra.
* :func:`model_sobol` applies it to the model: the uncertain inputs of ``data/uncertainty.toml``
  mapped through their distributions
  (:data:`~backspasm_model.evidence.uncertainty.FACTORS`), the output
  being tilt (deg), QL length change (mm) or QL force capacity at a given balance.
* :func:`one_at_a_time` moves each input alone from the low to the high end of its sourced
  range with the others at nominal: the data of a tornado chart (numpy only).

``S1`` is the share of the output's variance an input explains alone; ``ST`` adds its
interactions with the others. Inputs with ``ST`` near zero could be fixed without loss.

>>> rows = one_at_a_time("tilt_deg")
>>> [r.key for r in rows][:1] == [max(rows, key=lambda r: r.swing).key]   # widest bar first
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..core.balance import INPUT_RANGES, stand
from ..core.checks import check_choice, check_range, check_scalar, check_whole, show_value
from .uncertainty import FACTORS, OUTPUTS, Factor, evaluate_unit

__all__ = [
    "SobolResult",
    "TornadoRow",
    "ishigami",
    "ISHIGAMI_ANALYTIC",
    "model_sobol",
    "one_at_a_time",
    "sobol_indices",
    "MAX_MODEL_N_BASE",
]

#: Largest ``n_base`` of :func:`sobol_indices` (any function).
MAX_N_BASE = 1 << 20
#: Largest ``n_base`` of :func:`model_sobol`: 131,072 x (6 + 2) = about 1 million postures,
#: a few seconds (the model evaluations are the cost).
MAX_MODEL_N_BASE = 1 << 17


def _check_n_base(n_base: object, hi: int) -> int:
    """A power of two from 64 to ``hi`` (Saltelli's sampler needs a power of two)."""
    nb = check_whole("n_base", n_base, 64, hi, "base samples (a power of two)")
    if nb & (nb - 1):
        lower = 1 << (nb.bit_length() - 1)
        raise ValueError(
            f"n_base = {show_value(n_base)} base samples is not a power of two; "
            f"allowed: a power of two from 64 to {hi} base samples (e.g. {lower} "
            f"or {2 * lower})"
        )
    return nb


@dataclass(frozen=True, eq=False)
class SobolResult:
    """First-order and total Sobol indices with their confidence half-widths.

    Arrays follow ``names``. ``n_evaluations`` is the number of model evaluations used.
    """

    names: tuple[str, ...]
    S1: np.ndarray
    S1_conf: np.ndarray
    ST: np.ndarray
    ST_conf: np.ndarray
    n_evaluations: int
    output: str = ""

    def as_rows(self) -> list[tuple[str, float, float, float, float]]:
        """``(name, S1, S1_conf, ST, ST_conf)`` per input, largest ``ST`` first."""
        order = np.argsort(-self.ST)
        return [
            (
                self.names[i],
                float(self.S1[i]),
                float(self.S1_conf[i]),
                float(self.ST[i]),
                float(self.ST_conf[i]),
            )
            for i in order
        ]


def _salib() -> tuple[Any, Any]:
    try:
        from SALib.analyze import sobol as analyze
        from SALib.sample import sobol as sample
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "Sobol indices need SALib: pip install 'backspasm-model[notebooks]' (or SALib>=1.4)"
        ) from exc
    return sample, analyze


def sobol_indices(
    func: Callable[[np.ndarray], np.ndarray],
    names: tuple[str, ...] | list[str],
    n_base: int = 1024,
    *,
    seed: int = 0,
    num_resamples: int = 200,
    conf_level: float = 0.95,
) -> SobolResult:
    """Sobol indices of ``func`` over independent uniform inputs on the unit cube.

    ``func`` takes an array of shape ``(N, len(names))`` with values in [0, 1] and returns
    ``N`` outputs (map to physical units inside it). ``n_base`` sets the Saltelli base
    sample and **must be a power of two**, 64 to 1,048,576 (Sobol' sequences keep their
    balance only at powers of two; anything else raises ``ValueError`` naming the nearest
    ones); the cost is ``n_base x (len(names) + 2)`` evaluations. ``seed`` is a whole number
    from 0 to 2**32 - 2; the same seed gives the same indices and confidence intervals.
    ``num_resamples`` (10 to 10,000) bootstrap resamples give the ``conf_level`` (0.5 to
    0.999) confidence half-widths.

    >>> r = sobol_indices(lambda u: 2 * u[:, 0] + 0.1 * u[:, 1], ("a", "b"), 256)
    >>> bool(r.S1[0] > 0.95 and r.S1[1] < 0.05)
    True
    """
    if not callable(func):
        raise TypeError(
            f"func = {show_value(func)} is not callable; allowed: a function of an "
            "(N, len(names)) array in 0 to 1 returning N numbers"
        )
    nb = _check_n_base(n_base, MAX_N_BASE)
    seed = check_whole("seed", seed, 0, 2**32 - 2, "(random seed)")
    num_resamples = check_whole("num_resamples", num_resamples, 10, 10_000, "resamples")
    conf_level = check_scalar("conf_level", conf_level, 0.5, 0.999, "probability")
    if isinstance(names, str) or not all(isinstance(x, str) for x in names) or not names:
        raise TypeError(
            f"names = {show_value(names)} is not a list of input names; allowed: a "
            "non-empty tuple or list of strings"
        )
    names = tuple(names)
    sample, analyze = _salib()
    problem = {"num_vars": len(names), "names": list(names), "bounds": [[0.0, 1.0]] * len(names)}
    x = sample.sample(problem, nb, calc_second_order=False, seed=seed)
    y = np.asarray(func(x), dtype=float).reshape(-1)
    if y.shape[0] != x.shape[0]:
        raise ValueError(f"func returned {y.shape[0]} outputs for {x.shape[0]} input rows")
    if not np.all(np.isfinite(y)):
        raise ValueError(
            f"func returned {int(np.sum(~np.isfinite(y)))} non-finite outputs (NaN or "
            f"inf) of {y.size}: Sobol indices need a finite output for every "
            "sample (in model_sobol, NaN is a body with no stable posture: move "
            "the balance toward nominal)"
        )
    # SALib seeds its bootstrap only for a truthy seed (0 would give random intervals).
    si = analyze.analyze(
        problem,
        y,
        calc_second_order=False,
        num_resamples=num_resamples,
        conf_level=conf_level,
        seed=int(seed) + 1,
    )
    return SobolResult(
        names,
        np.asarray(si["S1"]),
        np.asarray(si["S1_conf"]),
        np.asarray(si["ST"]),
        np.asarray(si["ST_conf"]),
        int(y.size),
    )


#: Analytical Sobol indices of the Ishigami function with a = 7, b = 0.1 (x1, x2, x3).
ISHIGAMI_ANALYTIC: dict[str, tuple[float, float, float]] = {
    "S1": (0.3139, 0.4424, 0.0),
    "ST": (0.5576, 0.4424, 0.2437),
}


def ishigami(u: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    """Ishigami test function of unit-cube inputs mapped to [-pi, pi] (a test of the method).

    >>> round(float(ishigami(np.array([[0.5, 0.5, 0.5]]))[0]), 6)
    0.0
    """
    u = check_range("u", u, 0.0, 1.0, "fraction of [-pi, pi]")
    if u.ndim != 2 or u.shape[1] != 3:
        raise ValueError(
            f"u = {show_value(u)} has shape {u.shape}; allowed: shape (N, 3) with "
            "values from 0 to 1 (fraction of [-pi, pi])"
        )
    a = check_scalar("a", a, -100.0, 100.0, "(dimensionless)")
    b = check_scalar("b", b, -100.0, 100.0, "(dimensionless)")
    x = -np.pi + 2.0 * np.pi * u
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def model_sobol(
    output: str = "tilt_deg",
    n_base: int = 4096,
    *,
    seed: int = 0,
    view: str = "full",
    **balance: Any,
) -> SobolResult:
    """Sobol indices of a model output over the uncertain inputs of ``data/uncertainty.toml``.

    ``output`` is ``"tilt_deg"``, ``"ql_length_change_mm"`` or ``"ql_force_capacity"``;
    ``balance`` any scalar ``stand`` inputs other than the uncertain ones. Names in the result
    are the factor keys (:data:`~backspasm_model.evidence.uncertainty.FACTOR_NAMES`).
    ``n_base`` **must be a power of two** from 64 to :data:`MAX_MODEL_N_BASE` (131,072); the
    model is solved ``n_base x (number of factors + 2)`` times (4,096: about 0.1 s). ``seed``
    as in :func:`sobol_indices`. Bodies with no stable posture make the indices undefined:
    ``ValueError`` (move the balance toward nominal).

    >>> model_sobol(n_base=70)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: n_base = 70 base samples is not a power of two; allowed: a power of two ...
    """
    check_choice("output", output, OUTPUTS)
    check_choice("view", view, ("seed", "full"))
    _check_n_base(n_base, MAX_MODEL_N_BASE)
    for k, v in balance.items():
        rng = INPUT_RANGES.get(k)
        if rng is not None:
            check_scalar(k, v, rng.lo, rng.hi, rng.unit)

    def f(u: np.ndarray) -> np.ndarray:
        return evaluate_unit(u, view=view, outputs=(output,), **balance)[output]

    r = sobol_indices(f, tuple(fa.key for fa in FACTORS), n_base, seed=seed)
    return SobolResult(r.names, r.S1, r.S1_conf, r.ST, r.ST_conf, r.n_evaluations, output)


@dataclass(frozen=True)
class TornadoRow:
    """One bar of a tornado chart: a factor moved alone from ``low`` to ``high``.

    ``low``/``high`` are the input values (parameter-set names for the muscle set);
    ``out_low``/``out_high`` the output there; ``nominal`` the output with every factor nominal.
    """

    key: str
    label: str
    units: str
    low: float | str
    high: float | str
    out_low: float
    out_high: float
    nominal: float

    @property
    def swing(self) -> float:
        """Width of the bar, ``|out_high - out_low|`` (output units)."""
        return abs(self.out_high - self.out_low)


def _end_values(f: Factor) -> tuple[Any, Any]:
    if f.is_choice:
        c = f.numbers["choices"]
        return c[0], c[-1]
    return f.lo, f.hi


def one_at_a_time(
    output: str = "tilt_deg", *, view: str = "full", **balance: Any
) -> list[TornadoRow]:
    """Tornado data: each uncertain input at the low and high end of its sourced range, the
    others at nominal, at a given (scalar) balance. Rows are sorted widest swing first.

    >>> rows = one_at_a_time("tilt_deg")
    >>> {r.key for r in rows} == {f.key for f in FACTORS}
    True
    """
    check_choice("output", output, OUTPUTS)
    check_choice("view", view, ("seed", "full"))
    for k, v in balance.items():
        rng = INPUT_RANGES.get(k)
        if rng is not None:
            check_scalar(k, v, rng.lo, rng.hi, rng.unit)
    base = dict(balance)
    nominal = float(getattr(stand(view=view, **base), output))
    rows = []
    for f in FACTORS:
        lo, hi = _end_values(f)
        outs = []
        for v in (lo, hi):
            kw = dict(base)
            kw[f.input] = v
            outs.append(float(getattr(stand(view=view, on_unstable="nan", **kw), output)))
        rows.append(TornadoRow(f.key, f.label, f.units, lo, hi, outs[0], outs[1], nominal))
    return sorted(rows, key=lambda r: -r.swing)
