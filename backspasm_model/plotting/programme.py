"""The programme figure (matplotlib, imported on demand): tilt, QL length change and abductor
capacity against week, each with its band.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ..exercises.programme import ProgramResult
from .balance import LiveFigure
from .diagram import _C_CAP, _C_DEMAND, _FONT, PALETTE, _style

__all__ = ["ProgramFigure"]


# ---------------------------------------------------------------------------------------------
# A program over weeks


def _band_verts(x: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    ok = np.isfinite(lo) & np.isfinite(hi)
    x, lo, hi = x[ok], lo[ok], hi[ok]
    if x.size == 0:
        return np.zeros((0, 2))
    if x.size == 1:  # a single week: a thin sliver so the band is still visible
        x = np.array([x[0] - 0.1, x[0] + 0.1])
        lo, hi = np.repeat(lo, 2), np.repeat(hi, 2)
    return np.vstack([np.column_stack([x, lo]), np.column_stack([x[::-1], hi[::-1]])])


class ProgramFigure(LiveFigure):
    """Tilt, QL length change and abductor capacity over the weeks of a programme, each with
    its band (slow to fast rates). :meth:`update` takes a
    :class:`~backspasm_model.exercises.programme.ProgramResult`."""

    _PANELS = (
        (
            "tilt_deg",
            "tilt_low_deg",
            "tilt_high_deg",
            "pelvic tilt (ASIS-PSIS)",
            "tilt (deg)",
            PALETTE["hamstrings"],
        ),
        (
            "ql_length_change_mm",
            "ql_length_change_low_mm",
            "ql_length_change_high_mm",
            "QL length change",
            "QL change (mm)",
            PALETTE["ql"],
        ),
        (
            "abductor_capacity_Nm",
            "abductor_capacity_low_Nm",
            "abductor_capacity_high_Nm",
            "hip abductor capacity",
            "moment (N m)",
            _C_CAP,
        ),
    )

    def __init__(
        self,
        fig: Figure | None = None,
        *,
        figsize: tuple[float, float] = (12.8, 4.6),
        dpi: float = 100.0,
        animated: bool = True,
    ) -> None:
        super().__init__(fig, figsize, dpi, animated, hide_chrome=True)
        self._build()

    def _build(self) -> None:
        fig, fs = self.fig, _FONT
        # a 2 x 2 grid (fits the apps' 660 x 430 px canvas): three panels, the key in the fourth
        grid = fig.subplots(
            2,
            2,
            gridspec_kw={
                "wspace": 0.38,
                "hspace": 0.75,
                "left": 0.1,
                "right": 0.98,
                "top": 0.86,
                "bottom": 0.12,
            },
        )
        axes = [grid[0, 0], grid[0, 1], grid[1, 0]]
        grid[1, 1].set_axis_off()
        self.axes = list(axes)
        self.lines: list[Any] = []
        self.bands: list[Any] = []
        for ax, (_k, _lo, _hi, title, ylabel, colour) in zip(axes, self._PANELS, strict=True):
            _style(ax, title, "week", ylabel)
            band = ax.fill_between(
                [0, 1],
                [0, 0],
                [0, 0],
                color=colour,
                alpha=0.18,
                lw=0,
                label="band: slow to fast rates",
            )
            self.bands.append(self._anim(band))
            self.lines.append(
                self._line(ax, color=colour, lw=2.5, marker="o", ms=4, label="nominal rates")
            )
        self.demand_line = self._line(
            axes[2], color=_C_DEMAND, lw=1.5, ls="--", label="needed in single-leg stance"
        )
        grid[1, 1].legend(
            handles=[self.bands[0], self.lines[0], self.demand_line],
            labels=[
                "band: slow to fast rates",
                "nominal rates",
                "needed in single-leg\nstance (abductors)",
            ],
            loc="center left",
            fontsize=fs - 2,
            frameon=False,
        )
        self.title_text = self._anim(
            fig.text(0.01, 0.98, "", fontsize=fs + 1, va="top", fontweight="bold")
        )

    def update(self, r: ProgramResult, demand_Nm: float | None = None) -> None:
        """Show programme ``r`` (and the single-leg-stance demand line if given) and redraw."""
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
            ax.set_xlabel(
                f"week (at {wk[-1]:g}: {y[-1]:.2f}; band {ylo[-1]:.2f} to {yhi[-1]:.2f})",
                fontsize=_FONT - 2,
            )
        if demand_Nm is not None:
            self.demand_line.set_data([wk[0] - 1, wk[-1] + 1], [demand_Nm, demand_Nm])
        self.title_text.set_text(
            f"after {r.week[-1]:g} weeks: tilt {r.tilt_deg[0]:.1f} -> {r.tilt_deg[-1]:.1f} deg, "
            f"QL {r.ql_length_change_mm[-1] - r.ql_length_change_mm[0]:+.2f} mm"
        )
        self._bg = None
        self.draw()
