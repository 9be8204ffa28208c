"""backspasm_model: a teaching model of pelvic tilt, quadratus lumborum length and the
exercises of a clinical argument about back spasms.

Layers, each building on the ones before it (``docs/architecture.md``): ``core`` (the balance),
``exercises``, ``evidence`` (numpy and the standard library only), then ``plotting``
(matplotlib) and ``apps`` (ipywidgets), which are imported only when asked for.

>>> import backspasm_model as bm
>>> r = bm.stand(quad_strength=1.5)
>>> round(float(r.tilt_deg), 1) > round(float(bm.stand().tilt_deg), 1)
True
"""

from .core.balance import (
    DEFAULTS,
    INPUT_RANGES,
    VIEWS,
    NoPostureError,
    StandResult,
    group_moments_Nm,
    hip_moment_capacity_Nm,
    muscle_moments_Nm,
    net_moment_Nm,
    stand,
)
from .core.kinematics import clinical_tilt_deg, ql_fascicle_length_m, ql_length_m
from .core.parameters import GROUPS, PARAMETER_SET_NAMES, ParameterSet, load_parameter_set
from .evidence.claims import VERDICTS, evaluate_claims, evaluate_parts
from .evidence.uncertainty import BodySample, sample_bodies
from .exercises.abduction import AbductionResult, side_lying_abduction
from .exercises.dose import DoseResult, abduction_dose
from .exercises.programme import ProgramResult, program
from .exercises.stance import StanceResult, single_leg_stance

__all__ = [
    "DEFAULTS",
    "GROUPS",
    "INPUT_RANGES",
    "PARAMETER_SET_NAMES",
    "VIEWS",
    "NoPostureError",
    "ParameterSet",
    "StandResult",
    "clinical_tilt_deg",
    "group_moments_Nm",
    "hip_moment_capacity_Nm",
    "load_parameter_set",
    "muscle_moments_Nm",
    "net_moment_Nm",
    "ql_fascicle_length_m",
    "ql_length_m",
    "stand",
    # exercise models (issue 4)
    "AbductionResult",
    "DoseResult",
    "ProgramResult",
    "StanceResult",
    "abduction_dose",
    "program",
    "side_lying_abduction",
    "single_leg_stance",
    # uncertainty and claims (issue 6; Sobol indices in backspasm_model.evidence.sensitivity)
    "VERDICTS",
    "BodySample",
    "evaluate_claims",
    "evaluate_parts",
    "sample_bodies",
]

__version__ = "0.1.0"
