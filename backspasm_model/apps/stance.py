"""The single-leg stance app of notebook 07 (imported on demand; needs ipywidgets and
matplotlib): abductor strength, body mass and the stance figure, as in :mod:`.abduction`.
"""

from __future__ import annotations

import math
from typing import Any

from ..exercises.abduction import CAPACITY_SETS
from ..exercises.stance import STANCE_DEFAULTS, STANCE_INPUT_RANGES, single_leg_stance
from .abduction import _CAPACITY_LABELS
from .control_table import Control, _App
from .layout import FIGURE_DPI, FIGURE_SIZE_IN

__all__ = ["StanceExplorer"]


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
        "trunk_lean_deg": _stance_control(
            "trunk_lean_deg", "trunk lean over the stance hip", 0.5, ".1f"
        ),
        "frontal_stiffness_Nm_per_deg": _stance_control(
            "frontal_stiffness_Nm_per_deg", "passive hip restraint (assumption)", 0.5, ".1f"
        ),
    }
    CHOICES = {
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
        from ..plotting.stance import StanceFigure

        return StanceFigure(figsize=FIGURE_SIZE_IN, dpi=FIGURE_DPI)

    def _compute(self) -> Any:
        return single_leg_stance(params=self.choices["params"].value, **self.inputs())

    def _show(self, r: Any) -> None:
        self.result = r
        need = float(r.demand_Nm) / float(self.inputs().get("abductor_lever_m", 0.04))
        lean = float(r.lean_to_level_deg)
        rows = [
            (
                "abductor force",
                f"<b>{float(r.abductor_force_BW):.2f} body weights</b> "
                f"({float(r.abductor_force_N):.0f} N)",
            ),
            (
                "needed to hold the pelvis level",
                f"{need / float(r.body_weight_N):.2f} BW "
                f"(effort {100 * float(r.effort_fraction):.0f} %)",
            ),
            ("hip joint force", f"<b>{float(r.hip_force_BW):.2f} BW</b>"),
            (
                "pelvic drop (swing side)",
                f"<b>{float(r.pelvic_drop_deg):.1f} deg</b>"
                + ("" if bool(r.can_stand) else " - beyond 20 deg: cannot stand like this"),
            ),
            (
                "trunk lean that would level it",
                "not possible" if math.isnan(lean) else f"{lean:.1f} deg",
            ),
            (
                "swing-side lateral moment at L5-S1",
                f"{float(r.lateral_moment_Nm):.1f} N m "
                f"(QL alone: {100 * float(r.ql_effort_if_alone):.0f} % of its maximum)",
            ),
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
            + ("not possible." if math.isnan(lean) else f"{lean:.1f} deg.")
        )

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        if self.last_error:
            return f"no result: {self.last_error}"
        r = self.result
        need = float(r.demand_Nm) / 0.04 / float(r.body_weight_N)
        lean = float(r.lean_to_level_deg)
        return (
            f"abductor force {float(r.abductor_force_BW):.2f} BW (needed {need:.2f} BW, "
            f"effort {100 * float(r.effort_fraction):.0f} %) | hip force "
            f"{float(r.hip_force_BW):.2f} BW | pelvic drop {float(r.pelvic_drop_deg):.1f} deg"
            f" | lean to level {'n/a' if math.isnan(lean) else f'{lean:.1f} deg'}"
        )
