"""Build the course notebooks 00-03 from the shared template, then execute them in place.

    .venv/bin/python tools/build_notebooks.py            # build and execute all
    .venv/bin/python tools/build_notebooks.py 01 02      # only these
    .venv/bin/python tools/build_notebooks.py --no-execute

One function per notebook; the fixed sections come from ``tools/nbtemplate.py`` (copy that
pattern for notebooks 04-07). Text is written for the course: claims are paraphrased and
cited by id (C1-C9, the project's claims table), never quoted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nbtemplate import (  # noqa: E402
    SelfCheck,
    Task,
    course_notebook,
    execute_in_place,
    write_notebook,
)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

SETUP = """\
%matplotlib widget
import backspasm_model as bm"""

CONTROLS_EXPLORER = [
    "**Sliders** (drag, or click the number and type): strength is a multiple of the nominal "
    "maximal force (1 = nominal, 0.25-3); tightness is the fraction of the optimal fibre "
    "length a muscle has lost (0-0.3); body mass in kg (30-200). Values outside the range "
    "are clamped to it.",
    "**View**: *seed* keeps only the two muscles of the clinical argument (rectus femoris in "
    "front, the hamstrings behind) plus passive tissue; *full* adds the hip flexors, "
    "gluteus maximus, the back extensors (with the QL), the abdominals and the upper body's "
    "weight.",
    "**Parameter set**: two published musculoskeletal models (gait2392, Rajagopal 2016) with "
    "different muscle forces and levers.",
    "**reset** puts every control back to nominal; **keep previous** freezes the current "
    "posture as a faint ghost so you can compare two balances; **apply the program** moves "
    "the sliders the way the prescription would (freezing the ghost first).",
    "The figure: the stick diagram (left), the net moment on the pelvis against tilt with "
    "the operating point where it crosses zero (top right), and the QL on its force-length "
    "curve (bottom right). The readouts under the controls give the numbers.",
]

REFS_BALANCE = [
    ("muscles.toml", "sets.gait2392"),
    ("muscles.toml", "sets.rajagopal2016"),
    ("pelvis.toml", "clinical.asis_psis_offset_deg"),
    ("pelvis.toml", "clinical.asis_psis_cadaver_mean_deg"),
    ("pelvis.toml", "trunk_com_offset"),
    ("pelvis.toml", "hip_passive_stiffness"),
    ("pelvis.toml", "lumbar_passive_stiffness"),
    ("pelvis.toml", "postural_activation"),
]
REFS_QL = [
    ("pelvis.toml", "ql.meta"),
    ("pelvis.toml", "lumbar.coupling_ratios"),
    ("pelvis.toml", "ql_neutral_fibre_length"),
    ("pelvis.toml", "hill.active_width_gamma"),
    ("pelvis.toml", "clinical.asis_psis_offset_deg"),
]
REFS_PRESCRIPTION = [
    ("prescription.toml", "meta.programme_weeks"),
]


def nb00_start_here():
    return course_notebook(
        title="00 Start here: the back-spasm argument, as a model you can move",
        intro="""
This course takes one clinical argument about low-back spasm and turns it into a small
physical model you can push and pull. The argument, in short: thigh muscles set the tilt
of the pelvis; if the quadriceps win over the hamstrings the pelvis tips forward, the
quadratus lumborum (QL) between the pelvis and the lowest ribs shortens, loses force and
spasms; so stretch the quadriceps, strengthen the hamstrings and keep the hip abductors
strong. The course splits it into nine claims, **C1-C9**, and every notebook says which
claims it tests and what the model answers - including where the model disagrees.

| notebook | what you do |
|---|---|
| 00 start here | how to run the course and use the controls (this page) |
| 01 pelvis and thigh muscles | the moment balance of the pelvis, seed then full view (C2, C3) |
| 02 QL length and force | how much the QL shortens, and what that does to its force (C1, C3, C4) |
| 03 the prescription | what stretching and strengthening change in the model (C5, C6, C7) |
| 04-07 | the exercises, the hip abductors and how sure we can be (C8, C9) |
""",
        objectives=[
            "open the course in JupyterLab (or on Binder) and run a notebook from the top;",
            "use sliders, toggles and buttons to change the model and read its answers;",
            "state the nine claims by id and know which notebook tests which;",
            "say what kind of model this is (a static moment balance) and what it is not.",
        ],
        controls=[
            "**On your own machine**: in a terminal in the project folder run `make lab`. It "
            "creates a Python environment, installs everything and opens JupyterLab on this "
            "notebook.",
            "**On Binder**: open the Binder link in the README; the same notebooks run in your "
            "browser with nothing to install (start-up takes a minute or two).",
            "**A widget** is a live control in the notebook (a slider, a toggle, a button). It "
            "talks to the Python kernel: moving it re-runs the model and updates the numbers "
            "and the figure in place. Widgets only work while the kernel runs, so run the "
            "cells first.",
            "**Sliders**: drag the handle, or click it and use the arrow keys for small steps; "
            "click the number to type an exact value (values outside the range are clamped).",
            "The first line of each notebook, `%matplotlib widget`, makes figures live; do "
            "not mix it with `%matplotlib inline` in the same notebook.",
        ],
        predict="""
Below is the model in one call: the standing pelvic tilt for a body with nominal muscles.
Before you run it: will the pelvis of a healthy standing person be tilted **anteriorly**
(front of the pelvis lower than the back), **posteriorly**, or exactly **level**?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps import BalanceExplorer
BalanceExplorer().show()""",
        key_numbers_intro="""
The explorer above starts at the nominal body. The same answer as plain numbers (tilt is
the clinical ASIS-PSIS angle, anterior positive; the QL change is from the neutral pelvis):
""",
        key_numbers_code="""\
r = bm.stand()
print(f"tilt: {float(r.tilt_deg):.1f} deg (anterior positive)")
print(f"QL length change from neutral: {float(r.ql_length_change_mm):+.2f} mm")""",
        tasks=[
            Task(
                prompt="""
Move **quad strength** from 1 to 2 and watch the tilt readout. Then put it back with
**reset**. Which way did the pelvis turn, and by roughly how many degrees?
""",
                solution="""
Stronger quadriceps (rectus femoris) tilt the pelvis **anteriorly**, but only by a
degree or so: in quiet standing muscles are only lightly active (2 % of maximum in this
model), so doubling a muscle's strength adds little moment. Notebook 01 looks at why.
""",
            ),
            Task(
                prompt="""
Use the model without widgets: in the cell below, change `hamstring_strength` and run
it. Every input has a range and a unit; try an impossible value such as `-1` and read the
message.
""",
                code="""\
r = bm.stand(hamstring_strength=1.5)
print(f"{float(r.tilt_deg):.1f} deg")""",
                solution="""
A stronger hamstring group tilts the pelvis posteriorly (the tilt falls). An impossible
value is refused with a message that names the input, its range and its unit, e.g.
`hamstring_strength = -1.0 x nominal is outside the allowed range 0.25 to 3 x nominal`.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check.** Using the explorer (or `bm.stand`), what is the clinical tilt of the
nominal body in the **seed** view, to the nearest half degree?
""",
                variable="my_answer_deg",
                check_code="""\
from backspasm_model.selfcheck import check_number
check_number(my_answer_deg, bm.stand(view="seed").tilt_deg, tolerance=0.5, unit="deg",
             what="the seed-view tilt at nominal")""",
            ),
        ],
        takeaways=[
            "The course is one argument (C1-C9) and a model that lets you test each claim.",
            "Widgets re-run the model live; run the notebook from the top first.",
            "A healthy standing pelvis sits in mild anterior tilt: that is normal, not a "
            "disorder (C3's evidence column).",
            "This is a teaching model, not medical advice.",
        ],
        references=REFS_BALANCE[:3] + [REFS_BALANCE[3]],
    )


BUILDERS: dict[str, Callable[[], object]] = {
    "00_start_here": nb00_start_here,
}


def main(argv: list[str]) -> int:
    execute = "--no-execute" not in argv
    wanted = [a for a in argv if not a.startswith("--")]
    for name, build in BUILDERS.items():
        if wanted and not any(name.startswith(w) for w in wanted):
            continue
        path = write_notebook(build(), NOTEBOOKS / f"{name}.ipynb")
        print(f"wrote {path.relative_to(ROOT)}")
        if execute:
            execute_in_place(path)
            print(f"executed {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
