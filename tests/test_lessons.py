"""Lessons as text (docs/lesson-template.md).

Every lesson is a pair: ``notebooks/NN_*.ipynb`` (executed, outputs stored; what students
open, Binder serves and nbval checks) and ``notebooks/NN_*.md``, the MyST Markdown notebook a
person edits; jupytext keeps the two in step (``notebooks/jupytext.toml``, ``make notebooks``).
Checked here: every pair exists and is in sync, every lesson carries the template's sections
in order, no program holds lesson text, and no lesson points at a file outside the repository.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from jupytext.config import load_jupytext_config

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
EXAMPLE = NOTEBOOKS / "02_pelvis_and_thigh_muscles.md"  # the template's worked example

IGNORE_OUTPUT = "nbval-ignore-output"
NOT_ADVICE = "teaching model, not medical advice"
# Files outside the repository that lessons must not point at (cite the literature or docs/);
# built from parts so that this file does not name them itself.
OUTSIDE = ("../" + "shared", "parameters" + ".yaml", "validation" + "-public", "claims" + ".md")


def _md(cell, prefix: str) -> bool:
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith(prefix)


def _tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def _is_app(cell) -> bool:
    return cell.cell_type == "code" and IGNORE_OUTPUT in _tags(cell)


def _is_self_check(cell) -> bool:
    """A self-check: the older typed answer (``my_answer_... = None``) or a check widget."""
    if cell.cell_type != "code":
        return False
    src = cell.source
    return (
        ("my_answer" in src and "= None" in src) or "NumberCheck(" in src or "ChoiceCheck(" in src
    )


#: The template's sections in order: (name, test on a cell). Each must be found after the
#: previous one; other cells may sit between them.
SECTIONS = [
    ("title", lambda c: _md(c, "# ") and NOT_ADVICE in c.source),
    ("learning objectives", lambda c: _md(c, "## Learning objectives")),
    ("how to use the controls", lambda c: _md(c, "## How to use the controls")),
    ("predict, then run", lambda c: _md(c, "## Predict, then run")),
    ("set-up cell", lambda c: c.cell_type == "code" and "%matplotlib" in c.source),
    ("the app", _is_app),
    ("tasks", lambda c: _md(c, "## Tasks")),
    ("task solution", lambda c: _md(c, "<details><summary>Solution")),
    ("self-check", lambda c: _md(c, "## Self-check")),
    ("self-check cell", _is_self_check),
    ("takeaways", lambda c: _md(c, "## Takeaways")),
    ("references", lambda c: _md(c, "## References") or _md(c, "## Further reading")),
]


def template_problems(nb) -> list[str]:
    """The template sections missing from ``nb`` or out of order (empty: it follows).
    The key numbers may sit before the tasks or after them (a lesson that reveals its
    numbers after the tasks), but after the app and before the self-check."""
    problems, pos, found_at = [], 0, {}
    for name, is_section in SECTIONS:
        found = next((i for i in range(pos, len(nb.cells)) if is_section(nb.cells[i])), None)
        if found is None:
            problems.append(name)
        else:
            pos = found_at[name] = found + 1
    lo, hi = found_at.get("the app", 0), found_at.get("self-check", len(nb.cells))
    if not any(_md(c, "### Key numbers") for c in nb.cells[lo:hi]):
        problems.append("key numbers")
    return problems


def test_there_are_lessons():
    assert len(LESSONS) >= 8, f"expected notebooks/00-07, found {[p.name for p in LESSONS]}"


def test_jupytext_pairs_ipynb_with_myst_markdown():
    config = load_jupytext_config(str(NOTEBOOKS))
    assert config is not None, "no jupytext.toml applies to notebooks/"
    formats = config.formats if isinstance(config.formats, str) else ",".join(config.formats)
    assert formats == "ipynb,md:myst"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_pairing_comes_from_the_config_only(lesson):
    # No per-file `formats`: a learner's copy of a lesson outside notebooks/ (my-notebooks/)
    # is then not paired, so saving it never writes a stray .md beside it.
    nb = nbformat.read(lesson, as_version=4)
    assert "formats" not in nb.metadata.get("jupytext", {}), f"{lesson.name}: jupytext formats"
    text = jupytext.read(lesson.with_suffix(".md"))
    assert "formats" not in text.metadata.get("jupytext", {}), f"{lesson.stem}.md: formats"


@pytest.mark.slow
def test_nbval_collects_the_ipynb_of_every_lesson_and_no_md():
    # `testpaths` includes notebooks/: the .md of a pair must not be collected (by nbval, a
    # jupytext plugin or doctest), and every lesson's .ipynb must be.
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "notebooks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout
    files = {line.split("::")[0] for line in out.splitlines() if "::" in line}
    assert files == {f"notebooks/{p.name}" for p in LESSONS}, out[-2000:]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_pair_exists_and_is_in_sync(lesson):
    md = lesson.with_suffix(".md")
    assert md.exists(), f"{lesson.name} has no paired {md.name} (jupytext --set-formats)"
    text = jupytext.read(md)
    nb = nbformat.read(lesson, as_version=4)
    hint = f"{md.name} and {lesson.name} differ: run `jupytext --sync` or `make notebooks`"
    assert len(text.cells) == len(nb.cells), hint
    for i, (a, b) in enumerate(zip(text.cells, nb.cells, strict=True)):
        assert a.cell_type == b.cell_type, f"cell {i}: {hint}"
        assert a.source == b.source, f"cell {i}: {hint}"
        assert _tags(a) == _tags(b), f"cell {i} tags: {hint}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_follows_the_template(lesson):
    nb = jupytext.read(lesson.with_suffix(".md"))
    assert template_problems(nb) == [], (
        f"{lesson.with_suffix('.md').name}: template sections missing or out of order "
        "(docs/lesson-template.md)"
    )


def _swap(a: str, b: str):
    return lambda text: text.replace(a, "\0").replace(b, a).replace("\0", b)


def _replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text, f"the negative case no longer applies to {EXAMPLE.name}: {old!r}"
        return text.replace(old, new)

    return edit


# Edits of the worked example that each break one section (negative controls of the check).
BROKEN = [
    ("title", _replace("medical advice.**", "advice.**")),
    ("learning objectives", _replace("## Learning objectives", "## Goals")),
    ("how to use the controls", _replace("## How to use the controls", "## Controls")),
    ("predict, then run", _replace("## Predict, then run", "## Run")),
    ("set-up cell", _replace("%matplotlib widget\n", "")),
    ("the app", _replace(f":tags: [{IGNORE_OUTPUT}]\n", "")),
    ("key numbers", _replace("### Key numbers", "### Numbers")),
    ("tasks", _replace("## Tasks", "## Exercises")),
    ("task solution", _replace("<details><summary>Solution", "<details><summary>Answer")),
    ("self-check", _replace("## Self-check", "## Check")),
    ("self-check cell", _replace("Check(", "Quiz(")),
    ("takeaways", _replace("## Takeaways", "## Summary")),
    ("references", _replace("## Further reading", "## Sources")),
    # out of order: the self-check heading before the tasks
    ("self-check", _swap("## Tasks", "## Self-check")),
    ("how to use the controls", _swap("## Learning objectives", "## How to use the controls")),
]


def test_worked_example_follows_the_template():
    assert template_problems(jupytext.read(EXAMPLE)) == []


@pytest.mark.parametrize(("section", "edit"), BROKEN, ids=[b[0] for b in BROKEN])
def test_template_check_fails_when_a_section_is_broken(tmp_path, section, edit):
    text = EXAMPLE.read_text(encoding="utf-8")
    copy = tmp_path / EXAMPLE.name
    copy.write_text(edit(text), encoding="utf-8")
    assert section in template_problems(jupytext.read(copy))


def test_no_program_holds_lesson_text():
    # The template's headings (spelt so this file does not match itself).
    markers = tuple(
        "## " + h for h in ("Learning objectives", "How to use the controls", "Predict, then run")
    ) + ("<details><summary>" + "Solution",)
    places = [ROOT / "tools", ROOT / "backspasm_model", ROOT / "benchmarks"]
    offenders = [
        f"{path.relative_to(ROOT)}: {m!r}"
        for place in places
        if place.exists()
        for path in sorted(place.rglob("*.py"))
        for m in markers
        if m in path.read_text(encoding="utf-8")
    ]
    assert offenders == [], "lesson text belongs in notebooks/NN_*.md, not in a program"


@pytest.mark.parametrize(
    "path",
    [p for lesson in LESSONS for p in (lesson, lesson.with_suffix(".md")) if p.exists()],
    ids=lambda p: p.name,
)
def test_lessons_do_not_point_outside_the_repository(path):
    # The whole file: markdown, code, stored outputs and widget state.
    text = path.read_text(encoding="utf-8")
    found = [s for s in OUTSIDE if s in text]
    assert found == [], (
        f"{path.name} mentions {found}: cite the literature (author year) or docs/ instead"
    )
