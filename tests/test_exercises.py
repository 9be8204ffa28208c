"""Side-lying hip abduction: validation target V4, properties, the dose and bad input."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import backspasm_model as bm
from backspasm_model.exercises import abduction as ex
from backspasm_model.exercises.dose import prescribed_dose

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
R = ex.EXERCISE_INPUT_RANGES


def _floats(lo, hi):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


# ---------------------------------------------------------------------------------------------
# V4: leg gravity torque at 0 deg, 75 kg person (docs/validation.md)


def test_v4_gait2392_leg_gives_49_5_Nm():
    r = bm.side_lying_abduction(0.0, body_mass_kg=75.0, segments="gait2392")
    assert float(r.torque_Nm) == pytest.approx(49.5, abs=0.1)


def test_v4_dempster_winter_gives_43_7_Nm():
    r = bm.side_lying_abduction(0.0, body_mass_kg=75.0, segments="dempster_winter")
    assert float(r.torque_Nm) == pytest.approx(43.7, abs=0.1)


@pytest.mark.parametrize("segments", ex.SEGMENT_TABLES)
def test_v4_every_segment_table_lies_in_the_derived_band(segments):
    tau0 = float(bm.side_lying_abduction(0.0, body_mass_kg=75.0, segments=segments).torque_Nm)
    assert 43.5 <= tau0 <= 50.0
    tau45 = float(bm.side_lying_abduction(45.0, body_mass_kg=75.0, segments=segments).torque_Nm)
    assert tau45 == pytest.approx(tau0 * math.cos(math.radians(45.0)), rel=1e-12)


def test_v4_gait2392_torque_at_45_deg_is_about_35_Nm():
    r = bm.side_lying_abduction(45.0, segments="gait2392")
    assert float(r.torque_Nm) == pytest.approx(35.0, abs=0.1)


def test_v4_ankle_weight_adds_8_1_Nm_per_kg_at_0_deg():
    r = bm.side_lying_abduction(0.0, ankle_weight_kg=1.0)
    assert float(r.ankle_weight_torque_Nm) == pytest.approx(8.1, abs=0.05)
    assert float(r.ankle_weight_Nm_per_kg) == pytest.approx(8.1, abs=0.05)


@pytest.mark.parametrize("params", ex.CAPACITY_SETS)
@pytest.mark.parametrize("segments", ["de_leva_male", "gait2392"])
def test_v4_unloaded_exercise_needs_a_substantial_fraction_of_capacity(params, segments):
    # derived model check: 27-39 % at 0 deg (gait2392 / Rajagopal capacities), rising with angle
    r = bm.side_lying_abduction(
        [0.0, 20.0, 40.0], body_mass_kg=75.165, segments=segments, params=params
    )
    assert 0.22 <= r.effort_fraction[0] <= 0.40
    assert np.all(np.diff(r.effort_fraction) > 0)
    # EMG check (Distefano 2009: gluteus medius 81 +/- 42 % MVIC): the effort at 40 deg lies
    # within one SD of that mean
    assert 0.39 <= r.effort_fraction[-1] <= 1.23


def test_capacity_table_is_reproduced_at_the_tabulated_angles():
    angles = np.array([0, 10, 20, 30, 40, 50], dtype=float)
    got = ex.abductor_capacity_Nm(angles, body_mass_kg=75.165)
    np.testing.assert_allclose(got, [127.7, 125.4, 113.2, 93.9, 71.2, 46.7])
    got = ex.abductor_capacity_Nm(angles, params="rajagopal2016", body_mass_kg=75.165)
    np.testing.assert_allclose(got, [182.8, 180.3, 163.3, 122.0, 73.3, 34.2])


def test_parallel_rule_effort_climbs_and_substitution_zone_is_25_to_45_deg():
    r = bm.side_lying_abduction()
    assert r.angle_deg[0] == pytest.approx(-12.0)
    # the torque is largest at parallel, but the effort keeps rising past it
    i0 = int(np.argmin(np.abs(r.angle_deg)))
    assert np.argmax(r.torque_Nm) == i0
    assert r.effort_fraction[-1] > 1.4 * r.effort_fraction[i0]
    assert np.all(r.substitution_likelihood[r.angle_deg <= 25.0] == 0.0)
    assert np.all(r.substitution_likelihood[r.angle_deg >= 45.0] == 1.0)
    np.testing.assert_array_equal(r.substitution_zone, r.angle_deg >= 25.0)


def test_resting_angle_is_about_minus_12_deg():
    assert float(ex.resting_angle_deg()) == pytest.approx(-11.66, abs=0.01)


# ---------------------------------------------------------------------------------------------
# Properties


@FAST
@given(
    angle=_floats(-20.0, 50.0),
    mass=_floats(30.0, 200.0),
    seg=st.sampled_from(ex.SEGMENT_TABLES),
    w=_floats(0.0, 10.0),
)
def test_torque_falls_as_cos_angle(angle, mass, seg, w):
    r0 = bm.side_lying_abduction(0.0, body_mass_kg=mass, segments=seg, ankle_weight_kg=w)
    r = bm.side_lying_abduction(angle, body_mass_kg=mass, segments=seg, ankle_weight_kg=w)
    assert float(r.torque_Nm) == pytest.approx(
        float(r0.torque_Nm) * math.cos(math.radians(angle)), rel=1e-12
    )


@FAST
@given(
    angle=_floats(-20.0, 50.0),
    w1=_floats(0.0, 10.0),
    w2=_floats(0.0, 10.0),
    length=_floats(0.6, 1.1),
)
def test_ankle_weight_adds_a_torque_proportional_to_its_mass(angle, w1, w2, length):
    t0 = float(bm.side_lying_abduction(angle, leg_length_m=length).torque_Nm)
    t1 = float(bm.side_lying_abduction(angle, ankle_weight_kg=w1, leg_length_m=length).torque_Nm)
    t2 = float(bm.side_lying_abduction(angle, ankle_weight_kg=w2, leg_length_m=length).torque_Nm)
    per_kg = 9.81 * length * math.cos(math.radians(angle))
    assert t1 - t0 == pytest.approx(w1 * per_kg, abs=1e-9)
    assert t2 - t0 == pytest.approx(w2 * per_kg, abs=1e-9)


@FAST
@given(s1=_floats(0.1, 3.0), s2=_floats(0.1, 3.0), angle=_floats(-20.0, 50.0))
def test_stronger_abductors_never_raise_the_effort(s1, s2, angle):
    lo, hi = sorted((s1, s2))
    e_lo = float(bm.side_lying_abduction(angle, abductor_strength=lo).effort_fraction)
    e_hi = float(bm.side_lying_abduction(angle, abductor_strength=hi).effort_fraction)
    assert e_hi <= e_lo + 1e-12


def test_a_sweep_broadcasts_and_matches_scalar_calls():
    masses = np.array([[50.0], [75.0], [120.0]])
    angles = np.linspace(-10, 50, 7)
    r = bm.side_lying_abduction(angles, body_mass_kg=masses, ankle_weight_kg=1.5)
    assert r.torque_Nm.shape == (3, 7)
    for i, m in enumerate(masses[:, 0]):
        for j, a in enumerate(angles):
            s = bm.side_lying_abduction(a, body_mass_kg=m, ankle_weight_kg=1.5)
            assert r.torque_Nm[i, j] == pytest.approx(float(s.torque_Nm), rel=1e-12)
            assert r.effort_fraction[i, j] == pytest.approx(float(s.effort_fraction), rel=1e-12)


# ---------------------------------------------------------------------------------------------
# The dose


def test_dose_comes_from_the_prescription_data():
    d = prescribed_dose()
    assert (d["sets"], d["reps"], d["sides"]) == (3, 10, 2)
    assert "prescription.toml" in d["source"]
    r = bm.abduction_dose()
    assert (r.sets, r.reps, r.sides) == (3, 10, 2)
    assert r.rep_peak_effort.shape == (3, 10)


def test_dose_angular_impulse_adds_up():
    r = bm.abduction_dose(rep_duration_s=4.0)
    assert float(r.angular_impulse_per_side_Nms) == pytest.approx(
        30 * float(r.angular_impulse_per_rep_Nms)
    )
    assert float(r.angular_impulse_session_Nms) == pytest.approx(
        2 * float(r.angular_impulse_per_side_Nms)
    )
    # the leg moves between rest (-11.7 deg) and parallel: the mean torque lies between
    # tau(rest) and tau(0)
    tau0 = float(bm.side_lying_abduction(0.0).torque_Nm)
    taur = float(bm.side_lying_abduction(float(ex.resting_angle_deg())).torque_Nm)
    mean = float(r.angular_impulse_per_rep_Nms) / 4.0
    assert taur < mean < tau0
    assert float(r.time_under_load_per_side_s) == pytest.approx(120.0)


def test_dose_ankle_weight_raises_the_impulse_by_its_torque():
    r0 = bm.abduction_dose()
    r2 = bm.abduction_dose(ankle_weight_kg=2.0)
    assert float(r2.ankle_weight_Nm_per_kg) == pytest.approx(8.1, abs=0.05)
    extra = float(r2.angular_impulse_per_rep_Nms - r0.angular_impulse_per_rep_Nms)
    assert 0 < extra < 2.0 * 8.11 * 4.0


def test_reps_above_effort_counts_with_fatigue_and_threshold():
    base = bm.abduction_dose(effort_threshold=0.4)
    assert int(base.reps_above_effort) == 0
    assert int(bm.abduction_dose(effort_threshold=0.3).reps_above_effort) == 30
    tired = bm.abduction_dose(effort_threshold=0.36, fatigue_per_rep=0.02)
    n = int(tired.reps_above_effort)
    assert 0 < n < 30 and n % 3 == 0  # the same late reps of each set
    assert np.all(np.diff(tired.rep_peak_effort, axis=-1) > 0)


def test_dose_broadcasts_over_ankle_weights():
    r = bm.abduction_dose(ankle_weight_kg=[0.0, 1.0, 2.0, 3.0])
    assert r.angular_impulse_per_rep_Nms.shape == (4,)
    assert r.rep_peak_effort.shape == (4, 3, 10)
    assert np.all(np.diff(r.angular_impulse_per_rep_Nms) > 0)


# ---------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    "name, value, shown",
    [
        ("angle_deg", 70.0, "70.0"),
        ("angle_deg", float("nan"), "nan"),
        ("body_mass_kg", -75.0, "-75.0"),
        ("ankle_weight_kg", -1.0, "-1.0"),
        ("ankle_weight_kg", 25.0, "25.0"),
        ("abductor_strength", 0.0, "0.0"),
        ("leg_length_m", 2.0, "2.0"),
        ("thigh_share", 0.9, "0.9"),
    ],
)
def test_side_lying_bad_input_names_parameter_value_range_unit(name, value, shown):
    rng = R[name]
    kwargs = {name: value} if name != "angle_deg" else {}
    args = (value,) if name == "angle_deg" else ()
    with pytest.raises(ValueError) as info:
        bm.side_lying_abduction(*args, **kwargs)
    msg = str(info.value)
    assert name in msg and shown in msg
    assert f"{rng.lo:g} to {rng.hi:g}" in msg and rng.unit in msg


@pytest.mark.parametrize(
    "name, value, shown",
    [
        ("top_angle_deg", 80.0, "80.0"),
        ("rep_duration_s", 0.0, "0.0"),
        ("fatigue_per_rep", 0.5, "0.5"),
        ("effort_threshold", -0.1, "-0.1"),
        ("sets", 0, "sets = 0 sets"),
        ("reps", 100, "reps = 100 reps"),
        ("ankle_weight_kg", float("inf"), "inf"),
    ],
)
def test_dose_bad_input_names_parameter_value_range_unit(name, value, shown):
    rng = R[name]
    with pytest.raises(ValueError) as info:
        bm.abduction_dose(**{name: value})
    msg = str(info.value)
    assert name in msg and shown in msg
    assert f"{rng.lo:g} to {rng.hi:g}" in msg and rng.unit in msg


def test_fractional_sets_are_refused():
    with pytest.raises(ValueError, match="sets = 2.5 sets"):
        bm.abduction_dose(sets=2.5)


@pytest.mark.parametrize("kw, value", [("segments", "dempster"), ("params", "osim")])
def test_unknown_tables_name_the_choices(kw, value):
    with pytest.raises(ValueError, match=f"{kw} = '{value}' is not allowed; choose one of"):
        bm.side_lying_abduction(0.0, **{kw: value})


def test_wrong_types_name_the_parameter():
    with pytest.raises(TypeError, match="ankle_weight_kg"):
        bm.side_lying_abduction(0.0, ankle_weight_kg="heavy")


# --- dose: every in-range combination works, types checked first, memory bounded (issue 14) --


def test_capacity_running_out_is_a_failed_rep_not_an_error_or_689_percent():
    r = bm.abduction_dose(reps=21, fatigue_per_rep=0.05)
    assert r.rep_peak_effort.shape == (3, 21)
    assert np.all(r.rep_peak_effort <= 1.0)
    failed = r.rep_failed[0]
    # once a rep fails, every later rep of the set fails too (capacity only falls)
    first = int(np.argmax(failed))
    assert failed[first:].all() and not failed[:first].any()
    assert int(r.reps_failed) == 3 * int(failed.sum())
    assert int(r.reps_above_effort) >= int(r.reps_failed)
    twenty = bm.abduction_dose(reps=20, fatigue_per_rep=0.05)
    assert float(twenty.rep_peak_effort.max()) == 1.0 and bool(twenty.rep_failed[0, -1])


def test_no_fatigue_means_no_failed_rep_at_the_prescribed_dose():
    r = bm.abduction_dose()
    assert int(r.reps_failed) == 0 and not r.rep_failed.any()


@pytest.mark.parametrize(
    "value, why",
    [
        (["1"], "text"),
        (np.array([True]), "booleans"),
        (1 + 0j, "complex"),
        ([1 + 0j], "complex"),
        (None, "NoneType"),
        ("1", "str"),
    ],
)
def test_dose_checks_types_before_any_cast(value, why):
    with pytest.raises(TypeError, match=f"ankle_weight_kg = .*{why}.*0 to 10 kg"):
        bm.abduction_dose(ankle_weight_kg=value)


def test_a_top_below_the_resting_angle_names_both():
    with pytest.raises(ValueError) as info:
        bm.abduction_dose(top_angle_deg=-10.0, leg_length_m=1.1)
    msg = str(info.value)
    assert "top_angle_deg = -10.0 deg" in msg and "leg_length_m = 1.1 m" in msg
    assert "resting angle -8.7 deg" in msg and "-8.7 to 50 deg" in msg
    # the same top is fine for the default leg (rest at -11.7 deg)
    assert bm.abduction_dose(top_angle_deg=-10.0).top_angle_deg == -10.0


def test_a_large_sweep_equals_the_element_by_element_doses():
    from backspasm_model.exercises import dose as dose_mod

    n = 3 * dose_mod._BLOCK + 7  # several blocks and a ragged last one
    top = np.linspace(-10.0, 50.0, n)
    mass = np.linspace(40.0, 120.0, n)
    r = bm.abduction_dose(top_angle_deg=top, body_mass_kg=mass, fatigue_per_rep=0.03)
    assert r.rep_peak_effort.shape == (n, 3, 10)
    for i in (0, dose_mod._BLOCK - 1, dose_mod._BLOCK, n - 1):
        one = bm.abduction_dose(top_angle_deg=top[i], body_mass_kg=mass[i], fatigue_per_rep=0.03)
        np.testing.assert_allclose(r.rep_peak_effort[i], one.rep_peak_effort, rtol=1e-12)
        np.testing.assert_allclose(
            r.angular_impulse_per_rep_Nms[i], one.angular_impulse_per_rep_Nms, rtol=1e-12
        )
        assert r.reps_above_effort[i] == one.reps_above_effort


def test_the_dose_lift_matches_side_lying_abduction():
    # the dose's fast lift (gain x cos, capacity table) is the same model as the exercise
    from backspasm_model.exercises import dose as dose_mod

    rest = float(bm.side_lying_abduction(0.0).resting_angle_deg)
    path = rest + (30.0 - rest) * dose_mod._SHAPE01
    ref = bm.side_lying_abduction(path, body_mass_kg=80.0, ankle_weight_kg=2.0)
    r = bm.abduction_dose(
        top_angle_deg=30.0, body_mass_kg=80.0, ankle_weight_kg=2.0, rep_duration_s=1.0
    )
    assert float(r.angular_impulse_per_rep_Nms) == pytest.approx(ref.torque_Nm.mean(), rel=1e-12)
    assert float(r.rep_peak_effort[0, 0]) == pytest.approx(ref.effort_fraction.max(), rel=1e-12)
