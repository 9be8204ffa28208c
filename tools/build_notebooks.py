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
    build_main,
    course_notebook,
)

from backspasm_model.exercises.prescription import ITEMS  # noqa: E402

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
REFS_PRESCRIPTION: list[tuple[str, str] | str] = [
    ("prescription.toml", "meta.programme_weeks"),
    *(f"`prescription.toml` `{it.id}` dose ({it.dose_status}): {it.dose_source}"
      for it in ITEMS),
    *(f"`prescription.toml` `{it.id}` moves `{m.input}` ({m.status}): {m.source}"
      for it in ITEMS for m in it.moves),
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
from backspasm_model.apps.selfcheck import check_number
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


def nb01_pelvis_and_thigh_muscles():
    return course_notebook(
        title="01 The pelvis and the thigh muscles: a moment balance",
        intro="""
Claim **C2** says the thigh muscles set the tilt of the pelvis - the quadriceps in front,
the hamstrings behind - and **C3** says that quadriceps stronger than the hamstrings hold
the pelvis in anterior tilt. Here you build that picture as a **moment balance**: the
pelvis turns about the hip joints until the moments of everything pulling on it add up to
zero, and it stays there only if a small extra tilt brings a moment that pushes it back.

We start with the **seed view** - the argument's own two-muscle picture (rectus femoris,
the only quadriceps head that crosses the hip, against the hamstrings, plus passive
tissue) - and then switch to the **full view**, which adds the hip flexors, gluteus maximus,
the back extensors, the abdominals and the weight of the upper body.

Model assumptions: quiet standing, knees straight, thigh fixed (so tilting the pelvis
flexes the hip by the same angle), thorax upright (so the lumbar spine extends by the same
angle), muscles lightly active (2 % of maximum, a labelled assumption).
""",
        objectives=[
            "explain how a muscle's force and lever make a moment that tilts the pelvis;",
            "read the tilt-vs-balance curve and find the posture where it crosses zero;",
            "predict how quad and hamstring strength and tightness move the tilt, then check;",
            "say what the seed view (C2, C3) leaves out, using the full view.",
        ],
        controls=CONTROLS_EXPLORER,
        predict="""
The explorer opens in the **seed view** at nominal strength. If you **double the quad
strength** (1 to 2), will the pelvis tilt further anteriorly by about **0.5**, **5** or
**20** degrees? And which way will it go if you make the **hamstrings tight** (0.2)?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps import BalanceExplorer
BalanceExplorer(view="seed").show()""",
        key_numbers_code="""\
for view in ("seed", "full"):
    r = bm.stand(view=view)
    print(f"{view} view, nominal: tilt {float(r.tilt_deg):.1f} deg, "
          f"QL {float(r.ql_length_change_mm):+.2f} mm from neutral")
print(f"hip moment capacity, one side: hamstrings {bm.hip_moment_capacity_Nm('hamstrings'):.0f}"
      f" N m, rectus femoris {bm.hip_moment_capacity_Nm('quadriceps'):.0f} N m")""",
        tasks=[
            Task(
                prompt="""
**Seed view.** Move *quad strength* from 1 to 2, then to 3. Note the tilt each time. Then
reset and move *hamstring strength* down to 0.5. Which change tilts the pelvis more?
""",
                code="""\
for q in (1.0, 2.0, 3.0):
    print(f"quad strength {q}: {float(bm.stand(view='seed', quad_strength=q).tilt_deg):.1f} deg")
print(f"hamstring strength 0.5: "
      f"{float(bm.stand(view='seed', hamstring_strength=0.5).tilt_deg):.1f} deg")""",
                solution="""
Doubling the quads adds well under a degree, tripling them and halving the hamstrings
only a few degrees. Two reasons, both visible in the figure: in standing the muscles are
only lightly active, and at the **hip** the hamstrings have far more force times lever
than rectus femoris (about 2.8 to 1 in gait2392, see the key numbers) - the opposite of
the knee, where the usual hamstring:quadriceps strength ratio is about 0.6. So the
direction of C3 is right, but "stronger quads" is a weak lever on the pelvis in this model.
""",
            ),
            Task(
                prompt="""
**Tightness.** Reset, then set *quad tightness* to 0.2. Then reset and set *hamstring
tightness* to 0.2. Compare the size of these effects with Task 1. Why is tightness so much
stronger than strength here?
""",
                solution="""
A tight muscle has lost part of its optimal length, so at the neutral pelvis it is already
stretched and pulls **passively**, whatever its activation. Passive force grows steeply with
stretch, so tightness moves the tilt by several degrees: tight quads tilt the pelvis
anteriorly, tight hamstrings posteriorly (the ASIS-PSIS tilt can go negative).
""",
            ),
            Task(
                prompt="""
**Full view.** Switch the view to *full*. Which muscle group makes the largest anterior
moment, and which the largest posterior moment, at nominal? Where does the weight of the
upper body push?
""",
                code="""\
r = bm.stand(view="full")
for group, m in r.group_moments_Nm.items():
    print(f"{group:16s} {float(m):+6.1f} N m")
print(f"{'upper-body weight':16s} {float(r.gravity_moment_Nm):+6.1f} N m")
print(f"{'passive tissue':16s} {float(r.passive_moment_Nm):+6.1f} N m")""",
                solution="""
The back extensors (erector spinae with the QL) make the largest anterior moment, the
hamstrings the largest posterior one, with gluteus maximus and the abdominals helping
them; rectus femoris is one of the smaller players. The upper body's weight sits a little
behind the hips in quiet standing, so it pushes posteriorly, and passive tissue balances
the rest. The seed view's two-muscle picture (C2) leaves most of this out.
""",
            ),
            Task(
                prompt="""
**Parameter set.** Switch between gait2392 and Rajagopal 2016 in both views. Does the
answer to "is the normal pelvis anteriorly tilted?" depend on the model you trust?
""",
                solution="""
Both sets stand in a mild anterior ASIS-PSIS tilt at nominal, but by different amounts
(the Rajagopal full view is close to level). Morphology matters even more: in cadaver
pelves the ASIS-PSIS angle alone ranges over about 0-23 degrees (Preece 2008), so a tilt
of a few degrees says little about an individual. Mild anterior tilt is the normal state.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check.** In the **seed** view, with *quad strength* 2 and everything else nominal,
what clinical tilt does the model give? (Use the explorer; one decimal place.)
""",
                variable="my_answer_deg",
                check_code="""\
from backspasm_model.apps.selfcheck import check_number
check_number(my_answer_deg, bm.stand(view="seed", quad_strength=2.0).tilt_deg,
             tolerance=0.2, unit="deg", what="the seed-view tilt with quad strength 2")""",
            ),
            SelfCheck(
                question="""
**Self-check.** With *hamstring tightness* 0.3 in the full view, is the pelvis tilted
`"anterior"` or `"posterior"`? Type the word in quotes.
""",
                variable="my_answer_direction",
                check_code="""\
from backspasm_model.apps.selfcheck import check_choice
r = bm.stand(view="full", hamstring_tightness=0.3)
check_choice(my_answer_direction, "anterior" if float(r.tilt_deg) > 0 else "posterior",
             ("anterior", "posterior"), what="the tilt with tight hamstrings")""",
            ),
        ],
        takeaways=[
            "The pelvis rests where the net moment is zero and falling: a stable balance of "
            "muscles, passive tissue and the upper body's weight.",
            "C2 is only partly right: rectus femoris is the only quadriceps head crossing the "
            "hip, and many other groups act on the pelvis.",
            "C3's direction is right (stronger quads, more anterior tilt), but the effect of "
            "strength is small; at the hip the hamstrings out-lever rectus femoris about 2.8x.",
            "Tightness (passive pull) moves the tilt far more than strength in this model.",
            "Mild anterior tilt is the normal standing posture, and morphology alone spans "
            "about 0-23 degrees of ASIS-PSIS angle.",
        ],
        references=REFS_BALANCE,
    )


def nb02_ql_length_and_force():
    return course_notebook(
        title="02 The quadratus lumborum: how much shorter, how much weaker?",
        intro="""
Claim **C1** places the quadratus lumborum (QL) between the iliac crest and the 12th rib,
so its length depends on where the pelvis sits. **C3** says anterior tilt shortens it, and
**C4** says a shortened muscle makes less force and spasms more easily. This notebook
measures all three in the model: the QL's length from its attachment points as the pelvis
tilts, and its force capacity on the Thelen force-length curve.

The QL here is a line from the iliac crest to the medial 12th rib (one of 18 fascicles in
the lumbar-spine model the geometry comes from). With the thorax upright, an anterior
pelvic tilt is a lumbar extension of the same angle, shared over the five lumbar joints.
""",
        objectives=[
            "compute the QL length change for a given tilt, in mm and in %;",
            "place the QL on its force-length curve and read its force capacity;",
            "judge the size of the effect claimed in C3 and C4 against the model;",
            "say which assumption (the QL's length at neutral) changes the answer most.",
        ],
        controls=CONTROLS_EXPLORER,
        predict="""
Take the most extreme settings of the explorer (quads 3x, hamstrings 0.25x, quads tight).
The pelvis tilts far forward. By how much do you expect the QL to shorten: about
**0.5 mm**, **5 mm** or **5 cm**? And its force capacity to fall by **1 %**, **10 %** or
**50 %**?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps import BalanceExplorer
BalanceExplorer(view="full").show()""",
        key_numbers_code="""\
import numpy as np
from backspasm_model.core import kinematics
L = kinematics.ql_length_m(np.array([0.0, 10.0]))
print(f"QL length at the neutral pelvis: {1000 * L[0]:.1f} mm")
print(f"QL change for 10 deg of anterior tilt: {1000 * (L[1] - L[0]):+.2f} mm "
      f"({100 * (L[1] - L[0]) / L[0]:+.2f} %)")
r = bm.stand()
print(f"nominal posture: QL {float(r.ql_length_change_mm):+.2f} mm, "
      f"capacity {100 * float(r.ql_force_capacity):.2f} %")""",
        tasks=[
            Task(
                prompt="""
**The extreme case.** In the explorer set quad strength 3, hamstring strength 0.25 and quad
tightness 0.3. Read the tilt, the QL change and the QL force capacity. Then run the cell.
""",
                code="""\
r = bm.stand(quad_strength=3.0, hamstring_strength=0.25, quad_tightness=0.3)
print(f"tilt {float(r.tilt_deg):.1f} deg, QL {float(r.ql_length_change_mm):+.2f} mm "
      f"({float(r.ql_length_change_pct):+.2f} %), capacity "
      f"{100 * float(r.ql_force_capacity):.2f} %")""",
                solution="""
Even this extreme, far-from-typical balance tilts the pelvis by just under 20 degrees and
shortens the QL by a few millimetres (a few per cent), and the force capacity stays above
99 %. Near its optimal length the force-length curve is flat, so small length changes
cost almost no force. The zoomed inset in the figure shows how little the point moves.
""",
            ),
            Task(
                prompt="""
**Every fascicle.** The QL is not one line. Compute the length change per degree of tilt
for each of the 18 fascicles of the model.
""",
                code="""\
for name in kinematics.QL_FASCICLES:
    L = kinematics.ql_fascicle_length_m(np.array([-0.5, 0.5]), name)
    print(f"{name:18s} {1000 * (L[1] - L[0]):+.2f} mm per deg")""",
                solution="""
Every fascicle shortens with anterior tilt (C3's direction is right) but only by tenths of
a millimetre per degree. Over the few degrees that separate one standing posture from
another, that is around a millimetre: a per-cent-sized change in a muscle 10-17 cm long.
""",
            ),
            Task(
                prompt="""
**The biggest assumption.** Nobody has measured where the QL sits on its force-length
curve in standing; the model assumes its optimal length at the neutral pelvis. Put it on
the ascending limb instead (0.8 of optimal) and compare the capacity with and without the
extreme balance of Task 1.
""",
                code="""\
for label, kw in (("nominal", {}), ("extreme", dict(quad_strength=3.0, hamstring_strength=0.25,
                                                    quad_tightness=0.3))):
    r = bm.stand(ql_neutral_fibre_length=0.8, **kw)
    print(f"{label:8s} capacity {100 * float(r.ql_force_capacity):.1f} %")""",
                solution="""
On the ascending limb the curve is steeper, so shortening costs more force - but still
only a couple of per cent between nominal and the extreme balance. That is the honest
answer to C4 in this model: the physiology (shorter on the ascending limb means weaker) is
right in principle, but postural length changes are far too small to matter much.
Studies that provoke cramp use maximal effort at marked shortening, not a few millimetres.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check.** Using the key numbers above, how many millimetres does the QL (iliac crest
to 12th rib) shorten for **10 degrees** more anterior tilt? Type a positive number.
""",
                variable="my_answer_mm",
                check_code="""\
from backspasm_model.apps.selfcheck import check_number
L = kinematics.ql_length_m(np.array([0.0, 10.0]))
check_number(my_answer_mm, 1000 * (L[0] - L[1]), tolerance=0.3, unit="mm",
             what="the QL shortening for 10 deg of anterior tilt")""",
            ),
        ],
        takeaways=[
            "C1 holds: the QL's length follows the pelvis, because one end rides on it.",
            "C3's direction holds, its size does not: tenths of a millimetre per degree, a few "
            "per cent at the most extreme balance.",
            "C4's physiology is right in principle, but such small length changes cost under "
            "1 % of force near the optimum and a few per cent on the ascending limb.",
            "The QL's operating length at neutral is an unmeasured assumption: say so when "
            "you use this model.",
        ],
        references=REFS_QL,
    )


def nb03_the_prescription():
    return course_notebook(
        title="03 The prescription: what stretching and strengthening change",
        intro="""
The argument's remedy (**C5**): stretch the quadriceps and strengthen the hamstrings until
the pelvis sits level, and keep the hip abductors strong with side-lying hip abduction
(**C8**, **C9**). It also says low-back strengthening is not advised (**C6**) and that
abdominal strength is overrated (**C7**). The explorer carries the prescription as data
from the package: each exercise, its dose, the claim it answers and which slider it moves.
The button **apply the program** moves those sliders, so you see what the model predicts.

How much a programme changes a muscle is **not** something the model knows: the amounts
are labelled assumptions with a range (see `prescription.toml`). Treat the result as "what
if the exercise did this much", not as a promise.
""",
        objectives=[
            "read the prescription as data: dose, claim id and model effect of each exercise;",
            "predict, then see, the model's tilt and QL change after the program;",
            "compare the size of that change with the normal spread of pelvic tilt;",
            "say what the model can and cannot tell about C6 and C7.",
        ],
        controls=CONTROLS_EXPLORER + [
            "This explorer starts from a **quad-dominant** balance: tight quadriceps (0.15) "
            "and weak hamstrings (0.8).",
        ],
        predict="""
The explorer starts with tight quads and weak hamstrings. Press **apply the program** in
your head first: will the tilt fall by about **0.1**, **1** or **10** degrees? Will the QL
get longer or shorter, and by how much?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps import BalanceExplorer
BalanceExplorer(quad_tightness=0.15, hamstring_strength=0.8).show()""",
        key_numbers_code="""\
from backspasm_model.exercises.prescription import ITEMS, apply_program, moves_text
start = dict(quad_tightness=0.15, hamstring_strength=0.8)
after = apply_program(start)
for label, kw in (("before", start), ("after", after)):
    r = bm.stand(**kw)
    print(f"{label:6s} tilt {float(r.tilt_deg):.1f} deg, QL {float(r.ql_length_change_mm):+.2f} mm")
for item in ITEMS:
    print(f"{item.what} [{', '.join(item.claims)}]: {item.dose_text()}; {moves_text(item)}")""",
        key_numbers_intro="The program applied to the starting balance, as plain numbers:",
        tasks=[
            Task(
                prompt="""
**Apply the program.** Press *apply the program*. The grey ghost is the balance before.
Read the change in tilt and in QL length. Press it again: what does a second programme
add?
""",
                solution="""
The tilt falls by about a degree and the QL lengthens by a few tenths of a millimetre;
its force capacity hardly changes. A second round adds a little more until the quad
tightness reaches zero. In the model the program works in the direction C5 claims, but
the change is small compared with the 0-23 degree spread of ASIS-PSIS angles between
people, and trials of exercise programmes have not shown reliable changes of standing tilt
(e.g. abdominal strengthening, Levine et al. 1997).
""",
            ),
            Task(
                prompt="""
**Which exercise does the work?** Apply each move on its own and compare.
""",
                code="""\
for item in ITEMS:
    r = bm.stand(**apply_program(start, items=(item,)))
    print(f"{item.id:25s} tilt {float(r.tilt_deg):.2f} deg")""",
                solution="""
The stretch (less quad tightness) moves the tilt slightly more than 25 % stronger hamstrings, as in
notebook 01: passive pull beats a little more active tone. Side-lying hip abduction moves
no slider here: the hip abductors act in the frontal plane (keeping the pelvis level in
single-leg stance, C8), which this sagittal model does not contain; notebooks 04-06 model it.
""",
            ),
            Task(
                prompt="""
**C6 and C7.** The argument advises against low-back strengthening and plays down the
abdominals. Use the model: what do stronger back extensors and stronger abdominals do to
the tilt?
""",
                code="""\
for kw in (dict(back_extensor_strength=1.5), dict(abdominal_strength=1.5)):
    print(kw, f"tilt {float(bm.stand(**kw).tilt_deg):.1f} deg")""",
                solution="""
Stronger back extensors tilt the pelvis anteriorly a little (they are anterior tilters),
stronger abdominals posteriorly - the abdominals are not weak: the obliques alone are 900 N
each in gait2392. But tilt is not pain. Trials find that resistance and posterior-chain
training **reduce** chronic low back pain (C6 is contradicted), and abdominal strength
explains little of standing tilt (C7 is half right). A tilt model cannot judge a
treatment; it can only show what the mechanics would do.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check.** From the starting balance of this notebook, what is the tilt **after** the
program is applied once? (Press the button or use the key numbers; one decimal place.)
""",
                variable="my_answer_deg",
                check_code="""\
from backspasm_model.apps.selfcheck import check_number
check_number(my_answer_deg, bm.stand(**apply_program(start)).tilt_deg, tolerance=0.2,
             unit="deg", what="the tilt after the program")""",
            ),
        ],
        takeaways=[
            "The prescription is data: each exercise has a dose, a claim id and a labelled "
            "assumption for what it changes in the model.",
            "In the model stretching and strengthening move the tilt in the direction C5 "
            "claims, by about a degree - small next to normal variation.",
            "Side-lying hip abduction (C8, C9) acts in the frontal plane, outside this "
            "sagittal balance.",
            "C6 is contradicted by trials, C7's force claim by the muscle data; a tilt model "
            "cannot decide a treatment.",
            "This is a teaching model, not medical advice.",
        ],
        references=REFS_PRESCRIPTION + [
            ("muscles.toml", "sets.gait2392"),
            ("pelvis.toml", "clinical.asis_psis_cadaver_mean_deg"),
            ("pelvis.toml", "postural_activation"),
        ],
    )


BUILDERS: dict[str, Callable[[], object]] = {
    "00_start_here": nb00_start_here,
    "01_pelvis_and_thigh_muscles": nb01_pelvis_and_thigh_muscles,
    "02_ql_length_and_force": nb02_ql_length_and_force,
    "03_the_prescription": nb03_the_prescription,
}


def main(argv: list[str]) -> int:
    return build_main(argv, BUILDERS, NOTEBOOKS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
