"""The claims explorer of notebook 09: change an assumption, watch the verdicts.

Imported on demand (needs ipywidgets). In a notebook::

    from backspasm_model.apps.claims import ClaimsExplorer
    ClaimsExplorer().show()

Each control is an assumption of the baseline body (or the parameter set); every change
re-evaluates every claim part with :func:`backspasm_model.evidence.claims.evaluate_parts` (a few
milliseconds), shows its model-mechanics and outcome-evidence verdicts, and marks the mechanics
verdicts that differ from the default model. Errors are shown, never raised.

>>> app = ClaimsExplorer()
>>> app.set(activation=0.1)
>>> [line for line in app.summary().splitlines() if line.startswith("C6b")]
['C6b: right direction but small (default model: no detectable effect)']
>>> app.close()
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from ..core.balance import DEFAULTS, INPUT_RANGES
from ..core.parameters import PARAMETER_SET_NAMES, load_parameter_set
from ..evidence.claims import (
    CONTRADICTED,
    NO_EFFECT,
    SMALL,
    SUPPORTED,
    ClaimPart,
    evaluate_parts,
)
from .base import App, unit_slider
from .controls import TEXT

__all__ = ["ClaimsExplorer", "ASSUMPTIONS"]

#: The assumptions a learner can change: stand input -> (label, unit as shown, slider step).
ASSUMPTIONS: dict[str, tuple[str, str, float]] = {
    "quad_strength": ("quad strength", "x nominal", 0.05),
    "hamstring_strength": ("hamstring strength", "x nominal", 0.05),
    "back_extensor_strength": ("back extensor strength", "x nominal", 0.05),
    "ql_neutral_fibre_length": ("QL fibre length at neutral", "x optimal", 0.01),
    "lumbar_stiffness_Nm_per_deg": ("lumbar stiffness", "N m/deg", 0.1),
    "hip_stiffness_Nm_per_deg": ("hip stiffness", "N m/deg per hip", 0.02),
    "activation": ("postural activation", "fraction of max", 0.005),
}
#: Verdict stripe colours (beside the verdict word, which is in the theme's text colour): each
#: >= 3:1 on light and dark pages (#E69F00 for "small" was 2.2:1 on white; #A87400 is 4.1:1).
_COLOURS = {SUPPORTED: "#009E73", SMALL: "#A87400", CONTRADICTED: "#D55E00", NO_EFFECT: "#0072B2"}


class ClaimsExplorer(App):
    """Sliders for the baseline body's assumptions, a parameter-set menu and a live table of
    every claim part with its two verdicts and the numbers behind them."""

    def __init__(self, **start: Any) -> None:
        self._suspend = False
        self.reference = {p.id: p.mechanics for p in evaluate_parts()}
        self.claims: list[ClaimPart] = []
        self.error = ""
        style = {"description_width": "260px"}
        layout = widgets.Layout(width="520px")
        self.sliders: dict[str, Any] = {}
        for key, (label, unit, step) in ASSUMPTIONS.items():
            s = unit_slider(
                INPUT_RANGES[key],
                label,
                step=step,
                value=DEFAULTS[key],
                unit=unit,
                fmt=".3f" if step < 0.01 else ".2f",
                label_width="260px",
                width="440px",
                continuous_update=False,
            )
            self._watch(s, "_changed")
            self.sliders[key] = s
        self.params = widgets.Dropdown(
            options=[(load_parameter_set(n).label, n) for n in PARAMETER_SET_NAMES],
            value="gait2392",
            description="parameter set",
            style=style,
            layout=layout,
        )
        self._watch(self.params, "_changed")
        self.choices = {"params": self.params}
        self.reset_button = widgets.Button(
            description="reset",
            icon="undo",
            tooltip="every assumption back to how this app started",
        )
        self._click(self.reset_button, "reset")
        self.message = widgets.HTML()
        self.table = widgets.HTML()
        self.set(**start)

    def inputs(self) -> dict[str, float]:
        """Current baseline inputs (clamped to their ranges)."""
        return {k: INPUT_RANGES[k].clamp(s.value) for k, s in self.sliders.items()}

    def update(self, notes: list[str] | None = None) -> None:
        """Re-evaluate the claims and redraw the table (errors are shown, not raised)."""
        try:
            self.claims = evaluate_parts(params=self.params.value, **self.inputs())
            self.error = ""
        except Exception as exc:  # never raise into the kernel
            self.error = str(exc)
        self.table.value = self._html()
        self._message(notes or [])

    def _control(self, key: str) -> tuple[str, Any]:
        return ASSUMPTIONS[key][0], INPUT_RANGES[key]

    def summary(self) -> str:
        """One line per part: mechanics verdict, and the default model's if it differs."""
        if self.error:
            return f"no evaluation: {self.error}"
        out = []
        for c in self.claims:
            ref = self.reference[c.id]
            out.append(
                f"{c.id}: {c.mechanics}"
                + (f" (default model: {ref})" if ref != c.mechanics else "")
            )
        return "\n".join(out)

    def _build_widget(self) -> widgets.Widget:
        controls = widgets.VBox(
            [*self._slider_rows(), self.params, self.reset_button, self.message]
        )
        return widgets.VBox([controls, self.table])

    def _owned_widgets(self) -> list[widgets.Widget]:
        return [*self._slider_rows(), self.params, self.reset_button, self.message, self.table]

    def _changed(self, _change: Any) -> None:
        if not self._suspend:
            self.update()

    def _html(self) -> str:
        if self.error:
            return (
                f'<div style="color:{TEXT};font-weight:bold;border-left:8px solid '
                f'#D55E00;padding-left:6px">&#9888; {html.escape(self.error)}</div>'
            )
        rows = []
        for c in self.claims:
            ref = self.reference[c.id]
            flag = (
                f"<br><small>(default model: {html.escape(ref)})</small>"
                if ref != c.mechanics
                else ""
            )
            cells = []
            for word, extra in ((c.mechanics, flag), (c.outcome.verdict, "")):
                col = _COLOURS.get(word, "#767676")
                cells.append(
                    f'<td style="vertical-align:top;font-weight:bold;width:150px;'
                    f'border-left:8px solid {col};padding-left:6px">'
                    f"{html.escape(word)}{extra}</td>"
                )
            rows.append(
                f'<tr><td style="vertical-align:top"><b>{c.id}</b> {html.escape(c.says)}</td>'
                + "".join(cells)
                + f'<td style="vertical-align:top">{html.escape(c.reason)}</td></tr>'
            )
        return (
            f'<table style="border-collapse:collapse;max-width:1100px;color:{TEXT}">'
            "<tr><th>claim part</th><th>model mechanics</th><th>outcome evidence</th>"
            "<th>what the model computes now</th></tr>" + "".join(rows) + "</table>"
        )
