"""Figures of notebook 09 (testing the claims) and the explorer's uncertainty band.

Needs matplotlib (imported here, not by ``import backspasm_model``). Every function draws
into an ``ax`` (or a new figure that pyplot never sees: display it with
``display(fig)``) and returns the figure; nothing is computed here that the
numpy-only modules :mod:`~backspasm_model.evidence.uncertainty`,
:mod:`~backspasm_model.evidence.sensitivity` and :mod:`~backspasm_model.evidence.claims` do not
give.

:class:`BandOverlay` adds the optional 5-95 % band of plausible bodies to the balance
explorer's net-moment curve (:class:`~backspasm_model.plotting.BalanceFigure`), computed by
:func:`explorer_band` with a modest, fixed sample so a slider update stays fast.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> b = explorer_band({"quad_strength": 1.5})
>>> bool(b.lo_deg < b.tilt_deg < b.hi_deg), b.curve_lo.shape == b.curve_x.shape
(True, True)
>>> b.readout()
'tilt 3.2 deg, 90 % of plausible bodies between -2.7 and 4.0 deg'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from ..core import kinematics
from ..core.balance import net_moment_Nm, stand
from ..evidence.sensitivity import SobolResult, TornadoRow
from ..evidence.uncertainty import FACTORS, BodySample, band, describe_band, factor_values
from .base import new_figure

__all__ = [
    "BAND_FRACTION",
    "BAND_BODIES",
    "BAND_CURVE_POINTS",
    "Band",
    "BandOverlay",
    "explorer_band",
    "plot_band_vs_input",
    "plot_sobol",
    "plot_tilt_distribution",
    "plot_tornado",
]

#: Fraction of plausible bodies inside the explorer's band (5th to 95th percentile).
BAND_FRACTION = 0.9
#: Bodies sampled for the explorer's band: enough for stable 5/95 % edges (about +/-0.3 deg
#: between seeds), few enough to keep a slider update within a few tens of milliseconds.
BAND_BODIES = 256
#: Points of the net-moment curve band (a smooth band needs far fewer than the curve).
BAND_CURVE_POINTS = 41
_BAND_SEED = 20240607
_BAND_COLOUR = "#56B4E9"  # Okabe-Ito sky blue
_NOMINAL_COLOUR = "#D55E00"  # Okabe-Ito vermillion
_LABELS = {f.key: f.label for f in FACTORS}
_CURVE_RANGE_DEG = np.array([-20.0, 30.0])  # default span of the band curve (clinical deg)


def _new_ax(ax: Any, figsize: tuple[float, float]) -> tuple[Figure, Any]:
    if ax is not None:
        return ax.figure, ax
    fig = new_figure(figsize, 90.0, layout="constrained")  # static: Agg, never in pyplot
    return fig, fig.add_subplot()


def plot_tilt_distribution(
    sample: BodySample,
    nominal_deg: float,
    *,
    fraction: float = BAND_FRACTION,
    ax: Any = None,
) -> Figure:
    """Histogram of the plausible bodies' tilt with the band and the nominal body."""
    fig, ax = _new_ax(ax, (7.5, 3.6))
    t = sample.tilt_deg[np.isfinite(sample.tilt_deg)]
    lo, hi = band(t, fraction)
    ax.axvspan(
        float(lo),
        float(hi),
        color=_BAND_COLOUR,
        alpha=0.25,
        label=f"{100 * fraction:.0f} % of plausible bodies",
    )
    ax.hist(t, bins=80, color="#0072B2", alpha=0.8)
    ax.axvline(nominal_deg, color=_NOMINAL_COLOUR, lw=2.5, label="nominal body")
    ax.set_xlabel("standing tilt, ASIS-PSIS (deg; anterior +)")
    ax.set_ylabel("number of bodies")
    ax.set_title(f"{sample.n:,} plausible bodies at one balance")
    ax.legend(frameon=False, loc="upper left")
    return fig


def plot_band_vs_input(
    x: np.ndarray,
    sample: BodySample,
    nominal: np.ndarray,
    *,
    xlabel: str,
    output: str = "tilt_deg",
    ylabel: str = "tilt, ASIS-PSIS (deg; anterior +)",
    fraction: float = BAND_FRACTION,
    ax: Any = None,
) -> Figure:
    """Nominal curve of an output against one balance input, with the band of bodies
    (``sample`` made with that input as an array, outputs of shape ``(len(x), n)``)."""
    fig, ax = _new_ax(ax, (7.5, 3.6))
    lo, hi = sample.band(output, fraction)
    ax.fill_between(
        x,
        lo,
        hi,
        color=_BAND_COLOUR,
        alpha=0.35,
        label=f"{100 * fraction:.0f} % of plausible bodies",
    )
    ax.plot(x, sample.median(output), color="#0072B2", lw=1.5, ls="--", label="median body")
    ax.plot(x, nominal, color=_NOMINAL_COLOUR, lw=2.5, label="nominal body")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, alpha=0.3)
    ax.legend(frameon=False, loc="best")
    return fig


def plot_sobol(results: Sequence[SobolResult], *, ax: Any = None) -> Figure:
    """Bars of first-order (S1) and total (ST) Sobol indices with their confidence
    intervals, one group of bars per input, one colour per output."""
    fig, ax = _new_ax(ax, (8.0, 3.8))
    names = results[0].names
    y = np.arange(len(names))
    h = 0.8 / (2 * len(results))
    colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
    for k, r in enumerate(results):
        c = colours[k % len(colours)]
        off = (2 * k) * h - 0.4 + h / 2
        ax.barh(
            y + off,
            r.S1,
            height=h,
            xerr=r.S1_conf,
            color=c,
            alpha=0.55,
            label=f"{r.output}: first order S1",
        )
        ax.barh(y + off + h, r.ST, height=h, xerr=r.ST_conf, color=c, label=f"{r.output}: total ST")
    ax.set_yticks(y, [_LABELS.get(n, n) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel("share of the output's variance")
    ax.set_title("Sobol indices: which uncertain input matters?")
    ax.grid(True, axis="x", alpha=0.3)
    ax.legend(frameon=False, fontsize=8, loc="center right")
    return fig


def plot_tornado(
    rows: Sequence[TornadoRow], *, unit: str = "deg", what: str = "tilt", ax: Any = None
) -> Figure:
    """Tornado chart: each input alone from the low to the high end of its range."""
    fig, ax = _new_ax(ax, (8.0, 3.6))
    nominal = rows[0].nominal
    for i, r in enumerate(rows):
        ax.barh(
            i,
            r.out_low - nominal,
            left=nominal,
            color="#0072B2",
            alpha=0.8,
            label="low end of the range" if i == 0 else None,
        )
        ax.barh(
            i,
            r.out_high - nominal,
            left=nominal,
            color="#E69F00",
            alpha=0.8,
            label="high end of the range" if i == 0 else None,
        )
    ax.axvline(nominal, color="black", lw=1)
    ax.set_yticks(
        range(len(rows)),
        [
            f"{r.label}\n({r.low} to {r.high})"
            if r.key == "muscle_set"
            else f"{r.label}\n({r.low:g} to {r.high:g})"
            for r in rows
        ],
        fontsize=8,
    )
    ax.invert_yaxis()
    ax.set_xlabel(f"{what} ({unit}); line = nominal body")
    ax.set_title("one input at a time (tornado)")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    return fig


# --- the explorer's band -----------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """The explorer's band at one balance: nominal tilt and the tilt band (deg, clinical),
    and the band of the net-moment curve (N m) on ``curve_x`` (clinical tilt, deg)."""

    tilt_deg: float
    lo_deg: float
    hi_deg: float
    fraction: float
    curve_x: np.ndarray
    curve_lo: np.ndarray
    curve_hi: np.ndarray

    def readout(self) -> str:
        """E.g. ``tilt 3.0 deg, 90 % of plausible bodies between -5.0 and 5.4 deg``."""
        return describe_band(self.tilt_deg, self.lo_deg, self.hi_deg, self.fraction)


@lru_cache(maxsize=1)
def _band_bodies() -> tuple[dict[str, np.ndarray], tuple[str, ...], tuple[np.ndarray, ...]]:
    """The explorer's fixed plausible bodies (drawn once): inputs, and per parameter set
    the indices of the bodies using it."""
    rng = np.random.default_rng(_BAND_SEED)
    vals = factor_values(rng.random((BAND_BODIES, len(FACTORS))))
    choice = next(f for f in FACTORS if f.is_choice)
    idx = vals.pop("params")
    names = tuple(choice.numbers["choices"])
    return vals, names, tuple(np.flatnonzero(idx == k) for k in range(len(names)))


def explorer_band(
    inputs: Mapping[str, float],
    *,
    view: str = "full",
    params: str = "gait2392",
    fraction: float = BAND_FRACTION,
    curve_x: np.ndarray | None = None,
    nominal_deg: float | None = None,
) -> Band:
    """The band of :data:`BAND_BODIES` fixed plausible bodies at a balance (the explorer's
    scalar ``inputs``); the nominal tilt uses ``params`` (or pass ``nominal_deg`` if known).
    The same bodies every call, so the band moves smoothly with the sliders. Inputs that are
    uncertain factors (e.g. ``activation``) override the sampled values. The curve band is
    computed on :data:`BAND_CURVE_POINTS` points spanning ``curve_x`` (clinical tilt, deg)."""
    vals, names, groups = _band_bodies()
    balance = {k: float(v) for k, v in inputs.items()}
    x = _CURVE_RANGE_DEG if curve_x is None else np.asarray(curve_x, dtype=float)
    x = np.linspace(float(x.min()), float(x.max()), BAND_CURVE_POINTS)
    model_x = kinematics.model_tilt_deg(x)
    tilt = np.empty(BAND_BODIES)
    curves = np.empty((x.size, BAND_BODIES))
    for name, ix in zip(names, groups, strict=True):
        if ix.size == 0:
            continue
        kw = {k: v[ix] for k, v in vals.items() if k not in balance}
        tilt[ix] = stand(view=view, params=name, on_unstable="nan", **kw, **balance).tilt_deg
        curves[:, ix] = net_moment_Nm(
            model_x[:, None],
            view=view,
            params=name,
            **{k: v[None, :] for k, v in kw.items()},
            **balance,
        )
    lo, hi = band(tilt, fraction)
    clo, chi = band(curves, fraction, axis=1)
    nominal = (
        float(stand(view=view, params=params, **balance).tilt_deg)
        if nominal_deg is None
        else float(nominal_deg)
    )
    return Band(nominal, float(lo), float(hi), fraction, x, clo, chi)


class BandOverlay:
    """Draws a :class:`Band` on a balance figure's net-moment panel: a shaded band around the
    curve (net moment of the plausible bodies) and a bar on the zero line spanning the tilt
    band (where they stand). Artists are created once and
    moved in place (blitted with the figure's other animated artists when the figure
    supports it). ``bf`` is a :class:`~backspasm_model.plotting.BalanceFigure`."""

    def __init__(self, bf: Any) -> None:
        self.bf = bf
        ax = bf.ax_curve
        self.fill = ax.fill_between([], [], [], color=_BAND_COLOUR, alpha=0.3, lw=0)
        (self.bar,) = ax.plot([], [], color=_BAND_COLOUR, lw=9, alpha=0.8, solid_capstyle="butt")
        anim = getattr(bf, "_anim", None)
        order = getattr(bf, "_animated", None)
        for a in (self.bar, self.fill):
            if anim is not None:
                anim(a)
            if isinstance(order, list) and a in order:  # draw under the curve and point
                order.remove(a)
                order.insert(0, a)

    def set(self, b: Band | None) -> None:
        """Show band ``b`` (``None`` hides it); no redraw."""
        if b is None:
            self.fill.set_visible(False)
            self.bar.set_data([], [])
            return
        x = b.curve_x
        verts = np.concatenate(
            [np.column_stack([x, b.curve_lo]), np.column_stack([x[::-1], b.curve_hi[::-1]])]
        )
        self.fill.set_paths([verts])
        self.fill.set_visible(True)
        self.bar.set_data([b.lo_deg, b.hi_deg], [0.0, 0.0])
