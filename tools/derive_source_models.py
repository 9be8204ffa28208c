"""Derive the model's muscle data from the public source models (optional ``derive`` extra).

Reads opensim-org/opensim-models (gait2392_thelen2003muscle.osim, Rajagopal2016.osim) and
MyoHub/myo_sim (torso/, MyoTorso) at pinned commits and writes

* ``backspasm_model/data/source_models.toml``: per muscle crossing the hip or the lumbar
  spine (right side) its parameters, the curve constants of its source file, its
  musculotendon length as a polynomial of the pelvis rotation along the coupled motion (fit
  error stated), its fibre length at the reference pose from the source model's own
  equilibrium; the upper body's centre-of-mass path; MyoTorso's lumbar joint centres and
  coupling;
* ``tests/data/opensim_reference.json``: OpenSim's own answer (equilibrated compliant-tendon
  muscles at 2 % activation, both sides) at -10, -5, 0, 5, 10, 15 deg, per muscle and group,
  plus MyoTorso's QL length rates.

One rule: every term is the generalised force of the one coupled motion (pelvis rotation th
= hip flexion th, femurs fixed = lumbar extension th shared by the coupling, thorax upright):
a muscle acts through lever = -dL/dth of its length along that motion.

Usage (never needed at run time or in CI)::

    python3 -m venv /tmp/derive-venv && /tmp/derive-venv/bin/pip install -e '.[derive]'
    /tmp/derive-venv/bin/python tools/derive_source_models.py --models DIR

DIR holds git copies (bare or work tree) of both repositories, named ``opensim-models`` and
``myo_sim`` (or ``owner+name``); the pinned commits must be present in them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from derive import pipeline, sources  # noqa: E402
from derive.tomlout import Inline, dumps  # noqa: E402

PIPELINE_VERSION = "1"
ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "gait2392": (
        "Models/Gait2392_Simbody/gait2392_thelen2003muscle.osim",
        "gait2392 (Delp 1990), Thelen2003Muscle",
    ),
    "rajagopal2016": (
        "Models/Rajagopal/Rajagopal2016.osim",
        "Rajagopal 2016 full body, Millard2012EquilibriumMuscle",
    ),
}
CONVENTIONS = {
    "angle": "th = model pelvis rotation, rad in polynomials, deg elsewhere, anterior positive",
    "posture": (
        "OpenSim pelvis_tilt = -th, hip_flexion_r = hip_flexion_l = +th (femurs "
        "fixed), lumbar_extension = +th (thorax upright; one lumbar joint in both "
        "OpenSim models), knees 0, other coordinates at their defaults; MyoTorso "
        "flex_extension = th / sum(coupling_ratios), the other lumbar joints and "
        "Abs_r3 by the model's own equality polynomials"
    ),
    "length_poly": "L(th) = sum(c[k] * th**k), m, th in rad; ascending powers",
    "lever": (
        "lever = -dL/dth (m): the muscle's generalised force along the coupled motion "
        "per newton; anterior-tilt positive. Hip muscles: hip-flexion moment arm; trunk "
        "muscles: lumbar-extension moment arm (thorax carried on the lumbar chain)"
    ),
    "frame": (
        "x anterior, y superior, metres, relative to the right hip centre (gait2392 "
        "pelvis frame = MyoTorso sacrum frame), pelvis rotated by th"
    ),
    "com_poly": "upper-body centre of mass x(th), y(th) as power series in th (rad)",
    "reference_pose": (
        "th = 0: the source model's default pose (pelvis frame level; 5.9 deg "
        "anterior on the clinical ASIS-PSIS scale), not the level pelvis"
    ),
    "groups": (
        "named source muscles to the model's groups; every other hip muscle to "
        "other_hip_flexors (lever at th = 0 > 0) or other_hip_extensors (< 0)"
    ),
    "fit": (
        f"{pipeline.FIT_STEP_DEG} deg grid over {list(pipeline.FIT_RANGE_DEG)} deg; "
        "fit_err_mm = max |poly - source| on the grid and the mid-points between; lowest "
        f"degree with error < {pipeline.FIT_TOL_M * 1e3} mm (up to 9)"
    ),
    "lever_err_mm": (
        "max |-dL/dth of the polynomial - the source's -dL/dth (central "
        f"difference, {pipeline.FD_STEP_DEG} deg)| every {pipeline.LEVER_STEP_DEG} "
        "deg inside the fit range; the degree is raised until it is under "
        f"{pipeline.LEVER_TOL_M * 1e3} mm where the path allows"
    ),
    "moment_arm_diff_mm": (
        "max |OpenSim computeMomentArm summed along the coupled motion - "
        "-dL/dth of OpenSim's own length| at the same angles: OpenSim's "
        "wrapping makes the two differ; lever_ref_m and the reference "
        "moments use computeMomentArm"
    ),
    "curve_tables": (
        "Millard2012EquilibriumMuscle sets: the normalised active and passive force-length "
        "curves as OpenSim's own curve objects evaluate them on a 0.005 grid of normalised "
        "fibre length (interpolate linearly; error < 2e-4); each muscle names its table in "
        "curve_table. Thelen2003Muscle curves are closed-form in the constants of curve"
    ),
    "lever_ref_m": (
        "OpenSim sets: computeMomentArm along the coupled motion at th = 0; "
        "MyoTorso: MuJoCo actuator_moment along the coupling"
    ),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--models",
        type=Path,
        required=True,
        help="folder with git copies of opensim-models and myo_sim",
    )
    ap.add_argument(
        "--data-out", type=Path, default=ROOT / "backspasm_model" / "data" / "source_models.toml"
    )
    ap.add_argument(
        "--reference-out", type=Path, default=ROOT / "tests" / "data" / "opensim_reference.json"
    )
    ap.add_argument("--activation", type=float, default=0.02)
    args = ap.parse_args(argv)

    from derive import myotorso, osim  # the optional dependencies, imported late

    git = {s.key: sources.locate(args.models, s) for s in sources.SOURCES}
    provenance: dict = {}
    data: dict = {"sets": {}}
    ref: dict = {"sets": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        om = sources.OPENSIM_MODELS
        sources.extract(git[om.key], om, om.files, work / "opensim-models")
        provenance[om.key] = _prov(om, sources.blob_ids(git[om.key], om, om.files))
        myo_files = sources.extract_myo_sim(git["myo_sim"], work / "myo_sim")
        provenance["myo_sim"] = _prov(
            sources.MYO_SIM, sources.blob_ids(git["myo_sim"], sources.MYO_SIM, myo_files)
        )
        hip = None
        for key, (path, label) in SETS.items():
            print(f"{key}: deriving", file=sys.stderr)
            pm = osim.PosedModel(work / "opensim-models" / path, compliant_tendon=True)
            if key == "gait2392":
                hip = pm.hip_in_pelvis()
            derived = pipeline.derive_osim_set(pm, args.activation)
            file_rigid = sorted(n for n, v in pm.file_ignores_tendon_compliance.items() if v)
            data["sets"][key] = {
                "label": label,
                "source": f"{om.repo}@{om.commit[:8]}:{path}",
                "tendon": (
                    "compliant (ignore_tendon_compliance set false on every muscle; the "
                    f"file sets it true on {len(file_rigid)} muscles)"
                    if file_rigid
                    else "compliant (as in the file)"
                ),
                "activation": args.activation,
                "upper_body": derived["upper_body"],
                "muscles": derived["muscles"],
            }
            if "curve_tables" in derived:
                data["sets"][key]["curve_tables"] = derived["curve_tables"]
            print(f"{key}: OpenSim reference", file=sys.stderr)
            ref["sets"][key] = pipeline.osim_reference(pm, derived["muscles"], args.activation)
        print("myotorso: deriving", file=sys.stderr)
        t = myotorso.Torso(myotorso.load(work / "myo_sim"), hip)
        section, myo_ref = pipeline.derive_myotorso(t)
        data["sets"]["myotorso"] = {
            "label": "MyoTorso (Christophy 2012 lumbar spine, MuJoCo), rigid tendon",
            "source": f"{sources.MYO_SIM.repo}@{sources.MYO_SIM.commit[:8]}:torso/myotorso.xml",
            **section,
        }
        ref["myotorso"] = myo_ref

    meta = {
        "title": "Muscle paths, parameters and mass paths derived from the source models",
        "pipeline": "tools/derive_source_models.py",
        "pipeline_version": PIPELINE_VERSION,
        "generated": datetime.date.today().isoformat(),
        "opensim_version": _version("opensim"),
        "mujoco_version": _version("mujoco"),
        "activation": args.activation,
        "fit_range_deg": list(pipeline.FIT_RANGE_DEG),
        "fit_tol_mm": pipeline.FIT_TOL_M * 1e3,
        **{f"convention_{k}": v for k, v in CONVENTIONS.items()},
    }
    data = {"meta": meta, "sources": {k: v for k, v in provenance.items()}, **data}
    header = (
        "Derived by tools/derive_source_models.py from the public source models at pinned\n"
        "commits ([sources]); do not edit by hand, re-run the pipeline (docs/derivation.md)."
    )
    args.data_out.write_text(dumps(data, header))
    ref_doc = {
        "provenance": {
            **{k: v for k, v in meta.items() if not k.startswith("convention_")},
            "sources": {
                k: {kk: vv for kk, vv in v.items() if kk != "files"} for k, v in provenance.items()
            },
            "what": (
                "OpenSim 4.6's own answer: muscles equilibrated "
                "(equilibrateMuscles, compliant tendon) at the activation, "
                "generalised force along the coupled motion, both sides"
            ),
        },
        "conventions": {
            "moment_Nm": "both sides (the muscle and its _l mirror), N m, anterior-tilt positive",
            "right_*": "right-side muscle only",
            "gravity_Nm": "-M g dy_com/dth of the moving bodies (upper_body)",
            **CONVENTIONS,
        },
        "angles_deg": list(pipeline.REFERENCE_ANGLES_DEG),
        **ref,
    }
    args.reference_out.parent.mkdir(parents=True, exist_ok=True)
    args.reference_out.write_text(json.dumps(ref_doc, indent=1) + "\n")
    _summary(data, ref_doc)
    return 0


def _prov(src: sources.Source, blobs: dict[str, str]) -> dict:
    return {"repo": src.repo, "commit": src.commit, "files": Inline(blobs)}


def _version(mod: str) -> str:
    return str(__import__(mod).__version__)


def _summary(data: dict, ref: dict) -> None:
    for key, s in data["sets"].items():
        m = s["muscles"]
        errs = np.array([v["fit_err_mm"] for v in m.values()])
        lev = [v.get("lever_err_mm", 0.0) for v in m.values()]
        print(
            f"{key}: {len(m)} muscles, fit error max {errs.max():.4f} mm, degree "
            f"{min(v['poly_degree'] for v in m.values())}-"
            f"{max(v['poly_degree'] for v in m.values())}, lever error max {max(lev):.3f} mm"
        )
    for key in SETS:
        g = ref["sets"][key]["subgroups"]
        print(key, {k: v for k, v in g.items()})


if __name__ == "__main__":
    raise SystemExit(main())
