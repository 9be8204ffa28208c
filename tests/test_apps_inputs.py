"""What a learner types into the apps and self-checks (issue 14, items 8, 10 and 15).

* A decimal comma typed into a slider's number box is a decimal point; text that is not a
  number, NaN and infinities are refused with a message and leave the control as it was.
* ``set`` with a bad option (``params="nonsense"``) is a message in every app, never a
  TraitError.
* Self-check feedback is decided on the numbers it shows (3.86 against 3.96 to 0.1 is
  "within", said once); self-checks are widgets, so an unquoted word is just text.
"""

from __future__ import annotations

import io
from contextlib import redirect_stdout

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

pytest.importorskip("ipywidgets")

import backspasm_model as bm  # noqa: E402
from backspasm_model.apps import (  # noqa: E402
    AbductionExplorer,
    BalanceExplorer,
    ClaimsExplorer,
    ProgramExplorer,
    StanceExplorer,
)
from backspasm_model.apps.selfcheck import (  # noqa: E402
    ChoiceCheck,
    NumberCheck,
    check_choice,
    check_number,
    number_feedback,
)

APPS = [BalanceExplorer, AbductionExplorer, StanceExplorer, ProgramExplorer, ClaimsExplorer]


@pytest.fixture(params=APPS, ids=lambda c: c.__name__)
def app(request):
    cls = request.param
    a = cls() if cls is ClaimsExplorer else cls(figure=False)
    yield a
    a.close()


def _slider(app):
    key = "quad_strength" if "quad_strength" in app.sliders else next(iter(app.sliders))
    return key, app.sliders[key]


def test_decimal_comma_typed_into_a_slider_box_is_a_decimal_point(app):
    key, s = _slider(app)
    target = round((s.min + s.max) / 2, 1)
    typed = f"{target:.1f}".replace(".", ",")
    s.entry.value = typed  # the learner types "1,5" and presses Enter
    assert s.value == pytest.approx(target)
    assert app.inputs()[key] == pytest.approx(target)  # what the model is given
    assert s.entry.value == format(target, s.readout_format)
    assert app.message.value == ""
    assert s.readout is False  # no JavaScript readout that reads "1,5" as 1


@pytest.mark.parametrize("typed", ["abc", "nan", "inf", "1,000.5", "1.2.3", ""])
def test_text_that_is_not_a_number_is_refused_with_a_message(app, typed):
    key, s = _slider(app)
    before = s.value
    s.entry.value = typed
    assert s.value == before
    assert "not understood as a number" in app.message.value
    assert s.entry.value == format(before, s.readout_format)  # the box shows the value again


def test_typed_value_outside_the_range_is_clamped_with_a_message(app):
    _key, s = _slider(app)
    s.entry.value = f"{s.max * 10 + 5:g}".replace(".", ",")
    assert s.value == s.max
    assert "clamped" in app.message.value


def test_nan_assigned_to_a_slider_is_refused_with_a_message(app):
    _key, s = _slider(app)
    before = s.value
    s.value = float("nan")
    assert s.value == before
    assert "not a number" in app.message.value


@pytest.mark.parametrize(
    "kw",
    [
        {"params": "nonsense"},
        {"params": 3},
        {"params": None},
        {"view": "sideways"},
        {"segments": ["de_leva_male"]},
        {"train_hamstrings": 2},
        {"quad_strength": 10**400},
        {"quad_strength": 1 + 2j},
        {"no_such_control": 1.0},
    ],
)
def test_set_never_raises_and_says_what_was_wrong(app, kw):
    state = app.state()
    app.set(**kw)  # must not raise (TraitError, OverflowError)
    assert app.message.value != ""
    ((key, val),) = kw.items()
    if key == "quad_strength" and key in app.sliders and val == 10**400:
        assert app.sliders[key].value == app.sliders[key].max  # clamped, with a note
        assert "clamped" in app.message.value
    else:
        assert app.state() == state  # refused: nothing changed


def test_the_comma_case_reaches_the_model():
    a = BalanceExplorer(figure=False)
    try:
        a.sliders["quad_strength"].entry.value = "1,5"
        assert a.posture.tilt_deg == pytest.approx(float(bm.stand(quad_strength=1.5).tilt_deg))
    finally:
        a.close()


# -- self-checks ------------------------------------------------------------------------


def _printed(fn, *args, **kwargs) -> str:
    buf = io.StringIO()
    with redirect_stdout(buf):
        fn(*args, **kwargs)
    return buf.getvalue()


@pytest.mark.parametrize("answer", [3.86, 3.9, 3.94, "3,86", 4.05])
def test_rounding_never_contradicts_what_is_shown(answer):
    fb = number_feedback(answer, 3.96, tolerance=0.1, unit="deg", what="the tilt")
    assert fb.startswith("Yes"), fb
    assert "4.0 deg" in fb


def test_feedback_is_decided_on_the_shown_numbers_both_ways():
    for a in [round(3.0 + 0.01 * i, 2) for i in range(200)]:
        fb = number_feedback(a, 3.96, tolerance=0.1, unit="deg", what="the tilt")
        shown = float(fb.split("your ")[1].split(" deg")[0])
        assert fb.startswith("Yes") == (abs(shown - 4.0) <= 0.1 + 1e-9), (a, fb)
    fb = _printed(check_number, 3.86, 3.96, tolerance=0.1, unit="deg", what="the tilt")
    assert fb.startswith("Yes") and "3.9 deg" in fb


@pytest.mark.parametrize("answer", ["abc", 10**400, float("nan"), [1], True])
def test_number_self_check_refuses_non_numbers_plainly(answer):
    fb = _printed(check_number, answer, 3.0, tolerance=0.5, unit="deg", what="the tilt")
    assert fb.startswith("Please type a number")
    assert fb.count("\n") == 1


def test_choice_options_compare_case_insensitively():
    fb = _printed(check_choice, "anterior", "Anterior", ("Anterior", "Posterior"), what="x")
    assert fb.startswith("Yes")


def test_number_check_widget():
    c = NumberCheck(3.96, tolerance=0.1, unit="deg", what="the tilt")
    try:
        assert c.check().startswith("Type your estimate")  # nothing typed yet
        c.answer.value = "abc"  # unquoted word: just text
        c.button.click()
        assert "Please type a number" in c.feedback.value and "abc" in c.feedback.value
        c.answer.value = "3,86"
        c.button.click()
        assert c.text.startswith("Yes") and "3.9 deg" in c.text
        c.answer.value = "3.7"
        c.button.click()
        assert c.text.startswith("Not yet") and "too low" in c.text
    finally:
        c.close()


def test_choice_check_widget_explains_each_choice():
    explain = {
        "anterior": "The quadriceps pull the front of the pelvis down.",
        "posterior": "Only if the hamstrings were stronger than the quadriceps.",
        "level": "A level pelvis needs the moments to cancel at zero tilt.",
    }
    c = ChoiceCheck("Anterior", explain, what="the tilt direction")
    try:
        c.button.click()
        assert "Choose an option" in c.text
        for choice, why in explain.items():
            c.answer.value = choice
            c.button.click()
            assert why in c.text
            assert c.text.startswith("Yes" if choice == "anterior" else "Not quite")
        assert "Choose an option" not in c.feedback.value
    finally:
        c.close()
    with pytest.raises(ValueError, match="not one of the choices"):
        ChoiceCheck("sideways", explain, what="the tilt direction")
