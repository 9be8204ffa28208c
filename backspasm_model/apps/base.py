"""What every app shares (ipywidgets, imported on demand): :func:`unit_slider` (a clamped,
unit-labelled slider), :class:`App` (its layout as one widget, show, close, clamping with a
message, the figure canvas) and, for the exercise apps, :class:`Control` and ``_App`` (sliders
from a table of controls, a live figure, a text description and a summary).
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from ..plotting.base import PALETTE

__all__ = ["App", "Control", "unit_slider"]

_WARN = PALETTE["quadriceps"]


def unit_slider(rng: Any, label: str, *, step: float, value: float, unit: str | None = None,
                fmt: str = ".2f", label_width: str = "230px", width: str = "480px",
                continuous_update: bool = True, tooltip: str | None = None) -> widgets.FloatSlider:
    """A FloatSlider over ``rng`` (an :class:`~backspasm_model.core.checks.InputRange`, or anything
    with ``lo``, ``hi``, ``unit`` and ``clamp``), labelled ``"label (unit)"`` (``unit``
    defaults to ``rng.unit``), starting at ``value`` clamped to the range; the slider itself
    keeps every later value inside ``rng.lo`` to ``rng.hi``. Used by every app.

    >>> from backspasm_model.core.checks import InputRange
    >>> s = unit_slider(InputRange(0.25, 3.0, "x nominal"), "quad strength", step=0.05,
    ...                 value=9.0)
    >>> s.description, s.value, (s.min, s.max)
    ('quad strength (x nominal)', 3.0, (0.25, 3.0))
    >>> s.value = -1.0
    >>> s.value
    0.25
    """
    extra = {} if tooltip is None else {"tooltip": tooltip}
    return widgets.FloatSlider(
        value=rng.clamp(value), min=rng.lo, max=rng.hi, step=step,
        description=f"{label} ({rng.unit if unit is None else unit})",
        style={"description_width": label_width}, layout=widgets.Layout(width=width),
        readout_format=fmt, continuous_update=continuous_update, **extra)


class App:
    """What every app shares: its whole layout as one widget (built on first use), show,
    close. Subclasses build the layout in :meth:`_build_widget` and list the widgets they
    own in :meth:`_owned_widgets`; an app that owns a live figure keeps it in ``figure``
    (closed with the app) and puts it in its layout with :meth:`_figure_widgets`.
    """

    figure: Any = None

    def _build_widget(self) -> widgets.Widget:  # pragma: no cover - overridden
        raise NotImplementedError

    def _owned_widgets(self) -> list[widgets.Widget]:
        return []

    @property
    def widget(self) -> widgets.Widget:
        """The whole app as one widget."""
        if not hasattr(self, "_widget"):
            self._widget = self._build_widget()
        return self._widget

    def show(self) -> None:
        """Display the app (in a notebook)."""
        display(self.widget)

    def _ipython_display_(self) -> None:
        self.show()

    def close(self) -> None:
        """Close the widgets and the figure."""
        if self.figure is not None:
            self.figure.close()
            self.figure = None
        if hasattr(self, "_widget"):
            self._widget.close()
        for w in self._owned_widgets():
            w.close()

    def _control(self, key: str) -> tuple[str, Any]:  # pragma: no cover - overridden
        """The label of slider ``key`` and its range (``lo``, ``hi``, ``unit``, ``clamp``)."""
        raise NotImplementedError

    def _set_slider(self, key: str, val: Any) -> str:
        """Set slider ``key`` to ``val`` clamped to its range; returns a note for the
        message ("" if none), or refuses a non-number with a note (slider unchanged)."""
        label, rng = self._control(key)
        if isinstance(val, bool) or not isinstance(val, int | float):
            return f"{label} must be a number ({rng.unit}), not {val!r}"
        v = float(val)
        note = ""
        if math.isnan(v):
            note = f"{label} was not a number: set to {rng.lo:g} {rng.unit}"
        elif not rng.lo <= v <= rng.hi:
            note = f"{label} = {v:g} is outside {rng.lo:g} to {rng.hi:g} {rng.unit}: clamped"
        self.sliders[key].value = rng.clamp(v)
        return note

    def _message(self, notes: list[str], error: bool = False) -> None:
        """Show ``notes`` in the app's ``message`` widget (cleared when there are none)."""
        if not notes:
            self.message.value = ""
            return
        items = "<br>".join(html.escape(n) for n in notes)
        self.message.value = (f'<div style="color:{_WARN};font-weight:bold;border:2px solid '
                              f'{_WARN};padding:4px">{"&#9888; " if error else ""}{items}</div>')

    def _figure_widgets(self, name: str, description: widgets.Widget) -> list[widgets.Widget]:
        """The live figure's canvas (or, without ``%matplotlib widget``, a hint naming the
        app as ``name``), then its text ``description``."""
        parts: list[widgets.Widget] = []
        cv = self.figure.canvas if self.figure is not None else None
        if isinstance(cv, widgets.DOMWidget):
            parts.append(cv)
        elif cv is not None:
            parts.append(widgets.HTML("<i>(Run <code>%matplotlib widget</code> before "
                                      f"creating the {name} to see the live figure.)</i>"))
        parts.append(description)
        return parts


@dataclass(frozen=True)
class Control:
    """A numeric control: label, unit, range, step, start value and readout format."""

    label: str
    unit: str
    lo: float
    hi: float
    step: float
    value: float
    fmt: str = ".2f"

    @property
    def description(self) -> str:
        """Slider label with its unit, e.g. ``"ankle weight (kg)"``."""
        return f"{self.label} ({self.unit})"

    def clamp(self, v: float) -> float:
        """``v`` limited to the range (NaN becomes the lower end)."""
        if v != v:
            return self.lo
        return min(max(v, self.lo), self.hi)


class _App(App):
    """Shared machinery: sliders, choices, message, readout, figure, never-raise updates."""

    CONTROLS: dict[str, Control] = {}
    CHOICES: dict[str, tuple[str, list[tuple[str, str]], str]] = {}

    def __init__(self, figure: bool, **start: Any) -> None:
        self._suspend = False
        self.last_error = ""
        self.updates = 0
        style = {"description_width": "230px"}
        layout = widgets.Layout(width="480px")
        self.sliders: dict[str, widgets.FloatSlider] = {}
        for key, c in self.CONTROLS.items():
            s = unit_slider(c, c.label, step=c.step, value=c.value, fmt=c.fmt)
            s.observe(self._on_change, names="value")
            self.sliders[key] = s
        self.choices: dict[str, widgets.Dropdown] = {}
        for key, (label, options, default) in self.CHOICES.items():
            d = widgets.Dropdown(options=options, value=default, description=label,
                                 style=style, layout=layout)
            d.observe(self._on_change, names="value")
            self.choices[key] = d
        self.message = widgets.HTML(value="")
        self.readout = widgets.HTML(value="")
        # text description of the figure, next to it (screen readers, projector back rows)
        self.figure_description = widgets.HTML(value="")
        self.figure: Any = self._make_figure() if figure else None
        self.set(**start)

    # -- to override --------------------------------------------------------------------
    def _make_figure(self) -> Any:  # pragma: no cover - overridden
        return None

    def _compute(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def _show(self, result: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _extra_widgets(self) -> list[widgets.Widget]:
        return []

    def _side_widgets(self) -> list[widgets.Widget]:
        return []

    def _describe_figure(self, result: Any) -> str:  # pragma: no cover - overridden
        """What the figure shows, with the current key numbers (HTML)."""
        raise NotImplementedError

    # -- public API ---------------------------------------------------------------------
    def inputs(self) -> dict[str, float]:
        """The current numeric inputs (clamped to their ranges)."""
        return {k: self.CONTROLS[k].clamp(float(s.value)) for k, s in self.sliders.items()}

    def set(self, **values: Any) -> None:
        """Set several controls at once (one update). Out-of-range numbers are clamped with
        a note, anything else is refused with a visible message; never raises."""
        notes = []
        self._suspend = True
        try:
            for key, val in values.items():
                if key in self.sliders:
                    notes.append(self._set_slider(key, val))
                elif key in self.choices:
                    allowed = [v for _l, v in self.choices[key].options]
                    if val in allowed:
                        self.choices[key].value = val
                    else:
                        notes.append(f"{key} must be one of {', '.join(allowed)}, not {val!r}")
                else:
                    notes.append(f"{key!r} is not a control here; use one of "
                                 f"{', '.join([*self.sliders, *self.choices])}")
        finally:
            self._suspend = False
        self.update(notes=notes)

    def update(self, notes: list[str] | None = None) -> None:
        """Re-run the model and update the readouts and figure; errors become a message."""
        self.updates += 1
        notes = [n for n in (notes or []) if n]
        try:
            result = self._compute()
            self._show(result)
            self.figure_description.value = _description_html(self._describe_figure(result))
        except Exception as exc:  # never raise into the kernel: show it
            self.last_error = str(exc)
            self.figure_description.value = _description_html(
                "The figure still shows the last inputs the model accepted: it refused the "
                "current ones (see the message by the controls).")
            self._message(notes + [f"The model refused these inputs: {exc}"], error=True)
            return
        self.last_error = ""
        self._message(notes)

    def _build_widget(self) -> widgets.Widget:
        controls = widgets.VBox([*self.sliders.values(), *self.choices.values(),
                                 *self._extra_widgets(), self.message, self.readout],
                                layout=widgets.Layout(width="500px"))
        side = self._side_widgets()
        top: widgets.Widget = controls
        if side:
            top = widgets.HBox([controls, widgets.VBox(
                side, layout=widgets.Layout(width="470px", padding="0 0 0 12px"))])
        return widgets.VBox([top, *self._figure_widgets("app", self.figure_description)])

    def _owned_widgets(self) -> list[widgets.Widget]:
        return [*self.sliders.values(), *self.choices.values(), *self._extra_widgets(),
                *self._side_widgets(), self.message, self.readout, self.figure_description]

    # -- helpers ------------------------------------------------------------------------
    def _control(self, key: str) -> tuple[str, Control]:
        return self.CONTROLS[key].label, self.CONTROLS[key]

    def _on_change(self, change: Mapping[str, Any]) -> None:
        if not self._suspend:
            self.update()

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> str:
        body = "".join(f"<tr><td>{html.escape(a)}</td><td>{b}</td></tr>" for a, b in rows)
        return f'<table style="font-size:110%">{body}</table>'


def _description_html(text: str) -> str:
    return ('<div style="font-size:95%;color:#333"><b>What the figure shows.</b> '
            f"{text}</div>")
