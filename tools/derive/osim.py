"""OpenSim side of the derivation: pose gait2392 / Rajagopal2016 along the coupled motion,
read muscle parameters, sweep musculotendon lengths, equilibrate muscles, sum moments.

The coupled motion (one degree of freedom, the model pelvis rotation ``th``, anterior
positive): ``pelvis_tilt = -th`` (OpenSim tilt is posterior positive), ``hip_flexion_r =
hip_flexion_l = +th`` (femurs fixed in space), ``lumbar_extension = +th`` (thorax upright; both
models have a single lumbar joint, the ``back`` CustomJoint), knees 0, every other coordinate
at its default. A muscle's moment on the pelvis is its generalised force along that motion,
``F * sum_j r_j dq_j/dth`` with ``r_j`` OpenSim's moment arm about coordinate ``j``; this is
``F * (-dL/dth)``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import opensim as osim

#: d(coordinate)/d(th) along the coupled motion.
COUPLING = {
    "pelvis_tilt": -1.0,
    "hip_flexion_r": 1.0,
    "hip_flexion_l": 1.0,
    "lumbar_extension": 1.0,
}
HELD_ZERO = ("knee_angle_r", "knee_angle_l")
LEG_BODIES = ("femur", "tibia", "patella", "talus", "calcn", "toes")
#: Model-side group of each named muscle (the numpy model's group keys) and the anatomical
#: subgroup used in the issue's table. Hip muscles not named here are grouped by the sign of
#: their sagittal lever at th = 0: other_hip_flexors (> 0) or other_hip_extensors (< 0).
NAMED_GROUPS = {
    "rect_fem": ("quadriceps", "rectus_femoris"),
    "recfem": ("quadriceps", "rectus_femoris"),
    "iliacus": ("hip_flexors", "iliopsoas"),
    "psoas": ("hip_flexors", "iliopsoas"),
    "semimem": ("hamstrings", "hamstrings"),
    "semiten": ("hamstrings", "hamstrings"),
    "bifemlh": ("hamstrings", "hamstrings"),
    "bflh": ("hamstrings", "hamstrings"),
    "glut_max1": ("gluteus_maximus", "gluteus_maximus"),
    "glut_max2": ("gluteus_maximus", "gluteus_maximus"),
    "glut_max3": ("gluteus_maximus", "gluteus_maximus"),
    "glmax1": ("gluteus_maximus", "gluteus_maximus"),
    "glmax2": ("gluteus_maximus", "gluteus_maximus"),
    "glmax3": ("gluteus_maximus", "gluteus_maximus"),
    "ercspn": ("back_extensors", "erector_spinae"),
    "intobl": ("abdominals", "obliques"),
    "extobl": ("abdominals", "obliques"),
}
#: Muscle properties that are not curve constants (reported separately or irrelevant here).
_NOT_CURVE = {
    "appliesForce",
    "optimal_force",
    "max_isometric_force",
    "optimal_fiber_length",
    "tendon_slack_length",
    "pennation_angle_at_optimal",
    "min_control",
    "max_control",
    "GeometryPath",
    "path",
    "Appearance",
    "activation_time_constant",
    "deactivation_time_constant",
    "default_activation",
    "default_fiber_length",
    "ignore_tendon_compliance",
    "ignore_activation_dynamics",
    "activation1",
    "activation2",
}

osim.Logger.setLevelString("error")


def group_of(base: str, lever_ref_m: float) -> tuple[str, str]:
    if base in NAMED_GROUPS:
        return NAMED_GROUPS[base]
    g = "other_hip_flexors" if lever_ref_m > 0 else "other_hip_extensors"
    return g, g


def _parse(text: str) -> float | bool | None:
    if text in ("true", "false"):
        return text == "true"
    try:
        return float(text)
    except ValueError:
        return None


def _props(obj, skip=frozenset()) -> dict:
    """Scalar (numeric/bool) properties of an OpenSim object, recursing into sub-objects."""
    out: dict = {}
    for i in range(obj.getNumProperties()):
        p = obj.getPropertyByIndex(i)
        name = p.getName()
        if name in skip:
            continue
        if p.isObjectProperty():
            if p.size() == 1:
                sub = _props(p.getValueAsObject(0))
                if sub:
                    out[name] = sub
        elif p.size() == 1:
            v = _parse(p.toString())
            if v is not None:
                out[name] = v
    return out


class PosedModel:
    """An OpenSim model posed along the coupled motion."""

    def __init__(self, path: Path, compliant_tendon: bool):
        self.model = osim.Model(str(path))
        self.file_ignores_tendon_compliance = {}
        muscles = self.model.getMuscles()
        for i in range(muscles.getSize()):
            mu = muscles.get(i)
            if mu.hasProperty("ignore_tendon_compliance"):
                self.file_ignores_tendon_compliance[mu.getName()] = bool(
                    mu.get_ignore_tendon_compliance()
                )
                if compliant_tendon:
                    mu.set_ignore_tendon_compliance(False)
        self.state = self.model.initSystem()
        self.coords = self.model.getCoordinateSet()
        self.muscles = self.model.getMuscles()
        for n in (*COUPLING, *HELD_ZERO):
            self.coords.get(n)  # raises if the model lacks the coordinate

    def pose(self, th_deg: float) -> None:
        s, th = self.state, np.radians(th_deg)
        for n, f in COUPLING.items():
            self.coords.get(n).setValue(s, f * th, False)
        for n in HELD_ZERO:
            self.coords.get(n).setValue(s, 0.0, False)
        self.model.assemble(s)
        self.model.realizePosition(s)
        for n, f in COUPLING.items():
            got = self.coords.get(n).getValue(s)
            # clamped to the coordinate's range? (Rajagopal's hip flexion limit is -30 deg to
            # 4e-9 rad, and assembly there leaves it 9e-6 rad off: a 0.0004 mm length error)
            if abs(got - f * th) > 2e-5:
                raise ValueError(
                    f"{n} = {np.degrees(f * th):g} deg is outside its range in "
                    f"{self.model.getName()} (got {np.degrees(got):g} deg)"
                )

    def check_pose(self, th_deg: float) -> None:
        """Femurs and torso keep their orientation in space; the pelvis turns by th."""
        self.pose(th_deg)
        bodies = self.model.getBodySet()
        for b, expect in (("femur_r", 0.0), ("femur_l", 0.0), ("torso", 0.0), ("pelvis", -th_deg)):
            r = bodies.get(b).getTransformInGround(self.state).R()
            ang = np.degrees(np.arctan2(r.get(1, 0), r.get(0, 0)))  # rotation about +z
            if abs(ang - expect) > 1e-2:
                raise RuntimeError(f"posing check failed: {b} at {ang:.6f} deg, expected {expect}")

    # --- muscles -------------------------------------------------------------------------
    def _bodies(self, mu) -> set[str]:
        pps = mu.getGeometryPath().getPathPointSet()
        out = set()
        for k in range(pps.getSize()):
            name = pps.get(k).getParentFrame().findBaseFrame().getName()
            out.add(name.rsplit("_", 1)[0] if name.endswith(("_r", "_l")) else name)
        return out

    def crossing_muscles(self, side: str = "_r") -> list[tuple[str, str]]:
        """(name, joint) of every muscle of ``side`` with a point on the pelvis and one on a
        leg (joint "hip") or on the torso (joint "lumbar")."""
        out = []
        for i in range(self.muscles.getSize()):
            mu = self.muscles.get(i)
            if not mu.getName().endswith(side):
                continue
            b = self._bodies(mu)
            if "pelvis" in b and b & set(LEG_BODIES):
                out.append((mu.getName(), "hip"))
            elif "pelvis" in b and "torso" in b:
                out.append((mu.getName(), "lumbar"))
        return out

    def parameters(self, name: str) -> dict:
        mu = self.muscles.get(name)
        return {
            "class": mu.getConcreteClassName(),
            "Fmax_N": mu.getMaxIsometricForce(),
            "Lopt_m": mu.getOptimalFiberLength(),
            "Lts_m": mu.getTendonSlackLength(),
            "penn_rad": mu.getPennationAngleAtOptimalFiberLength(),
            "curve": _props(mu, frozenset(_NOT_CURVE)),
        }

    def curve_table(self, name: str, grid: np.ndarray) -> dict | None:
        """Normalised active and passive force-length curves of a Millard2012Equilibrium
        muscle, evaluated by OpenSim's own curve objects on ``grid`` (normalised fibre
        lengths); None for other classes (Thelen2003Muscle's curves are closed-form)."""
        mu = osim.Millard2012EquilibriumMuscle.safeDownCast(self.muscles.get(name))
        if mu is None:
            return None
        act, pas = mu.getActiveForceLengthCurve(), mu.getFiberForceLengthCurve()
        return {
            "active_force_length": [act.calcValue(float(x)) for x in grid],
            "passive_force_length": [pas.calcValue(float(x)) for x in grid],
        }

    def length(self, name: str) -> float:
        return self.muscles.get(name).getLength(self.state)

    def coupled_lever(self, name: str) -> float:
        """sum_j r_j dq_j/dth (m) of one muscle at the current pose (OpenSim moment arms)."""
        mu = self.muscles.get(name)
        tot = 0.0
        for n, f in COUPLING.items():
            if n[-2:] in ("_r", "_l") and n[-2:] != name[-2:]:
                continue  # the other side's hip
            tot += f * mu.computeMomentArm(self.state, self.coords.get(n))
        return tot

    def equilibrium(self, th_deg: float, activation: float, names: list[str]) -> dict:
        """Equilibrate every muscle at ``activation`` in the pose; per muscle in ``names``:
        tendon force (N), fibre length / optimal, passive fibre force (N), coupled lever (m)."""
        self.pose(th_deg)
        s = self.state
        for i in range(self.muscles.getSize()):
            self.muscles.get(i).setActivation(s, activation)
        self.model.equilibrateMuscles(s)
        self.model.realizeDynamics(s)
        out = {}
        for n in names:
            mu = self.muscles.get(n)
            out[n] = {
                "tendon_force_N": mu.getTendonForce(s),
                "norm_fibre_length": mu.getNormalizedFiberLength(s),
                "passive_fibre_force_N": mu.getPassiveFiberForce(s),
                "lever_m": self.coupled_lever(n),
            }
        return out

    # --- mass ----------------------------------------------------------------------------
    def upper_body(self) -> list[tuple[str, float]]:
        """(body, mass) of every body that moves with the pelvis rotation (not the legs)."""
        bodies = self.model.getBodySet()
        out = []
        for i in range(bodies.getSize()):
            b = bodies.get(i)
            base = b.getName().rsplit("_", 1)[0]
            if base not in LEG_BODIES and b.getMass() > 0:
                out.append((b.getName(), b.getMass()))
        return out

    def com_rel_hip(self, bodies: list[tuple[str, float]]) -> np.ndarray:
        """Mass-weighted centre of ``bodies`` relative to the right hip centre (x, y; m)."""
        bs, s = self.model.getBodySet(), self.state
        hip = bs.get("femur_r").getPositionInGround(s)
        hip = np.array([hip.get(0), hip.get(1)])
        acc, mass = np.zeros(2), 0.0
        for name, m in bodies:
            b = bs.get(name)
            p = b.findStationLocationInGround(s, b.getMassCenter())
            acc += m * np.array([p.get(0), p.get(1)])
            mass += m
        return acc / mass - hip

    def hip_in_pelvis(self) -> np.ndarray:
        """Right hip centre (femur_r origin) in the pelvis frame at the default pose (m)."""
        self.pose(0.0)
        bs = self.model.getBodySet()
        p = bs.get("femur_r").findStationLocationInAnotherFrame(
            self.state, osim.Vec3(0, 0, 0), bs.get("pelvis")
        )
        return np.array([p.get(0), p.get(1), p.get(2)])

    def gravity(self) -> float:
        g = self.model.getGravity()
        return -g.get(1)
