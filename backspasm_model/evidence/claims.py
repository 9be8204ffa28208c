"""Testing the claims: for every part of claims C1-C9, a model-mechanics verdict computed now
and an outcome-evidence verdict from trials and observational studies, in one vocabulary.

The rule, the same for every part (:mod:`.verdicts`, ``data/claims.toml`` ``[rule]``): the
effect in the claimed direction against the part's yardstick, with a no-effect band of a
tenth of the yardstick around zero; differences between people against the spread of pelvic
shape (5 deg, Preece 2008), changes within one person against what a palpation meter can
detect (3 deg, Herrington 2011). :func:`verdict_reach` says which inputs inside the apps'
ranges can move each mechanics verdict; :func:`verdict_spread` how sure each is over plausible
bodies.

>>> parts = {p.id: p for p in evaluate_parts()}
>>> parts["C4a"].mechanics, parts["C4b"].mechanics
('no detectable effect', 'not testable in this model')
>>> parts["C6b"].outcome.verdict
'contradicted'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..core.balance import INPUT_RANGES
from ..core.checks import check_choice, check_scalar, show_value
from ..core.parameters import ParameterSet, read_data_file
from .claim_numbers import (
    TRAINING_GAIN,
    Number,
    case_person,
    describe_person,  # noqa: F401  (re-exported for the lessons)
    frontal_parts,
    sagittal_parts,
)
from .verdicts import (
    BAND_FRACTION,
    CONTRADICTED,
    NO_EFFECT,
    NO_EVIDENCE,
    RULE,
    SMALL,
    SUPPORTED,
    UNTESTABLE,
    VERDICTS,
    YARDSTICKS,
    judge,
    judge_part,
)

__all__ = [
    "SUPPORTED",
    "SMALL",
    "NO_EFFECT",
    "CONTRADICTED",
    "UNTESTABLE",
    "NO_EVIDENCE",
    "VERDICTS",
    "RULE",
    "BAND_FRACTION",
    "YARDSTICKS",
    "TRAINING_GAIN",
    "Claim",
    "ClaimPart",
    "Outcome",
    "Number",
    "case_person",
    "claim_line",
    "claim_text",
    "evaluate_claims",
    "evaluate_parts",
    "judge",
    "judge_part",
    "verdict_changes",
    "verdict_reach",
    "verdict_spread",
    "MAX_SPREAD_BODIES",
]

_DATA = read_data_file("claims.toml")
#: Largest ``n`` of :func:`verdict_spread`.
MAX_SPREAD_BODIES = 100_000


@dataclass(frozen=True)
class Outcome:
    """What trials and observational studies found for a part, with whom and with what."""

    verdict: str
    population: str
    intervention: str
    studies: tuple[str, ...]
    note: str

    def cited(self) -> str:
        """The studies as author and year, e.g. ``"Searle 2015, Owen 2020"``."""
        return ", ".join(k[:-4] + " " + k[-4:] for k in self.studies)


@dataclass(frozen=True)
class ClaimPart:
    """One judged part of a claim: the model's effect and verdict, and the outcome evidence."""

    id: str
    claim: str
    says: str
    yardstick: str | None
    effect: float
    numbers: dict[str, Number]
    mechanics: str
    reason: str
    outcome: Outcome

    def line(self) -> str:
        """One plain line: the part, its two verdicts and the number behind the first."""
        return (
            f"{self.id} {self.says}: model mechanics {self.mechanics}; outcome evidence "
            f"{self.outcome.verdict}. {self.reason}"
        )


@dataclass(frozen=True)
class Claim:
    """A claim and its parts; ``verdict`` is the model-mechanics verdict of its first part."""

    id: str
    title: str
    parts: tuple[ClaimPart, ...] = field(default_factory=tuple)

    @property
    def verdict(self) -> str:
        return self.parts[0].mechanics

    @property
    def reason(self) -> str:
        return " ".join(p.reason for p in self.parts)

    def report(self) -> str:
        """The claim's parts with both verdicts and why, as plain text."""
        return "\n".join([f"{self.id}: {self.title}"] + [f"  {p.line()}" for p in self.parts])


def claim_text(claim_id: str) -> dict[str, Any]:
    """Paraphrase, prediction, model test and evidence of a claim (``data/claims.toml``).

    >>> "QL" in claim_text("C1")["title"]
    True
    """
    check_choice("claim_id", claim_id, tuple(k for k in _DATA if k[:1] == "C"))
    return dict(_DATA[claim_id])


def _check_baseline(baseline: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in baseline.items():
        rng = INPUT_RANGES.get(k)
        if rng is None:
            raise TypeError(f"unknown input {k}; allowed: {', '.join(INPUT_RANGES)}")
        if not isinstance(v, str) and np.ndim(v):
            raise ValueError(
                f"the claims take a scalar baseline; {k} = {show_value(v)} has "
                f"shape {np.shape(v)}; allowed: one number from {rng.lo:g} to "
                f"{rng.hi:g} {rng.unit}"
            )
        out[k] = check_scalar(k, v, rng.lo, rng.hi, rng.unit)
    return out


def evaluate_parts(
    *,
    params: str | ParameterSet = "gait2392",
    view: str = "full",
    abductor_strength: float | None = None,
    **baseline: Any,
) -> list[ClaimPart]:
    """Every claim part with its mechanics verdict (computed now, for the body ``baseline``
    and the case person of ``data/claims.toml``) and its outcome evidence. A body with no
    stable posture makes its parts not testable in this model; a part the model cannot compute
    (and any part of such a body) has ``effect`` NaN. ``abductor_strength`` (0.1-3 x nominal)
    replaces the case person's for the frontal-plane parts.

    >>> [p.id for p in evaluate_parts()][:4]
    ['C1', 'C2', 'C3a', 'C3b']
    """
    baseline = _check_baseline(baseline)
    check_choice("view", view, ("seed", "full"))
    if abductor_strength is not None:
        abductor_strength = check_scalar(
            "abductor_strength", abductor_strength, 0.1, 3.0, "x nominal"
        )
    kw = {"params": params, "view": view, "on_unstable": "nan"}
    pname = params.name if isinstance(params, ParameterSet) else str(params)
    nums = {**sagittal_parts(baseline, kw), **frontal_parts(pname, abductor_strength)}
    out = []
    for pid, d in _DATA["parts"].items():
        o = d["outcome"]
        outcome = Outcome(
            str(o["verdict"]),
            str(o["population"]),
            str(o["intervention"]),
            tuple(o["studies"]),
            str(o["note"]),
        )
        if "untestable" in d:
            out.append(
                ClaimPart(
                    pid,
                    d["claim"],
                    d["says"],
                    None,
                    float("nan"),
                    {},
                    UNTESTABLE,
                    f"Not in this model: {d['untestable']}.",
                    outcome,
                )
            )
            continue
        effect, numbers, reason = nums[pid]
        key = str(d["yardstick"])
        y = YARDSTICKS[key]
        verdict = judge_part(effect, key)
        reason = (
            (
                f"{reason} Yardstick {y.value:g} {y.units} ({y.kind}); no-effect band "
                f"+/-{y.band:.3g}."
            )
            if verdict != UNTESTABLE
            else ("No stable standing posture for this body: the numbers cannot be computed.")
        )
        out.append(
            ClaimPart(pid, d["claim"], d["says"], key, effect, numbers, verdict, reason, outcome)
        )
    return out


def evaluate_claims(
    *, params: str | ParameterSet = "gait2392", view: str = "full", **baseline: Any
) -> list[Claim]:
    """C1-C9, each with its judged parts (:func:`evaluate_parts`).

    >>> [c.id for c in evaluate_claims()][:3]
    ['C1', 'C2', 'C3']
    """
    parts = evaluate_parts(params=params, view=view, **baseline)
    return [
        Claim(cid, str(_DATA[cid]["title"]), tuple(p for p in parts if p.claim == cid))
        for cid in (k for k in _DATA if k[:1] == "C")
    ]


def claim_line(part_id: str, **kwargs: Any) -> str:
    """The verdict line every lesson prints for a part (same function, same numbers).

    >>> claim_line("C6b").split(":")[0]
    'C6b strengthening the low-back muscles should be avoided (stronger back extensors pull \
the pelvis forward)'
    """
    check_choice("part_id", part_id, tuple(_DATA["parts"]))
    return next(p for p in evaluate_parts(**kwargs) if p.id == part_id).line()


def verdict_changes(
    *, params: str | ParameterSet = "gait2392", view: str = "full", **baseline: Any
) -> list[tuple[str, str, str]]:
    """Parts whose mechanics verdict differs from the default model's:
    ``(part id, default verdict, new verdict)``.

    >>> verdict_changes(params="rajagopal2016")[0][:2]
    ('C3a', 'no detectable effect')
    """
    ref = {p.id: p.mechanics for p in evaluate_parts()}
    return [
        (p.id, ref[p.id], p.mechanics)
        for p in evaluate_parts(params=params, view=view, **baseline)
        if p.mechanics != ref[p.id]
    ]


from .reach import describe_setting, reach_line, verdict_reach, verdict_spread  # noqa: E402, F401
