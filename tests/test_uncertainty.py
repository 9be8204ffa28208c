"""Plausible-body sampling: reproducible, sourced, monotone bands, vectorised like stand()."""

import numpy as np
import pytest

import backspasm_model as bm
from backspasm_model.core.parameters import read_data_file
from backspasm_model.evidence import uncertainty as unc


def test_same_seed_same_bodies_other_seed_other_bodies():
    a = unc.sample_bodies(3000, seed=42)
    b = unc.sample_bodies(3000, seed=42)
    c = unc.sample_bodies(3000, seed=43)
    for out in unc.OUTPUTS:
        np.testing.assert_array_equal(getattr(a, out), getattr(b, out))
    assert not np.array_equal(a.tilt_deg, c.tilt_deg)
    np.testing.assert_array_equal(a.params, b.params)


@pytest.mark.parametrize("output", unc.OUTPUTS)
def test_band_edges_monotone_in_fraction(output):
    s = unc.sample_bodies(4000, seed=1)
    fractions = np.linspace(0.0, 1.0, 21)
    edges = np.array([s.band(output, f) for f in fractions])
    assert np.all(np.diff(edges[:, 0]) <= 0.0)  # lower edge falls as the band widens
    assert np.all(np.diff(edges[:, 1]) >= 0.0)  # upper edge rises
    assert np.all(edges[:, 0] <= edges[:, 1])


def test_band_function_matches_percentiles_and_checks_fraction():
    x = np.random.default_rng(0).normal(size=1001)
    lo, hi = unc.band(x, 0.9)
    assert lo == pytest.approx(np.percentile(x, 5)) and hi == pytest.approx(np.percentile(x, 95))
    with pytest.raises(ValueError, match=r"fraction = 1\.5 .*0 to 1"):
        unc.band(x, 1.5)


def test_samples_follow_the_sourced_ranges_and_distributions():
    s = unc.sample_bodies(20000, seed=5)
    data = read_data_file("uncertainty.toml")["factors"]
    for f in unc.FACTORS:
        if f.is_choice:
            share = np.mean(s.params == f.numbers["choices"][0])
            assert share == pytest.approx(f.numbers["weights"][0], abs=0.02)
            continue
        v = s.inputs[f.input]
        assert v.min() >= data[f.key]["lo"] and v.max() <= data[f.key]["hi"]
        assert f.lo >= bm.INPUT_RANGES[f.input].lo and f.hi <= bm.INPUT_RANGES[f.input].hi
        assert "source" in data[f.key] and data[f.key]["status"]
        if f.distribution == "triangular":
            a, c, b = (f.numbers[k] for k in ("lo", "mode", "hi"))
            assert v.mean() == pytest.approx((a + b + c) / 3.0, rel=0.02)
        if f.distribution == "truncnormal":
            assert np.median(v) == pytest.approx(f.numbers["mean"], abs=0.001)


def test_outputs_equal_stand_for_each_body():
    s = unc.sample_bodies(200, seed=7, quad_strength=1.4)
    for i in (0, 57, 199):
        kw = {k: float(v[i]) for k, v in s.inputs.items()}
        r = bm.stand(quad_strength=1.4, params=str(s.params[i]), **kw)
        assert s.tilt_deg[i] == pytest.approx(float(r.tilt_deg), abs=1e-5)
        assert s.ql_length_change_mm[i] == pytest.approx(float(r.ql_length_change_mm), abs=1e-5)
        assert s.ql_force_capacity[i] == pytest.approx(float(r.ql_force_capacity), abs=1e-9)


def test_balance_arrays_broadcast_with_common_bodies():
    q = np.array([0.5, 1.0, 2.0])
    s = unc.sample_bodies(500, seed=2, quad_strength=q)
    assert s.tilt_deg.shape == (3, 500)
    one = unc.sample_bodies(500, seed=2, quad_strength=2.0)
    np.testing.assert_allclose(s.tilt_deg[2], one.tilt_deg)
    # the same body tilts more with stronger quadriceps
    assert np.all(np.diff(s.tilt_deg, axis=0) > 0)


def test_holding_a_factor_fixed():
    s = unc.sample_bodies(300, seed=0, activation=0.05, params="rajagopal2016")
    assert "activation" not in s.inputs and set(s.params) == {"rajagopal2016"}
    assert len(s.inputs) == len(unc.FACTORS) - 2


def test_nominal_body_inside_the_band_and_readout():
    s = unc.sample_bodies(5000, seed=0)
    lo, hi = s.band("tilt_deg", 0.9)
    nominal = float(bm.stand().tilt_deg)
    assert lo < nominal < hi
    text = unc.describe_band(nominal, lo, hi, 0.9)
    assert text.startswith("tilt ") and "90 % of plausible bodies between" in text


@pytest.mark.parametrize("n", [0, 1, 2.5, -3, 10_000_000])
def test_bad_sample_size_is_refused(n):
    with pytest.raises(ValueError, match="n = "):
        unc.sample_bodies(n)


def test_unknown_balance_input_is_refused():
    with pytest.raises(TypeError, match="unknown input"):
        unc.sample_bodies(10, quad_strenght=1.0)


def test_hundred_thousand_bodies_in_one_call_all_stand():
    # the speed of this call is measured in benchmarks/bench_uncertainty.py, not asserted here
    s = unc.sample_bodies(100_000, seed=0)
    assert np.shape(s.tilt_deg) == (100_000,)
    assert s.unstable_fraction == 0.0


def test_core_import_stays_numpy_only():
    import subprocess
    import sys

    code = (
        "import sys, backspasm_model, backspasm_model.evidence.uncertainty,"
        " backspasm_model.evidence.claims;"
        "print(any(m.split('.')[0] in ('SALib', 'scipy', 'matplotlib', 'pandas')"
        " for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- bands and bounds (issue 14, item 15) ---------------------------------------------------


def test_band_refuses_text_with_a_clear_message_and_accepts_empty_and_single_values():
    with pytest.raises(TypeError, match="values = '1' is not a number"):
        unc.band("1")
    lo, hi = unc.band([])
    assert np.isnan(lo) and np.isnan(hi)
    lo, hi = unc.band(np.full((2, 0), 1.0))
    assert lo.shape == (2,) and np.all(np.isnan(lo))
    assert unc.band(3.0) == (3.0, 3.0)
    lo, hi = unc.band([np.nan, np.nan])  # no body stands: NaN edges, no warning
    assert np.isnan(lo) and np.isnan(hi)
    with pytest.raises(ValueError, match="axis = 2 .*-1 to 0"):
        unc.band([1.0, 2.0], axis=2)


def test_sample_bodies_has_a_documented_bound():
    with pytest.raises(
        ValueError,
        match=r"n = 5000000 bodies is outside the allowed range 2 to "
        r"1000000 bodies",
    ):
        unc.sample_bodies(5_000_000)
    with pytest.raises(ValueError, match="bodies x balance points = 2000000"):
        unc.sample_bodies(1_000_000, quad_strength=[1.0, 2.0])


def test_describe_band_says_no_posture_in_words():
    assert "no stable posture" in unc.describe_band(np.nan, 1.0, 2.0)
    assert "no plausible body stands" in unc.describe_band(1.0, np.nan, np.nan)


def test_an_empty_balance_gives_empty_bands_without_warnings():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = unc.sample_bodies(5, quad_strength=[])
        lo, hi = s.band()
        assert lo.shape == hi.shape == (0,) and s.median().shape == (0,)
        assert np.isnan(s.unstable_fraction)
