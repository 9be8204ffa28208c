"""Every piece of styled text the apps put on the page is readable in JupyterLab's light and
dark themes (WCAG AA, contrast >= 4.5:1; issue 14, item 7).

The apps' HTML (readouts, figure descriptions, messages, the prescription panel with its
claim tags, the claims table, self-check feedback) is collected from live apps in several
states; each text run's colour (its own ``color:`` or the theme's text colour it inherits)
is resolved against each installed theme's CSS variables and compared with its background
(its own ``background:`` or the page, ``--jp-layout-color0`` and ``--jp-layout-color1``).
Text marked ``aria-hidden`` (colour swatches that repeat a figure's line colour) is not
text to read. The figures carry their own white background, so they stay legible on a dark
page.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

pytest.importorskip("ipywidgets")

import ipywidgets as widgets  # noqa: E402

from backspasm_model.apps import (  # noqa: E402
    AbductionExplorer,
    BalanceExplorer,
    ClaimsExplorer,
    ProgramExplorer,
    StanceExplorer,
)
from backspasm_model.apps.selfcheck import ChoiceCheck, NumberCheck  # noqa: E402
from backspasm_model.plotting.base import new_figure  # noqa: E402

THEMES = Path(sys.prefix) / "share/jupyter/lab/themes/@jupyterlab"
_NAMED = {"white": (1.0, 1.0, 1.0, 1.0), "black": (0.0, 0.0, 0.0, 1.0)}


def _theme(name: str) -> dict[str, str]:
    css = THEMES / f"theme-{name}-extension" / "index.css"
    if not css.exists():
        pytest.skip(f"JupyterLab's {name} theme is not installed ({css})")
    return dict(re.findall(r"(--jp-[\w-]+)\s*:\s*([^;}]+)", css.read_text()))


def _resolve(value: str, theme: dict[str, str], depth: int = 0) -> str:
    value = value.strip()
    m = re.fullmatch(r"var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)", value)
    if not m or depth > 10:
        return value
    name, fallback = m.group(1), m.group(2)
    if name in theme:
        return _resolve(theme[name], theme, depth + 1)
    if fallback is None:
        raise AssertionError(f"{name} is not a variable of the theme and has no fallback")
    return _resolve(fallback, theme, depth + 1)


def _rgba(colour: str) -> tuple[float, float, float, float]:
    c = colour.strip().lower()
    if c in _NAMED:
        return _NAMED[c]
    if c.startswith("#"):
        h = c[1:]
        if len(h) in (3, 4):
            h = "".join(ch * 2 for ch in h)
        vals = [int(h[i : i + 2], 16) / 255 for i in range(0, len(h), 2)]
        return (*vals[:3], vals[3] if len(vals) == 4 else 1.0)
    m = re.fullmatch(r"rgba?\(([^)]*)\)", c)
    if m:
        parts = [float(p) for p in m.group(1).split(",")]
        return (
            parts[0] / 255,
            parts[1] / 255,
            parts[2] / 255,
            parts[3] if len(parts) == 4 else 1.0,
        )
    raise AssertionError(f"cannot read the colour {colour!r}")


def _over(fg, bg):
    a = fg[3]
    return tuple(a * f + (1 - a) * b for f, b in zip(fg[:3], bg[:3], strict=True))


def _luminance(rgb) -> float:
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of text colour ``fg`` on background ``bg`` (CSS colours)."""
    b = _rgba(bg)[:3]
    f = _over(_rgba(fg), b)
    hi, lo = sorted((_luminance(f), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


class _TextRuns(HTMLParser):
    """(text, colour, background) of every visible text run, from inline styles."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str | None, str | None, bool]] = [(None, None, False)]
        self.runs: list[tuple[str, str | None, str | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        style = dict(
            (k.strip().lower(), v.strip())
            for k, _, v in (d.partition(":") for d in (a.get("style") or "").split(";"))
            if k.strip()
        )
        colour, background, hidden = self.stack[-1]
        colour = style.get("color", colour)
        background = style.get("background", style.get("background-color", background))
        hidden = hidden or a.get("aria-hidden") == "true"
        if tag not in self.VOID:
            self.stack.append((colour, background, hidden))

    def handle_endtag(self, tag):
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        colour, background, hidden = self.stack[-1]
        if data.strip() and not hidden:
            self.runs.append((data.strip(), colour, background))


def _app_html() -> list[str]:
    """The HTML the apps show, in ordinary, warning and error states."""
    out: list[str] = []
    apps = [
        BalanceExplorer(figure=False),
        AbductionExplorer(figure=False),
        StanceExplorer(figure=False),
        ProgramExplorer(figure=False),
        ClaimsExplorer(),
    ]
    try:
        for a in apps:
            a.set(no_such_control=1)  # a note
            out += [w.value for w in a._owned_widgets() if isinstance(w, widgets.HTML)]
            a._message(["the model refused these inputs"], error=True)
            out.append(a.message.value)
            out += [w.value for w in a.widget.children if isinstance(w, widgets.HTML)]
        checks = [
            NumberCheck(3.0, tolerance=0.5, unit="deg", what="the tilt"),
            ChoiceCheck("up", {"up": "why", "down": "why not"}, what="the change"),
        ]
        for c in checks:
            for answer in ("", "3", "9") if isinstance(c, NumberCheck) else ("up", "down"):
                c.answer.value = answer if answer or isinstance(c, NumberCheck) else "up"
                c.check()
                out += [c.question.value, c.feedback.value]
            c.close()
    finally:
        for a in apps:
            a.close()
    return [h for h in out if h]


@pytest.fixture(scope="module")
def app_html():
    return _app_html()


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_every_styled_text_of_the_apps_reaches_4_5_to_1(app_html, theme_name):
    theme = _theme(theme_name)
    pages = [_resolve("var(--jp-layout-color0)", theme), _resolve("var(--jp-layout-color1)", theme)]
    inherited = "var(--jp-content-font-color1)"
    seen, failures = 0, []
    for h in app_html:
        parser = _TextRuns()
        parser.feed(h)
        for text, colour, background in parser.runs:
            fg = _resolve(colour or inherited, theme)
            for bg in [_resolve(background, theme)] if background else pages:
                seen += 1
                ratio = contrast(fg, bg)
                if ratio < 4.5:
                    failures.append(f"{ratio:.2f}:1 {fg} on {bg}: {text[:60]!r}")
    assert seen > 100
    assert not failures, "\n".join(sorted(set(failures))[:20])


def test_contrast_formula_matches_wcag_examples():
    assert contrast("#000", "#fff") == pytest.approx(21.0)
    assert contrast("#333", "#111") == pytest.approx(1.49, abs=0.01)  # the old description
    assert contrast("#E69F00", "#fff") == pytest.approx(2.2, abs=0.1)


def test_figures_carry_their_own_white_background():
    fig = new_figure((4.0, 3.0), 50.0)
    assert fig.get_facecolor() == (1.0, 1.0, 1.0, 1.0)
