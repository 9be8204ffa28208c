"""Self-checks for the notebooks: compare a learner's answer with the model.

:class:`NumberCheck` and :class:`ChoiceCheck` are widgets: the learner types a number (a
decimal comma is fine) or picks an option and presses "Check"; the feedback appears under
it, per answer, and nothing is ever raised (no code to edit, so no ``NameError`` for an
unquoted word). They work the same in JupyterLab and Voila. Each option of a
:class:`ChoiceCheck` carries its own explanation.

:func:`check_number` and :func:`check_choice` are the older print-based checks (kept while
the notebooks move to the widgets). An answer left as ``None`` prints a neutral prompt.

Feedback is decided on the numbers it shows: the answer and the model's value are both
rounded to the digits shown (at least as many as the tolerance has), so "your 3.9 is too
low" and "3.9 is within" can never both be said.

>>> check_number(None, 3.0, tolerance=0.5, unit="deg", what="the tilt")
Type your estimate of the tilt (deg) in place of None and run this cell again.
>>> check_number(3.2, 3.0, tolerance=0.5, unit="deg", what="the tilt")
Yes: the model gives 3.0 deg for the tilt; your 3.2 deg is within 0.5 deg.
>>> check_number(3.86, 3.96, tolerance=0.1, unit="deg", what="the tilt")
Yes: the model gives 4.0 deg for the tilt; your 3.9 deg is within 0.1 deg.
>>> check_number("three", 3.0, tolerance=0.5, unit="deg", what="the tilt")
Please type a number (in deg), not 'three'.
>>> check_choice(None, "anterior", ("anterior", "posterior"), what="the tilt direction")
Type one of 'anterior', 'posterior' for the tilt direction in place of None and run again.
>>> check_choice("Anterior ", "anterior", ("anterior", "posterior"), what="the tilt direction")
Yes: the model says 'anterior' for the tilt direction.
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from .base import App
from .controls import TEXT, parse_number

__all__ = ["ChoiceCheck", "NumberCheck", "check_choice", "check_number", "number_feedback"]


def _decimals(x: float) -> int:
    """Decimals needed to show ``x`` exactly (up to 6): 0.5 -> 1, 0.05 -> 2, 2 -> 0."""
    for d in range(7):
        if abs(round(x, d) - x) < 1e-9 * max(1.0, abs(x)):
            return d
    return 6


def _as_float(answer: object) -> float | str:
    """The answer as a finite float, or why it is refused (to follow "please type a
    number (in unit), ")."""
    if isinstance(answer, str):
        v = parse_number(answer)
        return v if v is not None else f"not {answer!r}"
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return f"not {answer!r}"
    try:
        v = float(answer)
    except OverflowError:
        return "not one that large (far outside anything the model gives)"
    return v if math.isfinite(v) else "a finite one"


def number_feedback(
    answer: object, expected: object, *, tolerance: float, unit: str, what: str, digits: int = 1
) -> str:
    """The feedback on a number ``answer`` (a number, or text such as ``"1,5"``): "Yes" when
    it is within ``tolerance`` of ``expected`` as both are shown, else "Not yet" and which
    way it is off. Never raises.

    >>> number_feedback("3,9", 3.96, tolerance=0.1, unit="deg", what="the tilt")
    'Yes: the model gives 4.0 deg for the tilt; your 3.9 deg is within 0.1 deg.'
    >>> number_feedback(3.84, 3.96, tolerance=0.1, unit="deg", what="the tilt")[:40]
    'Not yet: your 3.8 deg is too low for the'
    >>> number_feedback(10**400, 3.96, tolerance=0.1, unit="deg", what="the tilt")
    'Please type a number (in deg), not one that large (far outside anything the model gives).'
    """
    a = _as_float(answer)
    if isinstance(a, str):
        return f"Please type a number (in {unit}), {a}."
    try:
        e = float(expected)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        e = math.nan
    if not math.isfinite(e):
        return f"The model has no value for {what} here, so this answer cannot be checked."
    d = max(int(digits), _decimals(float(tolerance)))
    a_shown, e_shown = round(a, d), round(e, d)
    tol = f"{tolerance:.{d}f} {unit}"
    if abs(a_shown - e_shown) <= tolerance + 0.5 * 10.0 ** -(d + 2):
        return (
            f"Yes: the model gives {e_shown:.{d}f} {unit} for {what}; your "
            f"{a_shown:.{d}f} {unit} is within {tol}."
        )
    direction = "high" if a_shown > e_shown else "low"
    return (
        f"Not yet: your {a_shown:.{d}f} {unit} is too {direction} for {what} "
        f"(more than {tol} away). Move the controls, read the value, and try again."
    )


def check_number(
    answer: object, expected: object, *, tolerance: float, unit: str, what: str, digits: int = 1
) -> None:
    """Print whether ``answer`` is within ``tolerance`` (same unit) of the model's
    ``expected`` value, compared as shown (prints only, returns nothing)."""
    if answer is None:
        print(f"Type your estimate of {what} ({unit}) in place of None and run this cell again.")
        return
    print(
        number_feedback(answer, expected, tolerance=tolerance, unit=unit, what=what, digits=digits)
    )


def _match(answer: str, options: Sequence[str]) -> str | None:
    key = answer.strip().casefold()
    return next((o for o in options if o.strip().casefold() == key), None)


def check_choice(answer: object, expected: str, options: Sequence[str], *, what: str) -> None:
    """Print whether a one-word ``answer`` (case and spaces ignored, for the answer and
    the options alike) matches ``expected``."""
    opts = ", ".join(repr(o) for o in options)
    if answer is None:
        print(f"Type one of {opts} for {what} in place of None and run again.")
        return
    chosen = _match(answer, options) if isinstance(answer, str) else None
    if chosen is None:
        print(f"Please type one of {opts} (as text in quotes), not {answer!r}.")
        return
    right = _match(expected, options) or expected
    if chosen == right:
        print(f"Yes: the model says {right!r} for {what}.")
        return
    print(f"Not quite: the model does not say {chosen!r} for {what}. Look at the readout again.")


# -- widgets ----------------------------------------------------------------------------


def _feedback_html(text: str, ok: bool | None) -> str:
    mark = {True: "&#10004; ", False: "&#10008; ", None: ""}[ok]
    border = {
        True: "var(--jp-success-color1, #388e3c)",
        False: "var(--jp-warn-color1, #f57c00)",
        None: "var(--jp-border-color1, #bdbdbd)",
    }[ok]
    return (
        f'<div role="status" style="color:{TEXT};border-left:6px solid {border};'
        f'padding:2px 8px">{mark}{html.escape(text)}</div>'
    )


class _Check(App):
    """A question, an answer widget, a Check button and the feedback under it."""

    def _setup(self, question: str, answer: widgets.Widget) -> None:
        self.sliders, self.choices = {}, {}
        self.question = widgets.HTML(f'<div style="color:{TEXT}"><b>{question}</b></div>')
        self.answer = answer
        self.button = widgets.Button(
            description="Check", tooltip="compare your answer with the model"
        )
        self.feedback = widgets.HTML("")
        self.message = self.feedback
        self._click(self.button, "check")
        self.text = ""

    def update(self, notes: list[str] | None = None) -> None:  # nothing to recompute
        pass

    def _build_widget(self) -> widgets.Widget:
        return widgets.VBox(
            [self.question, widgets.HBox([self.answer, self.button]), self.feedback]
        )

    def _owned_widgets(self) -> list[widgets.Widget]:
        return [self.question, self.answer, self.button, self.feedback]

    def _say(self, text: str, ok: bool | None) -> str:
        self.text = text
        self.feedback.value = _feedback_html(text, ok)
        return text


class NumberCheck(_Check):
    """A number self-check: a text box for the learner's number (``1,5`` is read as 1.5)
    and a Check button; the feedback says whether it is within ``tolerance`` of
    ``expected`` (in ``unit``) as both are shown with ``digits`` decimals.

    >>> c = NumberCheck(3.96, tolerance=0.1, unit="deg", what="the tilt")
    >>> c.answer.value = "3,86"; c.check()
    'Yes: the model gives 4.0 deg for the tilt; your 3.9 deg is within 0.1 deg.'
    >>> c.answer.value = "abc"; c.check()
    "Please type a number (in deg), not 'abc'."
    >>> c.close()
    """

    def __init__(
        self,
        expected: float,
        *,
        tolerance: float,
        unit: str,
        what: str,
        digits: int = 1,
        question: str | None = None,
    ) -> None:
        self.expected, self.tolerance, self.unit, self.what, self.digits = (
            expected,
            tolerance,
            unit,
            what,
            digits,
        )
        box = widgets.Text(
            value="",
            placeholder=f"your answer ({unit})",
            description=f"{what} ({unit})",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        self._setup(html.escape(question or f"Your estimate of {what} ({unit}):"), box)

    def check(self) -> str:
        """Compare the typed answer with the model; show and return the feedback."""
        raw = self.answer.value.strip()
        if not raw:
            return self._say(
                f"Type your estimate of {self.what} ({self.unit}) in the box, then press Check.",
                None,
            )
        text = number_feedback(
            raw,
            self.expected,
            tolerance=self.tolerance,
            unit=self.unit,
            what=self.what,
            digits=self.digits,
        )
        ok = True if text.startswith("Yes") else False if text.startswith("Not") else None
        return self._say(text, ok)


class ChoiceCheck(_Check):
    """A choice self-check: a menu of ``choices`` and a Check button. ``choices`` maps each
    option to its explanation (shown when that option is checked: why it is right, or what
    it misses), or is a plain sequence of options (then a generic explanation). ``source``
    names who gives the right answer in the feedback ("the model", or e.g. "the evidence"
    for a question about the literature).

    >>> c = ChoiceCheck("anterior", {"anterior": "The quads win.",
    ...                              "posterior": "The hamstrings do that."}, what="the tilt")
    >>> c.answer.value = "posterior"; c.check()
    "Not quite: the model does not say 'posterior' for the tilt. The hamstrings do that."
    >>> c.answer.value = "anterior"; c.check()
    "Yes: the model says 'anterior' for the tilt. The quads win."
    >>> c.close()
    >>> c = ChoiceCheck("no", ["yes", "no"], what="a uniform spasm", source="the evidence")
    >>> c.answer.value = "yes"; c.check()
    "Not quite: the evidence does not say 'yes' for a uniform spasm. Look at the readout again."
    >>> c.close()
    """

    _NONE = "(choose one)"

    def __init__(
        self,
        expected: str,
        choices: Mapping[str, str] | Sequence[str],
        *,
        what: str,
        question: str | None = None,
        source: str = "the model",
    ) -> None:
        self.explanations = (
            dict(choices) if isinstance(choices, Mapping) else {c: "" for c in choices}
        )
        self.what, self.source = what, source
        right = _match(expected, list(self.explanations))
        if right is None:
            raise ValueError(
                f"expected={expected!r} is not one of the choices {list(self.explanations)!r}"
            )
        self.expected = right
        menu = widgets.Dropdown(
            options=[self._NONE, *self.explanations],
            value=self._NONE,
            description=what,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )  # long options: no clip
        self._setup(html.escape(question or f"Which is it for {what}?"), menu)

    def check(self) -> str:
        """Compare the chosen option with the model; show and return the feedback."""
        chosen = self.answer.value
        if chosen == self._NONE:
            return self._say(f"Choose an option for {self.what}, then press Check.", None)
        why = self.explanations.get(chosen, "")
        if chosen == self.expected:
            return self._say(
                f"Yes: {self.source} says {chosen!r} for {self.what}. {why}".strip(), True
            )
        why = why or "Look at the readout again."
        return self._say(
            f"Not quite: {self.source} does not say {chosen!r} for {self.what}. {why}", False
        )
