"""Every lesson's "Further reading" is rendered from docs/references.bib
(tools/further_reading.py): the list between the markers equals what the tool renders now,
and every key resolves.

A lesson is converted when its .md carries the marker (docs/lesson-template.md, "Further
reading"). Lessons that may still carry a hand-written references section are listed in
PENDING; any other lesson (a new one included) must be converted. Remove a lesson from PENDING
once it is converted.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "further_reading", ROOT / "tools" / "further_reading.py"
)
fr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fr)

BIB = fr.parse_bibtex(fr.BIB.read_text("utf-8"))
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.md"))
PENDING: set[str] = set()
CONVERTED = [p for p in LESSONS if fr.START.search(p.read_text("utf-8"))]


def test_the_new_lessons_are_converted():
    stems = {p.stem for p in CONVERTED}
    assert {"01_reading_the_pelvis", "04_what_is_a_back_spasm"} <= stems


@pytest.mark.parametrize("lesson", CONVERTED, ids=lambda p: p.stem)
def test_further_reading_is_rendered_from_the_bibliography(lesson):
    text = lesson.read_text("utf-8")
    keys = fr.keys_of(text)
    assert [k for k in keys if k not in BIB] == []
    assert "## Further reading" in text[: fr.START.search(text).start()]
    assert fr.rewrite(text, BIB) == text, (
        f"{lesson.name}: run `python tools/further_reading.py {lesson.relative_to(ROOT)}` "
        "then `jupytext --sync`"
    )


@pytest.mark.parametrize("lesson", CONVERTED, ids=lambda p: p.stem)
def test_the_ipynb_carries_the_same_rendered_list(lesson):
    ipynb = lesson.with_suffix(".ipynb").read_text("utf-8")
    block = fr.render(fr.keys_of(lesson.read_text("utf-8")), BIB)
    for line in block.splitlines():
        assert line.replace('"', '\\"') in ipynb, f"{lesson.with_suffix('.ipynb').name}: {line}"


def test_only_pending_lessons_are_unconverted():
    unconverted = {p.stem for p in LESSONS} - {p.stem for p in CONVERTED}
    assert unconverted <= PENDING, (
        f"{sorted(unconverted - PENDING)}: give the lesson a rendered further-reading section "
        "(docs/lesson-template.md)"
    )


# --- the renderer itself -----------------------------------------------------------------------

SAMPLE = r"""
@article{A2000, author = {M{\"u}ller, Anna B. and Smith, C. and Doe, J. and Roe, R. and
  Poe, P. and Loe, L. and Zoe, Z.}, year = {2000}, title = {A title}, journal = {J \& K},
  volume = {3}, number = {2}, pages = {10--20}, doi = {10.1000/x}}
@techreport{B2001, author = {{Some Centre}}, year = 2001, title = {Guide}, institution = {Inst},
  type = {Guideline}, number = {G1}, url = {https://example.org/g1}}
@book{C2002, author = {Roe, Rick}, year = {2002}, title = {Book.}, publisher = {Pub}}
"""


def test_citation_form():
    bib = fr.parse_bibtex(SAMPLE)
    assert fr.cite("A2000", bib["A2000"]) == (
        "Müller AB, Smith C, Doe J, et al. (2000). A title. *J & K* 3(2):10\u201320. "
        "<https://doi.org/10.1000/x>"
    )
    assert fr.cite("B2001", bib["B2001"]) == (
        "Some Centre (2001). Guide. Guideline G1. Inst. <https://example.org/g1>"
    )
    assert fr.cite("C2002", bib["C2002"]) == "Roe R (2002). Book. Pub."


def test_render_refuses_unknown_keys_and_bad_counts():
    bib = fr.parse_bibtex(SAMPLE)
    with pytest.raises(KeyError, match="Nope2000"):
        fr.render(["A2000", "B2001", "Nope2000"], bib)
    with pytest.raises(ValueError, match="3-6"):
        fr.render(["A2000", "B2001"], bib)
    with pytest.raises(ValueError, match="twice"):
        fr.render(["A2000", "A2000", "B2001"], bib)


def test_rewrite_touches_only_the_marked_block_and_detects_drift():
    bib = fr.parse_bibtex(SAMPLE)
    text = (
        "# L\n\n## Further reading\n\n<!-- further-reading: A2000 B2001 C2002 -->\n"
        "- stale entry\n<!-- /further-reading -->\n\nSee also the glossary.\n"
    )
    new = fr.rewrite(text, bib)
    assert "stale" not in new and new.endswith(
        "<!-- /further-reading -->\n\nSee also the glossary.\n"
    )
    assert new.startswith("# L\n\n## Further reading\n\n<!-- further-reading: A2000 B2001 C2002")
    assert fr.rewrite(new, bib) == new  # idempotent
    with pytest.raises(ValueError, match="end"):
        fr.rewrite(text.replace(fr.END, ""), bib)
