"""Bundled, sourced parameters of the pelvis model.

The numbers live in TOML files inside the package (``backspasm_model/data``), each with its
units and source; this module reads them with :mod:`importlib.resources` and :mod:`tomllib`
and turns them into small immutable objects the model functions use.

The muscles come from ``data/source_models.toml``, written by the derivation pipeline
(``tools/derive_source_models.py``, ``docs/derivation.md``) from the source models at pinned
commits: every muscle of the set that crosses the hip or the lumbar spine with a sagittal action,
with its musculotendon length ``L(th)`` along the one coupled motion as a polynomial. The
Rajagopal model has no trunk muscles, so both sets take erector spinae and the obliques from
gait2392 and rectus abdominis and the 18 quadratus lumborum fascicles from MyoTorso.

>>> p = load_parameter_set("gait2392")
>>> p.name, round(p.model_body_mass_kg, 3), len(p.muscles)
('gait2392', 75.165, 49)
>>> round(p.group_capacity_Nm("hamstrings") / p.group_capacity_Nm("quadriceps"), 1)
2.8
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

__all__ = [
    "GROUPS",
    "Muscle",
    "ParameterSet",
    "PARAMETER_SET_NAMES",
    "load_parameter_set",
    "pelvis_data",
    "source_of",
    "read_data_file",
]

#: Muscle groups acting on the pelvis, in display order (anterior tilters first).
GROUPS: tuple[str, ...] = (
    "quadriceps",
    "hip_flexors",
    "other_hip_flexors",
    "back_extensors",
    "hamstrings",
    "gluteus_maximus",
    "other_hip_extensors",
    "abdominals",
)

#: Names accepted by :func:`load_parameter_set` (and by ``stand(params=...)``).
PARAMETER_SET_NAMES: tuple[str, ...] = ("gait2392", "rajagopal2016")

# trunk muscles borrowed by every set: (source set, muscle names)
_TRUNK = (("gait2392", ("ercspn_r", "intobl_r", "extobl_r")), ("myotorso", None))


@cache
def read_data_file(name: str) -> dict[str, Any]:
    """Parsed content of a bundled TOML data file, e.g. ``"pelvis.toml"``.

    >>> read_data_file("pelvis.toml")["hill"]["active_width_gamma"]["value"]
    0.5
    """
    text = resources.files("backspasm_model").joinpath("data", name).read_text("utf-8")
    return tomllib.loads(text)


def pelvis_data() -> dict[str, Any]:
    """The pelvis/QL/passive-tissue parameter table (``data/pelvis.toml``)."""
    return read_data_file("pelvis.toml")


def source_of(entry: str, file: str = "pelvis.toml") -> str:
    """Source string of a dotted entry of a data file, for notebooks and reference lists.

    >>> "Remus" in source_of("lumbar_passive_stiffness")
    True
    """
    node: Any = read_data_file(file)
    for key in entry.split("."):
        node = node[key]
    return str(node["source"])


@dataclass(frozen=True)
class Muscle:
    """One muscle (right side; the balance doubles it for both sides) acting on the pelvis.

    ``name`` is the source model's name without the side suffix (``rect_fem``,
    ``QL_ant_I.3-12.1``); ``source`` the set it comes from (``gait2392``, ``rajagopal2016``,
    ``myotorso``); ``group`` one of :data:`GROUPS` and ``subgroup`` the finer name the
    source models' groups use (``erector_spinae``, ``obliques``, ...). ``Fmax_N`` the maximal
    isometric force (N); ``Lopt_m`` the optimal fibre length (m); ``penn_rad`` the pennation
    at optimal length (rad); ``length_poly`` the musculotendon length ``L(th) = sum(c[k]
    th**k)`` (m, ``th`` the model pelvis rotation in rad, anterior positive, ascending powers);
    ``lever_m = -dL/dth`` at the reference pose (``th = 0``, m, anterior-tilt positive);
    ``fibre_ref_norm`` the source model's own equilibrium fibre length / optimal length at the
    reference pose; ``curve`` the force-length curves: ``("thelen", gamma, kPE, e0)`` or
    ``("table", name)`` (a Millard table of the set, see :attr:`ParameterSet.curve_tables`).
    """

    name: str
    source: str
    group: str
    subgroup: str
    Fmax_N: float
    Lopt_m: float
    penn_rad: float
    length_poly: tuple[float, ...]
    lever_m: float
    fibre_ref_norm: float
    curve: tuple[Any, ...]


@dataclass(frozen=True)
class ParameterSet:
    """A named set of muscle parameters with the upper body's centre-of-mass path.

    ``com_y_poly``: height of the centre of mass of every body that moves with the pelvis
    (pelvis, thorax carried upright on the lumbar chain, arms), m, power series in ``th``
    (rad); ``upper_body_mass_kg`` their mass in the source model. ``curve_tables``: Millard
    force-length tables by name, each ``(norm_fibre_length, active, passive)`` arrays.
    Use :func:`load_parameter_set` to get one.
    """

    name: str
    label: str
    source: str
    model_body_mass_kg: float
    muscles: tuple[Muscle, ...]
    upper_body_mass_kg: float
    com_y_poly: tuple[float, ...]
    curve_tables: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(
        repr=False, compare=False
    )

    def group_capacity_Nm(self, group: str) -> float:
        """Sum of Fmax x |lever| over a group at the reference pose, one side (N m).

        This is the "hip moment capacity" of validation target V7 (no force-length scaling);
        the lever is ``-dL/dth`` of the derived length polynomial.
        """
        return float(sum(m.Fmax_N * abs(m.lever_m) for m in self.muscles if m.group == group))


_THELEN_KEYS = ("KshapeActive", "KshapePassive", "FmaxMuscleStrain")


def _curve(raw: dict[str, Any]) -> tuple[Any, ...]:
    if "curve_table" in raw:
        return ("table", str(raw["curve_table"]))
    if raw["class"] == "Thelen2003Muscle":
        return ("thelen", *(float(raw["curve"][k]) for k in _THELEN_KEYS))
    # MuJoCo muscles (MyoTorso): the gait2392 Thelen curves, see data/pelvis.toml [hill]
    h = pelvis_data()["hill"]
    return (
        "thelen",
        *(
            float(h[k]["value"])
            for k in ("active_width_gamma", "passive_shape_kPE", "passive_strain_e0")
        ),
    )


def _muscle(source: str, key: str, raw: dict[str, Any]) -> Muscle:
    c = tuple(float(v) for v in raw["length_poly"])
    return Muscle(
        name=key[:-2] if key.endswith("_r") else key,
        source=source,
        group=str(raw["group"]),
        subgroup=str(raw["subgroup"]),
        Fmax_N=float(raw["Fmax_N"]),
        Lopt_m=float(raw["Lopt_m"]),
        penn_rad=float(raw["penn_rad"]),
        length_poly=c,
        lever_m=-c[1],
        fibre_ref_norm=float(raw["fibre_length_ref_norm"]),
        curve=_curve(raw),
    )


def load_parameter_set(name: str = "gait2392") -> ParameterSet:
    """Load a bundled parameter set by name (``"gait2392"`` or ``"rajagopal2016"``).

    Raises ``ValueError`` (``TypeError`` for a value that is not text) naming the value and
    the allowed names for anything else; the check comes before the cache, so an unhashable
    value gets the same message.
    """
    if not isinstance(name, str) or name not in PARAMETER_SET_NAMES:
        exc = ValueError if isinstance(name, str) else TypeError
        raise exc(
            f"params={name!r} is not a known parameter set (the name of load_parameter_set); "
            f"allowed: {', '.join(PARAMETER_SET_NAMES)} (or a ParameterSet object), no unit"
        )
    return _load_parameter_set(name)


@cache
def _load_parameter_set(name: str) -> ParameterSet:
    meta = read_data_file("muscles.toml")["sets"][name]
    sets = read_data_file("source_models.toml")["sets"]
    own = sets[name]
    muscles = [_muscle(name, k, m) for k, m in own["muscles"].items() if m["joint"] == "hip"]
    for src, names in _TRUNK:
        for k, m in sets[src]["muscles"].items():
            if m["joint"] == "lumbar" and (names is None or k in names):
                muscles.append(_muscle(src, k, m))
    for m in muscles:
        if m.group not in GROUPS:  # pragma: no cover - data file consistency
            raise ValueError(f"muscle {m.name} has unknown group {m.group!r}")
    tables: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for k, t in own.get("curve_tables", {}).items():
        grid, act, pas = (
            np.array(t[f], dtype=float)
            for f in ("norm_fibre_length", "active_force_length", "passive_force_length")
        )
        for a in (grid, act, pas):
            a.setflags(write=False)
        tables[str(k)] = (grid, act, pas)
    ub = own["upper_body"]
    return ParameterSet(
        name=name,
        label=str(meta["label"]),
        source=str(meta["source"]),
        model_body_mass_kg=float(meta["model_body_mass_kg"]),
        muscles=tuple(sorted(muscles, key=lambda m: (GROUPS.index(m.group), m.name))),
        upper_body_mass_kg=float(ub["mass_kg"]),
        com_y_poly=tuple(float(v) for v in ub["com_y_poly"]),
        curve_tables=tables,
    )
