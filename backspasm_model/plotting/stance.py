"""The single-leg stance figure (matplotlib, imported on demand): a frontal free-body diagram
over the stance hip (body weight, abductor force, hip joint force, pelvic drop and trunk lean),
the abductor force needed vs available, and the pelvic drop vs abductor strength.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..exercises.stance import STANCE_INPUT_RANGES, StanceResult, single_leg_stance
from .balance import diagram_axes
from .diagram import (
    _C_BONE,
    _C_CAP,
    _C_DEMAND,
    _C_EFFORT,
    _C_GHOST,
    _C_LOADED,
    _C_QL,
    _C_WARN,
    _FONT,
    _HIP_SEP,
    _DiagramFigure,
    _style,
)

__all__ = ["StanceFigure"]


# ---------------------------------------------------------------------------------------------
# Single-leg stance

_BW_TO_M = 0.07          # arrow length per body weight on the diagram (m)
_STRENGTHS = np.linspace(STANCE_INPUT_RANGES["abductor_strength"].lo, 1.5, 141)


class StanceFigure(_DiagramFigure):
    """Frontal free-body diagram of the pelvis in single-leg stance, with the abductor force
    and the pelvic drop against abductor strength. :meth:`update` takes the inputs of
    :func:`backspasm_model.single_leg_stance` (scalars)."""

    def _build(self) -> None:
        fig, fs = self.fig, _FONT
        gs = fig.add_gridspec(2, 2, width_ratios=[1.0, 1.1], hspace=0.5, wspace=0.22,
                              left=0.03, right=0.98, top=0.9, bottom=0.1)
        ax = self.ax_fbd = diagram_axes(fig, gs[:, 0], (-0.36, 0.22), (-0.34, 0.52))
        ax.text(0.11, -0.33, "stance side", fontsize=fs - 3, ha="center")
        ax.text(-0.2, -0.33, "swing side", fontsize=fs - 3, ha="center")
        ax.axvline(0.0, color=_C_GHOST, lw=1, ls=":")
        # stance femur (fixed)
        ax.plot([0.0, 0.06, 0.06], [0.0, -0.04, -0.06], color=_C_BONE, lw=5,
                solid_capstyle="round")
        ax.plot([0.0, -0.04], [0.0, -0.47], color=_C_BONE, lw=7, solid_capstyle="round")
        ax.plot([0.0], [0.0], ls="none", marker="o", ms=12, mfc="white", mec=_C_BONE, mew=2.5,
                zorder=6)
        self.level = self._line(ax, color=_C_GHOST, lw=1.2, ls="--")
        self.pelvis = self._line(ax, color=_C_BONE, lw=5, solid_capstyle="round",
                                 solid_joinstyle="round")
        self.trunk = self._line(ax, color=_C_BONE, lw=7, solid_capstyle="round")
        self.head = self._line(ax, ls="none", marker="o", ms=22, color=_C_BONE)
        self.swing_leg = self._line(ax, color=_C_BONE, lw=7, alpha=0.6, solid_capstyle="round")
        self.abductor = self._line(ax, color=_C_CAP, lw=9, alpha=0.35, solid_capstyle="round")
        self.ql = self._line(ax, color=_C_QL, lw=4, solid_capstyle="round")
        self.arrow_weight = self._arrow(ax, _C_DEMAND)
        self.arrow_abd = self._arrow(ax, _C_CAP)
        self.arrow_hip = self._arrow(ax, _C_LOADED)
        self.title_text = self._anim(fig.text(0.01, 0.985, "", fontsize=fs + 2, va="top",
                                              fontweight="bold"))
        self.force_text = self._anim(fig.text(0.01, 0.93, "", fontsize=fs - 2, va="top"))
        ax.text(0.21, -0.28, f"arrows: 1 body weight = {100 * _BW_TO_M:.0f} cm",
                fontsize=fs - 4, color=_C_BONE, ha="right", va="top")
        self.label_w = self._anim(ax.text(0, 0, "W", color=_C_DEMAND, fontsize=fs,
                                          fontweight="bold"))
        self.label_m = self._anim(ax.text(0, 0, "abductors", color=_C_CAP, fontsize=fs - 2,
                                          fontweight="bold"))
        self.label_r = self._anim(ax.text(0, 0, "hip force", color=_C_LOADED, fontsize=fs - 2,
                                          fontweight="bold", ha="right"))
        self.label_ql = self._anim(ax.text(0, 0, "QL", color=_C_QL, fontsize=fs - 2,
                                           fontweight="bold", ha="right"))

        ax2 = self.ax_force = fig.add_subplot(gs[0, 1])
        _style(ax2, "abductor moment: needed vs available", "abductor strength (x nominal)",
               "moment about the hip (N m)")
        self.curve_cap = self._line(ax2, color=_C_CAP, lw=2.5, label="available (capacity)")
        self.curve_need = self._line(ax2, color=_C_DEMAND, lw=2.5, label="needed (weight x lever)")
        self.point_cap = self._line(ax2, ls="none", marker="o", ms=11, color=_C_CAP, mec="black")
        ax2.legend(loc="upper left", fontsize=fs - 4, frameon=False)
        ax2.set_xlim(float(_STRENGTHS[0]), float(_STRENGTHS[-1]))

        ax3 = self.ax_drop = fig.add_subplot(gs[1, 1])
        _style(ax3, "pelvic drop, and the trunk lean that levels it",
               "abductor strength (x nominal)", "angle (deg)")
        self.curve_drop = self._line(ax3, color=_C_WARN, lw=2.5, label="pelvic drop (swing side)")
        self.curve_lean = self._line(ax3, color=_C_EFFORT, lw=2.5, ls="--",
                                     label="trunk lean needed to level it")
        self.point_drop = self._line(ax3, ls="none", marker="o", ms=11, color=_C_WARN,
                                     mec="black")
        ax3.legend(loc="upper right", fontsize=fs - 4, frameon=False)
        ax3.set_xlim(float(_STRENGTHS[0]), float(_STRENGTHS[-1]))

    def update(self, **inputs: Any) -> None:
        """Move every artist to the balance for ``inputs`` (scalar inputs of
        :func:`backspasm_model.single_leg_stance`) and redraw."""
        r: StanceResult = single_leg_stance(**inputs)
        sweep_in = {k: v for k, v in inputs.items() if k != "abductor_strength"}
        sw = single_leg_stance(abductor_strength=_STRENGTHS, **sweep_in)
        sw0 = single_leg_stance(abductor_strength=_STRENGTHS,
                                **{**sweep_in, "trunk_lean_deg": 0.0})
        s = float(inputs.get("abductor_strength", 1.0))
        drop = np.radians(float(r.pelvic_drop_deg))
        lean = np.radians(float(r.trunk_lean_deg))

        def rot(x: float, y: float) -> tuple[float, float]:     # pelvis rotation (swing down)
            c, si = np.cos(drop), np.sin(drop)
            return x * c - y * si, x * si + y * c

        half = _HIP_SEP / 2.0
        pts = [rot(0.0, 0.0), rot(0.05, 0.11), rot(-half, 0.07), rot(-_HIP_SEP - 0.05, 0.11),
               rot(-_HIP_SEP, 0.0), rot(-half, -0.06), rot(0.0, 0.0)]
        self.pelvis.set_data([p[0] for p in pts], [p[1] for p in pts])
        self.level.set_data([0.08, -_HIP_SEP - 0.08], [0.11, 0.11])
        l5 = rot(-half, 0.12)
        top = (l5[0] + 0.45 * np.sin(lean), l5[1] + 0.45 * np.cos(lean))
        self.trunk.set_data([l5[0], top[0]], [l5[1], top[1]])
        self.head.set_data([l5[0] + 0.55 * np.sin(lean)], [l5[1] + 0.55 * np.cos(lean)])
        sh = rot(-_HIP_SEP, 0.0)
        self.swing_leg.set_data([sh[0], sh[0] - 0.02], [sh[1], sh[1] - 0.40])
        ilium = rot(0.03, 0.10)
        self.abductor.set_data([ilium[0], 0.06], [ilium[1], -0.05])
        crest = rot(-_HIP_SEP - 0.02, 0.11)
        rib = (l5[0] - 0.09 + 0.18 * np.sin(lean), l5[1] + 0.18 * np.cos(lean))
        self.ql.set_data([crest[0], rib[0]], [crest[1], rib[1]])
        # forces on the pelvis (body weights)
        W = float(r.body_weight_N)
        lever = float(r.demand_Nm) / (0.8136 * W)
        x_w = -lever
        self.arrow_weight.set_positions((x_w, 0.30), (x_w, 0.30 - 0.8136 * _BW_TO_M))
        self.label_w.set_position((x_w + 0.01, 0.28))
        self.label_ql.set_position((crest[0] - 0.01, 0.5 * (crest[1] + rib[1])))
        f_bw = (float(r.abductor_force_N) + float(r.passive_force_N)) / W
        alpha = np.radians(float(inputs.get("abductor_angle_deg", 21.0)))
        d = np.array([np.sin(alpha), -np.cos(alpha)])
        start = np.array(ilium)
        self.arrow_abd.set_positions(tuple(start), tuple(start + f_bw * _BW_TO_M * d))
        self.label_m.set_position((0.075, 0.05))
        h_bw = float(r.hip_force_BW)
        hx = -f_bw * np.sin(alpha)
        hy = 0.8136 + f_bw * np.cos(alpha)
        n = np.hypot(hx, hy)
        end = np.array([0.0, 0.0])
        tail = end - np.array([hx, hy]) / n * h_bw * _BW_TO_M
        self.arrow_hip.set_positions(tuple(tail), tuple(end))
        self.label_r.set_position((float(tail[0]) - 0.01, float(tail[1])))
        ok = "abductors cope" if float(r.effort_fraction) <= 1.0 else "abductors maxed out"
        self.title_text.set_text(
            f"pelvic drop {float(r.pelvic_drop_deg):.1f} deg  |  {ok} "
            f"({100 * float(r.effort_fraction):.0f} % of capacity)")
        self.force_text.set_text(
            f"weight above the hip 0.81 BW, lever {100 * lever:.1f} cm\n"
            f"abductor force {float(r.abductor_force_BW):.2f} BW"
            + (f" + passive {float(r.passive_force_N) / W:.2f} BW"
               if float(r.passive_force_N) > 0 else "")
            + f"\nhip joint force {h_bw:.2f} BW")
        self.curve_cap.set_data(_STRENGTHS, sw.capacity_Nm)
        self.curve_need.set_data(_STRENGTHS, sw.demand_Nm)
        self.point_cap.set_data([s], [float(r.capacity_Nm)])
        self.curve_drop.set_data(_STRENGTHS, sw.pelvic_drop_deg)
        self.curve_lean.set_data(_STRENGTHS, sw0.lean_to_level_deg)
        self.point_drop.set_data([s], [float(r.pelvic_drop_deg)])
        ytop = 1.1 * float(max(np.max(sw.capacity_Nm), np.max(sw.demand_Nm)))
        if abs(self.ax_force.get_ylim()[1] - ytop) > 0.05 * ytop:
            self.ax_force.set_ylim(0.0, ytop)
            self._bg = None
        dtop = 1.1 * float(max(np.nanmax(sw.pelvic_drop_deg), np.nanmax(sw0.lean_to_level_deg),
                               5.0))
        if abs(self.ax_drop.get_ylim()[1] - dtop) > 0.05 * dtop:
            self.ax_drop.set_ylim(0.0, dtop)
            self._bg = None
        self.draw()
