"""The balance explorer without a browser: widgets in, readouts and artists out.

Drives the widgets' values (as a learner's clicks would), then checks the readouts and the
figure's artist data against :func:`backspasm_model.stand`; checks that extreme and invalid
values are clamped or refused with a visible message and never raise; and runs a short soak.
Behaviour only: no timings are asserted (see benchmarks/).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import backspasm_model as bm  # noqa: E402
from backspasm_model.apps.balance import CONTROLS, BalanceExplorer  # noqa: E402
from backspasm_model.core import kinematics  # noqa: E402
from backspasm_model.core.balance import VIEW_GROUPS  # noqa: E402
from backspasm_model.core.parameters import pelvis_data  # noqa: E402
from backspasm_model.exercises import prescription  # noqa: E402
from backspasm_model.plotting.balance import PALETTE, BalanceFigure, compute_posture  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from soak_explorer import soak  # noqa: E402


@pytest.fixture
def app():
    a = BalanceExplorer()
    yield a
    a.close()


def _tilt(**kw) -> float:
    return float(bm.stand(**kw).tilt_deg)


def test_defaults_match_the_model(app):
    r = bm.stand()
    assert app.posture is not None
    assert app.posture.tilt_deg == pytest.approx(float(r.tilt_deg), abs=1e-9)
    assert f"{float(r.tilt_deg):.1f} deg anterior" in app.readout.value
    assert f"{float(r.ql_length_change_mm):+.2f} mm" in app.readout.value
    assert f"{100 * float(r.ql_force_capacity):.2f} %" in app.readout.value
    for key in CONTROLS:
        assert app.sliders[key].value == pytest.approx(bm.DEFAULTS[key])
    assert app.message.value == ""


def test_every_control_is_labelled_with_its_unit(app):
    for key, s in app.sliders.items():
        rng = bm.INPUT_RANGES[key]
        assert "(" in s.description and ")" in s.description
        assert s.min == rng.lo and s.max == rng.hi
    assert "(kg)" in app.sliders["body_mass_kg"].description
    assert "x nominal" in app.sliders["quad_strength"].description


@pytest.mark.parametrize(
    "key,value",
    [
        ("quad_strength", 2.5),
        ("hamstring_strength", 0.5),
        ("quad_tightness", 0.2),
        ("hamstring_tightness", 0.1),
        ("body_mass_kg", 120.0),
    ],
)
def test_slider_moves_readouts_and_artists_as_the_model_says(app, key, value):
    app.sliders[key].value = value
    r = bm.stand(**{key: value})
    tilt = float(r.tilt_deg)
    p = app.posture
    assert p.tilt_deg == pytest.approx(tilt, abs=1e-9)
    assert f"{abs(tilt):.1f} deg" in app.readout.value
    # operating point on the balance curve and the curve itself
    fig = app.figure
    assert fig.operating_point.get_xdata()[0] == pytest.approx(tilt)
    assert fig.operating_point.get_ydata()[0] == 0.0
    x, y = fig.curve.get_data()
    expect = bm.net_moment_Nm(kinematics.model_tilt_deg(x), **{key: value})
    np.testing.assert_allclose(y, expect, rtol=1e-12, atol=1e-12)
    # the curve crosses zero at the operating point
    assert np.interp(0.0, -y, x) == pytest.approx(tilt, abs=0.05)
    # QL line from the iliac crest to the 12th rib follows the pelvis
    a, b = kinematics.QL_FASCICLES[kinematics.QL_HEADLINE][:2]
    pts = pelvis_data()["ql"]["points_m"]
    qx, qy = fig.ql_line.get_data()
    cx, cy = kinematics.point_position_m(float(r.model_tilt_deg), pts[a], 0)
    assert (qx[0], qy[0]) == pytest.approx((float(cx), float(cy)))
    body_b = pelvis_data()["ql"]["point_body"][b]
    rx, ry = kinematics.point_position_m(float(r.model_tilt_deg), pts[b], body_b)
    assert (qx[1], qy[1]) == pytest.approx((float(rx), float(ry)))
    assert math.hypot(qx[1] - qx[0], qy[1] - qy[0]) <= float(r.ql_length_m)  # sagittal part
    # ASIS and PSIS markers
    lx, ly = fig.sticks["landmarks"].get_data()
    asis = pelvis_data()["clinical"]["asis_point_m"]["value"]
    ax_, ay_ = kinematics.point_position_m(float(r.model_tilt_deg), asis, 0)
    assert (lx[0], ly[0]) == pytest.approx((float(ax_), float(ay_)))
    # QL operating point on the force-length curve
    assert fig.ql_point.get_xdata()[0] == pytest.approx(float(r.ql_normalised_fibre_length))
    assert fig.ql_point.get_ydata()[0] == pytest.approx(float(r.ql_force_capacity))
    # group moments in the readout
    for g in VIEW_GROUPS["full"]:
        assert f"{float(r.group_moments_Nm[g]):+.1f}" in app.readout.value


def test_stronger_quads_tilt_forward_and_shorten_the_ql(app):
    before = app.posture
    app.sliders["quad_strength"].value = 3.0
    after = app.posture
    assert after.tilt_deg > before.tilt_deg
    assert after.ql_change_mm < before.ql_change_mm
    assert app.figure.operating_point.get_xdata()[0] > before.tilt_deg


def test_muscle_shading_follows_force(app):
    w0 = app.figure.muscle_lines["quadriceps"].get_linewidth()
    app.sliders["quad_tightness"].value = 0.3
    assert app.figure.muscle_lines["quadriceps"].get_linewidth() > w0
    # full colour (palette) kept, opacity carries the rest
    rgba = app.figure.muscle_lines["quadriceps"].get_color()
    assert matplotlib.colors.to_hex(rgba[:3]) == PALETTE["quadriceps"].lower()


def test_seed_view_hides_other_groups_and_changes_tilt(app):
    app.view.value = "seed"
    assert app.posture.tilt_deg == pytest.approx(_tilt(view="seed"))
    for g, line in app.figure.muscle_lines.items():
        assert line.get_visible() == (g in VIEW_GROUPS["seed"])
    assert "seed view" in app.summary()
    assert "iliopsoas" not in app.readout.value


def test_parameter_set_switch(app):
    app.params.value = "rajagopal2016"
    assert app.posture.tilt_deg == pytest.approx(_tilt(params="rajagopal2016"))
    assert "rajagopal2016" in app.summary()


@pytest.mark.parametrize("value,expected", [(99.0, 3.0), (-5.0, 0.25), (1e300, 3.0)])
def test_extreme_slider_values_are_clamped(app, value, expected):
    app.sliders["quad_strength"].value = value
    assert app.sliders["quad_strength"].value == expected
    assert app.posture.tilt_deg == pytest.approx(_tilt(quad_strength=expected))


def test_nan_is_refused_with_a_visible_message(app):
    app.sliders["hamstring_strength"].value = float("nan")  # refused: keeps its value
    assert app.sliders["hamstring_strength"].value == 1.0
    assert "not a number" in app.message.value
    assert app.posture is not None


@pytest.mark.parametrize(
    "kw,text",
    [
        ({"quad_strength": "strong"}, "must be a number"),
        ({"quad_strength": None}, "must be a number"),
        ({"body_mass_kg": 500}, "clamped"),
        ({"view": "sideways"}, "view must be one of"),
        ({"params": "my_model"}, "params must be one of"),
        ({"activation": 0.5}, "not a control"),
    ],
)
def test_invalid_values_via_set_never_raise(app, kw, text):
    app.set(**kw)
    assert text in app.message.value
    assert app.posture is not None


def test_model_error_is_shown_not_raised(app, monkeypatch):
    import backspasm_model.apps.balance as apps_mod

    def boom(*a, **k):
        raise bm.NoPostureError("no stable standing posture within the window")

    monkeypatch.setattr(apps_mod, "compute_posture", boom)
    app.sliders["quad_strength"].value = 2.0  # must not raise
    assert "No posture" in app.message.value
    assert app.posture is None
    assert app.summary().startswith("no posture")
    assert app.figure.message_text.get_visible()
    monkeypatch.undo()
    app.sliders["quad_strength"].value = 1.5
    assert app.message.value == "" and app.posture is not None
    assert not app.figure.message_text.get_visible()


def test_reset_returns_to_the_state_the_app_was_created_with(app):
    app.set(quad_strength=2.0, hamstring_tightness=0.2, view="seed", params="rajagopal2016")
    app.reset_button.click()
    assert app.inputs() == pytest.approx({k: bm.DEFAULTS[k] for k in CONTROLS})
    assert app.view.value == "full" and app.params.value == "gait2392"
    assert app.posture.tilt_deg == pytest.approx(_tilt())


def test_reset_keeps_lesson_01s_two_muscle_view():
    """Lesson 02 opens the explorer in the two-muscle view; Task 1 says "reset, then
    hamstrings 0.5" and expects the seed view's number."""
    a = BalanceExplorer(view="seed")
    try:
        a.set(view="full", quad_strength=2.0)
        a.reset()
        a.set(hamstring_strength=0.5)
        assert a.view.value == "seed"
        assert a.posture.tilt_deg == pytest.approx(_tilt(view="seed", hamstring_strength=0.5))
    finally:
        a.close()


def test_reset_then_apply_the_programme_in_lesson_03():
    """Lesson 05 starts quad-tight with weak hamstrings; reset + "apply the program" must
    give what the lesson's self-check computes from that start."""
    start = {"quad_tightness": 0.15, "hamstring_strength": 0.8}
    a = BalanceExplorer(**start)
    try:
        a.set(quad_tightness=0.0, hamstring_strength=1.0, quad_strength=0.5)
        a.reset_button.click()
        assert a.inputs() == pytest.approx({**{k: bm.DEFAULTS[k] for k in CONTROLS}, **start})
        a.apply_button.click()
        expect = _tilt(**prescription.apply_program(start))
        assert a.posture.tilt_deg == pytest.approx(expect)
        assert f"{abs(expect):.1f} deg" in a.readout.value
    finally:
        a.close()


def test_keep_previous_leaves_a_ghost(app):
    first = app.posture
    app.keep.value = True
    app.sliders["quad_tightness"].value = 0.25
    gx = app.figure.ghost_point.get_xdata()
    assert gx[0] == pytest.approx(first.tilt_deg)
    assert app.figure.operating_point.get_xdata()[0] > first.tilt_deg
    np.testing.assert_allclose(app.figure.ghost["pelvis"].get_xdata(), first.segments["pelvis"][0])
    app.keep.value = False
    assert len(app.figure.ghost_point.get_xdata()) == 0


def test_apply_the_program_moves_sliders_as_the_prescription_says(app):
    app.set(quad_tightness=0.15, hamstring_strength=0.8)
    before = app.posture
    app.apply_button.click()
    expect = prescription.apply_program({"quad_tightness": 0.15, "hamstring_strength": 0.8})
    assert app.sliders["quad_tightness"].value == pytest.approx(expect["quad_tightness"])
    assert app.sliders["hamstring_strength"].value == pytest.approx(expect["hamstring_strength"])
    assert app.keep.value is True
    assert app.figure.ghost_point.get_xdata()[0] == pytest.approx(before.tilt_deg)
    assert app.posture.tilt_deg < before.tilt_deg  # the programme tilts the pelvis back
    assert app.posture.tilt_deg == pytest.approx(_tilt(**expect))


def test_prescription_panel_is_data_with_claims_and_note(app):
    html = app.prescription_panel.value
    for it in prescription.ITEMS:
        assert it.what in html
        for c in it.claims:
            assert c in html
    for c in ("C5", "C8", "C9"):
        assert c in html
    assert "3 x 10 reps per side" in html
    assert "parallel" in html and "ankle weights" in html
    assert "teaching model, not medical advice" in html


def test_prescription_data_is_consistent():
    allowed_claims = {f"C{i}" for i in range(1, 10)}
    for it in prescription.ITEMS:
        assert set(it.claims) <= allowed_claims
        assert it.dose["sets"] >= 1 and it.dose["reps"] >= 1
        assert it.dose["form_cues"] and it.dose["load_progression"]
        for m in it.moves:
            assert m.input in bm.INPUT_RANGES
            assert m.mode in ("add", "multiply")
            lo, hi = m.range
            assert lo <= m.amount <= hi
            assert m.status in ("read", "assumption")
            assert m.source
    abd = next(it for it in prescription.ITEMS if it.id == "side_lying_hip_abduction")
    assert (abd.dose["sets"], abd.dose["reps"], abd.dose["per_side"]) == (3, 10, True)


def test_apply_program_clamps_to_ranges():
    out = prescription.apply_program({"quad_tightness": 0.0, "hamstring_strength": 3.0})
    assert out["quad_tightness"] == 0.0
    assert out["hamstring_strength"] == 3.0


def test_no_figure_per_update(app):
    nums = plt.get_fignums()
    for v in np.linspace(0.3, 2.9, 25):
        app.sliders["quad_strength"].value = float(v)
    app.view.value = "seed"
    app.apply_button.click()
    assert plt.get_fignums() == nums


def test_app_without_figure_still_reads_out():
    a = BalanceExplorer(figure=False, quad_strength=2.0)
    try:
        assert a.figure is None
        assert a.posture.tilt_deg == pytest.approx(_tilt(quad_strength=2.0))
        a.sliders["hamstring_strength"].value = 2.0
        assert a.posture.tilt_deg == pytest.approx(_tilt(quad_strength=2.0, hamstring_strength=2.0))
    finally:
        a.close()


def test_projector_screenshot_size(tmp_path):
    bf = BalanceFigure()
    try:
        bf.update(compute_posture({}))
        out = tmp_path / "shot.png"
        bf.save_png(str(out), size_px=(1280, 720))
        img = plt.imread(out)
        assert img.shape[:2] == (720, 1280)
    finally:
        bf.close()


def test_short_soak():
    r = soak(400, seed=1)
    assert r["exceptions"] == 0
    assert r["fignums_unchanged"] == 1.0
    assert r["rss_growth_MB"] < 10.0
