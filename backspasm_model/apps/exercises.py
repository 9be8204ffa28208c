"""Interactive apps of the exercise notebooks 04-06 (imported on demand; needs ipywidgets
and matplotlib).

* :class:`AbductionExplorer`: side-lying hip abduction (notebook 04);
* :class:`StanceExplorer`: single-leg stance (notebook 05);
* :class:`ProgramExplorer`: a program over weeks, with the prescription panel beside it
  (notebook 06).

Same conventions as :mod:`backspasm_model.apps`: each app is a class with its own state
(no module globals), every control is labelled with its unit and clamped to its range, a
model error is shown as a message in the app and never raised into the kernel, and the app
owns one figure (:mod:`backspasm_model.plotting.exercises`) updated in place. In a notebook
(after ``%matplotlib widget``)::

    from backspasm_model.apps.exercises import AbductionExplorer
    AbductionExplorer().show()

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> app = AbductionExplorer(figure=False)
>>> for part in app.summary().split(" | "):
...     print(part)
leg at +0 deg: torque 43.9 N m, capacity 127.4 N m, effort 34 %
substitution zone: no
session: 10451 N m s, 0 of 30 reps per side above 40 %
>>> app.set(angle_deg=99)              # clamped, with a message, never an exception
>>> app.sliders["angle_deg"].value, "clamped" in app.message.value
(50.0, True)
>>> app.close()
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets

from ..exercises import prescription
from ..exercises.abduction import CAPACITY_SETS, SEGMENT_TABLES
from ..exercises.abduction import side_lying_abduction as _abduction
from ..exercises.dose import abduction_dose
from ..exercises.programme import PROGRAM_DEFAULTS, PROGRAM_INPUT_RANGES, ProgramResult, program
from ..exercises.stance import STANCE_DEFAULTS, STANCE_INPUT_RANGES, single_leg_stance
from .balance import App, unit_slider

__all__ = ["AbductionExplorer", "StanceExplorer", "ProgramExplorer", "Control"]

_SEGMENT_LABELS = {
    "de_leva_male": "de Leva 1996 (male)",
    "de_leva_female": "de Leva 1996 (female)",
    "dempster_winter": "Dempster / Winter",
    "gait2392": "OpenSim gait2392 leg",
}
_CAPACITY_LABELS = {"gait2392": "gait2392 (Delp 1990)", "rajagopal2016": "Rajagopal 2016"}


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


# ---------------------------------------------------------------------------------------------


class AbductionExplorer(_App):
    """Side-lying hip abduction: move the leg, add ankle weights, weaken the abductors.

    Keyword arguments set the starting values (clamped): any key of :attr:`CONTROLS`, plus
    ``segments`` and ``params``. ``figure=False`` builds the widgets without a figure.
    """

    CONTROLS = {
        "angle_deg": Control("leg angle above parallel", "deg", -12.0, 50.0, 1.0, 0.0, ".0f"),
        "ankle_weight_kg": Control("ankle weight", "kg", 0.0, 10.0, 0.5, 0.0, ".1f"),
        "body_mass_kg": Control("body mass", "kg", 30.0, 200.0, 1.0, 75.0, ".0f"),
        "abductor_strength": Control("abductor strength", "x nominal", 0.1, 3.0, 0.05, 1.0),
        "effort_threshold": Control("effort threshold", "fraction of maximum", 0.0, 1.5,
                                    0.05, 0.4),
    }
    CHOICES = {
        "segments": ("segment table", [(_SEGMENT_LABELS[k], k) for k in SEGMENT_TABLES],
                     "de_leva_male"),
        "params": ("abductor capacity", [(_CAPACITY_LABELS[k], k) for k in CAPACITY_SETS],
                   "gait2392"),
    }

    def __init__(self, *, figure: bool = True, **start: Any) -> None:
        super().__init__(figure, **start)

    def _make_figure(self) -> Any:
        from ..plotting.exercises import AbductionFigure

        return AbductionFigure(dpi=75.0)

    def _model_inputs(self) -> dict[str, Any]:
        v = self.inputs()
        return {"body_mass_kg": v["body_mass_kg"], "ankle_weight_kg": v["ankle_weight_kg"],
                "abductor_strength": v["abductor_strength"],
                "segments": self.choices["segments"].value,
                "params": self.choices["params"].value}

    def _compute(self) -> Any:
        v = self.inputs()
        m = self._model_inputs()
        now = _abduction(v["angle_deg"], **m)
        dose = abduction_dose(effort_threshold=v["effort_threshold"],
                              **{k: m[k] for k in m if k != "abductor_strength"},
                              abductor_strength=m["abductor_strength"])
        return now, dose

    def _show(self, result: Any) -> None:
        now, dose = result
        self.result, self.dose = now, dose
        v = self.inputs()
        zone = "yes" if bool(now.substitution_zone) else "no"
        rows = [
            ("gravity torque (leg + ankle weight)", f"<b>{float(now.torque_Nm):.1f} N m</b>"),
            ("abductor capacity at this angle", f"{float(now.capacity_Nm):.1f} N m"),
            ("relative effort", f"<b>{100 * float(now.effort_fraction):.0f} %</b> of maximum"),
            ("QL substitution zone (25-45 deg)", zone),
            ("each kg at the ankle adds", f"{float(now.ankle_weight_Nm_per_kg):.1f} N m here"),
            (f"session ({dose.sets} x {dose.reps} per side, to parallel)",
             f"{float(dose.angular_impulse_session_Nms):.0f} N m s (both sides)"),
            (f"reps per side above {100 * v['effort_threshold']:.0f} % effort",
             f"{int(dose.reps_above_effort)} of {dose.sets * dose.reps}"),
        ]
        self.readout.value = self._table(rows)
        if self.figure is not None:
            self.figure.update(angle_deg=v["angle_deg"],
                               effort_threshold=v["effort_threshold"], **self._model_inputs())

    def _describe_figure(self, result: Any) -> str:
        now, _dose = result
        v = self.inputs()
        angle = float(now.angle_deg)
        where = "above" if angle >= 0 else "below"
        zone = ("inside" if bool(now.substitution_zone) else "outside")
        weight = (f", with a {v['ankle_weight_kg']:g} kg ankle weight"
                  if v["ankle_weight_kg"] > 0 else "")
        return (
            "Left: front view of a person lying on their side, head to the left; the top leg "
            f"is raised {abs(angle):.0f} deg {where} parallel{weight}, its weight arrow "
            "hanging from the leg's centre of mass, and the shaded wedge marks the 25-45 deg "
            f"range where the QL is reported to take over (the leg is {zone} it). Top right: "
            "the gravity torque of the leg (with and without the ankle weight) and the "
            "abductors' capacity against the abduction angle; at this angle the torque is "
            f"{float(now.torque_Nm):.1f} N m against a capacity of {float(now.capacity_Nm):.1f} "
            "N m. Bottom right: the relative effort (torque / capacity) against the angle, "
            f"now {100 * float(now.effort_fraction):.0f} % of maximum, with the effort "
            f"threshold at {100 * v['effort_threshold']:.0f} %.")

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        if self.last_error:
            return f"no result: {self.last_error}"
        r, d = self.result, self.dose
        return (f"leg at {float(r.angle_deg):+.0f} deg: torque {float(r.torque_Nm):.1f} N m, "
                f"capacity {float(r.capacity_Nm):.1f} N m, effort "
                f"{100 * float(r.effort_fraction):.0f} % | substitution zone: "
                f"{'yes' if bool(r.substitution_zone) else 'no'} | session: "
                f"{float(d.angular_impulse_session_Nms):.0f} N m s, "
                f"{int(d.reps_above_effort)} of {d.sets * d.reps} reps per side above "
                f"{100 * float(d.effort_threshold):.0f} %")


# ---------------------------------------------------------------------------------------------


def _stance_control(key: str, label: str, step: float, fmt: str = ".2f") -> Control:
    r = STANCE_INPUT_RANGES[key]
    return Control(label, r.unit, r.lo, r.hi, step, STANCE_DEFAULTS[key], fmt)


class StanceExplorer(_App):
    """Single-leg stance: weaken the abductors, watch the pelvis drop, lean to compensate.

    Keyword arguments set the starting values (clamped): any key of :attr:`CONTROLS`, plus
    ``params``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> app = StanceExplorer(figure=False, abductor_strength=0.3)
    >>> for part in app.summary().split(" | "):
    ...     print(part)
    abductor force 1.30 BW (needed 2.24 BW, effort 172 %)
    hip force 3.01 BW
    pelvic drop 6.9 deg
    lean to level 14.4 deg
    >>> app.close()
    """

    CONTROLS = {
        "abductor_strength": _stance_control("abductor_strength", "abductor strength", 0.05),
        "body_mass_kg": _stance_control("body_mass_kg", "body mass", 1.0, ".0f"),
        "trunk_lean_deg": _stance_control("trunk_lean_deg", "trunk lean over the stance hip",
                                          0.5, ".1f"),
        "frontal_stiffness_Nm_per_deg": _stance_control(
            "frontal_stiffness_Nm_per_deg", "passive hip restraint (assumption)", 0.5, ".1f"),
    }
    CHOICES = {
        "params": ("abductor capacity", [(_CAPACITY_LABELS[k], k) for k in CAPACITY_SETS],
                   "gait2392"),
    }

    def __init__(self, *, figure: bool = True, **start: Any) -> None:
        super().__init__(figure, **start)

    def _make_figure(self) -> Any:
        from ..plotting.exercises import StanceFigure

        return StanceFigure(dpi=75.0)

    def _compute(self) -> Any:
        return single_leg_stance(params=self.choices["params"].value, **self.inputs())

    def _show(self, r: Any) -> None:
        self.result = r
        need = float(r.demand_Nm) / float(self.inputs().get("abductor_lever_m", 0.04))
        lean = float(r.lean_to_level_deg)
        rows = [
            ("abductor force", f"<b>{float(r.abductor_force_BW):.2f} body weights</b> "
                               f"({float(r.abductor_force_N):.0f} N)"),
            ("needed to hold the pelvis level", f"{need / float(r.body_weight_N):.2f} BW "
                                                f"(effort {100 * float(r.effort_fraction):.0f} %)"),
            ("hip joint force", f"<b>{float(r.hip_force_BW):.2f} BW</b>"),
            ("pelvic drop (swing side)", f"<b>{float(r.pelvic_drop_deg):.1f} deg</b>"
             + ("" if bool(r.can_stand) else " - beyond 20 deg: cannot stand like this")),
            ("trunk lean that would level it", "not possible" if math.isnan(lean)
             else f"{lean:.1f} deg"),
            ("swing-side lateral moment at L5-S1", f"{float(r.lateral_moment_Nm):.1f} N m "
             f"(QL alone: {100 * float(r.ql_effort_if_alone):.0f} % of its maximum)"),
        ]
        self.readout.value = self._table(rows)
        if self.figure is not None:
            self.figure.update(params=self.choices["params"].value, **self.inputs())

    def _describe_figure(self, r: Any) -> str:
        lean = float(r.lean_to_level_deg)
        drop = float(r.pelvic_drop_deg)
        stand = "" if bool(r.can_stand) else " (beyond 20 deg: the person cannot stand like this)"
        return (
            "Left: front view of the pelvis standing on one leg (stance side on the right, "
            "swing side on the left), with the trunk, the QL and three force arrows: body "
            f"weight, the abductor force ({float(r.abductor_force_BW):.2f} body weights) and the "
            f"hip joint force ({float(r.hip_force_BW):.2f} body weights); the pelvis drops "
            f"{drop:.1f} deg on the swing side{stand}. Top right: the abductor moment needed "
            "to hold the pelvis level against the moment available, as the abductor strength "
            f"changes; the effort now is {100 * float(r.effort_fraction):.0f} % of maximum. "
            "Bottom right: the pelvic drop and the trunk lean that would level the pelvis "
            "against the abductor strength; the lean needed now is "
            + ("not possible." if math.isnan(lean) else f"{lean:.1f} deg."))

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        if self.last_error:
            return f"no result: {self.last_error}"
        r = self.result
        need = float(r.demand_Nm) / 0.04 / float(r.body_weight_N)
        lean = float(r.lean_to_level_deg)
        return (f"abductor force {float(r.abductor_force_BW):.2f} BW (needed {need:.2f} BW, "
                f"effort {100 * float(r.effort_fraction):.0f} %) | hip force "
                f"{float(r.hip_force_BW):.2f} BW | pelvic drop {float(r.pelvic_drop_deg):.1f} deg"
                f" | lean to level {'n/a' if math.isnan(lean) else f'{lean:.1f} deg'}")


# ---------------------------------------------------------------------------------------------


def _program_control(key: str, label: str, step: float, fmt: str = ".3f") -> Control:
    r = PROGRAM_INPUT_RANGES[key]
    unit = {"fraction of starting strength gained per week": "fraction/week",
            "fraction of optimal fibre length regained per week": "of L_opt/week",
            "fraction of optimal length lost": "of L_opt lost"}.get(r.unit, r.unit)
    return Control(label, unit, r.lo, r.hi, step, PROGRAM_DEFAULTS[key], fmt)


def _prescription_panel() -> str:
    """The explorer's prescription panel (``apps.BalanceExplorer``) if available, else the
    same content rendered here from ``data/prescription.toml``."""
    try:
        from .balance import BalanceExplorer

        return str(BalanceExplorer._prescription_html())
    except Exception:  # pragma: no cover - the explorer is optional here
        parts = ["<div><b>The prescription (from <code>prescription.toml</code>)</b>"]
        for it in prescription.ITEMS:
            parts.append(f"<div style='margin-top:6px'><b>{html.escape(it.what)}</b><br>"
                         f"dose: {html.escape(it.dose_text())} ({it.dose_status})</div>")
        parts.append(f"<div style='margin-top:8px'><b>{html.escape(prescription.NOTE)}</b>"
                     "</div></div>")
        return "".join(parts)


class ProgramExplorer(_App):
    """A program over weeks: strengthen the hamstrings and abductors, stretch the quads.

    Keyword arguments set the starting values (clamped): any key of :attr:`CONTROLS`.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> app = ProgramExplorer(figure=False)
    >>> for part in app.summary().split(" | "):
    ...     print(part)
    week 12: tilt 4.8 -> 3.6 deg (band 3.2 to 4.8)
    QL +0.37 mm
    abductor capacity 102 -> 125 N m
    >>> app.close()
    """

    CONTROLS = {
        "weeks": _program_control("weeks", "weeks of the program", 1.0, ".0f"),
        "quad_strength": _program_control("quad_strength", "start: quad strength", 0.05, ".2f"),
        "hamstring_strength": _program_control("hamstring_strength",
                                               "start: hamstring strength", 0.05, ".2f"),
        "quad_tightness": _program_control("quad_tightness", "start: quad tightness", 0.01,
                                           ".2f"),
        "abductor_strength": _program_control("abductor_strength", "start: abductor strength",
                                              0.05, ".2f"),
        "hamstring_gain_per_week": _program_control("hamstring_gain_per_week",
                                                    "hamstring gain", 0.001),
        "abductor_gain_per_week": _program_control("abductor_gain_per_week",
                                                   "abductor gain", 0.001),
        "quad_tightness_loss_per_week": _program_control("quad_tightness_loss_per_week",
                                                         "quad tightness lost", 0.001),
    }
    CHOICES: dict[str, tuple[str, list[tuple[str, str]], str]] = {}

    def __init__(self, *, figure: bool = True, **start: Any) -> None:
        self.parts = {
            "train_hamstrings": widgets.Checkbox(value=True, description="strengthen hamstrings"),
            "train_abductors": widgets.Checkbox(value=True, description="strengthen abductors"),
            "stretch_quads": widgets.Checkbox(value=True, description="stretch quadriceps"),
        }
        for cb in self.parts.values():
            cb.observe(self._on_change, names="value")
        self.prescription_panel = widgets.HTML(value=_prescription_panel())
        super().__init__(figure, **start)

    def _make_figure(self) -> Any:
        from ..plotting.exercises import ProgramFigure

        return ProgramFigure(dpi=75.0)

    def _extra_widgets(self) -> list[widgets.Widget]:
        return [widgets.HBox(list(self.parts.values()))]

    def _side_widgets(self) -> list[widgets.Widget]:
        return [self.prescription_panel]

    def _compute(self) -> ProgramResult:
        flags = {k: bool(cb.value) for k, cb in self.parts.items()}
        return program(**flags, **self.inputs())

    def _show(self, r: ProgramResult) -> None:
        self.result = r
        demand = float(single_leg_stance().demand_Nm)
        f: Callable[[float], str] = "{:.2f}".format
        rows = [
            ("weeks", f"{r.week[-1]:g}"),
            ("tilt (ASIS-PSIS, anterior +)", f"<b>{r.tilt_deg[0]:.1f} -> {r.tilt_deg[-1]:.1f} "
             f"deg</b> (band {r.tilt_low_deg[-1]:.1f} to {r.tilt_high_deg[-1]:.1f})"),
            ("QL length change from neutral", f"{f(r.ql_length_change_mm[0])} -> "
             f"{f(r.ql_length_change_mm[-1])} mm"),
            ("QL force capacity", f"{100 * r.ql_force_capacity[0]:.2f} -> "
             f"{100 * r.ql_force_capacity[-1]:.2f} %"),
            ("hamstring strength", f"{f(r.hamstring_strength[0])} -> "
             f"{f(r.hamstring_strength[-1])} x nominal"),
            ("quad tightness", f"{f(r.quad_tightness[0])} -> {f(r.quad_tightness[-1])}"),
            ("abductor capacity", f"{r.abductor_capacity_Nm[0]:.0f} -> "
             f"{r.abductor_capacity_Nm[-1]:.0f} N m (single-leg stance needs {demand:.0f})"),
        ]
        self.readout.value = self._table(rows)
        if self.figure is not None:
            self.figure.update(r, demand_Nm=demand)

    def _describe_figure(self, r: ProgramResult) -> str:
        parts = [label for key, label in (("train_hamstrings", "hamstring strengthening"),
                                          ("train_abductors", "abductor strengthening"),
                                          ("stretch_quads", "quadriceps stretching"))
                 if self.parts[key].value]
        doing = ", ".join(parts) if parts else "no exercise (every part switched off)"
        demand = float(single_leg_stance().demand_Nm)
        return (
            f"Three panels over {r.week[-1]:g} weeks of {doing}, each a line at the nominal "
            "rates with a shaded band from slow to fast rates. Left: pelvic tilt (ASIS-PSIS, "
            f"anterior +), from {r.tilt_deg[0]:.1f} to {r.tilt_deg[-1]:.1f} deg (band "
            f"{r.tilt_low_deg[-1]:.1f} to {r.tilt_high_deg[-1]:.1f} deg). Middle: QL length "
            f"change from the neutral pelvis, from {r.ql_length_change_mm[0]:.2f} to "
            f"{r.ql_length_change_mm[-1]:.2f} mm. Right: hip abductor capacity, from "
            f"{r.abductor_capacity_Nm[0]:.0f} to {r.abductor_capacity_Nm[-1]:.0f} N m, with "
            f"a dashed line at the {demand:.0f} N m single-leg stance needs.")

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        if self.last_error:
            return f"no result: {self.last_error}"
        r = self.result
        return (f"week {r.week[-1]:g}: tilt {r.tilt_deg[0]:.1f} -> {r.tilt_deg[-1]:.1f} deg "
                f"(band {r.tilt_low_deg[-1]:.1f} to {r.tilt_high_deg[-1]:.1f}) | QL "
                f"{r.ql_length_change_mm[-1] - r.ql_length_change_mm[0]:+.2f} mm | abductor "
                f"capacity {r.abductor_capacity_Nm[0]:.0f} -> {r.abductor_capacity_Nm[-1]:.0f} N m")
