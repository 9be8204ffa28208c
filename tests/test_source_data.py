"""The derived source-model data (data/source_models.toml) and OpenSim's reference answer
(tests/data/opensim_reference.json) are complete and self-consistent.

Both files are written by tools/derive_source_models.py (docs/derivation.md); these tests
need neither OpenSim nor MuJoCo.
"""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from backspasm_model.core.parameters import read_data_file

DATA = read_data_file("source_models.toml")
REF_PATH = Path(__file__).parent / "data" / "opensim_reference.json"
REF = json.loads(REF_PATH.read_text())
DATA_PATH = Path(__file__).parents[1] / "backspasm_model" / "data" / "source_models.toml"

PINNED = {
    "opensim_models": ("opensim-org/opensim-models", "20a888b9"),
    "myo_sim": ("MyoHub/myo_sim", "2cef8854"),
}
#: Stated bounds: polynomial fit of lengths and centre-of-mass paths over the fit range, and
#: the polynomial's lever against OpenSim's moment arms (wrapping surfaces cost up to ~1 mm).
FIT_BOUND_MM = 0.01
LEVER_BOUND_MM = 1.0
MUSCLE_FIELDS = {
    "group": str,
    "subgroup": str,
    "joint": str,
    "class": str,
    "Fmax_N": float,
    "Lopt_m": float,
    "Lts_m": float,
    "penn_rad": float,
    "curve": dict,
    "length_poly": list,
    "poly_degree": int,
    "fit_err_mm": float,
    "length_ref_m": float,
    "lever_ref_m": float,
    "fibre_length_ref_norm": float,
}
GROUPS = {
    "quadriceps",
    "hip_flexors",
    "hamstrings",
    "gluteus_maximus",
    "back_extensors",
    "abdominals",
    "other_hip_flexors",
    "other_hip_extensors",
}
OSIM_SETS = ("gait2392", "rajagopal2016")
ALL_SETS = (*OSIM_SETS, "myotorso")


def _poly(c, th):
    return np.polyval(np.asarray(c, dtype=float)[::-1], th)


def _ids(v):
    return v if isinstance(v, str) else ""


def _muscles():
    return [(s, n, m) for s in ALL_SETS for n, m in DATA["sets"][s]["muscles"].items()]


def test_provenance_names_pinned_sources_and_pipeline():
    meta = DATA["meta"]
    assert meta["pipeline"] == "tools/derive_source_models.py"
    assert meta["pipeline_version"]
    assert meta["fit_tol_mm"] <= FIT_BOUND_MM
    for key, (repo, short) in PINNED.items():
        src = DATA["sources"][key]
        assert src["repo"] == repo
        assert re.fullmatch(r"[0-9a-f]{40}", src["commit"]) and src["commit"].startswith(short)
        assert src["files"] and all(re.fullmatch(r"[0-9a-f]{40}", b) for b in src["files"].values())
        assert REF["provenance"]["sources"][key]["commit"] == src["commit"]
    assert REF["provenance"]["pipeline_version"] == meta["pipeline_version"]
    assert DATA_PATH.read_text().startswith("# Derived by tools/derive_source_models.py")


def test_files_are_compact():
    assert DATA_PATH.stat().st_size < 300_000
    assert REF_PATH.stat().st_size < 300_000


@pytest.mark.parametrize("set_name,name,m", _muscles(), ids=_ids)
def test_every_muscle_has_its_fields_and_a_good_fit(set_name, name, m):
    for field, typ in MUSCLE_FIELDS.items():
        assert isinstance(m[field], typ), f"{set_name}/{name}: {field}"
    assert m["group"] in GROUPS
    assert name.endswith("_r")
    assert m["Fmax_N"] > 0 and m["Lopt_m"] > 0 and 0 <= m["penn_rad"] < 0.5
    # MuJoCo muscles: Lts_m is the offset of the normalised length (L - Lts_m) / Lopt_m
    assert m["Lts_m"] >= 0 or m["class"] == "mujoco muscle"
    assert len(m["length_poly"]) == m["poly_degree"] + 1
    assert 0 <= m["fit_err_mm"] < FIT_BOUND_MM
    assert 0.3 < m["fibre_length_ref_norm"] < 1.8
    # the polynomial passes through the source length at the reference pose
    assert _poly(m["length_poly"], 0.0) == pytest.approx(m["length_ref_m"], abs=FIT_BOUND_MM / 1e3)
    assert 0 <= m["lever_err_mm"] < LEVER_BOUND_MM
    if set_name in OSIM_SETS:
        assert m["tendon_force_ref_N"] > 0


@pytest.mark.parametrize("set_name,name,m", _muscles(), ids=_ids)
def test_lever_is_minus_dL_dth_of_the_polynomial(set_name, name, m):
    """lever_ref_m (the source model's own moment arms along the coupled motion: OpenSim
    computeMomentArm, MuJoCo actuator_moment) = a finite difference of the fitted length
    polynomial at the reference pose, within the recorded lever error."""
    h = math.radians(0.01)
    fd = -(_poly(m["length_poly"], h) - _poly(m["length_poly"], -h)) / (2 * h)
    bound = (m["lever_err_mm"] + m.get("moment_arm_diff_mm", 0.0)) / 1e3 + 2e-6
    assert fd == pytest.approx(m["lever_ref_m"], abs=bound)
    if "shortening_rate_ref_mm_per_deg" in m:
        assert m["shortening_rate_ref_mm_per_deg"] == pytest.approx(
            m["lever_ref_m"] * 1e3 * math.pi / 180, abs=1e-4
        )


@pytest.mark.parametrize("set_name", OSIM_SETS)
def test_groups_follow_names_and_lever_signs(set_name):
    muscles = DATA["sets"][set_name]["muscles"]
    groups = {}
    for n, m in muscles.items():
        groups.setdefault(m["group"], set()).add(n)
        if m["group"] == "other_hip_flexors":
            assert m["lever_ref_m"] > 0
        if m["group"] == "other_hip_extensors":
            assert m["lever_ref_m"] < 0
    assert len(groups["quadriceps"]) == 1 and len(groups["hip_flexors"]) == 2
    assert len(groups["hamstrings"]) == 3 and len(groups["gluteus_maximus"]) == 3
    for g in ("quadriceps", "hip_flexors"):
        assert all(muscles[n]["lever_ref_m"] > 0 for n in groups[g])
    for g in ("hamstrings", "gluteus_maximus"):
        assert all(muscles[n]["lever_ref_m"] < 0 for n in groups[g])


@pytest.mark.parametrize("set_name", ALL_SETS)
def test_upper_body_com_path(set_name):
    ub = DATA["sets"][set_name]["upper_body"]
    assert ub["mass_kg"] > 10 and ub["bodies"]
    assert 0 <= ub["fit_err_mm"] < FIT_BOUND_MM
    assert _poly(ub["com_x_poly"], 0.0) == pytest.approx(ub["com_ref_m"][0], abs=1e-6)
    assert _poly(ub["com_y_poly"], 0.0) == pytest.approx(ub["com_ref_m"][1], abs=1e-6)


def test_myotorso_kinematics_and_ql():
    s = DATA["sets"]["myotorso"]
    assert s["coupling_ratios"][0] == 1.0 and len(s["coupling_ratios"]) == 5
    assert set(s["lumbar_joint_centres_m"]) == {"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"}
    ql = [n for n in s["muscles"] if n.startswith("QL_")]
    assert len(ql) == 18
    rates = [s["muscles"][n]["shortening_rate_ref_mm_per_deg"] for n in ql]
    assert all(r > 0 for r in rates)  # anterior rotation (lumbar extension) shortens every QL
    ref = REF["myotorso"]["muscles"]
    for n in ql:
        assert (
            ref[n]["shortening_rate_ref_mm_per_deg"]
            == s["muscles"][n]["shortening_rate_ref_mm_per_deg"]
        )


def test_independent_cross_checks_of_the_posing():
    """Values measured independently by the reviewer of issue 10 (OpenSim 4.6 and MuJoCo on
    the same pinned models): the pipeline poses the models the same way."""
    g = DATA["sets"]["gait2392"]["muscles"]
    assert g["ercspn_r"]["lever_ref_m"] == pytest.approx(0.0427, abs=5e-5)
    assert g["intobl_r"]["lever_ref_m"] == pytest.approx(-0.0528, abs=5e-5)
    assert g["extobl_r"]["lever_ref_m"] == pytest.approx(-0.0628, abs=5e-5)
    m = DATA["sets"]["myotorso"]
    assert m["muscles"]["rect_abd_r"]["lever_ref_m"] == pytest.approx(-0.0794, abs=5e-5)
    assert m["muscles"]["QL_ant_I.3-12.1_r"]["shortening_rate_ref_mm_per_deg"] == pytest.approx(
        0.118, abs=5e-4
    )
    assert m["lumbar_joint_centres_m"]["L5-S1"] == pytest.approx([-0.0373, 0.1271], abs=5e-5)
    glmax = [g[f"glut_max{i}_r"]["fibre_length_ref_norm"] for i in (1, 2, 3)]
    assert min(glmax) == pytest.approx(0.53, abs=0.005)
    assert max(glmax) == pytest.approx(0.63, abs=0.005)


@pytest.mark.parametrize("set_name", OSIM_SETS)
def test_reference_is_consistent(set_name):
    angles = REF["angles_deg"]
    assert angles == [-10.0, -5.0, 0.0, 5.0, 10.0, 15.0]
    r = REF["sets"][set_name]
    muscles = DATA["sets"][set_name]["muscles"]
    assert set(r["muscles"]) == set(muscles)
    sums: dict[str, np.ndarray] = {}
    for n, d in r["muscles"].items():
        for v in d.values():
            assert len(v) == len(angles)
        right = np.array(d["right_tendon_force_N"]) * np.array(d["right_lever_m"])
        np.testing.assert_allclose(d["right_moment_Nm"], right, rtol=1e-3, atol=1e-4)
        # left and right are mirror images: both sides = twice the right side
        np.testing.assert_allclose(
            d["moment_Nm"], 2 * np.array(d["right_moment_Nm"]), rtol=1e-3, atol=1e-3
        )
        i0 = angles.index(0.0)
        assert d["right_norm_fibre_length"][i0] == pytest.approx(
            muscles[n]["fibre_length_ref_norm"], abs=1e-4
        )
        g = muscles[n]["group"]
        sums[g] = sums.get(g, 0.0) + np.array(d["moment_Nm"])
    assert set(r["groups"]) == set(sums)
    for g, v in sums.items():
        np.testing.assert_allclose(r["groups"][g], v, atol=2e-4)
    assert len(r["gravity_Nm"]) == len(angles)


@pytest.mark.parametrize("set_name", OSIM_SETS)
def test_gravity_term_follows_from_the_com_path(set_name):
    """OpenSim's gravity term (-M g dy/dth, by finite differences in OpenSim) = the same
    term from the fitted centre-of-mass height polynomial."""
    ub = DATA["sets"][set_name]["upper_body"]
    th = np.radians(REF["angles_deg"])
    c = np.asarray(ub["com_y_poly"])
    dy = np.polyval((c[1:] * np.arange(1, len(c)))[::-1], th)
    np.testing.assert_allclose(
        REF["sets"][set_name]["gravity_Nm"], -ub["mass_kg"] * 9.80665 * dy, atol=0.02
    )
    assert REF["sets"][set_name]["upper_body_mass_kg"] == pytest.approx(ub["mass_kg"])


def test_millard_sets_carry_their_curve_tables():
    s = DATA["sets"]["rajagopal2016"]
    for n, m in s["muscles"].items():
        t = s["curve_tables"][m["curve_table"]]
        grid = np.asarray(t["norm_fibre_length"])
        assert np.all(np.diff(grid) > 0), n
        assert np.interp(1.0, grid, t["active_force_length"]) == pytest.approx(1.0, abs=1e-3)
        assert np.interp(0.99, grid, t["passive_force_length"]) == pytest.approx(0.0, abs=1e-6)
        assert np.all(np.diff(t["passive_force_length"]) >= 0)


def _recipe_moments_Nm(set_name: str, m: dict, th: np.ndarray, activation: float) -> np.ndarray:
    """Both-sides moment of one muscle from the data file alone: fibre length from the source's
    equilibrium at the reference pose plus the path change (tendon held at its reference
    length), the source's own force-length curves, lever from the polynomial."""
    c = np.asarray(m["length_poly"])
    length = _poly(c, th)
    lever = -np.polyval((c[1:] * np.arange(1, len(c)))[::-1], th)
    h = m["Lopt_m"] * math.sin(m["penn_rad"])  # constant-thickness pennation
    x0 = math.sqrt((m["fibre_length_ref_norm"] * m["Lopt_m"]) ** 2 - h * h)
    x = x0 + length - m["length_ref_m"]
    lf = np.sqrt(x * x + h * h)
    ln = lf / m["Lopt_m"]
    if set_name == "gait2392":  # Thelen2003Muscle, constants from the file
        k = m["curve"]
        fa = np.exp(-((ln - 1) ** 2) / k["KshapeActive"])
        kpe, e0 = k["KshapePassive"], k["FmaxMuscleStrain"]
        fp = np.where(ln > 1, np.expm1(kpe * (ln - 1) / e0) / np.expm1(kpe), 0.0)
    else:
        t = DATA["sets"][set_name]["curve_tables"][m["curve_table"]]
        fa = np.interp(ln, t["norm_fibre_length"], t["active_force_length"])
        fp = np.interp(ln, t["norm_fibre_length"], t["passive_force_length"])
    return 2 * m["Fmax_N"] * (activation * fa + fp) * (x / lf) * lever


@pytest.mark.parametrize("set_name", OSIM_SETS)
def test_data_file_alone_reproduces_opensims_group_moments(set_name):
    """The data file carries what a reduced model needs: from it alone every group moment is
    within 5 % (or 0.1 N m) of OpenSim's own equilibrated answer at every reference angle."""
    th = np.radians(REF["angles_deg"])
    ours: dict[str, np.ndarray] = {}
    for m in DATA["sets"][set_name]["muscles"].values():
        mom = _recipe_moments_Nm(set_name, m, th, DATA["meta"]["activation"])
        ours[m["subgroup"]] = ours.get(m["subgroup"], 0.0) + mom
    for g, v in REF["sets"][set_name]["subgroups"].items():
        np.testing.assert_allclose(ours[g], v, rtol=0.05, atol=0.1, err_msg=g)
