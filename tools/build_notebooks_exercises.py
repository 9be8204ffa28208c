"""Build the exercise notebooks 04-06 from the shared template, then execute them in place.

    .venv/bin/python tools/build_notebooks_exercises.py            # build and execute all
    .venv/bin/python tools/build_notebooks_exercises.py 05         # only this one
    .venv/bin/python tools/build_notebooks_exercises.py --no-execute

Same pattern as ``tools/build_notebooks.py`` (one function per notebook, the fixed sections
from ``tools/nbtemplate.py``). Claims are paraphrased and cited by id (C1-C9), never quoted.
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

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

SETUP = """\
%matplotlib widget
import numpy as np
import backspasm_model as bm"""

REFS_LEG: list[tuple[str, str] | str] = [
    ("exercises.toml", "segments.de_leva_male.mass_fraction_percent"),
    ("exercises.toml", "segments.dempster_winter.leg_mass_fraction"),
    ("exercises.toml", "segments.gait2392.leg_mass_kg"),
    ("exercises.toml", "leg.hip_to_ankle_m"),
    ("exercises.toml", "leg.thigh_share"),
    ("exercises.toml", "leg.hip_centre_separation_m"),
    ("exercises.toml", "abductor_capacity.gait2392_Nm"),
    ("exercises.toml", "abductor_capacity.rajagopal2016_Nm"),
    ("exercises.toml", "abductor_capacity.below_zero_rule"),
    ("exercises.toml", "side_lying.leg_gravity_torque_75kg_0deg_Nm"),
    ("exercises.toml", "side_lying.ql_substitution_onset_deg"),
    ("exercises.toml", "side_lying.gmed_emg_percent_mvic"),
    ("exercises.toml", "dose.rep_duration_s"),
    ("exercises.toml", "dose.fatigue_per_rep"),
]
REFS_STANCE: list[tuple[str, str] | str] = [
    ("exercises.toml", "stance.partial_body_weight_S5"),
    ("exercises.toml", "stance.body_weight_lever_m"),
    ("exercises.toml", "stance.abductor_lever_m"),
    ("exercises.toml", "stance.abductor_angle_deg"),
    ("exercises.toml", "stance.abductor_force_BW"),
    ("exercises.toml", "stance.hip_force_BW"),
    ("exercises.toml", "abductor_moment_arms_m"),
    ("exercises.toml", "abductor_capacity.gait2392_Nm"),
    ("exercises.toml", "stance.hat_com_above_lumbosacral_m"),
    ("exercises.toml", "stance.ql_lateral_lever_m"),
    ("exercises.toml", "stance.ql_fmax_N"),
    ("exercises.toml", "stance.frontal_stiffness_Nm_per_deg"),
    ("exercises.toml", "stance.max_drop_deg"),
]
REFS_PROGRAM: list[tuple[str, str] | str] = [
    ("exercises.toml", "program.hamstring_gain_per_week"),
    ("exercises.toml", "program.abductor_gain_per_week"),
    ("exercises.toml", "program.quad_tightness_loss_per_week"),
    ("exercises.toml", "program.start.quad_strength"),
    ("exercises.toml", "program.start.quad_tightness"),
    ("prescription.toml", "meta.programme_weeks"),
    ("pelvis.toml", "clinical.asis_psis_cadaver_mean_deg"),
    ("pelvis.toml", "postural_activation"),
]


# ---------------------------------------------------------------------------------------------
def nb04_side_lying_hip_abduction():
    return course_notebook(
        title="04 Side-lying hip abduction: the leg's weight against the abductors",
        intro="""
The argument's exercise (**C9**): lie on one side, bottom knee bent, top knee straight and
the thigh in line with the trunk; lift the top leg, but only until it is parallel to the
surface - higher, it says, and the low-back muscles do the lifting; 3 sets of 10 per side,
ankle weights to progress. It serves **C8**: keep the hip abductors (gluteus medius) strong.

This notebook gives the exercise numbers. The **demand** is the gravity torque of the
straight leg about the hip, from published segment tables and your body mass, plus any
ankle weight. The **capacity** is the largest abduction moment gluteus medius, minimus and
TFL can make at each angle (two OpenSim models; it falls as the leg rises because the
muscle fibres get too short - *active insufficiency*). Their ratio is the **relative
effort**. The angle is measured from the surface-parallel line: 0 deg = parallel,
positive = higher.
""",
        objectives=[
            "compute the leg's gravity torque about the hip and explain why it falls as "
            "cos(angle);",
            "say how much one kilogram at the ankle adds (N m per kg);",
            "explain why the relative effort rises above parallel although the torque falls;",
            "locate the angles where QL substitution (hip hiking) is reported and read the "
            "'lift only to parallel' rule in that light;",
            "turn the prescribed dose (3 x 10 per side) into an angular impulse and a count of "
            "hard reps.",
        ],
        controls=[
            "**leg angle above parallel (deg)**: where the top leg is now; -12 deg is about "
            "where it rests on the other leg, 0 is parallel to the surface.",
            "**ankle weight (kg)** at the ankle; **body mass (kg)** scales the leg's mass and "
            "the muscles; **abductor strength (x nominal)** scales the capacity.",
            "**effort threshold (fraction of maximum)**: a rep counts as hard when its peak "
            "effort is above it (the readout counts them for one session).",
            "**segment table**: de Leva 1996 (default), Dempster/Winter or the OpenSim leg; "
            "**abductor capacity**: gait2392 or Rajagopal 2016.",
            "The figure: the leg diagram (left; the shaded wedge is the 25-45 deg zone where "
            "QL substitution is reported; the dotted line is the lever of the leg's weight), "
            "demand and capacity against angle (top right), effort (bottom right).",
        ],
        predict="""
Lift the leg from parallel (0 deg) to 40 deg. Will the torque the abductors must hold get
**larger** or **smaller**? And the **relative effort** - the fraction of their maximum they
must use?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps.exercises import AbductionExplorer
AbductionExplorer().show()""",
        key_numbers_intro="""
The same model as plain numbers (75 kg, no ankle weight; validation target V4 says
44-50 N m at 0 deg):
""",
        key_numbers_code="""\
for seg in ("de_leva_male", "de_leva_female", "dempster_winter", "gait2392"):
    r = bm.side_lying_abduction(0.0, body_mass_kg=75.0, segments=seg)
    print(f"{seg:16s} leg {float(r.leg_mass_kg):5.2f} kg, lever {100 * float(r.leg_com_m):.1f} cm,"
          f" torque at 0 deg {float(r.torque_Nm):.1f} N m")
r = bm.side_lying_abduction([-12.0, 0.0, 20.0, 30.0, 40.0, 50.0])
for a, t, c, e in zip(r.angle_deg, r.torque_Nm, r.capacity_Nm, r.effort_fraction):
    print(f"{a:+5.0f} deg: torque {t:5.1f} N m, capacity {c:5.1f} N m, effort {100 * e:3.0f} %")
print(f"one kg at the ankle adds {float(bm.side_lying_abduction(0.0).ankle_weight_Nm_per_kg):.1f}"
      " N m at 0 deg")""",
        tasks=[
            Task(
                prompt="""
**The torque-angle curve.** Move the leg from -12 to 50 deg. Where is the torque largest?
Check the cos rule: divide the torque at 45 deg by the torque at 0 deg.
""",
                code="""\
r = bm.side_lying_abduction([0.0, 45.0])
print(f"{float(r.torque_Nm[1] / r.torque_Nm[0]):.3f}", f"{np.cos(np.radians(45)):.3f}")""",
                solution="""
The torque is largest at parallel: there the leg's weight acts with its full lever (the
distance from the hip to the leg's centre of mass, about 30 cm). Lifted by an angle, the
horizontal lever shrinks to that distance times cos(angle), so the torque at 45 deg is
0.707 of the torque at 0 deg (about 31 N m instead of 44 N m for 75 kg). Below parallel the
same is true: the resting leg at -12 deg is almost as heavy to hold as at 0 deg.
""",
            ),
            Task(
                prompt="""
**Ankle weights.** Set 1, 2 and 3 kg. How many N m does each kilogram add at 0 deg, and
why that number? How many kilograms make the effort at parallel as high as the unloaded
effort at 40 deg?
""",
                code="""\
e40 = float(bm.side_lying_abduction(40.0).effort_fraction)
for kg in (0.0, 1.0, 2.0, 3.0):
    e0 = float(bm.side_lying_abduction(0.0, ankle_weight_kg=kg).effort_fraction)
    print(f"{kg:.0f} kg: effort at 0 deg {100 * e0:.0f} %",
          f"(unloaded at 40 deg: {100 * e40:.0f} %)")""",
                solution="""
Each kilogram adds its weight times the hip-ankle distance: 9.81 m/s^2 x 0.826 m = 8.1 N m
per kg at 0 deg (and 8.1 cos(angle) elsewhere). It is proportional to the mass: 2 kg add
16.2 N m. About 2 kg at the ankle makes the effort at parallel (about 47 %) match the
unloaded effort at 40 deg: that is the progression the argument proposes - load at
parallel instead of height.
""",
            ),
            Task(
                prompt="""
**The "parallel" rule.** Watch the effort curve and the shaded 25-45 deg band. Why does the
effort climb above parallel although the torque falls? What does the model say about the
rule "lift only to parallel, higher and the low back does the lifting"?
""",
                solution="""
The capacity falls faster than the torque: at 40 deg gluteus medius works with fibres at
about 0.4 of their optimal length (active insufficiency), so the abductors can make only
71 N m instead of 128 N m (gait2392). The effort climbs from about 34 % at parallel to
about 47 % at 40 deg and 60 % at 50 deg. QL substitution (hip hiking: the QL lifts the
pelvis to raise the leg) is reported at 25-45 deg; in the model that is where effort starts
climbing steeply. So the rule is consistent with the mechanics, with two caveats: the
torque itself is *largest* at parallel (the rule does not make the exercise easy), and the
model has no QL in this exercise - it shows where substitution becomes more likely, not
that it happens. Published EMG finds gluteus medius at 81 +/- 42 % of maximum in this
exercise (Distefano 2009): the model's 34-60 % lies within that wide spread.
""",
            ),
            Task(
                prompt="""
**The dose as numbers.** The prescription says 3 sets of 10 per side. The cell computes one
session: the angular impulse (torque integrated over time, N m s) and how many reps per
side exceed 40 % effort, without and with 2 kg, and with some fatigue within each set.
""",
                code="""\
for kw in ({}, {"ankle_weight_kg": 2.0}, {"ankle_weight_kg": 2.0, "fatigue_per_rep": 0.02}):
    d = bm.abduction_dose(effort_threshold=0.5, **kw)
    print(kw, f"session {float(d.angular_impulse_session_Nms):.0f} N m s,",
          f"{int(d.reps_above_effort)} of {d.sets * d.reps} reps per side above 50 %")""",
                solution="""
With a 4 s rep from rest to parallel and back, one session carries about 10,450 N m s
(both sides). Two kilograms raise it by more than a third, and every rep then passes
40 % effort, but none passes 50 % - until fatigue (here an assumed 2 % loss of capacity per rep)
pushes the late reps of each set over it. The fatigue rate is a labelled assumption, not a
measured number; set it to 0 to see the fresh-muscle answer.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check.** For a 90 kg person (de Leva table, no ankle weight), what is the gravity
torque of the leg at 30 deg above parallel, in N m?
""",
                variable="my_answer_Nm",
                check_code="""\
from backspasm_model.apps.selfcheck import check_number
check_number(my_answer_Nm, bm.side_lying_abduction(30.0, body_mass_kg=90.0).torque_Nm,
             tolerance=1.0, unit="N m", what="the leg torque at 30 deg for 90 kg")""",
                hint="the torque at 0 deg scales with body mass; then multiply by cos(30 deg).",
            ),
            SelfCheck(
                question="""
**Self-check.** How many N m does a 1.5 kg ankle weight add when the leg is parallel?
""",
                variable="my_answer_ankle_Nm",
                check_code="""\
check_number(my_answer_ankle_Nm,
             bm.side_lying_abduction(0.0, ankle_weight_kg=1.5).ankle_weight_torque_Nm,
             tolerance=0.3, unit="N m", what="the torque of a 1.5 kg ankle weight at 0 deg")""",
            ),
        ],
        takeaways=[
            "The leg's gravity torque is about 44-50 N m at parallel for 75 kg (V4) and falls "
            "as cos(angle); an ankle weight adds about 8.1 N m per kg.",
            "The abductors' capacity falls faster than the torque (active insufficiency), so "
            "the relative effort rises above parallel - where QL substitution is reported "
            "(25-45 deg).",
            "'Lift only to parallel' fits the mechanics: it keeps gluteus medius near its "
            "strong range and loads it with ankle weights instead of height.",
            "The model does not contain the QL in this exercise: it shows where substitution "
            "becomes likely, not that it happens.",
            "This is a teaching model, not medical advice.",
        ],
        references=REFS_LEG + [
            "Claims C8 and C9 (paraphrased from the project's claims table); QL substitution "
            "at 25-45 deg and gluteus medius EMG 81 +/- 42 % MVIC (Distefano 2009) as given "
            "there.",
        ],
    )


# ---------------------------------------------------------------------------------------------
def nb05_single_leg_stance():
    return course_notebook(
        title="05 Single-leg stance: what the hip abductors hold",
        intro="""
**C8** says: keep the hip abductors (gluteus medius) strong. This notebook shows why, with
the classic frontal-plane balance of Pauwels (1965). Standing on one leg, everything above
the stance hip - head, arms, trunk and the swing leg, about 0.81 of body weight - hangs
about 11 cm to the inside of that hip. Only the abductors, with a lever of about 4 cm on
the outside, hold the pelvis level. A lever ratio near 3 means a muscle force of about
2.2 body weights and a hip joint force of about 3 body weights (validation target V5).

When the abductors cannot make that moment, the pelvis drops on the swing side - the
**Trendelenburg sign** - until passive tissue takes up the rest. The usual compensation is
to lean the trunk over the stance hip. That shortens the weight's lever, but the muscles on
the swing side of the trunk, the QL among them, must then hold the leaning trunk.
""",
        objectives=[
            "draw the free-body diagram of the pelvis in single-leg stance and compute the "
            "abductor and hip joint forces in body weights;",
            "explain the lever ratio and why the hip carries about three body weights;",
            "predict the pelvic drop when the abductors are weak, and why weaker abductors "
            "never reduce it;",
            "describe what a trunk lean buys and what it costs the trunk muscles and the QL.",
        ],
        controls=[
            "**abductor strength (x nominal)**: scales the maximal moment of gluteus medius, "
            "minimus and TFL (1 = the OpenSim model).",
            "**body mass (kg)**: scales weight and muscles together (forces in body weights "
            "do not change).",
            "**trunk lean over the stance hip (deg)**: the compensation.",
            "**passive hip restraint (N m/deg)**: how stiffly passive tissue resists the "
            "pelvic drop. This is an **assumption** (no source was found); it changes the "
            "size of the drop, not whether it happens.",
            "The figure: the pelvis from the front (left; arrows to scale, 1 body weight = "
            "7 cm; the dashed line is a level pelvis), the moment needed vs available against "
            "abductor strength (top right), the drop and the lean that would level it (bottom "
            "right).",
        ],
        predict="""
The abductors' lever (4 cm) is much shorter than the body weight's lever (11 cm). Will the
abductor force in single-leg stance be **less than**, **about equal to** or **more than**
body weight? And the force in the hip joint?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps.exercises import StanceExplorer
StanceExplorer().show()""",
        key_numbers_intro="The Pauwels balance at nominal, and with weaker abductors:",
        key_numbers_code="""\
r = bm.single_leg_stance()
print(f"abductor force {float(r.abductor_force_BW):.2f} BW,",
      f"hip force {float(r.hip_force_BW):.2f} BW,",
      f"effort {100 * float(r.effort_fraction):.0f} % of capacity")
s = np.array([1.0, 0.6, 0.5, 0.4, 0.3, 0.2])
w = bm.single_leg_stance(abductor_strength=s)
for si, d, lean in zip(s, w.pelvic_drop_deg, w.lean_to_level_deg):
    print(f"strength {si:.1f}: pelvic drop {d:4.1f} deg, lean to level {lean:4.1f} deg")""",
        tasks=[
            Task(
                prompt="""
**V5 by hand.** Compute the abductor force from the moment balance about the stance hip,
M x 4.0 cm = 0.814 BW x 10.99 cm, and the hip force as the vector sum of the weight and the
abductor force (its line 21 deg from the vertical).
""",
                code="""\
S5, a, BO, alpha = 0.8136, 10.99, 4.0, np.radians(21.0)
M = S5 * a / BO
R = np.hypot(S5 + M * np.cos(alpha), M * np.sin(alpha))
print(f"M = {M:.2f} BW, R = {R:.2f} BW")""",
                solution="""
M = 0.8136 x 10.99 / 4.0 = 2.24 body weights, and R = 3.01 body weights: the hip carries
three times body weight in quiet single-leg stance, most of it from its own muscles.
In-vivo hip implants measure loads of the same order (about 2.6 BW, Bergmann 2016, quoted
in the claims table). The model levers of gluteus medius (3.2-5.3 cm in gait2392 and
Rajagopal) give 1.7-2.8 BW.
""",
            ),
            Task(
                prompt="""
**How weak is too weak?** Lower the abductor strength until the pelvis starts to drop.
At what strength does that happen, and what fraction of their maximum do nominal
abductors use in single-leg stance?
""",
                solution="""
Nominal abductors use about 52 % of their maximum to stand on one leg (65.8 N m of
127 N m for 75 kg). Below about 0.52 x nominal they cannot make the moment and the pelvis
drops on the swing side; at 0.3 x nominal the drop is about 7 deg with the assumed passive
restraint. Weaker abductors never give a smaller drop - the model's property test checks
this over thousands of random bodies.
""",
            ),
            Task(
                prompt="""
**The compensation and its cost.** At strength 0.3, move the trunk lean until the pelvis is
level. How far must the trunk lean, and what must the swing-side trunk muscles hold? Could
the QL do it alone?
""",
                code="""\
r = bm.single_leg_stance(abductor_strength=0.3)
lean = float(r.lean_to_level_deg)
lv = bm.single_leg_stance(abductor_strength=0.3, trunk_lean_deg=lean)
print(f"lean {lean:.1f} deg, lateral moment at L5-S1 {float(lv.lateral_moment_Nm):.1f} N m,"
      f" QL alone {100 * float(lv.ql_effort_if_alone):.0f} % of its maximum")""",
                solution="""
About 14 deg of lean levels the pelvis. The swing-side trunk muscles must then hold about
28 N m of lateral bending at the lumbosacral joint - about twice what the QL alone can make
(its 208 N of maximal force on a 6.7 cm lever give about 14 N m). The obliques and erector
spinae must help. This is the mechanical link between weak hip abductors and extra work
for the low-back muscles that C8 points at; the model does not say this work causes
spasm.
""",
            ),
            Task(
                prompt="""
**An assumption you can see.** Change the passive hip restraint from 2 to 15 N m/deg at
strength 0.3. What changes and what does not?
""",
                solution="""
The size of the drop changes a lot (about 14 deg at 2 N m/deg, under 2 deg at 15 N m/deg)
because it is the shortfall of moment divided by that stiffness. Whether the pelvis drops,
the abductor force, the shortfall and the lean needed to level it do not depend on it.
Always ask which conclusions rest on an assumed number.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check.** With abductors at 0.4 x nominal (75 kg, no lean), what is the pelvic drop
in degrees?
""",
                variable="my_answer_deg",
                check_code="""\
from backspasm_model.apps.selfcheck import check_number
check_number(my_answer_deg, bm.single_leg_stance(abductor_strength=0.4).pelvic_drop_deg,
             tolerance=0.3, unit="deg", what="the pelvic drop at 0.4 x nominal")""",
            ),
            SelfCheck(
                question="""
**Self-check.** What is the hip joint force at nominal strength, in body weights?
""",
                variable="my_answer_BW",
                check_code="""\
check_number(my_answer_BW, bm.single_leg_stance().hip_force_BW, tolerance=0.05,
             unit="BW", what="the hip joint force", digits=2)""",
            ),
        ],
        takeaways=[
            "In single-leg stance the abductors pull with about 2.2 body weights and the hip "
            "carries about 3 (Pauwels, V5): a short lever against a long one.",
            "Weak abductors let the pelvis drop on the swing side (Trendelenburg); weaker "
            "never means less drop.",
            "Leaning the trunk over the stance hip levels the pelvis but hands a lateral "
            "bending moment to the swing-side trunk muscles - more than the QL alone can "
            "hold.",
            "C8 (keep the abductors strong) is standard biomechanics; the size of the drop "
            "rests on an assumed passive stiffness.",
            "This is a teaching model, not medical advice.",
        ],
        references=REFS_STANCE + [
            "Claim C8 (paraphrased from the project's claims table): in-vivo hip loads about "
            "2.6 BW (Bergmann et al. 2016, OrthoLoad), as given there.",
        ],
    )


# ---------------------------------------------------------------------------------------------
def nb06_a_program_over_weeks():
    return course_notebook(
        title="06 A program over weeks: strengthen, stretch, and watch the pelvis",
        intro="""
The remedy of the argument (**C5**, with **C8** and **C9**) is a program: stretch the
quadriceps, strengthen the hamstrings and the hip abductors. Notebook 03 applied it in one
step; here it runs week by week. Each week the trained muscles gain strength and the
stretched rectus femoris loses tightness, and the new balance goes into the same standing
model (`bm.stand`) and the single-leg-stance model.

The rates are the weakest numbers of the course. Strength gains come from six-week
training trials (hamstrings about 2.5 % of the starting strength per week, hip abductors
about 2 % per week with this very exercise). For stretching **no good source exists**: trials
measure range of motion, which mostly reflects stretch tolerance, not the muscle's passive
properties; the rate is an input with a range from "nothing" to "all of the measured range
gain". Every curve therefore comes with a **band**: the same program with every rate at
the slow and at the fast end.
""",
        objectives=[
            "run the program and read the tilt, QL-length and abductor trajectories with their "
            "bands;",
            "say which part of the program does the work in the model;",
            "explain where each rate comes from and which one is an assumption;",
            "compare the predicted change with the normal spread of pelvic tilt.",
        ],
        controls=[
            "**weeks of the program** (0-16); the start values (quad strength, hamstring "
            "strength, quad tightness, abductor strength) describe the person on day one - by "
            "default the argument's premise: strong, tight quads and weak hamstrings.",
            "**hamstring gain**, **abductor gain** (fraction of the starting strength per "
            "week) and **quad tightness lost** (fraction of optimal fibre length per week): "
            "the nominal rates; the band always spans each rate's full range.",
            "The check boxes switch parts of the program off.",
            "The prescription panel on the right is the same as in the balance explorer "
            "(notebook 03): dose, claim ids and what each exercise moves.",
            "The figure: tilt, QL length change and abductor capacity against week; the "
            "dashed line is the moment single-leg stance needs.",
        ],
        predict="""
After 12 weeks of the full program, will the standing tilt fall by about **0.1**, **1** or
**5** degrees? Which of the three parts will matter most?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps.exercises import ProgramExplorer
ProgramExplorer().show()""",
        key_numbers_intro="The default program (12 weeks, nominal rates and the band):",
        key_numbers_code="""\
r = bm.program(weeks=12)
for i in (0, 4, 8, 12):
    print(f"week {r.week[i]:2.0f}: tilt {r.tilt_deg[i]:.2f} deg"
          f" (band {r.tilt_low_deg[i]:.2f} to {r.tilt_high_deg[i]:.2f}),"
          f" QL {r.ql_length_change_mm[i]:+.2f} mm,"
          f" QL capacity {100 * r.ql_force_capacity[i]:.2f} %,"
          f" abductors {r.abductor_capacity_Nm[i]:.0f} N m")""",
        tasks=[
            Task(
                prompt="""
**Which part does the work?** Switch the parts off one at a time (check boxes), or run the
cell. Which part moves the tilt most? Which part moves nothing in standing?
""",
                code="""\
parts = ("train_hamstrings", "train_abductors", "stretch_quads")
for on in parts:
    flags = {p: (p == on) for p in parts}
    r = bm.program(weeks=12, **flags)
    print(f"only {on:16s}: tilt {r.tilt_deg[0]:.2f} -> {r.tilt_deg[-1]:.2f} deg")""",
                solution="""
At the nominal rates the hamstring training (about 30 % more strength after 12 weeks)
and the stretch (quad tightness from 0.10 to 0.04) each move the tilt by about 0.6 deg;
together about 1.2 deg. Abductor training moves nothing in standing: the abductors act in
the frontal plane. It shows up in the abductor capacity, which rises above what
single-leg stance needs.
""",
            ),
            Task(
                prompt="""
**Read the band.** Why is the upper edge of the tilt band flat? What would make the band
narrower?
""",
                solution="""
Every rate's range starts at zero (a trial arm with no measurable gain, or stretching that
changes only tolerance), so the slow edge of the band is "the program changed nothing in
the muscles". The band narrows only with better evidence: trials that measure the muscles'
force and passive properties - not range of motion - over 12-16 weeks. Weeks 7-16 are an
extrapolation of six-week trials, so the band should really widen with time.
""",
            ),
            Task(
                prompt="""
**Size.** Compare the 12-week change of tilt with the 0-23 deg spread of the ASIS-PSIS angle
between healthy pelves (Preece 2008) and with the QL's length (about 165 mm).
""",
                solution="""
About one degree of tilt and a few tenths of a millimetre of QL (well under 1 % of its
length; its force capacity stays above 99.99 %). The direction agrees with C5, the size is
small next to normal variation, and trials of exercise programmes have not shown reliable
changes of standing tilt. The model supports "strengthen the hip abductors" on other
grounds (notebook 05), not through the standing tilt.
""",
            ),
            Task(
                prompt="""
**Zero weeks.** Set the weeks to 0. What must the model give, and does it?
""",
                code="""\
r0 = bm.program(weeks=0)
s = bm.stand(quad_strength=1.5, hamstring_strength=0.8, quad_tightness=0.1)
print(f"{r0.tilt_deg[0]:.4f} {float(s.tilt_deg):.4f}")""",
                solution="""
With zero weeks nothing has changed: the program returns the starting balance, the same
tilt as `bm.stand` with the starting inputs. The test suite checks this property.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check.** With the default start and nominal rates, what is the tilt after 8 weeks
(deg, one decimal)?
""",
                variable="my_answer_deg",
                check_code="""\
from backspasm_model.apps.selfcheck import check_number
check_number(my_answer_deg, bm.program(weeks=8).tilt_deg[-1], tolerance=0.1, unit="deg",
             what="the tilt after 8 weeks")""",
            ),
        ],
        takeaways=[
            "Run week by week, the program moves the standing tilt in the direction C5 "
            "claims by about a degree in 12 weeks - small next to normal variation.",
            "Strength-gain rates come from six-week trials; the stretching rate has no good "
            "source and is an input with a range - hence the bands.",
            "Abductor training does its work in the frontal plane (single-leg stance), not in "
            "the standing tilt.",
            "This is a teaching model, not medical advice.",
        ],
        references=REFS_PROGRAM,
    )


BUILDERS: dict[str, Callable[[], object]] = {
    "04_side_lying_hip_abduction": nb04_side_lying_hip_abduction,
    "05_single_leg_stance": nb05_single_leg_stance,
    "06_a_program_over_weeks": nb06_a_program_over_weeks,
}


def main(argv: list[str]) -> int:
    return build_main(argv, BUILDERS, NOTEBOOKS)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
