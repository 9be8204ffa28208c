"""Bundled, sourced parameters of the pelvis model.

The numbers live in TOML files inside the package (``backspasm_model/data``), each with its
units and source; this module reads them with :mod:`importlib.resources` and :mod:`tomllib`
and turns them into small immutable objects the model functions use.

>>> p = load_parameter_set("gait2392")
>>> p.name, round(p.model_body_mass_kg, 3)
('gait2392', 75.165)
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
    "back_extensors",
    "hamstrings",
    "gluteus_maximus",
    "abdominals",
)

#: Names accepted by :func:`load_parameter_set` (and by ``stand(params=...)``).
PARAMETER_SET_NAMES: tuple[str, ...] = ("gait2392", "rajagopal2016")


@cache
def read_data_file(name: str) -> dict[str, Any]:
    """Parsed content of a bundled TOML data file, e.g. ``"pelvis.toml"``.

    >>> read_data_file("pelvis.toml")["hill"]["active_width_gamma"]["value"]
    0.45
    """
    text = resources.files("backspasm_model").joinpath("data", name).read_text("utf-8")
    return tomllib.loads(text)


def pelvis_data() -> dict[str, Any]:
    """The pelvis/QL/passive-tissue parameter table (``data/pelvis.toml``)."""
    return read_data_file("pelvis.toml")


def source_of(entry: str, file: str = "pelvis.toml") -> str:
    """Source string of a dotted entry of a data file, for notebooks and reference lists.

    >>> "Woodhull" in source_of("trunk_com_offset")
    True
    """
    node: Any = read_data_file(file)
    for key in entry.split("."):
        node = node[key]
    return str(node["source"])


@dataclass(frozen=True)
class Muscle:
    """One muscle (one side) acting on the pelvis.

    ``lever_m`` is the moment arm on the pelvis about the hip axis with anterior tilt
    positive (m); ``Fmax_N`` the maximal isometric force (N); ``Lopt_m`` the optimal fibre
    length (m); ``penn_rad`` the pennation angle (rad).
    """

    name: str
    group: str
    Fmax_N: float
    Lopt_m: float
    penn_rad: float
    lever_m: float


@dataclass(frozen=True)
class ParameterSet:
    """A named set of muscle parameters with the shared pelvis data.

    Use :func:`load_parameter_set` to get one.
    """

    name: str
    label: str
    source: str
    model_body_mass_kg: float
    muscles: tuple[Muscle, ...]
    arrays: dict[str, np.ndarray] = field(repr=False, compare=False)

    def group_capacity_Nm(self, group: str) -> float:
        """Sum of Fmax x |lever| over a group at neutral, one side (N m).

        This is the "hip moment capacity" of validation target V7 (no force-length scaling).
        """
        return float(sum(m.Fmax_N * abs(m.lever_m) for m in self.muscles if m.group == group))


@cache
def load_parameter_set(name: str = "gait2392") -> ParameterSet:
    """Load a bundled parameter set by name (``"gait2392"`` or ``"rajagopal2016"``).

    Raises ``ValueError`` naming the allowed names for anything else.
    """
    if not isinstance(name, str) or name not in PARAMETER_SET_NAMES:
        raise ValueError(
            f"params={name!r} is not a known parameter set; allowed: "
            f"{', '.join(PARAMETER_SET_NAMES)} (or a ParameterSet object)"
        )
    raw = read_data_file("muscles.toml")["sets"][name]
    muscles = tuple(
        Muscle(
            name=key,
            group=str(m["group"]),
            Fmax_N=float(m["Fmax_N"]),
            Lopt_m=float(m["Lopt_m"]),
            penn_rad=float(m["penn_rad"]),
            lever_m=float(m["lever_m"]),
        )
        for key, m in raw["muscles"].items()
    )
    for m in muscles:
        if m.group not in GROUPS:  # pragma: no cover - data file consistency
            raise ValueError(f"muscle {m.name} has unknown group {m.group!r}")
    arrays = {
        "Fmax_N": np.array([m.Fmax_N for m in muscles]),
        "Lopt_m": np.array([m.Lopt_m for m in muscles]),
        "cos_penn": np.cos([m.penn_rad for m in muscles]),
        "lever_m": np.array([m.lever_m for m in muscles]),
        "group_index": np.array([GROUPS.index(m.group) for m in muscles]),
    }
    for a in arrays.values():
        a.setflags(write=False)
    return ParameterSet(
        name=name,
        label=str(raw["label"]),
        source=str(raw["source"]),
        model_body_mass_kg=float(raw["model_body_mass_kg"]),
        muscles=muscles,
        arrays=arrays,
    )
