"""The shared base of the apps built from a table of numeric controls (the exercise apps and
the pelvis app): :class:`Control` (label, unit, range, step, start, format) and ``_App``
(sliders from the table, a live figure with its free-body toggle, a text description, a
readout table and a summary), on :class:`~backspasm_model.apps.base.App`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from .base import App, description_html
from .controls import TEXT, UnitSlider, unit_slider
from .layout import collapsible, fbd_checkbox, projector_layout

__all__ = ["Control"]


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
    tooltip: str | None = None

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
    #: True: the figure has a free-body-diagram overlay (``set_fbd``) and the app a toggle.
    FBD = False

    def __init__(self, figure: bool, **start: Any) -> None:
        self._suspend = False
        self.last_error = ""
        self.updates = 0
        style = {"description_width": "195px"}
        self.sliders: dict[str, UnitSlider] = {}
        for key, c in self.CONTROLS.items():
            s = unit_slider(
                c,
                c.label,
                step=c.step,
                value=c.value,
                fmt=c.fmt,
                width="320px",
                tooltip=getattr(c, "tooltip", None),
            )
            self._watch(s, "_on_change")
            self.sliders[key] = s
        self.choices: dict[str, Any] = {}
        for key, (label, options, default) in self.CHOICES.items():
            d = widgets.Dropdown(
                options=options,
                value=default,
                description=label,
                style=style,
                layout=widgets.Layout(width="400px"),
            )
            self._watch(d, "_on_change")
            self.choices[key] = d
        self.message = widgets.HTML(value="")
        self.readout = widgets.HTML(value="")
        # text description of the figure, next to it (screen readers, projector back rows)
        self.figure_description = widgets.HTML(value="")
        self.figure: Any = self._make_figure() if figure else None
        self.fbd_toggle = fbd_checkbox() if self.FBD else None
        if self.fbd_toggle is not None:
            self._watch(self.fbd_toggle, "_on_fbd")
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

    def update(self, notes: list[str] | None = None) -> None:
        """Re-run the model and update the readouts and figure; errors become a message."""
        self.updates += 1
        notes = [n for n in (notes or []) if n]
        try:
            result = self._compute()
            self._show(result)
            self.figure_description.value = description_html(self._describe_figure(result))
        except Exception as exc:  # never raise into the kernel: show it
            self.last_error = str(exc)
            self.figure_description.value = description_html(
                "The figure still shows the last inputs the model accepted: it refused the "
                "current ones (see the message by the controls)."
            )
            self._message(notes + [f"The model refused these inputs: {exc}"], error=True)
            return
        self.last_error = ""
        self._message(notes)

    def _build_widget(self) -> widgets.Widget:
        fbd = [] if self.fbd_toggle is None else [self.fbd_toggle]
        controls = [
            *self._slider_rows(),
            *self.choices.values(),
            *self._extra_widgets(),
            *fbd,
            self.message,
        ]
        panels = [("readouts", self.readout)]
        panels += [(getattr(w, "panel_title", "more"), w) for w in self._side_widgets()]
        fig = [
            *self._figure_widgets("app"),
            collapsible("what the figure shows (in words)", self.figure_description),
        ]
        return projector_layout(fig, controls, panels)

    def _owned_widgets(self) -> list[widgets.Widget]:
        return [
            *self._slider_rows(),
            *self.choices.values(),
            *self._extra_widgets(),
            *self._side_widgets(),
            self.message,
            self.readout,
            self.figure_description,
            *([] if self.fbd_toggle is None else [self.fbd_toggle]),
        ]

    def _on_fbd(self, change: Mapping[str, Any]) -> None:
        """Show or hide the figure's free-body overlay (no re-plot)."""
        if self.figure is not None:
            self.figure.set_fbd(bool(change["new"]))
            self.figure.draw()

    # -- helpers ------------------------------------------------------------------------
    def _control(self, key: str) -> tuple[str, Control]:
        return self.CONTROLS[key].label, self.CONTROLS[key]

    def _on_change(self, change: Mapping[str, Any]) -> None:
        if not self._suspend:
            self.update()

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> str:
        body = "".join(f"<tr><td>{html.escape(a)}</td><td>{b}</td></tr>" for a, b in rows)
        return f'<table style="font-size:110%;color:{TEXT}">{body}</table>'
