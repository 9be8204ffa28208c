"""Testing the claims: the numbers the model gives for each claim C1-C9 and a plain verdict.

Each claim of the course's argument (paraphrased in ``data/claims.toml``) is turned into
something the model computes, compared with a threshold stated here with its reasoning, and
given one of four verdicts (:data:`VERDICTS`):

* ``"supported"``: the model shows the effect in the claimed direction, at least as large as
  the threshold;
* ``"right direction but small"``: the claimed direction, but below the threshold;
* ``"contradicted"``: the model shows the opposite (or, where stated, no effect at all);
* ``"untestable here"``: the model has no part that could compute it.

The ``verdict_c*`` functions take the computed numbers only (so they can be tested on made-up
outputs on both sides of each threshold); :func:`evaluate_claims` computes the numbers from
the model for a baseline body, so changing an assumption changes the verdict honestly.

>>> verdict_c3(delta_tilt_deg=1.2, ql_change_pct=-0.2)
'right direction but small'
>>> verdict_c3(delta_tilt_deg=-1.0, ql_change_pct=0.3)
'contradicted'
>>> [c.id for c in evaluate_claims()][:3]
['C1', 'C2', 'C3']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..core import kinematics
from ..core.balance import INPUT_RANGES, stand
from ..core.checks import check_choice, check_scalar, check_seed, check_whole, show_value
from ..core.parameters import ParameterSet, read_data_file

__all__ = [
    "SUPPORTED",
    "SMALL",
    "CONTRADICTED",
    "UNTESTABLE",
    "VERDICTS",
    "TILT_DETECTABLE_DEG",
    "QL_LENGTH_MEANINGFUL_PCT",
    "FORCE_MEANINGFUL_PCT",
    "QL_SLOPE_MIN_MM_PER_DEG",
    "THIGH_SHARE_MAJORITY",
    "LITTLE_FORCE_RATIO",
    "ABDUCTOR_LARGE_BW",
    "EXERCISE_EFFORT_SUBSTANTIAL",
    "THRESHOLDS",
    "QUAD_DOMINANT",
    "TRAINING_GAIN",
    "START_QUAD_TIGHTNESS",
    "Claim",
    "Number",
    "claim_text",
    "evaluate_claims",
    "verdict_changes",
    "verdict_spread",
    "MAX_SPREAD_BODIES",
    "graded_verdict",
    "verdict_c1",
    "verdict_c2",
    "verdict_c3",
    "verdict_c4",
    "verdict_c5",
    "verdict_c6",
    "verdict_c7",
    "verdict_c8",
    "verdict_c9",
]

from .claim_numbers import Number, _c1, _c2, _c3_c4, _c5, _c6, _c7, _c8, _c9, _f, _scaled
from .verdicts import (  # noqa: F401  (re-exported: the verdict rules)
    ABDUCTOR_LARGE_BW,
    CONTRADICTED,
    EXERCISE_EFFORT_SUBSTANTIAL,
    FORCE_MEANINGFUL_PCT,
    LITTLE_FORCE_RATIO,
    QL_LENGTH_MEANINGFUL_PCT,
    QL_SLOPE_MIN_MM_PER_DEG,
    QUAD_DOMINANT,
    SMALL,
    START_QUAD_TIGHTNESS,
    SUPPORTED,
    THIGH_SHARE_MAJORITY,
    THRESHOLDS,
    TILT_DETECTABLE_DEG,
    TRAINING_GAIN,
    UNTESTABLE,
    VERDICTS,
    graded_verdict,
    verdict_c1,
    verdict_c2,
    verdict_c3,
    verdict_c4,
    verdict_c5,
    verdict_c6,
    verdict_c7,
    verdict_c8,
    verdict_c9,
)

#: Largest ``n`` of :func:`verdict_spread` (five samples of n bodies and 4 n verdicts).
MAX_SPREAD_BODIES = 100_000


@dataclass(frozen=True)
class Claim:
    """One claim with its computed numbers, the verdict and the sentence that explains it."""

    id: str
    title: str
    predicts: str
    model_test: str
    evidence: str
    literature: tuple[str, ...]
    data: tuple[str, ...]
    numbers: dict[str, Number] = field(default_factory=dict)
    verdict: str = UNTESTABLE
    reason: str = ""

    def value(self, key: str) -> float:
        """The value of one computed number."""
        return self.numbers[key].value

    def data_sources(self) -> list[tuple[str, str]]:
        """``(data entry, its source)`` for each bundled parameter entry the test uses."""
        out = []
        for entry in self.data:
            file, key = (part.strip() for part in entry.split(":", 1))
            node: Any = read_data_file(file)
            for k in key.split("."):
                node = node[k]
            if isinstance(node, dict):
                node = node.get("source") or node.get("points_source") or ""
            out.append((entry, str(node)))
        return out

    def report(self) -> str:
        """The computed numbers, the verdict and why, as plain text for a notebook."""
        lines = [f"{self.id}, computed now by the model:"]
        lines += [f"  {n}" for n in self.numbers.values()] or ["  (nothing the model computes)"]
        lines.append(f"Verdict: {self.verdict.upper()}")
        lines.append(f"Why: {self.reason.rsplit(' Verdict:', 1)[0]}")
        return "\n".join(lines)


def claim_text(claim_id: str) -> dict[str, Any]:
    """Paraphrase, prediction, model test and evidence of a claim (``data/claims.toml``).

    >>> "QL" in claim_text("C1")["title"]
    True
    """
    data = read_data_file("claims.toml")
    check_choice("claim_id", claim_id, tuple(data))
    return dict(data[claim_id])


def _check_baseline(baseline: dict[str, Any]) -> dict[str, Any]:
    """A body is one person: each baseline input one number inside its range (names checked
    by ``stand``)."""
    out = {}
    for k, v in baseline.items():
        rng = INPUT_RANGES.get(k)
        if rng is None:
            out[k] = v  # stand() names unknown inputs
            continue
        if np.ndim(v) if not isinstance(v, str) else False:
            raise ValueError(f"the claims take a scalar baseline; {k} = {show_value(v)} has "
                             f"shape {np.shape(v)}; allowed: one number from "
                             f"{rng.lo:g} to {rng.hi:g} {rng.unit}")
        out[k] = check_scalar(k, v, rng.lo, rng.hi, rng.unit)
    return out


def evaluate_claims(
    *,
    params: str | ParameterSet = "gait2392",
    view: str = "full",
    on_unstable: str = "raise",
    **baseline: Any,
) -> list[Claim]:
    """Compute every claim's numbers from the model and give each its verdict.

    ``baseline`` holds scalar ``stand`` inputs describing the body (e.g.
    ``ql_neutral_fibre_length=0.8``, ``hamstring_strength=0.7``); scenarios multiply its
    strengths (clamped to :data:`~backspasm_model.core.balance.INPUT_RANGES`). ``params`` and
    ``view`` as in :func:`~backspasm_model.core.balance.stand`. ``on_unstable``: ``"raise"``
    (default) raises :class:`~backspasm_model.core.balance.NoPostureError` when the body or one
    of its scenarios has no stable posture; ``"nan"`` gives those numbers as NaN and, by the
    missing-number rule of :mod:`.verdicts`, the verdict "untestable here" with a reason that
    says so (never a verdict over NaN numbers).

    >>> c = {c.id: c for c in evaluate_claims()}
    >>> c["C3"].verdict in VERDICTS and c["C3"].value("delta_tilt") > 0
    True
    """
    check_choice("on_unstable", on_unstable, ("raise", "nan"))
    baseline = _check_baseline(baseline)
    stand(params=params, view=view, on_unstable="nan", **baseline)  # validates the baseline
    kw = {"params": params, "view": view, "on_unstable": on_unstable}
    pname = params.name if isinstance(params, ParameterSet) else str(params)
    results: dict[str, tuple[dict[str, Number], str, str]] = {"C1": _c1()}
    results["C2"] = _c2(baseline, kw)
    results["C3"], results["C4"] = _c3_c4(baseline, kw)
    results["C5"] = _c5(baseline, kw)
    results["C6"] = _c6(baseline, kw)
    results["C7"] = _c7(params)
    results["C8"] = _c8(pname)
    results["C9"] = _c9(pname)
    out = []
    for cid, (nums, verdict, reason) in results.items():
        missing = [n.what for n in nums.values() if n.value != n.value]
        if missing:
            verdict = UNTESTABLE
            reason = ("The model finds no stable standing posture for this body or one of its "
                      f"scenarios, so {len(missing)} of the numbers (marked missing) cannot be "
                      "computed and the claim cannot be tested here.")
        t = claim_text(cid)
        out.append(Claim(cid, t["title"], t["predicts"], t["model_test"], t["evidence"],
                         tuple(t["literature"]), tuple(t["data"]), nums, verdict,
                         f"{reason} Verdict: {verdict}."))
    return out


def verdict_changes(*, params: str | ParameterSet = "gait2392", view: str = "full",
                    on_unstable: str = "raise", **baseline: Any) -> list[tuple[str, str, str]]:
    """Claims whose verdict differs from the default model's after changing assumptions:
    ``(claim id, default verdict, new verdict)``.

    >>> verdict_changes(params="rajagopal2016")[0][0]
    'C9'
    """
    ref = {c.id: c.verdict for c in evaluate_claims()}
    return [(c.id, ref[c.id], c.verdict)
            for c in evaluate_claims(params=params, view=view, on_unstable=on_unstable,
                                     **baseline)
            if c.verdict != ref[c.id]]


def verdict_spread(
    n: int = 2000,
    *,
    seed: int | None = 0,
    view: str = "full",
    **baseline: Any,
) -> dict[str, dict[str, float]]:
    """How sure is each verdict? The share of plausible bodies
    (:func:`~backspasm_model.evidence.uncertainty.sample_bodies`) given each verdict, for the claims
    whose numbers depend on the uncertain inputs (C3, C4, C5, C6). The same bodies are used
    before and after each scenario. A body with no stable posture (before or after) counts as
    "untestable here" (the missing-number rule of :mod:`.verdicts`), never as contradicted.

    ``n``: number of bodies, a whole number from 2 to :data:`MAX_SPREAD_BODIES` (100,000
    take about 5 s, 2,000 a fraction of a second); larger ``n`` raises ``ValueError``.
    ``seed`` and ``view`` as in :func:`~backspasm_model.evidence.uncertainty.sample_bodies`.

    >>> s = verdict_spread(300)
    >>> round(sum(s["C3"].values()), 6)
    1.0
    """
    from .uncertainty import sample_bodies

    n = check_whole("n", n, 2, MAX_SPREAD_BODIES, "bodies")
    seed = check_seed("seed", seed)
    check_choice("view", view, ("seed", "full"))
    baseline = _check_baseline(baseline)

    def bodies(kw: dict[str, Any]) -> Any:
        return sample_bodies(n, seed=seed, view=view, **kw)

    b0 = bodies(dict(baseline))
    b1 = bodies(_scaled(baseline, **QUAD_DOMINANT))
    start = _scaled(baseline, **QUAD_DOMINANT)
    start["quad_tightness"] = START_QUAD_TIGHTNESS
    after = _scaled(start, hamstring_strength=TRAINING_GAIN)
    after["quad_tightness"] = 0.0
    b5s, b5a = bodies(start), bodies(after)
    b6 = bodies(_scaled(baseline, back_extensor_strength=TRAINING_GAIN))
    l_neutral_mm = _f(kinematics.ql_length_m(0.0)) * 1000.0
    dl_pct = 100.0 * (b1.ql_length_change_mm - b0.ql_length_change_mm) / (
        l_neutral_mm + b0.ql_length_change_mm)
    per_body = {
        "C3": [verdict_c3(t, p) for t, p in zip(b1.tilt_deg - b0.tilt_deg, dl_pct, strict=True)],
        "C4": [verdict_c4(100.0 * (c1 - c0) / c0)
               for c0, c1 in zip(b0.ql_force_capacity, b1.ql_force_capacity, strict=True)],
        "C5": [verdict_c5(d) for d in b5a.tilt_deg - b5s.tilt_deg],
        "C6": [verdict_c6(d) for d in b6.tilt_deg - b0.tilt_deg],
    }
    return {cid: {v: vs.count(v) / len(vs) for v in VERDICTS if vs.count(v)}
            for cid, vs in per_body.items()}
