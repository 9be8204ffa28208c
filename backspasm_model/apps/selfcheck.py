"""Self-check helpers for the notebooks: compare a learner's answer with the model.

Each checker *prints* feedback (it never raises into the kernel). An answer left as ``None``
prints a neutral prompt, so a stored notebook's output is deterministic for nbval.
Standard library only.

>>> check_number(None, 3.0, tolerance=0.5, unit="deg", what="the tilt")
Type your estimate of the tilt (deg) in place of None and run this cell again.
>>> check_number(3.2, 3.0, tolerance=0.5, unit="deg", what="the tilt")
Yes: the model gives 3.0 deg for the tilt; your 3.2 deg is within 0.5 deg.
>>> check_number("three", 3.0, tolerance=0.5, unit="deg", what="the tilt")
Please type a number (in deg), not 'three'.
>>> check_choice(None, "anterior", ("anterior", "posterior"), what="the tilt direction")
Type one of 'anterior', 'posterior' for the tilt direction in place of None and run again.
>>> check_choice("Anterior ", "anterior", ("anterior", "posterior"), what="the tilt direction")
Yes: the model says 'anterior' for the tilt direction.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

__all__ = ["check_number", "check_choice"]


def _fmt(x: float, digits: int) -> str:
    return f"{x:.{digits}f}"


def check_number(
    answer: object,
    expected: object,
    *,
    tolerance: float,
    unit: str,
    what: str,
    digits: int = 1,
) -> None:
    """Print whether ``answer`` is within ``tolerance`` (same unit) of the model's
    ``expected`` value (prints only, returns nothing)."""
    if answer is None:
        print(f"Type your estimate of {what} ({unit}) in place of None and run this cell again.")
        return
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        print(f"Please type a number (in {unit}), not {answer!r}.")
        return
    a = float(answer)
    e = float(expected)  # type: ignore[arg-type]
    if not math.isfinite(a):
        print(f"Please type a finite number (in {unit}).")
        return
    tol = f"{_fmt(tolerance, digits)} {unit}"
    if abs(a - e) <= tolerance:
        print(f"Yes: the model gives {_fmt(e, digits)} {unit} for {what}; your "
              f"{_fmt(a, digits)} {unit} is within {tol}.")
        return
    direction = "high" if a > e else "low"
    print(f"Not yet: your {_fmt(a, digits)} {unit} is too {direction} for {what} "
          f"(more than {tol} away). Move the controls, read the value, and try again.")


def check_choice(
    answer: object, expected: str, options: Sequence[str], *, what: str
) -> None:
    """Print whether a one-word ``answer`` (case and spaces ignored) matches ``expected``."""
    opts = ", ".join(repr(o) for o in options)
    if answer is None:
        print(f"Type one of {opts} for {what} in place of None and run again.")
        return
    if not isinstance(answer, str) or answer.strip().lower() not in options:
        print(f"Please type one of {opts} (as text in quotes), not {answer!r}.")
        return
    if answer.strip().lower() == expected:
        print(f"Yes: the model says {expected!r} for {what}.")
        return
    print(f"Not quite: the model does not say {answer.strip().lower()!r} for {what}. "
          "Look at the readout again.")
