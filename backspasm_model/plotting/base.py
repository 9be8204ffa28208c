"""The shared base of every course figure (matplotlib, imported on demand): the palette
(Okabe-Ito), :func:`new_figure` (a figure pyplot never sees), :class:`LiveFigure` (artists
made once, moved in place, blitted), the :class:`FastText` artist, :func:`frontend_pending`
(no frames before ipympl's front end connects) and :func:`diagram_axes` (to-scale axes for
the body diagrams).

No course figure is ever registered with pyplot: a learner's ``plt.plot``/``plt.gcf`` /
``plt.show`` never reach one, and re-running a cell never piles figures up in pyplot.
"""

from __future__ import annotations

from typing import Any

import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D, Transform

from ..core.parameters import read_data_file

__all__ = [
    "PALETTE",
    "GROUP_LABELS",
    "FastText",
    "LiveFigure",
    "close_figure",
    "diagram_axes",
    "frontend_pending",
    "new_figure",
    "widget_backend_active",
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
    "other_hip_flexors": "other hip flexors",
    "other_hip_extensors": "other hip extensors",
}
_WIDGET_BACKENDS = ("widget", "ipympl", "module://ipympl.backend_nbagg")


def widget_backend_active() -> bool:
    """True when the notebook chose the widget backend (``%matplotlib widget``).

    Reads the backend without resolving it (resolving the automatic backend would import
    pyplot).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> widget_backend_active()
    False
    """
    try:
        name = matplotlib.rcParams._get_backend_or_none()
    except AttributeError:  # pragma: no cover - older matplotlib
        name = matplotlib.rcParams["backend"]
    return str(name).lower() in _WIDGET_BACKENDS


def new_figure(
    figsize: tuple[float, float], dpi: float, *, live: bool = False, layout: str | None = None
) -> Figure:
    """A :class:`~matplotlib.figure.Figure` with a white background that pyplot never sees.

    ``live=True`` under the widget backend gives it ipympl's canvas (a widget, with its
    figure manager and hidden toolbar, made without pyplot); otherwise (a static figure, or
    no widget backend) an Agg canvas. Close it with :func:`close_figure`.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig = new_figure((4.0, 3.0), 50.0)
    >>> type(fig.canvas).__name__, plt.get_fignums()
    ('FigureCanvasAgg', [])
    """
    fig = Figure(figsize=figsize, dpi=dpi, layout=layout, facecolor="white")
    if live and widget_backend_active():
        from ipympl.backend_nbagg import Canvas, FigureManager

        canvas = Canvas(fig)
        FigureManager(canvas, 0)  # the front end talks to the canvas through its manager
    else:
        FigureCanvasAgg(fig)
    return fig


def close_figure(fig: Figure) -> None:
    """Release ``fig``: close an ipympl canvas, its toolbar and their layout widgets (they
    would otherwise stay in ipywidgets' registry, holding the figure), and drop the canvas's
    pixel buffers (the figure itself goes with the last reference to it)."""
    canvas = fig.canvas
    parts = [getattr(canvas, "toolbar", None), canvas]
    for w in parts:
        if w is None or not hasattr(w, "comm"):
            continue
        for sub in (getattr(w, "layout", None), getattr(w, "style", None)):
            if sub is not None and hasattr(sub, "close"):
                sub.close()
        w.close()
    for attr in ("renderer", "_last_buff", "_lastKey"):
        if attr in vars(canvas):
            delattr(canvas, attr)


class FastText(Artist):
    """Text drawn as one filled path built from cached monospace glyph outlines.

    Changing numbers are the costliest thing to redraw in a blitted figure (the Agg text
    path lays out and rasterises every glyph, ~2 ms per string here); this artist builds the
    outline of a string from a per-character cache and fills it (~0.2 ms). ``xy`` is in the
    coordinates of ``transform``; ``ha`` is "left" or "right", ``va`` "top" or "bottom".
    """

    def __init__(
        self,
        xy: tuple[float, float],
        transform: Transform,
        *,
        size_pt: float,
        color: str = "black",
        weight: str = "normal",
        ha: str = "left",
        va: str = "bottom",
    ) -> None:
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
        renderer.draw_path(gc, self._path, Affine2D().scale(scale).translate(x, y), self._rgba)
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


def diagram_axes(
    fig: Figure, spec: Any, xlim: tuple[float, float], ylim: tuple[float, float]
) -> Any:
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
    :class:`BalanceFigure` and the exercise figures of :mod:`.abduction`, :mod:`.stance` and
    :mod:`.programme`).

    ``fig``: an existing empty figure to draw into (default: :func:`new_figure`, live: an
    ipympl canvas under ``%matplotlib widget``, never registered with pyplot).
    ``animated=False`` draws every artist normally. ``hide_chrome`` hides an ipympl canvas's
    header, footer and toolbar and makes it non-resizable. Subclasses register their
    changing artists with :meth:`_anim` (or :meth:`_line`, :meth:`_arrow`) and call
    :meth:`draw` after moving them.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> lf = LiveFigure(None, (4.0, 3.0), 50.0, True)
    >>> ln = lf._line(lf.fig.add_subplot(), color="black")
    >>> lf.draw(); lf._bg is not None    # first draw: full, saves the background
    True
    >>> ln.set_data([0, 1], [0, 1]); lf.draw()   # then: blit the line only
    >>> lf.close()
    """

    def __init__(
        self,
        fig: Figure | None,
        figsize: tuple[float, float],
        dpi: float,
        animated: bool,
        *,
        hide_chrome: bool = False,
    ) -> None:
        if fig is None:
            fig = new_figure(figsize, dpi, live=True)
        self.fig = fig
        self.canvas = fig.canvas
        self._animated_mode = animated
        self._animated: list[Any] = []
        self._bg: Any = None
        self._cid = self.canvas.mpl_connect("draw_event", self._on_draw) if animated else None
        if hide_chrome:
            for attr, val in (
                ("header_visible", False),
                ("footer_visible", False),
                ("toolbar_visible", False),
                ("resizable", False),
            ):
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
        a = FancyArrowPatch(
            (0, 0), (0, 0), arrowstyle="-|>", mutation_scale=18, lw=lw, color=colour, zorder=5
        )
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
        """Disconnect and close the figure (its canvas widgets too); idempotent."""
        if self._cid is not None:
            self.canvas.mpl_disconnect(self._cid)
            self._cid = None
        self._bg = None
        self._animated = []
        close_figure(self.fig)
