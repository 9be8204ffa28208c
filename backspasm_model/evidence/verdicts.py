"""One rule for every claim part, its yardsticks and its vocabulary. Numpy and stdlib only.

The rule (stated once, in ``data/claims.toml`` ``[rule]`` and here): each claim part is one
effect measured in the direction the claim says (positive = as claimed) and compared with its
yardstick. A change smaller than a tenth of the yardstick (:data:`BAND_FRACTION`) has no
sign: "no detectable effect". Otherwise a negative effect is "contradicted", a positive one
below the yardstick "right direction but small", and one at or beyond it "supported". A
number the model cannot compute (NaN, ``None``) makes the part "not testable in this model".
Differences between people are judged against the spread of pelvic shape (Preece 2008, 5 deg);
changes within one person against the smallest change a palpation meter detects (3 deg,
Herrington 2011). Every yardstick has its value, unit and source in :data:`YARDSTICKS`.

Outcome evidence (trials and observational studies) uses the same words, plus "no direct
evidence" where no study read tests the part.

Anything that is not a real number raises ``TypeError``, infinity ``ValueError``, naming the
parameter, the value, the range and the unit.

>>> judge(1.2, 5.0), judge(0.3, 5.0), judge(-2.0, 5.0), judge(6.0, 5.0)
('right direction but small', 'no detectable effect', 'contradicted', 'supported')
>>> judge(float("nan"), 5.0)
'not testable in this model'
>>> YARDSTICKS["within_person_tilt_deg"].value
3.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.checks import check_choice, check_scalar
from ..core.parameters import read_data_file

SUPPORTED = "supported"
SMALL = "right direction but small"
NO_EFFECT = "no detectable effect"
CONTRADICTED = "contradicted"
UNTESTABLE = "not testable in this model"
NO_EVIDENCE = "no direct evidence"
#: The verdict words, strongest support first (one vocabulary for both columns).
VERDICTS: tuple[str, ...] = (SUPPORTED, SMALL, NO_EFFECT, CONTRADICTED, UNTESTABLE, NO_EVIDENCE)

_DATA = read_data_file("claims.toml")
#: The rule in plain words, as in ``data/claims.toml``.
RULE: str = str(_DATA["rule"]["text"])
#: Width of the no-effect band, as a fraction of the yardstick.
BAND_FRACTION: float = float(_DATA["rule"]["band_fraction"]["value"])
BAND_REASON: str = str(_DATA["rule"]["band_fraction"]["source"])


@dataclass(frozen=True)
class Yardstick:
    """A threshold of the rule: value, unit, which kind of question it serves, its source or
    reasoning in plain words, and the ``docs/references.bib`` keys it cites."""

    key: str
    value: float
    units: str
    kind: str
    source: str
    cites: tuple[str, ...] = ()

    @property
    def band(self) -> float:
        """Half-width of the no-effect band around zero, in the yardstick's units."""
        return BAND_FRACTION * self.value


#: Every yardstick by key (``data/claims.toml`` ``[yardsticks]``).
YARDSTICKS: dict[str, Yardstick] = {
    k: Yardstick(
        k,
        float(v["value"]),
        str(v["units"]),
        str(v["kind"]),
        str(v["source"]),
        tuple(v.get("cites", ())),
    )
    for k, v in _DATA["yardsticks"].items()
}
#: Threshold names of earlier versions, kept for the lessons that print them.
TILT_DETECTABLE_DEG = YARDSTICKS["between_person_tilt_deg"].value
TILT_CHANGE_DETECTABLE_DEG = YARDSTICKS["within_person_tilt_deg"].value


def _number(name: str, value: object, unit: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, float) and not math.isinf(value):
        v = value
    else:
        v = check_scalar(name, value, -math.inf, math.inf, unit, allow_nan=True)
    return None if v != v else float(v)


def judge(effect: float | None, yardstick: float) -> str:
    """The rule: verdict for ``effect`` (positive = as claimed) against ``yardstick`` (from
    1e-9 to 1e300, same units). ``|effect| <= BAND_FRACTION * yardstick`` is no detectable effect.

    >>> [judge(e, 5.0) for e in (-1.0, -0.5, 0.0, 0.5, 0.51, 4.99, 5.0)]
    ['contradicted', 'no detectable effect', 'no detectable effect', 'no detectable effect', \
'right direction but small', 'right direction but small', 'supported']
    >>> judge(None, 5.0)
    'not testable in this model'
    """
    y = check_scalar("yardstick", yardstick, 1e-9, 1e300, "yardstick units")
    e = _number("effect", effect, "yardstick units")
    if e is None:
        return UNTESTABLE
    if abs(e) <= BAND_FRACTION * y:
        return NO_EFFECT
    if e < 0.0:
        return CONTRADICTED
    return SUPPORTED if e >= y else SMALL


def judge_part(effect: float | None, yardstick_key: str) -> str:
    """:func:`judge` against the named yardstick of :data:`YARDSTICKS`.

    >>> judge_part(-0.007, "force_loss_pct")
    'no detectable effect'
    """
    key = check_choice("yardstick_key", yardstick_key, tuple(YARDSTICKS))
    return judge(effect, YARDSTICKS[key].value)


def thigh_effect(quad_moment_Nm: float, hamstring_moment_Nm: float, share: float) -> float:
    """C2's effect: the thigh muscles' share of all moments on the pelvis, negative when
    rectus femoris does not tilt forward or the hamstrings do not tilt back (NaN if missing).

    >>> thigh_effect(2.0, -5.0, 0.3), thigh_effect(-1.0, -5.0, 0.3)
    (0.3, -0.3)
    """
    q = _number("quad_moment_Nm", quad_moment_Nm, "N m")
    h = _number("hamstring_moment_Nm", hamstring_moment_Nm, "N m")
    s = _number("share", share, "fraction")
    if q is None or h is None or s is None:
        return math.nan
    return s if (q > 0.0 and h < 0.0) else -s
