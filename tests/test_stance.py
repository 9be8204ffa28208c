"""Single-leg stance: validation target V5, properties and bad input."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import backspasm_model as bm
from backspasm_model.exercises.stance import STANCE_DEFAULTS, STANCE_INPUT_RANGES

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
R = STANCE_INPUT_RANGES


def _floats(lo, hi):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


# ---------------------------------------------------------------------------------------------
# V5 (docs/validation.md): Pauwels lever ratio and abductor force


def test_v5_pauwels_abductor_and_hip_force():
    r = bm.single_leg_stance()
    assert float(r.abductor_force_BW) == pytest.approx(2.24, abs=0.01)
    assert float(r.hip_force_BW) == pytest.approx(3.01, abs=0.01)
    # pass criterion: abductor 1.8-2.6 BW, hip resultant 2.5-3.3 BW
    assert 1.8 <= float(r.abductor_force_BW) <= 2.6
    assert 2.5 <= float(r.hip_force_BW) <= 3.3


@pytest.mark.parametrize("mass", [50.0, 75.0, 120.0])
@pytest.mark.parametrize("params", ["gait2392", "rajagopal2016"])
def test_v5_holds_for_any_body_mass_and_capacity_set(mass, params):
    r = bm.single_leg_stance(body_mass_kg=mass, params=params)
    assert 1.8 <= float(r.abductor_force_BW) <= 2.6
    assert 2.5 <= float(r.hip_force_BW) <= 3.3
    assert float(r.pelvic_drop_deg) == 0.0
    assert bool(r.can_stand)


def test_v5_model_abductor_levers_span_keeps_force_in_band():
    # gait2392/Rajagopal gluteus medius levers 3.2-5.1 cm: force from 1.75 to 2.8 BW,
    # the Pauwels 4 cm sits in the middle
    f = bm.single_leg_stance(abductor_lever_m=np.array([0.032, 0.040, 0.051])).abductor_force_BW
    assert np.all(np.diff(f) < 0)
    assert f[1] == pytest.approx(2.24, abs=0.01)


def test_weak_abductors_drop_the_pelvis_and_a_trunk_lean_levels_it():
    r = bm.single_leg_stance(abductor_strength=0.3)
    assert float(r.effort_fraction) > 1.0
    assert float(r.pelvic_drop_deg) == pytest.approx(6.9, abs=0.1)
    lean = float(r.lean_to_level_deg)
    assert 5.0 < lean < 30.0
    levelled = bm.single_leg_stance(abductor_strength=0.3, trunk_lean_deg=lean)
    assert float(levelled.pelvic_drop_deg) == pytest.approx(0.0, abs=1e-9)
    assert float(levelled.effort_fraction) == pytest.approx(1.0)
    # the swing-side lateral flexors now hold the lean: more than the QL alone can give
    assert float(levelled.ql_effort_if_alone) > 1.0
    assert float(levelled.ql_effort_if_alone) == pytest.approx(float(r.ql_effort_to_level))


def test_leaning_cuts_the_demand_and_the_hip_force():
    r = bm.single_leg_stance(trunk_lean_deg=np.array([0.0, 5.0, 10.0]))
    assert np.all(np.diff(r.demand_Nm) < 0)
    assert np.all(np.diff(r.hip_force_BW) < 0)
    assert np.all(np.diff(r.lateral_moment_Nm) > 0)


# ---------------------------------------------------------------------------------------------
# Properties


@FAST
@given(
    s1=_floats(0.1, 3.0),
    s2=_floats(0.1, 3.0),
    mass=_floats(30.0, 200.0),
    lean=_floats(0.0, 30.0),
    k=_floats(2.0, 15.0),
    a=_floats(0.08, 0.14),
)
def test_weaker_abductors_never_reduce_the_pelvic_drop(s1, s2, mass, lean, k, a):
    weak, strong = sorted((s1, s2))
    kw = dict(
        body_mass_kg=mass,
        trunk_lean_deg=lean,
        frontal_stiffness_Nm_per_deg=k,
        body_weight_lever_m=a,
    )
    d_weak = float(bm.single_leg_stance(abductor_strength=weak, **kw).pelvic_drop_deg)
    d_strong = float(bm.single_leg_stance(abductor_strength=strong, **kw).pelvic_drop_deg)
    assert d_weak >= d_strong >= 0.0


@FAST
@given(
    s=_floats(0.1, 3.0),
    mass=_floats(30.0, 200.0),
    lean=_floats(0.0, 30.0),
    bo=_floats(0.03, 0.06),
    alpha=_floats(10.0, 35.0),
)
def test_moment_balance_closes(s, mass, lean, bo, alpha):
    r = bm.single_leg_stance(
        abductor_strength=s,
        body_mass_kg=mass,
        trunk_lean_deg=lean,
        abductor_lever_m=bo,
        abductor_angle_deg=alpha,
    )
    # muscle + passive restraint times the lever equals the demand
    assert float((r.abductor_force_N + r.passive_force_N) * bo) == pytest.approx(
        float(r.demand_Nm), rel=1e-9, abs=1e-9
    )
    assert float(r.abductor_force_N * bo) <= float(r.capacity_Nm) * (1 + 1e-12)
    # the joint carries at least the body weight above it
    assert float(r.hip_force_BW) >= 0.8136


def test_arrays_broadcast_and_match_scalar_calls():
    s = np.array([[0.2], [0.6], [1.0]])
    m = np.array([60.0, 90.0])
    r = bm.single_leg_stance(abductor_strength=s, body_mass_kg=m)
    assert r.pelvic_drop_deg.shape == (3, 2)
    for i in range(3):
        for j in range(2):
            one = bm.single_leg_stance(abductor_strength=s[i, 0], body_mass_kg=m[j])
            assert r.pelvic_drop_deg[i, j] == pytest.approx(float(one.pelvic_drop_deg))
            assert r.hip_force_N[i, j] == pytest.approx(float(one.hip_force_N))


# ---------------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize("name", list(STANCE_INPUT_RANGES))
@pytest.mark.parametrize("where", ["below", "above", "nan"])
def test_bad_input_names_parameter_value_range_unit(name, where):
    rng = R[name]
    value = {"below": rng.lo - 1.0, "above": rng.hi + 1.0, "nan": float("nan")}[where]
    with pytest.raises(ValueError) as info:
        bm.single_leg_stance(**{name: value})
    msg = str(info.value)
    assert name in msg and repr(value) in msg
    assert f"{rng.lo:g} to {rng.hi:g}" in msg and rng.unit in msg


def test_unknown_input_and_params_are_refused():
    with pytest.raises(TypeError, match="unknown input"):
        bm.single_leg_stance(abductor_strenght=1.0)
    with pytest.raises(ValueError, match="params = 'x' is not allowed"):
        bm.single_leg_stance(params="x")
    assert set(STANCE_DEFAULTS) == set(STANCE_INPUT_RANGES)
