"""Matplotlib figures of the exercise models (imported on demand; needs matplotlib).

* :class:`AbductionFigure`: side-lying hip abduction - a leg diagram (trunk on the floor,
  the straight top leg at its angle, its weight and lever, an ankle weight, the "parallel"
  line and the 25-45 deg QL-substitution wedge), the torque-angle curves with and without the
  ankle weight against the abductors' capacity, and the relative effort.
* :class:`StanceFigure`: single-leg stance - a frontal free-body diagram of the pelvis over
  the stance hip (body weight, abductor force, hip joint force, pelvic drop and trunk lean),
  the abductor force needed vs available, and the pelvic drop vs abductor strength.
* :class:`ProgramFigure`: a program over weeks - tilt, QL length change and abductor
  capacity against week, each with its band.

Same conventions as :mod:`backspasm_model.plotting.balance`: every artist is made once, updates move
them with ``set_data`` and redraw the changing ("animated") artists over a saved background
(blitting); no figure is created per update. Colours: the Okabe-Ito palette of
``data/drawing.toml``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from backspasm_model import side_lying_abduction
>>> f = AbductionFigure()
>>> f.update(angle_deg=10.0, ankle_weight_kg=1.0)
>>> round(float(f.point_torque.get_ydata()[0]), 1)
51.2
>>> f.close()
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Wedge

from ..core.parameters import read_data_file
from ..exercises.abduction import (
    DEFAULT_ANGLES_DEG,
    exercises_data,
    side_lying_abduction,
)
from ..exercises.programme import ProgramResult
from ..exercises.stance import STANCE_INPUT_RANGES, StanceResult, single_leg_stance
from .balance import LiveFigure, diagram_axes

__all__ = ["PALETTE", "AbductionFigure", "StanceFigure", "ProgramFigure"]

_draw = read_data_file("drawing.toml")
#: Okabe-Ito colours by role (shared with :mod:`backspasm_model.plotting.balance`).
PALETTE: dict[str, str] = {k: v for k, v in _draw["palette"].items() if k != "source"}
_FONT = float(_draw["display"]["font_size_pt"]["value"])
_ex = exercises_data()
_SUB = tuple(float(v) for v in _ex["side_lying"]["ql_substitution_onset_deg"]["value"])
_HIP_SEP = float(_ex["leg"]["hip_centre_separation_m"]["value"])
_L0 = float(_ex["leg"]["hip_to_ankle_m"]["value"])
_C_DEMAND = PALETTE["hamstrings"]
_C_LOADED = PALETTE["quadriceps"]
_C_CAP = PALETTE["gluteus_maximus"]
_C_QL = PALETTE["ql"]
_C_BONE = PALETTE["bone"]
_C_GHOST = PALETTE["ghost"]
_C_WARN = PALETTE["quadriceps"]
_C_EFFORT = PALETTE["back_extensors"]


def _style(ax: Any, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, fontsize=_FONT)
    ax.set_xlabel(xlabel, fontsize=_FONT - 1)
    ax.set_ylabel(ylabel, fontsize=_FONT - 1)
    ax.tick_params(labelsize=_FONT - 3)
    ax.grid(True, alpha=0.3)


class _DiagramFigure(LiveFigure):
    """A diagram with its curves (base of :class:`AbductionFigure` and
    :class:`StanceFigure`): ipympl chrome hidden, built by ``_build`` and drawn once with
    the default inputs of ``update``."""

    def __init__(self, fig: Figure | None = None, *, figsize: tuple[float, float] = (12.8, 6.4),
                 dpi: float = 100.0, animated: bool = True) -> None:
        super().__init__(fig, figsize, dpi, animated, hide_chrome=True)
        self._build()
        self.update()

    def _build(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def update(self, **inputs: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


# ---------------------------------------------------------------------------------------------
# Side-lying hip abduction


class AbductionFigure(_DiagramFigure):
    """Leg diagram, torque-angle curves and effort of side-lying hip abduction.

    :meth:`update` takes the inputs of :func:`backspasm_model.side_lying_abduction` (scalars)
    plus ``angle_deg`` (the leg's current angle) and ``effort_threshold``.
    """

    def _build(self) -> None:
        fig, fs = self.fig, _FONT
        gs = fig.add_gridspec(2, 2, width_ratios=[1.15, 1.0], hspace=0.5, wspace=0.22,
                              left=0.03, right=0.98, top=0.9, bottom=0.1)
        ax = self.ax_leg = diagram_axes(fig, gs[:, 0], (-0.75, 1.0), (-0.08, 0.95))
        self.y_floor = 0.0
        self.y_bottom_hip = 0.10
        self.y_top_hip = self.y_bottom_hip + _HIP_SEP
        hip = (0.0, self.y_top_hip)
        ax.axhline(self.y_floor, color=_C_BONE, lw=2)
        ax.text(-0.72, -0.05, "floor (front view: lying on the side, head to the left)",
                fontsize=fs - 4, color=_C_BONE)
        # trunk and head (fixed), bottom leg (fixed, straight for the drawing)
        ax.add_patch(plt.Rectangle((-0.58, self.y_floor), 0.56,
                                   self.y_top_hip + 0.06 - self.y_floor,
                                   color=_C_GHOST, alpha=0.5, lw=0))
        ax.add_patch(plt.Circle((-0.66, self.y_bottom_hip + _HIP_SEP / 2), 0.08,
                                color=_C_GHOST, alpha=0.5, lw=0))
        ax.text(-0.3, self.y_bottom_hip + _HIP_SEP / 2, "trunk", ha="center", va="center",
                fontsize=fs - 2)
        ax.plot([0.0, _L0], [self.y_bottom_hip, self.y_bottom_hip], color=_C_BONE, lw=5,
                alpha=0.35, solid_capstyle="round")
        ax.text(0.45, self.y_bottom_hip - 0.05, "bottom leg", fontsize=fs - 4, ha="center",
                color=_C_BONE)
        # the parallel line and the substitution wedge (static)
        ax.plot([0.0, _L0 + 0.05], [self.y_top_hip, self.y_top_hip], ls="--", color=_C_BONE,
                lw=1.2)
        ax.text(_L0 + 0.06, self.y_top_hip, "parallel\n(0 deg)", fontsize=fs - 4, va="center")
        ax.add_patch(Wedge(hip, _L0 + 0.02, _SUB[0], _SUB[1], color=_C_WARN, alpha=0.12, lw=0))
        lab = np.radians(_SUB[1] + 8.0)
        ax.text(hip[0] + 0.62 * np.cos(lab), hip[1] + 0.62 * np.sin(lab),
                "QL substitution (hip hiking)\nreported at 25-45 deg", fontsize=fs - 4,
                color=_C_WARN, ha="center", va="bottom")
        ax.text(-0.16, self.y_top_hip + 0.02, "QL", fontsize=fs - 3, color=_C_QL, ha="center",
                va="bottom", fontweight="bold")
        ax.plot(*hip, ls="none", marker="o", ms=11, mfc="white", mec=_C_BONE, mew=2.5, zorder=6)
        # QL of the top side: 12th rib to iliac crest (drawn along the trunk)
        self.ql = self._line(ax, color=_C_QL, lw=5, solid_capstyle="round")
        self.leg = self._line(ax, color=_C_BONE, lw=8, solid_capstyle="round")
        self.lever = self._line(ax, color=_C_DEMAND, lw=1.5, ls=":")
        self.weight_arrow = self._arrow(ax, _C_DEMAND)
        self.ankle_weight = self._line(ax, ls="none", marker="s", color=_C_LOADED, mec="black")
        self.angle_text = self._anim(fig.text(0.01, 0.985, "", fontsize=fs + 2, va="top",
                                              fontweight="bold"))
        self.leg_text = self._anim(ax.text(-0.72, 0.9, "", fontsize=fs - 2, va="top"))

        ax2 = self.ax_torque = fig.add_subplot(gs[0, 1])
        _style(ax2, "demand (leg weight) vs capacity (abductors)", "abduction angle (deg)",
               "moment about the hip (N m)")
        ax2.axvline(0.0, color=_C_BONE, ls="--", lw=1)
        ax2.axvspan(*_SUB, color=_C_WARN, alpha=0.12, lw=0)
        self.curve_unloaded = self._line(ax2, color=_C_DEMAND, lw=2.5, label="leg only")
        self.curve_loaded = self._line(ax2, color=_C_LOADED, lw=2.5, ls="-",
                                       label="leg + ankle weight")
        self.curve_capacity = self._line(ax2, color=_C_CAP, lw=2.5, label="abductor capacity")
        self.point_torque = self._line(ax2, ls="none", marker="o", ms=11, color=_C_LOADED,
                                       mec="black", mew=1.2)
        self.point_capacity = self._line(ax2, ls="none", marker="o", ms=9, color=_C_CAP,
                                         mec="black", mew=1.0)
        ax2.legend(loc="upper right", fontsize=fs - 4, frameon=False)
        ax2.set_xlim(float(DEFAULT_ANGLES_DEG[0]), float(DEFAULT_ANGLES_DEG[-1]))

        ax3 = self.ax_effort = fig.add_subplot(gs[1, 1])
        _style(ax3, "relative effort = demand / capacity", "abduction angle (deg)",
               "effort (% of maximum)")
        ax3.axvline(0.0, color=_C_BONE, ls="--", lw=1)
        ax3.axvspan(*_SUB, color=_C_WARN, alpha=0.12, lw=0)
        ax3.text(np.mean(_SUB), 0.97, "QL substitution", transform=ax3.get_xaxis_transform(),
                 ha="center", va="top", fontsize=fs - 4, color=_C_WARN)
        self.curve_effort = self._line(ax3, color=_C_EFFORT, lw=2.5)
        self.threshold_line = self._line(ax3, color=_C_BONE, lw=1.2, ls="-.")
        self.point_effort = self._line(ax3, ls="none", marker="o", ms=11, color=_C_EFFORT,
                                       mec="black", mew=1.2)
        ax3.set_xlim(float(DEFAULT_ANGLES_DEG[0]), float(DEFAULT_ANGLES_DEG[-1]))

    def update(self, *, angle_deg: float = 0.0, effort_threshold: float = 0.4,
               **inputs: Any) -> None:
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
        length = 0.01 * float(now.leg_mass_kg)      # 1 cm per kg of leg
        self.weight_arrow.set_positions((cx, cy), (cx, cy - length))
        w = float(inputs.get("ankle_weight_kg", 0.0))
        self.ankle_weight.set_data([ax_], [ay_])
        self.ankle_weight.set_markersize(6.0 + 3.0 * w)
        self.ankle_weight.set_visible(w > 0.0)
        sub = float(now.substitution_likelihood)
        # hip hiking: the top iliac crest is pulled toward the ribs as substitution sets in
        hike = 0.03 * sub
        self.ql.set_data([-0.26, -0.06 + hike], [hy - 0.01, hy - 0.01])
        self.ql.set_linewidth(4.0 + 5.0 * sub)
        self.ql.set_color(_C_WARN if sub > 0 else _C_QL)
        self.angle_text.set_text(
            f"leg at {angle_deg:+.0f} deg  |  torque {float(now.torque_Nm):.1f} N m  |  "
            f"effort {100 * float(now.effort_fraction):.0f} % of maximum")
        self.leg_text.set_text(
            f"leg {float(now.leg_mass_kg):.1f} kg, centre of mass {100 * d:.1f} cm "
            f"from the hip\nankle weight {w:.1f} kg adds "
            f"{float(now.ankle_weight_Nm_per_kg):.1f} N m per kg here")
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


# ---------------------------------------------------------------------------------------------
# A program over weeks


def _band_verts(x: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    ok = np.isfinite(lo) & np.isfinite(hi)
    x, lo, hi = x[ok], lo[ok], hi[ok]
    if x.size == 0:
        return np.zeros((0, 2))
    if x.size == 1:   # a single week: a thin sliver so the band is still visible
        x = np.array([x[0] - 0.1, x[0] + 0.1])
        lo, hi = np.repeat(lo, 2), np.repeat(hi, 2)
    return np.vstack([np.column_stack([x, lo]), np.column_stack([x[::-1], hi[::-1]])])


class ProgramFigure(LiveFigure):
    """Tilt, QL length change and abductor capacity over the weeks of a program, each with
    its band (slow to fast rates). :meth:`update` takes a
    :class:`~backspasm_model.exercises.programme.ProgramResult`."""

    _PANELS = (
        ("tilt_deg", "tilt_low_deg", "tilt_high_deg", "pelvic tilt (ASIS-PSIS)",
         "tilt (deg, anterior +)", PALETTE["hamstrings"]),
        ("ql_length_change_mm", "ql_length_change_low_mm", "ql_length_change_high_mm",
         "QL length change from the neutral pelvis", "QL change (mm)", PALETTE["ql"]),
        ("abductor_capacity_Nm", "abductor_capacity_low_Nm", "abductor_capacity_high_Nm",
         "hip abductor capacity (single-leg stance)", "moment (N m)", _C_CAP),
    )

    def __init__(self, fig: Figure | None = None, *, figsize: tuple[float, float] = (12.8, 4.6),
                 dpi: float = 100.0, animated: bool = True) -> None:
        super().__init__(fig, figsize, dpi, animated, hide_chrome=True)
        self._build()

    def _build(self) -> None:
        fig, fs = self.fig, _FONT
        axes = fig.subplots(1, 3, gridspec_kw={"wspace": 0.32, "left": 0.06, "right": 0.98,
                                               "top": 0.8, "bottom": 0.16})
        self.axes = list(axes)
        self.lines: list[Any] = []
        self.bands: list[Any] = []
        for ax, (_k, _lo, _hi, title, ylabel, colour) in zip(axes, self._PANELS, strict=True):
            _style(ax, title, "week", ylabel)
            band = ax.fill_between([0, 1], [0, 0], [0, 0], color=colour, alpha=0.18, lw=0,
                                   label="band: slow to fast rates")
            self.bands.append(self._anim(band))
            self.lines.append(self._line(ax, color=colour, lw=2.5, marker="o", ms=4,
                                         label="nominal rates"))
        self.demand_line = self._line(axes[2], color=_C_DEMAND, lw=1.5, ls="--",
                                      label="needed in single-leg stance")
        axes[0].legend(loc="upper right", fontsize=fs - 4, frameon=False)
        axes[2].legend(loc="upper left", fontsize=fs - 4, frameon=False)
        self.title_text = self._anim(fig.text(0.01, 0.98, "", fontsize=fs + 1, va="top",
                                              fontweight="bold"))

    def update(self, r: ProgramResult, demand_Nm: float | None = None) -> None:
        """Show program ``r`` (and the single-leg-stance demand line if given) and redraw."""
        wk = np.asarray(r.week, dtype=float)
        for i, (k, lo, hi, _t, _y, _c) in enumerate(self._PANELS):
            y, ylo, yhi = (np.asarray(getattr(r, n), dtype=float) for n in (k, lo, hi))
            self.lines[i].set_data(wk, y)
            self.bands[i].set_verts([_band_verts(wk, ylo, yhi)])
            ax = self.axes[i]
            ax.set_xlim(-0.3, max(float(wk[-1]), 1.0) + 0.3)
            vals = np.concatenate([ylo, yhi, y])
            if demand_Nm is not None and i == 2:
                vals = np.append(vals, demand_Nm)
            vals = vals[np.isfinite(vals)]
            if vals.size:
                pad = max(0.1 * float(np.ptp(vals)), 0.2 if i < 2 else 5.0)
                ax.set_ylim(float(vals.min()) - pad, float(vals.max()) + pad)
            ax.set_xlabel(f"week   (week {wk[-1]:g}: {y[-1]:.2f}, band {ylo[-1]:.2f} to "
                          f"{yhi[-1]:.2f})", fontsize=_FONT - 2)
        if demand_Nm is not None:
            self.demand_line.set_data([wk[0] - 1, wk[-1] + 1], [demand_Nm, demand_Nm])
        self.title_text.set_text(
            f"after {r.week[-1]:g} weeks: tilt {r.tilt_deg[0]:.1f} -> {r.tilt_deg[-1]:.1f} deg, "
            f"QL {r.ql_length_change_mm[-1] - r.ql_length_change_mm[0]:+.2f} mm")
        self._bg = None
        self.draw()
