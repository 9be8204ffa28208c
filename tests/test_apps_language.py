"""What the apps and figures show a learner (widget labels, tooltips, options, panel titles,
HTML, figure titles, axis labels, legends and every other figure text) holds no code
identifier and none of the project's internal words (issue 12)."""

from __future__ import annotations

import html
import re

import pytest

pytest.importorskip("ipywidgets")
import matplotlib  # noqa: E402

matplotlib.use("Agg")

from matplotlib.text import Text  # noqa: E402

from backspasm_model.apps import (  # noqa: E402
    AbductionExplorer,
    BalanceExplorer,
    ClaimsExplorer,
    ProgramExplorer,
    StanceExplorer,
)
from backspasm_model.plotting.base import FastText  # noqa: E402

#: snake_case names (``tilt_deg``, ``muscle_set``) and names with a file suffix
IDENTIFIER = re.compile(r"\b[A-Za-z]+_[A-Za-z0-9_]+\b|\b\w+\.(toml|py|csv)\b")
INTERNAL = (
    "labelled assumption",
    "calibrated",
    "validation target",
    "seed view",
    "the claims table",
    "test suite",
    "(read)",
    "seed (",
    "program ",
)


def _texts_of_widget(w) -> list[str]:
    out: list[str] = []
    shown = ("description", "tooltip", "placeholder") + (
        () if hasattr(w, "options") else ("value",)
    )
    for attr in shown:
        v = getattr(w, attr, None)
        if isinstance(v, str):
            out.append(v)
    for o in getattr(w, "options", ()) or ():
        out.append(o[0] if isinstance(o, tuple) else str(o))
    for t in getattr(w, "tooltips", ()) or ():
        out.append(str(t))
    kids = getattr(w, "children", ())
    if isinstance(kids, tuple | list):
        for i, k in enumerate(kids):
            if hasattr(w, "get_title"):
                out.append(w.get_title(i) or "")
            out += _texts_of_widget(k)
    return out


def _plain(s: str) -> str:
    # drop tags and inline style/script (CSS and the keyboard guard's code are not shown)
    s = re.sub(r"<(img|style|script)[^>]*>", " ", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return html.unescape(s)


def _texts_of_figure(fig) -> list[str]:
    out = [a.get_text() for a in fig.findobj(Text)]
    out += [a.get_text() for a in fig.findobj(FastText)]
    return out


@pytest.mark.parametrize(
    "make",
    [
        lambda: BalanceExplorer(view="seed"),
        lambda: BalanceExplorer(view="full"),
        lambda: AbductionExplorer(angle_deg=30.0, ankle_weight_kg=2.0),
        lambda: StanceExplorer(abductor_strength=0.3),
        ProgramExplorer,
        ClaimsExplorer,
    ],
    ids=["balance-seed", "balance-full", "abduction", "stance", "programme", "claims"],
)
def test_no_code_identifier_or_internal_word(make):
    app = make()
    try:
        fbd = getattr(app, "fbd_toggle", None)
        if fbd is not None:
            fbd.value = True  # the overlay's key is learner-facing text too
        texts = [_plain(t) for t in _texts_of_widget(app.widget)]
        if app.figure is not None:
            texts += _texts_of_figure(app.figure.fig)
        bad = sorted({m.group(0) for t in texts for m in IDENTIFIER.finditer(t)})
        assert not bad, f"code identifiers shown: {bad}"
        low = [t.lower() for t in texts]
        words = sorted({w for w in INTERNAL for t in low if w in t})
        assert not words, f"internal words shown: {words}"
    finally:
        app.close()


def test_identifier_check_can_fail():
    assert IDENTIFIER.search("legend: tilt_deg") and IDENTIFIER.search("from prescription.toml")
    assert not IDENTIFIER.search("tilt (deg, anterior +)")
