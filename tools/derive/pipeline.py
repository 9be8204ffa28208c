"""The derivation steps: per source model, muscle parameters and length polynomials along the
coupled motion, the reference-pose equilibrium, the upper body's centre-of-mass path, and
OpenSim's own moments at the reference angles."""

from __future__ import annotations

import numpy as np

from . import fit
from .tomlout import Inline

FIT_RANGE_DEG = (-30.0, 40.0)
FIT_STEP_DEG = 0.5
#: Fit tolerance on musculotendon length and centre-of-mass position (m).
FIT_TOL_M = 1e-5
#: Angles of OpenSim's own answer (deg, model pelvis rotation).
REFERENCE_ANGLES_DEG = (-10.0, -5.0, 0.0, 5.0, 10.0, 15.0)
#: Tolerance on the polynomial's lever against the source's moment arms (m); the degree is
#: raised (up to 9) until it is met where the path allows it (wrapping surfaces may not).
LEVER_TOL_M = 5e-5
#: Lever check angles (deg): every LEVER_STEP_DEG inside the fit range, where the
#: polynomial's -dL/dth is compared with the source's (central difference of its length,
#: step FD_STEP_DEG; the edges are left out since Rajagopal clamps hip flexion at -30 deg).
LEVER_STEP_DEG = 2.5
FD_STEP_DEG = 0.01


def lever_angles() -> np.ndarray:
    lo, hi = FIT_RANGE_DEG
    return np.arange(lo + LEVER_STEP_DEG, hi - LEVER_STEP_DEG / 2, LEVER_STEP_DEG)


def grids() -> tuple[np.ndarray, np.ndarray]:
    """Fit angles (deg) and held-out check angles half-way between them."""
    lo, hi = FIT_RANGE_DEG
    n = int(round((hi - lo) / FIT_STEP_DEG))
    fit_deg = np.linspace(lo, hi, n + 1)
    return fit_deg, fit_deg[:-1] + FIT_STEP_DEG / 2


def _fit(th_deg, y, chk_deg, y_chk, lever=None) -> tuple[list[float], int, float, float]:
    """Fit y(th); ``lever = (angles deg, source -dy/dth)`` also checks the derivative."""
    slope = None
    if lever is not None:
        slope = (np.radians(lever[0]), -np.asarray(lever[1]), LEVER_TOL_M)
    coef, deg, err, serr = fit.fit_power_series(
        np.radians(th_deg),
        np.asarray(y),
        FIT_TOL_M,
        (np.radians(chk_deg), np.asarray(y_chk)),
        slope,
    )
    return [float(c) for c in coef], deg, err, serr


def _r(x: float, n: int = 6) -> float:
    return float(round(float(x), n))


def derive_osim_set(pm, activation: float) -> dict:
    """Muscles crossing the hip or the lumbar spine (right side) and the upper body of one
    OpenSim model (a :class:`derive.osim.PosedModel`)."""
    for th in (*FIT_RANGE_DEG, 10.0):
        pm.check_pose(th)
    fit_deg, chk_deg = grids()
    crossing = pm.crossing_muscles("_r")
    names = [n for n, _ in crossing]
    lengths = {n: [] for n in names}
    bodies = pm.upper_body()
    com = []
    for th in fit_deg:
        pm.pose(th)
        com.append(pm.com_rel_hip(bodies))
        for n in names:
            lengths[n].append(pm.length(n))
    # the source's own lever two ways: -dL/dth of its length (central difference; the
    # definition) and OpenSim's moment arms summed along the coupled motion
    lever_deg = lever_angles()
    levers = {n: [] for n in names}
    arms = {n: [] for n in names}
    for th in lever_deg:
        lp, lm = {}, {}
        for sign, store in ((1.0, lp), (-1.0, lm)):
            pm.pose(th + sign * FD_STEP_DEG)
            store.update({n: pm.length(n) for n in names})
        pm.pose(th)
        for n in names:
            levers[n].append(-(lp[n] - lm[n]) / np.radians(2 * FD_STEP_DEG))
            arms[n].append(pm.coupled_lever(n))
    chk_len = {n: [] for n in names}
    chk_com = []
    for th in chk_deg:
        pm.pose(th)
        chk_com.append(pm.com_rel_hip(bodies))
        for n in names:
            chk_len[n].append(pm.length(n))
    eq = pm.equilibrium(0.0, activation, names)
    muscles = {}
    for n, joint in crossing:
        coef, deg, err, lever_err = _fit(
            fit_deg, lengths[n], chk_deg, chk_len[n], (lever_deg, levers[n])
        )
        lever_max = float(np.max(np.abs(levers[n])))
        arm_diff = float(np.max(np.abs(np.array(arms[n]) - np.array(levers[n]))))
        e = eq[n]
        group, sub = _group(n, e["lever_m"])
        p = pm.parameters(n)
        muscles[n] = {
            "group": group,
            "subgroup": sub,
            "joint": joint,
            "class": p["class"],
            "Fmax_N": p["Fmax_N"],
            "Lopt_m": p["Lopt_m"],
            "Lts_m": p["Lts_m"],
            "penn_rad": p["penn_rad"],
            "curve": _inline(p["curve"]),
            "length_poly": coef,
            "poly_degree": deg,
            "fit_err_mm": _r(err * 1e3, 5),
            "lever_err_mm": _r(lever_err * 1e3, 4),
            "lever_max_abs_m": _r(lever_max),
            "moment_arm_diff_mm": _r(arm_diff * 1e3, 4),
            "length_ref_m": _r(lengths[n][int(np.argmin(np.abs(fit_deg)))], 7),
            "lever_ref_m": _r(e["lever_m"]),
            "fibre_length_ref_norm": _r(e["norm_fibre_length"], 5),
            "tendon_force_ref_N": _r(e["tendon_force_N"], 4),
            "passive_force_ref_N": _r(e["passive_fibre_force_N"], 4),
        }
    tables = _curve_tables(pm, muscles)
    cx, dx, ex, _ = _fit(fit_deg, [c[0] for c in com], chk_deg, [c[0] for c in chk_com])
    cy, dy, ey, _ = _fit(fit_deg, [c[1] for c in com], chk_deg, [c[1] for c in chk_com])
    upper = {
        "bodies": [b for b, _ in bodies],
        "mass_kg": _r(sum(m for _, m in bodies), 5),
        "com_x_poly": cx,
        "com_y_poly": cy,
        "poly_degree": max(dx, dy),
        "fit_err_mm": _r(max(ex, ey) * 1e3, 5),
        "com_ref_m": [_r(fit.value(np.array(cx), 0.0)), _r(fit.value(np.array(cy), 0.0))],
    }
    out = {"muscles": muscles, "upper_body": upper}
    if tables:
        out["curve_tables"] = tables
    return out


#: Normalised fibre lengths at which tabulated force-length curves are evaluated.
CURVE_GRID = np.round(np.arange(0.2, 2.0 + 1e-9, 0.005), 3)


def _curve_tables(pm, muscles: dict) -> dict:
    """One table per distinct set of curve constants (Millard muscles); each muscle names
    its table in ``curve_table``."""
    tables: dict = {}
    keys: dict[str, str] = {}
    for n, m in muscles.items():
        sig = repr(sorted((k, repr(v)) for k, v in m["curve"].items()))
        if sig not in keys:
            t = pm.curve_table(n, CURVE_GRID)
            if t is None:
                continue
            keys[sig] = f"T{len(keys)}"
            tables[keys[sig]] = {
                "norm_fibre_length": [float(x) for x in CURVE_GRID],
                **{k: [_r(v, 7) for v in vs] for k, vs in t.items()},
            }
        m["curve_table"] = keys[sig]
    return tables


def _group(name: str, lever_ref_m: float) -> tuple[str, str]:
    from .osim import group_of

    return group_of(name[:-2], lever_ref_m)


def _inline(d: dict) -> Inline:
    return Inline({k: _inline(v) if isinstance(v, dict) else v for k, v in d.items()})


def osim_reference(pm, muscles: dict, activation: float) -> dict:
    """OpenSim's own answer: equilibrated muscles at ``activation``, both sides, per
    reference angle: each muscle's generalised force along the coupled motion (N m, anterior
    positive), group sums, and the gravity term of the moving bodies."""
    right = list(muscles)
    left = [n[:-2] + "_l" for n in right]
    per = {
        n: {
            "moment_Nm": [],
            "right_moment_Nm": [],
            "right_tendon_force_N": [],
            "right_norm_fibre_length": [],
            "right_lever_m": [],
        }
        for n in right
    }
    bodies = pm.upper_body()
    mass = sum(m for _, m in bodies)
    gravity = []
    for th in REFERENCE_ANGLES_DEG:
        eq = pm.equilibrium(th, activation, right + left)
        for r, lm in zip(right, left, strict=True):
            mr = eq[r]["tendon_force_N"] * eq[r]["lever_m"]
            ml = eq[lm]["tendon_force_N"] * eq[lm]["lever_m"]
            d = per[r]
            d["moment_Nm"].append(_r(mr + ml, 5))
            d["right_moment_Nm"].append(_r(mr, 5))
            d["right_tendon_force_N"].append(_r(eq[r]["tendon_force_N"], 4))
            d["right_norm_fibre_length"].append(_r(eq[r]["norm_fibre_length"], 5))
            d["right_lever_m"].append(_r(eq[r]["lever_m"], 6))
        h = 1e-3  # deg, central difference of the centre-of-mass height
        pm.pose(th + h)
        yp = pm.com_rel_hip(bodies)[1]
        pm.pose(th - h)
        ym = pm.com_rel_hip(bodies)[1]
        gravity.append(_r(-mass * pm.gravity() * (yp - ym) / np.radians(2 * h), 5))
    return {
        "muscles": per,
        "gravity_Nm": gravity,
        "upper_body_mass_kg": _r(mass, 5),
        **group_sums(per, muscles),
    }


def group_sums(per: dict, muscles: dict) -> dict:
    groups: dict[str, np.ndarray] = {}
    subs: dict[str, np.ndarray] = {}
    for n, d in per.items():
        m = np.array(d["moment_Nm"])
        g, s = muscles[n]["group"], muscles[n]["subgroup"]
        groups[g] = groups.get(g, 0.0) + m
        subs[s] = subs.get(s, 0.0) + m
    return {
        "groups": {k: [_r(x, 4) for x in v] for k, v in groups.items()},
        "subgroups": {k: [_r(x, 4) for x in v] for k, v in subs.items()},
    }


def derive_myotorso(t) -> tuple[dict, dict]:
    """MyoTorso: lumbar joint centres, coupling, the upper body's centre-of-mass path, and the
    rectus abdominis and 18 QL fascicles (right side) with length polynomials.
    Returns (data-file section, reference section)."""
    fit_deg, chk_deg = grids()
    names = ["rect_abd_r", *t.ql_muscles("_r")]
    t.pose(0.0)
    a0 = t.thorax_angle_deg()
    for th in (*FIT_RANGE_DEG, 10.0):
        t.pose(th)
        if abs(t.thorax_angle_deg() - a0 - th) > 1e-6:
            raise RuntimeError(f"MyoTorso posing: total lumbar extension != {th} deg")
    bodies = t.upper_body()
    L = {n: [] for n in names}
    Lc = {n: [] for n in names}
    com, comc = [], []
    lever_deg = lever_angles()
    levers = {n: [] for n in names}
    for grid, lens, cm in ((fit_deg, L, com), (chk_deg, Lc, comc)):
        for th in grid:
            cm.append(t.com_rel_hip(th, bodies))  # also poses
            for n in names:
                lens[n].append(t.actuator_length(n))
    for th in lever_deg:
        t.pose(th)
        for n in names:
            levers[n].append(t.coupled_lever(n))
    t.pose(0.0)
    muscles, ref = {}, {}
    i0 = int(np.argmin(np.abs(fit_deg)))
    for n in names:
        coef, deg, err, lever_err = _fit(fit_deg, L[n], chk_deg, Lc[n], (lever_deg, levers[n]))
        p = t.muscle_parameters(n)
        lever0 = t.coupled_lever(n)
        is_ql = n.startswith("QL_")
        muscles[n] = {
            "group": "back_extensors" if is_ql else "abdominals",
            "subgroup": "quadratus_lumborum" if is_ql else "rectus_abdominis",
            "joint": "lumbar",
            "class": p["class"],
            "Fmax_N": _r(p["Fmax_N"], 5),
            "Lopt_m": _r(p["Lopt_m"], 7),
            "Lts_m": _r(p["Lts_m"], 7),
            "penn_rad": 0.0,
            "curve": _inline(p["curve"]),
            "length_poly": coef,
            "poly_degree": deg,
            "fit_err_mm": _r(err * 1e3, 5),
            "lever_err_mm": _r(lever_err * 1e3, 4),
            "lever_max_abs_m": _r(float(np.max(np.abs(levers[n])))),
            "length_ref_m": _r(L[n][i0], 7),
            "lever_ref_m": _r(lever0),
            "shortening_rate_ref_mm_per_deg": _r(lever0 * 1e3 * np.pi / 180.0, 5),
            "fibre_length_ref_norm": _r((L[n][i0] - p["Lts_m"]) / p["Lopt_m"], 5),
        }
        ref[n] = {
            "lever_ref_m": muscles[n]["lever_ref_m"],
            "shortening_rate_ref_mm_per_deg": muscles[n]["shortening_rate_ref_mm_per_deg"],
        }
    cx, dx, ex, _ = _fit(fit_deg, [c[0] for c in com], chk_deg, [c[0] for c in comc])
    cy, dy, ey, _ = _fit(fit_deg, [c[1] for c in com], chk_deg, [c[1] for c in comc])
    ql = [n for n in names if n.startswith("QL_")]
    f = np.array([muscles[n]["Fmax_N"] for n in ql])
    r = np.array([muscles[n]["lever_ref_m"] for n in ql])
    section = {
        "muscle_model": (
            "MuJoCo muscle, rigid tendon: normalised fibre length = (L - Lts_m) / "
            "Lopt_m, Lopt_m = (lengthrange[1] - lengthrange[0]) / (range[1] - "
            "range[0]), Lts_m = lengthrange[0] - range[0] * Lopt_m (an offset, may "
            "be negative); curve = gainprm (range, lmin, lmax, vmax, fpmax, fvmax)"
        ),
        "coupling_ratios": [_r(x, 6) for x in t.ratios],
        "coupling_joints": ["L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"],
        "abdomen_ratio": _r(t.abdomen_ratio, 6),
        "lumbar_joint_centres_m": Inline(
            {k: [_r(x, 6) for x in v] for k, v in t.joint_centres(0.0).items()}
        ),
        "hip_in_pelvis_m": [_r(x, 6) for x in t.hip],
        "ql_fmax_weighted_lever_ref_m": _r(float(f @ r / f.sum())),
        "upper_body": {
            "bodies": [t.m.body(b).name for b, _ in bodies],
            "mass_kg": _r(sum(m for _, m in bodies), 5),
            "com_x_poly": cx,
            "com_y_poly": cy,
            "poly_degree": max(dx, dy),
            "fit_err_mm": _r(max(ex, ey) * 1e3, 5),
            "com_ref_m": [_r(com[i0][0]), _r(com[i0][1])],
        },
        "muscles": muscles,
    }
    return section, {
        "muscles": ref,
        "lumbar_joint_centres_m": dict(section["lumbar_joint_centres_m"]),
        "ql_fmax_weighted_lever_ref_m": section["ql_fmax_weighted_lever_ref_m"],
    }
