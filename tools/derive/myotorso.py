"""MuJoCo side of the derivation: MyoTorso (MyoHub/myo_sim torso/) posed along the coupled
motion.

MyoTorso's lumbar spine has one driving coordinate, ``flex_extension`` (L5-S1, phi); the
other four flexion-extension joints and the abdomen rotation ``Abs_r3`` follow it through the
model's own ``<equality>`` polynomials (read from the compiled model, not copied). A
thorax-upright pelvis rotation ``th`` (anterior positive) is a total lumbar extension ``th``,
so ``phi = th / sum(ratios)``. The sacrum frame is the gait2392 pelvis frame (x anterior,
y superior, z right); points are reported relative to the gait2392 right hip centre and, for a
pelvis rotation, rotated with the pelvis about that hip (femur fixed).
"""

from __future__ import annotations

from pathlib import Path

import mujoco
import numpy as np

#: gait2392 right hip centre in the pelvis (= MyoTorso sacrum) frame, m (hip_r joint
#: location in the pelvis body of gait2392_thelen2003muscle.osim; checked by the pipeline).
LUMBAR_BODIES = ("lumbar5", "lumbar4", "lumbar3", "lumbar2", "lumbar1")
LUMBAR_JOINT_NAMES = ("L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2")
FE_JOINTS = ("flex_extension", "L4_L5_FE", "L3_L4_FE", "L2_L3_FE", "L1_L2_FE")
#: Bodies that move with the lumbar chain (everything above the sacrum).
UPPER_BODIES = (
    "lumbar5",
    "Abdomen",
    "lumbar4",
    "lumbar3",
    "lumbar2",
    "lumbar1",
    "torso",
    "head_attach",
    "neck",
    "head",
)


def load(myo_sim_dir: Path) -> mujoco.MjModel:
    """Compile torso/myotorso.xml with mesh geometry, meshes and textures removed (they only
    draw the model; muscle paths run between sites and wrapping geoms)."""
    spec = mujoco.MjSpec.from_file(str(myo_sim_dir / "torso" / "myotorso.xml"))
    for g in list(spec.geoms):
        if g.type == mujoco.mjtGeom.mjGEOM_MESH:
            spec.delete(g)
    for a in list(spec.meshes) + list(spec.textures) + list(spec.hfields):
        spec.delete(a)
    for mat in spec.materials:
        mat.textures = [""] * len(mat.textures)
    return spec.compile()


class Torso:
    def __init__(self, model: mujoco.MjModel, hip_m: np.ndarray):
        self.m = model
        self.d = mujoco.MjData(model)
        self.hip = np.asarray(hip_m, dtype=float)
        fe = mujoco.mj_name2id(model, mujoco.mjtObj.mjOBJ_JOINT, "flex_extension")
        # coupled joints: qpos[j1] = polycoef(phi) for every joint equality driven by phi;
        # joint equalities with no driver (locked joints) hold their constant term.
        self.coupled: list[tuple[int, np.ndarray]] = []
        for e in range(model.neq):
            if model.eq_type[e] != mujoco.mjtEq.mjEQ_JOINT:
                continue
            j1, j2 = model.eq_obj1id[e], model.eq_obj2id[e]
            if j2 == fe or j2 == -1:
                coef = model.eq_data[e][:5].copy()
                if j2 == -1:
                    coef[1:] = 0.0
                self.coupled.append((int(model.jnt_qposadr[j1]), coef))
        self.ratios = np.array([self._ratio(n) for n in FE_JOINTS])
        self.abdomen_ratio = self._ratio("Abs_r3")

    def _ratio(self, joint: str) -> float:
        if joint == "flex_extension":
            return 1.0
        adr = self.m.jnt_qposadr[mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_JOINT, joint)]
        for a, coef in self.coupled:
            if a == adr:
                if np.any(coef[2:]) or coef[0]:
                    raise RuntimeError(f"{joint}: non-linear coupling {coef}")
                return float(coef[1])
        raise RuntimeError(f"{joint} is not coupled to flex_extension")

    def pose(self, th_deg: float) -> None:
        """Lumbar extension th (deg) shared by the coupling; pelvis frame fixed."""
        phi = np.radians(th_deg) / self.ratios.sum()
        q = self.m.qpos0.copy()
        q[
            self.m.jnt_qposadr[
                mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_JOINT, "flex_extension")
            ]
        ] = phi
        for adr, coef in self.coupled:
            q[adr] = np.polyval(coef[::-1], phi)
        self.d.qpos[:] = q
        mujoco.mj_fwdPosition(self.m, self.d)

    def _sacrum(self) -> tuple[np.ndarray, np.ndarray]:
        b = mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_BODY, "sacrum")
        return self.d.xpos[b].copy(), self.d.xmat[b].reshape(3, 3).copy()

    def to_hip(self, p_world: np.ndarray, th_deg: float = 0.0) -> np.ndarray:
        """World point -> (x, y, z) relative to the right hip, pelvis rotated by th (deg)."""
        o, r = self._sacrum()
        p = r.T @ (np.asarray(p_world) - o) - self.hip
        t = np.radians(th_deg)
        c, s = np.cos(t), np.sin(t)
        return np.array([p[0] * c + p[1] * s, -p[0] * s + p[1] * c, p[2]])

    def thorax_angle_deg(self) -> float:
        """Rotation of the torso body relative to the sacrum about +z (deg, extension +)."""
        _, rs = self._sacrum()
        b = mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_BODY, "torso")
        rel = rs.T @ self.d.xmat[b].reshape(3, 3)
        # torso's own fixed offset is removed by the caller (difference to th = 0)
        return float(np.degrees(np.arctan2(rel[1, 0], rel[0, 0])))

    def joint_centres(self, th_deg: float = 0.0) -> dict[str, list[float]]:
        self.pose(th_deg)
        out = {}
        for name, body in zip(LUMBAR_JOINT_NAMES, LUMBAR_BODIES, strict=True):
            b = mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_BODY, body)
            j = self.m.body_jntadr[b]
            anchor = self.d.xanchor[j] if j >= 0 else self.d.xpos[b]
            out[name] = self.to_hip(anchor, th_deg)[:2].tolist()
        return out

    def actuator_length(self, name: str) -> float:
        return float(self.d.actuator_length[self._act(name)])

    def _act(self, name: str) -> int:
        i = mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_ACTUATOR, name)
        if i < 0:
            raise KeyError(name)
        return i

    def coupled_lever(self, name: str) -> float:
        """-dL/dth (m/rad) from MuJoCo's own actuator moment arms (sparse rows of
        ``actuator_moment`` = gear x dL/dq) summed along the coupling, at the current pose."""
        i = self._act(name)
        dq = np.zeros(self.m.nv)
        total = self.ratios.sum()
        fe = mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_JOINT, "flex_extension")
        dq[self.m.jnt_dofadr[fe]] = 1.0 / total
        for j in range(self.m.njnt):
            adr = self.m.jnt_qposadr[j]
            for a, coef in self.coupled:
                if a == adr:
                    dq[self.m.jnt_dofadr[j]] = coef[1] / total
        adr, nnz = self.d.moment_rowadr[i], self.d.moment_rownnz[i]
        cols = self.d.moment_colind[adr : adr + nnz]
        vals = self.d.actuator_moment[adr : adr + nnz]
        return float(-(vals @ dq[cols]) / self.m.actuator_gear[i, 0])

    def muscle_parameters(self, name: str) -> dict:
        """MuJoCo muscle parameters (gainprm) and the optimal and tendon lengths MuJoCo
        derives from the actuator length range: L0 = (lr1 - lr0) / (range1 - range0),
        LT = lr0 - range0 * L0 (rigid tendon)."""
        i = self._act(name)
        g = self.m.actuator_gainprm[i]
        lr = self.m.actuator_lengthrange[i]
        l0 = (lr[1] - lr[0]) / (g[1] - g[0])
        return {
            "class": "mujoco muscle",
            "Fmax_N": float(g[2]),
            "Lopt_m": float(l0),
            "Lts_m": float(lr[0] - g[0] * l0),
            "penn_rad": 0.0,
            "curve": {
                "range": [float(g[0]), float(g[1])],
                "lmin": float(g[4]),
                "lmax": float(g[5]),
                "vmax": float(g[6]),
                "fpmax": float(g[7]),
                "fvmax": float(g[8]),
                "lengthrange_m": [float(lr[0]), float(lr[1])],
            },
        }

    def ql_muscles(self, side: str = "_r") -> list[str]:
        return [
            self.m.actuator(i).name
            for i in range(self.m.nu)
            if self.m.actuator(i).name.startswith("QL_") and self.m.actuator(i).name.endswith(side)
        ]

    def site_rel_hip(self, site: str, th_deg: float = 0.0) -> list[float]:
        i = mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_SITE, site)
        return self.to_hip(self.d.site_xpos[i], th_deg).tolist()

    def upper_body(self) -> list[tuple[int, float]]:
        out = []
        for n in UPPER_BODIES:
            b = mujoco.mj_name2id(self.m, mujoco.mjtObj.mjOBJ_BODY, n)
            if b >= 0 and self.m.body_mass[b] > 0:
                out.append((b, float(self.m.body_mass[b])))
        return out

    def com_rel_hip(self, th_deg: float, bodies: list[tuple[int, float]]) -> np.ndarray:
        self.pose(th_deg)
        acc, mass = np.zeros(2), 0.0
        for b, m in bodies:
            acc += m * self.to_hip(self.d.xipos[b], th_deg)[:2]
            mass += m
        return acc / mass
