"""How far each mechanics verdict reaches: :func:`verdict_reach` (which inputs inside the
apps' ranges can move it, and to what) and :func:`verdict_spread` (the share of plausible
bodies given each verdict, every uncertain input sampled, the QL operating length and the
postural activation included). Numpy and the standard library only.

>>> r = verdict_reach(quick=True)
>>> sorted(r["C4a"])
['no detectable effect']
"""

from __future__ import annotations

import itertools
from functools import partial
from typing import Any

import numpy as np

from ..core.balance import INPUT_RANGES, stand
from ..core.checks import check_flag, check_seed, check_whole
from ..core.parameters import GROUPS, read_data_file
from .claim_numbers import TRAINING_GAIN, case_person, frontal_parts
from .verdicts import UNTESTABLE, VERDICTS, judge_part

_DATA = read_data_file("claims.toml")
_SPREAD = _DATA["spread"]
_PARAMS = ("gait2392", "rajagopal2016")
_BODY = (
    "activation",
    "hip_stiffness_Nm_per_deg",
    "lumbar_stiffness_Nm_per_deg",
    "ql_neutral_fibre_length",
)


def _settings(quick: bool) -> list[dict[str, Any]]:
    """The input settings tried: each input at each end of its range alone (both parameter
    sets), and every corner of the body inputs that set the size of the effects."""
    out: list[dict[str, Any]] = []
    for p in _PARAMS:
        out.append({"params": p})
        if quick:
            continue
        for k, r in INPUT_RANGES.items():
            out += [{"params": p, k: r.lo}, {"params": p, k: r.hi}]
        out += [{"params": p, "abductor_strength": a} for a in (0.1, 3.0)]
        for ends in itertools.product(*[(INPUT_RANGES[k].lo, INPUT_RANGES[k].hi) for k in _BODY]):
            out.append({"params": p, **dict(zip(_BODY, ends, strict=True))})
    return out


def verdict_reach(*, quick: bool = False) -> dict[str, dict[str, dict[str, Any]]]:
    """For every part with a mechanics number: ``{verdict: first setting that gives it}``
    over the settings tried (each input at either end of its range in the apps, alone, with
    either parameter set; all corners of activation, the two passive stiffnesses and the QL
    operating length; the abductor strength of the frontal-plane parts). A part whose dict
    has one key cannot be moved by any of them. ``quick`` tries the two parameter sets only.
    About 2 s.
    """
    from .claims import evaluate_parts

    quick = check_flag("quick", quick)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for s in _settings(quick):
        kw = dict(s)
        for p in evaluate_parts(**kw):
            if p.yardstick is None:
                continue
            out.setdefault(p.id, {}).setdefault(p.mechanics, s)
    return out


_LABELS = {
    "params": "parameter set",
    "activation": "postural activation",
    "hip_stiffness_Nm_per_deg": "hip stiffness (N m/deg)",
    "lumbar_stiffness_Nm_per_deg": "lumbar stiffness (N m/deg)",
    "ql_neutral_fibre_length": "QL operating length (x optimal)",
    "abductor_strength": "abductor strength (x nominal)",
    "body_mass_kg": "body mass (kg)",
}


def describe_setting(setting: dict[str, Any]) -> str:
    """A setting of :func:`verdict_reach` in plain words.

    >>> describe_setting({"params": "gait2392", "activation": 0.1})
    'parameter set gait2392, postural activation 0.1'
    """
    return ", ".join(
        f"{_LABELS.get(k, k.replace('_', ' ') + (' (x nominal)' if 'strength' in k else ''))} {v:g}"
        if not isinstance(v, str)
        else f"{_LABELS.get(k, k)} {v}"
        for k, v in setting.items()
    )


def reach_line(reach: dict[str, dict[str, Any]], part_id: str, default: str) -> str:
    """One sentence: whether any input in range moves ``part_id``'s ``default`` verdict,
    and to what, with the first setting found for each other verdict."""
    others = {v: s for v, s in reach.get(part_id, {}).items() if v != default}
    if part_id not in reach:
        return "No input can move it: the model has no number for this part."
    if not others:
        return f"No input inside the apps' ranges moves it from {default}."
    return (
        "Inputs inside the apps' ranges can move it: "
        + "; ".join(f"to {v} (e.g. {describe_setting(s)})" for v, s in others.items())
        + "."
    )


def _tri(u: np.ndarray, lo: float, mode: float, hi: float) -> np.ndarray:
    fc = (mode - lo) / (hi - lo)
    return np.where(
        u < fc,
        lo + np.sqrt(u * (hi - lo) * (mode - lo)),
        hi - np.sqrt((1.0 - u) * (hi - lo) * (hi - mode)),
    )


def _stand_at(params: str, view: str, body: dict[str, Any], **extra: Any) -> Any:
    """``stand`` for the bodies ``body`` with ``extra`` inputs on top (NaN where no posture)."""
    return stand(params=params, view=view, on_unstable="nan", **{**body, **extra})


def verdict_spread(
    n: int = 2000, *, seed: int | None = 0, view: str = "full"
) -> dict[str, dict[str, float]]:
    """How sure is each verdict? The share of ``n`` plausible bodies given each mechanics
    verdict, for every part (those the model cannot compute are not testable in any body).
    Sampled: the inputs of
    ``data/uncertainty.toml`` (passive stiffnesses, postural activation, parameter set) and
    the QL operating length (``data/claims.toml`` ``[spread]``). A body with no stable
    posture counts as not testable in this model.

    >>> s = verdict_spread(300)
    >>> round(sum(s["C3a"].values()), 6), s["C4b"]
    (1.0, {'not testable in this model': 1.0})
    """
    from ..core.checks import check_choice
    from .uncertainty import FACTORS, factor_values

    n = check_whole("n", n, 2, 100_000, "bodies")
    seed = check_seed("seed", seed)
    check_choice("view", view, ("seed", "full"))
    rng = np.random.default_rng(seed)
    unit = rng.random((n, len(FACTORS) + 1))
    vals = factor_values(unit[:, :-1])
    q = _SPREAD["ql_neutral_fibre_length"]
    vals["ql_neutral_fibre_length"] = _tri(unit[:, -1], q["lo"], q["mode"], q["hi"])
    choice = next(f for f in FACTORS if f.is_choice)
    names = np.asarray(choice.numbers["choices"])[vals.pop("params")]
    before, after, _ = case_person()
    sag = {k: v for k, v in before.items() if k in INPUT_RANGES}
    sag_after = {k: v for k, v in after.items() if k in INPUT_RANGES}
    per: dict[str, list[str]] = {}
    for p in np.unique(names):
        m = names == p
        body = {k: v[m] for k, v in vals.items()}

        st = partial(_stand_at, str(p), view, body)
        r0, r1, r5 = st(), st(**sag), st(**sag_after)
        g = r0.group_moments_Nm
        quad, ham = np.asarray(g["quadriceps"]), np.asarray(g["hamstrings"])
        total = (
            sum(np.abs(np.asarray(g[k])) for k in GROUPS)
            + np.abs(np.asarray(r0.gravity_moment_Nm))
            + np.abs(np.asarray(r0.passive_moment_Nm))
        )
        share = (np.abs(quad) + np.abs(ham)) / total
        effects = {
            "C2": np.where((quad > 0) & (ham < 0), share, -share),
            "C3a": r1.tilt_deg - r0.tilt_deg,
            "C3b": -100.0 * (r1.ql_length_m - r0.ql_length_m) / r0.ql_length_m,
            "C4a": -100.0 * (r1.ql_force_capacity - r0.ql_force_capacity) / r0.ql_force_capacity,
            "C5": r1.tilt_deg - r5.tilt_deg,
            "C6b": st(back_extensor_strength=TRAINING_GAIN).tilt_deg - r0.tilt_deg,
            "C7b": r0.tilt_deg - st(abdominal_strength=TRAINING_GAIN).tilt_deg,
        }
        from .claim_numbers import _c7a

        fixed = {
            "C1": None,
            "C7a": _c7a(str(p))[0],
            **{k: v[0] for k, v in frontal_parts(str(p)).items()},
        }
        for pid, e in effects.items():
            key = str(_DATA["parts"][pid]["yardstick"])
            per.setdefault(pid, []).extend(judge_part(float(x), key) for x in np.ravel(e))
        for pid, e in fixed.items():
            if pid == "C1":
                from .claims import evaluate_parts

                v = next(x.mechanics for x in evaluate_parts() if x.id == "C1")
            else:
                v = judge_part(e, str(_DATA["parts"][pid]["yardstick"]))
            per.setdefault(pid, []).extend([v] * int(m.sum()))
    for pid, d in _DATA["parts"].items():
        if "untestable" in d:
            per[pid] = [UNTESTABLE] * n
    order = list(_DATA["parts"])
    return {
        pid: {v: per[pid].count(v) / n for v in VERDICTS if per[pid].count(v)}
        for pid in sorted(per, key=order.index)
    }


__all__ = ["describe_setting", "reach_line", "verdict_reach", "verdict_spread", "UNTESTABLE"]
