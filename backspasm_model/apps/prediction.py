"""Predict, commit, reveal (ipywidgets, imported on demand): :class:`Prediction` records the
learner's answer (a number or a choice) before the answer shows: a Commit button locks the
answer box and keeps the value in the kernel. :class:`PredictionSummary` shows, at the end
of a lesson, "you predicted / the model says" for every prediction of the lesson, with a
free-text "what surprised you?" box. Both work in JupyterLab and Voila without editing code;
a saved notebook (no widget state) shows a plain "run this cell" text, like the apps.

>>> p = Prediction("Tilt after tripling quad strength?", kind="number", unit="deg",
...                model_value=4.6)
>>> p.answer.value = "4,5"; p.commit()
>>> p.value, p.committed
(4.5, True)
>>> p.answer.disabled
True
>>> "4.5 deg" in PredictionSummary([p]).table_html()
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from .controls import TEXT, parse_number

__all__ = ["Prediction", "PredictionSummary", "STALE_PREDICTION_TEXT"]

#: What a saved notebook shows for a prediction or summary when no kernel runs it.
STALE_PREDICTION_TEXT = (
    "[Prediction not running] This prediction needs the running Python "
    "kernel: run this cell to answer it."
)

#: Every prediction made in this kernel, in order (what :class:`PredictionSummary` lists by
#: default). A prediction made again with the same question replaces the earlier one.
_REGISTRY: dict[str, Prediction] = {}


class Prediction:
    """One "predict, then run" question.

    ``question``: the text shown. ``kind``: ``"number"`` (a text box read by Python; a decimal
    comma is fine) or ``"choice"`` (``options``: the answers to pick from). ``unit``: shown
    after a number. ``model_value``: what the model says (shown only after committing, and in
    the summary); it may also be given later with :meth:`reveal`.
    Raises ValueError for an unknown ``kind`` or a choice without options.
    """

    def __init__(
        self,
        question: str,
        kind: str = "number",
        *,
        unit: str = "",
        options: Sequence[str] = (),
        model_value: Any = None,
        explanation: str = "",
    ) -> None:
        if kind not in ("number", "choice"):
            raise ValueError(f"kind must be 'number' or 'choice', not {kind!r}")
        if kind == "choice" and len(options) < 2:
            raise ValueError(f"a choice needs at least 2 options, got {list(options)!r}")
        self.question, self.kind, self.unit = question, kind, unit
        self.options = list(options)
        self.model_value, self.explanation = model_value, explanation
        self.value: Any = None
        self.committed = False
        prompt = widgets.HTML(
            f'<div style="color:{TEXT};font-size:110%"><b>Predict:</b> '
            f"{html.escape(question)}</div>"
        )
        if kind == "number":
            self.answer: Any = widgets.Text(
                placeholder=f"your prediction{f' ({unit})' if unit else ''}",
                layout=widgets.Layout(width="220px"),
            )
        else:
            self.answer = widgets.RadioButtons(
                options=self.options, value=None, layout=widgets.Layout(width="auto")
            )
        self.button = widgets.Button(
            description="Commit",
            button_style="primary",
            tooltip="lock in your prediction, then see the model",
        )
        self.button.on_click(lambda _b: self.commit())
        self.feedback = widgets.HTML("")
        self.widget = widgets.VBox(
            [prompt, widgets.HBox([self.answer, self.button]), self.feedback]
        )
        _REGISTRY[question] = self

    def _fmt(self, v: Any) -> str:
        if v is None:
            return "(no answer)"
        if isinstance(v, float):
            return f"{v:g}{f' {self.unit}' if self.unit else ''}"
        return str(v)

    def commit(self) -> None:
        """Record the answer and lock the box; an empty or unreadable answer is refused with
        a message (nothing is recorded). Never raises."""
        if self.committed:
            return
        if self.kind == "number":
            v: Any = parse_number(self.answer.value)
            if v is None:
                self.feedback.value = (
                    f'<span style="color:{TEXT}">Type a number first '
                    "(e.g. 2.5; a decimal comma is fine).</span>"
                )
                return
        else:
            v = self.answer.value
            if v is None:
                self.feedback.value = f'<span style="color:{TEXT}">Pick one answer first.</span>'
                return
        self.value, self.committed = v, True
        self.answer.disabled = True
        self.button.disabled = True
        self.button.description = "Committed"
        self._show_feedback()

    def reveal(self, model_value: Any) -> None:
        """Give what the model says (shown now if the prediction is committed)."""
        self.model_value = model_value
        if self.committed:
            self._show_feedback()

    def _show_feedback(self) -> None:
        said = (
            ""
            if self.model_value is None
            else f" The model says <b>{html.escape(self._fmt(self.model_value))}</b>."
        )
        extra = f" {html.escape(self.explanation)}" if self.explanation and said else ""
        self.feedback.value = (
            f'<div style="color:{TEXT}">You predicted '
            f"<b>{html.escape(self._fmt(self.value))}</b>.{said}{extra}"
            "</div>"
        )

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, Any]:
        data = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        data["text/plain"] = STALE_PREDICTION_TEXT
        return data

    def show(self) -> None:
        """Display the prediction (in a notebook)."""
        display(self)


class PredictionSummary:
    """The end-of-lesson comparison: for each prediction (default: every prediction made in
    this kernel), the question, "you predicted" and "the model says", then a free-text "what
    surprised you?" box (its text is kept in :attr:`surprise`)."""

    def __init__(self, predictions: Sequence[Prediction] | None = None) -> None:
        self.predictions = list(_REGISTRY.values() if predictions is None else predictions)
        self.table = widgets.HTML(self.table_html())
        self.refresh_button = widgets.Button(
            description="Refresh", icon="refresh", tooltip="show the latest predictions"
        )
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.surprise = widgets.Textarea(
            placeholder="What surprised you? (for yourself)",
            layout=widgets.Layout(width="100%", height="80px"),
        )
        self.widget = widgets.VBox(
            [
                self.table,
                self.refresh_button,
                widgets.HTML(f'<b style="color:{TEXT}">What surprised you?</b>'),
                self.surprise,
            ]
        )

    def refresh(self) -> None:
        """Show the current answers (predictions committed since this was made)."""
        self.table.value = self.table_html()

    def table_html(self) -> str:
        """The comparison as an HTML table."""
        rows = "".join(
            f"<tr><td>{html.escape(p.question)}</td>"
            f"<td>{html.escape(p._fmt(p.value)) if p.committed else '(not committed)'}</td>"
            f"<td>{html.escape(p._fmt(p.model_value))}</td></tr>"
            for p in self.predictions
        )
        return (
            f'<table style="color:{TEXT};font-size:105%"><tr><th>question</th>'
            f"<th>you predicted</th><th>the model says</th></tr>{rows}</table>"
        )

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, Any]:
        self.refresh()
        data = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        data["text/plain"] = STALE_PREDICTION_TEXT
        return data

    def show(self) -> None:
        """Display the summary (in a notebook)."""
        display(self)
