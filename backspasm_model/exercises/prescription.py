"""The exercise prescription as data (``data/prescription.toml``), numpy-free.

Each :class:`Item` says what the exercise is, its dose, the claim ids it answers and which
model input it moves and by how much (:class:`Move`). :func:`apply_program` applies every
move to a dict of :func:`backspasm_model.stand` inputs; the balance explorer's "apply the
program" button uses it.

This is a teaching model, not medical advice.

>>> [item.id for item in ITEMS]
['stretch_quadriceps', 'strengthen_hamstrings', 'side_lying_hip_abduction']
>>> ITEMS[2].dose["sets"], ITEMS[2].dose["reps"], ITEMS[2].dose["per_side"]
(3, 10, True)
>>> out = apply_program({"quad_tightness": 0.10, "hamstring_strength": 1.0})
>>> round(out["quad_tightness"], 3), round(out["hamstring_strength"], 3)
(0.05, 1.25)
>>> apply_program({"quad_tightness": 0.0})["quad_tightness"]   # clamped to its range
0.0
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["ITEMS", "NOTE", "Item", "Move", "apply_program", "load_prescription", "moves_text"]


@dataclass(frozen=True)
class Move:
    """How an exercise programme moves one model input: ``new = old + amount`` (mode
    ``"add"``) or ``new = old * amount`` (mode ``"multiply"``), then clamped to the input's
    range. ``status``/``source`` say where the amount comes from."""

    input: str
    mode: str
    amount: float
    range: tuple[float, float]
    units: str
    status: str
    source: str

    def apply(self, value: float) -> float:
        """The moved value (before clamping)."""
        if self.mode == "add":
            return value + self.amount
        if self.mode == "multiply":
            return value * self.amount
        raise ValueError(f"unknown move mode {self.mode!r}; use 'add' or 'multiply'")

    def describe(self) -> str:
        """Short text, e.g. ``"hamstring strength x1.25 (assumption, 1.1-1.4)"``."""
        name = self.input.replace("_", " ")
        op = f"{self.amount:+g}" if self.mode == "add" else f"x{self.amount:g}"
        lo, hi = self.range
        return f"{name} {op} ({self.status}, {lo:g} to {hi:g})"


@dataclass(frozen=True)
class Item:
    """One exercise of the prescription."""

    id: str
    what: str
    claims: tuple[str, ...]
    dose: dict[str, Any]
    dose_status: str
    dose_source: str
    rationale: str
    moves: tuple[Move, ...]

    def dose_text(self) -> str:
        """Dose in words, e.g. ``"3 sets x 10 reps per side"``."""
        d = self.dose
        hold = f", {d['hold_s']} s hold" if "hold_s" in d else ""
        side = " per side" if d.get("per_side") else ""
        reps = f"{d['sets']} x {d['reps']} reps" if d.get("reps", 1) > 1 else f"{d['sets']} x"
        return f"{reps}{hold}{side}, {d.get('sessions_per_week', '?')} sessions/week"


@cache
def load_prescription() -> dict[str, Any]:
    """The parsed ``data/prescription.toml``."""
    text = (
        resources.files("backspasm_model").joinpath("data", "prescription.toml").read_text("utf-8")
    )
    return tomllib.loads(text)


def _items() -> tuple[Item, ...]:
    raw = load_prescription()["items"]
    return tuple(
        Item(
            id=str(it["id"]),
            what=str(it["what"]),
            claims=tuple(it["claims"]),
            dose=dict(it["dose"]),
            dose_status=str(it["dose_status"]),
            dose_source=str(it["dose_source"]),
            rationale=str(it["rationale"]),
            moves=tuple(
                Move(
                    input=str(m["input"]),
                    mode=str(m["mode"]),
                    amount=float(m["amount"]),
                    range=(float(m["range"][0]), float(m["range"][1])),
                    units=str(m["units"]),
                    status=str(m["status"]),
                    source=str(m["source"]),
                )
                for m in it.get("moves", [])
            ),
        )
        for it in raw
    )


#: The prescription items, in order.
ITEMS: tuple[Item, ...] = _items()
#: The "teaching model, not medical advice" note.
NOTE: str = str(load_prescription()["meta"]["note"])


def moves_text(item: Item) -> str:
    """What ``item`` moves in the model, in words.

    >>> moves_text(ITEMS[0])
    'quad tightness -0.05 (assumption, -0.1 to -0.02)'
    """
    if not isinstance(item, Item):
        raise TypeError(
            f"item = {item!r} is not a prescription Item; allowed: one of ITEMS "
            f"({', '.join(i.id for i in ITEMS)})"
        )
    if not item.moves:
        return "moves no slider of the sagittal balance"
    return "; ".join(m.describe() for m in item.moves)


def apply_program(
    inputs: Mapping[str, float],
    ranges: Mapping[str, tuple[float, float]] | None = None,
    items: tuple[Item, ...] | None = None,
) -> dict[str, float]:
    """Return a copy of ``inputs`` with every move of the prescription applied and clamped
    to the input's range (``ranges``: name -> (lo, hi); default
    :data:`backspasm_model.INPUT_RANGES`). Inputs missing from ``inputs`` start from
    :data:`backspasm_model.DEFAULTS`. Every value a move reads must be a real number inside
    its range (``TypeError``/``ValueError`` naming the input, the value, the range and the
    unit otherwise).
    """
    from ..core.checks import check_scalar

    if not isinstance(inputs, Mapping):
        raise TypeError(
            f"inputs = {inputs!r} is not a mapping; allowed: a dict of stand() "
            "inputs, e.g. {'quad_tightness': 0.1}"
        )
    if ranges is not None and not isinstance(ranges, Mapping):
        raise TypeError(
            f"ranges = {ranges!r} is not a mapping; allowed: a dict of input name -> (lo, hi)"
        )
    if items is not None and not (
        isinstance(items, tuple) and all(isinstance(i, Item) for i in items)
    ):
        raise TypeError(
            f"items = {items!r} is not a tuple of prescription Items; allowed: "
            "None (all of ITEMS) or a tuple of them"
        )
    if ranges is None or any(m.input not in inputs for it in (items or ITEMS) for m in it.moves):
        from ..core.balance import DEFAULTS, INPUT_RANGES  # lazy: this module stays numpy-free

        if ranges is None:
            ranges = {k: (r.lo, r.hi) for k, r in INPUT_RANGES.items()}
        defaults: Mapping[str, float] = DEFAULTS
    else:
        defaults = {}
    out = dict(inputs)
    for item in items or ITEMS:
        for m in item.moves:
            if m.input not in ranges:
                raise ValueError(
                    f"ranges has no entry for {m.input!r}; allowed: a (lo, hi) "
                    f"pair for every moved input ({m.units})"
                )
            lo, hi = (float(x) for x in ranges[m.input])
            unit = _input_unit(m.input)
            old = check_scalar(m.input, out.get(m.input, defaults.get(m.input, 0.0)), lo, hi, unit)
            out[m.input] = min(max(m.apply(old), lo), hi)
    return out


def _input_unit(name: str) -> str:
    from ..core.balance import INPUT_RANGES

    rng = INPUT_RANGES.get(name)
    return rng.unit if rng is not None else "(no unit)"
