"""The balance explorer's optional 5-95 % band of plausible bodies (issue 6)."""

import numpy as np
import pytest

pytest.importorskip("ipywidgets")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from backspasm_model.apps import BalanceExplorer  # noqa: E402
from backspasm_model.evidence.uncertainty import sample_bodies  # noqa: E402
from backspasm_model.plotting import claims as pc  # noqa: E402


@pytest.fixture
def app():
    a = BalanceExplorer()
    yield a
    a.close()


def test_band_off_by_default_and_on_when_ticked(app):
    assert app.band is None and app.band_readout.value == ""
    app.band_toggle.value = True
    b = app.band
    assert b is not None and b.lo_deg < app.posture.tilt_deg < b.hi_deg
    assert "90 % of plausible bodies between" in app.band_readout.value
    assert b.tilt_deg == pytest.approx(app.posture.tilt_deg)
    app.band_toggle.value = False
    assert app.band is None and app.band_readout.value == ""


def test_band_follows_the_sliders(app):
    app.band_toggle.value = True
    lo1, hi1 = app.band.lo_deg, app.band.hi_deg
    app.set(quad_strength=3.0, hamstring_strength=0.25)
    assert app.band.lo_deg > lo1 and app.band.hi_deg > hi1


def test_explorer_band_matches_a_large_sample():
    """The explorer's modest fixed sample agrees with 20,000 bodies within sampling error."""
    b = pc.explorer_band({"quad_strength": 1.5})
    big = sample_bodies(20_000, seed=5, quad_strength=1.5)
    lo, hi = big.band("tilt_deg", pc.BAND_FRACTION)
    # sampling error of a band from BAND_BODIES bodies: the spread of the same band over
    # subsamples of that size drawn from the large sample (the lower tail is long, so its
    # edge is less certain than the upper one)
    rng = np.random.default_rng(0)
    t = big.tilt_deg[np.isfinite(big.tilt_deg)]
    q = (1 - pc.BAND_FRACTION) / 2
    edges = np.quantile(rng.choice(t, (400, pc.BAND_BODIES)), [q, 1 - q], axis=1)
    sd_lo, sd_hi = edges.std(axis=1)
    assert abs(b.lo_deg - float(lo)) <= 3 * sd_lo + 0.1, (b.lo_deg, float(lo), sd_lo)
    assert abs(b.hi_deg - float(hi)) <= 3 * sd_hi + 0.1, (b.hi_deg, float(hi), sd_hi)
    assert sd_lo < 1.0 and sd_hi < 1.0  # the modest sample is still a useful band


def test_curve_band_brackets_the_zero_crossings():
    b = pc.explorer_band({})
    assert np.all(b.curve_lo <= b.curve_hi)
    # where the tilt band starts and ends, the curve band straddles zero (within what a
    # pointwise band on a 41-point grid can promise: a couple of N m)
    for t in (b.lo_deg, b.hi_deg):
        assert np.interp(t, b.curve_x, b.curve_lo) <= 2.0
        assert np.interp(t, b.curve_x, b.curve_hi) >= -2.0


def test_band_update_reuses_its_bodies_and_solves_them_in_one_call_per_set(app, monkeypatch):
    # why the band stays cheap per slider move (its timing is measured in
    # benchmarks/bench_explorer.py, not asserted here): the plausible bodies are drawn once,
    # and each update solves them with one vectorised stand() call per parameter set
    draws, solves = [], []
    real_values, real_stand = pc.factor_values, pc.stand

    def counting_values(*a, **k):
        draws.append(1)
        return real_values(*a, **k)

    def counting_stand(*a, **k):
        solves.append(np.size(next(iter(v for v in k.values() if np.ndim(v)), 0.0)))
        return real_stand(*a, **k)

    pc._band_bodies.cache_clear()
    monkeypatch.setattr(pc, "factor_values", counting_values)
    monkeypatch.setattr(pc, "stand", counting_stand)
    app.band_toggle.value = True
    n_sets = len(pc._band_bodies()[1])
    for i in range(15):
        solves.clear()
        app.sliders["quad_strength"].value = 1.0 + 0.05 * (i % 10 + 1)
        assert app.band is not None
        assert 1 <= len(solves) <= n_sets
        assert sum(solves) <= pc.BAND_BODIES
    assert len(draws) == 1
    pc._band_bodies.cache_clear()
