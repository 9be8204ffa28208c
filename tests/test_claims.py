"""Claim verdicts: the one rule tested on made-up numbers on both sides of every yardstick and
inside the no-effect band; every part has two verdicts, every outcome entry names population
and intervention, every yardstick a source; C4's mechanics verdict keeps its sign across the
QL operating-length range; the case person's numbers agree between lessons 05, 08 and 09.
(Rewritten for the two-column verdicts: the earlier per-claim rules and the single verdict
word per claim no longer exist.)"""

import json
import math
from pathlib import Path

import numpy as np
import pytest

from backspasm_model.core.balance import INPUT_RANGES
from backspasm_model.core.parameters import read_data_file
from backspasm_model.evidence import claims as c
from backspasm_model.evidence import verdicts as v

ROOT = Path(__file__).resolve().parents[1]
PARTS = read_data_file("claims.toml")["parts"]


def test_one_vocabulary_with_no_effect_and_not_testable():
    assert "no detectable effect" in v.VERDICTS and "not testable in this model" in v.VERDICTS
    assert all(w == w.lower() for w in v.VERDICTS)


@pytest.mark.parametrize("key", sorted(v.YARDSTICKS))
def test_rule_on_both_sides_of_every_yardstick_and_inside_the_band(key):
    y = v.YARDSTICKS[key].value
    band = v.BAND_FRACTION * y
    eps = 1e-6 * y
    assert v.judge_part(y + eps, key) == v.SUPPORTED
    assert v.judge_part(y - eps, key) == v.SMALL
    assert v.judge_part(band + eps, key) == v.SMALL
    assert v.judge_part(band - eps, key) == v.NO_EFFECT
    assert v.judge_part(0.0, key) == v.NO_EFFECT
    assert v.judge_part(-(band - eps), key) == v.NO_EFFECT
    assert v.judge_part(-(band + eps), key) == v.CONTRADICTED
    assert v.judge_part(math.nan, key) == v.UNTESTABLE
    assert v.judge_part(None, key) == v.UNTESTABLE


@pytest.mark.parametrize("bad", ["1.0", True, 1j])
def test_rule_refuses_what_is_not_a_number(bad):
    with pytest.raises(TypeError):
        v.judge(bad, 5.0)


def test_c2_direction():
    assert v.thigh_effect(2.0, -5.0, 0.6) == 0.6
    assert v.thigh_effect(-0.1, -5.0, 0.6) == -0.6
    assert v.thigh_effect(2.0, 0.1, 0.6) == -0.6
    assert math.isnan(v.thigh_effect(math.nan, -5.0, 0.6))


def test_every_part_has_two_verdicts_and_named_outcome_evidence():
    parts = c.evaluate_parts()
    assert {p.id for p in parts} == set(PARTS)
    assert {p.claim for p in parts} == {f"C{i}" for i in range(1, 10)}
    for p in parts:
        assert p.mechanics in v.VERDICTS and p.outcome.verdict in v.VERDICTS
        assert p.outcome.population.strip() and p.outcome.intervention.strip()
        assert p.outcome.note.strip()
    for cid in ("C4", "C6", "C7", "C8", "C9", "C3"):
        assert len([p for p in parts if p.claim == cid]) == 2


def test_every_threshold_carries_a_source_or_reason():
    data = read_data_file("claims.toml")
    for key, y in v.YARDSTICKS.items():
        assert len(y.source) > 40 and y.units and y.kind, key
    assert len(data["rule"]["band_fraction"]["source"]) > 40
    assert "no detectable effect" in data["rule"]["text"]
    bib = (ROOT / "docs" / "references.bib").read_text()
    for y in v.YARDSTICKS.values():
        assert y.cites or y.source.startswith("reasoning"), y.key
        for key in y.cites:
            assert "{" + key + "," in bib, key
    for key in ("between_person_tilt_deg", "within_person_tilt_deg"):
        assert v.YARDSTICKS[key].cites


def test_yardsticks_match_the_question():
    kinds = {pid: v.YARDSTICKS[d["yardstick"]].kind for pid, d in PARTS.items() if "yardstick" in d}
    assert kinds["C3a"] == "between people"
    for pid in ("C5", "C6b", "C7b", "C8b"):
        assert kinds[pid] == "within one person"


@pytest.mark.parametrize(
    "ql",
    np.linspace(
        INPUT_RANGES["ql_neutral_fibre_length"].lo, INPUT_RANGES["ql_neutral_fibre_length"].hi, 13
    ),
)
def test_c4_does_not_change_sign_across_the_ql_operating_length(ql):
    p = next(p for p in c.evaluate_parts(ql_neutral_fibre_length=float(ql)) if p.id == "C4a")
    ref = next(p for p in c.evaluate_parts() if p.id == "C4a")
    band = v.YARDSTICKS["force_loss_pct"].band
    if p.mechanics != ref.mechanics:
        assert abs(p.effect) > band and abs(ref.effect) > band
    assert p.mechanics in (v.NO_EFFECT, v.SMALL, v.SUPPORTED)


def test_untestable_parts_say_so_in_both_places():
    parts = {p.id: p for p in c.evaluate_parts()}
    for pid in ("C4b", "C6a", "C9b"):
        assert parts[pid].mechanics == v.UNTESTABLE and "Not in this model" in parts[pid].reason
    assert parts["C6b"].outcome.verdict == v.CONTRADICTED
    assert "chronic" in parts["C6b"].outcome.population


def test_reach_is_computed_and_c3_support_reachable_only_for_the_tilt_part():
    r = c.verdict_reach()
    assert v.SUPPORTED in r["C3a"]
    assert set(r["C3b"]) == {v.NO_EFFECT}
    assert set(r["C4a"]) == {v.NO_EFFECT}
    setting = r["C3a"][v.SUPPORTED]
    p = next(p for p in c.evaluate_parts(**setting) if p.id == "C3a")
    assert p.mechanics == v.SUPPORTED


def test_spread_samples_ql_length_and_reports_every_part():
    s = c.verdict_spread(400, seed=1)
    assert list(s) == list(PARTS)
    for shares in s.values():
        assert abs(sum(shares.values()) - 1.0) < 1e-9


def test_case_person_is_the_programme_start():
    before, after, weeks = c.case_person()
    start = read_data_file("exercises.toml")["program"]["start"]
    assert before == {k: float(d["value"]) for k, d in start.items()}
    assert weeks == 12 and after["hamstring_strength"] > before["hamstring_strength"]


def _outputs(nb: str) -> str:
    cells = json.loads((ROOT / "notebooks" / nb).read_text())["cells"]
    return "\n".join("".join(o.get("text", "")) for cell in cells for o in cell.get("outputs", []))


def test_case_person_numbers_agree_between_lessons():
    line = c.claim_line("C5")
    for nb in (
        "05_the_prescription.ipynb",
        "08_a_programme_over_weeks.ipynb",
        "09_testing_the_claims.ipynb",
    ):
        assert line in _outputs(nb), nb
