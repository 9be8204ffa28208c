"""The interactive apps (ipywidgets), one module per app on a shared base.

>>> from backspasm_model.apps import BalanceExplorer  # doctest: +SKIP
>>> BalanceExplorer().show()  # doctest: +SKIP

Imported only on demand: ``import backspasm_model`` never imports ipywidgets.
"""

from .abduction import AbductionExplorer
from .balance import BalanceExplorer
from .claims import ClaimsExplorer
from .pelvis import PelvisExplorer
from .prediction import Prediction, PredictionSummary
from .programme import ProgramExplorer
from .selfcheck import ChoiceCheck, NumberCheck
from .stance import StanceExplorer

__all__ = [
    "AbductionExplorer",
    "BalanceExplorer",
    "ChoiceCheck",
    "ClaimsExplorer",
    "NumberCheck",
    "PelvisExplorer",
    "Prediction",
    "PredictionSummary",
    "ProgramExplorer",
    "StanceExplorer",
]
