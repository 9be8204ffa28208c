"""What every app shares (ipywidgets, imported on demand): :class:`App` (its layout as one
widget, show, close, set and reset, messages, the figure canvas); the apps built from a table
of controls add :mod:`.control_table` on top. The controls themselves are in :mod:`.controls`,
the lifetime rules (one app per cell, closing whole widget trees) in :mod:`.lifecycle`.
"""

from __future__ import annotations

import functools
import html
import math
import numbers
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from . import lifecycle
from .controls import TEXT, UnitSlider, keyboard_guard, styled_box, unit_slider

__all__ = ["App", "STALE_TEXT", "description_html", "unit_slider"]

#: What a notebook shows for an app's output when no kernel runs it (the saved notebook,
#: a static render): the text fallback of the app's display.
STALE_TEXT = (
    "[App not running] This app needs the running Python kernel: run this cell to start it."
)
_CLOSED_TEXT = (
    "[App closed] This app was closed (its cell ran again, or close() was "
    "called): run its cell to start a new one."
)


class App:
    """What every app shares: its whole layout as one widget (built on first use), show,
    close, :meth:`set` (never raises) and :meth:`reset` (back to the state the app was
    created with). Subclasses build ``sliders`` (:class:`~.controls.UnitSlider`),
    ``choices`` (widgets with ``options``, or checkboxes) and a ``message`` widget, the
    layout in :meth:`_build_widget`, list the widgets they own in :meth:`_owned_widgets`,
    and implement :meth:`update`. An app that owns a live figure keeps it in ``figure``
    (closed with the app) and puts it in its layout with :meth:`_figure_widgets`.

    Lifetime (:mod:`.lifecycle`): re-running the notebook cell that made an app closes the
    previous one; closing closes every widget of the app and its figure; an app that is
    neither held nor displayed is collected with its widgets and figure.
    """

    figure: Any = None
    sliders: dict[str, UnitSlider]
    choices: dict[str, Any]
    message: widgets.HTML
    _suspend = False

    def __new__(cls, *args: Any, **kwargs: Any) -> App:
        self = super().__new__(cls)
        self._resources: list[Any] = []
        lifecycle.finalize(self, self._resources)
        lifecycle.adopt(self)  # closes what this cell's previous run made
        return self

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is None:
            return

        @functools.wraps(init)
        def wrapped(self: App, *args: Any, **kw: Any) -> None:
            outer = not getattr(self, "_constructing", False)
            self._constructing = True
            try:
                init(self, *args, **kw)
            finally:
                if outer:
                    self._constructing = False
            if outer:
                self._constructed()

        cls.__init__ = wrapped  # type: ignore[method-assign]

    def _constructed(self) -> None:
        """After the outermost ``__init__``: remember the start state (for :meth:`reset`),
        route slider notes to the message, and hand widgets and figure to the finalizer."""
        self._start = self.state()
        for s in getattr(self, "sliders", {}).values():
            if isinstance(s, UnitSlider):
                s.on_note(lifecycle.weak_handler(self, "_note"))
        self._resources.extend(self._owned_widgets())
        if self.figure is not None:
            self._resources.append(self.figure)

    # -- callbacks that do not keep the app alive -----------------------------------------
    def _watch(self, w: Any, method: str, names: str = "value") -> None:
        w.observe(lifecycle.weak_handler(self, method), names=names)

    def _click(self, button: widgets.Button, method: str) -> None:
        call = lifecycle.weak_handler(self, method)
        button.on_click(lambda _b: call())

    # -- layout, display, close -----------------------------------------------------------
    def _build_widget(self) -> widgets.Widget:  # pragma: no cover - overridden
        raise NotImplementedError

    def _owned_widgets(self) -> list[widgets.Widget]:
        return []

    @property
    def widget(self) -> widgets.Widget:
        """The whole app as one widget."""
        if not hasattr(self, "_widget"):
            self._widget = self._build_widget()
            self._resources.append(self._widget)
        return self._widget

    def show(self) -> None:
        """Display the app (in a notebook)."""
        display(self)

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, Any]:
        """The live widget, with a plain-text fallback that says to run the cell: what a
        saved notebook (no kernel, no widget state) shows instead of a dead app."""
        if getattr(self, "_closed", False):
            return {"text/plain": _CLOSED_TEXT}
        w = self.widget
        lifecycle.shown(self)
        data = dict(w._repr_mimebundle_(**kwargs) or {})
        data["text/plain"] = STALE_TEXT
        return data

    def close(self) -> None:
        """Close every widget of the app (whole trees: children, layouts, styles) and its
        figure; the app then shows nothing. Idempotent."""
        self._closed = True
        lifecycle.forget(self)
        if self.figure is not None:
            self.figure.close()
            self.figure = None
        owned = self._owned_widgets()
        if hasattr(self, "_widget"):
            owned.insert(0, self._widget)
        lifecycle.release(owned)
        self._resources.clear()

    # -- state, set, reset ----------------------------------------------------------------
    def _state_widgets(self) -> dict[str, Any]:
        return {**getattr(self, "sliders", {}), **getattr(self, "choices", {})}

    def state(self) -> dict[str, Any]:
        """Every control's current value by name (what :meth:`set` takes)."""
        return {k: w.value for k, w in self._state_widgets().items()}

    def reset(self) -> None:
        """Every control back to the state the app was created with (the lesson's start)."""
        self.set(**self._start)

    def update(self, notes: list[str] | None = None) -> None:  # pragma: no cover
        raise NotImplementedError

    def set(self, **values: Any) -> None:
        """Set several controls at once (one update). Out-of-range numbers are clamped with
        a note; anything else (NaN, a wrong type, an unknown option or control) is refused
        with a visible message and leaves the control as it was; never raises."""
        notes = []
        was, self._suspend = self._suspend, True
        try:
            for key, val in values.items():
                notes.append(self._set_one(key, val))
        finally:
            self._suspend = was
        self.update(notes=notes)

    def _set_one(self, key: str, val: Any) -> str:
        if key in self.sliders:
            return self._set_slider(key, val)
        w = self._state_widgets().get(key)
        if w is None:
            names = ", ".join(self._state_widgets())
            return f"{key!r} is not a control here; use one of {names}"
        if isinstance(w, widgets.Checkbox | widgets.ToggleButton):
            if not isinstance(val, bool):
                return f"{key} must be True or False, not {val!r}"
            w.value = val
            return ""
        allowed = [o[1] if isinstance(o, tuple) else o for o in w.options]
        for a in allowed:
            if type(a) is type(val) and a == val:
                w.value = a
                return ""
        return f"{key} must be one of {', '.join(map(str, allowed))}, not {val!r}"

    def _control(self, key: str) -> tuple[str, Any]:  # pragma: no cover - overridden
        """The label of slider ``key`` and its range (``lo``, ``hi``, ``unit``, ``clamp``)."""
        raise NotImplementedError

    def _set_slider(self, key: str, val: Any) -> str:
        """Set slider ``key`` to ``val`` clamped to its range; returns a note for the
        message ("" if none), or refuses a non-number or NaN with a note (slider unchanged)."""
        label, rng = self._control(key)
        s = self.sliders[key]
        if isinstance(val, bool) or not isinstance(val, numbers.Real):
            return f"{label} must be a number ({rng.unit}), not {val!r}"
        try:
            v = float(val)
        except OverflowError:  # a huge int: beyond either end of the range
            v = math.inf if val > 0 else -math.inf
        if math.isnan(v):
            return f"{label} was not a number: kept {s.value:g} {rng.unit}"
        note = ""
        if not rng.lo <= v <= rng.hi:
            note = f"{label} = {v:g} is outside {rng.lo:g} to {rng.hi:g} {rng.unit}: clamped"
        s.value = rng.clamp(v)
        return note

    # -- messages and the figure ----------------------------------------------------------
    def _note(self, text: str) -> None:
        self._message([text])

    def _message(self, notes: list[str], error: bool = False) -> None:
        """Show ``notes`` in the app's ``message`` widget (cleared when there are none)."""
        notes = [n for n in notes if n]
        if not notes:
            self.message.value = ""
            return
        items = "<br>".join(html.escape(n) for n in notes)
        self.message.value = styled_box(("&#9888; " if error else "") + items, error=error)

    def _slider_rows(self) -> list[widgets.Widget]:
        return [s.row if isinstance(s, UnitSlider) else s for s in self.sliders.values()]

    def _figure_widgets(
        self, name: str, description: widgets.Widget | None = None
    ) -> list[widgets.Widget]:
        """The live figure's canvas (or, without ``%matplotlib widget``, a hint naming the
        app as ``name``), then its text ``description``."""
        parts: list[widgets.Widget] = []
        cv = self.figure.canvas if self.figure is not None else None
        if isinstance(cv, widgets.DOMWidget):
            parts += [keyboard_guard(), cv]  # the description stays right after the figure
        elif cv is not None:
            parts.append(
                widgets.HTML(
                    "<i>(Run <code>%matplotlib widget</code> before "
                    f"creating the {name} to see the live figure.)</i>"
                )
            )
        if description is not None:
            parts.append(description)
        return parts


def description_html(text: str) -> str:
    """The figure's text description in the theme's text colour (light and dark)."""
    return f'<div style="font-size:95%;color:{TEXT}"><b>What the figure shows.</b> {text}</div>'
