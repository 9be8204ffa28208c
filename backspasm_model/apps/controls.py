"""The controls every app shares (ipywidgets, imported on demand): :class:`UnitSlider` (a
clamped, unit-labelled slider with a number box that Python reads), :func:`parse_number`
(a decimal comma is a decimal point), the theme-aware text styles of the apps' HTML and
:func:`keyboard_guard` (Tab and Escape leave a figure in every front end).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from traitlets import validate

__all__ = [
    "TAG_BACKGROUND",
    "TEXT",
    "UnitSlider",
    "keyboard_guard",
    "parse_number",
    "styled_box",
    "unit_slider",
]

#: Text colour of the apps' HTML: the front end's theme (light or dark), black elsewhere.
TEXT = "var(--jp-content-font-color1, #1a1a1a)"
#: A quiet background for tags, readable with :data:`TEXT` in light and dark themes.
TAG_BACKGROUND = "var(--jp-layout-color2, #eeeeee)"

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> float | None:
    """The number typed in ``text``, or None if it is not one. A decimal comma counts as a
    decimal point (``"1,5"`` is 1.5); spaces and a Unicode minus are allowed; a thousands
    separator is not (``"1,000.5"`` is not understood).

    >>> parse_number("1,5"), parse_number(" -0.25 "), parse_number("\u22122"), parse_number("2e3")
    (1.5, -0.25, -2.0, 2000.0)
    >>> parse_number("abc"), parse_number("1,000.5"), parse_number("nan"), parse_number("")
    (None, None, None, None)
    """
    s = str(text).strip().replace("\u2212", "-").replace(" ", "")
    if not _NUMBER.match(s):
        return None
    try:
        v = float(s.replace(",", "."))
    except (ValueError, OverflowError):  # pragma: no cover - the pattern rules these out
        return None
    return v if math.isfinite(v) else None


class UnitSlider(widgets.FloatSlider):
    """A FloatSlider that refuses NaN (keeps its value and says so) with, beside it, a text
    box (:attr:`entry`) in which a value can be typed: Python reads it (``1,5`` is 1.5), and
    says so when the value is not a number or is outside the range (then clamped). The
    browser's own readout (parsed in JavaScript, which reads ``1,5`` as 1) is off. Put
    :attr:`row` in a layout; notes go to the callback set with :meth:`on_note`."""

    def __init__(self, label: str, unit: str, fmt: str, **kwargs: Any) -> None:
        self._label, self._unit, self._fmt = label, unit, fmt
        self._note: Callable[[str], None] | None = None
        self._syncing = False
        super().__init__(readout=False, **kwargs)
        self.entry = widgets.Text(
            value=self._text(self.value),
            continuous_update=False,
            tooltip=f"{label}: type a value in {unit} ({self.min:g} to {self.max:g}), "
            "then press Enter",
            layout=widgets.Layout(width="80px"),
        )
        self.entry.observe(self._typed, names="value")
        self.observe(self._moved, names="value")
        # the whole label (with its unit) on its own line above the slider: it wraps and is
        # never cut with an ellipsis, whatever the width
        self.label = widgets.HTML(
            value=f'<span style="color:{TEXT};font-size:110%">'
            f"{html.escape(f'{label} ({unit})')}</span>",
            layout=widgets.Layout(margin="0 0 -4px 4px"),
        )
        self.row = widgets.VBox(
            [self.label, widgets.HBox([self, self.entry])],
            layout=widgets.Layout(margin="0 0 2px 0"),
        )

    def on_note(self, callback: Callable[[str], None] | None) -> None:
        """Call ``callback(text)`` with every note (refused or clamped input)."""
        self._note = callback

    def _say(self, text: str) -> None:
        if self._note is not None:
            self._note(text)

    def _text(self, v: float) -> str:
        return format(v, self._fmt)

    @validate("value")
    def _validate_value(self, proposal: Any) -> float:
        v = proposal["value"]
        if v != v:  # NaN: refused, the slider keeps its value
            old = self._trait_values.get("value")
            kept = old if isinstance(old, float) and old == old else self.min
            self._say(f"{self._label} was not a number: kept {self._text(kept)} {self._unit}")
            return kept
        return min(max(v, self.min), self.max)

    def _moved(self, change: Any) -> None:
        if not self._syncing:
            self._syncing = True
            try:
                self.entry.value = self._text(change["new"])
            finally:
                self._syncing = False

    def _typed(self, change: Any) -> None:
        if self._syncing:
            return
        text = change["new"]
        v = parse_number(text)
        note = ""
        if v is None:
            note = (
                f"{self._label}: {text!r} was not understood as a number; type e.g. "
                f"{self._text(self.value)} (a decimal comma is fine): kept "
                f"{self._text(self.value)} {self._unit}"
            )
        elif not self.min <= v <= self.max:
            note = (
                f"{self._label} = {v:g} is outside {self.min:g} to {self.max:g} "
                f"{self._unit}: clamped"
            )
        if v is not None:
            self.value = min(max(v, self.min), self.max)  # the app updates (and clears notes)
        self._moved({"new": self.value})  # show the value the slider took
        if note:
            self._say(note)


def unit_slider(
    rng: Any,
    label: str,
    *,
    step: float,
    value: float,
    unit: str | None = None,
    fmt: str = ".2f",
    label_width: str = "230px",
    width: str = "480px",
    continuous_update: bool = True,
    tooltip: str | None = None,
) -> UnitSlider:
    """A :class:`UnitSlider` over ``rng`` (an :class:`~backspasm_model.core.checks.InputRange`,
    or anything with ``lo``, ``hi``, ``unit`` and ``clamp``), labelled ``"label (unit)"``
    (``unit`` defaults to ``rng.unit``), starting at ``value`` clamped to the range; every
    later value stays inside ``rng.lo`` to ``rng.hi``. Used by every app.

    >>> from backspasm_model.core.checks import InputRange
    >>> s = unit_slider(InputRange(0.25, 3.0, "x nominal"), "quad strength", step=0.05,
    ...                 value=9.0)
    >>> s.description, s.value, (s.min, s.max)
    ('quad strength (x nominal)', 3.0, (0.25, 3.0))
    >>> s.value = -1.0
    >>> s.value
    0.25
    >>> s.entry.value = "1,5"          # typed with a decimal comma
    >>> s.value
    1.5
    >>> s.value = float("nan")         # refused: keeps its value
    >>> s.value
    1.5
    """
    u = rng.unit if unit is None else unit
    extra = {} if tooltip is None else {"tooltip": tooltip}
    # the description stays (screen readers, tests) but takes no width: the visible label
    # is the row's own line above the slider (``label_width`` is kept for old callers)
    del label_width
    return UnitSlider(
        label,
        u,
        fmt,
        value=rng.clamp(value),
        min=rng.lo,
        max=rng.hi,
        step=step,
        description=f"{label} ({u})",
        style={"description_width": "0px"},
        layout=widgets.Layout(width=width),
        readout_format=fmt,
        continuous_update=continuous_update,
        **extra,
    )


def styled_box(notes_html: str, *, error: bool = False) -> str:
    """A message box: theme text colour, an orange (note) or red (error) border."""
    border = "var(--jp-error-color1, #d32f2f)" if error else "var(--jp-warn-color1, #f57c00)"
    return (
        f'<div role="status" style="color:{TEXT};font-weight:bold;border:2px solid '
        f'{border};border-left-width:8px;padding:4px 8px">{notes_html}</div>'
    )


# ipympl's canvas takes keyboard focus (tabindex 0) and swallows every key with
# preventDefault, Tab and Escape included: a keyboard trap in every front end (ipympl 0.10
# has no option for it; the apps use no key events). This listener, installed once per page
# by an image that fails to load (the only way an ipywidgets HTML value runs code), lets
# Tab / Shift+Tab move focus on as usual and makes Escape leave the figure.
_GUARD_JS = (
    "if(!window.__bsKeyGuard){window.__bsKeyGuard=1;window.addEventListener('keydown',"
    "function(e){var t=e.target;if(!t||!t.classList||"
    "!t.classList.contains('jupyter-matplotlib-canvas-div'))return;"
    "if(e.key==='Tab'){e.stopPropagation();}else if(e.key==='Escape'){e.stopPropagation();"
    "t.blur();var n=t.closest('.jp-Notebook');if(n){n.focus();}}},true);}"
)


def keyboard_guard() -> widgets.HTML:
    """An invisible HTML widget that installs the page's keyboard guard (see above)."""
    return widgets.HTML(
        value=f'<img alt="" src="data:image/gif;base64," style="display:none" '
        f'onerror="{_GUARD_JS}">',
        layout=widgets.Layout(width="0px", height="0px", overflow="hidden", margin="0"),
    )
