"""Matplotlib figures of the pelvis balance (imported on demand; needs matplotlib).

:class:`BalanceFigure` owns one figure with three panels:

* a sagittal stick diagram: femur, pelvis (ASIS and PSIS marked, the ASIS-PSIS line
  dashed), lumbar spine, thorax, the QL from the iliac crest to the 12th rib, and the
  muscle groups as lines shaded (colour and width) by the force they carry;
* the tilt-vs-balance curve: net moment on the pelvis (N m) against clinical tilt (deg),
  with the operating point where it crosses zero going down;
* the QL on its active force-length curve with its operating point, and a zoomed inset.

Every artist is made once; :meth:`BalanceFigure.update` moves them with ``set_data`` and
redraws only the changing ("animated") artists over a saved background (blitting). No
figure is created per update. :func:`~backspasm_model.plotting.posture.compute_posture`
does the model work for one set of inputs.

The numbers come from the package data; drawing-only positions, palette (Okabe-Ito) and
display scales come from ``data/drawing.toml``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> p = compute_posture({}, view="full")
>>> round(p.tilt_deg, 1), p.direction
(3.1, 'anterior')
>>> bf = BalanceFigure()
>>> bf.update(p)
>>> float(bf.operating_point.get_xdata()[0]) == p.tilt_deg
True
>>> bf.close()
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ..core import hill
from ..core.balance import VIEW_GROUPS
from ..core.parameters import GROUPS
from .base import (
    GROUP_LABELS,
    PALETTE,
    FastText,
    LiveFigure,
    _disp,
    _quantise,
    _shade,
    diagram_axes,
    frontend_pending,
)
from .fbd import FbdOverlay
from .posture import _FONT, _LW0, _LW1, _TILT_GRID_CLIN, Posture, compute_posture, group_force_N

__all__ = [
    "PALETTE",
    "GROUP_LABELS",
    "Posture",
    "BalanceFigure",
    "LiveFigure",
    "compute_posture",
    "frontend_pending",
    "group_force_N",
]

#: Overlay scale: 200 N is 10 cm on the diagram.
_M_PER_N = 0.10 / 200.0
#: The upper body's weight drawn in the overlay (N): head, arms and trunk, 67.8 % of a 75 kg
#: body (Winter 2009, Biomechanics and Motor Control of Human Movement, table 4.1).
_UPPER_BODY_N = 0.678 * 75.0 * 9.81


class BalanceFigure(LiveFigure):
    """The explorer's figure: artists made once, moved in place, redrawn by blitting.

    ``fig``: an existing empty figure to draw into (default: a new figure pyplot never sees,
    see :func:`~backspasm_model.plotting.base.new_figure`). ``animated=False`` draws
    every artist normally (used for the naive full re-plot and for saving PNGs).
    """

    def __init__(
        self,
        fig: Figure | None = None,
        *,
        figsize: tuple[float, float] = (12.8, 7.2),
        dpi: float = 100.0,
        animated: bool = True,
    ) -> None:
        super().__init__(fig, figsize, dpi, animated)
        self._build()
        self._last: Posture | None = None

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        fig = self.fig
        fs = _FONT
        gs = fig.add_gridspec(
            2,
            2,
            width_ratios=[0.8, 1.25],
            hspace=0.62,
            wspace=0.3,
            left=0.02,
            right=0.98,
            top=0.86,
            bottom=0.24,
        )
        ax = self.ax_stick = diagram_axes(fig, gs[:, 0], (-0.20, 0.20), (-0.30, 0.52))
        ax.plot([-0.18, -0.08], [-0.29, -0.29], color=PALETTE["bone"], lw=3)
        ax.text(-0.13, -0.28, "10 cm", ha="center", va="bottom", fontsize=fs - 2)
        ax.annotate(
            "front",
            xy=(0.2, -0.22),
            xytext=(0.1, -0.22),
            fontsize=fs - 2,
            va="center",
            arrowprops={"arrowstyle": "->", "lw": 1.5},
        )
        bone, ghost = PALETTE["bone"], PALETTE["ghost"]
        self.ghost: dict[str, Any] = {}
        for name in ("femur", "pelvis", "spine", "thorax", "ql"):
            (self.ghost[name],) = ax.plot(
                [], [], color=ghost, lw=3, alpha=0.55, solid_capstyle="round"
            )
            self._anim(self.ghost[name])
        self.muscle_lines: dict[str, Any] = {}
        for g in GROUPS:
            (self.muscle_lines[g],) = ax.plot(
                [], [], color=PALETTE[g], lw=_LW0, solid_capstyle="round", label=GROUP_LABELS[g]
            )
            self._anim(self.muscle_lines[g])
        self.sticks: dict[str, Any] = {}
        for name, kw in {
            "femur": {"lw": 7},
            "pelvis": {"lw": 4, "marker": None},
            "spine": {"lw": 5, "marker": "s", "ms": 7},
            "thorax": {"lw": 7},
        }.items():
            (self.sticks[name],) = ax.plot(
                [], [], color=bone, solid_capstyle="round", solid_joinstyle="round", **kw
            )
            self._anim(self.sticks[name])
        (self.sticks["asis_psis"],) = ax.plot([], [], color=PALETTE["marker"], lw=1.5, ls="--")
        self._anim(self.sticks["asis_psis"])
        (self.sticks["landmarks"],) = ax.plot(
            [], [], ls="none", marker="o", ms=10, mfc="white", mec=PALETTE["marker"], mew=2.5
        )
        self._anim(self.sticks["landmarks"])
        (self.ql_line,) = ax.plot([], [], color=PALETTE["ql"], lw=5, label="quadratus lumborum")
        self._anim(self.ql_line)
        (self.rib_marker,) = ax.plot([], [], ls="none", marker="D", ms=8, color=PALETTE["ql"])
        self._anim(self.rib_marker)
        ax.plot([0.0], [0.0], ls="none", marker="o", ms=12, mfc="white", mec=bone, mew=2.5)
        # landmark names as text markers (drawn from a cached stamp: cheap to move)
        (self.asis_label,) = ax.plot(
            [], [], ls="none", marker=r"$\mathbf{ASIS}$", ms=34, mew=0, color=PALETTE["marker"]
        )
        self._anim(self.asis_label)
        (self.psis_label,) = ax.plot(
            [], [], ls="none", marker=r"$\mathbf{PSIS}$", ms=34, mew=0, color=PALETTE["marker"]
        )
        self._anim(self.psis_label)
        fig.text(0.01, 0.985, "pelvic tilt:", fontsize=fs + 3, va="top", fontweight="bold")
        self.tilt_text = FastText(
            (0.2, 0.985), fig.transFigure, size_pt=fs + 3, weight="bold", va="top"
        )
        fig.add_artist(self.tilt_text)
        self._anim(self.tilt_text)
        self.message_text = self._anim(
            ax.text(
                0.5,
                0.5,
                "",
                transform=ax.transAxes,
                fontsize=fs,
                ha="center",
                va="center",
                color=PALETTE["quadriceps"],
                wrap=True,
            )
        )
        # one legend per view, made once: the two-muscle view lists only its own groups
        self.legends: dict[str, Any] = {}
        for view, groups in VIEW_GROUPS.items():
            handles = [self.muscle_lines[g] for g in GROUPS if g in groups] + [self.ql_line]
            leg = fig.legend(
                handles=handles,
                loc="lower left",
                ncol=3,
                fontsize=fs - 2,
                frameon=False,
                bbox_to_anchor=(0.0, 0.0),
                handlelength=1.2,
                columnspacing=1.0,
            )
            for h in leg.get_lines():
                h.set_linewidth(5)
            leg.set_visible(False)
            self.legends[view] = leg
        self._view: str | None = None

        ax2 = self.ax_curve = fig.add_subplot(gs[0, 1])
        ax2.set_xlim(float(_TILT_GRID_CLIN[0]), float(_TILT_GRID_CLIN[-1]))
        ax2.set_ylim(*_disp["net_moment_ylim_Nm"])
        ax2.axhline(0.0, color=PALETTE["bone"], lw=1)
        ax2.set_xlabel("tilt, ASIS-PSIS (deg; anterior +)", fontsize=fs)
        ax2.set_ylabel("net moment (N m)", fontsize=fs)
        ax2.set_title("balance: rest where net moment = 0", fontsize=fs)
        ax2.tick_params(labelsize=fs - 2)
        ax2.grid(True, alpha=0.3)
        ax2.text(
            0.99,
            0.97,
            "tips forward (anterior)",
            transform=ax2.transAxes,
            ha="right",
            va="top",
            fontsize=fs - 2,
            color=PALETTE["bone"],
        )
        ax2.text(
            0.01,
            0.03,
            "tips backward (posterior)",
            transform=ax2.transAxes,
            ha="left",
            va="bottom",
            fontsize=fs - 2,
            color=PALETTE["bone"],
        )
        (self.ghost_curve,) = ax2.plot([], [], color=PALETTE["ghost"], lw=2.5, alpha=0.7)
        self._anim(self.ghost_curve)
        (self.ghost_point,) = ax2.plot([], [], ls="none", marker="o", ms=11, color=PALETTE["ghost"])
        self._anim(self.ghost_point)
        (self.curve,) = ax2.plot([], [], color=PALETTE["hamstrings"], lw=3)
        self._anim(self.curve)
        (self.operating_point,) = ax2.plot(
            [], [], ls="none", marker="o", ms=13, color=PALETTE["quadriceps"], mec="black", mew=1.5
        )
        self._anim(self.operating_point)

        self.fbd = FbdOverlay(
            self,
            ax,
            {g: PALETTE[g] for g in GROUPS},
            m_per_N=_M_PER_N,
            weight_colour=PALETTE["marker"],
            key="free body: the pelvis\narrows: force (200 N = 10 cm)\n"
            "dashed: lever arm from the hip",
            key_xy=(0.01, 0.2),
        )

        ax3 = self.ax_ql = fig.add_subplot(gs[1, 1])
        lo, hi = _disp["ql_fl_xlim"]
        lg = np.linspace(lo, hi, 201)
        ax3.plot(lg, hill.active_force_length(lg), color=PALETTE["ql"], lw=2.5)
        ax3.set_xlim(lo, hi)
        ax3.set_ylim(0.0, 1.12)
        ax3.set_xlabel("QL fibre length / optimal length", fontsize=fs - 1)
        ax3.set_ylabel("force capacity", fontsize=fs)

        ax3.tick_params(labelsize=fs - 2)
        ax3.grid(True, alpha=0.3)
        (self.ql_ghost_point,) = ax3.plot(
            [], [], ls="none", marker="o", ms=11, color=PALETTE["ghost"]
        )
        self._anim(self.ql_ghost_point)
        (self.ql_point,) = ax3.plot(
            [],
            [],
            ls="none",
            marker="o",
            ms=13,
            color=PALETTE["back_extensors"],
            mec="black",
            mew=1.5,
        )
        self._anim(self.ql_point)
        # zoomed inset: the QL moves only a few per cent
        zw = float(_disp["ql_zoom_half_width"])
        ins = self.ax_zoom = ax3.inset_axes((0.36, 0.2, 0.3, 0.4))
        zg = np.linspace(1.0 - zw, 1.0 + zw, 101)
        ins.plot(zg, hill.active_force_length(zg), color=PALETTE["ql"], lw=2)
        ins.set_xlim(1.0 - zw, 1.0 + zw)
        ins.set_ylim(0.996, 1.0005)
        ins.set_xticks([1.0])
        ins.set_yticks([])
        ins.tick_params(labelsize=fs - 2)
        ins.set_title(f"zoom: +/-{zw * 100:g} %", fontsize=fs - 2)
        (self.zoom_point,) = ins.plot(
            [],
            [],
            ls="none",
            marker="o",
            ms=10,
            color=PALETTE["back_extensors"],
            mec="black",
            mew=1.2,
        )
        self._anim(self.zoom_point)
        # the QL's numbers as the panel's title line (a title that changes)
        self.ql_text = FastText((0.0, 1.03), ax3.transAxes, size_pt=fs - 2, ha="left", va="bottom")
        ax3.add_artist(self.ql_text)
        self._anim(self.ql_text)

    # -- updates ------------------------------------------------------------------------
    def update(self, p: Posture) -> None:
        """Move every artist to posture ``p`` and redraw (blit)."""
        self._set(p)
        self.draw()

    def _set(self, p: Posture) -> None:
        seg = p.segments
        for name in ("femur", "pelvis", "spine", "thorax", "asis_psis", "landmarks"):
            self.sticks[name].set_data(*seg[name])
        self.ql_line.set_data(*seg["ql"])
        self.rib_marker.set_data(*seg["rib"])
        ax_, ay_ = seg["landmarks"]
        self.asis_label.set_data([ax_[0] + 0.035], [ay_[0] + 0.022])
        self.psis_label.set_data([ax_[1] - 0.03], [ay_[1] + 0.025])
        for g, (xs, ys, _f, s) in p.muscles.items():
            ln = self.muscle_lines[g]
            ln.set_data(xs, ys)
            on = g in VIEW_GROUPS[p.view]
            ln.set_visible(on)
            if on:
                ln.set_color(_shade(PALETTE[g], s))
                ln.set_linewidth(_LW0 + (_LW1 - _LW0) * _quantise(s))
        view = "two-muscle view" if p.view == "seed" else "full view"
        self.tilt_text.set_text(f"{abs(p.tilt_deg):4.1f} deg {p.direction} ({view})")
        if p.view != self._view:  # the legend of this view (a full redraw, on view changes only)
            for v, leg in self.legends.items():
                leg.set_visible(v == p.view)
            self._view = p.view
            self._bg = None
        self.curve.set_data(*p.curve)
        self.operating_point.set_data([p.tilt_deg], [0.0])
        cap = hill.active_force_length(p.ql_fibre_length)
        self.ql_point.set_data([p.ql_fibre_length], [cap])
        self.zoom_point.set_data([p.ql_fibre_length], [cap])
        self.ql_text.set_text(
            f"QL {p.ql_change_mm:+.2f} mm ({p.ql_change_pct:+.2f} %), "
            f"{100.0 * p.ql_capacity:.2f} % capacity"
        )
        self.message_text.set_text("")
        self.message_text.set_visible(False)
        self._last = p
        if self.fbd.visible:
            self._set_fbd(p)

    def _set_fbd(self, p: Posture) -> None:
        """Forces on the pelvis: each drawn group's pull at its pelvic end along its line,
        its lever arm about the hip, and the upper body's weight at the thorax."""
        for g, (xs, ys, f, _s) in p.muscles.items():
            if len(xs) < 2 or g not in VIEW_GROUPS[p.view]:
                self.fbd.set_force(g, (0.0, 0.0), (0.0, 0.0), 0.0)
                continue
            first = float(np.hypot(xs[0], ys[0])) <= float(np.hypot(xs[-1], ys[-1]))
            i, j = (0, 1) if first else (-1, -2)
            self.fbd.set_force(
                g, (float(xs[i]), float(ys[i])), (float(xs[j]), float(ys[j])), float(f)
            )
        tx, ty = p.segments["thorax"]
        self.fbd.set_weight((float(np.mean(tx)), float(np.mean(ty))), _UPPER_BODY_N)

    def set_fbd(self, on: bool) -> None:
        """Show or hide the free-body-diagram overlay (no re-plot; call :meth:`draw`)."""
        self.fbd.show(on)
        if on and self._last is not None:
            self._set_fbd(self._last)

    def set_ghost(self, p: Posture | None) -> None:
        """Show ``p`` as a faint ghost (or hide the ghost with ``None``); no redraw."""
        if p is None:
            for a in (
                *self.ghost.values(),
                self.ghost_curve,
                self.ghost_point,
                self.ql_ghost_point,
            ):
                a.set_data([], [])
            return
        for name in ("femur", "pelvis", "spine", "thorax", "ql"):
            self.ghost[name].set_data(*p.segments[name])
        self.ghost_curve.set_data(*p.curve)
        self.ghost_point.set_data([p.tilt_deg], [0.0])
        self.ql_ghost_point.set_data(
            [p.ql_fibre_length], [hill.active_force_length(p.ql_fibre_length)]
        )

    def show_message(self, text: str) -> None:
        """Write a message across the stick panel (e.g. "no posture") and redraw."""
        self.message_text.set_text(text)
        self.message_text.set_visible(bool(text))
        self.draw()
