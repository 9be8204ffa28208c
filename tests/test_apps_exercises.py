"""The exercise apps (notebooks 06-08): labelled controls, clamping, errors as messages,
one figure updated in place."""

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import backspasm_model as bm  # noqa: E402

pytest.importorskip("ipywidgets")

from backspasm_model.apps import (  # noqa: E402
    AbductionExplorer,
    ProgramExplorer,
    StanceExplorer,
)

APPS = [AbductionExplorer, StanceExplorer, ProgramExplorer]


@pytest.fixture(params=APPS, ids=lambda c: c.__name__)
def app(request):
    a = request.param()
    yield a
    a.close()


def test_every_control_is_labelled_with_its_unit(app):
    for key, s in app.sliders.items():
        unit = app.CONTROLS[key].unit
        assert s.description.endswith(f"({unit})"), (key, s.description)


def test_out_of_range_values_are_clamped_with_a_message(app):
    key = next(iter(app.sliders))
    c = app.CONTROLS[key]
    app.set(**{key: c.hi + 100.0})
    assert app.sliders[key].value == c.hi
    assert "clamped" in app.message.value
    app.set(**{key: float("nan")})  # refused: the control keeps its value
    assert app.sliders[key].value == c.hi
    assert "not a number" in app.message.value


@pytest.mark.parametrize("bad", ["heavy", None, [1, 2]])
def test_wrong_types_and_unknown_controls_become_messages(app, bad):
    key = next(iter(app.sliders))
    before = app.sliders[key].value
    app.set(**{key: bad})
    assert app.sliders[key].value == before
    assert "must be a number" in app.message.value
    app.set(no_such_control=1.0)
    assert "is not a control here" in app.message.value


def test_one_figure_is_updated_in_place(app):
    n = len(plt.get_fignums())
    for key, c in list(app.CONTROLS.items())[:3]:
        for v in (c.lo, c.hi, c.value):
            app.set(**{key: v})
    assert len(plt.get_fignums()) == n
    assert app.last_error == ""
    assert app.summary()


def test_abduction_readouts_follow_the_model():
    a = AbductionExplorer(figure=False, angle_deg=40.0, ankle_weight_kg=2.0)
    try:
        assert "effort" in a.summary()
        assert "substitution zone: yes" in a.summary()
        a.set(segments="gait2392", angle_deg=0.0, ankle_weight_kg=0.0)
        assert "torque 49.5 N m" in a.summary()  # V4 at 75 kg
        a.set(segments="nonsense")
        assert "must be one of" in a.message.value
    finally:
        a.close()


def test_stance_lean_levels_the_pelvis_and_extreme_input_is_a_message():
    s = StanceExplorer(figure=False, abductor_strength=0.3)
    try:
        lean = float(s.result.lean_to_level_deg)
        s.set(trunk_lean_deg=lean)
        assert "pelvic drop 0.0 deg" in s.summary()
        s.set(abductor_strength=0.1, frontal_stiffness_Nm_per_deg=2.0, trunk_lean_deg=0.0)
        assert "cannot stand" in s.readout.value
    finally:
        s.close()


def test_program_with_zero_weeks_and_parts_switched_off():
    p = ProgramExplorer(figure=False, weeks=0)
    try:
        assert p.summary().startswith("week 0:")
        assert "prescription" in p.prescription_panel.value.lower()
        p.set(weeks=12)
        for cb in p.parts.values():
            cb.value = False
        r = p.result
        assert all(math.isclose(t, r.tilt_deg[0]) for t in r.tilt_deg)
    finally:
        p.close()


def _text(html_value):
    import re

    return re.sub(r"<[^>]+>", "", html_value)


def test_figure_has_a_live_text_description_next_to_it(app):
    """Accessibility: an HTML description (>= 40 characters) right after the figure in the
    app's widget tree, stating what the figure shows (tests/browser/explorer.js)."""
    text = _text(app.figure_description.value)
    assert len(text) >= 40 and text.startswith("What the figure shows.")
    children = _leaves(app.widget)  # the widget tree in document (reading) order
    i = children.index(app.figure_description)
    assert children[i - 1] is app.figure.canvas or "matplotlib widget" in children[i - 1].value


def _leaves(w):
    """Every leaf widget under ``w`` in document order (an ipympl canvas is a leaf)."""
    kids = getattr(w, "children", None)
    if not kids or not isinstance(kids, tuple | list):
        return [w]
    return [leaf for k in kids for leaf in _leaves(k)]


@pytest.mark.parametrize(
    ("cls", "change", "before", "after"),
    [
        (
            AbductionExplorer,
            {"angle_deg": 30.0, "ankle_weight_kg": 2.0},
            ["raised 0 deg above parallel", "43.9 N m", "34 % of maximum", "outside it"],
            ["raised 30 deg above parallel", "2 kg ankle weight", "inside it"],
        ),
        (
            StanceExplorer,
            {"abductor_strength": 0.3},
            ["drops 0.0 deg", "52 % of maximum"],
            [
                "drops 6.9 deg",
                "172 % of maximum",
                "1.30 body weights",
                "lean needed now is 14.4 deg",
            ],
        ),
        (
            ProgramExplorer,
            {"weeks": 6.0, "stretch_quads": None},
            ["over 12 weeks", "from 102 to 125 N m", "quadriceps stretching"],
            ["over 6 weeks"],
        ),
    ],
)
def test_figure_description_follows_the_controls(cls, change, before, after):
    a = cls(figure=False)
    try:
        text = _text(a.figure_description.value)
        for s in before:
            assert s in text, (s, text)
        if cls is ProgramExplorer:  # the tilt numbers are the model's (bm.program())
            r = bm.program()
            assert f"from {r.tilt_deg[0]:.1f} to {r.tilt_deg[-1]:.1f} deg" in text
        if "stretch_quads" in change:
            change = {k: v for k, v in change.items() if k != "stretch_quads"}
            a.parts["stretch_quads"].value = False
        a.set(**change)
        text = _text(a.figure_description.value)
        for s in after:
            assert s in text, (s, text)
        if cls is ProgramExplorer:
            assert "quadriceps stretching" not in text
            assert f"from {a.result.tilt_deg[0]:.1f} to {a.result.tilt_deg[-1]:.1f} deg" in text
    finally:
        a.close()


def test_figure_description_when_the_model_refuses():
    s = StanceExplorer(figure=False)
    try:
        s._compute = lambda: (_ for _ in ()).throw(ValueError("no balance"))
        s.update()
        assert s.last_error
        assert "refused" in _text(s.figure_description.value)
    finally:
        s.close()
