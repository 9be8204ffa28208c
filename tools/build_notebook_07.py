"""Build notebook 07 (testing the claims) from the shared template, then execute it in place.

    .venv/bin/python tools/build_notebook_07.py              # build and execute
    .venv/bin/python tools/build_notebook_07.py --no-execute

Every number the learner reads is printed by a code cell from the package (claims, bands,
Sobol indices); the markdown carries no numbers of the model. Claims are cited by id and
paraphrased in ``backspasm_model/data/claims.toml``; the verdicts and their wording are
computed by :mod:`backspasm_model.evidence.claims` from the model's numbers and stated thresholds.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nbtemplate import (  # noqa: E402
    SelfCheck,
    Task,
    build_main,
    code,
    course_notebook,
    md,
)

ROOT = Path(__file__).resolve().parents[1]
NAME = "07_testing_the_claims"

SETUP = """\
# No live figure in this notebook (the app is a table), so static figures: one backend.
%matplotlib inline
import numpy as np
import backspasm_model as bm
from backspasm_model.evidence import claims; from backspasm_model.evidence import sensitivity; from backspasm_model.evidence import uncertainty
from backspasm_model.plotting.balance import claims as pc
from backspasm_model.apps.selfcheck import check_choice, check_number

results = {c.id: c for c in bm.evaluate_claims()}   # the default model, computed now"""

# One short heading per claim (no numbers); the claim itself is printed from claims.toml.
HEADINGS = {
    "C1": "the QL's length depends on the pelvis",
    "C2": "the thigh muscles set the pelvis",
    "C3": "strong quadriceps tilt the pelvis and shorten the QL",
    "C4": "a shortened QL loses force",
    "C5": "stretch the quadriceps, strengthen the hamstrings",
    "C6": "do not strengthen the low back",
    "C7": "the abdominals make little force",
    "C8": "keep the hip abductors strong",
    "C9": "side-lying hip abduction, leg only to parallel",
}

LOOK_FOR = {
    "C1": "The claim is about geometry: does the distance between the QL's ends change when "
          "the pelvis turns, and in which direction? The size matters for C3 and C4.",
    "C2": "Look at the sign of each moment (anterior positive) and at the share of all the "
          "moments on the pelvis that the two thigh muscles carry at the standing posture.",
    "C3": "The scenario halves the strength ratio of hamstrings to quadriceps. Compare the "
          "tilt change with how much pelves differ anyway, and the QL change with its length.",
    "C4": "Where on its force-length curve does the QL sit at the baseline? Shortening costs "
          "force only on the ascending limb (below the optimal length).",
    "C5": "The remedy starts from a quadriceps-dominant, tight body. Is the tilt change it "
          "buys larger than the spread of pelvic shapes?",
    "C6": "The argument's mechanical reason to avoid back strengthening would be more anterior "
          "tilt. How large is it? (Whether weakness is rare is not something a posture model "
          "computes.)",
    "C7": "Compare the abdominals' maximal moment on the pelvis with rectus femoris', the "
          "muscle at the centre of the argument, not with nothing.",
    "C8": "This needs the frontal-plane single-leg stance model of notebook 05: how much force "
          "must the abductors make at every step?",
    "C9": "Is the prescribed height hard enough to train the abductors, and does it stay below "
          "the range where the QL hikes the hip instead?",
}

SELF_CHECKS = {
    "C1": ("By how many millimetres does the QL's length change over 15 degrees of anterior "
           "tilt? (negative = shorter)", "my_answer_c1_mm", """\
check_number(my_answer_c1_mm, results["C1"].value("change_15deg"), tolerance=0.5, unit="mm",
             what="the QL length change over 15 deg of anterior tilt")"""),
    "C2": ("What percentage of all moments on the pelvis do rectus femoris and the hamstrings "
           "carry together at the nominal posture?", "my_answer_c2_pct", """\
check_number(my_answer_c2_pct, 100 * results["C2"].value("thigh_share"), tolerance=5.0,
             unit="%", what="the thigh muscles' share of the moments", digits=0)"""),
    "C3": ("By how many degrees does the quadriceps-dominant scenario change the tilt?",
           "my_answer_c3_deg", """\
check_number(my_answer_c3_deg, results["C3"].value("delta_tilt"), tolerance=0.3, unit="deg",
             what="the tilt change of the quadriceps-dominant body")"""),
    "C4": ("In the default model, does the QL's force capacity go **up** or **down** when the "
           "quadriceps-dominant balance shortens it?", "my_answer_c4", """\
direction = "down" if results["C4"].value("capacity_change_pct") < 0 else "up"
check_choice(my_answer_c4, direction, ("up", "down"), what="the QL force capacity change")"""),
    "C5": ("By how many degrees does the remedy change the tilt? (negative = backwards)",
           "my_answer_c5_deg", """\
check_number(my_answer_c5_deg, results["C5"].value("delta_tilt"), tolerance=0.3, unit="deg",
             what="the tilt change of the remedy")"""),
    "C6": ("By how many degrees do trained back extensors change the tilt?",
           "my_answer_c6_deg", """\
check_number(my_answer_c6_deg, results["C6"].value("delta_tilt"), tolerance=0.3, unit="deg",
             what="the tilt change with trained back extensors")"""),
    "C7": ("What is the ratio of the abdominals' moment capacity to rectus femoris' in the "
           "gait2392 set?", "my_answer_c7", """\
check_number(my_answer_c7, results["C7"].value("ratio"), tolerance=0.1, unit="x",
             what="the ratio abdominals / rectus femoris", digits=2)"""),
    "C8": ("How many body weights of force do the hip abductors make in single-leg stance?",
           "my_answer_c8_bw", """\
check_number(my_answer_c8_bw, results["C8"].value("abductor_force_BW"), tolerance=0.2,
             unit="BW", what="the abductor force in single-leg stance", digits=2)"""),
    "C9": ("What percentage of the maximal abductor moment does one lift to parallel need?",
           "my_answer_c9_pct", """\
check_number(my_answer_c9_pct, 100 * results["C9"].value("effort"), tolerance=5.0, unit="%",
             what="the relative effort at parallel", digits=0)"""),
}

EVIDENCE_CODE = """\
def show_claim(cid):
    c = results[cid]
    print(f"{cid} (paraphrased): {c.title}")
    print(f"Predicts: {c.predicts}")
    print(f"The model computes: {c.model_test}")
    print()
    print(c.report())
    print()
    print(f"Published evidence: {c.evidence}")
    for ref in c.literature:
        print(f"  - {ref}")
    for entry, source in c.data_sources():
        print(f"  - parameter data {entry}: {source}")"""


def claim_cells() -> list:
    cells = [
        md("""
## The verdicts and their thresholds

Each claim below is turned into numbers the model computes **now** (nothing is typed in),
compared with a threshold, and given one of four plain verdicts:

- **supported**: the effect is there, in the claimed direction, at least as large as the
  threshold;
- **right direction but small**: the claimed direction, but below the threshold;
- **contradicted**: the model shows the opposite (or, for C6, no cost that could matter);
- **untestable here**: nothing in the model can compute it.

The thresholds, with the reasoning behind each (change the model and the verdicts follow):
"""),
        code("""\
for name, (value, unit, used_by, why) in claims.THRESHOLDS.items():
    print(f"{name} = {value:g} {unit}  [{used_by}]\\n    {why}")
print(f"\\nScenarios: quadriceps-dominant = {claims.QUAD_DOMINANT} x baseline; "
      f"training gain = x{claims.TRAINING_GAIN:g}; quadriceps tightness before stretching = "
      f"{claims.START_QUAD_TIGHTNESS:g}")"""),
        code(EVIDENCE_CODE),
    ]
    for cid, heading in HEADINGS.items():
        q, var, check = SELF_CHECKS[cid]
        cells += [
            md(f"## {cid}: {heading}\n\n**What to look at.** {LOOK_FOR[cid]}"),
            code(f'show_claim("{cid}")'),
            md(f"**Self-check ({cid}).** {q}"),
            code(f"{var} = None  # your answer here\n{check}"),
        ]
    return cells


def uncertainty_cells() -> list:
    return [
        md("""
## How sure can the model be?

Five inputs are uncertain in the literature: passive hip and lumbar stiffness, where the
upper body's centre of mass sits, how active the postural muscles are, and which of the two
published muscle models (maximal forces, levers) is right. Their ranges and distributions,
each with its source, are in `data/uncertainty.toml`. A **plausible body** is one draw of
all five. The model stands many of them at once (one vectorised call).
"""),
        code("""\
for f in uncertainty.FACTORS:
    spread = (f"{f.numbers['choices']}" if f.is_choice
              else f"{f.lo:g} to {f.hi:g} ({f.distribution})")
    print(f"{f.label}: {spread} [{f.units}]")
    print(f"    source: {f.source[:150]}")"""),
        code("""\
import time
t0 = time.perf_counter()
bodies = bm.sample_bodies(100_000, seed=0)
elapsed = time.perf_counter() - t0          # varies by machine: not printed
nominal = bm.stand()
for out, unit in (("tilt_deg", "deg"), ("ql_length_change_mm", "mm")):
    lo, hi = bodies.band(out, 0.9)
    print(f"{out}: nominal {float(getattr(nominal, out)):+.2f} {unit}; 90 % of plausible "
          f"bodies between {lo:+.2f} and {hi:+.2f} {unit}")
lo, hi = bodies.band("ql_force_capacity", 0.9)
print(f"QL force capacity: 90 % of plausible bodies between {100 * lo:.3f} and "
      f"{100 * hi:.3f} % of maximum")
print(f"bodies without a stable posture: {100 * bodies.unstable_fraction:.1f} %")"""),
        code("display(pc.plot_tilt_distribution(bodies, float(nominal.tilt_deg)))"),
        md("""
The band follows the balance. Below, the quadriceps strength sweeps its whole range with
the same plausible bodies at every point: compare the **width** of the band with how far
the nominal curve moves.
"""),
        code("""\
q = np.linspace(0.25, 3.0, 23)
sweep = bm.sample_bodies(2000, seed=0, quad_strength=q)
nominal_curve = bm.stand(quad_strength=q).tilt_deg
lo, hi = sweep.band("tilt_deg", 0.9)
print(f"nominal tilt moves by {nominal_curve[-1] - nominal_curve[0]:.1f} deg over the whole "
      f"quad strength range; the band is {np.mean(hi - lo):.1f} deg wide on average")
display(pc.plot_band_vs_input(q, sweep, nominal_curve, xlabel="quad strength (x nominal)"))"""),
        md("""
**Which input matters?** Sobol indices split the variance of an output among the inputs:
the first-order index *S1* is the share an input explains alone, the total index *ST* adds
its interactions with the others. They are computed with SALib (the standard library for
this; it is imported only here). The QL's length follows the tilt through fixed geometry,
so its indices mirror the tilt's. The one-at-a-time tornado below moves each input alone
from the low to the high end of its range, the others nominal: it shows the direction of
each effect, but misses the interactions that make *ST* larger than *S1*. The two
rankings need not agree: the tornado uses the two ends of each range, while the Sobol
indices weight every value by how likely it is.
"""),
        code("""\
sobol = [sensitivity.model_sobol(out, 4096, seed=0)
         for out in ("tilt_deg", "ql_length_change_mm")]
for r in sobol:
    print(f"{r.output} ({r.n_evaluations:,} model runs):")
    for name, s1, s1c, st, stc in r.as_rows():
        print(f"  {name:18s} S1 {s1:5.2f} +/- {s1c:.2f}   ST {st:5.2f} +/- {stc:.2f}")
display(pc.plot_sobol(sobol))"""),
        code("""\
rows = sensitivity.one_at_a_time("tilt_deg")
for r in rows:
    print(f"{r.label:38s} {r.out_low:+6.2f} to {r.out_high:+6.2f} deg "
          f"(swing {r.swing:.2f} deg)")
display(pc.plot_tornado(rows))"""),
        md("""
**How sure is each verdict?** The verdicts above are for the nominal body. The same tests
on plausible bodies give a share of bodies per verdict (the claims that depend on the
uncertain inputs):
"""),
        code("""\
for cid, shares in claims.verdict_spread(2000, seed=0).items():
    print(cid, ", ".join(f"{v}: {100 * s:.2f} %" for v, s in shares.items()))"""),
        md("""
## Where the model stops

What the model leaves out, so what none of the verdicts above can speak to:

- **Static standing only.** One posture, quiet standing, knees straight, femur fixed; no
  walking, lifting, bending or sitting, and no movement between postures.
- **Sagittal plane for tilt.** The pelvis only tilts forward and back; no side tilt,
  rotation or leg-length difference in the balance (the single-leg stance of C8 is a
  separate frontal-plane model).
- **No spine dynamics.** The thorax is held upright and the lumbar joints share the tilt
  in fixed ratios; no inertia, no motor control, no reflexes, no muscle spindles.
- **No pain physiology.** Nothing about nociception, inflammation, sensitisation, fear of
  movement or any psychosocial factor: "spasm" is not a state the model has.
- **Muscles are simple.** One postural activation for every muscle, rigid tendons,
  force-length only (no fatigue, no cramp mechanism, no force-velocity); the QL is one
  line with a lumped force.
- **Training is a multiplier.** Stretching and strengthening change a strength or a
  tightness number; how tissue adapts over weeks is a separate, simple program model.
- **Two template bodies.** Muscle data come from two generic adult models; the plausible
  bodies vary five inputs only, not anatomy, sex or age.
"""),
    ]


def nb07():
    return course_notebook(
        title="07 Testing the claims: what the model says about C1-C9, and how sure it is",
        intro="""
Notebooks 01-06 built the model piece by piece. This one puts each claim of the argument,
**C1-C9**, to the test: what the claim predicts, what the model computes for it (live, from
the package), what published evidence says, and a verdict in plain words that follows from
the computed numbers and thresholds stated in the text. Then it asks how sure the model
itself can be, by standing a hundred thousand plausible bodies at once, and ends with what
the model leaves out.
""",
        objectives=[
            "for each claim C1-C9, say what it predicts, what the model computes for it and "
            "which verdict follows from the stated thresholds;",
            "change one assumption (QL length, strengths, stiffness, parameter set) and say "
            "whether and why a verdict flips;",
            "read a 5-95 % band: the spread of the model's answer across plausible bodies;",
            "say which uncertain input matters most for the tilt (Sobol indices, tornado "
            "chart);",
            "list what the model leaves out, so what it cannot confirm or refute.",
        ],
        controls=[
            "**The claims explorer** (below): each slider is an assumption about the body "
            "(strengths, the QL's fibre length at neutral, passive stiffness, postural "
            "activation, trunk centre of mass); the menu chooses the muscle parameter set. "
            "On release, every claim is re-evaluated and the table updates.",
            "A verdict that differs from the default model's shows the default under it, so "
            "you see at once what your change flipped. **reset** returns to the default.",
            "Below the explorer, each claim has its own section with the numbers printed by "
            "code; the later sections (bands, Sobol indices) do not depend on the sliders.",
        ],
        predict="""
Before you run anything: of the nine claims, how many do you expect a physical model of
standing to **support** fully? Which one do you expect to be most clearly
**contradicted**, and which one cannot be tested by a model of standing at all?
""",
        setup_code=SETUP,
        app_code="""\
from backspasm_model.apps.claims import ClaimsExplorer
ClaimsExplorer().show()""",
        extra_after_app=claim_cells() + uncertainty_cells(),
        key_numbers_intro="""
All nine verdicts of the default model in one place (the same as the sections above):
""",
        key_numbers_code="""\
for c in results.values():
    print(f"{c.id}: {c.verdict}")""",
        tasks=[
            Task(
                prompt="""
**Make the QL start shorter.** The model assumes the QL works at its optimal length when
the pelvis is neutral. Set `ql_neutral_fibre_length` lower (in the explorer or in the cell
below). Which verdict flips, and why that one?
""",
                code="""\
print(claims.verdict_changes(ql_neutral_fibre_length=0.8))""",
                solution="""
A QL that starts below its optimal length sits on the **ascending limb** of its
force-length curve, where any further shortening costs force, so C4's direction turns to
the one the claim predicts. Its size stays far below the force threshold, because the QL
length barely changes (C1, C3). Print the numbers:
""",
                solution_code="""\
c4 = {c.id: c for c in bm.evaluate_claims(ql_neutral_fibre_length=0.8)}["C4"]
print(c4.report())""",
            ),
            Task(
                prompt="""
**Choose the other parameter set** (Rajagopal 2016 in the explorer's menu). Which
verdicts flip? Look at which muscles differ between the two published models.
""",
                code="""\
print(claims.verdict_changes(params="rajagopal2016"))""",
                solution="""
The Rajagopal model gives rectus femoris a much larger maximal force, while the trunk
muscles (borrowed from the same lumbar model) are unchanged, so the ratio in C7 falls.
Its abductors are stronger too, so the same lift in C9 is a smaller fraction of their
maximum. A verdict that depends on which published model you pick is a verdict the
evidence cannot settle.
""",
            ),
            Task(
                prompt="""
**Make the hamstrings weaker** (baseline hamstring strength well below 1), then
**make the lumbar spine stiffer** (lumbar stiffness at the top of its range; the
passive tissue of the low back, the QL's included). Does any verdict flip? What happens
to the tilt changes of C3 and C5?
""",
                code="""\
for change in ({"hamstring_strength": 0.5}, {"lumbar_stiffness_Nm_per_deg": 4.0}):
    rc = {c.id: c for c in bm.evaluate_claims(**change)}
    print(change, "flips:", claims.verdict_changes(**change))
    print(f"   C3 tilt change {rc['C3'].value('delta_tilt'):+.2f} deg, "
          f"C5 tilt change {rc['C5'].value('delta_tilt'):+.2f} deg")""",
                solution="""
Compare the printed tilt changes with the default ones in the C3 and C5 sections. A
stiffer spine resists every moment, so every tilt change shrinks; weaker hamstrings
move the baseline but the scenarios act on top of it. The verdicts that turn on size
stay below their thresholds: postural muscles are only lightly active, so strength
changes shift the balance by little.
""",
            ),
            Task(
                prompt="""
**What would it take?** Find the most extreme quadriceps-dominant body the model allows
(quadriceps at the top of their range, hamstrings at the bottom). Does C3's tilt change
reach the detectability threshold now?
""",
                code="""\
lo_h = bm.INPUT_RANGES["hamstring_strength"].lo
hi_q = bm.INPUT_RANGES["quad_strength"].hi
dt = float(bm.stand(quad_strength=hi_q, hamstring_strength=lo_h).tilt_deg
           - bm.stand().tilt_deg)
print(f"tilt change {dt:+.2f} deg; verdict by the tilt alone: "
      f"{claims.graded_verdict(dt, claims.TILT_DETECTABLE_DEG)}")""",
                solution="""
Compare the printed change with `TILT_DETECTABLE_DEG`: even a body far outside any
measured strength ratio moves the pelvis by an amount of the order of the spread of
pelvic shapes, and the QL length by a small fraction. That is the honest answer to C3:
the direction is right, the size is small.
""",
            ),
        ],
        self_checks=[
            SelfCheck(
                question="""
**Self-check (summary).** How many of the nine claims does the default model fully
**support**?
""",
                variable="my_answer_supported",
                check_code="""\
n_supported = sum(c.verdict == claims.SUPPORTED for c in results.values())
check_number(my_answer_supported, n_supported, tolerance=0, unit="claims",
             what="the number of supported claims", digits=0)""",
                hint="Count them in the key numbers above.",
            ),
        ],
        takeaways=[
            "The geometry of the argument holds (the QL does change length with the pelvis), "
            "and most of its directions are right; its sizes are small, and the verdicts "
            "say so by comparing computed numbers with stated thresholds.",
            "Where the evidence says otherwise (back strengthening, abdominal force), the "
            "model either agrees with the evidence or cannot speak to it.",
            "The model is unsure of itself: compare the width of the band of plausible "
            "bodies with the tilt changes the argument relies on (C3, C5).",
            "A few uncertain inputs carry most of that spread (the Sobol indices say which): "
            "measuring them better would sharpen the model more than anything else.",
            "A verdict that flips when you pick the other published muscle model is one the "
            "evidence cannot settle yet.",
            "This is a teaching model, not medical advice: it cannot speak to pain.",
        ],
        references=[
            ("uncertainty.toml", "factors.hip_stiffness"),
            ("uncertainty.toml", "factors.lumbar_stiffness"),
            ("uncertainty.toml", "factors.trunk_com_offset"),
            ("uncertainty.toml", "factors.activation"),
            ("uncertainty.toml", "factors.muscle_set"),
            ("pelvis.toml", "clinical.asis_psis_cadaver_mean_deg"),
            ("pelvis.toml", "ql.meta"),
            ("pelvis.toml", "ql_neutral_fibre_length"),
            ("pelvis.toml", "hill.active_width_gamma"),
            ("muscles.toml", "sets.gait2392"),
            ("muscles.toml", "sets.rajagopal2016"),
            "Claims C1-C9 and their evidence: `claims.toml` (paraphrased from the project's "
            "claims table; the publications are listed under each claim above).",
            "Sobol indices: SALib, the Sensitivity Analysis Library in Python "
            "(salib.readthedocs.io): Saltelli sampling and Sobol analysis with bootstrap "
            "confidence intervals.",
        ],
    )


def main(argv: list[str]) -> int:
    return build_main(argv, {NAME: nb07}, ROOT / "notebooks", timeout_s=300)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
