"""The prediction widget: it records the learner's answer before the answer shows, locks it,
and the end-of-lesson comparison shows it next to what the model says."""

import pytest

pytest.importorskip("ipywidgets")

from backspasm_model.apps import Prediction, PredictionSummary  # noqa: E402
from backspasm_model.apps.prediction import STALE_PREDICTION_TEXT  # noqa: E402


def test_number_prediction_records_and_locks():
    p = Prediction("How far does the pelvis tilt?", kind="number", unit="deg", model_value=3.1)
    assert "3.1" not in p.feedback.value  # nothing revealed before committing
    p.answer.value = "2,5"
    p.button.click()
    assert p.committed and p.value == 2.5
    assert p.answer.disabled and p.button.disabled
    assert "2.5 deg" in p.feedback.value and "3.1 deg" in p.feedback.value
    p.answer.value = "9"  # locked: a later edit changes nothing
    p.commit()
    assert p.value == 2.5


def test_unreadable_number_is_refused():
    p = Prediction("QL change?", kind="number", unit="mm")
    p.answer.value = "about two"
    p.commit()
    assert not p.committed and p.value is None and "number" in p.feedback.value


def test_choice_prediction_and_summary_show_both():
    p = Prediction(
        "Stronger quads tilt the pelvis", kind="choice", options=["more", "less", "the same"]
    )
    q = Prediction("Tilt in degrees?", kind="number", unit="deg", model_value=3.1)
    q.answer.value = "4"
    q.commit()
    p.answer.value = "less"
    p.commit()
    p.reveal("more")
    s = PredictionSummary([p, q])
    table = s.table_html()
    assert "less" in table and "more" in table and "4 deg" in table and "3.1 deg" in table
    assert "you predicted" in table and "the model says" in table
    s.surprise.value = "the direction"
    assert s.surprise.value == "the direction"


def test_summary_lists_uncommitted_and_default_registry():
    p = Prediction("A question nobody answered here", kind="number")
    s = PredictionSummary()
    assert p in s.predictions and "(not committed)" in s.table_html()


def test_bad_kind_and_choice_without_options():
    with pytest.raises(ValueError, match="kind"):
        Prediction("q", kind="text")
    with pytest.raises(ValueError, match="options"):
        Prediction("q", kind="choice", options=["only one"])


def test_saved_notebook_text_says_run_the_cell():
    p = Prediction("q?", kind="number")
    assert p._repr_mimebundle_()["text/plain"] == STALE_PREDICTION_TEXT
    assert "run this cell" in STALE_PREDICTION_TEXT
