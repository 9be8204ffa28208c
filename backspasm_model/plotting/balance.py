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
figure is created per update. :func:`compute_posture` does the model work for one set of
inputs (numbers and coordinates, no matplotlib).

The numbers come from the package data; drawing-only positions, palette (Okabe-Ito) and
display scales come from ``data/drawing.toml``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> p = compute_posture({}, view="full")
>>> round(p.tilt_deg, 1), p.direction
(3.0, 'anterior')
>>> bf = BalanceFigure()
>>> bf.update(p)
>>> float(bf.operating_point.get_xdata()[0]) == p.tilt_deg
True
>>> bf.close()
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.artist import Artist
from matplotlib.colors import to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D, Transform

from ..core import hill, kinematics
from ..core.balance import VIEW_GROUPS, StandResult, net_moment_Nm, stand
from ..core.parameters import GROUPS, load_parameter_set, pelvis_data, read_data_file

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

_draw = read_data_file("drawing.toml")
_disp = {k: v["value"] for k, v in _draw["display"].items()}
#: Okabe-Ito colours by role (muscle groups, QL, bone, ghost).
PALETTE: dict[str, str] = {k: v for k, v in _draw["palette"].items() if k != "source"}
#: Display names of the muscle groups.
GROUP_LABELS: dict[str, str] = {
    "quadriceps": "rectus femoris (quads)",
    "hip_flexors": "iliopsoas",
    "back_extensors": "back extensors",
    "hamstrings": "hamstrings",
    "gluteus_maximus": "gluteus maximus",
    "abdominals": "abdominals",
}
_POINTS = {k: (np.array(v[:2], dtype=float), int(v[2])) for k, v in _draw["points"].items()}
_PATHS: dict[str, list[str]] = {k: list(v) for k, v in _draw["muscle_paths"].items()}
_pd = pelvis_data()
_ASIS = np.array(_pd["clinical"]["asis_point_m"]["value"][:2])
_PSIS = np.array(_pd["clinical"]["psis_point_m"]["value"][:2])
_QL_PTS = {k: np.array(v[:2], dtype=float) for k, v in _pd["ql"]["points_m"].items()}
_QL_BODY = {k: int(v) for k, v in _pd["ql"]["point_body"].items()}
_QL_A, _QL_B = kinematics.QL_FASCICLES[kinematics.QL_HEADLINE][:2]
_G0, _G1, _GN = _disp["tilt_grid_model_deg"]
_TILT_GRID_MODEL = np.linspace(_G0, _G1, int(_GN))
_TILT_GRID_CLIN = kinematics.clinical_tilt_deg(_TILT_GRID_MODEL)
_LW0, _LW1 = _disp["line_width_pt"]
_FULL_SHADE = float(_disp["full_shade_force_fraction"])
_FONT = float(_disp["font_size_pt"])


def _lever_eff(params: str) -> dict[str, tuple[float, float]]:
    """Per group: force-weighted mean |lever| (m) and total Fmax (N), one side."""
    p = load_parameter_set(params)
    out = {}
    for g in GROUPS:
        ms = [m for m in p.muscles if m.group == g]
        fmax = sum(m.Fmax_N for m in ms)
        out[g] = (sum(m.Fmax_N * abs(m.lever_m) for m in ms) / fmax, fmax)
    return out


_LEVERS = {name: _lever_eff(name) for name in ("gait2392", "rajagopal2016")}


def group_force_N(moment_Nm: float, group: str, params: str = "gait2392") -> float:
    """Force carried by a muscle group, both sides (N): |moment| / force-weighted |lever|.

    >>> round(group_force_N(5.4, "hamstrings"))
    102
    """
    lever, _ = _LEVERS[params][group]
    return abs(float(moment_Nm)) / lever


def _pos(tilt_model_deg: float, name: str) -> tuple[float, float]:
    pt, body = _POINTS[name]
    if body < 0:  # femur: fixed
        return float(pt[0]), float(pt[1])
    x, y = kinematics.point_position_m(tilt_model_deg, pt, body)
    return float(x), float(y)


def _pos_raw(tilt_model_deg: float, pt: np.ndarray, body: int) -> tuple[float, float]:
    x, y = kinematics.point_position_m(tilt_model_deg, pt, body)
    return float(x), float(y)


@dataclass
class Posture:
    """Everything the figure and the readouts show for one balance (scalars, SI / deg).

    ``tilt_deg`` is the clinical ASIS-PSIS tilt (anterior positive); ``segments`` maps a
    stick name to its (x, y) arrays in metres; ``muscles`` maps a group to (x, y, force N,
    shade 0-1); ``curve`` is (clinical tilt deg, net moment N m) arrays.
    """

    tilt_deg: float
    model_tilt_deg: float
    direction: str
    ql_length_mm: float
    ql_change_mm: float
    ql_change_pct: float
    ql_fibre_length: float
    ql_capacity: float
    group_moments_Nm: dict[str, float]
    gravity_moment_Nm: float
    passive_moment_Nm: float
    view: str
    params: str
    segments: dict[str, tuple[np.ndarray, np.ndarray]] = field(repr=False)
    muscles: dict[str, tuple[np.ndarray, np.ndarray, float, float]] = field(repr=False)
    curve: tuple[np.ndarray, np.ndarray] = field(repr=False)


def _direction(tilt_deg: float) -> str:
    if tilt_deg > 0.05:
        return "anterior"
    if tilt_deg < -0.05:
        return "posterior"
    return "level"


def compute_posture(
    inputs: Mapping[str, float],
    *,
    view: str = "full",
    params: str = "gait2392",
    result: StandResult | None = None,
) -> Posture:
    """Solve the balance for scalar ``inputs`` (see :func:`backspasm_model.stand`) and
    return what the figure draws. Raises what ``stand`` raises for bad inputs."""
    r = result if result is not None else stand(view=view, params=params, **inputs)
    t = float(r.model_tilt_deg)
    tilt = float(r.tilt_deg)
    seg: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def line(*pts: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
        a = np.array(pts, dtype=float)
        return a[:, 0], a[:, 1]

    hip = (0.0, 0.0)
    asis = _pos_raw(t, _ASIS, 0)
    psis = _pos_raw(t, _PSIS, 0)
    crest = _pos_raw(t, _QL_PTS[_QL_A], _QL_BODY[_QL_A])
    rib = _pos_raw(t, _QL_PTS[_QL_B], _QL_BODY[_QL_B])
    joints = [_pos_raw(t, kinematics.JOINTS_M[k], k + 1) for k in range(len(kinematics.JOINTS_M))]
    seg["femur"] = line(hip, _pos(t, "knee"))
    sacrum = _pos(t, "sacrum_tip")
    seg["pelvis"] = line(_pos(t, "pubis"), asis, crest, psis, sacrum, _pos(t, "ischium"),
                         _pos(t, "pubis"))
    seg["spine"] = line(sacrum, *joints)
    seg["thorax"] = line(joints[-1], _pos(t, "thorax_top"))
    seg["asis_psis"] = line(asis, psis)
    seg["landmarks"] = line(asis, psis)
    seg["ql"] = line(crest, rib)
    seg["rib"] = line(rib)

    gm = {g: float(v) for g, v in r.group_moments_Nm.items()}
    levers = _LEVERS[params]
    strength_key = {
        "quadriceps": "quad_strength", "hamstrings": "hamstring_strength",
        "hip_flexors": "hip_flexor_strength", "gluteus_maximus": "glute_strength",
        "back_extensors": "back_extensor_strength", "abdominals": "abdominal_strength",
    }
    muscles = {}
    for g in GROUPS:
        xs, ys = line(*(_pos(t, n) for n in _PATHS[g]))
        f = group_force_N(gm[g], g, params)
        fmax = 2.0 * levers[g][1] * float(inputs.get(strength_key[g], 1.0))
        shade = min(1.0, f / (fmax * _FULL_SHADE)) if g in VIEW_GROUPS[view] else 0.0
        muscles[g] = (xs, ys, f, shade)

    curve_y = net_moment_Nm(_TILT_GRID_MODEL, view=view, params=params, **inputs)
    return Posture(
        tilt_deg=tilt,
        model_tilt_deg=t,
        direction=_direction(tilt),
        ql_length_mm=float(r.ql_length_m) * 1000.0,
        ql_change_mm=float(r.ql_length_change_mm),
        ql_change_pct=float(r.ql_length_change_pct),
        ql_fibre_length=float(r.ql_normalised_fibre_length),
        ql_capacity=float(r.ql_force_capacity),
        group_moments_Nm=gm,
        gravity_moment_Nm=float(r.gravity_moment_Nm),
        passive_moment_Nm=float(r.passive_moment_Nm),
        view=view,
        params=params,
        segments=seg,
        muscles=muscles,
        curve=(_TILT_GRID_CLIN, np.asarray(curve_y, dtype=float)),
    )


class FastText(Artist):
    """Text drawn as one filled path built from cached monospace glyph outlines.

    Changing numbers are the costliest thing to redraw in a blitted figure (the Agg text
    path lays out and rasterises every glyph, ~2 ms per string here); this artist builds the
    outline of a string from a per-character cache and fills it (~0.2 ms). ``xy`` is in the
    coordinates of ``transform``; ``ha`` is "left" or "right", ``va`` "top" or "bottom".
    """

    def __init__(self, xy: tuple[float, float], transform: Transform, *, size_pt: float,
                 color: str = "black", weight: str = "normal", ha: str = "left",
                 va: str = "bottom") -> None:
        super().__init__()
        self._xy = xy
        self._anchor_transform = transform
        self._prop = FontProperties(family="DejaVu Sans Mono", size=size_pt, weight=weight)
        self._size = size_pt
        self._rgba = to_rgba(color)
        self._ha, self._va = ha, va
        self._glyphs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        ten = TextPath((0, 0), "M" * 10, prop=self._prop).get_extents().width
        twenty = TextPath((0, 0), "M" * 20, prop=self._prop).get_extents().width
        self._advance = (twenty - ten) / 10.0
        self._text = ""
        self._path: Path | None = None
        self._width_pt = 0.0

    def _glyph(self, ch: str) -> tuple[np.ndarray, np.ndarray]:
        g = self._glyphs.get(ch)
        if g is None:
            tp = TextPath((0, 0), ch, prop=self._prop)
            g = (np.asarray(tp.vertices, dtype=float), np.asarray(tp.codes, dtype=np.uint8))
            self._glyphs[ch] = g
        return g

    def set_text(self, text: str) -> None:
        """Set the string (a newline character starts a new line)."""
        if text == self._text:
            return
        self._text = text
        verts, codes = [], []
        lines = text.split("\n")
        line_h = 1.25 * self._size
        for i, line in enumerate(lines):
            y = -(i + 1) * line_h + 0.25 * self._size
            x0 = 0.0
            if self._ha == "right":
                x0 = -len(line) * self._advance
            for j, ch in enumerate(line):
                if ch == " ":
                    continue
                v, c = self._glyph(ch)
                if len(v) == 0:
                    continue
                verts.append(v + (x0 + j * self._advance, y))
                codes.append(c)
        if self._va == "bottom":
            shift = len(lines) * line_h
            verts = [v + (0.0, shift) for v in verts]
        self._path = Path(np.concatenate(verts), np.concatenate(codes)) if verts else None
        self.stale = True

    def get_text(self) -> str:
        return self._text

    def set_position(self, xy: tuple[float, float]) -> None:
        self._xy = xy
        self.stale = True

    def draw(self, renderer: Any) -> None:
        if not self.get_visible() or self._path is None:
            return
        x, y = self._anchor_transform.transform(self._xy)
        scale = renderer.points_to_pixels(1.0)
        gc = renderer.new_gc()
        gc.set_linewidth(0)
        gc.set_alpha(self._rgba[3])
        gc.set_antialiased(True)
        renderer.draw_path(gc, self._path, Affine2D().scale(scale).translate(x, y),
                           self._rgba)
        gc.restore()
        self.stale = False


def frontend_pending(canvas: Any) -> bool:
    """True for an ipympl canvas whose browser front-end has not connected yet.

    Sending frames then (``canvas.draw()`` or ``canvas.blit()`` before the widget is shown)
    breaks the widget's first render in ipympl 0.10 ("Error setting state: ... drawImage ...
    broken state", a canvas of size 0). Skip drawing while this is True: the front-end asks
    for a full draw when it connects, and that draw shows the latest artists.

    >>> from matplotlib.figure import Figure
    >>> frontend_pending(Figure().canvas)
    False
    """
    return bool(getattr(canvas, "syncing_data_url", False))


_SHADE_LEVELS = 20  # shading is quantised: a bounded set of colours (matplotlib caches each)


def _shade(colour: str, s: float) -> tuple[float, float, float, float]:
    """Full palette colour (so the groups stay distinguishable) with opacity 0.5-1, in
    ``_SHADE_LEVELS`` steps (an unbounded set of RGBA tuples would grow matplotlib's colour
    cache without limit)."""
    r, g, b = to_rgb(colour)
    return (r, g, b, 0.5 + 0.5 * _quantise(s))


def _quantise(s: float) -> float:
    return round(min(max(s, 0.0), 1.0) * _SHADE_LEVELS) / _SHADE_LEVELS


def diagram_axes(fig: Figure, spec: Any, xlim: tuple[float, float],
                 ylim: tuple[float, float]) -> Any:
    """An axes of ``fig`` at ``spec`` (a grid cell) for a drawing to scale: equal aspect,
    fixed limits, no ticks and no frame."""
    ax = fig.add_subplot(spec)
    ax.set_aspect("equal")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_visible(False)
    return ax


class LiveFigure:
    """A figure whose changing ("animated") artists are redrawn by blitting (base class of
    :class:`BalanceFigure` and the figures of :mod:`backspasm_model.plotting.exercises`).

    ``fig``: an existing empty figure to draw into (default: a new pyplot figure made with
    interactive mode off, so it is not displayed on creation). ``animated=False`` draws
    every artist normally. ``hide_chrome`` hides an ipympl canvas's header, footer and
    toolbar and makes it non-resizable. Subclasses register their changing artists with
    :meth:`_anim` (or :meth:`_line`, :meth:`_arrow`) and call :meth:`draw` after moving them.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> lf = LiveFigure(None, (4.0, 3.0), 50.0, True)
    >>> ln = lf._line(lf.fig.add_subplot(), color="black")
    >>> lf.draw(); lf._bg is not None    # first draw: full, saves the background
    True
    >>> ln.set_data([0, 1], [0, 1]); lf.draw()   # then: blit the line only
    >>> lf.close()
    """

    def __init__(self, fig: Figure | None, figsize: tuple[float, float], dpi: float,
                 animated: bool, *, hide_chrome: bool = False) -> None:
        if fig is None:
            with plt.ioff():
                fig = plt.figure(figsize=figsize, dpi=dpi)
        self.fig = fig
        self.canvas = fig.canvas
        self._animated_mode = animated
        self._animated: list[Any] = []
        self._bg: Any = None
        self._cid = self.canvas.mpl_connect("draw_event", self._on_draw) if animated else None
        if hide_chrome:
            for attr, val in (("header_visible", False), ("footer_visible", False),
                              ("toolbar_visible", False), ("resizable", False)):
                if hasattr(self.canvas, attr):
                    setattr(self.canvas, attr, val)

    # -- construction -------------------------------------------------------------------
    def _anim(self, artist: Any) -> Any:
        artist.set_animated(self._animated_mode)
        self._animated.append(artist)
        return artist

    def _line(self, ax: Any, *args: Any, **kw: Any) -> Any:
        (ln,) = ax.plot([], [], *args, **kw)
        return self._anim(ln)

    def _arrow(self, ax: Any, colour: str, lw: float = 3.0) -> FancyArrowPatch:
        a = FancyArrowPatch((0, 0), (0, 0), arrowstyle="-|>", mutation_scale=18, lw=lw,
                            color=colour, zorder=5)
        ax.add_patch(a)
        return self._anim(a)

    # -- drawing ------------------------------------------------------------------------
    def _on_draw(self, event: Any) -> None:
        if not self._animated_mode:
            return
        self._bg = self.canvas.copy_from_bbox(self.fig.bbox)
        self._draw_animated()

    def _draw_animated(self) -> None:
        fig = self.fig
        for a in self._animated:
            fig.draw_artist(a)

    def draw(self) -> None:
        """Redraw: blit the animated artists over the saved background (a full draw the
        first time, or when animation is off)."""
        if frontend_pending(self.canvas):
            # ipympl before its front-end connects: a frame now breaks the first render;
            # the front-end asks for a full draw when it connects (see frontend_pending).
            return
        if not self._animated_mode or self._bg is None:
            self.canvas.draw()
            return
        self.canvas.restore_region(self._bg)
        self._draw_animated()
        self.canvas.blit(self.fig.bbox)

    def save_png(self, path: str, size_px: tuple[int, int] = (1280, 720)) -> None:
        """Save the current state as a PNG of ``size_px`` pixels (for projector checks)."""
        for a in self._animated:
            a.set_animated(False)
        try:
            w, _h = self.fig.get_size_inches()
            self.fig.savefig(path, dpi=size_px[0] / w)
        finally:
            for a in self._animated:
                a.set_animated(self._animated_mode)
            self._bg = None
            self.canvas.draw()

    def close(self) -> None:
        """Disconnect and close the figure."""
        if self._cid is not None:
            self.canvas.mpl_disconnect(self._cid)
        plt.close(self.fig)


class BalanceFigure(LiveFigure):
    """The explorer's figure: artists made once, moved in place, redrawn by blitting.

    ``fig``: an existing empty figure to draw into (default: a new pyplot figure made with
    interactive mode off, so it is not displayed on creation). ``animated=False`` draws
    every artist normally (used for the naive full re-plot and for saving PNGs).
    """

    def __init__(self, fig: Figure | None = None, *, figsize: tuple[float, float] = (12.8, 7.2),
                 dpi: float = 100.0, animated: bool = True) -> None:
        super().__init__(fig, figsize, dpi, animated)
        self._build()
        self._last: Posture | None = None

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        fig = self.fig
        fs = _FONT
        gs = fig.add_gridspec(2, 2, width_ratios=[1.0, 1.25], hspace=0.45, wspace=0.18,
                              left=0.04, right=0.98, top=0.92, bottom=0.1)
        ax = self.ax_stick = diagram_axes(fig, gs[:, 0], (-0.20, 0.20), (-0.30, 0.52))
        ax.plot([-0.18, -0.08], [-0.29, -0.29], color=PALETTE["bone"], lw=3)
        ax.text(-0.13, -0.28, "10 cm", ha="center", va="bottom", fontsize=fs - 2)
        ax.annotate("front", xy=(0.2, -0.22), xytext=(0.1, -0.22), fontsize=fs - 2,
                    va="center", arrowprops={"arrowstyle": "->", "lw": 1.5})
        bone, ghost = PALETTE["bone"], PALETTE["ghost"]
        self.ghost: dict[str, Any] = {}
        for name in ("femur", "pelvis", "spine", "thorax", "ql"):
            (self.ghost[name],) = ax.plot([], [], color=ghost, lw=3, alpha=0.55,
                                          solid_capstyle="round")
            self._anim(self.ghost[name])
        self.muscle_lines: dict[str, Any] = {}
        for g in GROUPS:
            (self.muscle_lines[g],) = ax.plot([], [], color=PALETTE[g], lw=_LW0,
                                              solid_capstyle="round", label=GROUP_LABELS[g])
            self._anim(self.muscle_lines[g])
        self.sticks: dict[str, Any] = {}
        for name, kw in {
            "femur": {"lw": 7},
            "pelvis": {"lw": 4, "marker": None},
            "spine": {"lw": 5, "marker": "s", "ms": 7},
            "thorax": {"lw": 7},
        }.items():
            (self.sticks[name],) = ax.plot([], [], color=bone, solid_capstyle="round",
                                           solid_joinstyle="round", **kw)
            self._anim(self.sticks[name])
        (self.sticks["asis_psis"],) = ax.plot([], [], color=PALETTE["marker"], lw=1.5, ls="--")
        self._anim(self.sticks["asis_psis"])
        (self.sticks["landmarks"],) = ax.plot([], [], ls="none", marker="o", ms=10,
                                              mfc="white", mec=PALETTE["marker"], mew=2.5)
        self._anim(self.sticks["landmarks"])
        (self.ql_line,) = ax.plot([], [], color=PALETTE["ql"], lw=5, label="quadratus lumborum")
        self._anim(self.ql_line)
        (self.rib_marker,) = ax.plot([], [], ls="none", marker="D", ms=8, color=PALETTE["ql"])
        self._anim(self.rib_marker)
        ax.plot([0.0], [0.0], ls="none", marker="o", ms=12, mfc="white", mec=bone, mew=2.5)
        # landmark names as text markers (drawn from a cached stamp: cheap to move)
        (self.asis_label,) = ax.plot([], [], ls="none", marker=r"$\mathbf{ASIS}$", ms=34, mew=0,
                                     color=PALETTE["marker"])
        self._anim(self.asis_label)
        (self.psis_label,) = ax.plot([], [], ls="none", marker=r"$\mathbf{PSIS}$", ms=34, mew=0,
                                     color=PALETTE["marker"])
        self._anim(self.psis_label)
        fig.text(0.01, 0.985, "pelvic tilt:", fontsize=fs + 3, va="top", fontweight="bold")
        self.tilt_text = FastText((0.13, 0.985), fig.transFigure, size_pt=fs + 3,
                                  weight="bold", va="top")
        fig.add_artist(self.tilt_text)
        self._anim(self.tilt_text)
        self.message_text = self._anim(ax.text(0.5, 0.5, "", transform=ax.transAxes,
                                               fontsize=fs, ha="center", va="center",
                                               color=PALETTE["quadriceps"], wrap=True))
        handles = [self.muscle_lines[g] for g in GROUPS] + [self.ql_line]
        leg = fig.legend(handles=handles, loc="lower left", ncol=4, fontsize=fs - 3,
                         frameon=False, bbox_to_anchor=(0.0, 0.0))
        for h in leg.get_lines():
            h.set_linewidth(5)

        ax2 = self.ax_curve = fig.add_subplot(gs[0, 1])
        ax2.set_xlim(float(_TILT_GRID_CLIN[0]), float(_TILT_GRID_CLIN[-1]))
        ax2.set_ylim(*_disp["net_moment_ylim_Nm"])
        ax2.axhline(0.0, color=PALETTE["bone"], lw=1)
        ax2.set_xlabel("tilt, ASIS-PSIS (deg; anterior +)", fontsize=fs)
        ax2.set_ylabel("net moment (N m)", fontsize=fs)
        ax2.set_title("balance: the pelvis rests where the net moment is zero", fontsize=fs)
        ax2.tick_params(labelsize=fs - 2)
        ax2.grid(True, alpha=0.3)
        ax2.text(0.99, 0.97, "tips forward (anterior)", transform=ax2.transAxes, ha="right",
                 va="top", fontsize=fs - 3, color=PALETTE["bone"])
        ax2.text(0.01, 0.03, "tips backward (posterior)", transform=ax2.transAxes, ha="left",
                 va="bottom", fontsize=fs - 3, color=PALETTE["bone"])
        (self.ghost_curve,) = ax2.plot([], [], color=PALETTE["ghost"], lw=2.5, alpha=0.7)
        self._anim(self.ghost_curve)
        (self.ghost_point,) = ax2.plot([], [], ls="none", marker="o", ms=11,
                                       color=PALETTE["ghost"])
        self._anim(self.ghost_point)
        (self.curve,) = ax2.plot([], [], color=PALETTE["hamstrings"], lw=3)
        self._anim(self.curve)
        (self.operating_point,) = ax2.plot([], [], ls="none", marker="o", ms=13,
                                           color=PALETTE["quadriceps"], mec="black", mew=1.5)
        self._anim(self.operating_point)

        ax3 = self.ax_ql = fig.add_subplot(gs[1, 1])
        lo, hi = _disp["ql_fl_xlim"]
        lg = np.linspace(lo, hi, 201)
        ax3.plot(lg, hill.active_force_length(lg), color=PALETTE["ql"], lw=2.5)
        ax3.set_xlim(lo, hi)
        ax3.set_ylim(0.0, 1.12)
        ax3.set_xlabel("QL fibre length / optimal length", fontsize=fs)
        ax3.set_ylabel("force capacity", fontsize=fs)
        ax3.set_title("QL force-length curve (Thelen 2003)", fontsize=fs)
        ax3.tick_params(labelsize=fs - 2)
        ax3.grid(True, alpha=0.3)
        (self.ql_ghost_point,) = ax3.plot([], [], ls="none", marker="o", ms=11,
                                          color=PALETTE["ghost"])
        self._anim(self.ql_ghost_point)
        (self.ql_point,) = ax3.plot([], [], ls="none", marker="o", ms=13,
                                    color=PALETTE["back_extensors"], mec="black", mew=1.5)
        self._anim(self.ql_point)
        # zoomed inset: the QL moves only a few per cent
        zw = float(_disp["ql_zoom_half_width"])
        ins = self.ax_zoom = ax3.inset_axes((0.05, 0.08, 0.34, 0.42))
        zg = np.linspace(1.0 - zw, 1.0 + zw, 101)
        ins.plot(zg, hill.active_force_length(zg), color=PALETTE["ql"], lw=2)
        ins.set_xlim(1.0 - zw, 1.0 + zw)
        ins.set_ylim(0.996, 1.0005)
        ins.set_xticks([1.0 - zw, 1.0, 1.0 + zw])
        ins.tick_params(labelsize=fs - 5)
        ins.set_title(f"zoom: +/-{zw * 100:g} %", fontsize=fs - 4)
        (self.zoom_point,) = ins.plot([], [], ls="none", marker="o", ms=10,
                                      color=PALETTE["back_extensors"], mec="black", mew=1.2)
        self._anim(self.zoom_point)
        self.ql_text = FastText((0.98, 0.06), ax3.transAxes, size_pt=fs - 1, ha="right",
                                va="bottom")
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
        self.tilt_text.set_text(f"{abs(p.tilt_deg):4.1f} deg {p.direction} ({p.view} view)")
        self.curve.set_data(*p.curve)
        self.operating_point.set_data([p.tilt_deg], [0.0])
        cap = hill.active_force_length(p.ql_fibre_length)
        self.ql_point.set_data([p.ql_fibre_length], [cap])
        self.zoom_point.set_data([p.ql_fibre_length], [cap])
        self.ql_text.set_text(f"QL {p.ql_change_mm:+.2f} mm ({p.ql_change_pct:+.2f} %)\n"
                              f"capacity {100.0 * p.ql_capacity:.2f} %")
        self.message_text.set_text("")
        self.message_text.set_visible(False)
        self._last = p

    def set_ghost(self, p: Posture | None) -> None:
        """Show ``p`` as a faint ghost (or hide the ghost with ``None``); no redraw."""
        if p is None:
            for a in (*self.ghost.values(), self.ghost_curve, self.ghost_point,
                      self.ql_ghost_point):
                a.set_data([], [])
            return
        for name in ("femur", "pelvis", "spine", "thorax", "ql"):
            self.ghost[name].set_data(*p.segments[name])
        self.ghost_curve.set_data(*p.curve)
        self.ghost_point.set_data([p.tilt_deg], [0.0])
        self.ql_ghost_point.set_data([p.ql_fibre_length],
                                     [hill.active_force_length(p.ql_fibre_length)])

    def show_message(self, text: str) -> None:
        """Write a message across the stick panel (e.g. "no posture") and redraw."""
        self.message_text.set_text(text)
        self.message_text.set_visible(bool(text))
        self.draw()

