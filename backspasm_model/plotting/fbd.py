"""The free-body-diagram overlay of the body diagrams (matplotlib, imported on demand):
force vectors as arrows along their lines of action (length to scale), lever arms as lines
from the joint centre perpendicular to each line of action, and the weight vector. Every
artist is made once (hidden), registered with its :class:`~.base.LiveFigure` as animated,
and moved or shown/hidden in place: toggling never re-plots.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import numpy as np
>>> foot_of_perpendicular((0.0, 0.0), (1.0, -1.0), (1.0, 1.0))
(1.0, 0.0)
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.patches import FancyArrowPatch

__all__ = ["FbdOverlay", "foot_of_perpendicular"]


def foot_of_perpendicular(
    c: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> tuple[float, float]:
    """The point of the line through ``a`` and ``b`` nearest to ``c`` (all (x, y), m): the
    end of the lever arm of a force along a-b about the joint centre ``c``."""
    ca, ab = np.subtract(c, a), np.subtract(b, a)
    t = float(np.dot(ca, ab) / max(float(np.dot(ab, ab)), 1e-12))
    p = np.add(a, t * ab)
    return (round(float(p[0]), 12) + 0.0, round(float(p[1]), 12) + 0.0)


class FbdOverlay:
    """Arrows and lever-arm lines on ``ax`` of ``live`` (a LiveFigure), one per name in
    ``colours`` (name -> colour), plus one weight arrow; hidden until :meth:`show`.
    ``m_per_N``: arrow length per newton on the diagram (m/N)."""

    def __init__(
        self,
        live: Any,
        ax: Any,
        colours: dict[str, str],
        *,
        m_per_N: float,
        weight_colour: str = "#0072B2",
        key: str = "",
        key_xy: tuple[float, float] = (0.01, 0.2),
        weight: bool = True,
    ) -> None:
        self.ax, self.m_per_N, self.visible, self._has_weight = ax, m_per_N, False, weight
        self.arrows: dict[str, FancyArrowPatch] = {}
        self.levers: dict[str, Any] = {}
        for name, col in colours.items():
            a = FancyArrowPatch(
                (0, 0), (0, 0), arrowstyle="-|>", mutation_scale=16, lw=2.5, color=col, zorder=7
            )
            ax.add_patch(a)
            self.arrows[name] = live._anim(a)
            (ln,) = ax.plot([], [], color=col, lw=1.8, ls=(0, (3, 2)), zorder=6)
            self.levers[name] = live._anim(ln)
        w = FancyArrowPatch(
            (0, 0),
            (0, 0),
            arrowstyle="-|>",
            mutation_scale=20,
            lw=3.5,
            color=weight_colour,
            zorder=7,
        )
        ax.add_patch(w)
        self.weight = live._anim(w)
        self.weight_label = live._anim(
            ax.text(0, 0, "weight", color=weight_colour, fontsize=12, fontweight="bold", zorder=8)
        )
        # the key, in figure coordinates (``key_xy``, its top left corner)
        self.key = live._anim(
            ax.figure.text(*key_xy, key, fontsize=11.5, va="top", ha="left", zorder=8)
        )
        self.show(False)

    def _all(self) -> list[Any]:
        return [
            *self.arrows.values(),
            *self.levers.values(),
            self.weight,
            self.weight_label,
            self.key,
        ]

    def show(self, on: bool) -> None:
        """Show or hide the whole overlay (no redraw)."""
        self.visible = bool(on)
        for a in self._all():
            a.set_visible(self.visible)
        if not self._has_weight:
            self.weight.set_visible(False)
            self.weight_label.set_visible(False)

    def set_force(
        self,
        name: str,
        at: tuple[float, float],
        toward: tuple[float, float],
        force_N: float,
        joint: tuple[float, float] | None = (0.0, 0.0),
    ) -> None:
        """Force ``name`` acting at ``at`` along the line toward ``toward``, ``force_N`` long
        (to scale), with its lever arm about ``joint`` (None: no lever arm drawn)."""
        d = np.subtract(toward, at)
        n = float(np.hypot(*d))
        arrow, lever = self.arrows[name], self.levers[name]
        on = self.visible and n > 0 and force_N > 1.0
        arrow.set_visible(on)
        lever.set_visible(on and joint is not None)
        if not on:
            return
        end = np.add(at, d / n * force_N * self.m_per_N)
        arrow.set_positions(tuple(at), (float(end[0]), float(end[1])))
        if joint is not None:
            f = foot_of_perpendicular(joint, at, tuple(end))
            lever.set_data([joint[0], f[0]], [joint[1], f[1]])

    def set_weight(self, at: tuple[float, float], weight_N: float) -> None:
        """The weight vector, ``weight_N`` long (to scale), hanging from ``at``."""
        end = (at[0], at[1] - weight_N * self.m_per_N)
        self.weight.set_positions(tuple(at), end)
        self.weight_label.set_position((at[0] + 0.01, (at[1] + end[1]) / 2))
        for a in (self.weight, self.weight_label):
            a.set_visible(self.visible)
