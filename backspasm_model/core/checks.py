"""Input checks shared by every public model function.

Every refusal names the parameter, the offending value, the allowed range and the unit, so a
learner's typo in a notebook gets an answer they can act on.

>>> check_range("body_mass_kg", 70, 30.0, 200.0, "kg")
array(70.)
>>> check_range("body_mass_kg", -5, 30.0, 200.0, "kg")
Traceback (most recent call last):
...
ValueError: body_mass_kg = -5.0 kg is outside the allowed range 30 to 200 kg
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np

__all__ = ["check_range", "check_choice", "InputRange"]


class InputRange:
    """An allowed closed interval with its unit, used by the checks and by the widgets.

    >>> r = InputRange(0.25, 3.0, "x nominal")
    >>> r.clamp(5.0)
    3.0
    """

    def __init__(self, lo: float, hi: float, unit: str) -> None:
        self.lo = float(lo)
        self.hi = float(hi)
        self.unit = unit

    def clamp(self, value: float) -> float:
        """``value`` limited to the interval (NaN becomes the lower bound)."""
        v = float(value)
        if v != v:
            return self.lo
        return min(max(v, self.lo), self.hi)

    def __repr__(self) -> str:
        return f"InputRange({self.lo:g}, {self.hi:g}, {self.unit!r})"


def _as_float_array(name: str, value: object, unit: str) -> np.ndarray:
    if isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be a number or an array of numbers in {unit}, got a bool")
    if isinstance(value, numbers.Real):
        return np.asarray(float(value))
    is_arraylike = isinstance(value, np.ndarray | Sequence) or hasattr(value, "__array__")
    if is_arraylike and not isinstance(value, str | bytes):
        arr = np.asarray(value)
        if arr.dtype.kind in "biuf" and arr.dtype.kind != "b":
            return arr.astype(np.float64, copy=False)
        raise TypeError(
            f"{name} must contain real numbers in {unit}, got an array of dtype {arr.dtype}"
        )
    raise TypeError(
        f"{name} must be a number or an array of numbers in {unit}, "
        f"got {type(value).__name__} {value!r}"
    )


def _fmt(x: float) -> str:
    return f"{x:g}"


def check_range(name: str, value: object, lo: float, hi: float, unit: str) -> np.ndarray:
    """Return ``value`` as a float64 array after checking it lies in ``[lo, hi]``.

    Raises ``TypeError`` for non-numeric input and ``ValueError`` for NaN, infinity or a value
    outside the range; both messages name the parameter, the value, the range and the unit.
    """
    arr = _as_float_array(name, value, unit)
    bad = ~np.isfinite(arr) | (arr < lo) | (arr > hi)
    if np.any(bad):
        first = float(arr[bad].flat[0]) if arr.ndim else float(arr)
        where = "" if arr.ndim == 0 else f" (first bad element of {int(bad.sum())})"
        if np.isfinite(first):
            problem = "is outside the allowed range"
        else:
            problem = "is not a finite number; allowed range"
        raise ValueError(
            f"{name} = {first!r} {unit}{where} {problem} {_fmt(lo)} to {_fmt(hi)} {unit}"
        )
    return arr


def check_choice(name: str, value: object, allowed: Sequence[str]) -> str:
    """Return ``value`` if it is one of ``allowed`` strings, else raise a clear error.

    >>> check_choice("view", "full", ("seed", "full"))
    'full'
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {', '.join(map(repr, allowed))}, got {value!r}")
    if value not in allowed:
        raise ValueError(f"{name} = {value!r} is not allowed; choose one of "
                         f"{', '.join(map(repr, allowed))}")
    return value
