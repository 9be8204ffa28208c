"""The programme-over-weeks app of notebook 08 (imported on demand; needs ipywidgets and
matplotlib), with the argument's prescription panel beside the figure, as in :mod:`.abduction`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..exercises.programme import PROGRAM_DEFAULTS, PROGRAM_INPUT_RANGES, ProgramResult, program
from ..exercises.stance import single_leg_stance
from .balance import CONTROL_LABELS
from .control_table import Control, _App
from .layout import FIGURE_DPI, FIGURE_SIZE_IN
from .prescription_panel import prescription_html

__all__ = ["ProgramExplorer"]


# ---------------------------------------------------------------------------------------------


def _program_control(key: str, label: str, step: float, fmt: str = ".3f") -> Control:
    r = PROGRAM_INPUT_RANGES[key]
    unit = {
        "fraction of starting strength gained per week": "fraction/week",
        "fraction of optimal fibre length regained per week": "of optimal length per week",
        "fraction of optimal length lost": "of optimal length lost",
    }.get(r.unit, r.unit)
    return Control(label, unit, r.lo, r.hi, step, PROGRAM_DEFAULTS[key], fmt)


class ProgramExplorer(_App):
    """A programme over weeks: strengthen the hamstrings and abductors, stretch the quads.

    Keyword arguments set the starting values (clamped): any key of :attr:`CONTROLS`.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> app = ProgramExplorer(figure=False)
    >>> for part in app.summary().split(" | "):
    ...     print(part)
    week 12: tilt 3.4 -> 3.2 deg (band 3.1 to 3.4)
    QL +0.02 mm
    abductor capacity 102 -> 125 N m
    >>> app.close()
    """

    CONTROLS = {
        "weeks": _program_control("weeks", "weeks of the programme", 1.0, ".0f"),
        "quad_strength": _program_control("quad_strength", "start: quad strength", 0.05, ".2f"),
        "hamstring_strength": _program_control(
            "hamstring_strength", "start: hamstring strength", 0.05, ".2f"
        ),
        "quad_tightness": _program_control("quad_tightness", "start: quad tightness", 0.01, ".2f"),
        "abductor_strength": _program_control(
            "abductor_strength", "start: abductor strength", 0.05, ".2f"
        ),
        "hamstring_gain_per_week": _program_control(
            "hamstring_gain_per_week", "hamstring gain", 0.001
        ),
        "abductor_gain_per_week": _program_control(
            "abductor_gain_per_week", "abductor gain", 0.001
        ),
        "quad_tightness_loss_per_week": _program_control(
            "quad_tightness_loss_per_week", "quad tightness lost", 0.001
        ),
    }
    CHOICES: dict[str, tuple[str, list[tuple[str, str]], str]] = {}

    def __init__(self, *, figure: bool = True, **start: Any) -> None:
        self.parts = {
            key: widgets.Checkbox(
                value=True, description=label, indent=False, layout=widgets.Layout(width="auto")
            )
            for key, label in (
                ("train_hamstrings", "strengthen the hamstrings"),
                ("train_abductors", "strengthen the hip abductors"),
                ("stretch_quads", "stretch the quadriceps"),
            )
        }
        for cb in self.parts.values():
            self._watch(cb, "_on_change")
        # one per line: all three visible in the controls column, no sideways scroll
        self._parts_row = widgets.VBox(list(self.parts.values()))
        self.prescription_panel = widgets.HTML(value=prescription_html(CONTROL_LABELS))
        self.prescription_panel.panel_title = "the argument's prescription"
        super().__init__(figure, **start)

    def _state_widgets(self) -> dict[str, Any]:
        return {**super()._state_widgets(), **self.parts}

    def _make_figure(self) -> Any:
        from ..plotting.programme import ProgramFigure

        return ProgramFigure(figsize=FIGURE_SIZE_IN, dpi=FIGURE_DPI)

    def _extra_widgets(self) -> list[widgets.Widget]:
        return [self._parts_row]

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
            (
                "tilt (ASIS-PSIS, anterior +)",
                f"<b>{r.tilt_deg[0]:.1f} -> {r.tilt_deg[-1]:.1f} "
                f"deg</b> (band {r.tilt_low_deg[-1]:.1f} to {r.tilt_high_deg[-1]:.1f})",
            ),
            (
                "QL length change from neutral",
                f"{f(r.ql_length_change_mm[0])} -> {f(r.ql_length_change_mm[-1])} mm",
            ),
            (
                "QL force capacity",
                f"{100 * r.ql_force_capacity[0]:.2f} -> {100 * r.ql_force_capacity[-1]:.2f} %",
            ),
            (
                "hamstring strength",
                f"{f(r.hamstring_strength[0])} -> {f(r.hamstring_strength[-1])} x nominal",
            ),
            ("quad tightness", f"{f(r.quad_tightness[0])} -> {f(r.quad_tightness[-1])}"),
            (
                "abductor capacity",
                f"{r.abductor_capacity_Nm[0]:.0f} -> "
                f"{r.abductor_capacity_Nm[-1]:.0f} N m (single-leg stance needs {demand:.0f})",
            ),
        ]
        self.readout.value = self._table(rows)
        if self.figure is not None:
            self.figure.update(r, demand_Nm=demand)

    def _describe_figure(self, r: ProgramResult) -> str:
        parts = [
            label
            for key, label in (
                ("train_hamstrings", "hamstring strengthening"),
                ("train_abductors", "abductor strengthening"),
                ("stretch_quads", "quadriceps stretching"),
            )
            if self.parts[key].value
        ]
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
            f"a dashed line at the {demand:.0f} N m single-leg stance needs."
        )

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        if self.last_error:
            return f"no result: {self.last_error}"
        r = self.result
        return (
            f"week {r.week[-1]:g}: tilt {r.tilt_deg[0]:.1f} -> {r.tilt_deg[-1]:.1f} deg "
            f"(band {r.tilt_low_deg[-1]:.1f} to {r.tilt_high_deg[-1]:.1f}) | QL "
            f"{r.ql_length_change_mm[-1] - r.ql_length_change_mm[0]:+.2f} mm | abductor "
            f"capacity {r.abductor_capacity_Nm[0]:.0f} -> {r.abductor_capacity_Nm[-1]:.0f} N m"
        )
