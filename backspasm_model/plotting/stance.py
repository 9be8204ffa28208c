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

_BW_TO_M = 0.07  # arrow length per body weight on the diagram (m)
_STRENGTHS = np.linspace(STANCE_INPUT_RANGES["abductor_strength"].lo, 1.5, 141)


class StanceFigure(_DiagramFigure):
    """Frontal free-body diagram of the pelvis in single-leg stance, with the abductor force
    and the pelvic drop against abductor strength. :meth:`update` takes the inputs of
    :func:`backspasm_model.single_leg_stance` (scalars)."""

    def _build(self) -> None:
        fig, fs = self.fig, _FONT
        gs = fig.add_gridspec(
            2,
            2,
            width_ratios=[1.0, 1.1],
            hspace=0.62,
            wspace=0.3,
            left=0.02,
            right=0.98,
            top=0.84,
            bottom=0.12,
        )
        ax = self.ax_fbd = diagram_axes(fig, gs[:, 0], (-0.36, 0.22), (-0.34, 0.52))
        ax.text(0.11, -0.33, "stance side", fontsize=fs - 2, ha="center")
        ax.text(-0.2, -0.33, "swing side", fontsize=fs - 2, ha="center")
        ax.axvline(0.0, color=_C_GHOST, lw=1, ls=":")
        # stance femur (fixed)
        ax.plot([0.0, 0.06, 0.06], [0.0, -0.04, -0.06], color=_C_BONE, lw=5, solid_capstyle="round")
        ax.plot([0.0, -0.04], [0.0, -0.47], color=_C_BONE, lw=7, solid_capstyle="round")
        ax.plot(
            [0.0], [0.0], ls="none", marker="o", ms=12, mfc="white", mec=_C_BONE, mew=2.5, zorder=6
        )
        self.level = self._line(ax, color=_C_GHOST, lw=1.2, ls="--")
        self.pelvis = self._line(
            ax, color=_C_BONE, lw=5, solid_capstyle="round", solid_joinstyle="round"
        )
        self.trunk = self._line(ax, color=_C_BONE, lw=7, solid_capstyle="round")
        self.head = self._line(ax, ls="none", marker="o", ms=22, color=_C_BONE)
        self.swing_leg = self._line(ax, color=_C_BONE, lw=7, alpha=0.6, solid_capstyle="round")
        self.abductor = self._line(ax, color=_C_CAP, lw=9, alpha=0.35, solid_capstyle="round")
        self.ql = self._line(ax, color=_C_QL, lw=4, solid_capstyle="round")
        self.arrow_weight = self._arrow(ax, _C_DEMAND)
        self.arrow_abd = self._arrow(ax, _C_CAP)
        self.arrow_hip = self._arrow(ax, _C_LOADED)
        self.title_text = self._anim(
            fig.text(0.01, 0.985, "", fontsize=fs + 1, va="top", fontweight="bold")
        )
        self.force_text = self._anim(fig.text(0.01, 0.925, "", fontsize=fs - 2, va="top"))
        fig.text(
            0.01,
            0.01,
            f"arrows: 1 body weight = {100 * _BW_TO_M:.0f} cm",
            fontsize=fs - 2,
            color=_C_BONE,
            ha="left",
            va="bottom",
        )
        self.label_w = self._anim(
            ax.text(0, 0, "weight", color=_C_DEMAND, fontsize=fs - 2, fontweight="bold", ha="right")
        )
        self.label_m = self._anim(
            ax.text(0, 0, "abductors", color=_C_CAP, fontsize=fs - 2, fontweight="bold")
        )
        self.label_r = self._anim(
            ax.text(
                0,
                0,
                "hip force",
                color=_C_LOADED,
                fontsize=fs - 2,
                fontweight="bold",
                ha="left",
                va="top",
            )
        )
        # free-body overlay (hidden until set_fbd(True)): Pauwels' free body is everything
        # above the stance hip (head, arms, trunk, pelvis and the swing leg), cut through the
        # hip joint; its boundary, the lever arms about the hip, and a key
        self.fbd_boundary = self._line(ax, color=_C_BONE, lw=1.5, ls=(0, (4, 3)))
        self.fbd_lever_w = self._line(ax, color=_C_DEMAND, lw=2.5, ls=":")
        self.fbd_lever_m = self._line(ax, color=_C_CAP, lw=2.5, ls=":")
        self.fbd_key = self._anim(
            fig.text(
                0.01,
                0.055,
                "dashed outlines: the free body, all above the stance hip\n"
                "(cut at the hip joint); dotted: lever arms about the hip",
                fontsize=fs - 2,
                va="bottom",
            )
        )
        self.fbd_boundary_leg = self._line(ax, color=_C_BONE, lw=1.5, ls=(0, (4, 3)))
        self._fbd_parts = [
            self.fbd_boundary,
            self.fbd_boundary_leg,
            self.fbd_lever_w,
            self.fbd_lever_m,
            self.fbd_key,
        ]
        self.set_fbd(False)
        self.label_ql = self._anim(
            ax.text(0, 0, "QL", color=_C_QL, fontsize=fs - 2, fontweight="bold", ha="right")
        )

        ax2 = self.ax_force = fig.add_subplot(gs[0, 1])
        _style(
            ax2,
            "abductor moment: needed vs available",
            "abductor strength (x nominal)",
            "moment at hip (N m)",
        )
        self.curve_cap = self._line(ax2, color=_C_CAP, lw=2.5, label="available (capacity)")
        self.curve_need = self._line(ax2, color=_C_DEMAND, lw=2.5, label="needed (weight x lever)")
        self.point_cap = self._line(ax2, ls="none", marker="o", ms=11, color=_C_CAP, mec="black")
        ax2.legend(loc="upper left", fontsize=fs - 2, frameon=False)
        ax2.set_xlim(float(_STRENGTHS[0]), float(_STRENGTHS[-1]))

        ax3 = self.ax_drop = fig.add_subplot(gs[1, 1])
        _style(
            ax3, "pelvic drop; lean that levels it", "abductor strength (x nominal)", "angle (deg)"
        )
        self.curve_drop = self._line(ax3, color=_C_WARN, lw=2.5, label="pelvic drop (swing side)")
        self.curve_lean = self._line(
            ax3, color=_C_EFFORT, lw=2.5, ls="--", label="trunk lean needed to level it"
        )
        self.point_drop = self._line(ax3, ls="none", marker="o", ms=11, color=_C_WARN, mec="black")
        ax3.legend(loc="upper right", fontsize=fs - 2, frameon=False)
        ax3.set_xlim(float(_STRENGTHS[0]), float(_STRENGTHS[-1]))

    def set_fbd(self, on: bool) -> None:
        """Show or hide the free-body overlay (no re-plot; call :meth:`draw` after)."""
        for a in self._fbd_parts:
            a.set_visible(bool(on))

    def _set_fbd(
        self,
        pts: list[tuple[float, float]],
        top: tuple[float, float],
        swing_hip: tuple[float, float],
        x_w: float,
        ilium: np.ndarray,
        d: np.ndarray,
    ) -> None:
        """The free body's outline (a hull around pelvis, trunk, head and swing leg, through
        the stance hip) and the lever arms of the weight and the abductor pull."""
        for line, pts_all in (
            (self.fbd_boundary, [*pts, top, (top[0], top[1] + 0.14)]),
            (
                self.fbd_boundary_leg,
                [
                    swing_hip,
                    (swing_hip[0] - 0.02, swing_hip[1] - 0.40),
                    (swing_hip[0] + 0.03, swing_hip[1]),
                    (swing_hip[0] - 0.05, swing_hip[1]),
                ],
            ),
        ):
            xy = np.array(pts_all, dtype=float)
            c = xy.mean(axis=0)
            grown = c + (xy - c) * 1.15  # a margin around the body
            hull = _hull(grown)
            hull = np.vstack([hull, hull[:1]])
            line.set_data(hull[:, 0], hull[:, 1])
        self.fbd_lever_w.set_data([0.0, x_w], [0.0, 0.0])
        a, b = ilium, ilium + d
        t = float(np.dot(-a, b - a) / np.dot(b - a, b - a))
        foot = a + t * (b - a)
        self.fbd_lever_m.set_data([0.0, foot[0]], [0.0, foot[1]])

    def update(self, **inputs: Any) -> None:
        """Move every artist to the balance for ``inputs`` (scalar inputs of
        :func:`backspasm_model.single_leg_stance`) and redraw."""
        r: StanceResult = single_leg_stance(**inputs)
        sweep_in = {k: v for k, v in inputs.items() if k != "abductor_strength"}
        sw = single_leg_stance(abductor_strength=_STRENGTHS, **sweep_in)
        sw0 = single_leg_stance(abductor_strength=_STRENGTHS, **{**sweep_in, "trunk_lean_deg": 0.0})
        s = float(inputs.get("abductor_strength", 1.0))
        drop = np.radians(float(r.pelvic_drop_deg))
        lean = np.radians(float(r.trunk_lean_deg))

        def rot(x: float, y: float) -> tuple[float, float]:  # pelvis rotation (swing down)
            c, si = np.cos(drop), np.sin(drop)
            return x * c - y * si, x * si + y * c

        half = _HIP_SEP / 2.0
        pts = [
            rot(0.0, 0.0),
            rot(0.05, 0.11),
            rot(-half, 0.07),
            rot(-_HIP_SEP - 0.05, 0.11),
            rot(-_HIP_SEP, 0.0),
            rot(-half, -0.06),
            rot(0.0, 0.0),
        ]
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
        self.label_w.set_position((x_w - 0.012, 0.27))
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
        self.label_r.set_position((float(tail[0]) + 0.012, float(tail[1])))
        self._set_fbd(pts, top, sh, x_w, start, d)
        self.title_text.set_text(
            f"pelvic drop {float(r.pelvic_drop_deg):.1f} deg  |  a level pelvis needs "
            f"{100 * float(r.effort_fraction):.0f} % of abductor capacity"
        )
        self.force_text.set_text(  # one line (BW: body weights)
            f"weight above the hip 0.81 BW, lever {100 * lever:.1f} cm  |  abductors "
            f"{float(r.abductor_force_BW):.2f} BW"
            + (
                f" + passive {float(r.passive_force_N) / W:.2f}"
                if float(r.passive_force_N) > 0
                else ""
            )
            + f"  |  hip {h_bw:.2f} BW"
        )
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
        dtop = 1.1 * float(
            max(np.nanmax(sw.pelvic_drop_deg), np.nanmax(sw0.lean_to_level_deg), 5.0)
        )
        if abs(self.ax_drop.get_ylim()[1] - dtop) > 0.05 * dtop:
            self.ax_drop.set_ylim(0.0, dtop)
            self._bg = None
        self.draw()


def _hull(p: np.ndarray) -> np.ndarray:
    """Convex hull of points ``p`` (n x 2), counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(map(tuple, p))

    def half(seq: list[tuple[float, float]]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for q in seq:
            while (
                len(out) >= 2
                and (
                    (out[-1][0] - out[-2][0]) * (q[1] - out[-2][1])
                    - (out[-1][1] - out[-2][1]) * (q[0] - out[-2][0])
                )
                <= 0
            ):
                out.pop()
            out.append(q)
        return out

    lower, upper = half(pts), half(pts[::-1])
    return np.array(lower[:-1] + upper[:-1])
