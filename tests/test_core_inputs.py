"""Bad input gets a clear error naming the parameter, its value, the allowed range and unit."""

import subprocess
import sys

import numpy as np
import pytest

import backspasm_model as bm


@pytest.mark.parametrize(
    "name, value, shown",
    [
        ("quad_strength", float("nan"), "nan"),
        ("hamstring_strength", float("inf"), "inf"),
        ("quad_strength", 5.0, "5.0"),
        ("hamstring_strength", 0.0, "0.0"),
        ("quad_tightness", 0.5, "0.5"),
        ("hamstring_tightness", -0.1, "-0.1"),
        ("body_mass_kg", -70.0, "-70.0"),
        ("body_mass_kg", 0.0, "0.0"),
        ("activation", 0.5, "0.5"),
        ("hip_stiffness_Nm_per_deg", 0.0, "0.0"),
        ("lumbar_stiffness_Nm_per_deg", 10.0, "10.0"),
        ("ql_neutral_fibre_length", 2.0, "2.0"),
    ],
)
def test_out_of_range_or_non_finite_values_are_refused_with_a_full_message(name, value, shown):
    rng = bm.INPUT_RANGES[name]
    with pytest.raises(ValueError) as info:
        bm.stand(**{name: value})
    msg = str(info.value)
    assert name in msg
    assert shown in msg
    assert f"{rng.lo:g} to {rng.hi:g}" in msg
    assert rng.unit in msg


def test_one_bad_element_in_an_array_is_reported():
    with pytest.raises(ValueError, match=r"quad_strength = nan x nominal \(first bad element"):
        bm.stand(quad_strength=np.array([1.0, np.nan, 2.0]))


@pytest.mark.parametrize("value", ["strong", None, [1.0, "a"], True, 1 + 2j, {"a": 1}])
def test_wrong_types_are_refused_with_the_parameter_name(value):
    with pytest.raises((TypeError, ValueError)) as info:
        bm.stand(quad_strength=value)
    assert "quad_strength" in str(info.value)


def test_unknown_view_names_the_choices():
    expected = r"view = 'simple' is not allowed; choose one of 'seed', 'full'"
    with pytest.raises(ValueError, match=expected):
        bm.stand(view="simple")
    with pytest.raises(TypeError, match="view"):
        bm.stand(view=3)


def test_unknown_parameter_set_names_the_choices():
    with pytest.raises(ValueError, match="params='opensim' is not a known parameter set"):
        bm.stand(params="opensim")


def test_unknown_keyword_lists_the_allowed_inputs():
    with pytest.raises(TypeError, match="unknown input.*quads_strength"):
        bm.stand(quads_strength=1.0)


def test_inputs_that_do_not_broadcast_are_refused():
    with pytest.raises(ValueError, match="do not broadcast"):
        bm.stand(quad_strength=np.ones(3), hamstring_strength=np.ones(4))


def test_on_unstable_must_be_raise_or_nan():
    with pytest.raises(ValueError, match="on_unstable"):
        bm.stand(on_unstable="ignore")


def test_input_ranges_clamp_for_widgets():
    r = bm.INPUT_RANGES["quad_strength"]
    assert r.clamp(10.0) == r.hi and r.clamp(-1.0) == r.lo and r.clamp(float("nan")) == r.lo


def test_import_stays_numpy_only():
    code = (
        "import sys, backspasm_model as bm; bm.stand();"
        "bad = [m for m in ('matplotlib', 'ipywidgets', 'scipy', 'SALib', 'IPython')"
        " if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


# --- kinematics: checked inputs and the monotone QL range (issue 14, item 13) ----------------


def test_every_ql_fascicle_shortens_monotonically_over_the_accepted_tilt_range():
    from backspasm_model.core import kinematics

    # With MyoTorso's joint centres (issue 10) the slowest fascicle, QL_ant_I.3-T12 (0.017
    # mm/deg at the reference pose), turns at about -15.2 deg and lengthens again below it;
    # every other fascicle shortens monotonically over the whole tilt range. Each fascicle
    # accepts only the tilts where it shortens monotonically (issue 14, item 13).
    full = kinematics.TILT_RANGE_DEG
    for name in kinematics.QL_FASCICLES:
        rng = kinematics.QL_FASCICLE_RANGES_DEG[name]
        t = np.linspace(rng.lo, rng.hi, 9001)
        assert np.all(np.diff(kinematics.ql_fascicle_length_m(t, name)) < 0.0), name
        if name == kinematics.QL_SLOWEST:
            assert rng.lo == -15.0 and rng.hi == full.hi
            # ... and it does turn just below its accepted range
            below = np.linspace(full.lo, rng.lo, 301)
            assert np.any(np.diff(kinematics._fascicle_length(below, name)) > 0.0)
            with pytest.raises(ValueError, match="-15 to 45 deg"):
                kinematics.ql_fascicle_length_m(-16.0, name)
        else:
            assert (rng.lo, rng.hi) == (full.lo, full.hi), name
    assert kinematics.QL_FASCICLE_RANGES_DEG[kinematics.QL_HEADLINE].lo == full.lo


@pytest.mark.parametrize("func", ["clinical_tilt_deg", "ql_length_m", "ql_fascicle_length_m"])
@pytest.mark.parametrize(
    "value, exc",
    [
        (None, TypeError),
        ("5", TypeError),
        (True, TypeError),
        (1 + 0j, TypeError),
        (1e6, ValueError),
        (-60.0, ValueError),
        (np.inf, ValueError),
    ],
)
def test_kinematics_refuse_what_is_not_a_tilt(func, value, exc):
    from backspasm_model.core import kinematics

    f = getattr(kinematics, func)
    args = (value, kinematics.QL_HEADLINE) if func == "ql_fascicle_length_m" else (value,)
    with pytest.raises(exc) as info:
        f(*args)
    msg = str(info.value)
    assert "tilt" in msg and "-45 to 45 deg" in msg


def test_kinematics_pass_no_posture_through_as_nan():
    from backspasm_model.core import kinematics

    out = kinematics.ql_length_m(np.array([0.0, np.nan]))
    assert np.isfinite(out[0]) and np.isnan(out[1])
    assert np.isnan(kinematics.clinical_tilt_deg(np.nan))


@pytest.mark.parametrize("value", [10**400, [10**400], -(10**400)])
def test_huge_integers_are_out_of_range_not_an_overflow(value):
    with pytest.raises(ValueError, match=r"quad_strength = -?1\.000e\+400"):
        bm.stand(quad_strength=value)


@pytest.mark.parametrize(
    "value, why",
    [
        (["1"], "text"),
        (np.array([True]), "booleans"),
        (np.array([1 + 0j]), "complex"),
        (1 + 0j, "complex"),
    ],
)
def test_types_are_checked_before_any_cast(value, why):
    with pytest.raises(TypeError, match=f"quad_strength = .*{why}.*0.25 to 3 x nominal"):
        bm.stand(quad_strength=value)
