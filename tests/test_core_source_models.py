"""The numpy model against its source models (issue 10): OpenSim's own group moments, MyoTorso's
QL rates, lever = -dL/dth for every muscle, stand()'s groups = the sum of muscle_moments_Nm, and
the solver's tables against the exact muscle-by-muscle evaluation."""

import json
import math
from pathlib import Path

import numpy as np
import pytest

import backspasm_model as bm
from backspasm_model.core import kinematics, tables
from backspasm_model.core.equilibrium import _Evaluator
from backspasm_model.core.inputs import _validate
from backspasm_model.core.muscles import length_and_lever
from backspasm_model.core.parameters import read_data_file

REF = json.loads((Path(__file__).parent / "data" / "opensim_reference.json").read_text())
SETS = ("gait2392", "rajagopal2016")
#: Stated agreement with OpenSim (issue 10): 15 % or 0.3 N m, whichever is larger.
RTOL, ATOL_NM = 0.15, 0.3
#: Stated error of the solver's tables against the exact evaluation: 5e-3 N m plus 5e-5 of the
#: net moment. Measured: 3.3e-3 N m at nominal inputs (at the passive-force onset of a muscle,
#: where the Thelen passive curve's slope jumps and the cubic cannot follow the kink; 1e-9
#: elsewhere); up to 3e-5 relative where a very tight muscle pulls hundreds of N m (linear
#: along tightness) or the lumbar joint-limit torque reaches 1e5 N m beyond 30 deg. At a
#: posture (net moment 0) that is a tilt error below 0.005 deg (stiffness > 1 N m/deg).
TABLE_ERR_NM = 5e-3
TABLE_ERR_REL = 5e-5


@pytest.mark.parametrize("params", SETS)
def test_every_group_moment_is_within_15_percent_of_opensim(params):
    """OpenSim has no rectus abdominis or QL: compare by its subgroups (rectus femoris,
    iliopsoas, hamstrings, gluteus maximus, other hip flexors/extensors, erector spinae,
    obliques) at -10 ... 15 deg, equilibrated muscles at 2 % activation, the source model's
    body mass. Measured: within 3.3 % everywhere (Rajagopal hamstrings at 15 deg), as the data
    file's own recipe."""
    angles = np.array(REF["angles_deg"])
    assert angles.tolist() == [-10.0, -5.0, 0.0, 5.0, 10.0, 15.0]
    p = bm.load_parameter_set(params)
    mm = bm.muscle_moments_Nm(
        angles,
        params=params,
        activation=REF["activation"] if "activation" in REF else 0.02,
        body_mass_kg=p.model_body_mass_kg,
    )
    sub: dict[str, np.ndarray] = {}
    for m in p.muscles:
        sub[m.subgroup] = sub.get(m.subgroup, 0.0) + mm[m.name]
    ref = REF["sets"][params]["subgroups"]
    assert set(ref) <= set(sub)
    for g, v in ref.items():
        np.testing.assert_allclose(sub[g], v, rtol=RTOL, atol=ATOL_NM, err_msg=g)
        # and in fact much closer (tightened bound that can fail: 5 %)
        np.testing.assert_allclose(sub[g], v, rtol=0.05, atol=0.05, err_msg=g)


def test_ql_fascicle_rates_are_myotorsos_within_0_02_mm_per_deg():
    my = read_data_file("source_models.toml")["sets"]["myotorso"]["muscles"]
    h = 0.01
    rates = []
    for f in kinematics.QL_FASCICLES:
        up = kinematics.ql_fascicle_length_m(h, f)
        down = kinematics.ql_fascicle_length_m(-h, f)
        rate = -float(up - down) / (2 * h) * 1e3
        assert rate == pytest.approx(my[f + "_r"]["shortening_rate_ref_mm_per_deg"], abs=0.02), f
        rates.append(rate)
    assert 0.015 < min(rates) and max(rates) < 0.23
    headline = -float(kinematics.ql_length_m(h) - kinematics.ql_length_m(-h)) / (2 * h) * 1e3
    assert headline == pytest.approx(0.118, abs=0.005)


@pytest.mark.parametrize("params", SETS)
def test_lever_is_minus_dL_dth_for_every_muscle(params):
    p = bm.load_parameter_set(params)
    th = np.radians(np.linspace(-35.0, 35.0, 29))
    e = 1e-6
    for m in p.muscles:
        length, lever = length_and_lever(m, th)
        fd = -(length_and_lever(m, th + e)[0] - length_and_lever(m, th - e)[0]) / (2 * e)
        np.testing.assert_allclose(lever, fd, atol=1e-8, err_msg=m.name)
        assert m.lever_m == pytest.approx(float(length_and_lever(m, 0.0)[1]), abs=1e-12)
        # the moment of a muscle has the sign of its lever (force is never negative)
        mom = bm.muscle_moments_Nm(np.degrees(th), params=params)[m.name]
        assert np.all(mom * lever >= 0.0), m.name


@pytest.mark.parametrize("params", SETS)
@pytest.mark.parametrize("view", ["full", "seed"])
def test_stand_groups_equal_the_sum_of_muscle_moments(params, view):
    inputs = dict(
        quad_strength=np.array([0.7, 1.0, 1.8]),
        hamstring_tightness=0.1,
        activation=0.04,
        ql_neutral_fibre_length=0.8,
    )
    r = bm.stand(params=params, view=view, **inputs)
    mm = bm.muscle_moments_Nm(r.model_tilt_deg, params=params, **inputs)
    p = bm.load_parameter_set(params)
    for g in bm.GROUPS:
        names = [m.name for m in p.muscles if m.group == g]
        expect = sum(mm[n] for n in names) if g in bm.core.inputs.VIEW_GROUPS[view] else 0.0
        np.testing.assert_allclose(r.group_moments_Nm[g], expect, atol=1e-12, err_msg=g)
    total = sum(r.group_moments_Nm.values()) + r.gravity_moment_Nm + r.passive_moment_Nm
    np.testing.assert_allclose(total, 0.0, atol=TABLE_ERR_NM)


@pytest.mark.parametrize("params", SETS)
def test_solver_tables_agree_with_the_exact_evaluation(params):
    """Interpolated net moment (what the solver uses) against the exact sum, off the grid,
    over the window and the inputs that have their own table axis."""
    rng = np.random.default_rng(3)
    n = 400
    inputs = dict(
        quad_tightness=rng.uniform(0, 0.3, n),
        hamstring_tightness=rng.uniform(0, 0.3, n),
        hip_flexor_tightness=rng.uniform(0, 0.3, n),
        ql_neutral_fibre_length=rng.uniform(0.7, 1.3, n),
        activation=rng.uniform(0, 0.1, n),
        glute_strength=rng.uniform(0.25, 3, n),
    )
    th = np.radians(rng.uniform(-35, 35, n))
    inp = _validate(inputs, "full", params)
    m_tab = _Evaluator(inp).net(th)[0]
    exact = bm.group_moments_Nm  # scalar inputs only: loop
    worst = 0.0
    for k in range(n):
        one = {key: float(v[k]) for key, v in inputs.items()}
        parts = exact(math.degrees(th[k]), params=params, **one)
        m = sum(float(v) for v in parts.values())
        worst = max(worst, abs(m - m_tab[k]) / (TABLE_ERR_NM + TABLE_ERR_REL * abs(m)))
    assert worst < 1.0
    assert tables.TH_GRID_RAD[0] <= np.radians(-35) and tables.TH_GRID_RAD[-1] >= np.radians(35)


def test_nominal_posture_and_neutral_is_the_level_pelvis():
    for params in SETS:
        r = bm.stand(params=params)
        assert 0.0 < float(r.tilt_deg) < 23.0  # V1
        # anterior of the level pelvis always reads as a shorter QL
        assert float(r.ql_length_change_mm) < 0.0
    level = bm.stand(params="gait2392")
    assert float(kinematics.ql_length_m(kinematics.model_tilt_deg(0.0))) == pytest.approx(
        float(level.ql_length_m - level.ql_length_change_mm / 1e3), abs=1e-12
    )
