"""The text a learner reads in every lesson: the markdown cells and the stored outputs of
``notebooks/NN_*.ipynb`` (what Lab, Voila with code hidden and the static edition show).

Checked per lesson:

* no internal project words ("labelled assumption", "CALIBRATED", "seed view", ...) and no
  student instructions that make no sense with the code hidden ("Run All Cells", "in place of
  None");
* no code identifiers: no snake_case name (``tilt_deg``) in markdown prose or printed output,
  and no package name in printed output;
* every abbreviation of :data:`ABBREVIATIONS` is defined in the lesson where it first appears:
  the cell of its first use also spells it out, or links the abbreviation to the glossary.

Code cells' source is not learner text (hidden in the presenter view) and is not checked; the
apps' own labels are checked by the apps' tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))

#: Words of the project's own workflow that mean nothing to a learner (case-sensitive where
#: the capitals are the problem).
INTERNAL = [
    re.compile(r"labelled (assumption|teaching choice)", re.I),
    re.compile(r"\bCALIBRATED\b"),
    re.compile(r"validation target", re.I),
    re.compile(r"\bseed view\b", re.I),
    re.compile(r"the claims table", re.I),
    re.compile(r"test suite", re.I),
    re.compile(r"\(read\)"),
    re.compile(r"Run All Cells"),  # the menu item; Voila has no menu
    re.compile(r"in place of `?None`?", re.I),
    re.compile(r"\bprograms?\b", re.I),  # British spelling for training: programme
]

#: A snake_case identifier: lower-case words joined by underscores (tilt_deg, muscle_set).
SNAKE = re.compile(r"(?<![\w/.-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/])")
PACKAGE = re.compile(r"backspasm_model")

#: Abbreviations of the glossary, each with its spelled-out form (lower case).
ABBREVIATIONS = {
    "ASIS": "anterior superior iliac spine",
    "PSIS": "posterior superior iliac spine",
    "MVIC": "maximal voluntary isometric contraction",
    "Fmax": "maximal isometric force",
    "QL": "quadratus lumborum",
    "BW": "body weight",
    "EMG": "electromyography",
    "SDC": "smallest detectable change",
    "SEM": "standard error of measurement",
    "ICC": "intraclass correlation",
    "TTI": "torque-time integral",
    "NICE": "national institute for health and care excellence",
}


def _strip_markdown(text: str) -> str:
    """Markdown prose without what a reader does not read as words: HTML comments, link
    targets, bare URLs, emphasis markers."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\]\([^)]*glossary[^)]*\)", "]{glossary}", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<https?://[^>]*>|https?://\S+", " ", text)
    return text.replace("**", "").replace("*", "")


def _output_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif "data" in out:
            plain = out["data"].get("text/plain", "")
            parts.append(plain if isinstance(plain, str) else "".join(plain))
    return "\n".join(parts)


def learner_texts(path: Path) -> list[tuple[int, str, str]]:
    """``(cell index, "markdown" or "output", text)`` for every learner-facing text, in order."""
    nb = nbformat.read(path, as_version=4)
    texts = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            texts.append((i, "markdown", _strip_markdown(cell.source)))
        elif cell.cell_type == "code":
            out = _output_text(cell)
            if out.strip():
                texts.append((i, "output", out))
    return texts


def internal_words(texts) -> list[str]:
    return [
        f"cell {i} ({kind}): {m.group(0)!r}"
        for i, kind, text in texts
        for pat in INTERNAL
        for m in pat.finditer(text)
    ]


def code_identifiers(texts) -> list[str]:
    found = []
    for i, kind, text in texts:
        for m in SNAKE.finditer(text):
            found.append(f"cell {i} ({kind}): {m.group(0)!r}")
        if kind == "output":
            found += [f"cell {i} (output): {m.group(0)!r}" for m in PACKAGE.finditer(text)]
    return found


def undefined_abbreviations(texts) -> list[str]:
    """Abbreviations whose first-use cell neither spells them out nor links them to the
    glossary."""
    problems = []
    for abbr, long_form in ABBREVIATIONS.items():
        word = re.compile(rf"(?<![\w-]){re.escape(abbr)}(?!\w)")
        first = next(((i, kind, text) for i, kind, text in texts if word.search(text)), None)
        if first is None:
            continue
        i, kind, text = first
        spelled = long_form in re.sub(r"\s+", " ", text.lower())
        linked = re.search(rf"\[{re.escape(abbr)}\]\{{glossary\}}", text) is not None
        if not (spelled or linked):
            problems.append(f"cell {i} ({kind}): {abbr} used before it is defined ({long_form})")
    return problems


#: Lessons still failing a check when the check was written (lesson, check): xfail, strict,
#: so a fixed lesson fails here until it is removed from this list. Fix the lesson, then
#: delete its entry; never add one.
KNOWN = {
    "internal": set(),
    "identifiers": set(),
    "abbreviations": set(),
    "glossary": set(),
}


def _lessons(check: str) -> list:
    return [
        pytest.param(
            p,
            id=p.stem,
            marks=pytest.mark.xfail(
                strict=True, reason="known violation; once fixed, delete the entry from KNOWN"
            ),
        )
        if p.stem in KNOWN[check]
        else pytest.param(p, id=p.stem)
        for p in LESSONS
    ]


def test_there_are_lessons():
    assert len(LESSONS) >= 8


@pytest.mark.parametrize("lesson", _lessons("internal"))
def test_no_internal_words(lesson):
    assert internal_words(learner_texts(lesson)) == []


@pytest.mark.parametrize("lesson", _lessons("identifiers"))
def test_no_code_identifiers(lesson):
    assert code_identifiers(learner_texts(lesson)) == []


@pytest.mark.parametrize("lesson", _lessons("abbreviations"))
def test_abbreviations_defined_at_first_use(lesson):
    assert undefined_abbreviations(learner_texts(lesson)) == []


@pytest.mark.parametrize("lesson", _lessons("glossary"))
def test_links_the_glossary(lesson):
    nb = nbformat.read(lesson, as_version=4)
    assert any("glossary.md" in c.source for c in nb.cells if c.cell_type == "markdown")


# Negative controls: each check catches what it is for.
@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("a labelled assumption", internal_words),
        ("the seed view", internal_words),
        ("Run > Run All Cells", internal_words),
        ("apply the program", internal_words),
        ("tilt_deg 3.0", code_identifiers),
        ("muscle_set: gait2392", code_identifiers),
        ("The QL shortens.", undefined_abbreviations),
        ("The [QL](https://example.org) shortens.", undefined_abbreviations),
        ("ASIS-PSIS angle", undefined_abbreviations),
    ],
)
def test_checks_catch_bad_text(text, check):
    assert check([(0, "output", text)]) != []


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("apply the programme; the two-muscle view", internal_words),
        (
            "see [glossary](../docs/glossary.md) and 02_pelvis in <https://x.org/a_b>",
            code_identifiers,
        ),
        ("The quadratus lumborum (QL) shortens.", undefined_abbreviations),
        ("The [QL](../docs/glossary.md) shortens.", undefined_abbreviations),
    ],
)
def test_checks_pass_good_text(text, check):
    assert check([(0, "markdown", _strip_markdown(text))]) == []
