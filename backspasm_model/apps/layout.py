"""The projector layout every app shares (ipywidgets, imported on demand): the figure and
the controls that move it side by side (they fit together in a 1280 x 720 window, in Voila
and in JupyterLab with its side panel closed), and the readouts, the figure's description
and any prescription in a collapsible panel underneath.

>>> import ipywidgets as widgets
>>> w = projector_layout([widgets.HTML("figure")], [widgets.HTML("a control")],
...                      [("readouts", widgets.HTML("numbers"))])
>>> type(w.children[1]).__name__, w.children[1].get_title(0)
('Accordion', 'readouts')
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

__all__ = [
    "CONTROLS_PX",
    "FIGURE_DPI",
    "FIGURE_PX",
    "FIGURE_SIZE_IN",
    "collapsible",
    "fbd_checkbox",
    "projector_layout",
]

#: The figure canvas in CSS pixels (width, height): with :data:`CONTROLS_PX` beside it, it
#: fits the notebook column of JupyterLab at 1280 px (side panel closed, ~1130 px) and a
#: 720 px high window (Lab's bars leave ~600 px).
FIGURE_PX = (660, 430)
#: Width of the controls column (px).
CONTROLS_PX = 410
#: Dots per inch of the apps' figures (ipympl shows one dot per CSS pixel at 72 dpi... the
#: canvas is figsize x dpi CSS pixels).
FIGURE_DPI = 75.0
#: The figure size in inches that gives :data:`FIGURE_PX` at :data:`FIGURE_DPI`.
FIGURE_SIZE_IN = (FIGURE_PX[0] / FIGURE_DPI, FIGURE_PX[1] / FIGURE_DPI)


def fbd_checkbox() -> widgets.Checkbox:
    """The free-body-diagram overlay toggle (off at the start)."""
    return widgets.Checkbox(
        value=False,
        indent=False,
        description="show the free-body diagram",
        tooltip="force vectors (arrows along each line of action, length to scale), lever "
        "arms (perpendicular distance from the joint centre) and the weight",
        layout=widgets.Layout(width="auto"),
    )


# The widget library draws a closed panel's title in the theme's secondary text colour on its
# secondary background (4.4:1 in the light theme, 4.2:1 in the dark one, under WCAG AA's
# 4.5:1); the course's panels take the primary text colour of the same theme instead.
PANEL_CLASS = "bs-panels"
_PANEL_CSS = (
    f"<style>.{PANEL_CLASS} .jupyter-widget-Collapse-header"
    "{color:var(--jp-ui-font-color1);}</style>"
)


def panel_style() -> widgets.HTML:
    """An invisible HTML widget holding the panels' title colour rule (see above)."""
    return widgets.HTML(
        value=_PANEL_CSS,
        layout=widgets.Layout(width="0px", height="0px", overflow="hidden", margin="0"),
    )


def collapsible(title: str, child: widgets.Widget) -> widgets.Accordion:
    """``child`` in a one-section accordion titled ``title``, closed at the start."""
    acc = widgets.Accordion(children=[child], layout=widgets.Layout(width="100%"))
    acc.add_class(PANEL_CLASS)
    acc.set_title(0, title)
    acc.selected_index = None
    return acc


def projector_layout(
    figure: Sequence[widgets.Widget],
    controls: Sequence[widgets.Widget],
    panels: Sequence[tuple[str, widgets.Widget]],
    *,
    controls_px: int = CONTROLS_PX,
) -> widgets.VBox:
    """Figure (``figure``: the canvas and whatever must stay with it) on the left, the
    ``controls`` beside it on the right (the row wraps on a narrow screen: the controls then
    sit under the figure), and ``panels`` (title, widget) in a collapsible accordion below,
    closed at the start."""
    fig_col = widgets.VBox(
        list(figure), layout=widgets.Layout(flex="0 0 auto", overflow="hidden", margin="0 8px 0 0")
    )
    ctl_col = widgets.VBox(
        list(controls),
        layout=widgets.Layout(width=f"{controls_px}px", flex="0 1 auto", overflow="visible"),
    )
    row = widgets.HBox(
        [fig_col, ctl_col],
        layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start", width="100%"),
    )
    acc = widgets.Accordion(
        children=[w for _t, w in panels], layout=widgets.Layout(width="100%", max_width="1120px")
    )
    acc.add_class(PANEL_CLASS)
    for i, (title, _w) in enumerate(panels):
        acc.set_title(i, title)
    acc.selected_index = None
    return widgets.VBox([row, acc, panel_style()], layout=widgets.Layout(width="100%"))
