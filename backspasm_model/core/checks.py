"""Input checks shared by every public model function.

Every refusal names the parameter, the offending value, the allowed range (or the allowed
choices) and the unit, so a learner's typo in a notebook gets an answer they can act on. The
type is checked before anything is converted: text, booleans, complex numbers and ``None``
are refused, never read as numbers; integers too large for a float are out of range, not an
``OverflowError``. Wrong kind of value -> ``TypeError``; right kind, wrong value (outside the
range, NaN, infinity, a fraction where a whole number is needed) -> ``ValueError``.

>>> check_range("body_mass_kg", 70, 30.0, 200.0, "kg")
array(70.)
>>> check_range("body_mass_kg", -5, 30.0, 200.0, "kg")
Traceback (most recent call last):
...
ValueError: body_mass_kg = -5.0 kg is outside the allowed range 30 to 200 kg
>>> check_range("body_mass_kg", ["70"], 30.0, 200.0, "kg")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
TypeError: body_mass_kg = ['70'] is not a number (it holds text); allowed: ... 30 to 200 kg
>>> check_whole("reps", 10**400, 1, 50, "reps")
Traceback (most recent call last):
...
ValueError: reps = 1.000e+400 reps is outside the allowed range 1 to 50 reps
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np

__all__ = [
    "InputRange",
    "check_choice",
    "check_flag",
    "check_range",
    "check_scalar",
    "check_seed",
    "check_whole",
    "show_value",
]


class InputRange:
    """An allowed closed interval with its unit, used by the checks and by the widgets.

    >>> r = InputRange(0.25, 3.0, "x nominal")
    >>> r.clamp(5.0)
    3.0
    >>> r.check("quad_strength", 2)
    array(2.)
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

    def check(self, name: str, value: object) -> np.ndarray:
        """:func:`check_range` with this interval and unit."""
        return check_range(name, value, self.lo, self.hi, self.unit)

    def __repr__(self) -> str:
        return f"InputRange({self.lo:g}, {self.hi:g}, {self.unit!r})"


def _fmt(x: float) -> str:
    """A range end as a learner reads it: whole numbers in full (1000000, not 1e+06)."""
    if math.isfinite(x) and x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return f"{x:g}"


def _allowed(lo: float, hi: float, unit: str) -> str:
    return f"{_fmt(lo)} to {_fmt(hi)} {unit}".rstrip()


def show_value(value: object, limit: int = 60) -> str:
    """A short, safe text form of any value for an error message.

    Integers too long for a float are shown in scientific form; long reprs are cut.

    >>> show_value(10**400), show_value("abc"), show_value(2.5)
    ('1.000e+400', "'abc'", '2.5')
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        digits = str(abs(int(value))) if abs(int(value)) < 10**4000 else "1" + "0" * 4000
        if len(digits) > 17:
            sign = "-" if value < 0 else ""
            return f"{sign}{digits[0]}.{digits[1:4]}e+{len(digits) - 1}"
    try:
        text = repr(value)
    except Exception:  # pragma: no cover - a repr that fails
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _type_error(name: str, value: object, why: str, lo: float, hi: float, unit: str) -> TypeError:
    return TypeError(
        f"{name} = {show_value(value)} is not a number ({why}); allowed: a number "
        f"or an array of numbers from {_allowed(lo, hi, unit)}"
    )


def _out_of_range(
    name: str, shown: str, where: str, finite: bool, lo: float, hi: float, unit: str
) -> ValueError:
    problem = "is outside the allowed range" if finite else "is not a finite number; allowed range"
    return ValueError(f"{name} = {shown} {unit}{where} {problem} {_allowed(lo, hi, unit)}")


def _real(name: str, value: object, lo: float, hi: float, unit: str) -> float:
    """One real number (not bool) as a float; huge integers are out of range."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        why = "a bool" if isinstance(value, bool | np.bool_) else f"a {type(value).__name__}"
        raise _type_error(name, value, why, lo, hi, unit)
    try:
        return float(value)
    except OverflowError:
        raise _out_of_range(name, show_value(value), "", True, lo, hi, unit) from None


def _as_float_array(name: str, value: object, lo: float, hi: float, unit: str) -> np.ndarray:
    """``value`` as a float64 array, its type checked before any conversion."""
    if isinstance(value, numbers.Real) or isinstance(value, bool | np.bool_):
        return np.asarray(_real(name, value, lo, hi, unit))
    arraylike = isinstance(value, np.ndarray | Sequence) or hasattr(value, "__array__")
    if not arraylike or isinstance(value, str | bytes):
        raise _type_error(name, value, f"a {type(value).__name__}", lo, hi, unit)
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged nested lists and the like
        raise _type_error(name, value, f"not a regular array: {exc}", lo, hi, unit) from None
    kind = arr.dtype.kind
    if kind in "iuf":
        return arr.astype(np.float64, copy=False)
    if kind == "O":  # Python objects: check each (huge ints, Fractions, None, text...)
        out = np.empty(arr.shape, dtype=np.float64)
        flat = out.reshape(-1)
        for i, item in enumerate(arr.flat):
            flat[i] = _real(name, item, lo, hi, unit)
        return out
    why = {
        "b": "it holds booleans",
        "c": "it holds complex numbers",
        "U": "it holds text",
        "S": "it holds bytes",
    }.get(kind, f"an array of dtype {arr.dtype}")
    raise _type_error(name, value, why, lo, hi, unit)


def check_range(
    name: str, value: object, lo: float, hi: float, unit: str, *, allow_nan: bool = False
) -> np.ndarray:
    """Return ``value`` as a float64 array after checking it lies in ``[lo, hi]``.

    Accepts a real number (int, float, numpy scalar, ``fractions.Fraction``) or an array-like
    of them, of any shape (empty included). Raises ``TypeError`` for anything else (text,
    bool, complex, ``None``) and ``ValueError`` for NaN (unless ``allow_nan``: NaN then passes
    through as "missing"), infinity or a value outside the range; both messages name the
    parameter, the value, the range and the unit.
    """
    arr = _as_float_array(name, value, lo, hi, unit)
    with np.errstate(invalid="ignore"):
        bad = (arr < lo) | (arr > hi)
    bad |= np.isinf(arr) if allow_nan else ~np.isfinite(arr)
    if np.any(bad):
        first = float(arr[bad].flat[0]) if arr.ndim else float(arr)
        where = "" if arr.ndim == 0 else f" (first bad element of {int(bad.sum())})"
        raise _out_of_range(name, repr(first), where, math.isfinite(first), lo, hi, unit)
    return arr


def check_scalar(
    name: str, value: object, lo: float, hi: float, unit: str, *, allow_nan: bool = False
) -> float:
    """:func:`check_range` for an input that must be one number; returns a float.

    >>> check_scalar("weeks", [4, 8], 0, 16, "weeks")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: weeks must be a single number in weeks, got an array...; allowed range 0 to 16 weeks
    """
    arr = check_range(name, value, lo, hi, unit, allow_nan=allow_nan)
    if arr.ndim:
        raise ValueError(
            f"{name} must be a single number in {unit}, got an array of shape "
            f"{arr.shape} ({show_value(value)}); allowed range "
            f"{_allowed(lo, hi, unit)}"
        )
    return float(arr)


def check_whole(name: str, value: object, lo: int, hi: int, unit: str) -> int:
    """A single whole number in ``[lo, hi]`` (ints, or floats/Fractions with no fractional
    part); returns an int. Huge integers are compared exactly, never converted to float.

    >>> check_whole("sets", 3.0, 1, 10, "sets")
    3
    >>> check_whole("sets", 2.5, 1, 10, "sets")
    Traceback (most recent call last):
    ...
    ValueError: sets = 2.5 sets is not a whole number; allowed: whole numbers from 1 to 10 sets
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_):
        v = int(value)
        if not lo <= v <= hi:
            raise _out_of_range(name, show_value(value), "", True, lo, hi, unit)
        return v
    f = check_scalar(name, value, lo, hi, unit)
    if f != int(f):
        raise ValueError(
            f"{name} = {show_value(value)} {unit} is not a whole number; allowed: "
            f"whole numbers from {_allowed(lo, hi, unit)}"
        )
    return int(f)


def check_flag(name: str, value: object) -> bool:
    """A yes/no switch: ``True``/``False`` (numpy booleans too) or the integers ``1``/``0``.

    Anything else (``-1``, ``2``, ``0.5``, ``"yes"``, ``None``) is refused, so a switch can
    never act as a rate.

    >>> check_flag("train_hamstrings", 1)
    True
    >>> check_flag("train_hamstrings", 2)
    Traceback (most recent call last):
    ...
    ValueError: train_hamstrings = 2 is not a switch; allowed: True or False (or 1 or 0), no unit
    """
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, numbers.Integral):
        if value in (0, 1):
            return bool(value)
        raise ValueError(
            f"{name} = {show_value(value)} is not a switch; allowed: True or False "
            "(or 1 or 0), no unit"
        )
    raise TypeError(
        f"{name} = {show_value(value)} is not a switch (a "
        f"{type(value).__name__}); allowed: True or False (or 1 or 0), no unit"
    )


def check_seed(name: str, value: object) -> int | None:
    """A random seed: ``None`` (fresh randomness) or a whole number from 0 to 2**63 - 1.

    >>> check_seed("seed", 3), check_seed("seed", None)
    (3, None)
    """
    if value is None:
        return None
    hi = 2**63 - 1
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} = {show_value(value)} is not a whole number (a "
            f"{type(value).__name__}); allowed: None or whole numbers from 0 to "
            f"{hi} (no unit)"
        )
    if not 0 <= int(value) <= hi:
        raise ValueError(
            f"{name} = {show_value(value)} is outside the allowed range 0 to {hi} "
            "(no unit), or None"
        )
    return int(value)


def check_choice(name: str, value: object, allowed: Sequence[str]) -> str:
    """Return ``value`` if it is one of ``allowed`` strings (exact match), else raise an error
    naming the parameter, the value and the choices.

    >>> check_choice("view", "full", ("seed", "full"))
    'full'
    >>> check_choice("view", "Full", ("seed", "full"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: view = 'Full' is not allowed; choose one of 'seed', 'full' (...did you mean 'full'?)
    """
    choices = ", ".join(map(repr, allowed))
    if not isinstance(value, str):
        raise TypeError(
            f"{name} = {show_value(value)} is not allowed (a "
            f"{type(value).__name__}, not text); choose one of {choices} (no unit)"
        )
    if value not in allowed:
        near = [a for a in allowed if a.lower() == value.strip().lower()]
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise ValueError(
            f"{name} = {show_value(value)} is not allowed; choose one of {choices} (no unit{hint})"
        )
    return value
