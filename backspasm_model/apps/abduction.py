"""The side-lying hip abduction app of notebook 06 (imported on demand; needs ipywidgets and
matplotlib).

Same conventions as :mod:`backspasm_model.apps`: each app is a class with its own state
(no module globals), every control is labelled with its unit and clamped to its range, a
model error is shown as a message in the app and never raised into the kernel, and the app
owns one figure (:mod:`backspasm_model.plotting.abduction`) updated in place. In a notebook
(after ``%matplotlib widget``)::

    from backspasm_model.apps import AbductionExplorer
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

from typing import Any

from ..exercises.abduction import CAPACITY_SETS, SEGMENT_TABLES
from ..exercises.abduction import side_lying_abduction as _abduction
from ..exercises.dose import abduction_dose
from ..plotting.diagram import _SUB
from .control_table import Control, _App
from .layout import FIGURE_DPI, FIGURE_SIZE_IN

__all__ = ["AbductionExplorer"]

_SEGMENT_LABELS = {
    "de_leva_male": "de Leva 1996 (male)",
    "de_leva_female": "de Leva 1996 (female)",
    "dempster_winter": "Dempster / Winter",
    "gait2392": "OpenSim gait2392 leg",
}
_CAPACITY_LABELS = {"gait2392": "gait2392 (Delp 1990)", "rajagopal2016": "Rajagopal 2016"}


def _in_zone(angle_deg: float) -> bool:
    """Inside the 25-45 deg range where QL substitution is reported (both ends included):
    the readout's "zone" (the model's ``substitution_zone`` flags every angle from the 25 deg
    onset up, 50 deg included)."""
    return bool(_SUB[0] <= angle_deg <= _SUB[1])


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
        "abductor_strength": Control(
            "abductor strength",
            "x nominal",
            0.1,
            3.0,
            0.05,
            1.0,
            tooltip="x nominal: times the model's default strength (1 = the published muscle data)",
        ),
        "effort_threshold": Control(
            "effort threshold",
            "fraction of maximum",
            0.0,
            1.5,
            0.05,
            0.4,
            tooltip="reps above this share of the abductors' maximum count as hard",
        ),
    }
    CHOICES = {
        "segments": (
            "segment table",
            [(_SEGMENT_LABELS[k], k) for k in SEGMENT_TABLES],
            "de_leva_male",
        ),
        "params": (
            "abductor capacity",
            [(_CAPACITY_LABELS[k], k) for k in CAPACITY_SETS],
            "gait2392",
        ),
    }

    FBD = True

    def __init__(self, *, figure: bool = True, **start: Any) -> None:
        super().__init__(figure, **start)

    def _make_figure(self) -> Any:
        from ..plotting.abduction import AbductionFigure

        return AbductionFigure(figsize=FIGURE_SIZE_IN, dpi=FIGURE_DPI)

    def _model_inputs(self) -> dict[str, Any]:
        v = self.inputs()
        return {
            "body_mass_kg": v["body_mass_kg"],
            "ankle_weight_kg": v["ankle_weight_kg"],
            "abductor_strength": v["abductor_strength"],
            "segments": self.choices["segments"].value,
            "params": self.choices["params"].value,
        }

    def _compute(self) -> Any:
        v = self.inputs()
        m = self._model_inputs()
        now = _abduction(v["angle_deg"], **m)
        dose = abduction_dose(
            effort_threshold=v["effort_threshold"],
            **{k: m[k] for k in m if k != "abductor_strength"},
            abductor_strength=m["abductor_strength"],
        )
        return now, dose

    def _show(self, result: Any) -> None:
        now, dose = result
        self.result, self.dose = now, dose
        v = self.inputs()
        zone = "yes" if _in_zone(float(now.angle_deg)) else "no"
        rows = [
            ("gravity torque (leg + ankle weight)", f"<b>{float(now.torque_Nm):.1f} N m</b>"),
            ("abductor capacity at this angle", f"{float(now.capacity_Nm):.1f} N m"),
            ("relative effort", f"<b>{100 * float(now.effort_fraction):.0f} %</b> of maximum"),
            ("QL substitution zone (25-45 deg)", zone),
            ("each kg at the ankle adds", f"{float(now.ankle_weight_Nm_per_kg):.1f} N m here"),
            (
                f"session ({dose.sets} x {dose.reps} per side, to parallel)",
                f"{float(dose.angular_impulse_session_Nms):.0f} N m s (both sides)",
            ),
            (
                f"reps per side above {100 * v['effort_threshold']:.0f} % effort",
                f"{int(dose.reps_above_effort)} of {dose.sets * dose.reps}",
            ),
        ]
        self.readout.value = self._table(rows)
        if self.figure is not None:
            self.figure.update(
                angle_deg=v["angle_deg"],
                effort_threshold=v["effort_threshold"],
                **self._model_inputs(),
            )

    def _describe_figure(self, result: Any) -> str:
        now, _dose = result
        v = self.inputs()
        angle = float(now.angle_deg)
        where = "above" if angle >= 0 else "below"
        zone = "inside" if _in_zone(angle) else "outside"
        weight = (
            f", with a {v['ankle_weight_kg']:g} kg ankle weight" if v["ankle_weight_kg"] > 0 else ""
        )
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
            f"threshold at {100 * v['effort_threshold']:.0f} %."
        )

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        if self.last_error:
            return f"no result: {self.last_error}"
        r, d = self.result, self.dose
        shown = round(float(r.angle_deg)) + 0  # no "-0 deg"
        return (
            f"leg at {shown:+d} deg: torque {float(r.torque_Nm):.1f} N m, "
            f"capacity {float(r.capacity_Nm):.1f} N m, effort "
            f"{100 * float(r.effort_fraction):.0f} % | substitution zone: "
            f"{'yes' if _in_zone(float(r.angle_deg)) else 'no'} | session: "
            f"{float(d.angular_impulse_session_Nms):.0f} N m s, "
            f"{int(d.reps_above_effort)} of {d.sets * d.reps} reps per side above "
            f"{100 * float(d.effort_threshold):.0f} %"
        )
