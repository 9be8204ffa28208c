"""The side-lying hip abduction figure (matplotlib, imported on demand): a leg diagram (trunk
on the floor, the straight top leg at its angle, its weight and lever, an ankle weight, the
"parallel" line and the 25-45 deg QL-substitution wedge), the torque-angle curves with and
without the ankle weight against the abductors' capacity, and the relative effort.

Same conventions as :mod:`backspasm_model.plotting.balance`: every artist is made once,
updates move them and blit the changing ones; no figure is created per update.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> f = AbductionFigure()
>>> f.update(angle_deg=10.0, ankle_weight_kg=1.0)
>>> round(float(f.point_torque.get_ydata()[0]), 1)
51.2
>>> f.close()
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.patches import Circle, Rectangle, Wedge

from ..exercises.abduction import (
    DEFAULT_ANGLES_DEG,
    side_lying_abduction,
)
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
    _L0,
    _SUB,
    _DiagramFigure,
    _style,
)
from .fbd import FbdOverlay, foot_of_perpendicular

__all__ = ["AbductionFigure"]


# ---------------------------------------------------------------------------------------------
# Side-lying hip abduction


#: Overlay scale: weights 1 cm per kg, as the leg's weight arrow.
_M_PER_N = 0.01 / 9.81
#: Drawing-only attachment points of the abductor line (m): on the leg 6 cm from the hip and
#: 4 cm above it (greater trochanter), and on the pelvis 10 cm back and up (ilium).
_TROCH_ALONG, _TROCH_UP, _ILIUM = 0.06, 0.04, (-0.10, 0.10)


class AbductionFigure(_DiagramFigure):
    """Leg diagram, torque-angle curves and effort of side-lying hip abduction.

    :meth:`update` takes the inputs of :func:`backspasm_model.side_lying_abduction` (scalars)
    plus ``angle_deg`` (the leg's current angle) and ``effort_threshold``.
    """

    def _build(self) -> None:
        fig, fs = self.fig, _FONT
        gs = fig.add_gridspec(
            2,
            2,
            width_ratios=[1.15, 1.0],
            hspace=0.62,
            wspace=0.3,
            left=0.02,
            right=0.98,
            top=0.86,
            bottom=0.1,
        )
        ax = self.ax_leg = diagram_axes(fig, gs[:, 0], (-0.75, 1.0), (-0.08, 0.95))
        self.y_floor = 0.0
        self.y_bottom_hip = 0.10
        self.y_top_hip = self.y_bottom_hip + _HIP_SEP
        hip = (0.0, self.y_top_hip)
        ax.axhline(self.y_floor, color=_C_BONE, lw=2)
        ax.text(
            -0.72,
            -0.05,
            "floor (front view: lying on the side, head to the left)",
            fontsize=fs - 2,
            color=_C_BONE,
        )
        # trunk and head (fixed), bottom leg (fixed, straight for the drawing)
        ax.add_patch(
            Rectangle(
                (-0.58, self.y_floor),
                0.56,
                self.y_top_hip + 0.06 - self.y_floor,
                color=_C_GHOST,
                alpha=0.5,
                lw=0,
            )
        )
        ax.add_patch(
            Circle((-0.66, self.y_bottom_hip + _HIP_SEP / 2), 0.08, color=_C_GHOST, alpha=0.5, lw=0)
        )
        ax.text(
            -0.3,
            self.y_bottom_hip + _HIP_SEP / 2,
            "trunk",
            ha="center",
            va="center",
            fontsize=fs - 2,
        )
        ax.plot(
            [0.0, _L0],
            [self.y_bottom_hip, self.y_bottom_hip],
            color=_C_BONE,
            lw=5,
            alpha=0.35,
            solid_capstyle="round",
        )
        ax.text(
            0.45,
            self.y_bottom_hip - 0.05,
            "bottom leg",
            fontsize=fs - 2,
            ha="center",
            color=_C_BONE,
        )
        # the parallel line and the substitution wedge (static)
        ax.plot([0.0, _L0 + 0.05], [self.y_top_hip, self.y_top_hip], ls="--", color=_C_BONE, lw=1.2)
        ax.text(_L0 + 0.06, self.y_top_hip, "parallel\n(0 deg)", fontsize=fs - 2, va="center")
        ax.add_patch(Wedge(hip, _L0 + 0.02, _SUB[0], _SUB[1], color=_C_WARN, alpha=0.12, lw=0))
        lab = np.radians(_SUB[1] + 8.0)
        ax.text(
            hip[0] + 0.62 * np.cos(lab),
            hip[1] + 0.62 * np.sin(lab),
            "QL substitution (hip hiking)\nreported at 25-45 deg",
            fontsize=fs - 2,
            color=_C_WARN,
            ha="center",
            va="bottom",
        )
        ax.text(
            -0.16,
            self.y_top_hip + 0.02,
            "QL",
            fontsize=fs - 2,
            color=_C_QL,
            ha="center",
            va="bottom",
            fontweight="bold",
        )
        ax.plot(*hip, ls="none", marker="o", ms=11, mfc="white", mec=_C_BONE, mew=2.5, zorder=6)
        # QL of the top side: 12th rib to iliac crest (drawn along the trunk)
        self.ql = self._line(ax, color=_C_QL, lw=5, solid_capstyle="round")
        self.leg = self._line(ax, color=_C_BONE, lw=8, solid_capstyle="round")
        self.lever = self._line(ax, color=_C_DEMAND, lw=1.5, ls=":")
        self.weight_arrow = self._arrow(ax, _C_DEMAND)
        self.ankle_weight = self._line(ax, ls="none", marker="s", color=_C_LOADED, mec="black")
        # free-body overlay: the top leg (hidden until set_fbd(True))
        self._fbd_args: tuple[Any, ...] | None = None
        self.fbd = FbdOverlay(
            self,
            ax,
            {"abductors": _C_CAP, "hip": _C_LOADED, "ankle": _C_LOADED},
            m_per_N=_M_PER_N,
            weight=False,
            key_xy=(0.01, 0.80),
            key="free body: the top leg\nweights: 1 cm per kg; abductor and hip\n"
            "joint forces at half scale; dashed: lever arms",
        )
        self.angle_text = self._anim(
            fig.text(0.01, 0.985, "", fontsize=fs + 2, va="top", fontweight="bold")
        )
        # under the title, clear of the substitution label and the leg
        self.leg_text = self._anim(fig.text(0.01, 0.93, "", fontsize=fs - 2, va="top"))

        ax2 = self.ax_torque = fig.add_subplot(gs[0, 1])
        _style(
            ax2,
            "leg's moment vs abductors' capacity",
            "abduction angle (deg)",
            "moment at hip (N m)",
        )
        ax2.axvline(0.0, color=_C_BONE, ls="--", lw=1)
        ax2.axvspan(*_SUB, color=_C_WARN, alpha=0.12, lw=0)
        self.curve_unloaded = self._line(ax2, color=_C_DEMAND, lw=2.5, label="leg only")
        self.curve_loaded = self._line(
            ax2, color=_C_LOADED, lw=2.5, ls="-", label="leg + ankle weight"
        )
        self.curve_capacity = self._line(ax2, color=_C_CAP, lw=2.5, label="abductor capacity")
        self.point_torque = self._line(
            ax2, ls="none", marker="o", ms=11, color=_C_LOADED, mec="black", mew=1.2
        )
        self.point_capacity = self._line(
            ax2, ls="none", marker="o", ms=9, color=_C_CAP, mec="black", mew=1.0
        )
        # the legend under the leg diagram, clear of the curves
        fig.legend(
            handles=[self.curve_unloaded, self.curve_loaded, self.curve_capacity],
            loc="lower left",
            bbox_to_anchor=(0.0, 0.0),
            fontsize=fs - 2,
            ncol=1,
            frameon=False,
        )
        ax2.set_xlim(float(DEFAULT_ANGLES_DEG[0]), float(DEFAULT_ANGLES_DEG[-1]))

        ax3 = self.ax_effort = fig.add_subplot(gs[1, 1])
        _style(ax3, "effort = moment / capacity", "abduction angle (deg)", "effort (% of maximum)")
        ax3.axvline(0.0, color=_C_BONE, ls="--", lw=1)
        ax3.axvspan(*_SUB, color=_C_WARN, alpha=0.12, lw=0)
        ax3.text(
            np.mean(_SUB),
            0.97,
            "QL substitution",
            transform=ax3.get_xaxis_transform(),
            ha="center",
            va="top",
            fontsize=fs - 2,
            color=_C_WARN,
        )
        self.curve_effort = self._line(ax3, color=_C_EFFORT, lw=2.5)
        self.threshold_line = self._line(ax3, color=_C_BONE, lw=1.2, ls="-.")
        self.point_effort = self._line(
            ax3, ls="none", marker="o", ms=11, color=_C_EFFORT, mec="black", mew=1.2
        )
        ax3.set_xlim(float(DEFAULT_ANGLES_DEG[0]), float(DEFAULT_ANGLES_DEG[-1]))

    def set_fbd(self, on: bool) -> None:
        """Show or hide the free-body overlay (forces on the top leg, lever arms); no
        re-plot (call :meth:`draw` after)."""
        self.fbd.show(on)
        if on and self._fbd_args is not None:
            self._set_fbd(*self._fbd_args)

    def _set_fbd(
        self, now: Any, th: float, hip: tuple[float, float], ankle: tuple[float, float], w_kg: float
    ) -> None:
        """Forces on the top leg: the ankle weight, the abductors' pull (the force whose
        moment about the hip balances the leg's: torque / its lever arm) and the hip joint
        force that closes the sum; the last two at half scale."""
        hx, hy = hip
        c, s = np.cos(th), np.sin(th)
        t = (hx + _TROCH_ALONG * c - _TROCH_UP * s, hy + _TROCH_ALONG * s + _TROCH_UP * c)
        il = (hx + _ILIUM[0], hy + _ILIUM[1])
        foot = foot_of_perpendicular(hip, t, il)
        arm = float(np.hypot(foot[0] - hx, foot[1] - hy))
        f_abd = float(now.torque_Nm) / max(arm, 1e-3)
        self.fbd.set_force("abductors", t, il, f_abd / 2.0, joint=hip)
        self.fbd.set_force("ankle", ankle, (ankle[0], ankle[1] - 1.0), 9.81 * w_kg, joint=hip)
        g = 9.81 * (float(now.leg_mass_kg) + w_kg)
        u = np.subtract(il, t) / np.hypot(*np.subtract(il, t))
        rx, ry = -f_abd * u[0], g - f_abd * u[1]  # joint force on the leg
        n = float(np.hypot(rx, ry))
        self.fbd.set_force("hip", hip, (hx + rx / n, hy + ry / n), n / 2.0, joint=None)

    def update(
        self, *, angle_deg: float = 0.0, effort_threshold: float = 0.4, **inputs: Any
    ) -> None:
        """Move every artist to the leg at ``angle_deg`` for ``inputs`` (scalar inputs of
        :func:`backspasm_model.side_lying_abduction`) and redraw."""
        a = DEFAULT_ANGLES_DEG
        r = side_lying_abduction(a, **inputs)
        bare = side_lying_abduction(a, **{**inputs, "ankle_weight_kg": 0.0})
        now = side_lying_abduction(angle_deg, **inputs)
        L = float(inputs.get("leg_length_m", _L0))
        th = np.radians(angle_deg)
        hx, hy = 0.0, self.y_top_hip
        ax_, ay_ = hx + L * np.cos(th), hy + L * np.sin(th)
        self.leg.set_data([hx, ax_], [hy, ay_])
        d = float(now.leg_com_m)
        cx, cy = hx + d * np.cos(th), hy + d * np.sin(th)
        self.lever.set_data([hx, cx, cx], [hy, hy, cy])
        length = 0.01 * float(now.leg_mass_kg)  # 1 cm per kg of leg
        self.weight_arrow.set_positions((cx, cy), (cx, cy - length))
        w = float(inputs.get("ankle_weight_kg", 0.0))
        self.ankle_weight.set_data([ax_], [ay_])
        self.ankle_weight.set_markersize(6.0 + 3.0 * w)
        self.ankle_weight.set_visible(w > 0.0)
        self._fbd_args = (now, th, (hx, hy), (float(ax_), float(ay_)), w)
        if self.fbd.visible:
            self._set_fbd(*self._fbd_args)
        sub = float(now.substitution_likelihood)
        # hip hiking: the top iliac crest is pulled toward the ribs as substitution sets in
        hike = 0.03 * sub
        self.ql.set_data([-0.26, -0.06 + hike], [hy - 0.01, hy - 0.01])
        self.ql.set_linewidth(4.0 + 5.0 * sub)
        self.ql.set_color(_C_WARN if sub > 0 else _C_QL)
        shown = round(float(angle_deg)) + 0  # no "-0 deg"
        self.angle_text.set_text(
            f"leg at {shown:+d} deg  |  torque {float(now.torque_Nm):.1f} N m  |  "
            f"effort {100 * float(now.effort_fraction):.0f} % of maximum"
        )
        self.leg_text.set_text(
            f"leg {float(now.leg_mass_kg):.1f} kg, centre of mass {100 * d:.1f} cm "
            f"from the hip\nankle weight {w:.1f} kg adds "
            f"{float(now.ankle_weight_Nm_per_kg):.1f} N m per kg here"
        )
        self.curve_unloaded.set_data(a, bare.torque_Nm)
        self.curve_loaded.set_data(a, r.torque_Nm)
        self.curve_loaded.set_visible(w > 0.0)
        self.curve_capacity.set_data(a, r.capacity_Nm)
        self.point_torque.set_data([angle_deg], [float(now.torque_Nm)])
        self.point_capacity.set_data([angle_deg], [float(now.capacity_Nm)])
        self.curve_effort.set_data(a, 100.0 * r.effort_fraction)
        self.threshold_line.set_data([a[0], a[-1]], [100.0 * effort_threshold] * 2)
        self.point_effort.set_data([angle_deg], [100.0 * float(now.effort_fraction)])
        top = max(float(np.max(r.capacity_Nm)), float(np.max(r.torque_Nm))) * 1.1
        if abs(self.ax_torque.get_ylim()[1] - top) > 0.05 * top:
            self.ax_torque.set_ylim(0.0, top)
            self._bg = None
        etop = max(100.0, 110.0 * float(np.max(r.effort_fraction)))
        if abs(self.ax_effort.get_ylim()[1] - etop) > 0.05 * etop:
            self.ax_effort.set_ylim(0.0, etop)
            self._bg = None
        self.draw()
