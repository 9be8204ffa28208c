"""The reading-the-pelvis app of lesson 01 (imported on demand; needs ipywidgets and
matplotlib): the shape of one pelvis (its ASIS-PSIS angle in its own reference position) and
its tilt, with the clinical ASIS-PSIS reading that results.
"""

from __future__ import annotations

from typing import Any

from ..core.kinematics import ASIS_PSIS_OFFSET_DEG
from ..plotting.pelvis import SHAPE_RANGE_DEG, TILT_RANGE_DEG, PelvisLandmarks, pelvis_landmarks
from .control_table import Control, _App
from .layout import FIGURE_DPI, FIGURE_SIZE_IN

__all__ = ["PelvisExplorer"]


class PelvisExplorer(_App):
    """Change the shape and the tilt of one pelvis and watch the clinical ASIS-PSIS reading.

    It starts at the model's pelvis in its reference pose: shape 5.9 deg (the angle of the
    model's ASIS-PSIS line in that pose, ``core.kinematics.ASIS_PSIS_OFFSET_DEG``), tilt 0.
    Keyword arguments set the starting values (clamped): ``shape_deg``, ``tilt_deg``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> app = PelvisExplorer(figure=False)
    >>> app.summary()
    'shape 5.9 deg + tilt +0.0 deg = reading +5.9 deg (anterior)'
    >>> app.set(shape_deg=13.0, tilt_deg=-7.1); app.summary()
    'shape 13.0 deg + tilt -7.1 deg = reading +5.9 deg (anterior)'
    >>> app.set(tilt_deg=40.0); app.message.value != ""    # clamped, with a note
    True
    >>> app.close()
    """

    CONTROLS = {
        "shape_deg": Control(
            "pelvic shape: ASIS-PSIS angle of the bone",
            "deg",
            SHAPE_RANGE_DEG[0],
            SHAPE_RANGE_DEG[1],
            0.1,
            round(ASIS_PSIS_OFFSET_DEG, 1),
            ".1f",
        ),
        "tilt_deg": Control(
            "tilt: rotation of the pelvis (anterior +)",
            "deg",
            TILT_RANGE_DEG[0],
            TILT_RANGE_DEG[1],
            0.1,
            0.0,
            ".1f",
        ),
    }

    def __init__(self, *, figure: bool = True, **start: Any) -> None:
        super().__init__(figure, **start)

    def _make_figure(self) -> Any:
        from ..plotting.pelvis import PelvisFigure

        return PelvisFigure(figsize=FIGURE_SIZE_IN, dpi=FIGURE_DPI)

    def _compute(self) -> PelvisLandmarks:
        i = self.inputs()
        return pelvis_landmarks(i["shape_deg"], i["tilt_deg"])

    @staticmethod
    def _word(reading: float) -> str:
        return "anterior" if reading > 0.05 else "posterior" if reading < -0.05 else "level"

    def _show(self, r: PelvisLandmarks) -> None:
        self.result = r
        i = self.inputs()
        rows = [
            (
                "clinical ASIS-PSIS reading",
                f"<b>{r.reading_deg:+.1f} deg ({self._word(r.reading_deg)})</b>",
            ),
            ("of which pelvic shape", f"{i['shape_deg']:.1f} deg"),
            ("of which tilt (posture)", f"{i['tilt_deg']:+.1f} deg"),
            (
                "tilt from the model's reference pose",
                f"{r.reading_deg - ASIS_PSIS_OFFSET_DEG:+.1f} deg "
                "(if this were the model's pelvis)",
            ),
        ]
        self.readout.value = self._table(rows)
        if self.figure is not None:
            self.figure.update(**i)

    def _describe_figure(self, r: PelvisLandmarks) -> str:
        i = self.inputs()
        return (
            "Left: the hip bone seen from the right side (front to the right), turning about "
            "the hip joint, with the ASIS and the PSIS joined by a line and a dashed horizontal "
            "through the PSIS; a dotted outline shows the same bone untilted. The reading is "
            f"{r.reading_deg:+.1f} deg ({self._word(r.reading_deg)}): shape "
            f"{i['shape_deg']:.1f} deg plus tilt {i['tilt_deg']:+.1f} deg. Right: pelvic shape "
            "against tilt; the thick line joins every pair of shape and tilt that gives this "
            "same reading, the shaded band is the range of shapes in cadaver pelves (0-23 deg) "
            f"and the square marks the model's pelvis in its reference pose "
            f"({ASIS_PSIS_OFFSET_DEG:.1f} deg, tilt 0)."
        )

    def summary(self) -> str:
        """The key readouts in one deterministic line (rounded)."""
        if self.last_error:
            return f"no result: {self.last_error}"
        i, r = self.inputs(), self.result
        return (
            f"shape {i['shape_deg']:.1f} deg + tilt {i['tilt_deg']:+.1f} deg = reading "
            f"{r.reading_deg:+.1f} deg ({self._word(r.reading_deg)})"
        )
