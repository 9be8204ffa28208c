"""The whole argument as one static figure: the chain from the thigh muscles to spasm
(C2 -> C3 -> C1 -> C4 -> spasm) and the remedies (C5-C9) that act on it, each link drawn
twice (solid: model mechanics; dashed: outcome evidence), coloured by its verdict and
labelled with its effect against its yardstick. Made with :func:`.base.new_figure`, so pyplot
never sees it; display it with ``display(fig)``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> fig = plot_argument()
>>> len(fig.axes), fig.axes[0].get_title()
(1, 'The argument, link by link: model mechanics (solid) and outcome evidence (dashed)')
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from ..evidence.claims import (
    CONTRADICTED,
    NO_EFFECT,
    SMALL,
    SUPPORTED,
    YARDSTICKS,
    ClaimPart,
    evaluate_parts,
)
from .base import new_figure

__all__ = ["VERDICT_COLOURS", "plot_argument"]

#: Verdict colours (colour-blind safe); the other verdicts are grey.
VERDICT_COLOURS = {
    SUPPORTED: "#009E73",
    SMALL: "#A87400",
    NO_EFFECT: "#0072B2",
    CONTRADICTED: "#D55E00",
}
_GREY = "#767676"

_NODES = {
    "thigh": (0.0, 3.0, "thigh muscles\nset the pelvis"),
    "quads": (2.0, 3.0, "quadriceps stronger\nthan hamstrings"),
    "tilt": (4.0, 3.0, "pelvis tilts\nforward"),
    "ql": (6.0, 3.0, "QL shorter"),
    "weak": (8.0, 3.0, "QL weaker"),
    "spasm": (10.0, 3.0, "spasm"),
    "remedy": (1.2, 0.6, "stretch quadriceps,\ntrain hamstrings"),
    "back": (4.0, 0.6, "train the\nlow back"),
    "abs": (6.6, 0.6, "train the\nabdominals"),
    "exercise": (8.0, -1.2, "side-lying\nabduction"),
    "abductors": (10.0, -1.2, "stronger\nabductors"),
    "drop": (10.0, 1.0, "less pelvic drop,\nless trunk lean"),
}
#: (part id, from node, to node): one link each.
_LINKS = (
    ("C2", "thigh", "quads"),
    ("C3a", "quads", "tilt"),
    ("C3b", "tilt", "ql"),
    ("C4a", "ql", "weak"),
    ("C4b", "weak", "spasm"),
    ("C5", "remedy", "tilt"),
    ("C6b", "back", "tilt"),
    ("C7b", "abs", "tilt"),
    ("C9a", "exercise", "abductors"),
    ("C8b", "abductors", "drop"),
)


def _short(word: str) -> str:
    return {
        SMALL: "small",
        NO_EFFECT: "no effect",
        CONTRADICTED: "contradicted",
        SUPPORTED: "supported",
    }.get(word, "not tested" if "test" in word else "no evidence")


def _label(p: ClaimPart) -> str:
    if p.yardstick is None:
        size = "not in a static model"
    else:
        y = YARDSTICKS[p.yardstick]
        size = f"{p.effect:+.2g} vs {y.value:g} {y.units.split(' (')[0]}"
    return f"{p.id}: {size}\nmodel {_short(p.mechanics)}; studies {_short(p.outcome.verdict)}"


def plot_argument(parts: Sequence[ClaimPart] | None = None) -> Figure:
    """The argument map for ``parts`` (default: :func:`evaluate_parts` of the default model).
    Returns a static :class:`~matplotlib.figure.Figure`."""
    by_id = {p.id: p for p in (evaluate_parts() if parts is None else parts)}
    fig = new_figure((13.0, 6.8), 100.0)
    ax = fig.add_axes((0.01, 0.08, 0.98, 0.84))
    ax.set_xlim(-1.0, 11.0)
    ax.set_ylim(-2.3, 4.3)
    ax.axis("off")
    ax.set_title(
        "The argument, link by link: model mechanics (solid) and outcome evidence (dashed)"
    )
    for x, y, text in _NODES.values():
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=9,
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#333333"},
        )
    for pid, a, b in _LINKS:
        p = by_id[pid]
        (x0, y0, _), (x1, y1, _) = _NODES[a], _NODES[b]
        for word, style, off in ((p.mechanics, "-", 0.06), (p.outcome.verdict, "--", -0.06)):
            dx, dy = (off, 0.0) if abs(x1 - x0) < 0.5 else (0.0, off)
            ax.annotate(
                "",
                xy=(x1 + dx, y1 + dy),
                xytext=(x0 + dx, y0 + dy),
                arrowprops={
                    "arrowstyle": "-|>",
                    "linestyle": style,
                    "linewidth": 2.2,
                    "color": VERDICT_COLOURS.get(word, _GREY),
                    "shrinkA": 38 if y0 == y1 else 24,
                    "shrinkB": 38 if y0 == y1 else 24,
                },
            )
        if y0 == y1 and y0 > 2.0:
            at = ((x0 + x1) / 2, y0 + (0.5 if _LINKS.index((pid, a, b)) % 2 else 0.95))
        elif y0 == y1:
            at = ((x0 + x1) / 2, y0 - 0.6)
        elif b == "tilt":
            at = (x0, y0 - 0.65)
        else:
            at = (x0 - 1.2, (y0 + y1) / 2)
        ax.text(
            *at,
            _label(p),
            ha="center",
            va="center",
            fontsize=7.5,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        )
    extra = [by_id[k] for k in ("C1", "C6a", "C7a", "C8a", "C9b") if k in by_id]
    fig.text(
        0.01,
        0.01,
        "  ".join(
            f"{p.id} model {_short(p.mechanics)}, studies {_short(p.outcome.verdict)};"
            for p in extra
        ),
        fontsize=7.5,
        va="bottom",
    )
    handles = [ax.plot([], [], color=c, linewidth=2.2)[0] for c in VERDICT_COLOURS.values()]
    handles.append(ax.plot([], [], color=_GREY, linewidth=2.2)[0])
    ax.legend(
        handles,
        [*VERDICT_COLOURS, "not testable / no direct evidence"],
        loc="lower left",
        fontsize=8,
        ncol=5,
        frameon=False,
    )
    return fig
