"""The reading-the-pelvis figure (matplotlib, imported on demand): a side view of one pelvis
whose shape (its ASIS-PSIS angle in its own reference position) and tilt (its rotation from
that position) the learner sets, with the clinical ASIS-PSIS reading; and a map of every
(shape, tilt) pair that gives the same reading.

The geometry helper :func:`pelvis_landmarks` is plain numpy: the ASIS and PSIS of the
model's pelvis (``pelvis.toml`` ``clinical``, relative to the hip centre), with the ASIS
moved round the PSIS to give the chosen shape angle, then the whole pelvis rotated about the
hip (anterior positive: the ASIS goes down).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from matplotlib.figure import Figure

from ..core.kinematics import ASIS_PSIS_OFFSET_DEG
from ..core.parameters import pelvis_data
from .base import PALETTE, LiveFigure, diagram_axes
from .diagram import _C_BONE, _C_GHOST, _C_QL, _FONT, _style

__all__ = [
    "PelvisFigure",
    "PelvisLandmarks",
    "pelvis_landmarks",
    "SHAPE_RANGE_DEG",
    "TILT_RANGE_DEG",
]

_clin = pelvis_data()["clinical"]
_ASIS0 = np.array(_clin["asis_point_m"]["value"][:2], dtype=float)
_PSIS0 = np.array(_clin["psis_point_m"]["value"][:2], dtype=float)
_SPAN_M = float(np.hypot(*(_ASIS0 - _PSIS0)))
#: Shapes the app offers: the cadaver range of Preece et al. (2008), ``pelvis.toml``.
SHAPE_RANGE_DEG: tuple[float, float] = tuple(
    float(v) for v in _clin["asis_psis_cadaver_range_deg"]["value"]
)  # type: ignore[assignment]
#: Rotations the app offers (deg, anterior positive): a teaching range.
TILT_RANGE_DEG: tuple[float, float] = (-15.0, 15.0)

_C_SHAPE = PALETTE["hamstrings"]
_C_TILT = PALETTE["quadriceps"]
_C_READ = PALETTE["gluteus_maximus"]


class PelvisLandmarks(NamedTuple):
    """ASIS and PSIS (x anterior, y up, metres from the hip centre) and the reading (deg)."""

    asis_m: np.ndarray
    psis_m: np.ndarray
    reading_deg: float


def _rot(p: np.ndarray, tilt_deg: float) -> np.ndarray:
    """Rotate points ``p`` (..., 2) about the hip by an anterior tilt (clockwise here)."""
    a = -np.radians(tilt_deg)
    c, s = np.cos(a), np.sin(a)
    return p @ np.array([[c, s], [-s, c]])


def pelvis_landmarks(shape_deg: float, tilt_deg: float) -> PelvisLandmarks:
    """The landmarks of a pelvis of shape ``shape_deg`` (its ASIS-PSIS angle below the
    horizontal in its own reference position, deg) rotated by ``tilt_deg`` (deg, anterior
    positive). The reading is the angle of the ASIS-PSIS line below the horizontal.

    >>> round(pelvis_landmarks(ASIS_PSIS_OFFSET_DEG, 0.0).reading_deg, 1)
    5.9
    >>> round(pelvis_landmarks(13.0, -7.1).reading_deg, 1)   # shape + tilt
    5.9
    >>> bool(np.allclose(pelvis_landmarks(ASIS_PSIS_OFFSET_DEG, 0.0).asis_m, _ASIS0))
    True
    """
    s = np.radians(shape_deg)
    asis = _PSIS0 + _SPAN_M * np.array([np.cos(s), -np.sin(s)])
    a, p = _rot(asis, tilt_deg), _rot(_PSIS0, tilt_deg)
    reading = float(np.degrees(np.arctan2(p[1] - a[1], a[0] - p[0])))
    return PelvisLandmarks(a, p, reading)


def _outline(asis: np.ndarray) -> np.ndarray:
    """A schematic side view of the hip bone (closed, metres from the hip) with its ASIS at
    ``asis`` (reference position, before the tilt)."""
    px, py = _PSIS0
    ax_, ay = asis
    return np.array(
        [
            (px, py),
            (px + 0.02, py + 0.045),
            (0.5 * (px + ax_), max(py, ay) + 0.07),
            (ax_ - 0.005, ay + 0.03),
            (ax_, ay),
            (ax_ - 0.015, ay - 0.035),
            (0.04, 0.025),
            (0.06, -0.02),
            (0.055, -0.085),
            (0.01, -0.11),
            (-0.05, -0.10),
            (-0.065, -0.05),
            (-0.04, 0.0),
            (px + 0.015, py - 0.06),
            (px, py),
        ]
    )


class PelvisFigure(LiveFigure):
    """Left: the pelvis from the side, tilted, with the ASIS-PSIS line, the horizontal and the
    reading; a faint ghost of the same pelvis at tilt 0. Right: shape against tilt, the line
    of every pair that gives the current reading, the cadaver range of shapes shaded and the
    model's reference pose marked. :meth:`update` takes ``shape_deg`` and ``tilt_deg``."""

    def __init__(
        self,
        fig: Figure | None = None,
        *,
        figsize: tuple[float, float] = (11.0, 5.0),
        dpi: float = 75.0,
        animated: bool = True,
    ) -> None:
        super().__init__(fig, figsize, dpi, animated, hide_chrome=True)
        self._build()
        self.update()

    def _build(self) -> None:
        fig, fs = self.fig, _FONT
        gs = fig.add_gridspec(
            1, 2, width_ratios=[0.9, 1.0], wspace=0.22, left=0.01, right=0.98, top=0.84, bottom=0.13
        )
        ax = self.ax_side = diagram_axes(fig, gs[0, 0], (-0.2, 0.14), (-0.15, 0.2))
        ax.text(0.14, -0.145, "front \u2192", fontsize=fs - 2, ha="right")
        ax.text(-0.2, -0.145, "\u2190 back", fontsize=fs - 2, ha="left")
        ax.plot(
            [0.0], [0.0], ls="none", marker="o", ms=12, mfc="white", mec=_C_BONE, mew=2.5, zorder=6
        )
        ax.text(0.012, -0.012, "hip", fontsize=fs - 2, va="top")
        self.ghost = self._line(ax, color=_C_GHOST, lw=1.5, ls=":")
        self.bone = self._line(ax, color=_C_BONE, lw=3, solid_joinstyle="round")
        self.horizontal = self._line(ax, color=_C_GHOST, lw=1.2, ls="--")
        self.asis_psis = self._line(ax, color=_C_READ, lw=3)
        self.marks = self._line(ax, ls="none", marker="o", ms=10, color=_C_READ, mec="black")
        self.label_asis = self._anim(
            ax.text(
                0, 0, "ASIS", fontsize=fs - 1, fontweight="bold", color=_C_READ, ha="left", va="top"
            )
        )
        self.label_psis = self._anim(
            ax.text(
                0,
                0,
                "PSIS",
                fontsize=fs - 1,
                fontweight="bold",
                color=_C_READ,
                ha="right",
                va="bottom",
            )
        )
        self.title_text = self._anim(
            fig.text(0.01, 0.985, "", fontsize=fs + 2, va="top", fontweight="bold")
        )
        self.sub_text = self._anim(fig.text(0.01, 0.93, "", fontsize=fs - 2, va="top"))

        ax2 = self.ax_map = fig.add_subplot(gs[0, 1])
        _style(
            ax2, "pelves that read the same", "tilt (deg, anterior +)", "shape of the bone (deg)"
        )
        ax2.tick_params(labelsize=fs - 2)
        lo, hi = SHAPE_RANGE_DEG
        t0, t1 = TILT_RANGE_DEG
        ax2.set_xlim(t0, t1)
        ax2.set_ylim(lo - 2.0, hi + 2.0)
        ax2.axhspan(lo, hi, color=_C_SHAPE, alpha=0.08, lw=0)
        ax2.text(
            t0 + 0.5,
            lo + 0.4,
            "cadaver shapes\n(Preece 2008)",
            fontsize=fs - 2,
            color=_C_SHAPE,
            va="bottom",
        )
        tt = np.array([t0, t1])
        for r in range(-10, 40, 5):  # faint lines of equal reading
            ax2.plot(tt, r - tt, color=_C_GHOST, lw=0.8, alpha=0.5)
        ax2.plot(
            [0.0],
            [ASIS_PSIS_OFFSET_DEG],
            ls="none",
            marker="s",
            ms=10,
            mfc="white",
            mec=_C_QL,
            mew=2,
            zorder=5,
        )
        ax2.annotate(
            f"model's reference\npose ({ASIS_PSIS_OFFSET_DEG:.1f} deg)",
            (0.0, ASIS_PSIS_OFFSET_DEG),
            xytext=(3.0, ASIS_PSIS_OFFSET_DEG - 4.5),
            fontsize=fs - 2,
            color=_C_QL,
            arrowprops={"arrowstyle": "-", "color": _C_QL, "lw": 0.8},
        )
        self.same_line = self._line(ax2, color=_C_READ, lw=3, label="same reading")
        self.point = self._line(
            ax2, ls="none", marker="o", ms=12, color=_C_READ, mec="black", label="this pelvis"
        )
        ax2.legend(loc="upper right", fontsize=fs - 2, frameon=True, framealpha=0.9)

    def update(self, shape_deg: float = ASIS_PSIS_OFFSET_DEG, tilt_deg: float = 0.0) -> None:
        """Move every artist to ``shape_deg`` and ``tilt_deg`` (deg) and redraw."""
        lm = pelvis_landmarks(shape_deg, tilt_deg)
        s = np.radians(shape_deg)
        asis_ref = _PSIS0 + _SPAN_M * np.array([np.cos(s), -np.sin(s)])
        shape = _outline(asis_ref)
        ghost, bone = shape, _rot(shape, tilt_deg)
        self.ghost.set_data(ghost[:, 0], ghost[:, 1])
        self.bone.set_data(bone[:, 0], bone[:, 1])
        a, p = lm.asis_m, lm.psis_m
        self.horizontal.set_data([p[0] - 0.02, a[0] + 0.03], [p[1], p[1]])
        self.asis_psis.set_data([p[0], a[0]], [p[1], a[1]])
        self.marks.set_data([p[0], a[0]], [p[1], a[1]])
        self.label_asis.set_position((a[0] - 0.01, a[1] - 0.012))
        self.label_psis.set_position((p[0] - 0.005, p[1] + 0.01))
        word = "anterior" if lm.reading_deg > 0 else "posterior" if lm.reading_deg < 0 else "level"
        self.title_text.set_text(f"clinical reading {lm.reading_deg:+.1f} deg ({word})")
        self.sub_text.set_text(f"= shape {shape_deg:.1f} deg + tilt {tilt_deg:+.1f} deg")
        t = np.array(TILT_RANGE_DEG)
        self.same_line.set_data(t, lm.reading_deg - t)
        self.point.set_data([tilt_deg], [shape_deg])
        self.draw()
