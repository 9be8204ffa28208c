"""The inputs of the balance: the two views, every numeric input's allowed range, unit and
default, and their validation into one broadcast block. numpy and the standard library only.

Strength inputs scale a group's maximal forces: ``quad_strength`` rectus femoris,
``hip_flexor_strength`` iliacus and psoas, ``hamstring_strength``, ``glute_strength`` gluteus
maximus, ``back_extensor_strength`` erector spinae and QL, ``abdominal_strength`` the obliques
and rectus abdominis, and ``other_hip_strength`` every other hip muscle of the source model
(gluteus medius and minimus, adductors, sartorius, tensor fasciae latae, gracilis, pectineus,
piriformis, ...: the groups ``other_hip_flexors`` and ``other_hip_extensors``), so that the
named inputs keep meaning the muscles the clinical argument names. There is no trunk
centre-of-mass input: with the thorax upright and translating, where its centre of mass sits
horizontally does no virtual work (docs/model.md).

>>> INPUT_RANGES["quad_strength"].unit
'x nominal'
>>> sorted(VIEWS)
['full', 'seed']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .checks import InputRange, check_choice, check_range
from .parameters import GROUPS, ParameterSet, load_parameter_set, pelvis_data

__all__ = ["DEFAULTS", "INPUT_RANGES", "VIEWS", "VIEW_GROUPS", "NoPostureError"]

_d = pelvis_data()

#: The two views of the balance.
VIEWS: tuple[str, ...] = ("seed", "full")
#: Muscle groups present in each view.
VIEW_GROUPS: dict[str, tuple[str, ...]] = {
    "seed": ("quadriceps", "hamstrings"),
    "full": GROUPS,
}


def _default(key: str) -> float:
    return float(_d[key]["value"])


def _range(key: str, unit: str) -> InputRange:
    lo, hi = _d[key]["range"]
    return InputRange(lo, hi, unit)


_STRENGTH = InputRange(0.25, 3.0, "x nominal")
_TIGHTNESS = InputRange(0.0, 0.3, "fraction of optimal length lost")

#: Allowed range and unit of every numeric input of :func:`stand` (widgets clamp to these).
INPUT_RANGES: dict[str, InputRange] = {
    "quad_strength": _STRENGTH,
    "hamstring_strength": _STRENGTH,
    "hip_flexor_strength": _STRENGTH,
    "glute_strength": _STRENGTH,
    "back_extensor_strength": _STRENGTH,
    "abdominal_strength": _STRENGTH,
    "other_hip_strength": _STRENGTH,
    "quad_tightness": _TIGHTNESS,
    "hamstring_tightness": _TIGHTNESS,
    "hip_flexor_tightness": _TIGHTNESS,
    "activation": _range("postural_activation", "fraction of maximum"),
    "body_mass_kg": InputRange(30.0, 200.0, "kg"),
    "hip_stiffness_Nm_per_deg": _range("hip_passive_stiffness", "N m/deg"),
    "lumbar_stiffness_Nm_per_deg": _range("lumbar_passive_stiffness", "N m/deg"),
    "ql_neutral_fibre_length": _range("ql_neutral_fibre_length", "x optimal length"),
}

#: Default (nominal) value of every numeric input of :func:`stand`.
DEFAULTS: dict[str, float] = {
    "quad_strength": 1.0,
    "hamstring_strength": 1.0,
    "hip_flexor_strength": 1.0,
    "glute_strength": 1.0,
    "back_extensor_strength": 1.0,
    "abdominal_strength": 1.0,
    "other_hip_strength": 1.0,
    "quad_tightness": 0.0,
    "hamstring_tightness": 0.0,
    "hip_flexor_tightness": 0.0,
    "activation": _default("postural_activation"),
    "body_mass_kg": float(_d["masses"]["model_body_mass_kg"]["value"]),
    "hip_stiffness_Nm_per_deg": _default("hip_passive_stiffness"),
    "lumbar_stiffness_Nm_per_deg": _default("lumbar_passive_stiffness"),
    "ql_neutral_fibre_length": _default("ql_neutral_fibre_length"),
}

_GROUP_STRENGTH = {
    "quadriceps": "quad_strength",
    "hamstrings": "hamstring_strength",
    "hip_flexors": "hip_flexor_strength",
    "gluteus_maximus": "glute_strength",
    "back_extensors": "back_extensor_strength",
    "abdominals": "abdominal_strength",
    "other_hip_flexors": "other_hip_strength",
    "other_hip_extensors": "other_hip_strength",
}
_GROUP_TIGHTNESS = {
    "quadriceps": "quad_tightness",
    "hamstrings": "hamstring_tightness",
    "hip_flexors": "hip_flexor_tightness",
}


class NoPostureError(ValueError):
    """No stable standing posture exists inside the physiological window for these inputs."""


def _resolve_params(params: object) -> ParameterSet:
    if isinstance(params, ParameterSet):
        return params
    return load_parameter_set(params)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Inputs:
    values: dict[str, np.ndarray]
    shape: tuple[int, ...]
    view: str
    params: ParameterSet

    def flat(self, key: str) -> np.ndarray:
        v = self.values[key]
        return np.broadcast_to(v, self.shape).reshape(-1) if v.ndim else v

    def with_shape(self, shape: tuple[int, ...]) -> _Inputs:
        return _Inputs(self.values, shape, self.view, self.params)


def _validate(kwargs: dict[str, Any], view: object, params: object) -> _Inputs:
    unknown = set(kwargs) - set(INPUT_RANGES)
    if unknown:
        raise TypeError(
            f"unknown input(s) {', '.join(sorted(unknown))}; allowed: "
            f"{', '.join(INPUT_RANGES)}, view, params"
        )
    view = check_choice("view", view, VIEWS)
    pset = _resolve_params(params)
    values = {}
    for key, rng in INPUT_RANGES.items():
        raw = kwargs.get(key, DEFAULTS[key])
        values[key] = check_range(key, raw, rng.lo, rng.hi, rng.unit)
    try:
        shape = np.broadcast_shapes(*(v.shape for v in values.values()))
    except ValueError as exc:
        shapes = {k: v.shape for k, v in values.items() if v.ndim}
        raise ValueError(f"inputs do not broadcast together: {shapes}") from exc
    return _Inputs(values, tuple(shape), str(view), pset)
