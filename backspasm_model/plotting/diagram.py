"""Shared parts of the exercise figures: the palette roles, the axis style and
:class:`_DiagramFigure` (a to-scale body diagram with its curves, on :class:`LiveFigure`).
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from ..exercises.abduction import exercises_data
from .base import PALETTE, LiveFigure, _disp

_FONT = float(_disp["font_size_pt"])
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
    ax.tick_params(labelsize=_FONT - 2)
    ax.grid(True, alpha=0.3)


class _DiagramFigure(LiveFigure):
    """A diagram with its curves (base of :class:`AbductionFigure` and
    :class:`StanceFigure`): ipympl chrome hidden, built by ``_build`` and drawn once with
    the default inputs of ``update``."""

    def __init__(
        self,
        fig: Figure | None = None,
        *,
        figsize: tuple[float, float] = (12.8, 6.4),
        dpi: float = 100.0,
        animated: bool = True,
    ) -> None:
        super().__init__(fig, figsize, dpi, animated, hide_chrome=True)
        self._build()
        self.update()

    def _build(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def update(self, **inputs: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError
