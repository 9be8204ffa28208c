"""Instructor material in docs/ stays in step with the lessons and the model.

- docs/instructor-guide.md: its timing table and its lesson paths name every lesson that exists
  in notebooks/ (NN_*.ipynb) and no lesson that does not; the four-week module takes every
  lesson; the answer key has a section per lesson with every task of it, and its code cells
  run against the current package.
- docs/glossary.md: alphabetical; every abbreviation used in the glossary's own text is itself
  defined; the terms the course relies on are there; every entry says where it is first used;
  links to lessons and to other entries resolve.
- All instructor and glossary pages: author-year citations resolve to docs/references.bib and
  no reading-status note reaches them.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GUIDE = DOCS / "instructor-guide.md"
GLOSSARY = DOCS / "glossary.md"
PAGES = [GUIDE, GLOSSARY, DOCS / "concept-check.md", DOCS / "capstone.md", DOCS / "steelman.md"]
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
STEM = re.compile(r"\b\d\d_[a-z0-9_]+[a-z0-9]\b")


def _section(text: str, heading: str) -> str:
    """Text under a ``## heading`` up to the next ``## `` heading."""
    m = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, f"no '## {heading}' section"
    return m.group(1)


GUIDE_TEXT = GUIDE.read_text("utf-8")
TIMINGS = _section(GUIDE_TEXT, "Timings")
PATHS = _section(GUIDE_TEXT, "Lesson paths")
KEY = _section(GUIDE_TEXT, "Answer key")


def test_there_are_lessons_to_check():
    assert len(LESSONS) >= 8, LESSONS


def test_timing_table_names_every_lesson_with_a_time():
    rows = [line for line in TIMINGS.splitlines() if line.startswith("| `")]
    named = {STEM.search(row).group(0): row for row in rows if STEM.search(row)}
    assert sorted(named) == LESSONS, "the timing table must list exactly the lessons in notebooks/"
    for stem, row in named.items():
        assert re.search(r"\| \d+(-\d+)? \|", row), f"{stem}: no time in minutes"


def test_paths_name_only_lessons_that_exist_and_the_module_takes_every_one():
    named = set(STEM.findall(PATHS))
    assert not named - set(LESSONS), f"paths name lessons that do not exist: {named - set(LESSONS)}"
    module = PATHS.split("**A four-week module**", 1)
    assert len(module) == 2, "the paths need a four-week module"
    missing = set(LESSONS) - set(STEM.findall(module[1]))
    assert not missing, f"the four-week module leaves out {sorted(missing)}"
    for path in ("**One 90-minute class**", "**Two 90-minute classes"):
        assert path in PATHS


def test_planned_lessons_are_marked_planned():
    # Every lesson of the plan exists now (10 How sure can we be? was the last planned row, and
    # the timing table names it by file), so an italic row must say "planned" and must not be a
    # lesson that already exists.
    rows = [line for line in TIMINGS.splitlines() if line.startswith("| *")]
    assert all("planned" in row for row in rows), rows
    assert not [row for row in rows if "How sure can we be?" in row or "The verdicts" in row]


# --- the answer key ---------------------------------------------------------------------------


def _lesson_tasks(stem: str) -> list[int]:
    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text("utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return [int(n) for n in re.findall(r"^### Task (\d+)", text, re.M)]


def _lesson_self_checks(stem: str) -> int:
    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text("utf-8"))
    return sum(
        1
        for c in nb["cells"]
        if c["cell_type"] == "code"
        and "my_answer" in "".join(c["source"])
        and "= None" in "".join(c["source"])
    )


def _key_section(stem: str) -> str:
    m = re.search(rf"^### `{stem}`\s*$(.*?)(?=^### |\Z)", KEY, re.M | re.S)
    assert m, f"the answer key has no section for {stem}"
    return m.group(1)


@pytest.mark.parametrize("stem", LESSONS)
def test_answer_key_covers_every_task_and_self_check(stem):
    section = _key_section(stem)
    for n in _lesson_tasks(stem):
        assert f"**Task {n}.**" in section, f"{stem}: no answer for task {n}"
    if _lesson_self_checks(stem):
        assert "**Self-check" in section, f"{stem}: no answer for its self-checks"
    assert "**Prediction.**" in section, f"{stem}: no answer for the prediction"


STEELMAN = DOCS / "steelman.md"
CELL = re.compile(r"```python\n(.*?)```\n+```text\n(.*?)```", re.S)
CODE = CELL.findall(KEY)
STEELMAN_CODE = CELL.findall(STEELMAN.read_text("utf-8"))


def run_cell(code: str) -> str:
    """What a code cell of the docs prints, run in a fresh namespace."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<docs cell>", "exec"), {"__name__": "docs_cell"})
    return out.getvalue().rstrip()


def regenerate(page: Path) -> None:
    """Rewrite the output under every code cell of ``page`` from the current model.

    Run ``python tests/test_instructor_guide.py`` after a model change, then read the prose
    around each cell again: the numbers it quotes are not rewritten.
    """
    text = page.read_text("utf-8")
    new = CELL.sub(
        lambda m: f"```python\n{m.group(1)}```\n\n```text\n{run_cell(m.group(1))}\n```", text
    )
    page.write_text(new, "utf-8")


def test_answer_key_shows_code_with_its_output():
    assert len(CODE) >= 40
    assert "generated against the current model" in KEY
    assert len(STEELMAN_CODE) >= 4


@pytest.mark.parametrize(
    "code", [c for c, _ in CODE + STEELMAN_CODE], ids=lambda c: c.splitlines()[-1][:40]
)
def test_docs_code_runs_against_the_package(code):
    assert run_cell(code), "a cell must print the numbers it stands for"


# --- the glossary -----------------------------------------------------------------------------

GLOSSARY_TEXT = GLOSSARY.read_text("utf-8")
HEADINGS = re.findall(r"^### (.+)$", GLOSSARY_TEXT, re.M)
ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*\b")

REQUIRED_TERMS = (
    "ASIS",
    "PSIS",
    "ASIS-PSIS angle",
    "Clinical tilt vs the model's reference pose",
    "Neutral",
    "Moment",
    "Moment arm",
    "Net moment",
    "Stability",
    "Optimal fibre length",
    "Force-length curve",
    "Passive force",
    "Ascending limb",
    "Fmax",
    "MVIC",
    "Nominal",
    "Body weight",
    "Pennation",
    "Quadratus lumborum",
    "Rectus femoris",
    "Hamstrings",
    "Iliopsoas",
    "Gluteus maximus",
    "Gluteus medius",
    "Erector spinae",
    "Hip abductors",
    "Pauwels' balance",
    "Pelvic drop",
    "Angular impulse",
    "Torque-time integral",
    "Active insufficiency",
    "Smallest detectable change",
    "Standard error of measurement",
    "Between-person vs within-person change",
    "Spasm",
    "Guarding",
    "Pain-adaptation vs pain-spasm-pain",
    "Sensitivity index",
    "Plausible body",
    "Verdict words",
)


def _primary(heading: str) -> str:
    return heading.split(" (", 1)[0].strip()


def _aliases(heading: str) -> list[str]:
    m = re.search(r"\((.*)\)\s*$", heading)
    return [a.strip() for a in re.split(r"[;,]", m.group(1))] if m else []


def defined_abbreviations(headings: list[str]) -> set[str]:
    """Abbreviations a glossary defines: a heading that is one abbreviation ("ASIS (...)"),
    and every abbreviation inside a heading's parentheses ("Body weight (BW)")."""
    out: set[str] = set()
    for h in headings:
        if ABBREVIATION.fullmatch(_primary(h)):
            out.add(_primary(h))
        for alias in _aliases(h):
            out.update(ABBREVIATION.findall(alias))
    return out


def test_abbreviation_rule_itself():
    heads = ["ASIS (anterior superior iliac spine)", "Body weight (BW)", "ASIS-PSIS angle"]
    assert defined_abbreviations(heads) == {"ASIS", "BW"}
    assert ABBREVIATION.findall("the ASIS-PSIS angle, 81 % MVIC, L5-S1, C3, OpenSim, NG59") == [
        "ASIS",
        "PSIS",
        "MVIC",
        "NG59",
    ]


def test_every_abbreviation_in_the_glossary_is_defined_in_it():
    body = "\n".join(line for line in GLOSSARY_TEXT.splitlines() if not line.startswith("#"))
    body = re.sub(r"\]\([^)]*\)", "]", body)  # link targets are not text
    used = set(ABBREVIATION.findall(body))
    undefined = used - defined_abbreviations(HEADINGS)
    assert not undefined, f"abbreviations used but not defined: {sorted(undefined)}"


def test_glossary_is_alphabetical_and_has_the_course_terms():
    keys = [_primary(h).casefold() for h in HEADINGS]
    assert keys == sorted(keys), "glossary entries out of alphabetical order"
    assert len(set(keys)) == len(keys)
    for term in REQUIRED_TERMS:
        assert any(h.startswith(term) for h in HEADINGS), f"no glossary entry for {term}"


def _entries() -> dict[str, str]:
    parts = re.split(r"^### (.+)$", GLOSSARY_TEXT, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("heading", HEADINGS)
def test_every_entry_says_where_it_is_first_used(heading):
    entry = _entries()[heading]
    m = re.search(r"^First used: (.*?)(?:\n\n|\Z)", entry, re.M | re.S)
    assert m, f"{heading}: no 'First used:'"
    where = m.group(1)
    lessons = re.findall(r"\(\.\./notebooks/(\d\d_[a-z0-9_]+)\.ipynb\)", where)
    assert lessons or "planned lesson" in where or "not yet in a lesson" in where, heading


def _slug(heading: str) -> str:
    s = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return s.replace(" ", "-")


def test_links_to_lessons_and_entries_resolve():
    anchors = {_slug(h) for h in HEADINGS}
    for page in (GLOSSARY, GUIDE):
        text = page.read_text("utf-8")
        for stem in re.findall(r"\.\./notebooks/([^)#\s]+)\.ipynb", text):
            assert stem in LESSONS, f"{page.name}: link to a missing lesson {stem}"
    for anchor in re.findall(r"\]\(#([^)]+)\)", GLOSSARY_TEXT):
        assert anchor in anchors, f"glossary link to a missing entry #{anchor}"
    assert _slug("Clinical tilt vs the model's reference pose") == (
        "clinical-tilt-vs-the-models-reference-pose"
    )


# --- citations and reading notes on every instructor page -------------------------------------

BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (DOCS / "references.bib").read_text("utf-8"), re.M))
CITATION = re.compile(
    r"\b((?:van |de )?[A-Z][A-Za-z\u00c0-\u00ff'-]+(?: (?:&|and) [A-Z][A-Za-z\u00c0-\u00ff'-]+)?)"
    r" \(?((?:19|20)\d\d)\b"
)


def citation_key(authors: str, year: str) -> str:
    """'van Dieën', '2003' -> 'VanDieen2003'; 'Hodges & Tucker', '2011' -> 'HodgesTucker2011'."""
    plain = unicodedata.normalize("NFKD", authors).encode("ascii", "ignore").decode()
    names = [n for n in re.split(r" (?:&|and) ", plain)]
    key = "".join(re.sub(r"[^A-Za-z]", "", n) for n in names)
    return key[0].upper() + key[1:] + year


def test_citation_key_rule():
    assert citation_key("van Dieën", "2003") == "VanDieen2003"
    assert citation_key("Hodges & Tucker", "2011") == "HodgesTucker2011"
    assert CITATION.findall("shape (Preece 2008); NICE 2016 and DiStefano 2009") == [
        ("Preece", "2008"),
        ("NICE", "2016"),
        ("DiStefano", "2009"),
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_author_year_citations_resolve_in_the_bibliography(page):
    text = page.read_text("utf-8")
    found = {citation_key(a, y) for a, y in CITATION.findall(text)}
    assert found or page.name == "concept-check.md" or page.name == "capstone.md"
    unknown = found - BIB_KEYS
    assert not unknown, f"{page.name}: cited but not in docs/references.bib: {sorted(unknown)}"


READING_NOTES = ("not read", "from memory", "abstract read", "second-hand", "abstract excerpt")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_reading_status_notes_or_data_paths(page):
    text = page.read_text("utf-8").lower()
    assert not [n for n in READING_NOTES if n in text]
    if page in (GLOSSARY, DOCS / "steelman.md", DOCS / "concept-check.md"):
        assert ".toml" not in text, f"{page.name} is learner text: cite works, not files"


if __name__ == "__main__":
    for doc in (GUIDE, STEELMAN):
        regenerate(doc)
        print(f"regenerated the outputs in {doc.relative_to(ROOT)}")
