"""Interactive apps for the notebooks (imported on demand; needs ipywidgets and matplotlib).

:class:`BalanceExplorer` is the live balance explorer with the exercise prescription beside
it. In a notebook (after ``%matplotlib widget``)::

    from backspasm_model.apps import BalanceExplorer
    BalanceExplorer().show()

Every control is labelled with its unit and clamped to its range
(:data:`backspasm_model.INPUT_RANGES`); a model error is shown as a message in the app and
never raised into the kernel. The app owns one figure (:class:`~backspasm_model.plotting.
BalanceFigure`), updated in place.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> app = BalanceExplorer()
>>> print(app.summary())  # doctest: +NORMALIZE_WHITESPACE
tilt 3.1 deg anterior (full view, gait2392) | QL -0.35 mm (-0.21 %) from neutral |
QL force capacity 98.97 %
>>> app.sliders["quad_strength"].value = 99.0       # clamped to the range
>>> app.sliders["quad_strength"].value
3.0
>>> app.close()
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from ..core.balance import DEFAULTS, INPUT_RANGES, VIEW_GROUPS
from ..core.parameters import GROUPS, PARAMETER_SET_NAMES, load_parameter_set
from ..exercises import prescription
from ..plotting.balance import GROUP_LABELS, PALETTE, BalanceFigure, Posture, compute_posture
from .base import App, description_html, unit_slider
from .controls import TEXT
from .layout import FIGURE_DPI, FIGURE_SIZE_IN, collapsible, fbd_checkbox, projector_layout
from .prescription_panel import prescription_html

__all__ = ["BalanceExplorer", "CONTROLS", "CONTROL_LABELS"]

#: The numeric controls of the explorer, in display order.
CONTROLS: tuple[str, ...] = (
    "quad_strength",
    "hamstring_strength",
    "quad_tightness",
    "hamstring_tightness",
    "body_mass_kg",
)
#: Label of each control (its unit comes from INPUT_RANGES).
CONTROL_LABELS: dict[str, str] = {
    "quad_strength": "quad strength",
    "hamstring_strength": "hamstring strength",
    "quad_tightness": "quad tightness",
    "hamstring_tightness": "hamstring tightness",
    "body_mass_kg": "body mass",
}
_STEPS = {
    "quad_strength": 0.05,
    "hamstring_strength": 0.05,
    "quad_tightness": 0.01,
    "hamstring_tightness": 0.01,
    "body_mass_kg": 1.0,
}
_UNIT_SHORT = {
    "x nominal": "x nominal",
    "fraction of optimal length lost": "of optimal length lost",
    "kg": "kg",
}
_WARN = PALETTE["quadriceps"]
_TOOLTIPS = {
    "body_mass_kg": "In this model the tilt does not depend on body mass (masses, "
    "forces and stiffness all scale with it). ",
    "quad_strength": "x nominal: times the model's default (published) strength. ",
    "hamstring_strength": "x nominal: times the model's default (published) strength. ",
}


def _label(key: str) -> str:
    unit = INPUT_RANGES[key].unit
    return f"{CONTROL_LABELS[key]} ({_UNIT_SHORT.get(unit, unit)})"


def _fmt_moment(v: float) -> str:
    return f"{v:+.1f}"


class BalanceExplorer(App):
    """The balance explorer: sliders, readouts, one live figure and the prescription.

    Keyword arguments set the starting values (clamped to their ranges): any of
    :data:`CONTROLS`, plus ``view`` (``"seed"``/``"full"``) and ``params`` (a parameter set
    name). ``figure=False`` builds the widgets without a figure (readouts only).
    """

    def __init__(
        self, *, view: str = "full", params: str = "gait2392", figure: bool = True, **start: float
    ) -> None:
        self._suspend = False
        self.posture: Posture | None = None
        self.ghost: Posture | None = None
        self.last_error: str = ""
        self.updates = 0
        self.sliders: dict[str, Any] = {}
        style = {"description_width": "160px"}
        layout = widgets.Layout(width="400px")
        for key in CONTROLS:
            rng = INPUT_RANGES[key]
            s = unit_slider(
                rng,
                CONTROL_LABELS[key],
                step=_STEPS[key],
                value=DEFAULTS[key],
                unit=_UNIT_SHORT.get(rng.unit, rng.unit),
                label_width="0px",
                width="320px",
                tooltip=_TOOLTIPS.get(key, "") + f"{CONTROL_LABELS[key]}: {rng.lo:g} to "
                f"{rng.hi:g} {rng.unit}",
                fmt=".2f" if key != "body_mass_kg" else ".0f",
            )
            self._watch(s, "_on_choice")
            self.sliders[key] = s
        self.view = widgets.ToggleButtons(
            options=[("two-muscle", "seed"), ("full", "full")],
            value="full",
            description="view",
            style={"description_width": "50px", "button_width": "165px"},
            tooltips=[
                "rectus femoris vs hamstrings plus passive tissue",
                "every muscle group, passive tissue and the upper body's weight",
            ],
        )
        self.params = widgets.Dropdown(
            options=[(load_parameter_set(n).label, n) for n in PARAMETER_SET_NAMES],
            value="gait2392",
            description="parameter set",
            style=style,
            layout=layout,
        )
        self._watch(self.view, "_on_choice")
        self._watch(self.params, "_on_choice")
        self.choices = {"view": self.view, "params": self.params}
        self.reset_button = widgets.Button(
            description="reset", icon="undo", tooltip="every control back to how this app started"
        )
        self.keep = widgets.ToggleButton(
            value=False,
            description="keep previous",
            tooltip="freeze this posture as a faint grey ghost",
        )
        self.apply_button = widgets.Button(
            description="apply the programme",
            button_style="success",
            # a darker green than the theme's, with white text: 5.1:1 in light and dark themes
            # (the light theme's success green gave 4.1:1)
            style=widgets.ButtonStyle(button_color="#2e7d32", text_color="white"),
            tooltip="move the sliders the way the prescription would (ghost = before)",
            layout=widgets.Layout(width="220px"),
        )
        self._click(self.reset_button, "reset")
        self._click(self.apply_button, "apply_program")
        self._watch(self.keep, "_on_keep")
        self.message = widgets.HTML(value="")
        self.readout = widgets.HTML(value="")
        # optional 5-95 % band of plausible bodies (issue 6; backspasm_model.plotting.claims)
        self.band_toggle = widgets.Checkbox(
            value=False,
            indent=False,
            description="show the band of plausible bodies",
            tooltip="the 5-95 % range of tilt over a sample of plausible bodies",
            layout=widgets.Layout(width="auto"),
        )
        self._watch(self.band_toggle, "_on_choice")
        self.band_readout = widgets.HTML(value="")
        self.band: Any = None
        self._band_overlay: Any = None
        self.prescription_panel = widgets.HTML(value=prescription_html(CONTROL_LABELS))
        # text description of the figure, next to it (screen readers, projector back rows)
        self.figure_description = widgets.HTML(value="")

        self.fbd_toggle = fbd_checkbox()
        self._watch(self.fbd_toggle, "_on_fbd")
        self.figure: BalanceFigure | None = (
            BalanceFigure(figsize=FIGURE_SIZE_IN, dpi=FIGURE_DPI) if figure else None
        )
        if self.figure is not None:
            cv = self.figure.canvas
            for attr, val in (
                ("header_visible", False),
                ("footer_visible", False),
                ("toolbar_visible", False),
                ("resizable", False),
            ):
                if hasattr(cv, attr):
                    setattr(cv, attr, val)
        self.set(view=view, params=params, **start)
        if self.figure is not None:
            self.figure.draw()

    # -- public API ---------------------------------------------------------------------
    def inputs(self) -> dict[str, float]:
        """The current numeric inputs of :func:`backspasm_model.stand` (clamped)."""
        return {k: INPUT_RANGES[k].clamp(s.value) for k, s in self.sliders.items()}

    def apply_program(self) -> None:
        """Freeze the current posture as the ghost, then move the sliders the way the
        prescription (``data/prescription.toml``) would."""
        if self.posture is not None:
            self.ghost = self.posture
            self._suspend = True
            self.keep.value = True
            self._suspend = False
        new = prescription.apply_program(self.inputs())
        self.set(**{k: v for k, v in new.items() if k in self.sliders})

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        p = self.posture
        if p is None:
            return f"no posture: {self.last_error}"
        return (
            f"tilt {abs(p.tilt_deg):.1f} deg {p.direction} ({p.view} view, {p.params}) | "
            f"QL {p.ql_change_mm:+.2f} mm ({p.ql_change_pct:+.2f} %) from neutral | "
            f"QL force capacity {100 * p.ql_capacity:.2f} %"
        )

    def _build_widget(self) -> widgets.Widget:
        buttons = widgets.HBox(
            [self.reset_button, self.keep, self.apply_button],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        controls = [
            *self._slider_rows(),
            self.view,
            self.params,
            buttons,
            self.fbd_toggle,
            self.band_toggle,
            self.message,
            self.band_readout,
        ]
        presc = widgets.VBox([self.prescription_panel])
        fig = [
            *self._figure_widgets("explorer"),
            collapsible("what the figure shows (in words)", self.figure_description),
        ]
        return projector_layout(
            fig,
            controls,
            [
                ("readouts: tilt, QL and each group's moment", self.readout),
                ("the argument's prescription", presc),
            ],
        )

    def _owned_widgets(self) -> list[widgets.Widget]:
        return [
            *self._slider_rows(),
            self.view,
            self.params,
            self.reset_button,
            self.keep,
            self.apply_button,
            self.message,
            self.readout,
            self.figure_description,
            self.fbd_toggle,
            self.prescription_panel,
            self.band_toggle,
            self.band_readout,
        ]

    def _on_fbd(self, change: Mapping[str, Any]) -> None:
        if self.figure is not None:
            self.figure.set_fbd(bool(change["new"]))
            self.figure.draw()

    # -- callbacks ----------------------------------------------------------------------
    def _control(self, key: str) -> tuple[str, Any]:
        return CONTROL_LABELS[key], INPUT_RANGES[key]

    def _on_choice(self, change: Mapping[str, Any]) -> None:
        if not self._suspend:
            self.update()

    def _on_keep(self, change: Mapping[str, Any]) -> None:
        if self._suspend:
            return
        self.ghost = self.posture if change["new"] else None
        if self.posture is not None:
            self.figure_description.value = description_html(self._describe_figure(self.posture))
        if self.figure is not None:
            self.figure.set_ghost(self.ghost)
            self.figure.draw()

    def update(self, notes: list[str] | None = None) -> None:
        """Re-solve the balance and update readouts and figure; errors become a message."""
        self.updates += 1
        notes = [n for n in (notes or []) if n]
        try:
            p = compute_posture(self.inputs(), view=self.view.value, params=self.params.value)
        except Exception as exc:  # never raise into the kernel: show it
            self.last_error = str(exc)
            self.posture = None
            self._message(notes + [f"No posture for these inputs: {exc}"], error=True)
            if self.figure is not None:
                self.figure.show_message("no stable posture:\nsee the message by the controls")
            return
        self.last_error = ""
        self.posture = p
        self.readout.value = self._readout_html(p)
        self.figure_description.value = description_html(self._describe_figure(p))
        self._message(notes)
        self._update_band(p)
        if self.figure is not None:
            self.figure.set_ghost(self.ghost if self.keep.value else None)
            self.figure.update(p)

    def _update_band(self, p: Posture) -> None:
        """The optional band: a fixed, modest sample of plausible bodies re-solved only when
        the box is ticked (a few ms per update); never raises."""
        from ..plotting.claims import BandOverlay, explorer_band

        self.band = None
        if self.band_toggle.value:
            try:
                self.band = explorer_band(
                    self.inputs(),
                    view=p.view,
                    params=p.params,
                    curve_x=p.curve[0],
                    nominal_deg=p.tilt_deg,
                )
            except Exception as exc:  # never raise into the kernel: show it
                self.band_readout.value = f"<i>band not available: {html.escape(str(exc))}</i>"
        if self.band is not None:
            self.band_readout.value = f"<b>{html.escape(self.band.readout())}</b>"
        elif not self.band_toggle.value:
            self.band_readout.value = ""
        if self.figure is not None:
            if self._band_overlay is None and self.band is not None:
                self._band_overlay = BandOverlay(self.figure)
            if self._band_overlay is not None:
                self._band_overlay.set(self.band)

    # -- HTML ---------------------------------------------------------------------------
    def _readout_html(self, p: Posture) -> str:
        rows = [
            ("tilt (ASIS-PSIS)", f"<b>{abs(p.tilt_deg):.1f} deg {p.direction}</b>"),
            ("QL length", f"{p.ql_length_mm:.1f} mm"),
            ("QL change from neutral", f"{p.ql_change_mm:+.2f} mm ({p.ql_change_pct:+.2f} %)"),
            ("QL force capacity", f"{100.0 * p.ql_capacity:.2f} %"),
        ]
        groups = VIEW_GROUPS[p.view]
        mrows = "".join(
            f'<tr><td><span aria-hidden="true" style="color:{PALETTE[g]}">&#9632;</span> '
            f"{GROUP_LABELS[g]}</td>"
            f'<td style="text-align:right">{_fmt_moment(p.group_moments_Nm[g])}</td></tr>'
            for g in GROUPS
            if g in groups
        )
        mrows += (
            f'<tr><td>upper-body weight</td><td style="text-align:right">'
            f"{_fmt_moment(p.gravity_moment_Nm)}</td></tr>"
            f'<tr><td>passive hip + lumbar tissue</td><td style="text-align:right">'
            f"{_fmt_moment(p.passive_moment_Nm)}</td></tr>"
        )
        top = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
        return (
            f'<div style="color:{TEXT}"><table style="font-size:110%">{top}</table>'
            f'<div style="margin-top:4px"><b>net moment of each group (N m, anterior +)'
            f"</b></div><table>{mrows}</table></div>"
        )

    def _describe_figure(self, p: Posture) -> str:
        ghost = self.ghost if self.keep.value else None
        was = (
            f" The grey ghost is the kept previous posture, {abs(ghost.tilt_deg):.1f} deg "
            f"{ghost.direction}."
            if ghost is not None
            else ""
        )
        return (
            "Left: side view (facing right) of the thigh, pelvis (ASIS and PSIS marked, the "
            "ASIS-PSIS line dashed), lumbar spine, thorax and the QL (black) from the iliac "
            "crest to the 12th rib, with the muscle groups drawn thicker the more force they "
            f"carry; the pelvis is tilted {abs(p.tilt_deg):.1f} deg {p.direction}. Top "
            "right: the net moment on the pelvis against tilt; the pelvis rests where the "
            f"curve crosses zero going down, at {p.tilt_deg:.1f} deg. Bottom right: the QL on "
            f"its force-length curve at {p.ql_fibre_length:.3f} of its optimal length, "
            f"{100 * p.ql_capacity:.2f} % of its force capacity.{was}"
        )
