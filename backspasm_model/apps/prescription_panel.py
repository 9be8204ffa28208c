"""The argument's prescription as an HTML panel (the balance explorer and the programme app
show it): the argument's exercises as the argument gave them, whatever the course added marked
as the course's illustration, and what each exercise changes in the model, in words.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from ..exercises import prescription
from ..plotting.base import PALETTE
from .controls import TAG_BACKGROUND, TEXT

__all__ = ["prescription_html"]

_WARN = PALETTE["quadriceps"]


def prescription_html(labels: Mapping[str, str]) -> str:
    """The argument's exercises as the argument gave them; whatever the course added
    (a dose where the argument gave none, progressions, cues) is marked as the course's
    illustration. No sentence recommends anything."""
    tag = f'<span style="background:{TAG_BACKGROUND};color:{TEXT};padding:0 4px">{{}}</span>'
    parts = [
        f'<div style="font-size:105%;color:{TEXT}"><b>The argument\'s prescription'
        "</b> (as the argument gave it; what the course added is marked "
        f"{tag.format('the course&#39;s illustration')})"
    ]
    for it in prescription.ITEMS:
        d = it.dose
        cues = "".join(f"<li>{html.escape(c)}</li>" for c in d["form_cues"])
        how = (
            f"dose: {html.escape(it.dose_text())}<br>"
            f"progression: {html.escape(d['load_progression'])}"
            f'<ul style="margin:2px 0">{cues}</ul>'
        )
        claims = ", ".join(f"claim {c}" for c in it.claims)
        if it.dose_status == "read":  # the argument's own words
            body = f"<i>as the argument gave it:</i><br>{how}"
        else:  # named by the argument, dose added here
            body = (
                "<i>the argument names this exercise but gives no dose.</i><br>"
                f"{tag.format('the course&#39;s illustration')} {how}"
            )
        parts.append(
            f'<div style="margin-top:6px"><b>{html.escape(it.what)}</b> '
            f"{tag.format(claims)}<br>{body}"
            f"<i>what the model changes:</i> {html.escape(_moves_words(it, labels))}</div>"
        )
    parts.append(
        f'<div style="margin-top:8px;border-left:4px solid {_WARN};padding-left:6px">'
        "<b>This is a teaching model, not medical advice: the course analyses "
        "this argument and recommends none of its exercises. The amounts the "
        "model changes are teaching assumptions, not measured effects.</b>"
        "</div></div>"
    )
    return "".join(parts)


def _moves_words(item: Any, labels: Mapping[str, str]) -> str:
    """The model inputs an item moves, in words (no code names)."""
    if not item.moves:
        return "no control of this balance (it acts in the frontal plane)"
    out = []
    for m in item.moves:
        name = labels.get(m.input, m.input.replace("_", " "))
        op = f"{m.amount:+g}" if m.mode == "add" else f"x{m.amount:g}"
        lo, hi = m.range
        out.append(f"{name} {op} (a teaching assumption: {lo:g} to {hi:g})")
    return "; ".join(out)
