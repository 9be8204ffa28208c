"""The pre/post concept check: its data (backspasm_model/data/concept_check.toml) is well formed,
and docs/concept-check.md shows exactly the same items, so the two cannot drift apart.

Rules: 8-10 items with unique ids; each item 3-5 distinct options, one answer that is among
them, an explanation for every option (the right one says why, each wrong one names the
misconception it reveals); the lessons named exist in notebooks/ or are marked planned.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from backspasm_model.core.parameters import read_data_file

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "concept-check.md"
LESSON_STEMS = {p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
LETTERS = "ABCDE"

ITEMS = read_data_file("concept_check.toml")["items"]
IDS = [item["id"] for item in ITEMS]


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_the_packaged_file_is_the_repository_file():
    on_disk = tomllib.loads((ROOT / "backspasm_model/data/concept_check.toml").read_text("utf-8"))
    assert on_disk["items"] == ITEMS


def test_eight_to_ten_items_with_unique_stable_ids():
    assert 8 <= len(ITEMS) <= 10
    assert len(set(IDS)) == len(IDS), "duplicate id"
    for item_id in IDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item_id), item_id


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_item_is_well_formed(item):
    assert set(item) >= {"id", "question", "options", "answer", "explanations", "lessons"}
    assert item["question"].strip().endswith("?"), "a question ends with a question mark"
    options = item["options"]
    assert 3 <= len(options) <= 5, f"{len(options)} options"
    assert all(o.strip() for o in options)
    assert len({_norm(o) for o in options}) == len(options), "options repeat"
    assert options.count(item["answer"]) == 1, "the answer must be exactly one of the options"
    explanations = item["explanations"]
    assert len(explanations) == len(options), "one explanation per option"
    for option, why in zip(options, explanations, strict=True):
        if option == item["answer"]:
            assert why.startswith("Right."), why
        else:
            # a wrong option names the misconception it reveals, then says what is right
            assert re.match(r"Reveals: .{10,}\. .{10,}", why), why


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_lessons_named_exist_or_are_marked_planned(item):
    assert item["lessons"], "name the lesson that teaches the idea"
    for lesson in item["lessons"]:
        if lesson.endswith("(planned)"):
            assert not re.match(r"\d\d_", lesson), lesson
        else:
            assert lesson in LESSON_STEMS, f"{lesson} is not a lesson in notebooks/"


def test_right_answers_are_spread_over_the_positions():
    positions = [item["options"].index(item["answer"]) for item in ITEMS]
    assert len(set(positions)) >= 3, f"answers sit at positions {positions} only"


# --- the page shows the same items ----------------------------------------------------------

_SECTION = re.compile(r"^\*id: ([a-z0-9-]+)\*$", re.MULTILINE)
_OPTION = re.compile(r"^- \*\*([A-E])\.\*\* (.*?)(?=^- \*\*[A-E]\.\*\* |^\s*$)", re.M | re.S)


def _sections(part: str) -> dict[str, str]:
    """``{id: text}`` of the sections of one part of the page, in order."""
    marks = list(_SECTION.finditer(part))
    return {
        m.group(1): part[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(part)]
        for i, m in enumerate(marks)
    }


def _parts() -> tuple[str, str]:
    text = DOC.read_text("utf-8")
    questions, sep, answers = text.partition("\n## Part 2")
    assert sep, "docs/concept-check.md needs a '## Part 2' (answers) section"
    return questions, answers


def test_page_has_the_same_items_in_the_same_order():
    questions, answers = _parts()
    assert list(_sections(questions)) == IDS
    assert list(_sections(answers)) == IDS


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_page_shows_the_question_and_options_in_order(item):
    section = _sections(_parts()[0])[item["id"]]
    assert _norm(item["question"]) in _norm(section)
    shown = [(letter, _norm(text)) for letter, text in _OPTION.findall(section)]
    expected = [(LETTERS[i], _norm(o)) for i, o in enumerate(item["options"])]
    assert shown == expected
    assert "Right." not in section and "Reveals:" not in section, "no answers in the questions"


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_page_gives_the_answer_and_every_explanation(item):
    questions, answers = _parts()
    letter = LETTERS[item["options"].index(item["answer"])]
    heading = re.search(
        rf"^### Question \d+: ([A-E])\s*\n\s*\*id: {re.escape(item['id'])}\*", answers, re.M
    )
    assert heading and heading.group(1) == letter, "the answer letter in the heading"
    section = _sections(answers)[item["id"]]
    assert f"**Answer {letter}.** {_norm(item['answer'])}" in _norm(section)
    shown = [(lt, _norm(text)) for lt, text in _OPTION.findall(section)]
    expected = [(LETTERS[i], _norm(e)) for i, e in enumerate(item["explanations"])]
    assert shown == expected
